"""Direct and partial quotes: text in quote marks, and dash-led lines of speech.

Where the speech ends is found from the text alone (marks, or the cue clause ", sier hun" that
closes a dash line), before any speaker is resolved, so that speech verbs inside quotes are never
taken for cues. Linking a quote to its cue comes after: a cue clause right after the closing mark
("«…», sa Dong"), a cue before an opening colon ("Klimkin said: «…»"), or the cue of the quote
just before ("«…», sa han, «…»"). Quoted words inside a narrative sentence are partial quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.model.article import QuoteKind
from newsgraph.quotes.cues import Cue, CueFinder
from newsgraph.quotes.document import QuoteText, Sentence, Stretches, Word, phrase_at
from newsgraph.quotes.marks import MarkedSpan, dialogue_dash_start
from newsgraph.quotes.phrases import CLAUSE_BREAKS, NOT_VERB
from newsgraph.quotes.speakers import Referent

SEPARATORS = frozenset(",?!–—")
KEPT_SEPARATORS = frozenset("?!")
TERMINAL = frozenset('.!?…»”"’›)')
# Quoted words that are all capitalised and this short are a name in marks ('Surya Kiran').
MAX_NAME_WORDS = 5
# Words of a colon frame that is a title and a name ("White House spokesman John Kirby:").
MAX_FRAME_WORDS = 8
INNER_SENTENCE = re.compile(r"[.!?…]\s+[\"'«»“”‘’„‹›(–—-]?\s*[A-ZÀ-ÖØ-Þ]")
MAX_NP_BEFORE_VERB = 6
# A speaker phrase before its verb may carry an apposition ("X, a fellow at …, said").
MAX_CUE_CLAUSE_WORDS = 30
MAX_WORDS_BEFORE_SPEAKER = 2
# How far a cue clause is looked for before or after a quote inside one sentence: a "sentence" of
# thousands of short quotations must not make every quote rescan it (quadratic time).
MAX_CUE_DISTANCE = 600


@dataclass
class Candidate:
    """A quote found but not yet turned into a record."""

    start: int
    end: int
    kind: QuoteKind
    paragraph: int
    cue: Cue | None = None
    mark: MarkedSpan | None = None
    absorbed: bool = False
    inherited: Referent | None = None


def trim(text: str, start: int, end: int, strip: str = " \t\n,;:–—-") -> tuple[int, int]:
    """Shrink [start, end) past outer whitespace and separator punctuation."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    return start, end


def is_name_in_marks(doc: QuoteText, mark: MarkedSpan) -> bool:
    """Whether quoted words are a name or title ('Surya Kiran', «Cold Response»), not speech."""
    inner = doc.text[mark.inner_start : mark.inner_end].strip()
    words = re.findall(r"\w[\w'’-]*", inner)
    if not words or len(words) > MAX_NAME_WORDS or any(c in inner for c in ".!?,;:"):
        return False
    lead = doc.text[: mark.open_start].rstrip()
    sentence_start = not lead or lead[-1] in ".!?:\n"
    return not sentence_start and all(w[0].isupper() or w[0].isdigit() for w in words)


