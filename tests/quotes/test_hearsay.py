"""An impersonal subject ("man sier at", "on dit que", "man sagt, dass") heads hearsay: no
indirect quote is recorded for it, while a person's "hun sier at" still is one."""

from __future__ import annotations

import pytest

from .quote_builder import Person, find, quotes_of

BERG = Person("p1", "Kari Berg", ["Kari Berg", "Berg"])


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nb", "Man sier at regjeringen har økt skattene kraftig i år."),
        ("da", "Man siger, at regeringen har hævet skatterne kraftigt i år."),
        ("sv", "Man säger att regeringen har höjt skatterna kraftigt i år."),
        ("de", "Man sagt, dass die Regierung die Steuern kräftig erhöht hat."),
        ("fr", "On dit que le gouvernement a fortement augmenté les impôts cette année."),
    ],
)
def test_an_impersonal_subject_records_no_indirect_quote(lang: str, text: str) -> None:
    assert quotes_of(text, lang) == []


def test_a_person_s_indirect_speech_is_still_a_quote() -> None:
    text = "Kari Berg la fram tallene mandag. Hun sier at regjeringen har økt skattene kraftig."
    quote = find(quotes_of(text, "nb", BERG), "regjeringen har økt skattene")
    assert quote.kind == "indirect"
    assert quote.speaker == "p1"


def test_a_direct_quote_after_an_impersonal_verb_is_kept() -> None:
    text = "«Dette er en skandale», sier man i opposisjonen."
    assert find(quotes_of(text, "nb"), "Dette er en skandale").kind == "direct"
