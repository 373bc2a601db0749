"""training/retrain_heads.py: the heads learn on a frozen tok2vec's tensors, the held-out stories
stay out of the silver data, the gold/silver mix and the batches."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
import spacy
from script_loader import load_script
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import load_model_from_config

retrain_heads = load_script("training/retrain_heads.py", "retrain_heads")


def _pipeline() -> Language:
    """A small tok2vec + tagger pipeline whose tagger reads the tok2vec through a listener."""
    nlp = spacy.blank("en")
    embed = {
        "@architectures": "spacy.MultiHashEmbed.v2",
        "width": 16,
        "attrs": ["NORM", "SHAPE"],
        "rows": [100, 50],
        "include_static_vectors": False,
    }
    encode = {
        "@architectures": "spacy.MaxoutWindowEncoder.v2",
        "width": 16,
        "depth": 1,
        "window_size": 1,
        "maxout_pieces": 3,
    }
    model = {"@architectures": "spacy.Tok2Vec.v2", "embed": embed, "encode": encode}
    nlp.add_pipe("tok2vec", config={"model": model})
    listener = {"@architectures": "spacy.Tok2VecListener.v1", "width": 16, "upstream": "*"}
    tagger = nlp.add_pipe(
        "tagger", config={"model": {"@architectures": "spacy.Tagger.v2", "tok2vec": listener}}
    )
    tagger.add_label("NOUN")
    tagger.add_label("VERB")
    nlp.initialize()
    return nlp


def _parsing_pipeline(seed: int) -> Language:
    """The small pipeline with a parser and an NER on the same tok2vec, trained a few steps on
    two sentences (weights drawn with `seed`)."""
    from thinc.api import fix_random_seed

    fix_random_seed(seed)
    nlp = _pipeline()
    listener = {"@architectures": "spacy.Tok2VecListener.v1", "width": 16, "upstream": "*"}
    for name in ("parser", "ner"):
        model = {
            "@architectures": "spacy.TransitionBasedParser.v2",
            "state_type": name if name == "ner" else "parser",
            "extra_state_tokens": False,
            "hidden_width": 8,
            "maxout_pieces": 2,
            "use_upper": True,
            "tok2vec": listener,
        }
        component = nlp.add_pipe(name, config={"model": model})
        for label in ("LOC",) if name == "ner" else ("nsubj", "obl", "compound", "ROOT"):
            component.add_label(label)  # type: ignore[attr-defined]
    examples = []
    for words, heads, deps, ents in (
        (["Workers", "strike", "today"], [1, 1, 1], ["nsubj", "ROOT", "obl"], ["O", "O", "O"]),
        (
            ["Kabul", "protests", "grow"],
            [1, 2, 2],
            ["compound", "nsubj", "ROOT"],
            ["B-LOC", "O", "O"],
        ),
    ):
        reference = Doc(
            nlp.vocab, words=words, tags=["NOUN"] * 3, heads=heads, deps=deps, ents=ents
        )
        examples.append(Example(nlp.make_doc(" ".join(words)), reference))
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(5):
        nlp.update(examples, sgd=optimizer)
    # As loaded from disk: no listener holds a training batch of the tok2vec.
    loaded = load_model_from_config(nlp.config, auto_fill=False)
    return loaded.from_bytes(nlp.to_bytes())


def _weights(nlp: Language, name: str) -> list[numpy.ndarray]:
    model = nlp.get_pipe(name).model  # type: ignore[attr-defined]
    return [numpy.array(node.get_param(p)) for node in model.walk() for p in node.param_names]


def _examples(nlp: Language) -> list[Example]:
    words = ["Workers", "strike", "today"]
    reference = Doc(nlp.vocab, words=words, tags=["NOUN", "VERB", "NOUN"])
    return [Example(nlp.make_doc("Workers strike today"), reference)] * 4


def test_update_heads_trains_the_tagger_and_leaves_the_tok2vec_as_it_was() -> None:
    nlp = _pipeline()
    tok2vec_before, tagger_before = _weights(nlp, "tok2vec"), _weights(nlp, "tagger")
    optimizer = nlp.create_optimizer()
    losses: dict[str, float] = {}
    for _ in range(3):
        retrain_heads.update_heads(nlp, _examples(nlp), optimizer, 0.0, losses)
    assert losses["tagger"] > 0 and "tok2vec" not in losses
    for before, after in zip(tok2vec_before, _weights(nlp, "tok2vec"), strict=True):
        assert numpy.array_equal(before, after)
    changed = [
        not numpy.array_equal(b, a)
        for b, a in zip(tagger_before, _weights(nlp, "tagger"), strict=True)
    ]
    assert any(changed)


def test_update_heads_learns_the_tags_from_the_frozen_tensors() -> None:
    nlp = _pipeline()
    optimizer = nlp.create_optimizer()
    optimizer.learn_rate = 0.01
    for _ in range(60):
        retrain_heads.update_heads(nlp, _examples(nlp), optimizer, 0.0, {})
    assert [t.tag_ for t in nlp("Workers strike today")] == ["NOUN", "VERB", "NOUN"]


def test_held_in_stories_leave_out_the_agreement_stories(tmp_path: Path) -> None:
    held_in, held_out = retrain_heads.split_held_out([f"story {i}" for i in range(100)])
    assert len(held_out) == 5 and not set(held_in) & set(held_out)


def test_silver_docs_are_annotated_once_and_read_back(tmp_path: Path) -> None:
    teacher = _pipeline()
    teacher.to_disk(tmp_path / "teacher")
    path = tmp_path / "silver.spacy"
    docs = retrain_heads.load_silver(path, tmp_path / "teacher", ["Workers strike today."])
    assert path.is_file()
    assert [t.tag_ for t in docs[0]] == [t.tag_ for t in teacher("Workers strike today.")]
    again = retrain_heads.load_silver(path, tmp_path / "missing", ["other text"])
    assert [d.text for d in again] == ["Workers strike today."]


def test_mixed_repeats_the_gold_examples() -> None:
    assert retrain_heads.mixed(["g1", "g2"], ["s1"], 2) == ["g1", "g2", "g1", "g2", "s1"]


def test_word_batches_fill_up_to_the_word_budget_and_cover_every_example() -> None:
    nlp = spacy.blank("en")
    examples = [Example(nlp.make_doc(t), nlp.make_doc(t)) for t in ["a b c", "d e", "f", "g h i j"]]
    stream = retrain_heads.word_batches(examples, 4, seed=0)
    seen: set[int] = set()
    for _ in range(10):
        batch = next(stream)
        assert sum(len(e.reference) for e in batch[:-1]) < 4 <= sum(len(e.reference) for e in batch)
        seen.update(id(e) for e in batch)
    assert seen == {id(e) for e in examples}


def test_learn_rate_warms_up_then_declines_to_a_tenth_at_the_time_limit() -> None:
    assert retrain_heads.learn_rate(0.001, 50, 100, 0.0, 60.0) == 0.0005
    assert retrain_heads.learn_rate(0.001, 200, 100, 30.0, 60.0) == 0.00055
    assert abs(retrain_heads.learn_rate(0.001, 900, 100, 90.0, 60.0) - 0.0001) < 1e-12


@pytest.mark.parametrize("loss_kind", ["mse", "softmax"])
def test_distil_heads_of_a_copy_of_the_teacher_has_no_loss(loss_kind: str) -> None:
    teacher = _parsing_pipeline(seed=1)
    copy = _parsing_pipeline(seed=2)
    copy.from_bytes(teacher.to_bytes())
    docs = [copy.make_doc("Workers strike in Kabul today"), copy.make_doc("Protests grow")]
    losses: dict[str, float] = {}
    optimizer = copy.create_optimizer()
    retrain_heads.distil_heads(copy, teacher, docs, optimizer, losses, loss_kind=loss_kind)
    assert losses == {"tagger": 0.0, "parser": 0.0, "ner": 0.0}


@pytest.mark.parametrize("loss_kind", ["mse", "softmax"])
def test_distil_heads_pulls_every_head_towards_the_teachers_scores_not_the_tok2vec(
    loss_kind: str,
) -> None:
    teacher = _parsing_pipeline(seed=1)
    student = _parsing_pipeline(seed=2)
    student.get_pipe("tok2vec").from_bytes(teacher.get_pipe("tok2vec").to_bytes())
    tok2vec_before = _weights(student, "tok2vec")
    docs = [student.make_doc("Workers strike in Kabul today"), student.make_doc("Protests grow")]
    optimizer = student.create_optimizer()
    optimizer.learn_rate = 0.01
    first: dict[str, float] = {}
    retrain_heads.distil_heads(student, teacher, docs, optimizer, first, loss_kind=loss_kind)
    for _ in range(40):
        last: dict[str, float] = {}
        retrain_heads.distil_heads(student, teacher, docs, optimizer, last, loss_kind=loss_kind)
    for name in ("tagger", "parser", "ner"):
        assert last[name] < first[name] / 2, name
    for before, after in zip(tok2vec_before, _weights(student, "tok2vec"), strict=True):
        assert numpy.array_equal(before, after)


def test_distil_heads_with_train_tok2vec_moves_the_tok2vec_by_the_heads_losses() -> None:
    teacher = _parsing_pipeline(seed=1)
    student = _parsing_pipeline(seed=1)
    student.get_pipe("tok2vec").from_bytes(_parsing_pipeline(seed=2).get_pipe("tok2vec").to_bytes())
    tok2vec_before = _weights(student, "tok2vec")
    docs = [student.make_doc("Workers strike in Kabul today"), student.make_doc("Protests grow")]
    optimizer = student.create_optimizer()
    optimizer.learn_rate = 0.01
    first: dict[str, float] = {}
    retrain_heads.distil_heads(student, teacher, docs, optimizer, first, train_tok2vec=True)
    for _ in range(40):
        last: dict[str, float] = {}
        retrain_heads.distil_heads(student, teacher, docs, optimizer, last, train_tok2vec=True)
    assert sum(last.values()) < sum(first.values()) / 2
    changed = [
        not numpy.array_equal(b, a)
        for b, a in zip(tok2vec_before, _weights(student, "tok2vec"), strict=True)
    ]
    assert any(changed)
    # The listeners hold no batch afterwards: a gold step on the frozen tok2vec still works.
    retrain_heads.update_heads(student, _examples(student), optimizer, 0.0, {})
