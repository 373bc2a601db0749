"""The given-name gender table: built from office-holder CSVs, only unambiguous names kept."""

from __future__ import annotations

from pathlib import Path

from newsgraph.knowledge.given_names import (
    build_given_names,
    gender_of_name,
    given_names,
    write_given_names,
)

HEADER = "position,person,personID,start,end,gender,DOB,DOD,image,enwiki\n"


def write_rows(folder: Path, name: str, rows: list[tuple[str, str, str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    lines = [f"Minister,{person},{qid},,,{gender},,,," for person, qid, gender in rows]
    (folder / name).write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")


def test_build_keeps_names_with_enough_people_of_one_gender(tmp_path: Path) -> None:
    write_rows(
        tmp_path / "norway",
        "holders21.csv",
        [
            ("Kari Nilsen", "Q1", "female"),
            ("Kari Berg", "Q2", "female"),
            ("Kari Dahl", "Q3", "female"),
            ("Ola Nilsen", "Q4", "male"),
            ("Ola Berg", "Q5", "male"),
            ("Andrea Rossi", "Q6", "female"),
            ("Andrea Bianchi", "Q7", "male"),
            ("Andrea Verdi", "Q8", "male"),
        ],
    )
    write_rows(tmp_path / "norway", "legislators.csv", [("Ola Dahl", "Q9", "male")])
    write_rows(tmp_path / "norway", "positions.csv", [("Per Hansen", "Q10", "male")] * 3)
    table = build_given_names(tmp_path)
    assert table == {"kari": "f", "ola": "m"}


def test_build_counts_a_person_once_and_skips_initials(tmp_path: Path) -> None:
    write_rows(
        tmp_path / "x",
        "holders21.csv",
        [("Kari Nilsen", "Q1", "female")] * 3 + [("J. Smith", f"Q{n}", "male") for n in (2, 3, 4)],
    )
    assert build_given_names(tmp_path) == {}


def test_written_table_is_sorted_lines(tmp_path: Path) -> None:
    out = tmp_path / "names.tsv"
    write_given_names({"ola": "m", "kari": "f"}, out)
    assert out.read_text(encoding="utf-8") == "kari\tf\nola\tm\n"


def test_shipped_table_knows_common_names_and_not_single_words() -> None:
    assert given_names()["marie"] == "f"
    assert given_names()["lars"] == "m"
    assert gender_of_name("Marie Dubois") == "f"
    assert gender_of_name("Marie") is None
    assert gender_of_name("Andrea Nahles") is None
