"""Package trained NER models into src/newsgraph/models/<lang>/ with a model card.

A candidate ships only when its entity F1 on the language's development set beats the pipeline that
serves the language now (the test sets are never used to choose). Layouts:
- nb, en: the joint tagger+parser+NER pipeline (a new training run's model-best, else the shipped one)
  with the NER-only model (own tok2vec, static vectors) sourced in and its vectors in the vocab.
- da, sv: only the NER-only model, stored without vectors, and `newsgraph_base: nb` in meta.json: at
  load time the nb pipeline (tokenizer, tagger, parser and the same floret vectors) runs with this NER
  in place of its own (newsgraph.stages.nlp). Their candidate is their own run's (`<lang>-ner`), else
  the one Danish+Swedish run's (`scand-ner`); Swedish candidates are compared on both UNER dev splits
  (Swedish-Talbanken dev alone has 23 names).
- de, fr: the language's tokenizer, a sentencizer and the NER-only model (no tagger/parser data here).

Run: .venv/bin/python training/package_models.py --runs training/output
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import Doc, DocBin
from spacy.vectors import Vectors

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "src" / "newsgraph" / "models"
CORPUS = ROOT / "training" / "corpus"
sys.path.insert(0, str(ROOT / "src"))

DATA = {
    "nb": "NorNE (CC0 annotations over the Norwegian Dependency Treebank, CC0): Bokmål NDT-derived "
    "train split (tags, names) and the first 80 % of Bokmål UD dev (tags, dependencies, names) plus "
    "the Nynorsk NDT train and UD dev splits, selected on the last 20 % of Bokmål UD dev.",
    "en": "Universal NER English-EWT (CC BY-SA 4.0): pre-release train split, selected on UD/UNER "
    "EWT dev.",
    "da": "Universal NER Danish-DDT (CC BY-SA 4.0) train split (twice), Swedish-Talbanken train and "
    "NorNE Bokmål NDT train (CC0; PER/LOC/ORG), selected on the Danish-DDT dev split; runs inside "
    "the nb pipeline (its tokenizer, tagger and parser).",
    "sv": "Universal NER Swedish-Talbanken (CC BY-SA 4.0) train split (twice), Danish-DDT train, "
    "NorNE Bokmål NDT train and the NorNE Nynorsk NDT train sentences naming an organisation (CC0; "
    "PER/LOC/ORG), selected on both UNER dev splits; runs inside the nb pipeline (its tokenizer, "
    "tagger and parser).",
    "de": "ZEFYS2025 train+dev (Staatsbibliothek zu Berlin, CC BY 4.0, SuperGLEBer conversion) and "
    "the LFT/ONB sections of Europeana Newspapers DE (CC0): historical newspaper OCR; the first 80 % "
    "of GermEval 2014 dev (CC BY 4.0, outer level, OTH dropped; modern news and Wikipedia text) ten "
    "times; selected on the last 20 % of GermEval 2014 dev. No static vectors.",
    "fr": "Europeana Newspapers FR (CC0; BnF pages 1870-1939, historical OCR): 80 % of its "
    "~2,000-token blocks (fixed seed, training/convert.py), selected on another 10 %, the last 10 % "
    "kept for benchmarks/ner.py, + Universal NER English-EWT train (CC BY-SA 4.0) as modern text; "
    "with `make train-models WIKINER=...` also WikiNER French (Nothman et al. 2012, CC BY 3.0). "
    "No static vectors.",
}
LICENCE = {
    "nb": "CC0 data",
    "en": "CC BY-SA 4.0 (UNER/EWT data)",
    "da": "CC BY-SA 4.0 (UNER/DDT and UNER/Talbanken data), CC0 (NorNE)",
    "sv": "CC BY-SA 4.0 (UNER/Talbanken and UNER/DDT data), CC0 (NorNE)",
    "de": "CC BY 4.0 (ZEFYS2025, GermEval 2014) and CC0 (Europeana)",
    "fr": "CC0 (Europeana) and CC BY-SA 4.0 (UNER/EWT data); CC BY 3.0 (WikiNER) when added",
}
# Named on a card only when the packaged NER reads static vectors (a joint pipeline shipped alone
# has none).
VECTORS_DATA = {
    "nb": "The NER also reads static floret vectors trained on NoReC (newspaper reviews; its licence "
    "lets models and embeddings built from it be used freely).",
    "en": "The NER also reads static vectors from spaCy's en_core_web_md 3.8.0 (MIT, (c) Explosion; "
    "keys in lower/title case and short acronyms kept).",
}
VECTORS_LICENCE = {"nb": "NoReC-derived vectors usable freely", "en": "MIT (vectors)"}
BASE = {"da": "nb", "sv": "nb"}
# One NER-only run for Danish and Swedish together (training/train.sh's "scand").
SHARED_RUN = "scand-ner"
SHARED_DATA = (
    "Universal NER Danish-DDT and Swedish-Talbanken (CC BY-SA 4.0) train splits (each twice) and "
    "NorNE Bokmål NDT train (CC0; PER/LOC/ORG, GPE read as LOC), one model for both languages, "
    "selected on both UNER dev splits; runs inside the nb pipeline (its tokenizer, tagger and parser)."
)
DEV = {
    "nb": "nb-dev",
    "en": "en-dev",
    "da": "da-ner-dev",
    # Swedish-Talbanken dev holds 23 names (one name moves F1 by ~4 points): Swedish candidates are
    # compared on both UNER dev splits (Danish-DDT dev adds 379); the Swedish part is printed.
    "sv": "scand-ner-dev",
    "de": "de-ner-dev",
    "fr": "fr-ner-dev",
}


def git_commit() -> str:
    """Commit of the training recipe."""
    result = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    )
    return result.stdout.strip() or "unknown"


def ner_f(nlp: Any, dev: Path) -> float:
    """Exact-span entity F1 on gold tokens. A predicted GPE counts as LOC when the gold has no GPE;
    predicted labels the gold scheme lacks (PROD, EVT, DRV) are left out, as in benchmarks/ner.py."""
    gold_docs = list(DocBin().from_disk(dev).get_docs(nlp.vocab))
    labels = {e.label_ for d in gold_docs for e in d.ents}
    rename = {} if "GPE" in labels else {"GPE": "LOC"}
    tp = fp = fn = 0
    inputs = [Doc(nlp.vocab, words=[t.text for t in d]) for d in gold_docs]
    for gold, doc in zip(gold_docs, nlp.pipe(inputs, batch_size=256), strict=True):
        want = {(e.start, e.end, e.label_) for e in gold.ents}
        got = {(e.start, e.end, rename.get(e.label_, e.label_)) for e in doc.ents}
        got = {span for span in got if span[2] in labels}
        tp += len(want & got)
        fp += len(got - want)
        fn += len(want - got)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def current_pipeline(lang: str) -> Any:
    """The pipeline that serves a language now, loaded as newsgraph loads it."""
    from newsgraph.settings import Settings
    from newsgraph.stages.nlp import load_pipeline

    return load_pipeline(lang, Settings())[0]


def vectors_digest(vectors: Vectors) -> str:
    """Fingerprint of a vector table (shape, mode and values)."""
    digest = hashlib.sha256(f"{vectors.shape}{vectors.mode}".encode())
    digest.update(vectors.data.tobytes() if vectors.shape[0] else b"")
    return digest.hexdigest()[:16]


def ner_run(lang: str, runs: Path) -> Path:
    """The NER-only run that offers a language its candidate: its own (`<lang>-ner`), else, for
    Danish and Swedish, the one Scandinavian run (`scand-ner`, training/train.sh)."""
    own = runs / f"{lang}-ner"
    shared = runs / SHARED_RUN
    if lang not in BASE or (own / "model-best" / "meta.json").is_file():
        return own
    return shared if (shared / "model-best" / "meta.json").is_file() else own


def candidate(lang: str, runs: Path) -> tuple[Any, Any] | None:
    """(pipeline to evaluate, pipeline to save) built from a run's model-best, or None."""
    best = ner_run(lang, runs) / "model-best"
    joint = runs / lang / "model-best"
    if not (best / "meta.json").is_file():
        if lang in BASE or not (joint / "meta.json").is_file():
            return None
        # Only the joint pipeline was trained (or continued): it ships as it is.
        pipeline = spacy.load(joint)
        return pipeline, pipeline
    ner = spacy.load(best)
    if lang in ("de", "fr"):
        ner.add_pipe("sentencizer", first=True)
        return ner, ner
    base_path = runs / lang / "model-best"
    if lang in BASE:
        base_path = MODELS / BASE[lang]
    elif not (base_path / "meta.json").is_file():
        base_path = MODELS / lang
    base = spacy.load(base_path)
    if lang in BASE:
        if vectors_digest(base.vocab.vectors) != vectors_digest(ner.vocab.vectors):
            print(f"{lang}: the {BASE[lang]} pipeline lacks the vectors this NER was trained with")
            return None
    else:
        base.vocab.vectors = ner.vocab.vectors
    base.remove_pipe("ner")
    base.add_pipe("ner", source=ner)
    if lang in BASE:
        ner.vocab.vectors = Vectors(strings=ner.vocab.strings)
        ner.meta["newsgraph_base"] = BASE[lang]
        ner.meta["newsgraph_base_vectors"] = vectors_digest(base.vocab.vectors)
        return base, ner
    return base, base


