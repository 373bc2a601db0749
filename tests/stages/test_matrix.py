"""The matrix library of the spaCy models (nlp_matrix) and the BLAS thread limit (nlp_blas_threads)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from thinc.api import Linear, get_current_ops
from threadpoolctl import threadpool_info

from newsgraph.model import Article
from newsgraph.settings import Settings
from newsgraph.stages.matrix import limit_blas_threads, model_backend, model_ops
from newsgraph.stages.nlp import NlpStage, load_pipeline


@pytest.mark.parametrize("library", ["numpy", "blis"])
def test_models_built_inside_the_block_multiply_with_the_chosen_library(library: str) -> None:
    with model_ops(library):
        layer = Linear(4, 3)
    assert model_backend(layer) == library


def test_the_block_leaves_the_current_ops_as_they_were() -> None:
    before = get_current_ops()
    with model_ops("numpy"):
        pass
    assert get_current_ops() is before


def test_an_unknown_library_is_refused() -> None:
    with pytest.raises(ValueError, match="nlp_matrix: 'mkl'"), model_ops("mkl"):
        pass
    with pytest.raises(ValidationError):
        Settings(nlp_matrix="mkl")
    with pytest.raises(ValidationError):
        Settings(nlp_blas_threads=0)


def test_blas_libraries_run_the_allowed_threads() -> None:
    with pytest.raises(ValueError, match="below 1"):
        limit_blas_threads(0)
    limit_blas_threads(1)
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas, "numpy's BLAS is loaded"
    assert all(pool["num_threads"] == 1 for pool in blas)


@pytest.mark.models
def test_the_pipelines_models_use_the_configured_library() -> None:
    for library in ("numpy", "blis"):
        nlp, _ = load_pipeline("en", Settings(nlp_matrix=library))
        for name in ("tok2vec", "parser", "ner"):
            assert model_backend(nlp.get_pipe(name).model) == library, (library, name)


@pytest.mark.models
def test_both_libraries_give_the_same_annotation() -> None:
    text = (
        "The defence minister met his Chinese counterpart in Beijing on Tuesday.\n"
        "'We will deepen our cooperation,' he told reporters after the talks, "
        "according to the ministry."
    )
    numpy_article = NlpStage(Settings(nlp_matrix="numpy"))(Article(text=text, lang="en"))
    blis_article = NlpStage(Settings(nlp_matrix="blis"))(Article(text=text, lang="en"))
    assert numpy_article.tokens == blis_article.tokens
    assert numpy_article.names == blis_article.names
    assert numpy_article.sentences == blis_article.sentences
    assert any(token.dep for token in numpy_article.tokens)
