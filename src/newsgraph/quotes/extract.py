"""Every quotation of an article, attributed: the quotes engine's one entry point.

Order of work: quote marks and dash lines from the text alone; then cues with their speakers, in
reading order (a pronoun needs the speakers before it); then quotes linked to cues, reported
clauses, partial quotes folded into the clause that carries them, and last the direct quotes with
no cue of their own, which take the cue of an anaphoric sentence after them ("Det sier X"), else
the speaker of the quote just before (the same or the previous paragraph), else of the next one.
"""

from __future__ import annotations

import re

from newsgraph.model import Article, Quote, Span
from newsgraph.quotes.cues import Cue, CueFinder
from newsgraph.quotes.direct import SEPARATORS, Candidate, DashLines, MarkLinker, trim
from newsgraph.quotes.document import QuoteText, Word
from newsgraph.quotes.indirect import ReportedClauses
from newsgraph.quotes.lexicon import QuoteLexicon, load_quote_lexicon
from newsgraph.quotes.phrases import PhraseReader
from newsgraph.quotes.speakers import (
    CLOSING,
    EntityIndex,
    Referent,
    Salience,
    describe_speaker,
)

# Lower-case role words before the name that opens a sentence ("La ministre Claire Martin").
MAX_LEADING_ROLE_WORDS = 3
# Fewest words a quotation with no cue must share with another to take that one's speaker.
MIN_REPEATED_WORDS = 4
# A closing mark a quotation whose opening mark was lost ends with, and what stands before it.
LOST_OPENER_MARKS = frozenset({'"', "”", "»"})
LOST_OPENER_ENDS = frozenset({",", "?", "!"})


def extract_quotes(article: Article, lexicon: QuoteLexicon | None = None) -> list[Quote]:
    """Find and attribute the article's quotations (direct, partial and indirect)."""
    lexicon = lexicon or load_quote_lexicon(article.lang)
    if not article.text.strip():
        return []
    doc = QuoteText(article, lexicon)
    stretches = DashLines(doc).find()
    quoted = [(m.inner_start, m.inner_end) for m in doc.marks]
    quoted += [(start, end) for start, end, _ in stretches]
    index = EntityIndex(article, doc)
    finder = CueFinder(PhraseReader(doc, index, Salience(index, doc, quoted), quoted))
    cues = finder.find()
    linker = MarkLinker(doc, finder, cues)
    dashes = _dash_candidates(doc, linker, stretches)
    marked = linker.link(doc.marks, [(start, end) for start, end, _ in stretches])
    direct = dashes + [c for c in marked if c.kind == "direct"]
    partials = [c for c in marked if c.kind == "partial"]
    used = {c.cue.first for c in direct if c.cue is not None}
    openers = {c.mark.open_start for c in direct if c.mark is not None}
    reports = ReportedClauses(doc, finder, cues)
    clauses = _without_overlaps(reports.find(used, openers), direct)
    partials = _fold_partials(partials, clauses)
    clauses = [c for c in clauses if not c.absorbed]
    candidates = sorted(direct + partials + clauses, key=lambda c: (c.start, c.end))
    _continue_speakers(doc, candidates, cues, index)
    consumed = {id(c.cue) for c in candidates if c.cue is not None}
    for cue in cues:
        if cue.anaphoric and id(cue) not in consumed:
            report = reports.anaphoric_report(cue, candidates)
            if report is not None:
                candidates.append(report)
    candidates.sort(key=lambda c: (c.start, c.end))
    _frames_of_lost_openers(doc, candidates, cues)
    return _records(doc, candidates, article.lang)


def _dash_candidates(
    doc: QuoteText, linker: MarkLinker, stretches: list[tuple[int, int, int]]
) -> list[Candidate]:
    candidates: list[Candidate] = []
    for start, end, paragraph in stretches:
        cue = _cue_after_stretch(doc, linker, end, paragraph)
        previous = candidates[-1] if candidates else None
        if cue is None and previous is not None and previous.paragraph == paragraph:
            cue = previous.cue  # "– A, sier hun, – B.": the second stretch shares the cue
        candidates.append(Candidate(start, end, "direct", paragraph, cue=cue))
    return candidates


