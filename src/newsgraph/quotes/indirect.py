"""Indirect speech: the clause a speech verb or attribution phrase reports.

Four shapes are read: a verb with a complementizer ("sa at …", "said Saturday that …"); an English
saying verb with a bare clause ("said the talks failed"); a clause followed by an inverted cue
("Øvelsen er viktig, understreker viseadmiralen."); and an attribution phrase opening or closing the
sentence ("Ifølge Ding vil Kina …", "…, according to the ministry"). Coordinated reports split in
two ("sier at A og at B"), and a second verb ("…, og bemerket at …") starts its own clause.
"""

from __future__ import annotations

from typing import Literal

from newsgraph.quotes.cues import Cue, CueFinder
from newsgraph.quotes.direct import Candidate, trim
from newsgraph.quotes.document import QuoteText, Sentence, Word

Tail = Literal["ends", "continues"]
MIN_CLAUSE_WORDS = 3
MAX_TRAILING_WORDS = 5
MAX_SPEAKER_WORDS = 8
MAX_SOURCE_TAIL = 8
# "sagte er am Montag der Zeitung, …": words between a cue clause and the comma of its report.
MAX_WORDS_BEFORE_COMMA = 6
# A reported clause's finite verb follows its subject ("die Lage im Osten sei …").
MAX_SUBJECT_WORDS = 5
CLAUSE_STOPS = frozenset(":;")
TRAILING_STRIP = " \t\n,;:.–—-"