def uses_vectors(nlp: Any) -> bool:
    """Whether a pipeline's NER embeds static vectors (a listener's shared tok2vec counts)."""
    components = nlp.config["components"]
    tok2vec = components["ner"]["model"]["tok2vec"]
    if "embed" not in tok2vec and "tok2vec" in components:
        tok2vec = components["tok2vec"]["model"]
    return bool(tok2vec.get("embed", {}).get("include_static_vectors"))


def encoder(nlp: Any) -> str:
    """Width and depth of the tok2vec the NER reads."""
    components = nlp.config["components"]
    tok2vec = components["ner"]["model"]["tok2vec"]
    if "encode" not in tok2vec and "tok2vec" in components:
        tok2vec = components["tok2vec"]["model"]
    encode = tok2vec.get("encode", {})
    return f"width {encode.get('width')}, depth {encode.get('depth')}"


def own_ner_tok2vec(nlp: Any) -> bool:
    """Whether a pipeline's NER has its own tok2vec (not a listener of the shared one)."""
    return "embed" in nlp.config["components"]["ner"]["model"]["tok2vec"]


def card(lang: str, meta: dict[str, Any], scores: str, nlp: Any, shared: bool = False) -> str:
    """Markdown model card (shared: the one Danish+Swedish NER)."""
    vectors, own = uses_vectors(nlp), own_ner_tok2vec(nlp)
    data = SHARED_DATA if shared else DATA[lang]
    licence = (
        "CC BY-SA 4.0 (UNER/DDT and UNER/Talbanken data), CC0 (NorNE)" if shared else LICENCE[lang]
    )
    if vectors and lang in VECTORS_DATA:
        data += " " + VECTORS_DATA[lang]
        licence += "; " + VECTORS_LICENCE[lang]
    joint = "one tok2vec shared by tagger, parser (UD) and NER"
    layout = {
        "nb": "joint tok2vec + tagger + parser (UD) and an NER with its own tok2vec",
        "en": "joint tok2vec + tagger + parser (UD) and an NER with its own tok2vec",
        "da": "NER only (own tok2vec); runs inside the nb pipeline (`newsgraph_base`)",
        "sv": "NER only (own tok2vec); runs inside the nb pipeline (`newsgraph_base`)",
        "de": "German tokenizer, sentencizer, NER with its own tok2vec (no tagger or parser)",
        "fr": "French tokenizer, sentencizer, NER with its own tok2vec (no tagger or parser)",
    }[lang]
    if not own:
        layout = joint
    return f"""# newsgraph {lang} pipeline

spaCy {meta.get("spacy_version", "")} pipeline: {layout}. The NER's tok2vec embeds hashes of
NORM/PREFIX/SUFFIX/SHAPE{" plus static vectors" if vectors else " (no static vectors)"} through a MaxoutWindowEncoder
({encoder(nlp)}); labels: {", ".join(meta.get("labels", {}).get("ner", []))}.

- Training data: {data}
- Licence: {licence}; see ../shared/datasets/*/README.md.
- Recipe: `make train-models` (training/convert.py, training/vectors.py, training/configs/*.cfg,
  training/train.sh, training/package_models.py; docs/models.md) at commit {git_commit()}, packaged
  {date.today().isoformat()}.
- Selection (development set, exact spans): {scores}.

Test-set scores and speed: `benchmarks/ner.py` -> `benchmarks/results/ner.json`.
"""