def _cue_after_stretch(doc: QuoteText, linker: MarkLinker, end: int, paragraph: int) -> Cue | None:
    paragraph_end = doc.paragraphs[paragraph][1]
    for word in doc.words_in(end, paragraph_end):
        if word.text in SEPARATORS:
            continue
        return linker.cue_clause_at(word.index)
    return None


def _without_overlaps(clauses: list[Candidate], direct: list[Candidate]) -> list[Candidate]:
    kept: list[Candidate] = []
    for clause in clauses:
        taken = [*direct, *kept]
        if not any(clause.start < other.end and other.start < clause.end for other in taken):
            kept.append(clause)
    return kept


def _fold_partials(partials: list[Candidate], clauses: list[Candidate]) -> list[Candidate]:
    """Quoted words inside a reported clause are that clause's record and take its cue."""
    kept = []
    for partial in partials:
        host = next((c for c in clauses if c.start <= partial.start and partial.end <= c.end), None)
        if host is not None:
            partial.cue = host.cue
            host.absorbed = True
        if partial.cue is not None:
            kept.append(partial)
    return kept


def _continue_speakers(
    doc: QuoteText, candidates: list[Candidate], cues: list[Cue], index: EntityIndex
) -> None:
    anaphoric = {cue.sentence: cue for cue in cues if cue.anaphoric}
    cued = {cue.sentence for cue in cues}
    own = {id(c) for c in candidates if c.cue is not None}
    for n, candidate in enumerate(candidates):
        cue = candidate.cue
        if cue is not None and cue.speaker is None and not cue.words_used and not cue.attribution:
            # A cue with no subject written ("Said she had …"): the speaker runs on.
            previous = _previous_cue(doc, candidates, n)
            candidate.inherited = previous.speaker if previous is not None else None
            continue
        if cue is not None or candidate.kind != "direct" or candidate.inherited is not None:
            continue
        following = _anaphoric_cue(doc, candidate, anaphoric)
        if following is None:
            following = _repeated_quote_cue(doc, candidate, candidates, own)
        if following is None:
            candidate.inherited = _subject_just_before(doc, candidate, cued, index)
            if candidate.inherited is not None:
                continue
        candidate.cue = (
            following or _previous_cue(doc, candidates, n) or _next_cue(candidates, n, own)
        )


def _repeated_quote_cue(
    doc: QuoteText, candidate: Candidate, candidates: list[Candidate], own: set[int]
) -> Cue | None:
    """The cue of another quotation of the article that holds this one's words again: a
    quotation set as a headline or subheading repeats words the text quotes with their speaker
    („Die Halle bleibt zu“ over "…, sagt Weber: „Die Halle bleibt zu, bis …“")."""
    words = _quote_words(doc, candidate)
    if len(words.split()) < MIN_REPEATED_WORDS:
        return None
    for other in candidates:
        if other is candidate or id(other) not in own or other.cue is None:
            continue
        if other.cue.speaker is None:
            continue
        if f" {words} " in f" {_quote_words(doc, other)} ":
            return other.cue
    return None


def _quote_words(doc: QuoteText, candidate: Candidate) -> str:
    return " ".join(re.findall(r"\w+", doc.text[candidate.start : candidate.end].lower()))


def _subject_just_before(
    doc: QuoteText, candidate: Candidate, cued: set[int], index: EntityIndex
) -> Referent | None:
    """The speaker of a quoted sentence with no cue after a sentence of the same paragraph that
    opens with the name of a person or organisation and quotes no one ("Meyer ist verärgert.
    „Das geht so nicht.“", "Die Stadtwerke haben Tarife angekündigt. „Sie gelten ab Mai.“"):
    that person or organisation (a place opening the sentence is no speaker)."""
    if candidate.mark is None:
        return None
    sentence = doc.sentence_of(candidate.mark.open_start)
    if (
        sentence is None
        or sentence.index == 0
        or doc.text[sentence.start : candidate.mark.open_start].strip()
    ):
        return None
    previous = doc.sentences[sentence.index - 1]
    if previous.paragraph != sentence.paragraph or previous.index in cued:
        return None
    if previous.last <= previous.first:
        return None
    first = _past_leading_role(doc, previous.first, previous.last)
    mention = index.mention_over(first.start, first.end)
    if mention is None or mention.start != first.start:
        return None
    if mention.entity.type not in ("PER", "ORG"):
        return None
    return Referent(mention.entity.id, mention.start, mention.end, "name")


