"""training/distill_tok2vec.py: text reading, the held-out split, the student's config, the loss and
the agreement metric."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
import spacy
from script_loader import load_script
from spacy.tokens import Doc
from thinc.api import Config, Model

distill_tok2vec = load_script("training/distill_tok2vec.py", "distill_tok2vec")

TEACHER_CONFIG = """
[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = 160
attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
rows = [20000, 2500, 5000, 2500]
include_static_vectors = false

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 160
depth = 4
window_size = 1
maxout_pieces = 3

[components.tagger]
factory = "tagger"

[components.tagger.model]
@architectures = "spacy.Tagger.v2"

[components.tagger.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = 160
upstream = "*"
"""


def test_uner_sentences_are_the_text_comments() -> None:
    lines = [
        "# sent_id = a-1\n",
        "# text = Dock workers walked out.\n",
        "1\tDock\tO\t-\n",
        "\n",
        "# text = They returned.\n",
    ]
    assert list(distill_tok2vec.uner_sentences(lines)) == [
        "Dock workers walked out.",
        "They returned.",
    ]


def test_group_sentences_joins_consecutive_sentences_and_keeps_the_rest() -> None:
    sentences = ["A.", "B.", "C.", "D.", "E."]
    assert list(distill_tok2vec.group_sentences(sentences, size=2)) == ["A. B.", "C. D.", "E."]


def test_held_out_split_is_seeded_disjoint_and_complete() -> None:
    texts = [f"story {i}" for i in range(200)]
    train, held = distill_tok2vec.split_held_out(texts, fraction=0.05, seed=1)
    assert len(held) == 10
    assert not set(train) & set(held)
    assert sorted(train + held) == sorted(texts)
    assert distill_tok2vec.split_held_out(texts, fraction=0.05, seed=1) == (train, held)
    assert distill_tok2vec.split_held_out(texts, fraction=0.05, seed=2)[1] != held


def test_student_config_keeps_attrs_and_listener_width_and_projects_to_it() -> None:
    teacher = Config().from_str(TEACHER_CONFIG)
    student = distill_tok2vec.student_config(teacher, width=64, depth=3, rows=None)
    model = student["components"]["tok2vec"]["model"]
    assert model["embed"]["width"] == 64
    assert model["embed"]["attrs"] == ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
    assert model["encode"]["*"]["encoder"]["depth"] == 3
    assert model["encode"]["*"]["projection"]["layer"]["nO"] == 160
    assert student["components"]["tagger"]["model"]["tok2vec"]["width"] == 160
    # The teacher's config is left as it was.
    assert teacher["components"]["tok2vec"]["model"]["encode"]["width"] == 160


def test_student_model_round_trips_through_config_text_and_outputs_the_teacher_width() -> None:
    block = distill_tok2vec.student_model_config(
        width=32, depth=2, out_width=160, attrs=["NORM", "SHAPE"], rows=[100, 50]
    )
    text = Config({"model": block}).to_str()
    model = spacy.registry.resolve(Config().from_str(text))["model"]
    nlp = spacy.blank("en")
    docs = [nlp.make_doc("Dock workers walked out."), nlp.make_doc("Talks resumed on Monday.")]
    model.initialize(X=docs)
    encode = model.get_ref("encode")
    assert encode.layers[0].name.startswith("with_array(residual")
    assert encode.layers[1].name == "with_array(linear)"
    outputs = model.predict(docs)
    assert [o.shape for o in outputs] == [(5, 160), (5, 160)]


def test_tensor_loss_is_mean_squared_distance_per_token_with_its_gradient() -> None:
    predicted = [numpy.array([[1.0, 2.0], [0.0, 0.0]]), numpy.array([[3.0, 0.0]])]
    target = [numpy.array([[1.0, 0.0], [0.0, 1.0]]), numpy.array([[0.0, 0.0]])]
    loss, gradient = distill_tok2vec.tensor_loss(predicted, target)
    assert loss == pytest.approx((4.0 + 1.0 + 9.0) / 3)
    assert numpy.allclose(gradient[0], [[0.0, 4.0 / 3], [0.0, -2.0 / 3]])
    assert numpy.allclose(gradient[1], [[2.0, 0.0]])


def _doc(tags: list[str], heads: list[int], deps: list[str], ents: list[str]) -> Doc:
    nlp = spacy.blank("en")
    words = ["Anna", "Berg", "met", "Oslo", "police", "."]
    return Doc(nlp.vocab, words=words, tags=tags, heads=heads, deps=deps, ents=ents)


def test_agreement_counts_tags_heads_labels_and_exact_names() -> None:
    tags = ["PROPN", "PROPN", "VERB", "PROPN", "NOUN", "PUNCT"]
    heads = [2, 0, 2, 4, 2, 2]
    deps = ["nsubj", "flat", "ROOT", "compound", "obj", "punct"]
    ents = ["B-PER", "I-PER", "O", "B-GPE", "O", "O"]
    reference = _doc(tags, heads, deps, ents)
    assert distill_tok2vec.agreement([reference], [reference])["las"] == 1.0
    candidate = _doc(
        ["PROPN", "PROPN", "VERB", "PROPN", "VERB", "PUNCT"],
        [2, 0, 2, 2, 2, 2],
        ["nsubj", "flat", "ROOT", "nmod", "obj", "dep"],
        ["B-PER", "O", "O", "B-GPE", "O", "O"],
    )
    scores = distill_tok2vec.agreement([reference], [candidate])
    assert scores["tag_acc"] == pytest.approx(5 / 6)
    assert scores["uas"] == pytest.approx(5 / 6)
    assert scores["las"] == pytest.approx(4 / 6)
    assert scores["ents_p"] == pytest.approx(1 / 2)
    assert scores["ents_r"] == pytest.approx(1 / 2)
    assert scores["ents_f"] == pytest.approx(1 / 2)


def test_agreement_refuses_differently_tokenised_docs() -> None:
    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match="tokenised differently"):
        distill_tok2vec.agreement([nlp.make_doc("a b")], [nlp.make_doc("a c")])


def test_learn_rate_warms_up_then_declines_to_a_tenth_by_steps_or_time() -> None:
    rate = distill_tok2vec.learn_rate
    assert rate(0.002, 50, 1000, 0.0, 600.0) == pytest.approx(0.002 * 0.5 * (1 - 0.9 * 0.05))
    assert rate(0.002, 1000, 1000, 0.0, 600.0) == pytest.approx(0.0002)
    # Half the time gone at step 200: the decline follows the time.
    assert rate(0.002, 200, 1000, 300.0, 600.0) == pytest.approx(0.002 * 0.55)


def test_teacher_tensors_are_the_models_output_in_half_precision() -> None:
    block = distill_tok2vec.student_model_config(
        width=16, depth=1, out_width=24, attrs=["NORM"], rows=[50]
    )
    model = spacy.registry.resolve(Config({"model": block}))["model"]
    nlp = spacy.blank("en")
    docs = [nlp.make_doc(text) for text in ["One two.", "Three four five.", "Six."]]
    model.initialize(X=docs)
    tensors = distill_tok2vec.teacher_tensors(model, docs, batch_size=2)
    assert [t.dtype for t in tensors] == [numpy.float16] * 3
    expected = model.predict(docs)
    for got, want in zip(tensors, expected, strict=True):
        assert numpy.allclose(got, want, atol=1e-2)


def test_tensor_loss_with_a_metric_weighs_the_difference_by_it() -> None:
    predicted = [numpy.array([[1.0, 1.0]])]
    target = [numpy.array([[0.0, 0.0]])]
    metric = numpy.array([[2.0, 0.0], [0.0, 0.0]])
    loss, gradient = distill_tok2vec.tensor_loss(predicted, target, metric)
    assert loss == pytest.approx(2.0)
    assert numpy.allclose(gradient[0], [[4.0, 0.0]])


def test_heads_metric_adds_each_heads_first_layer_scaled_to_the_identity_trace() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("tok2vec")
    nlp.add_pipe("tagger")
    tagger = nlp.get_pipe("tagger")
    tagger.add_label("NOUN")
    tagger.add_label("VERB")
    nlp.initialize()
    width = 96  # the default tok2vec's width, which the tagger's softmax reads
    unread = distill_tok2vec.heads_metric(nlp, width)  # the softmax starts at zero
    assert numpy.allclose(unread, numpy.eye(width))
    for node in tagger.model.walk():
        if node.name == "softmax":
            node.set_param("W", numpy.random.default_rng(0).normal(size=(2, width)).astype("f"))
    weights = distill_tok2vec.first_reading_weights(tagger.model, width)
    assert weights is not None and weights.shape == (2, width)
    metric = distill_tok2vec.heads_metric(nlp, width)
    gram = weights.T @ weights
    assert numpy.allclose(metric, numpy.eye(width) + gram * width / numpy.trace(gram), atol=1e-5)
    assert numpy.trace(metric) == pytest.approx(2 * width, rel=1e-4)


def _random_weights(model: Model, names: tuple[str, ...], seed: int = 0) -> None:
    rng = numpy.random.default_rng(seed)
    for node in model.walk():
        if node.name in names and node.has_param("W"):
            shape = node.get_param("W").shape
            node.set_param("W", rng.normal(size=shape).astype("f"))


def test_hidden_reading_map_gives_what_a_transition_head_precomputes_from_a_token() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("tok2vec")
    ner = nlp.add_pipe("ner")
    ner.add_label("PER")
    nlp.initialize()
    width = 96
    _random_weights(ner.model, ("linear", "precomputable_affine"))
    mapping = distill_tok2vec.hidden_reading_map(ner.model, width)
    projection = distill_tok2vec.first_reading_weights(ner.model, width)
    assert mapping is not None and projection is not None
    affine = next(n for n in ner.model.walk() if n.name == "precomputable_affine")
    n_f, n_o, n_p, _ = affine.get_param("W").shape
    assert mapping.shape == (n_f * n_o * n_p, width)
    rng = numpy.random.default_rng(1)
    x, y = (rng.normal(size=(3, width)).astype("f") for _ in range(2))
    # The precomputed features of two token vectors differ by the map applied to their difference
    # (the projection's and the layer's biases cancel; row 0 is the padding).
    precomputed = [affine.predict((v @ projection.T).astype("f"))[1:] for v in (x, y)]
    difference = (precomputed[0] - precomputed[1]).reshape(3, -1)
    assert numpy.allclose(difference, (x - y) @ mapping.T, rtol=1e-3, atol=1e-2)


def test_hidden_reading_map_of_a_head_without_hidden_layer_is_its_first_layer() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("tok2vec")
    tagger = nlp.add_pipe("tagger")
    tagger.add_label("NOUN")
    nlp.initialize()
    _random_weights(tagger.model, ("softmax",))
    mapping = distill_tok2vec.hidden_reading_map(tagger.model, 96)
    first = distill_tok2vec.first_reading_weights(tagger.model, 96)
    assert mapping is not None and first is not None
    assert numpy.array_equal(mapping, first)
    assert distill_tok2vec.hidden_reading_map(tagger.model, 64) is None


def test_heads_metric_through_hidden_uses_the_whole_map_to_the_hidden_layer() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("tok2vec")
    ner = nlp.add_pipe("ner")
    ner.add_label("PER")
    nlp.initialize()
    width = 96
    _random_weights(ner.model, ("linear", "precomputable_affine"))
    mapping = distill_tok2vec.hidden_reading_map(ner.model, width)
    assert mapping is not None
    gram = mapping.T @ mapping
    metric = distill_tok2vec.heads_metric(nlp, width, through_hidden=True)
    expected = numpy.eye(width) + gram * width / numpy.trace(gram)
    assert numpy.allclose(metric, expected, rtol=1e-4, atol=1e-4)
    assert not numpy.allclose(metric, distill_tok2vec.heads_metric(nlp, width), atol=1e-2)


def _teacher(path: Path) -> Path:
    """A small teacher on disk: a width-32 tok2vec of the teacher's architecture and a tagger."""
    nlp = spacy.blank("en")
    embed = {
        "@architectures": "spacy.MultiHashEmbed.v2",
        "width": 32,
        "attrs": ["NORM", "SHAPE"],
        "rows": [100, 50],
        "include_static_vectors": False,
    }
    encode = {
        "@architectures": "spacy.MaxoutWindowEncoder.v2",
        "width": 32,
        "depth": 1,
        "window_size": 1,
        "maxout_pieces": 3,
    }
    model = {"@architectures": "spacy.Tok2Vec.v2", "embed": embed, "encode": encode}
    nlp.add_pipe("tok2vec", config={"model": model})
    listener = {"@architectures": "spacy.Tok2VecListener.v1", "width": 32, "upstream": "*"}
    tagger_model = {"@architectures": "spacy.Tagger.v2", "tok2vec": listener}
    tagger = nlp.add_pipe("tagger", config={"model": tagger_model})
    tagger.add_label("NOUN")
    tagger.add_label("VERB")
    nlp.initialize()
    nlp.to_disk(path)
    return path


def test_init_continues_the_saved_student_of_each_size(tmp_path: Path) -> None:
    teacher = _teacher(tmp_path / "teacher")
    sample = [spacy.blank("en").make_doc("Dock workers walked out on Monday.")]
    saved = distill_tok2vec.build_student(teacher, 16, 1, None, sample)
    (tmp_path / "first" / "w16d1").mkdir(parents=True)
    saved.to_disk(tmp_path / "first" / "w16d1" / "best")
    args = distill_tok2vec.parse_args(
        ["--teacher", str(teacher), "--sizes", "16x1", "--init", str(tmp_path / "first")]
    )
    (student,) = distill_tok2vec.load_students(args, sample)
    assert student.name == "w16d1"
    want = saved.get_pipe("tok2vec").model.predict(sample)[0]
    assert numpy.array_equal(student.model.predict(sample)[0], want)
    without_init = distill_tok2vec.parse_args(["--teacher", str(teacher), "--sizes", "16x1"])
    fresh = distill_tok2vec.load_students(without_init, sample)
    assert not numpy.allclose(fresh[0].model.predict(sample)[0], want)


def test_checkpoint_keeps_every_step_and_best_only_when_agreement_rises(tmp_path: Path) -> None:
    nlp = spacy.load(_teacher(tmp_path / "teacher"))
    texts = ["Dock workers walked out.", "Talks resumed."]
    reference = list(nlp.pipe(texts))
    student = distill_tok2vec.Student("w96d4", nlp, None, tmp_path / "out")
    distill_tok2vec.checkpoint(student, 0, texts, reference, keep=True)
    assert student.best_step == 0 and student.best == pytest.approx(3.0)
    assert (tmp_path / "out" / "best").is_dir() and (tmp_path / "out" / "step-0").is_dir()
    distill_tok2vec.checkpoint(student, 5, texts, reference, keep=False)
    assert student.best_step == 0  # equal agreement is no improvement
    assert not (tmp_path / "out" / "step-5").exists()
