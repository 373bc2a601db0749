"""Language identification."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.model import Article
from newsgraph.settings import Settings
from newsgraph.stages.language import LanguageStage, LineIdentifier


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


@pytest.fixture(scope="module")
def lines() -> LineIdentifier:
    return LineIdentifier(["nb", "nn", "en", "da", "sv", "de", "fr", "es", "vi", "ru", "pl", "tr"])


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Chính phủ công bố kế hoạch xây dựng cảng biển mới trên khắp cả nước", "vi"),
        ("Die Regierung will im nächsten Jahr mehr Geld für die Bahn ausgeben", "de"),
        ("Le gouvernement veut dépenser plus d'argent pour les chemins de fer", "fr"),
        ("El gobierno quiere gastar más dinero en los ferrocarriles del norte", "es"),
        ("Правительство потратит больше денег на железные дороги на севере", "ru"),
        ("Rząd chce wydać więcej pieniędzy na koleje na północy kraju", "pl"),
        ("Hükümet kuzeydeki demiryollarına daha fazla para harcamak istiyor", "tr"),
        ("The government wants to spend more money on railways in the north", "en"),
    ],
)
def test_line_identifier_names_the_language_of_a_short_line(
    lines: LineIdentifier, line: str, lang: str
) -> None:
    code, confidence = lines(line)
    assert code == lang
    assert confidence >= 0.9


def test_line_identifier_calls_norwegian_nb_and_keeps_it_among_the_nordic_languages(
    lines: LineIdentifier,
) -> None:
    code, _ = lines("Regjeringen vil bruke mer penger på jernbanen i Nord-Norge neste år")
    assert code in {"nb", "nn", "da", "sv"}
    assert lines("Regjeringen vil bruke mer penger på jernbanen")[0] != "no"


def test_line_identifier_chooses_only_among_its_languages() -> None:
    only = LineIdentifier(["en", "de"])
    code, _ = only("Le gouvernement veut dépenser plus d'argent pour les chemins de fer")
    assert code in {"en", "de"}


def test_short_text_is_read_among_the_languages_its_trigrams_lead_with(
    stage: LanguageStage,
) -> None:
    identifier = stage.identifier
    assert identifier is not None
    code, confidence = identifier.identify("Hallo, wie geht es dir heute Abend?")
    assert code == "de"
    assert confidence > 0.3


def test_line_identifier_reads_its_model_back_from_the_resource_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsgraph.resources.compiled import CACHE_ENV

    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    line = "Die Regierung will im nächsten Jahr mehr Geld für die Bahn ausgeben"
    built = LineIdentifier(["nb", "en", "de"])
    first = built(line)
    assert len(list(tmp_path.glob("langid-*.pickle"))) == 1
    assert len(list(tmp_path.glob("langid-states-*.array"))) == 1
    again = LineIdentifier(["de", "en", "nb"])
    assert again(line) == first
    assert isinstance(again._model.tk_nextmove, memoryview)
    assert first[0] == "de"


# Invented reports: every sentence in one language, long enough for the common-word reading.
ENGLISH_REPORT = " ".join(
    [
        "The council said on Tuesday that it would not close the old harbour bridge this winter.",
        "Its engineers had found that the steel was sound, but they warned that the road surface",
        "would need work within two years. The mayor, who has been under pressure from traders,",
        "said she was pleased with the report and that the city would spend the money it had set",
        "aside on the ferry instead. Residents who use the bridge every day said they were",
        "relieved, but some of them asked why the inspection had taken so long. The council will",
        "meet again next month, and its members are expected to approve the plan. A spokesman for",
        "the traders said that they would watch the work closely and that their shops have lost",
        "customers since the lane closures began. He added that the council should publish the",
        "full report, which has been seen by few people outside the town hall.",
    ]
)
POLISH_PASSAGE = (
    "Rada miasta zdecydowała we wtorek, że stary most w porcie nie zostanie zamknięty tej zimy. "
    "Inżynierowie stwierdzili, że konstrukcja jest w dobrym stanie, ale nawierzchnia będzie "
    "wymagała remontu w ciągu dwóch lat. Burmistrz powiedziała, że jest zadowolona z raportu."
)


def test_common_words_name_the_language_of_a_page_written_throughout_in_it() -> None:
    from newsgraph.stages.language import CommonWords

    assert CommonWords(Settings().languages).language_of(ENGLISH_REPORT) == "en"


def test_a_page_its_common_words_decide_is_identified_without_lingua() -> None:
    from newsgraph.stages.language import LanguageIdentifier

    identifier = LanguageIdentifier(Settings().languages, 0.3)

    class Unused:
        def compute_language_confidence_values(self, text: str) -> None:
            raise AssertionError("lingua was asked")

    identifier.detector = Unused()
    assert identifier.identify(ENGLISH_REPORT) == ("en", 1.0)


def test_common_words_leave_a_page_partly_in_another_language_to_lingua() -> None:
    from newsgraph.stages.language import CommonWords

    words = CommonWords(Settings().languages)
    assert words.language_of(ENGLISH_REPORT + " " + POLISH_PASSAGE) is None
    assert words.language_of(POLISH_PASSAGE + " " + ENGLISH_REPORT) is None


def test_common_words_leave_a_page_with_letters_of_another_script_to_lingua() -> None:
    from newsgraph.stages.language import CommonWords

    quoted = ENGLISH_REPORT + " The sign read «Добро пожаловать»."
    assert CommonWords(Settings().languages).language_of(quoted) is None


def test_common_words_decide_nothing_for_a_language_without_a_word_list() -> None:
    from newsgraph.stages.language import CommonWords

    assert CommonWords(["nb", "nn", "da"]).language_of(ENGLISH_REPORT) is None