class ReportedClauses:
    """Finds the clauses reported by cues (indirect speech)."""

    def __init__(self, doc: QuoteText, finder: CueFinder, cues: list[Cue]) -> None:
        self.doc = doc
        self.words = doc.words
        self.lexicon = doc.lexicon
        self.finder = finder
        self.cues = cues
        self.by_first = {cue.first: cue for cue in cues}

    def find(self, used: set[int], direct_openers: set[int]) -> list[Candidate]:
        """Indirect candidates of every cue not already closing or opening a direct quote."""
        self.direct_openers = direct_openers
        found: list[Candidate] = []
        with_clause: set[int] = set()
        for cue in self.cues:
            if cue.first in used or cue.anaphoric or cue.attribution or cue.naming:
                continue
            clauses = self._verb_clauses(cue)
            if clauses:
                with_clause.add(cue.sentence)
            found.extend(clauses)
        for cue in self.cues:
            if cue.attribution and cue.first not in used and cue.sentence not in with_clause:
                found.extend(self._attribution_clauses(cue))
        return found

    # ---- verbs ---------------------------------------------------------------------------

    def _verb_clauses(self, cue: Cue) -> list[Candidate]:
        sentence = self.doc.sentences[cue.sentence]
        start = self._complement_start(cue, sentence)
        if start is None:
            start = self._bare_start(cue, sentence)
        if start is None:
            start = self._comma_clause_start(cue, sentence)
        if start is not None:
            return self._segments(start, sentence, cue)
        return self._cue_after(cue, sentence)

    def _complement_start(self, cue: Cue, sentence: Sentence) -> int | None:
        lexicon = self.lexicon
        first = cue.last
        if cue.speaker_after and cue.clause_end > first:
            # The gap counts from the end of a speaker named after the verb ("sagde den danske
            # leder af FNs flygtningeorganisation, Lars Lynge Nielsen, i aftes til Ritzaus
            # Bureau, at"), past the comma closing the name's apposition.
            first = cue.clause_end
            comma = first < sentence.last and self.words[first].text == ","
            opened = any(self.words[j].text == "," for j in range(cue.last, first))
            if comma and opened and not self._complementizer_at(first + 1, sentence):
                first += 1
        limit = min(sentence.last, first + lexicon.max_gap_to_complementizer + 1)
        for j in range(first, limit):
            word = self.words[j]
            if word.text == "," and self._complementizer_at(j + 1, sentence):
                # German and Danish write a comma before "dass"/"at"; it takes no place of
                # the gap ("sagde i aftes til Ritzaus Bureau, at")
                return j + 2
            if word.is_punct or self.finder.phrases.is_quoted(word.start):
                return None
            if j > cue.last and self.finder.phrases.verb_form(j, sentence) is not None:
                return None
            # A word a preposition governs is no verb, whatever its tag ("i aftes").
            governed = j > first and self.words[j - 1].lower in lexicon.prepositions
            if word.lower in lexicon.auxiliaries or (word.pos in ("VERB", "AUX") and not governed):
                return None  # "said there have been activities that …": a relative "that"
            if word.lower in lexicon.complementizers:
                # "etter at" subordinates; "la til at" is the particle verb's own "til".
                blocked = (
                    j - 1 >= cue.last and self.words[j - 1].lower in lexicon.complementizer_blockers
                )
                return None if blocked else j + 1
        return None

    def _complementizer_at(self, j: int, sentence: Sentence) -> bool:
        return j < sentence.last and self.words[j].lower in self.lexicon.complementizers

    def _comma_clause_start(self, cue: Cue, sentence: Sentence) -> int | None:
        """German reported speech without "dass": "sagte er der Zeitung, er wolle nicht …". The
        clause after the comma counts only when a reported-mood verb form ("sei", "werde", "wolle")
        comes early in it, as in a main clause, and it opens with no subordinator."""
        mood = self.lexicon.reported_mood
        if not mood or cue.form is None or cue.speaker is None or cue.shared:
            return None
        start = max(cue.last, cue.clause_end)
        for j in range(start, min(sentence.last, start + MAX_WORDS_BEFORE_COMMA + 1)):
            word = self.words[j]
            if word.text == ",":
                return self._reported_after_comma(j + 1, sentence)
            if word.is_punct or self.finder.phrases.is_quoted(word.start):
                return None
            if j > cue.last and self.finder.phrases.verb_form(j, sentence) is not None:
                return None
        return None

    def _reported_after_comma(self, j: int, sentence: Sentence) -> int | None:
        if j >= sentence.last:
            return None
        lexicon = self.lexicon
        first = self.words[j]
        opening = lexicon.subordinators | lexicon.coordinators | lexicon.prepositions
        if first.is_punct or first.lower in opening | lexicon.complementizers:
            return None
        for k in range(j + 1, min(sentence.last, j + MAX_SUBJECT_WORDS + 1)):
            word = self.words[k]
            if word.is_punct:
                return None
            if word.lower in lexicon.reported_mood:
                return j
        return None

    def _known_or_described(self, cue: Cue) -> bool:
        """Whether the cue's speaker is an entity, or a role phrase built on a title word that
        names nobody in the text ("a military spokesman said the drills would go on")."""
        speaker = cue.speaker
        if speaker is None:
            return False
        if speaker.entity is not None:
            return True
        if speaker.how != "role":
            return False
        words = self.doc.words_in(speaker.start, speaker.end)
        return bool(words) and self.finder.phrases.roles.is_title(words[-1:], None)

    def _bare_start(self, cue: Cue, sentence: Sentence) -> int | None:
        """English "said the talks failed", Norwegian "Støre sier Norge vil …": the clause
        follows the verb (and a told addressee). In a verb-second language only a speaker
        written before the verb leaves the words after it to the clause ("sier hun" inverts)."""
        if cue.form is None or not cue.form.verb.bare_clause:
            return None
        if self.lexicon.verb_second and (
            cue.speaker_after or not cue.words_used or max(cue.words_used) >= cue.first
        ):
            return None
        subjectless = cue.first == sentence.first and not cue.words_used
        if not subjectless and not self._known_or_described(cue):
            return None  # without "that", only a known or titled speaker makes it speech
        start = max(cue.last, cue.clause_end) if cue.addressee or cue.form.verb.tell else cue.last
        if start >= sentence.last:
            return None
        word = self.words[start]
        lexicon = self.lexicon
        if word.is_punct or self.finder.phrases.is_quoted(word.start):
            return None
        if word.lower in lexicon.prepositions | lexicon.auxiliaries | lexicon.adverbs:
            return None
        if word.lower in lexicon.coordinators:
            return None
        if word.pos in ("ADV", "ADP", "SCONJ", "CCONJ", "PUNCT"):
            return None
        rest = [w for w in self.words[start : sentence.last] if not w.is_punct]
        if len(rest) < MIN_CLAUSE_WORDS:
            return None
        if self.lexicon.verb_second and not any(w.pos in ("VERB", "AUX") for w in rest[1:4]):
            return None  # "sa ja etter at …": only a finite verb right after a subject is a clause
        if any(w.pos for w in rest) and not any(w.pos in ("VERB", "AUX") for w in rest):
            return None
        return start

    def _cue_after(self, cue: Cue, sentence: Sentence) -> list[Candidate]:
        """ "<clause>, <cue> <speaker>." or "<clause>, <speaker> <cue>."."""
        if cue.shared or cue.speaker is None:
            return []
        first = cue.first if cue.speaker_after else self._phrase_start(cue, sentence)
        if first is not None and cue.speaker_after:
            first = self._past_clitics(first, sentence)  # "…, comme nous le raconte X."
        if first is not None and self._report_opener_at(first - 1, sentence):
            first -= 1  # "…, wie die Polizei mitteilte.": the comma stands before "wie"
        if first is None or first <= sentence.first or self.words[first - 1].text != ",":
            return []
        particle = cue.form.verb.particle if cue.form is not None else None
        tail = self._tail(max(cue.clause_end, cue.last), sentence, particle)
        if tail is None:
            return []
        start, end = sentence.start, self.words[first - 1].start
        if tail == "continues":
            end = sentence.end  # "Many of the prisons, she said, are aging.": the whole sentence
        content = [w for w in self.doc.words_in(start, end) if not w.is_punct]
        if len(content) < MIN_CLAUSE_WORDS or self._opens_subordinate(content[0]):
            return []
        if self.doc.text[
            start
        ] in self.doc.lexicon.dialogue_dashes or self.finder.phrases.is_quoted(start):
            return []
        start, end = trim(self.doc.text, start, end, TRAILING_STRIP)
        return [self._candidate(start, end, cue)]

    def _past_clitics(self, first: int, sentence: Sentence) -> int:
        """The first of the object pronouns and auxiliaries before an inverted verb."""
        lexicon = self.lexicon
        fillers = lexicon.object_clitics | lexicon.auxiliaries
        while first - 1 > sentence.first and self.words[first - 1].lower in fillers:
            first -= 1
        return first

    def _report_opener_at(self, j: int, sentence: Sentence) -> bool:
        return j > sentence.first and self.words[j].lower in self.lexicon.report_openers

    def _opens_subordinate(self, word: Word) -> bool:
        """Whether a sentence-opening word starts a subordinate clause ("Da", "When"), not a
        prepositional phrase ("Etter møtet"): the tag decides, else only unambiguous words do."""
        if word.lower not in self.lexicon.subordinators:
            return False
        if word.pos:
            return word.pos == "SCONJ"
        return word.lower not in self.lexicon.prepositions

    def _phrase_start(self, cue: Cue, sentence: Sentence) -> int | None:
        """First word of the speaker phrase before the verb ("Foreign Minister Pavlo Klimkin")."""
        if not cue.words_used:
            return None
        j = cue.first
        while j > sentence.first and j > cue.first - MAX_SPEAKER_WORDS:
            if self.words[j - 1].is_punct:
                break
            j -= 1
        return j if j <= min(cue.words_used) else None

    def _tail(self, j: int, sentence: Sentence, particle: str | None = None) -> Tail | None:
        """What follows a cue clause: the sentence end (after at most a few adverbials or an
        apposition: "ends"), the rest of the reported sentence ("X, she said, is …":
        "continues"), or a clause of the cue's own (None)."""
        calendar = self.finder.phrases.calendar
        words = [
            w
            for w in self.words[j : sentence.last]
            if not calendar(w.text, False) and w.lower != particle  # "…, teilte X am Montag mit."
        ]
        for trailing, word in enumerate(words):
            if word.text == ",":
                return "continues" if self._verb_follows(word.index + 1, sentence) else "ends"
            if word.is_punct:
                return "ends"
            if word.lower in self.lexicon.complementizers:
                return None
            # A title the tagger read as a verb ("ifølge byens guvernør X") is still the source.
            if word.pos in ("VERB", "AUX") and not self.finder.phrases.roles.is_title([word], None):
                return None
            if trailing >= MAX_TRAILING_WORDS:
                return None
        return "ends"

    def _verb_follows(self, j: int, sentence: Sentence) -> bool:
        """Whether the words after ", " go on with the reported clause's verb rather than an
        apposition ("…, sjef for X", "…, a fellow at Y") or a speech verb ("…, adding that")."""
        if j >= sentence.last:
            return False
        word = self.words[j]
        if (
            self.by_first.get(j) is not None
            or self.finder.phrases.verb_form(j, sentence) is not None
        ):
            return False
        if word.pos:
            return word.pos in ("VERB", "AUX")
        lexicon = self.lexicon
        if word.lower in lexicon.auxiliaries:
            return True
        other = (
            lexicon.determiners | lexicon.possessives | lexicon.prepositions | lexicon.coordinators
        )
        if word.capitalized or word.is_punct or word.lower in other or word.text[:1].isdigit():
            return False  # an age or a number opens an apposition ("…, X, 41 ans, …")
        return not self.finder.phrases.roles.is_title([word], None)

    # ---- attribution phrases ---------------------------------------------------------------

    def _attribution_clauses(self, cue: Cue) -> list[Candidate]:
        sentence = self.doc.sentences[cue.sentence]
        source = [w for w in self.words[cue.last : sentence.last][:2] if not w.is_punct]
        if cue.speaker is None and not source:
            return []  # an unnamed source ("according to officials") still makes a report
        before = [w for w in self.words[sentence.first : cue.first] if not w.is_punct]
        if not before:
            start = self._after_source(cue, sentence)
            return self._segments(start, sentence, cue) if start < sentence.last else []
        comma = self.words[cue.first - 1]
        if comma.text == "(":
            return []  # a credit line: "(ifølge NTB)"
        if comma.text != ",":
            return self._whole_sentence(cue, sentence)  # "Mannen ble ifølge politiet pågrepet."
        tail = self._tail(cue.clause_end, sentence)
        if tail is None:
            return []
        end = sentence.end if tail == "continues" else comma.start
        start, end = trim(self.doc.text, sentence.start, end, TRAILING_STRIP)
        if len([w for w in self.doc.words_in(start, end) if not w.is_punct]) < MIN_CLAUSE_WORDS:
            return []
        return [self._candidate(start, end, cue)]

    def _whole_sentence(self, cue: Cue, sentence: Sentence) -> list[Candidate]:
        """A source phrase inside the sentence it attributes: the sentence is the report."""
        rest = [w for w in self.words[cue.clause_end : sentence.last] if not w.is_punct]
        if not rest:
            return []
        start, end = trim(self.doc.text, sentence.start, sentence.end, TRAILING_STRIP)
        words = [w for w in self.doc.words_in(start, end) if not w.is_punct]
        return [self._candidate(start, end, cue)] if len(words) >= MIN_CLAUSE_WORDS + 2 else []

    def anaphoric_report(self, cue: Cue, taken: list[Candidate]) -> Candidate | None:
        """ "En mann er pågrepet. Det bekrefter politiet.": the sentence before is the report."""
        if cue.speaker is None or cue.sentence == 0:
            return None
        sentence = self.doc.sentences[cue.sentence]
        previous = self.doc.sentences[cue.sentence - 1]
        if sentence.paragraph - previous.paragraph > 1:
            return None
        start, end = trim(self.doc.text, previous.start, previous.end, TRAILING_STRIP)
        if self.doc.text[previous.end - 1] not in ".!?":
            return None  # a heading, not a statement
        if any(c.start < end and start < c.end for c in taken):
            return None
        words = [w for w in self.doc.words_in(start, end) if not w.is_punct]
        return self._candidate(start, end, cue) if len(words) >= MIN_CLAUSE_WORDS else None

    def _after_source(self, cue: Cue, sentence: Sentence) -> int:
        """Where the reported clause starts after "Ifølge <source>": at a comma, or at the finite
        verb that follows a fronted phrase ("Ifølge en talsmann for hæren ble han arrestert")."""
        start = cue.clause_end
        for j in range(start, min(sentence.last, start + MAX_SOURCE_TAIL)):
            word = self.words[j]
            if word.text == ",":
                return j + 1
            if word.is_punct:
                break
            if word.lower in self.lexicon.auxiliaries or word.pos in ("VERB", "AUX"):
                return j if self.lexicon.verb_second else start
        return start

    # ---- clause extent -----------------------------------------------------------------------

    def _segments(self, start: int, sentence: Sentence, cue: Cue) -> list[Candidate]:
        """The reported clause from word `start`, split at "og at" and at a joined speech verb."""
        segments: list[Candidate] = []
        begin = start
        j = start
        lexicon = self.lexicon
        # "Da Borat sa at X, tenkte hun …": a report inside a fronted subordinate clause ends at
        # the comma before the main clause.
        fronted = self._opens_subordinate(self.words[sentence.first])
        while j < sentence.last:
            word = self.words[j]
            nxt = self.words[j + 1] if j + 1 < sentence.last else None
            if word.text in CLAUSE_STOPS or word.start in self.direct_openers:
                break
            if fronted and word.text == ",":
                break
            if word.text == "," and nxt is not None and self._closing_cue(j + 1, sentence):
                break  # "… , skriver Xinhua.": the clause ends where a cue clause closes it
            if word.lower in lexicon.coordinators and nxt and nxt.lower in lexicon.complementizers:
                segments.extend(self._segment(begin, j, cue))
                begin = j + 2
                j += 2
                continue
            joined = self.by_first.get(j)
            if joined is not None and j > begin and self.finder.joins_previous(joined, sentence):
                cut = j - 1 if self.words[j - 1].lower in lexicon.coordinators else j
                segments.extend(self._segment(begin, cut, cue))
                return segments
            j += 1
        segments.extend(self._segment(begin, j, cue))
        return segments

    def _closing_cue(self, j: int, sentence: Sentence) -> bool:
        cue = self.by_first.get(j)
        if cue is None or self.finder.joins_previous(cue, sentence):
            return False
        return cue.attribution or cue.speaker_after

    def _segment(self, first: int, last: int, cue: Cue) -> list[Candidate]:
        if last <= first:
            return []
        start, end = trim(
            self.doc.text, self.words[first].start, self.words[last - 1].end, TRAILING_STRIP
        )
        words = [w for w in self.doc.words_in(start, end) if not w.is_punct]
        if len(words) < MIN_CLAUSE_WORDS - 1 or end <= start:
            return []
        return [self._candidate(start, end, cue)]

    def _candidate(self, start: int, end: int, cue: Cue) -> Candidate:
        paragraph = self.doc.paragraph_of(start)
        return Candidate(start, end, "indirect", paragraph, cue=cue)