def portable_paths(nlp: Any) -> None:
    """Drop config paths that point outside the repository (a run folder of the training machine,
    a continued run's source checkpoint): they mean nothing where the pipeline is installed."""
    for section, key in [("paths", key) for key in nlp.config["paths"]] + [
        ("initialize", "vectors")
    ]:
        value = nlp.config[section].get(key)
        if (
            isinstance(value, str)
            and Path(value).is_absolute()
            and not Path(value).is_relative_to(ROOT)
        ):
            nlp.config[section][key] = None


def package(lang: str, runs: Path) -> None:
    """Ship a language's candidate when it beats the current pipeline on the dev set."""
    built = candidate(lang, runs)
    if built is None:
        print(f"{lang}: no finished run in {runs}")
        return
    evaluated, saved = built
    dev = CORPUS / f"{DEV[lang]}.spacy"
    new_f = ner_f(evaluated, dev)
    old_f = ner_f(current_pipeline(lang), dev)
    scores = f"dev F1 {new_f:.3f} against {old_f:.3f} for the pipeline it replaces"
    own_dev = CORPUS / f"{lang}-ner-dev.spacy"
    if dev.name != own_dev.name and own_dev.is_file():
        own_new, own_old = ner_f(evaluated, own_dev), ner_f(current_pipeline(lang), own_dev)
        scores += f" ({dev.stem}; {own_dev.stem} alone: {own_new:.3f} against {own_old:.3f})"
    print(f"{lang}: {scores}")
    if new_f <= old_f:
        print(f"{lang}: not shipped")
        return
    target = MODELS / lang
    shutil.rmtree(target, ignore_errors=True)
    saved.meta["name"] = f"newsgraph_{lang}"
    saved.meta["newsgraph_ner"] = scores
    portable_paths(saved)
    saved.to_disk(target)
    meta = json.loads((target / "meta.json").read_text(encoding="utf-8"))
    text = card(lang, meta, scores, evaluated, shared=ner_run(lang, runs).name == SHARED_RUN)
    (target / "MODEL_CARD.md").write_text(text, encoding="utf-8")
    print(f"packaged {lang} -> {target.relative_to(ROOT)}")


def main() -> None:
    """Package every language with a finished run (nb before da/sv, which run on it)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=Path, default=ROOT / "training" / "output")
    parser.add_argument("--lang", action="append", choices=["nb", "en", "da", "sv", "de", "fr"])
    args = parser.parse_args()
    for lang in args.lang or ["nb", "en", "da", "sv", "de", "fr"]:
        package(lang, args.runs)


if __name__ == "__main__":
    main()
