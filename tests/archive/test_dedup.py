"""Near-duplicates: real copies (boilerplate, edits, rewrites) found; same-topic reports not."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from newsgraph.archive import Repository
from newsgraph.archive.dedup import (
    Deduplicator,
    containment,
    lsh_shape,
    normalise_words,
    shingles,
    similarity,
)
from newsgraph.errors import ConfigError

from .builders import articles_with_text
from .texts import (
    LIGHTLY_EDITED,
    ORIGINAL,
    REWRITE,
    SAME_TOPIC,
    SAME_TOPIC_NORWEGIAN,
    SYNDICATED,
    UNRELATED,
)


@pytest.fixture(scope="module")
def dedup() -> Deduplicator:
    return Deduplicator(threshold=0.4, num_perm=128, shingle_words=3)


def relation_to_original(dedup: Deduplicator, text: str) -> str | None:
    first, second = dedup.fingerprint(ORIGINAL), dedup.fingerprint(text)
    assert first is not None and second is not None
    score = similarity(first.signature, second.signature)
    return dedup.relation(score, first.shingles, second.shingles)


def test_normalise_words_ignores_case_punctuation_and_layout() -> None:
    assert normalise_words("Kina, og\n RUSSLAND!") == ["kina", "og", "russland"]


def test_syndicated_copy_with_agency_boilerplate_is_a_copy(dedup: Deduplicator) -> None:
    assert relation_to_original(dedup, SYNDICATED) == "copy"


def test_copy_with_a_few_edited_phrases_is_a_copy(dedup: Deduplicator) -> None:
    assert relation_to_original(dedup, LIGHTLY_EDITED) == "copy"


def test_rewrite_keeping_most_sentences_is_a_rewrite(dedup: Deduplicator) -> None:
    assert relation_to_original(dedup, REWRITE) == "rewrite"


@pytest.mark.parametrize("text", [SAME_TOPIC, SAME_TOPIC_NORWEGIAN, UNRELATED])
def test_independent_report_on_the_same_topic_is_not_a_duplicate(
    dedup: Deduplicator, text: str
) -> None:
    assert relation_to_original(dedup, text) is None


def test_identical_texts_share_every_bucket(dedup: Deduplicator) -> None:
    first, second = dedup.fingerprint(ORIGINAL), dedup.fingerprint(ORIGINAL.upper())
    assert first is not None and second is not None
    assert first.buckets == second.buckets
    assert first.content_hash == second.content_hash


def test_text_without_words_has_no_fingerprint(dedup: Deduplicator) -> None:
    assert dedup.fingerprint(" … — ") is None


def test_containment_of_a_padded_copy_is_near_one() -> None:
    # 100 shingles inside 125: Jaccard 0.8, containment 1.0.
    assert containment(0.8, 100, 125) == pytest.approx(1.0)
    assert containment(0.0, 100, 125) == 0.0


def test_invalid_threshold_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        Deduplicator(threshold=1.5, num_perm=128, shingle_words=3)


def test_archive_links_copies_to_the_original_and_leaves_same_topic_alone(
    archive: Repository,
) -> None:
    articles = articles_with_text(
        [
            ("https://a.example/original", ORIGINAL),
            ("https://b.example/syndicated", SYNDICATED),
            ("https://c.example/edited", LIGHTLY_EDITED),
            ("https://d.example/rewrite", REWRITE),
            ("https://e.example/same-topic", SAME_TOPIC),
            ("https://f.example/unrelated", UNRELATED),
        ]
    )
    archive.add_articles(articles)
    ids = {a.meta.source_url: a.id for a in articles}
    links = {(d.article_id, d.original_id): d for d in archive.duplicates()}
    original = ids["https://a.example/original"]
    assert links[(ids["https://b.example/syndicated"], original)].relation == "copy"
    assert links[(ids["https://c.example/edited"], original)].relation == "copy"
    assert links[(ids["https://d.example/rewrite"], original)].relation == "rewrite"
    linked = {article for pair in links for article in pair}
    assert ids["https://e.example/same-topic"] not in linked
    assert ids["https://f.example/unrelated"] not in linked
    assert all("Jaccard" in d.reason for d in links.values())


def test_archive_marks_same_words_from_another_source_as_exact(archive: Repository) -> None:
    first, second = articles_with_text(
        [("https://a.example/x", ORIGINAL), ("https://b.example/y", ORIGINAL.replace(". ", ".\n"))]
    )
    archive.add_articles([first])
    archive.add_articles([second])
    [link] = archive.duplicates(article_id=second.id)
    assert (link.relation, link.original_id, link.similarity) == ("exact", first.id, 1.0)


def test_lsh_shape_is_datasketchs_for_several_thresholds() -> None:
    from datasketch import MinHashLSH

    for threshold, num_perm in ((0.4, 128), (0.7, 128), (0.85, 64), (0.5, 256)):
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        assert lsh_shape(threshold, num_perm) == (lsh.b, lsh.r)


def test_fingerprint_signature_is_datasketchs_minhash(dedup: Deduplicator) -> None:
    from datasketch import MinHash

    fingerprint = dedup.fingerprint(ORIGINAL)
    assert fingerprint is not None
    grams = shingles(normalise_words(ORIGINAL), 3)
    expected = MinHash(num_perm=128, seed=1, scheme="affine32")
    expected.update_batch(list(grams))
    assert fingerprint.signature == np.asarray(expected.hashvalues, dtype=np.uint32).tobytes()


def test_a_fresh_process_fingerprints_without_importing_scipy_or_datasketchs_lsh() -> None:
    script = (
        "import sys\n"
        "from newsgraph.archive.dedup import Deduplicator\n"
        "d = Deduplicator(threshold=0.4, num_perm=128, shingle_words=3)\n"
        "assert d.fingerprint('en to tre fire fem seks') is not None\n"
        "print(sorted(m for m in sys.modules if m.startswith(('scipy', 'datasketch'))))\n"
    )
    # Twice: the first run may fill the resource cache (integrating with datasketch's LSH).
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        )
    assert done.stdout.strip() == "[]"


def test_the_whole_datasketch_package_still_imports_after_the_minhash_module() -> None:
    script = (
        "from newsgraph.archive.dedup import Deduplicator\n"
        "Deduplicator(threshold=0.4, num_perm=128, shingle_words=3)\n"
        "import datasketch.minhash\n"
        "assert datasketch.MinHash is datasketch.minhash.MinHash\n"
        "assert datasketch.MinHashLSH(threshold=0.4, num_perm=128).b > 0\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)
