"""training/convert.py: the en corpora split (which sentences train, which select a checkpoint)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import spacy
from spacy.tokens import Doc

SCRIPT = Path(__file__).resolve().parents[2] / "training" / "convert.py"


def load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("convert", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


convert = load()
VOCAB = spacy.blank("en").vocab


def docs(prefix: str, count: int) -> list[Doc]:
    return [Doc(VOCAB, words=[f"{prefix}{i}", "said", "."]) for i in range(count)]


def texts(split: list[Doc]) -> list[str]:
    return [doc[0].text for doc in split]


def test_en_joint_train_leaves_out_the_sentences_that_select_the_checkpoint() -> None:
    train, ud_dev = docs("t", 25), docs("d", 10)
    splits = convert.en_splits(train, ud_dev)
    selecting = set(texts(splits["en-ner-dev"]))
    assert selecting == {"t0", "t10", "t20", "d8", "d9"}
    assert not selecting & set(texts(splits["en-joint-train"]))
    assert not selecting & set(texts(splits["en-ner-train"]))
    # The joint file keeps the first 80 % of UD dev three times, like en-train, which still holds
    # every train sentence (the shipped pipeline's recipe).
    joint = texts(splits["en-joint-train"])
    assert joint.count("d0") == 3 and joint.count("t1") == 1 and "d8" not in joint
    assert set(texts(splits["en-train"])) - set(joint) == {"t0", "t10", "t20"}
    assert texts(splits["en-dev"]) == ["d8", "d9"]