class DashLines:
    """Dash-led paragraphs of speech and where each stretch of speech ends."""

    def __init__(self, doc: QuoteText) -> None:
        self.doc = doc
        self.lexicon = doc.lexicon
        # Asked for every separator: one lookup structure keeps thousands of marks linear.
        self.mark_stretches = Stretches([(m.inner_start, m.inner_end) for m in doc.marks])

    def find(self) -> list[tuple[int, int, int]]:
        """(start, end, paragraph) of each stretch of dash-led speech."""
        found: list[tuple[int, int, int]] = []
        for paragraph, (start, end) in enumerate(self.doc.paragraphs):
            opened = dialogue_dash_start(
                self.doc.text,
                start,
                end,
                self.lexicon.dialogue_dashes,
                self.lexicon.weak_dialogue_dashes,
            )
            if opened is not None:
                speech_end = self._anaphoric_tail(opened[0], end)
                found.extend(self._stretches(opened[0], speech_end, paragraph, weak=opened[1]))
        return found

    def _anaphoric_tail(self, start: int, end: int) -> int:
        """Where the speech of a dash line ends when a sentence naming its speaker closes the line
        ("– … trengs. Det sier Støre til NTB."): before that sentence, else at `end`."""
        doc = self.doc
        opening = doc.sentence_of(start)
        for sentence in doc.sentences[opening.index if opening else 0 :]:
            if sentence.start >= end:
                break
            if sentence.start <= start or sentence.last - sentence.first < 2:
                continue
            first = doc.words[sentence.first]
            if first.lower in self.lexicon.anaphoric and self._verb_or_phrase(
                sentence.first + 1, sentence
            ):
                tail = sentence.start
                while tail > start and doc.text[tail - 1].isspace():
                    tail -= 1
                return tail
        return end

    def _stretches(
        self, start: int, end: int, paragraph: int, weak: bool
    ) -> list[tuple[int, int, int]]:
        stretches = []
        while start < end:
            close = self._cue_clause_at(start, end)
            if close is None:
                if weak or self.doc.text[end - 1] not in TERMINAL:
                    break  # a list item or a dashed heading, not speech
                stretches.append((*trim(self.doc.text, start, end, " \t\n"), paragraph))
                break
            separator, resume = close
            keep = self.doc.text[separator] in KEPT_SEPARATORS
            stretches.append(
                (*trim(self.doc.text, start, separator + (1 if keep else 0)), paragraph)
            )
            if resume is None:
                break
            start = resume
        return [s for s in stretches if s[1] > s[0]]

    def _cue_clause_at(self, start: int, end: int) -> tuple[int, int | None] | None:
        """The separator before the first cue clause, and where speech resumes after it."""
        words = self.doc.words_in(start, end)
        for n, word in enumerate(words[:-1]):
            if word.text not in SEPARATORS or self._in_marks(word.start):
                continue
            if self.starts_cue_clause(words[n + 1].index):
                return word.start, self._resume_after(words[n + 1].index, end)
        return None

    def _in_marks(self, offset: int) -> bool:
        return self.mark_stretches.holds(offset)

    def starts_cue_clause(self, i: int) -> bool:
        """Whether a cue clause starts at word i: "sier hun", "she said", "ifølge NTB"."""
        words = self.doc.words
        sentence = self.doc.sentence_of(words[i].start)
        if sentence is None:
            return False
        if self._verb_or_phrase(i, sentence):
            return True
        lexicon = self.lexicon
        if words[i].lower in lexicon.coordinators | lexicon.complementizers | lexicon.subordinators:
            return False
        for j in range(i + 1, min(sentence.last, i + MAX_NP_BEFORE_VERB + 1)):
            if words[j].is_punct:
                return False
            if words[j].lower in lexicon.auxiliaries | lexicon.adverbs:
                continue
            if self._verb_or_phrase(j, sentence):
                return not any(words[k].lower in lexicon.relative_pronouns for k in range(i, j))
        return False

    def _verb_or_phrase(self, i: int, sentence: Sentence) -> bool:
        words = self.doc.words
        if any(phrase_at(words, i, phrase) for phrase in self.lexicon.attribution_phrases):
            return True
        # "– …, lyder det fra Venstre.": a closing phrase opens a cue clause after a comma.
        after_comma = i > sentence.first and words[i - 1].text == ","
        if after_comma and any(phrase_at(words, i, p) for p in self.lexicon.closing_phrases):
            return True
        form = self.lexicon.verb(words[i].text)
        return form is not None and not form.verb.naming and words[i].pos not in NOT_VERB

    def _resume_after(self, cue_word: int, end: int) -> int | None:
        """After "…, sier hun, – …" speech resumes at the second dash."""
        for word in self.doc.words_in(self.doc.words[cue_word].start, end):
            if word.text in (",", ".") and word.end < end:
                rest = self.doc.text[word.end : end].lstrip()
                if rest[:1] in self.lexicon.dialogue_dashes and rest[1:2].isspace():
                    return end - len(rest) + 2
                if word.text == ".":
                    return None
        return None