def _past_leading_role(doc: QuoteText, first: int, last: int) -> Word:
    """The first word after an article and lower-case role words opening a sentence ("La
    ministre Claire Martin était en colère."), or the sentence's first word."""
    lexicon = doc.lexicon
    j = first
    if doc.words[j].lower in lexicon.determiners | lexicon.possessives:
        j += 1
        while j < last and j - first <= MAX_LEADING_ROLE_WORDS:
            word = doc.words[j]
            if not (word.text.isalpha() and word.text.islower()):
                break
            if word.lower in lexicon.prepositions or lexicon.verb(word.text) is not None:
                break
            j += 1
    return doc.words[j] if j < last else doc.words[first]


def _anaphoric_cue(doc: QuoteText, candidate: Candidate, anaphoric: dict[int, Cue]) -> Cue | None:
    sentence = doc.sentence_of(max(candidate.start, candidate.end - 1))
    if sentence is None or sentence.index + 1 >= len(doc.sentences):
        return None
    following = doc.sentences[sentence.index + 1]
    if following.paragraph - sentence.paragraph > 1:
        return None
    return anaphoric.get(following.index)


def _previous_cue(doc: QuoteText, candidates: list[Candidate], n: int) -> Cue | None:
    candidate = candidates[n]
    for earlier in reversed(candidates[:n]):
        if _paragraph_gap(doc, earlier.paragraph, candidate.paragraph) > 1:
            return None
        if earlier.cue is not None and earlier.end <= candidate.start:
            if earlier.cue.speaker is None and earlier.inherited is not None:
                continue
            if _document_source(doc, earlier.cue):
                continue
            return earlier.cue
    return None


def _paragraph_gap(doc: QuoteText, earlier: int, later: int) -> int:
    """Paragraph breaks from one paragraph to a later one, not counting a subheading between
    them (a paragraph with no closing punctuation): a quotation after a subheading goes on
    with the speaker before it."""
    headings = sum(
        1
        for p in range(earlier + 1, later)
        if not doc.text[doc.paragraphs[p][0] : doc.paragraphs[p][1]].rstrip().endswith(CLOSING)
    )
    return later - earlier - headings


def _document_source(doc: QuoteText, cue: Cue) -> bool:
    """Whether an attribution's source is a document or a count rather than someone who speaks
    ("laut Branchenstudien", "selon les chiffres", "ifølge rapporten"): no entity, no pronoun, no
    title among its words. A quotation with no cue after it is not that source's words."""
    speaker = cue.speaker
    if not cue.attribution or speaker is None or speaker.entity is not None:
        return False
    if speaker.how not in ("role", "name"):
        return False
    described = describe_speaker(doc, doc.lang, speaker.start, speaker.end)
    return described is None or described.title is None


def _next_cue(candidates: list[Candidate], n: int, own: set[int]) -> Cue | None:
    candidate = candidates[n]
    for later in candidates[n + 1 :]:
        if later.paragraph - candidate.paragraph > 1:
            return None
        if later.kind == "direct" and id(later) in own:
            return later.cue
    return None


def _frames_of_lost_openers(doc: QuoteText, candidates: list[Candidate], cues: list[Cue]) -> None:
    """A clause that runs into a closing mark and a cue naming its speaker after the verb
    ('…, at de vil bryde tavshedspligten, "siger Elisabeth Arnold.') with no mark before it in its
    sentence ends a quotation whose opening mark stood in an earlier sentence (a sentence cut
    from its paragraph, a mark lost): its words are that speaker's, whatever verb they hold. A
    quotation left open at the end of its paragraph goes on into the next one when that one
    opens with no mark and closes with such a frame."""
    closing = {cue.first: cue for cue in cues if cue.speaker_after and cue.speaker is not None}
    if not closing:
        return
    paired = {m.open_start for m in doc.marks if m.closed}
    paired |= {m.inner_end for m in doc.marks if m.closed}
    for candidate in candidates:
        if candidate.mark is not None:
            frame = _frame_of_next_paragraph(doc, candidate, closing, paired)
            if frame is not None:
                candidate.cue, candidate.inherited = frame[0], None
            continue
        sentence = doc.sentence_of(candidate.start)
        if sentence is None:
            continue
        frame = _closing_frame(doc, sentence.first, sentence.last, candidate.start, closing, paired)
        if frame is None:
            continue
        cue, mark_start = frame
        candidate.cue = cue
        candidate.inherited = None
        if candidate.end > mark_start:
            candidate.start, candidate.end = trim(doc.text, candidate.start, mark_start, " \t\n,")


