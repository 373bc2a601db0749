"""Links between articles that repeat one another: exact copies, near-copies, rewrites, translations.

Exact copies share the hash of their words. Near-copies and rewrites are found through the LSH
buckets of their MinHash signatures and confirmed by the similarity the signatures estimate.
Translations cannot share words, so they are found through the stories: a report in another
language that tells the same stories, at about the same length, about the same entities.
Every link records why it was made.
"""

from __future__ import annotations

from newsgraph.archive import dedup
from newsgraph.archive.clustering import overlap
from newsgraph.archive.database import Database
from newsgraph.archive.rows import PreparedArticle

MAX_CANDIDATES = 100
MAX_DUPLICATE_LINKS = 10
TRANSLATION_MIN_STORY_OVERLAP = 0.5
TRANSLATION_MIN_LENGTH_RATIO = 0.5


class Linker:
    """Finds and stores the links of newly written articles (inside the writer's transaction)."""

    def __init__(
        self, db: Database, deduplicator: dedup.Deduplicator, translation_min_overlap: float
    ) -> None:
        self.db = db
        self.dedup = deduplicator
        self.translation_min_overlap = translation_min_overlap

    def link_copies(self, seq: int, item: PreparedArticle) -> int:
        """Link to an earlier article with the same words, else to LSH near-duplicates."""
        exact = self.db.execute(
            "SELECT seq, article_id FROM articles WHERE content_hash = ? AND seq < ?"
            " AND doc_key <> ? ORDER BY seq LIMIT 1",
            (item.content_hash, seq, item.doc_key),
        )
        if exact:
            # Its original already stands for it in the LSH index; adding copies would only
            # make every later lookup return more identical candidates.
            return self._link(seq, int(exact[0][0]), "exact", 1.0, f"same words as {exact[0][1]}")
        fingerprint = item.fingerprint
        if fingerprint is None:
            return 0
        links = 0
        for other, score, other_shingles in self._near_duplicates(item, fingerprint):
            linked = self.dedup.link(score, fingerprint.shingles, other_shingles)
            if linked is not None:
                relation, reason = linked
                links += self._link(seq, other, relation, score, reason)
        self.db.execute(
            "INSERT INTO fingerprints (article_seq, minhash, shingles) VALUES (?, ?, ?)",
            (seq, fingerprint.signature, fingerprint.shingles),
        )
        self.db.executemany(
            "INSERT INTO lsh_buckets (bucket, article_seq) VALUES (?, ?)"
            " ON CONFLICT (bucket, article_seq) DO NOTHING",
            [(bucket, seq) for bucket in fingerprint.buckets],
        )
        return links

    def _near_duplicates(
        self, item: PreparedArticle, fingerprint: dedup.Fingerprint
    ) -> list[tuple[int, float, int]]:
        """Earlier articles sharing an LSH bucket: (seq, estimated Jaccard, shingles), best first."""
        marks = ", ".join("?" for _ in fingerprint.buckets)
        candidates = self.db.execute(
            "SELECT f.article_seq, f.minhash, f.shingles FROM fingerprints f"
            " JOIN articles a ON a.seq = f.article_seq WHERE f.article_seq IN"
            f" (SELECT DISTINCT article_seq FROM lsh_buckets WHERE bucket IN ({marks})"
            "  ORDER BY article_seq DESC LIMIT ?) AND a.doc_key <> ?",
            (*fingerprint.buckets, MAX_CANDIDATES, item.doc_key),
        )
        scored = [
            (int(other), dedup.similarity(fingerprint.signature, bytes(sig)), int(shingles))
            for other, sig, shingles in candidates
        ]
        scored = [found for found in scored if found[1] >= self.dedup.threshold]
        scored.sort(key=lambda found: (-found[1], found[0]))
        return scored[:MAX_DUPLICATE_LINKS]

    def link_translations(self, seq: int, item: PreparedArticle) -> int:
        """Link reports in another language with the same stories, length and entities."""
        mine = self._stories_of(seq)
        others = self.db.execute(
            "SELECT DISTINCT e2.article_seq, LENGTH(o.text), LENGTH(a.text) FROM events e1"
            " JOIN events e2 ON e2.story_id = e1.story_id AND e2.article_seq <> e1.article_seq"
            " JOIN articles o ON o.seq = e2.article_seq JOIN articles a ON a.seq = e1.article_seq"
            " WHERE e1.article_seq = ? AND o.is_current = 1 AND o.lang IS NOT NULL AND o.lang <> ?"
            " ORDER BY e2.article_seq",
            (seq, item.lang),
        )
        links = 0
        for other, other_length, length in others:
            theirs = self._stories_of(int(other))
            stories = len(mine & theirs) / len(mine | theirs)
            lengths = min(other_length, length) / max(other_length, length, 1)
            keys = self._entity_keys(int(other))
            score = overlap(item.entity_keys, keys)
            # A translation tells the same stories at about the same length about the same
            # people; an independent report of one of its stories fails one of these.
            if (
                stories < TRANSLATION_MIN_STORY_OVERLAP
                or lengths < TRANSLATION_MIN_LENGTH_RATIO
                or score < self.translation_min_overlap
            ):
                continue
            common = ", ".join(sorted(item.entity_keys & keys)[:8])
            reason = (
                f"same {len(mine & theirs)} of {len(mine)} stories, length ratio {lengths:.2f},"
                f" shared entities {common}"
            )
            links += self._link(seq, int(other), "translation", score, reason)
        return links

    def _stories_of(self, seq: int) -> set[str]:
        rows = self.db.execute("SELECT DISTINCT story_id FROM events WHERE article_seq = ?", (seq,))
        return {row[0] for row in rows}

    def _entity_keys(self, seq: int) -> frozenset[str]:
        rows = self.db.execute(
            "SELECT norm_name, norm_canonical FROM entities WHERE article_seq = ?", (seq,)
        )
        return frozenset(canonical or name for name, canonical in rows)

    def _link(self, seq: int, original: int, relation: str, score: float, reason: str) -> int:
        """Store a link from the newer to the older article; 1 when it is new."""
        newer, older = max(seq, original), min(seq, original)
        exists = self.db.execute(
            "SELECT 1 FROM duplicates WHERE article_seq = ? AND original_seq = ?", (newer, older)
        )
        if exists:
            return 0
        self.db.execute(
            "INSERT INTO duplicates (article_seq, original_seq, relation, similarity, reason)"
            " VALUES (?, ?, ?, ?, ?)",
            (newer, older, relation, round(score, 4), reason),
        )
        return 1
