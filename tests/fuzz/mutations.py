"""Seed pages written for the fuzz tests and the mutations applied to them.

Shared by the hypothesis suite (tests/fuzz) and the long run (benchmarks/fuzz.py), which adds the
shared corpus as further seeds.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import random
import zipfile

SEED_TEXTS = [
    "OSLO (NTB): Ordføreren åpnet den nye brua i Tromsø mandag.\n\n"
    "– Dette er en stor dag, sa ordfører Kari Holm til NTB.\n\n"
    "Foto: Ola Nordmann / NTB\n\nAv Per Hansen og Lise Berg\n\n"
    "«Vi har ventet lenge», sier innbygger Jonas Berg. Les også: Nye veier i nord",
    "By Anna Smith, Reuters\n\nGENEVA, Oct 3 (Reuters) - The minister said on Tuesday that "
    'the port talks "went well" and that both sides would "meet again soon".\n\n'
    "Photo: John Carter/AP\n\nSource: https://example.com/news/2024/10/03/port-talks\n\n"
    "(Reporting by Li Wei; Editing by Marie Dubois)",
    "<html><head><title>Bridge opens</title><meta property='article:published_time' "
    "content='2024-05-02'></head><body><nav>Home | World</nav><article><h1>Bridge opens</h1>"
    "<p>The mayor opened the new bridge on Monday after three years of building work.</p>"
    "<p>“It is a great day,” she said. Vis faktaboks</p></article></body></html>",
]
HOSTILE_RUNS = ['"', "«", "»", "“", "-", "–", "—", " ", ".", "A", "1", "\n", "\x00", "\ufffd"]


def mutate(text: str, rng: random.Random, steps: int = 4) -> str:
    """A page damaged the ways real inputs are: cut, spliced, repeated, hostile runs inserted."""
    for _ in range(steps):
        choice = rng.randrange(6)
        where = rng.randrange(len(text) + 1)
        if choice == 0:
            text = text[:where] + rng.choice(HOSTILE_RUNS) * rng.randrange(1, 3000) + text[where:]
        elif choice == 1:
            end = min(len(text), where + rng.randrange(1, 200))
            text = text[:where] + text[end:]
        elif choice == 2:
            end = min(len(text), where + rng.randrange(1, 300))
            text = text[:where] + text[where:end] * rng.randrange(2, 50) + text[end:]
        elif choice == 3:
            text = text[:where] + chr(rng.randrange(1, 0x3000)) + text[where:]
        elif choice == 4:
            other = rng.choice(SEED_TEXTS)
            cut = rng.randrange(len(other) + 1)
            text = text[:where] + other[cut:]
        else:
            text = text.upper() if rng.random() < 0.5 else text.replace(" ", "\n", rng.randrange(9))
    return text


def damage_bytes(data: bytes, rng: random.Random) -> bytes:
    """Bytes with a few flipped, dropped or inserted (to break encodings and containers)."""
    buffer = bytearray(data)
    for _ in range(rng.randrange(1, 6)):
        if not buffer:
            break
        where = rng.randrange(len(buffer))
        action = rng.randrange(3)
        if action == 0:
            buffer[where] = rng.randrange(256)
        elif action == 1:
            del buffer[where : where + rng.randrange(1, 64)]
        else:
            buffer[where:where] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 8)))
    return bytes(buffer)


def jsonl_records(texts: list[str], rng: random.Random) -> bytes:
    """JSON Lines with good records and records of wrong types, nesting and missing fields."""
    lines = []
    for text in texts:
        record: object = {"id": rng.choice(["a", 5, None, [1]]), "text": text}
        kind = rng.randrange(6)
        if kind == 0:
            record = {"url": rng.choice([5, True, {"a": 1}, "https://e.no/a"]), "html": text}
        elif kind == 1:
            record = [text]
        elif kind == 2:
            record = {"published": rng.choice([2024, "2024-13-45", None]), "text": text}
        lines.append(json.dumps(record))
        if kind == 3:
            lines.append("[" * rng.randrange(1, 5000))
    return "\n".join(lines).encode("utf-8")


def containers(name: str, data: bytes, rng: random.Random) -> tuple[str, bytes]:
    """The same content maybe wrapped in gzip, bzip2, xz or zip (file name to match)."""
    kind = rng.randrange(5)
    if kind == 1:
        return name + ".gz", gzip.compress(data)
    if kind == 2:
        return name + ".bz2", bz2.compress(data)
    if kind == 3:
        return name + ".xz", lzma.compress(data)
    if kind == 4:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(name, data)
        return name + ".zip", buffer.getvalue()
    return name, data