def _frame_of_next_paragraph(
    doc: QuoteText, candidate: Candidate, closing: dict[int, Cue], paired: set[int]
) -> tuple[Cue, int] | None:
    """The closing frame of the paragraph after an unclosed quotation that ends its own."""
    mark = candidate.mark
    if mark is None or mark.closed or candidate.paragraph + 1 >= len(doc.paragraphs):
        return None
    if doc.paragraph_of(mark.inner_end) != candidate.paragraph:
        return None
    start, end = doc.paragraphs[candidate.paragraph + 1]
    first = doc.word_at(start)
    last = doc.word_at(max(start, end - 1))
    if first is None or last is None:
        return None
    return _closing_frame(doc, first, last + 1, start, closing, paired)


def _closing_frame(
    doc: QuoteText,
    first: int,
    last: int,
    start: int,
    closing: dict[int, Cue],
    paired: set[int],
) -> tuple[Cue, int] | None:
    """The cue right after `, "` among words [first, last), and where that mark starts; none
    where an unpaired quote mark comes before `start` (the quotation has its own opening mark
    there). Marks of a closed pair inside the quotation ('fået svaret "desværre...", "siger den
    43-årige Steen Petersen') do not count."""
    words = doc.words
    for j in range(first, last - 1):
        word = words[j]
        if word.text not in LOST_OPENER_MARKS or word.start in paired:
            continue
        if word.start < start or j == first:
            return None
        if words[j - 1].text not in LOST_OPENER_ENDS:
            return None
        cue = closing.get(j + 1)
        return (cue, word.start) if cue is not None else None
    return None


def _records(doc: QuoteText, candidates: list[Candidate], lang: str | None) -> list[Quote]:
    quotes: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    for candidate in candidates:
        if (candidate.start, candidate.end) in seen:
            continue
        seen.add((candidate.start, candidate.end))
        if _hearsay(doc, candidate):
            continue
        quotes.append(_record(doc, candidate, lang))
    return quotes


def _hearsay(doc: QuoteText, candidate: Candidate) -> bool:
    """An indirect quote whose own cue's subject is an impersonal pronoun ("Man sier at …", "On
    dit que …"; `[pronouns].generic`): what people say, not anyone's quotation."""
    cue = candidate.cue
    if candidate.kind != "indirect" or candidate.inherited is not None or cue is None:
        return False
    # The lone word is the subject even where the tagger took a capitalised "Man" for a name.
    speaker = cue.speaker
    if speaker is None:
        return False
    return doc.text[speaker.start : speaker.end].lower() in doc.lexicon.generic_pronouns


def _record(doc: QuoteText, candidate: Candidate, lang: str | None) -> Quote:
    text = doc.text
    cue = candidate.cue
    speaker = candidate.inherited or (cue.speaker if cue is not None else None)
    addressee = cue.addressee if cue is not None else None
    cue_span = None
    if cue is not None:
        first, last = doc.words[cue.first], doc.words[cue.last - 1]
        cue_span = Span(start=first.start, end=last.end, text=text[first.start : last.end])
    mention = None
    if candidate.inherited is None and speaker is not None and speaker.end > speaker.start:
        mention = Span(start=speaker.start, end=speaker.end, text=text[speaker.start : speaker.end])
    description = None
    unnamed = speaker is not None and speaker.entity is None and speaker.how != "pronoun"
    if mention is not None and unnamed:
        description = describe_speaker(doc, lang, mention.start, mention.end)
    return Quote(
        text=text[candidate.start : candidate.end],
        start=candidate.start,
        end=candidate.end,
        kind=candidate.kind,
        speaker=speaker.entity if speaker is not None else None,
        addressee=addressee.entity if addressee is not None else None,
        cue=cue_span,
        speaker_mention=mention,
        speaker_description=description,
    )
