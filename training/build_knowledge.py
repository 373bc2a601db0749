"""Build the shipped actor knowledge (resources/common/actors.json.gz) and the given-name gender
table (resources/common/given_names.tsv) from ../shared/datasets/actors.

    .venv/bin/python training/build_knowledge.py --actors ../shared/datasets/actors

Run by `make knowledge` and `make train-models`; both outputs are byte-for-byte reproducible.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsgraph.knowledge.build import OUTPUT, build, write
from newsgraph.knowledge.given_names import OUTPUT as NAMES_OUTPUT
from newsgraph.knowledge.given_names import build_given_names, write_given_names


def main() -> None:
    """Build and write the resource, then say how much it holds."""
    parser = argparse.ArgumentParser(description="build the actor knowledge resource")
    parser.add_argument("--actors", type=Path, default=Path("../shared/datasets/actors"))
    parser.add_argument("--out", type=Path, default=OUTPUT)
    parser.add_argument("--names-out", type=Path, default=NAMES_OUTPUT)
    args = parser.parse_args()
    content = build(args.actors)
    write(content, args.out)
    size = args.out.stat().st_size
    print(
        f"{args.out}: {len(content['persons'])} persons, "
        f"{len(content['organisations'])} organisations, {size / 1e6:.1f} MB"
    )
    names = build_given_names(args.actors / "officeholders")
    write_given_names(names, args.names_out)
    women = sum(1 for gender in names.values() if gender == "f")
    print(f"{args.names_out}: {len(names)} given names ({women} women's)")


if __name__ == "__main__":
    main()
