"""Language identification."""

from __future__ import annotations

import pytest

from newsgraph.errors import InputError
from newsgraph.model import Article
from newsgraph.settings import Settings
from newsgraph.stages.language import LanguageStage


@pytest.fixture(scope="module")
def stage() -> LanguageStage:
    built = LanguageStage(Settings())
    built.setup()
    return built


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Regjeringen vil bruke mer penger på jernbanen i Nord-Norge, sa samferdselsministeren i dag.",
            "nb",
        ),
        (
            "Regjeringa vil bruke meir pengar på jernbana i Nord-Noreg, sa samferdselsministeren i dag.",
            "nn",
        ),
        (
            "The government will spend more money on railways in the north, the transport minister said.",
            "en",
        ),
    ],
)
def test_language_is_identified(stage: LanguageStage, text: str, lang: str) -> None:
    assert stage(Article(text=text)).lang == lang


def test_given_language_is_kept(stage: LanguageStage) -> None:
    assert stage(Article(text="The minister said so.", lang="nb")).lang == "nb"


def test_unknown_language_is_a_clear_error(stage: LanguageStage) -> None:
    with pytest.raises(InputError, match="language could not be identified"):
        stage(Article(text="12 34 ?!", meta={"input_path": "x.txt"}))


class _Scored:
    def __init__(self, language: str, value: float) -> None:
        self.language = language
        self.value = value


def test_decide_takes_the_best_language_when_it_leads_clearly() -> None:
    from newsgraph.stages.language import decide

    assert decide([_Scored("nb", 0.8), _Scored("da", 0.2)], 0.05) == ("nb", 0.8)


def test_decide_gives_no_language_when_the_best_two_are_too_close() -> None:
    from newsgraph.stages.language import decide

    assert decide([_Scored("nb", 0.51), _Scored("da", 0.49)], 0.05) == (None, 0.0)
    assert decide([_Scored("nb", 0.5), _Scored("da", 0.5)], 0.0) == (None, 0.0)


def test_decide_gives_no_language_when_nothing_scores() -> None:
    from newsgraph.stages.language import decide

    assert decide([], 0.05) == (None, 0.0)
    assert decide([_Scored("nb", 0.0), _Scored("da", 0.0)], 0.05) == (None, 0.0)
