"""Build src/newsgraph/resources/common/cameo.toml from the PLOVER project's CAMEO→PLOVER table.

Input: ../shared/datasets/plover_gsr_cameo/CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8, Open
Event Data Alliance, CC BY-SA 4.0): one line per CAMEO code, `code: PLOVER, mode, context # text`.

The table maps CAMEO onto PLOVER; exports need the other direction. For each PLOVER category the
CAMEO root is the root with the most codes mapped to that category (ties: the lower root), and for
each mode the most general code (fewest digits, then lowest) mapped to that category and mode. Each
root carries GDELT's QuadClass (01-05 verbal cooperation, 06-08 material cooperation, 09-13
verbal conflict, 14-20 material conflict) and the Goldstein (1992) scale value of its generic
code (X0), as GDELT publishes them for CAMEO.

Run: .venv/bin/python training/build_cameo_table.py [--table PATH] [--out PATH]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TABLE = REPO / ".." / "shared" / "datasets" / "plover_gsr_cameo" / "CAMEO2PLOVER-2021.txt"
OUT = REPO / "src" / "newsgraph" / "resources" / "common" / "cameo.toml"
LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?")
# Goldstein scale of each root's generic code (010, 020, ... 200), as GDELT publishes it.
GOLDSTEIN = {
    "01": 0.0,
    "02": 3.0,
    "03": 4.0,
    "04": 1.0,
    "05": 3.5,
    "06": 6.0,
    "07": 7.0,
    "08": 5.0,
    "09": -2.0,
    "10": -5.0,
    "11": -2.0,
    "12": -4.0,
    "13": -4.4,
    "14": -6.5,
    "15": -7.2,
    "16": -4.0,
    "17": -7.0,
    "18": -9.0,
    "19": -10.0,
    "20": -10.0,
}
HEADER = """\
# CAMEO codes for PLOVER categories, with GDELT's QuadClass and Goldstein scale per CAMEO root.
# Used by the events export (archive/export.py) to write GDELT-compatible columns.
#
# Built by training/build_cameo_table.py from CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8,
# Open Event Data Alliance, https://github.com/openeventdata/PLOVER), licensed CC BY-SA 4.0; this
# derived table is shared under the same licence. QuadClass: 1 verbal cooperation, 2 material
# cooperation, 3 verbal conflict, 4 material conflict (GDELT's grouping of CAMEO roots).
# Goldstein: the Goldstein (1992) conflict-cooperation scale of each root's generic code, as
# GDELT publishes it for CAMEO. Do not edit by hand: rerun the build script.
"""


def parse(path: Path) -> list[tuple[str, str, str]]:
    """(CAMEO code, PLOVER category, mode) of every line of the table."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = LINE.match(line.strip())
        if match:
            rows.append((match[1], match[2], (match[3] or "").strip()))
    return rows


def quad_class(root: str) -> int:
    """GDELT's QuadClass of a CAMEO root."""
    number = int(root)
    return 1 if number <= 5 else 2 if number <= 8 else 3 if number <= 13 else 4


def build(rows: list[tuple[str, str, str]]) -> str:
    """The TOML text of the resource."""
    roots: dict[str, Counter[str]] = defaultdict(Counter)
    modes: dict[str, dict[str, str]] = defaultdict(dict)
    for code, category, mode in sorted(rows, key=lambda row: (len(row[0]), row[0])):
        roots[category][code[:2]] += 1
        if mode and len(code) > 2:
            modes[category].setdefault(mode, code)
    lines = [HEADER]
    for category in sorted(roots):
        root = sorted(roots[category].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        lines.append(f"[categories.{category}]")
        lines.append(f'root = "{root}"')
        lines.append("[categories." + category + ".modes]")
        for mode, code in sorted(modes[category].items()):
            lines.append(f'"{mode}" = "{code}"')
        lines.append("")
    for root in sorted(GOLDSTEIN):
        lines.append(f'[roots."{root}"]')
        lines.append(f"quad_class = {quad_class(root)}")
        lines.append(f"goldstein = {GOLDSTEIN[root]}")
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    """Read the table, write the resource."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--table", type=Path, default=TABLE)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.write_text(build(parse(args.table)), encoding="utf-8")


if __name__ == "__main__":
    main()
