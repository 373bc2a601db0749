"""Near-duplicate detection: MinHash signatures over word shingles, banded for LSH lookups.

The only module that imports datasketch. A signature is stored with the article; its LSH band
keys go into an indexed table, so finding candidates for a new article is one indexed query and
the archive never has to hold an in-memory LSH index. Candidates are then confirmed by the
Jaccard similarity the two signatures estimate.

Every ingest worker fingerprints, so this module is imported in every worker. datasketch's
package `__init__` imports all of its sketches, and through its LSH classes scipy.integrate: about
a second of CPU per worker, for two things used here. `MinHash` is therefore loaded from its own
module without running the package's `__init__` (`_minhash_module`), and the LSH band and row
counts, which datasketch works out by numerical integration and which depend only on the threshold
and the number of permutations, are computed once and kept in the resource cache (`lsh_shape`).
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import re
import sys
import unicodedata
from dataclasses import dataclass
from importlib import metadata
from types import ModuleType
from typing import TYPE_CHECKING, Literal

import numpy as np

from newsgraph.errors import ConfigError
from newsgraph.resources.compiled import compiled

if TYPE_CHECKING:
    import numpy.typing as npt
    from datasketch.minhash import MinHash

    from newsgraph.settings import Settings

Relation = Literal["exact", "copy", "rewrite", "translation"]

WORD = re.compile(r"\w+")
# A near-duplicate holding at least this share of the other's shingles is a copy (boilerplate,
# bylines or a few edited words); below it, a rewrite.
COPY_CONTAINMENT = 0.85
# affine32 keeps every hash value in 32 bits, so a signature stores as 4 bytes per permutation.
SCHEME = "affine32"
SIGNATURE_DTYPE = np.uint32


@dataclass(frozen=True)
class Fingerprint:
    """What the archive stores per article to find its near-duplicates later."""

    content_hash: str
    signature: bytes
    buckets: tuple[int, ...]
    shingles: int


def normalise_words(text: str) -> list[str]:
    """Lower-cased words of `text` (NFKC), punctuation and layout ignored."""
    return WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def content_hash(text: str) -> str:
    """Hash of the words of `text`: equal for texts that differ only in case and layout."""
    return hashlib.sha256(" ".join(normalise_words(text)).encode()).hexdigest()[:32]


def shingles(words: list[str], size: int) -> set[bytes]:
    """Overlapping runs of `size` words (the whole text when it is shorter)."""
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


class Deduplicator:
    """Computes fingerprints and compares signatures; build once per process."""

    def __init__(self, threshold: float, num_perm: int, shingle_words: int) -> None:
        if not 0.0 < threshold < 1.0:
            raise ConfigError(f"dedup_threshold must be between 0 and 1, not {threshold}")
        if num_perm < 16 or shingle_words < 1:
            raise ConfigError("dedup_permutations must be >= 16 and dedup_shingle_words >= 1")
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_words = shingle_words
        self.bands, self.rows = lsh_shape(threshold, num_perm)
        self._minhash: type[MinHash] = _minhash_module().MinHash
        # Permutations are drawn once and shared: every signature must use the same ones.
        self._template = self._minhash(num_perm=num_perm, seed=1, scheme=SCHEME)

    def fingerprint(self, text: str) -> Fingerprint | None:
        """Signature and LSH bucket keys of `text`; None when it has no words."""
        words = normalise_words(text)
        grams = shingles(words, self.shingle_words)
        if not grams:
            return None
        minhash = self._minhash(
            num_perm=self.num_perm, permutations=self._template.permutations, scheme=SCHEME
        )
        minhash.update_batch(list(grams))
        values = np.asarray(minhash.hashvalues, dtype=SIGNATURE_DTYPE)
        return Fingerprint(
            content_hash=hashlib.sha256(" ".join(words).encode()).hexdigest()[:32],
            signature=values.tobytes(),
            buckets=self._buckets(values),
            shingles=len(grams),
        )

    def _buckets(self, values: npt.NDArray[np.uint32]) -> tuple[int, ...]:
        keys = []
        for band in range(self.bands):
            chunk = values[band * self.rows : (band + 1) * self.rows].tobytes()
            # The band number is hashed in, so one column holds the buckets of every band.
            digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
            keys.append(int.from_bytes(digest, "big", signed=True))
        return tuple(keys)

    def relation(self, jaccard: float, shingles: int, other_shingles: int) -> Relation | None:
        """How two articles relate given their estimated Jaccard similarity and sizes."""
        if jaccard < self.threshold:
            return None
        if containment(jaccard, shingles, other_shingles) >= COPY_CONTAINMENT:
            return "copy"
        return "rewrite"

    def link(
        self, jaccard: float, shingles: int, other_shingles: int
    ) -> tuple[Relation, str] | None:
        """The relation of two articles and the reason recorded with their link, if linked."""
        relation = self.relation(jaccard, shingles, other_shingles)
        if relation is None:
            return None
        shared = containment(jaccard, shingles, other_shingles)
        return relation, (
            f"MinHash Jaccard {jaccard:.2f} over {self.shingle_words}-word shingles,"
            f" {shared:.0%} of the shorter text shared"
        )


def _minhash_module() -> ModuleType:
    """datasketch's `minhash` module (it needs numpy and datasketch's `hashfunc` only), imported
    without the package's `__init__` when the package is not loaded yet.

    While it imports, an unexecuted module object stands in for the package (it gives the import
    system the package's folder). Afterwards the stand-in and the modules imported under it leave
    `sys.modules` again, so a later `import datasketch` imports the whole package as usual (its
    `MinHash` is then another class object with the same code, which nothing here mixes up)."""
    if "datasketch" in sys.modules:
        return importlib.import_module("datasketch.minhash")
    spec = importlib.util.find_spec("datasketch")
    if spec is None or spec.submodule_search_locations is None:
        raise ConfigError("near-duplicate detection needs datasketch: pip install datasketch")
    loaded = set(sys.modules)
    sys.modules["datasketch"] = importlib.util.module_from_spec(spec)
    try:
        return importlib.import_module("datasketch.minhash")
    finally:
        for name in set(sys.modules) - loaded:
            if name == "datasketch" or name.startswith("datasketch."):
                del sys.modules[name]


def _lsh_shape_by_integration(threshold: float, num_perm: int) -> tuple[int, int]:
    from datasketch.lsh import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return int(lsh.b), int(lsh.r)


def lsh_shape(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) of datasketch's MinHashLSH for this threshold and number of
    permutations (equal weights of false positives and negatives), from the resource cache."""
    inputs = f"datasketch={metadata.version('datasketch')}|lsh_shape"
    bands, rows = compiled(
        "lsh-shape",
        f"{threshold!r}-{num_perm}",
        lambda: _lsh_shape_by_integration(threshold, num_perm),
        inputs,
    )
    return int(bands), int(rows)


def containment(jaccard: float, shingles: int, other_shingles: int) -> float:
    """Share of the smaller text's shingles found in the other, derived from the Jaccard.

    |A ∩ B| = J (|A| + |B|) / (1 + J); dividing by the smaller set tells a copy padded with
    agency boilerplate (nearly all of the original is there) from a rewrite (much is not).
    """
    if jaccard <= 0.0 or min(shingles, other_shingles) <= 0:
        return 0.0
    shared = jaccard * (shingles + other_shingles) / (1.0 + jaccard)
    return min(1.0, shared / min(shingles, other_shingles))


def similarity(first: bytes, second: bytes) -> float:
    """Jaccard similarity estimated from two signatures of the same length."""
    a = np.frombuffer(first, dtype=SIGNATURE_DTYPE)
    b = np.frombuffer(second, dtype=SIGNATURE_DTYPE)
    if a.shape != b.shape or a.size == 0:
        return 0.0
    return float(np.count_nonzero(a == b)) / float(a.size)


def deduplicator(settings: Settings) -> Deduplicator:
    """The near-duplicate fingerprinter the settings ask for."""
    return Deduplicator(
        settings.dedup_threshold, settings.dedup_permutations, settings.dedup_shingle_words
    )
