"""Translation provenance: signs that a text is a translation, with its original language."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, Meta
from newsgraph.provenance import country_language, detect_translation, domain_country
from newsgraph.settings import Settings
from newsgraph.stages.clean import CleanStage
from newsgraph.stages.language import LanguageStage

NORWEGIAN_BODY = (
    "Regjeringen i Hanoi la fram en ny plan for å bygge flere havner langs kysten, "
    "og ministeren sa at arbeidet skal starte neste år.\n"
    "Planen skal koste flere milliarder kroner, og flere selskaper har allerede vist interesse "
    "for å delta i byggingen av de nye anleggene.\n"
    "Kritikere mener at planen tar for lite hensyn til fiskerne som bor langs kysten."
)
VIETNAMESE_TITLE = "Chính phủ công bố kế hoạch xây dựng cảng biển mới trên khắp cả nước"


@pytest.fixture(scope="module")
def stages() -> tuple[CleanStage, LanguageStage]:
    settings = Settings()
    language = LanguageStage(settings)
    language.setup()
    return CleanStage(settings), language


def run(stages: tuple[CleanStage, LanguageStage], raw: str, **meta: str) -> Article:
    clean, language = stages
    return language(clean(Article(raw=raw, meta=Meta(**meta))))


def test_norwegian_text_naming_a_vietnamese_original_with_a_vietnamese_line_is_a_translation(
    stages: tuple[CleanStage, LanguageStage],
) -> None:
    raw = f"{VIETNAMESE_TITLE}\n{NORWEGIAN_BODY}\nKilde: https://www.baomoi-example.vn/tin/cang-bien.html"
    article = run(stages, raw, page_url="https://nyheter.example.no/sak/123")
    assert article.lang == "nb"
    assert article.meta.source_url == "https://www.baomoi-example.vn/tin/cang-bien.html"
    assert article.meta.page_url == "https://nyheter.example.no/sak/123"
    translation = article.meta.translation
    assert translation is not None
    assert translation.original_lang == "vi"
    assert any("VNM" in sign and ".vn" in sign for sign in translation.evidence)
    assert any(sign.startswith("untranslated vi line") for sign in translation.evidence)


def test_plain_norwegian_article_is_no_translation(
    stages: tuple[CleanStage, LanguageStage],
) -> None:
    article = run(stages, NORWEGIAN_BODY, page_url="https://nyheter.example.no/sak/124")
    assert article.lang == "nb"
    assert article.meta.translation is None


def test_norwegian_text_naming_a_norwegian_source_is_no_translation(
    stages: tuple[CleanStage, LanguageStage],
) -> None:
    raw = f"{NORWEGIAN_BODY}\nKilde: https://www.avis-example.no/nyheter/havner"
    article = run(stages, raw)
    assert article.meta.translation is None


def test_a_foreign_source_alone_is_one_sign_not_enough() -> None:
    article = Article(
        text=NORWEGIAN_BODY, lang="nb", meta=Meta(source_url="https://tin-example.vn/a")
    )
    assert detect_translation(article, lambda line: ("nb", 1.0)) is None


def test_leftover_lines_are_found_by_the_line_identifier_given() -> None:
    article = Article(
        text=f"{VIETNAMESE_TITLE}\n{NORWEGIAN_BODY}",
        lang="nb",
        meta=Meta(source_url="https://tin-example.vn/a"),
    )
    found = detect_translation(
        article, lambda line: ("vi", 0.99) if line == VIETNAMESE_TITLE else ("nb", 0.99)
    )
    assert found is not None
    assert found.original_lang == "vi"
    assert len(found.evidence) == 2


def test_domain_country_and_its_language() -> None:
    assert domain_country("https://www.nguoi-example.vn/x") == "VNM"
    assert domain_country("https://example.com/x") is None
    assert country_language("VNM") == "vi"
    assert country_language("NOR") == "nb"


def test_old_records_without_translation_load() -> None:
    article = Article.from_json('{"text": "x", "meta": {"title": "t"}}')
    assert article.meta.translation is None


def test_two_foreign_source_addresses_are_still_one_sign() -> None:
    article = Article(
        text=NORWEGIAN_BODY,
        lang="nb",
        meta=Meta(source_url="https://tin-example.vn/a", page_url="https://bao-example.vn/no/a"),
    )
    assert detect_translation(article, lambda line: ("nb", 1.0)) is None


def test_space_before_full_stop_is_an_artefact_sign_next_to_a_foreign_source() -> None:
    text = NORWEGIAN_BODY.replace("neste år.", "neste år .")
    meta = Meta(source_url="https://tin-example.vn/a")
    found = detect_translation(Article(text=text, lang="nb", meta=meta), lambda line: ("nb", 1.0))
    assert found is not None and found.original_lang == "vi"
    assert any("artefact" in sign and "neste år ." in sign for sign in found.evidence)
    alone = detect_translation(Article(text=text, lang="nb"), lambda line: ("nb", 1.0))
    assert alone is None
