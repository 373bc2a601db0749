"""Which library multiplies the spaCy models' matrices, and with how many threads.

Nearly all of a trained pipeline's time goes into matrix products (the tok2vec's maxout layers,
the parser's and NER's precomputed hidden layers). thinc's default CPU backend hands them to blis;
numpy's BLAS (OpenBLAS in numpy's wheels) computes the same products, to float rounding, in
about 40 % of the time on the x86 machines this project runs on (`benchmarks/throughput.py`
measures both). `nlp_matrix` chooses: `numpy` (the default) or `blis`, thinc's own default.

A pipeline process runs one BLAS thread (`nlp_blas_threads`, 1 by default): parallel work comes
from worker processes, one per core, and numpy's BLAS would otherwise start a thread per core in
every one of them. blis runs one thread unless told otherwise, so that is also what `blis` did.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

MATRIX_LIBRARIES = ("numpy", "blis")

_limited: list[int] = []


@contextmanager
def model_ops(library: str) -> Iterator[None]:
    """Models built (loaded) inside this block multiply with `library` (`numpy` or `blis`)."""
    if library not in MATRIX_LIBRARIES:
        raise ValueError(f"nlp_matrix: {library!r} is not one of {', '.join(MATRIX_LIBRARIES)}")
    from thinc.api import use_ops

    with use_ops("numpy", use_blis=library == "blis"):
        yield


def limit_blas_threads(threads: int) -> None:
    """Let the BLAS libraries loaded in this process use at most `threads` threads (once per
    process and value; a forked worker keeps its parent's limit)."""
    if threads < 1:
        raise ValueError(f"nlp_blas_threads: {threads} is below 1")
    if _limited and _limited[-1] == threads:
        return
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=threads, user_api="blas")
    _limited.append(threads)


def model_backend(model: object) -> str:
    """Which library a loaded thinc model multiplies with (`numpy` or `blis`)."""
    ops = getattr(model, "ops", None)
    return "blis" if getattr(ops, "use_blis", False) else "numpy"
