"""Copy each trained model-best into src/newsgraph/models/<lang>/ and write its model card."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import DocBin
from spacy.training import Example

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
No pretrained vectors: everything is learnt from the data below. NER: {meta.get("newsgraph_ner", "joint")}.

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


def ner_f(nlp: Any, dev: Path) -> float:
    """Entity F1 of a pipeline on a DocBin."""
    examples = [
        Example(nlp.make_doc(doc.text), doc) for doc in DocBin().from_disk(dev).get_docs(nlp.vocab)
    ]
    return float(nlp.evaluate(examples).get("ents_f") or 0.0)


def with_best_ner(lang: str, joint: Path) -> tuple[Any, str]:
    """The joint pipeline, its NER replaced by the NER-only model when that scores higher on the
    joint run's development set (which neither model trained on)."""
    nlp = spacy.load(joint)
    dev = ROOT / "training" / "corpus" / f"{lang}-dev.spacy"
    ner_only = ROOT / "training" / "output" / f"{lang}-ner" / "model-best"
    if not (ner_only / "meta.json").is_file() or not dev.is_file():
        return nlp, "joint"
    joint_f = ner_f(nlp, dev)
    candidate = spacy.load(ner_only)
    candidate_f = ner_f(candidate, dev)
    print(f"{lang}: dev ents_f joint {joint_f:.3f}, NER-only {candidate_f:.3f}")
    scores = f"dev ents_f {candidate_f:.3f} NER-only vs {joint_f:.3f} joint"
    if candidate_f <= joint_f:
        return nlp, f"joint ({scores})"
    nlp.remove_pipe("ner")
    nlp.add_pipe("ner", source=candidate)
    return nlp, f"NER-only model (own tok2vec) sourced into the joint pipeline ({scores})"


def main() -> None:
    """Package every trained language."""
    for lang in ("nb", "en"):
        best = ROOT / "training" / "output" / lang / "model-best"
        if not (best / "meta.json").is_file():
            continue
        target = ROOT / "src" / "newsgraph" / "models" / lang
        nlp, ner_source = with_best_ner(lang, best)
        shutil.rmtree(target, ignore_errors=True)
        nlp.to_disk(target)
        meta = json.loads((target / "meta.json").read_text(encoding="utf-8"))
        meta["newsgraph_ner"] = ner_source
        (target / "meta.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
        (target / "MODEL_CARD.md").write_text(card(lang, meta), encoding="utf-8")
        print(f"packaged {lang} -> {target}")


if __name__ == "__main__":
    main()