class MarkLinker:
    """Links quoted spans to cues and tells direct quotes from partial ones."""

    def __init__(self, doc: QuoteText, finder: CueFinder, cues: list[Cue]) -> None:
        self.doc = doc
        self.finder = finder
        self.cues = cues
        self.by_first = {cue.first: cue for cue in cues}

    def link(self, marks: list[MarkedSpan], inside_dash: list[tuple[int, int]]) -> list[Candidate]:
        """Candidates of every top-level quoted span that is speech."""
        candidates: list[Candidate] = []
        previous: Candidate | None = None
        dashes = Stretches(inside_dash)
        for mark in marks:
            if mark.depth or is_name_in_marks(self.doc, mark):
                continue
            if dashes.holds(mark.open_start):
                continue
            start, end = trim(self.doc.text, mark.inner_start, mark.inner_end, " \t\n,;:")
            if end <= start:
                continue
            candidate = self._classify(mark, start, end, previous)
            candidates.append(candidate)
            previous = candidate
        return candidates

    def _classify(
        self, mark: MarkedSpan, start: int, end: int, previous: Candidate | None
    ) -> Candidate:
        doc = self.doc
        sentence = doc.sentence_of(mark.open_start)
        paragraph = doc.paragraph_of(mark.open_start)
        left_from = sentence.start if sentence else doc.paragraphs[paragraph][0]
        before = previous.mark if previous is not None and sentence is not None else None
        if (
            before is not None
            and before.close_end > left_from
            and before.open_start > left_from - 1
        ):
            left_from = before.close_end
        left_from = max(left_from, mark.open_start - MAX_CUE_DISTANCE)
        left = [w for w in doc.words_in(left_from, mark.open_start) if not w.is_punct]
        window = mark.open_start - MAX_CUE_DISTANCE
        sentence_from = max(sentence.start, window) if sentence else left_from
        in_sentence = [w for w in doc.words_in(sentence_from, mark.open_start) if not w.is_punct]
        leading = self._leading_cue(left_from, mark.open_start)
        if leading is None and not left:
            leading = self._frame_of_previous_paragraph(mark, paragraph)
        trailing = self._trailing_cue(mark, sentence)
        interrupted = self._interrupted(left, previous)
        inner_sentences = INNER_SENTENCE.search(doc.text, start, end) is not None
        direct = not left or leading is not None or interrupted is not None or inner_sentences
        kind: QuoteKind = "direct" if direct else "partial"
        incise = None if leading or trailing else self.finder.incise_cue(start, end)
        if incise is not None:
            return Candidate(start, end, "direct", paragraph, cue=incise, mark=mark)
        if direct:
            cue = leading or trailing or interrupted or self._cue_later_in_sentence(mark, sentence)
            framer = None if cue else self._colon_frame_subject(mark, start, end, sentence_from)
            frame_from = None if cue or framer or left else self._frame_above(mark, paragraph)
            if frame_from is not None:
                framer = self._colon_frame_subject(mark, start, end, frame_from, True)
            if framer is not None:
                return Candidate(start, end, "direct", paragraph, mark=mark, inherited=framer)
        else:
            cue = trailing if self._adjacent_trailing(mark, trailing) else None
            cue = cue or self._nearest_before(in_sentence) or trailing
            framer = None if cue else self._colon_frame_subject(mark, start, end, sentence_from)
            if framer is not None:
                return Candidate(start, end, "direct", paragraph, mark=mark, inherited=framer)
        return Candidate(start, end, kind, paragraph, cue=cue, mark=mark)

    def _colon_frame_subject(
        self, mark: MarkedSpan, start: int, end: int, sentence_from: int, own: bool = False
    ) -> Referent | None:
        """The speaker of a whole quoted sentence after a colon frame with no speech verb
        ("Blinken had a clear message: «…»"): the person or organisation the frame opens with.
        A quote that opens its own paragraph under the frame (`own`) is whole when its sentence
        ends at the closing mark (".“" or "“.")."""
        text = self.doc.text
        if not text[sentence_from : mark.open_start].rstrip().endswith(":"):
            return None
        inner = text[start:end].rstrip(' »”"’')
        whole = INNER_SENTENCE.search(text, start, end) is not None
        paragraph_start = self.doc.paragraphs[self.doc.paragraph_of(mark.open_start)][0]
        own = own or not text[paragraph_start : mark.open_start].strip()
        closed = inner.endswith((".", "!", "?")) or (
            own and text[mark.close_end : mark.close_end + 1] in (".", "!", "?", "\n", "")
        )
        if not ((whole or text[start : start + 1].isupper()) and closed):
            return None
        frame = self.doc.words_in(sentence_from, mark.open_start)
        words = [w for w in frame if not w.is_punct]
        if not words:
            return None
        index = self.finder.index
        # The frame's subject opens it, or its main clause after a fronted phrase ("Concernant le
        # lait, X est plus nuancée : « … »").
        commas = [n for n, w in enumerate(frame) if w.text == ","]
        # An adverb may open the frame before its subject ("Auch X kennt solche Konflikte:").
        lead = 0
        while lead + 1 < len(words) and words[lead].lower in self.doc.lexicon.adverbs:
            lead += 1
        openers = [words[lead]]
        if commas and commas[-1] + 1 < len(frame) and not frame[commas[-1] + 1].is_punct:
            openers.insert(0, frame[commas[-1] + 1])
        for opener in openers:
            mention = index.mention_over(opener.start, opener.end)
            if mention is None or mention.start > opener.start:
                continue
            if mention.entity.type in ("PER", "ORG"):
                return Referent(mention.entity.id, mention.start, mention.end, "name")
            if opener is words[lead]:
                return None
        return self._titled_frame(words)

    def _titled_frame(self, words: list[Word]) -> Referent | None:
        """A frame that is only a title and a name ("White House spokesman John Kirby: «…»"):
        the person the name ends it with."""
        if len(words) > MAX_FRAME_WORDS:
            return None
        mention = self.finder.index.mention_over(words[-1].start, words[-1].end)
        if mention is None or mention.entity.type != "PER" or mention.end < words[-1].end:
            return None
        before = [w for w in words if w.end <= mention.start]
        if not before or any(self.doc.lexicon.verb(w.text) for w in before):
            return None
        if not self.finder.phrases.roles.is_title(before, mention.entity):
            return None
        return Referent(mention.entity.id, mention.start, mention.end, "name")

    def _frame_above(self, mark: MarkedSpan, paragraph: int) -> int | None:
        """Where the last sentence of the paragraph before starts, when that paragraph ends
        with a colon and the quote opens its own ("Auch X von World Vision kennt solche
        Konflikte:" / "„Für die Leute …“")."""
        doc = self.doc
        start, _ = doc.paragraphs[paragraph]
        if paragraph == 0 or doc.text[start : mark.open_start].strip():
            return None
        previous_end = len(doc.text[: doc.paragraphs[paragraph - 1][1]].rstrip())
        if not doc.text[:previous_end].endswith(":"):
            return None
        sentence = doc.sentence_of(max(0, previous_end - 1))
        return sentence.start if sentence is not None else None

    def _frame_of_previous_paragraph(self, mark: MarkedSpan, paragraph: int) -> Cue | None:
        """The cue of a colon frame closing the paragraph before a quote that opens its own
        ("I avisen sier keeper David James:" / "«Om én av ti …»")."""
        doc = self.doc
        start, _ = doc.paragraphs[paragraph]
        if paragraph == 0 or doc.text[start : mark.open_start].strip():
            return None
        previous_end = doc.paragraphs[paragraph - 1][1]
        if not doc.text[:previous_end].rstrip().endswith(":"):
            return None
        sentence = doc.sentence_of(max(0, len(doc.text[:previous_end].rstrip()) - 1))
        if sentence is None:
            return None
        return self._leading_cue(sentence.start, mark.open_start)

    def _leading_cue(self, left_from: int, opener: int) -> Cue | None:
        """A cue whose clause ends just before the opening mark with ":" or ","."""
        lead = self.doc.text[left_from:opener].rstrip()
        if not lead.endswith((":", ",")):
            return None
        words = self.doc.words_in(left_from, opener)
        for word in reversed(words):
            cue = self.by_first.get(word.index)
            if cue is not None and not cue.naming:
                tail = self.doc.words[cue.clause_end :] if cue.clause_end else []
                between = [w for w in tail if w.start < opener and not w.is_punct]
                return cue if len(between) <= 3 else None
        return None

    def _trailing_cue(self, mark: MarkedSpan, sentence: Sentence | None) -> Cue | None:
        """A cue clause right after the closing mark: "», sa Dong", "," she said", ", ifølge X"."""
        if not mark.closed:
            return None
        index = self.doc.word_at(mark.close_end)
        paragraph_end = self.doc.paragraphs[self.doc.paragraph_of(mark.open_start)][1]
        while index is not None and index < len(self.doc.words):
            word = self.doc.words[index]
            if word.start >= paragraph_end:
                return None
            if word.text in SEPARATORS or word.text in ("-",):
                index += 1
                continue
            break
        if index is None or index >= len(self.doc.words):
            return None
        return self.cue_clause_at(index)

    def cue_clause_at(self, index: int) -> Cue | None:
        """The cue of a cue clause starting at word `index`: verb first ("sa Dong"), or speaker
        first ("she said", "Dylan Nelson, a fellow at the institute, said")."""
        cue = self.by_first.get(index)
        if cue is not None and not cue.naming:
            return cue
        for later in range(index + 1, min(len(self.doc.words), index + MAX_CUE_CLAUSE_WORDS)):
            if self.doc.words[later].text in CLAUSE_BREAKS:
                return None
            cue = self.by_first.get(later)
            if cue is None:
                continue
            used = [w for w in cue.words_used if w < cue.first]
            if cue.naming or cue.speaker_after or not used:
                return None
            return cue if index <= min(used) <= index + MAX_WORDS_BEFORE_SPEAKER else None
        return None

    def _cue_later_in_sentence(self, mark: MarkedSpan, sentence: Sentence | None) -> Cue | None:
        """ "“…” impeachment, Trump said.": a quote opening a sentence whose cue comes later."""
        if sentence is None:
            return None
        until = min(sentence.end, mark.close_end + MAX_CUE_DISTANCE)
        for word in self.doc.words_in(mark.close_end, until):
            cue = self.by_first.get(word.index)
            if cue is not None and not cue.naming and not cue.attribution:
                return cue
        return None

    def _adjacent_trailing(self, mark: MarkedSpan, trailing: Cue | None) -> bool:
        if trailing is None:
            return False
        between = self.doc.text[mark.close_end : self.doc.words[trailing.first].start]
        return len(between.strip(" ,")) == 0 or trailing.attribution

    def _interrupted(self, left: list[Word], previous: Candidate | None) -> Cue | None:
        """«A», sa han, «B»: the words between the quotes are the first quote's cue clause."""
        if previous is None or previous.cue is None or not left:
            return None
        cue = previous.cue
        clause = {cue.first, *range(cue.first, cue.last), *cue.words_used}
        clause.update(range(cue.first, max(cue.clause_end, cue.last)))
        return cue if all(word.index in clause for word in left) else None

    def _nearest_before(self, left: list[Word]) -> Cue | None:
        for word in reversed(left):
            cue = self.by_first.get(word.index)
            if cue is not None:
                return cue
        return None
