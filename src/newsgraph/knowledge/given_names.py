"""Which given names are a woman's and which a man's, from Wikidata office holders (CC0).

Built by `training/build_knowledge.py` (`make knowledge`) from the `holders21.csv` and
`legislators.csv` files of `../shared/datasets/actors/officeholders/*/`, whose `gender` column is
Wikidata's sex-or-gender of each person. A name is kept only when at least `MIN_PERSONS` distinct
people carry it as their first word and at least `MIN_SHARE` of them share one gender ("Andrea",
both in Italy and Germany, is dropped). The table ships as `resources/common/given_names.tsv`,
one `name<TAB>f|m` line each, sorted; loading it is one dict build of a few thousand rows.
The pronoun resolver reads it so that "elle"/"sie"/"hun" skips a man and "il"/"er"/"han" a woman.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

Gender = Literal["f", "m"]

# At least this many distinct people must carry the name ...
MIN_PERSONS = 3
# ... and at least this share of them one gender.
MIN_SHARE = 0.95
SOURCE_FILES = ("holders21.csv", "legislators.csv")
RESOURCE = "given_names.tsv"
OUTPUT = Path(__file__).resolve().parents[1] / "resources" / "common" / RESOURCE
_GENDERS: dict[str, Gender] = {"female": "f", "male": "m"}


def name_key(word: str) -> str:
    """How a given name is looked up: case-folded, without surrounding punctuation."""
    return word.strip(".,;:!?\"'()").casefold()


def _first_name(person: str) -> str | None:
    words = person.split()
    if len(words) < 2:
        return None
    first = words[0]
    # An initial ("J. Smith") or a word with digits says nothing about gender.
    if first.endswith(".") or len(first) < 2 or not first.isalpha():
        return None
    return name_key(first)


def build_given_names(officeholders: Path) -> dict[str, Gender]:
    """The unambiguous given names of the office holders and legislators under `officeholders`."""
    people: dict[str, tuple[str, Gender]] = {}
    for path in sorted(officeholders.glob("*/*.csv")):
        if path.name not in SOURCE_FILES:
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                gender = _GENDERS.get(row.get("gender", ""))
                person = row.get("person", "")
                if gender is None or not person or person[1:].isdigit():
                    continue
                people[row.get("personID") or person] = (person, gender)
    counts: defaultdict[str, Counter[Gender]] = defaultdict(Counter)
    for person, gender in people.values():
        first = _first_name(person)
        if first is not None:
            counts[first][gender] += 1
    table: dict[str, Gender] = {}
    for name, counter in counts.items():
        total = sum(counter.values())
        gender, most = counter.most_common(1)[0]
        if total >= MIN_PERSONS and most / total >= MIN_SHARE:
            table[name] = gender
    return dict(sorted(table.items()))


def write_given_names(table: dict[str, Gender], out: Path) -> None:
    """Write the table as sorted `name<TAB>gender` lines (reproducible bytes)."""
    out.write_text(
        "".join(f"{name}\t{gender}\n" for name, gender in sorted(table.items())), "utf-8"
    )


@lru_cache(maxsize=1)
def given_names() -> dict[str, Gender]:
    """The shipped table, loaded once per process."""
    text = resources.files("newsgraph.resources").joinpath("common", RESOURCE).read_text("utf-8")
    table: dict[str, Gender] = {}
    for line in text.splitlines():
        name, _, gender = line.partition("\t")
        if gender in ("f", "m"):
            table[name] = "f" if gender == "f" else "m"
    return table


def gender_of_name(name: str) -> Gender | None:
    """The gender a person's name implies by its first word, when that is a known given name."""
    words = name.split()
    if len(words) < 2:
        return None
    return given_names().get(name_key(words[0]))
