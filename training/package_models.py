"""Copy each trained model-best into src/newsgraph/models/<lang>/ and write its model card."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = {
    "nb": "NorNE Bokmål (CC0 annotations over the Norwegian Dependency Treebank): NDT-derived train "
    "split (tokens, NDT POS mapped to UPOS, NER) + 80% of the UD Bokmål dev split (UPOS, UD "
    "dependencies, NER); the other 20% of UD dev is the development set. Test: UD Bokmål test.",
    "en": "Universal NER English-EWT (CC BY-SA 4.0): pre-release train split (NER only) + 80% of UD "
    "English-EWT dev (UPOS, UD dependencies, UNER NER); the other 20% is the development set. "
    "Test: UD/UNER English-EWT test.",
}


def git_commit() -> str:
    """Commit of the training recipe."""
    result = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.strip() or "unknown"


def card(lang: str, meta: dict[str, object]) -> str:
    """Markdown model card."""
    perf = meta.get("performance", {})
    assert isinstance(perf, dict)
    rows = "\n".join(
        f"| {key} | {value:.3f} |" for key, value in perf.items() if isinstance(value, float)
    )
    return f"""# newsgraph {lang} pipeline

spaCy {meta.get("spacy_version", "")} pipeline: tok2vec (MaxoutWindowEncoder, width 160, depth 4,
hash embeddings of NORM/PREFIX/SUFFIX/SHAPE), tagger (Universal POS in `tag_`), dependency parser
(UD labels, sentence boundaries) and NER (PER, ORG, LOC, GPE{", PROD, EVT, DRV" if lang == "nb" else ""}).
No pretrained vectors: everything is learnt from the data below.

- Training data: {DATA[lang]}
- Recipe: `make train-models` (training/convert.py, training/configs/pipeline.cfg, training/train.sh)
  at commit {git_commit()}, packaged {date.today().isoformat()}.
- Licence of the data: see ../shared/datasets/*/README.md; the model weights inherit CC BY-SA 4.0
  for en (UNER/EWT) and CC0 annotation terms for nb.

## Development-set scores (from training)

| metric | value |
| --- | --- |
{rows}

Test-set scores and speed: `benchmarks/ner.py` -> `benchmarks/results/ner.json`.
"""


def main() -> None:
    """Package every trained language."""
    for lang in ("nb", "en"):
        best = ROOT / "training" / "output" / lang / "model-best"
        if not (best / "meta.json").is_file():
            continue
        target = ROOT / "src" / "newsgraph" / "models" / lang
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(best, target)
        meta = json.loads((target / "meta.json").read_text(encoding="utf-8"))
        (target / "MODEL_CARD.md").write_text(card(lang, meta), encoding="utf-8")
        print(f"packaged {lang} -> {target}")


if __name__ == "__main__":
    main()
