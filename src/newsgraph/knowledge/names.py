"""Name keys for actor lookup: a folded form, a transliteration skeleton and an edit distance.

`fold("Jonas Gahr Støre")` -> "jonas gahr store" (case, diacritics, hyphens and dots dropped);
`skeleton("Zelenskyj")` == `skeleton("Selenskyy")` == `skeleton("Zelensky")`: the spellings that
Latin-script languages give one Cyrillic, Arabic or Chinese name collapse to one key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that Unicode decomposition leaves alone.
LETTERS = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ł": "l", "ı": "i", "þ": "th", "ð": "d"}
)
NOT_NAME = re.compile(r"[^\w\s]")
SPACE = re.compile(r"\s+")
# Transliteration variants, longest first: German/Nordic/French/English renderings of one sound.
SOUNDS = (
    ("shch", "sh"),
    ("sch", "sh"),
    ("tsch", "ch"),
    ("tch", "ch"),
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("ch", "c"),
    ("ph", "f"),
    ("ck", "k"),
    ("ou", "u"),
    ("ij", "i"),
    ("iy", "i"),
    ("yj", "i"),
    ("yi", "i"),
    ("ts", "c"),
    ("tz", "c"),
    ("z", "s"),
    ("y", "i"),
    ("j", "i"),
    ("w", "v"),
    ("q", "k"),
    ("c", "k"),
    ("x", "ks"),
    ("h", ""),
)
REPEATS = re.compile(r"(.)\1+")
FOLD_MEMO_SIZE = 1 << 16


# Articles fold the same words and names over and over (every token of an article, every
# candidate name); the folded forms of the most recent ones are kept.
@lru_cache(maxsize=FOLD_MEMO_SIZE)
def fold(name: str) -> str:
    """Lower case, no diacritics, no punctuation, hyphens as spaces, single spaces."""
    text = unicodedata.normalize("NFKD", name.casefold().translate(LETTERS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = NOT_NAME.sub(" ", text.replace("-", " ").replace("_", " "))
    return SPACE.sub(" ", text).strip()


def skeleton_word(word: str) -> str:
    """A folded word's transliteration skeleton (sound classes, no doubled letters)."""
    out = word
    for written, sound in SOUNDS:
        out = out.replace(written, sound)
    return REPEATS.sub(r"\1", out)


def skeleton(name: str) -> str:
    """Transliteration skeleton of a whole name."""
    return " ".join(skeleton_word(word) for word in fold(name).split())


def within_one_edit(first: str, second: str) -> bool:
    """Whether two strings differ by at most one insertion, deletion or substitution."""
    if first == second:
        return True
    if abs(len(first) - len(second)) > 1:
        return False
    if len(first) > len(second):
        first, second = second, first
    index = 0
    while index < len(first) and first[index] == second[index]:
        index += 1
    if len(first) == len(second):
        return first[index + 1 :] == second[index + 1 :]
    return first[index:] == second[index + 1 :]
