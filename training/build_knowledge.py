"""Build the shipped actor knowledge (resources/common/actors.json.gz) from ../shared/datasets/actors.

    .venv/bin/python training/build_knowledge.py --actors ../shared/datasets/actors

Run by `make knowledge` and `make train-models`; the output is byte-for-byte reproducible.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsgraph.knowledge.build import OUTPUT, build, write


def main() -> None:
    """Build and write the resource, then say how much it holds."""
    parser = argparse.ArgumentParser(description="build the actor knowledge resource")
    parser.add_argument("--actors", type=Path, default=Path("../shared/datasets/actors"))
    parser.add_argument("--out", type=Path, default=OUTPUT)
    args = parser.parse_args()
    content = build(args.actors)
    write(content, args.out)
    size = args.out.stat().st_size
    print(
        f"{args.out}: {len(content['persons'])} persons, "
        f"{len(content['organisations'])} organisations, {size / 1e6:.1f} MB"
    )


if __name__ == "__main__":
    main()
