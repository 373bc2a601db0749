"""Speech cues and the phrases around them: who speaks, and to whom.

A cue is a speech verb ("sa", "said", "la til") or an attribution phrase ("ifølge", "according to").
Its speaker is found by position, in this order: a verb joined to an earlier cue ("og bemerket",
"adding") shares that cue's speaker; a verb-second language or an inverted cue clause puts the
speaker right after the verb ("sa Dong", "said Rice"); otherwise it is the phrase before the verb
("Rice said"), skipping a relative clause or apposition between commas, and preferring the word
the dependency parse makes the verb's subject. The addressee follows "til"/"to", or is the object
of a telling verb ("told Interfax").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.quotes.document import Sentence, Word, phrase_at
from newsgraph.quotes.lexicon import VerbForm
from newsgraph.quotes.phrases import Item, PhraseReader
from newsgraph.quotes.speakers import Referent

CLAUSE_OPENERS = frozenset(",;:–—-«»“”\"'‘’„‹›([")
# What may stand before a cue set inside the quote it attributes ("« A, dit-elle, B »", "« A –
# observe-t-il … »").
INCISE_OPENERS = frozenset(",–—")
MAX_PHRASE_WORDS = 8
# How far a separable verb's particle may stand ("teilte das Präsidialamt in Seoul am Dienstag mit").
MAX_PARTICLE_DISTANCE = 10
# A closing attribution's source runs to the end of its sentence ("…, so der Sprecher der Polizei
# in München am Montag.").
MAX_CLOSING_SOURCE_WORDS = 12


@dataclass
class Cue:
    """A speech verb or attribution phrase with its speaker and addressee."""

    first: int
    last: int
    sentence: int
    form: VerbForm | None = None
    attribution: bool = False
    anaphoric: bool = False
    speaker: Referent | None = None
    addressee: Referent | None = None
    speaker_after: bool = False
    shared: bool = False
    clause_end: int = 0
    words_used: list[int] = field(default_factory=list)

    @property
    def naming(self) -> bool:
        """A naming verb ("kalte", "calling") introduces quoted words, not a clause."""
        return self.form is not None and self.form.verb.naming


class CueFinder:
    """Finds and resolves the cues of one article, in reading order."""

    def __init__(self, phrases: PhraseReader) -> None:
        self.phrases = phrases
        self.doc = phrases.doc
        self.words = phrases.words
        self.lexicon = phrases.lexicon
        self.index = phrases.index
        self.salience = phrases.salience
        # The words an attribution or closing phrase can start with: most words start none,
        # and `cue_at` asks about every word of the article.
        lexicon = self.lexicon
        self.phrase_openers = frozenset(
            phrase[0] if phrase else ""
            for phrase in (
                *lexicon.attribution_phrases,
                *lexicon.closing_phrases,
                *lexicon.view_phrases,
            )
        )
        self.any_phrase_opens = "" in self.phrase_openers
        # The last unnamed plural speaker ("the authors") and its sentence: whom "they" goes on
        # meaning.
        self._group: tuple[int, Referent] | None = None

    def find(self) -> list[Cue]:
        """Every cue of the text, speakers and addressees resolved."""
        cues: list[Cue] = []
        for sentence in self.doc.sentences:
            earlier: list[Cue] = []
            i = sentence.first
            while i < sentence.last:
                cue = self.cue_at(i, sentence)
                if cue is None:
                    i += 1
                    continue
                self._resolve(cue, sentence, earlier)
                self._go_on_with_group(cue, sentence)
                if cue.speaker is not None:
                    self.salience.note_speaker(self.words[cue.first].start, cue.speaker.entity)
                earlier.append(cue)
                i = cue.last
            cues.extend(earlier)
        return cues

    def _go_on_with_group(self, cue: Cue, sentence: Sentence) -> None:
        """ "the authors said. … , they wrote.": a plural pronoun that names no organisation
        goes on meaning the unnamed plural speaker of this or the previous sentence; a plural
        role noun speaking becomes that speaker."""
        speaker = cue.speaker
        if speaker is None or speaker.entity is not None:
            return
        words = self.doc.words_in(speaker.start, speaker.end)
        if speaker.how == "role" and words and self.lexicon.is_plural(words[-1].text):
            self._group = (sentence.index, speaker)
            return
        pronoun = self.doc.text[speaker.start : speaker.end].lower()
        if speaker.how != "group" or pronoun not in self.lexicon.organisation_pronouns:
            return
        if self._group is not None and sentence.index - self._group[0] <= 1:
            cue.speaker = self._group[1]

    def cue_at(self, i: int, sentence: Sentence) -> Cue | None:
        """The cue starting at word i, if any."""
        word = self.words[i]
        if self.phrases.is_quoted(word.start):
            return None
        if self.any_phrase_opens or word.lower in self.phrase_openers:
            cue = self._phrase_cue(i, sentence)
            if cue is not None:
                return cue
        form = self.phrases.verb_form(i, sentence)
        if form is None:
            return None
        last = i + 1
        if form.verb.particle is not None:
            particle = self._particle(i, sentence, form.verb.particle)
            if particle is None:
                return None
            last = particle + 1 if particle == i + 1 else i + 1
        cue = Cue(i, last, sentence.index, form=form)
        cue.anaphoric = (
            i == sentence.first + 1 and self.words[i - 1].lower in self.lexicon.anaphoric
        )
        return cue

    def _phrase_cue(self, i: int, sentence: Sentence) -> Cue | None:
        """An attribution phrase ("according to") or a closing one starting at word i."""
        for phrase in self.lexicon.attribution_phrases:
            if phrase_at(self.words, i, phrase):
                return Cue(i, i + len(phrase), sentence.index, attribution=True)
        for phrase in self.lexicon.closing_phrases:
            if phrase_at(self.words, i, phrase) and self._closes_sentence(
                i, i + len(phrase), sentence
            ):
                return Cue(i, i + len(phrase), sentence.index, attribution=True)
        for phrase in self.lexicon.view_phrases:
            if (
                i == sentence.first
                and phrase_at(self.words, i, phrase)
                and self._person_then_comma(i + len(phrase), sentence)
            ):
                return Cue(i, i + len(phrase), sentence.index, attribution=True)
        return None

    def _person_then_comma(self, j: int, sentence: Sentence) -> bool:
        """Whether word j opens the name of a person or organisation or is a person pronoun,
        and a comma follows it ("Pour Claire Martin, …", "Pour la CGT, …", "Pour elle, …")."""
        if j >= sentence.last:
            return False
        word = self.words[j]
        after = j + 1
        pronouns = self.lexicon.person_object | self.lexicon.person_subject
        if word.lower not in pronouns:
            if word.lower in self.lexicon.determiners and j + 1 < sentence.last:
                word = self.words[j + 1]  # "Pour la CGT"
            mention = self.index.mention_over(word.start, word.end)
            if mention is None or mention.entity.type not in ("PER", "ORG"):
                return False
            if mention.start != word.start:
                return False
            while after < sentence.last and self.words[after].start < mention.end:
                after += 1
        return after < sentence.last and self.words[after].text == ","

    def incise_cue(self, start: int, end: int) -> Cue | None:
        """A cue clause set inside the marks of the quote it attributes ("« Cette loi, affirme-
        t-elle, est injuste »", "„Wir sind bereit, sagte Scholz. Wir handeln.“"): a speech verb
        right after a comma, its speaker right after it, then a comma or a full stop."""
        for word in self.doc.words_in(start, end):
            i = word.index
            if i == 0 or self.words[i - 1].text not in INCISE_OPENERS:
                continue
            sentence = self.doc.sentence_of(word.start)
            if sentence is None:
                continue
            form = self.phrases.verb_form(i, sentence)
            if form is None or form.verb.naming:
                continue
            cue = Cue(i, i + 1, sentence.index, form=form)
            after = self._after_speaker(cue, sentence, inside_quote=True)
            if after is None or after.last >= sentence.last:
                continue
            closing = self.words[after.last]
            if closing.end > end + 1 or not self._closes_incise(closing):
                continue
            cue.speaker, cue.speaker_after = self._referent(after), True
            cue.words_used = list(range(after.first, after.last))
            cue.clause_end = after.last
            return cue
        return None

    def _closes_incise(self, closing: Word) -> bool:
        """Whether the word after an incise's speaker closes it: a comma or a full stop, or a
        preposition or subordinator going on with the incise ("« … – observe-t-il dans un
        livre : …", "« …, glisse-t-il lorsqu'on le croise. …»")."""
        if closing.text in (",", ".", "!", "?"):
            return True
        return (
            closing.lower in self.lexicon.prepositions
            or closing.lower in self.lexicon.subordinators
        )

    def _closes_sentence(self, first: int, after: int, sentence: Sentence) -> bool:
        """Whether a closing phrase ("so", "hieß es in") stands right after a comma and its
        source ends the sentence ("…, so ein Sprecher des Ministeriums."), not inside a clause
        ("so viel wie")."""
        if first <= sentence.first or self.words[first - 1].text != ",":
            return False
        rest = [w for w in self.words[after : sentence.last] if not w.is_punct]
        if not rest or len(rest) > MAX_CLOSING_SOURCE_WORDS:
            return False
        head = rest[0]
        return head.capitalized or head.lower in self.lexicon.determiners

    def _particle(self, i: int, sentence: Sentence, particle: str) -> int | None:
        for j in range(i + 1, min(sentence.last, i + MAX_PARTICLE_DISTANCE)):
            word = self.words[j]
            if word.is_punct:
                return None
            if word.lower == particle:
                return j
        return None

    # ---- speaker and addressee ------------------------------------------------------------

    def _resolve(self, cue: Cue, sentence: Sentence, earlier: list[Cue]) -> None:
        if cue.attribution:
            self._resolve_source(cue, sentence)
            return
        after = self._after_speaker(cue, sentence)
        if self.joins_previous(cue, sentence):
            if after is not None and not (self.lexicon.verb_second and after.resolved):
                after = None  # "calling them": after a joined verb comes its object
            previous = self._main_cue(
                next((c for c in reversed(earlier) if c.speaker is not None), None), earlier
            )
            if after is None and previous is not None:
                cue.speaker, cue.shared = previous.speaker, True
            elif after is None and not earlier:
                opening = self._coordinated_subject(cue, sentence)
                if opening is not None:
                    cue.speaker = self._referent(opening)
                    cue.words_used = list(range(opening.first, opening.last))
        if cue.speaker is None and after is not None:
            # "Hansen kenne er privat, sagt er": a name in the fronted reported clause is not
            # whom the pronoun after the verb means, so it is read from the sentence's start.
            at = self._fronted_report_start(cue, sentence)
            cue.speaker, cue.speaker_after = self._referent(after, at=at), True
            cue.words_used = list(range(after.first, after.last))
        if cue.speaker is None:
            before = self._before_speaker(cue, sentence)
            holder = self._view_holder(cue, sentence)
            if holder is not None and (before is None or not self._is_person(before)):
                before = holder
            if before is not None:
                cue.speaker = self._referent(before)
                cue.words_used = list(range(before.first, before.last))
        if cue.speaker is None and self._hangs_on_clause(cue, sentence):
            subject = self._main_clause_subject(cue, sentence)
            if subject is not None:
                cue.speaker = self._referent(subject)
        start = max([cue.last, *(w + 1 for w in cue.words_used if w > cue.first)])
        cue.addressee = self._addressee(cue, sentence, start)
        cue.clause_end = max(start, cue.clause_end)

    def _main_cue(self, latest: Cue | None, earlier: list[Cue]) -> Cue | None:
        """The cue a joined verb goes on from: the latest one, unless that one stands inside the
        reported clause of an earlier one ("Pompeo said that Washington had concluded …,
        saying he trusted the courts": Pompeo goes on speaking, not Washington)."""
        if latest is None:
            return None
        for cue in earlier:
            if cue is latest:
                break
            if cue.speaker is None or cue.attribution:
                continue
            between = self.words[cue.last : latest.first]
            if any(w.lower in self.lexicon.complementizers for w in between):
                return cue
        return latest

    def _coordinated_subject(self, cue: Cue, sentence: Sentence) -> Item | None:
        """The subject a verb after "and" shares with the first verb of its sentence when that
        verb is no cue ("China's ambassador accused the UK and the US of meddling and warned
        that …"): the person, pronoun, role or organisation opening the sentence, not the
        object named last before "and"."""
        if cue.form is None or cue.form.participle or cue.first <= sentence.first:
            return None
        if self.words[cue.first - 1].lower not in self.lexicon.coordinators:
            return None
        window = [
            j
            for j in range(sentence.first, cue.first)
            if not self.words[j].is_punct and not self.phrases.is_quoted(self.words[j].start)
        ]
        items = self.phrases.items(window, subject=True)
        if not items or items[0].first != sentence.first:
            return None
        first = items[0]
        entity = self.index.get(first.referent.entity)
        if first.referent.how in ("pronoun", "role") or (
            entity is not None and entity.type in ("PER", "ORG")
        ):
            return first
        return None

    @staticmethod
    def _hangs_on_clause(cue: Cue, sentence: Sentence) -> bool:
        """Whether a cue is a participle with no subject of its own: a present participle
        ("estimant"), or a past one opening its sentence ("Interrogée par l'AFP, …")."""
        if cue.form is None:
            return False
        opening = cue.first == sentence.first and "perfect" in cue.form.tenses
        return cue.form.participle or opening

    def _main_clause_subject(self, cue: Cue, sentence: Sentence) -> Item | None:
        """Whom a participle with no subject of its own and no earlier cue in its sentence
        speaks for ("« Un choc », c'est ainsi qu'il a décrit la décision, estimant que …",
        "Smith criticised the plan on Monday, adding that …"): the first person or person
        pronoun of the sentence before it, outside quotations, the subject of the clause it
        hangs on. A participle opening its sentence ("Interrogée par l'AFP, Claire Martin a été
        ferme : « … »") hangs on the clause after its comma: the person opening that clause."""
        if cue.first == sentence.first:
            comma = next(
                (j for j in range(cue.last, sentence.last) if self.words[j].text == ","), None
            )
            if comma is None:
                return None
            stop = next(
                (j for j in range(comma + 1, sentence.last) if self.words[j].is_punct),
                sentence.last,
            )
            items = self.phrases.items(list(range(comma + 1, stop)), subject=True)
            first = items[0] if items else None
            opens = first is not None and first.first == comma + 1
            return first if opens and first is not None and self._is_person(first) else None
        window = [
            j
            for j in range(sentence.first, cue.first)
            if not self.words[j].is_punct and not self.phrases.is_quoted(self.words[j].start)
        ]
        items = self.phrases.items(window, subject=True)
        return next((item for item in items if self._is_person(item)), None)

    def _fronted_report_start(self, cue: Cue, sentence: Sentence) -> int | None:
        """Where a reported clause before the verb starts ("Hansen kenne er privat, sagt er"),
        when the sentence is just that clause, a comma and the cue: no quotation marks, no
        colon."""
        if cue.first <= sentence.first or self.words[cue.first - 1].text != ",":
            return None
        fronted = self.words[sentence.first : cue.first - 1]
        if any(w.text == ":" or self.phrases.is_quoted(w.start) for w in fronted):
            return None
        marks = {mark for pair in self.lexicon.mark_pairs for mark in pair}
        if any(w.text in marks for w in fronted):
            return None
        return self.words[sentence.first].start

    def _view_holder(self, cue: Cue, sentence: Sentence) -> Item | None:
        """The person whose view a reported clause is, named after the verb by a holder
        preposition right before the complementizer ("… confirme aujourd'hui pour Claire Vautrin
        que …"): a person, a pronoun or a role, never an organisation or place."""
        j = cue.last
        while j < sentence.last and (
            self.words[j].lower in self.lexicon.adverbs
            or self.phrases.calendar(self.words[j].text, False)
        ):
            j += 1
        if j >= sentence.last or self.words[j].lower not in self.lexicon.holder_prepositions:
            return None
        window = self.phrases.after_window(j + 1, sentence, stop_at_prepositions=False)
        items = self.phrases.items(window, subject=False)
        if not items or items[0].first != j + 1:
            return None
        item = items[0]
        if item.last >= sentence.last or self.words[item.last].lower not in (
            self.lexicon.complementizers
        ):
            return None
        entity = self.index.get(item.referent.entity)
        if entity is not None and entity.type != "PER":
            return None
        return item

    def joins_previous(self, cue: Cue, sentence: Sentence) -> bool:
        """Whether the verb shares an earlier verb's subject ("og bemerket", ", adding")."""
        if cue.form is not None and cue.form.participle:
            return True
        if cue.first <= sentence.first:
            return False
        return self.words[cue.first - 1].lower in self.lexicon.coordinators

    def _clause_initial(self, cue: Cue, sentence: Sentence) -> bool:
        if cue.first == sentence.first or cue.anaphoric:
            return True
        # An auxiliary opening the clause stays with its verb: "», a déclaré Macron", "», a-t-il dit".
        first = cue.first
        while first > sentence.first and self._verb_filler(first - 1):
            first -= 1
        if first == sentence.first:
            return first < cue.first
        if self._after_inversion_opener(first, sentence):
            return True
        previous = self.words[first - 1]
        if previous.text not in CLAUSE_OPENERS:
            return False
        return previous.text != "," or self.phrases.parenthetical_start(first - 1, sentence) is None

    def _after_inversion_opener(self, first: int, sentence: Sentence) -> bool:
        """Whether a word that inverts subject and verb stands before the verb group, past
        object pronouns ("comme le raconte X", "comme nous l'a confié X")."""
        lexicon = self.lexicon
        j = first - 1
        while j >= sentence.first and (
            self.words[j].lower in lexicon.object_clitics or self._verb_filler(j)
        ):
            j -= 1
        return (
            j >= sentence.first and j < first and self.words[j].lower in lexicon.inversion_openers
        )

    def _euphonic(self, j: int) -> bool:
        """A linking letter between an inverted verb and its pronoun, listed as an auxiliary
        ("-t" in "affirme-t-il")."""
        word = self.words[j]
        return len(word.lower.lstrip("-")) == 1 and word.lower in self.lexicon.auxiliaries

    def _verb_filler(self, j: int) -> bool:
        """An auxiliary or a hyphen of an inverted verb group ("a", "-t", "-", "t")."""
        word = self.words[j]
        return word.lower in self.lexicon.auxiliaries or (
            word.text == "-" and not self.lexicon.verb_second
        )

    def _after_speaker(
        self, cue: Cue, sentence: Sentence, inside_quote: bool = False
    ) -> Item | None:
        inverted = self._clause_initial(cue, sentence)
        if not (self.lexicon.verb_second or inverted):
            return None
        start = cue.last
        aside = next((a for a in self.lexicon.asides if phrase_at(self.words, start, a)), None)
        if aside is not None:
            start += len(aside)  # "», résume quant à elle Francisca Joly"
        window = self.phrases.after_window(start, sentence, inside_quote=inside_quote)
        while window and self.phrases.calendar(self.words[window[0]].text, False):
            window = window[1:]  # "a déclaré mardi le ministre", "said Tuesday the minister"
        while window and (
            self._euphonic(window[0]) or self.words[window[0]].lower in self.lexicon.adverbs
        ):
            window = window[1:]  # the "-t" of "affirme-t-il", "», rappelle ainsi X"
        objects = self.lexicon.objects_before_subject
        if len(window) > 1 and self.words[window[0]].lower in objects:
            window = window[1:]  # "sagt uns ein Sprecher": the object pronoun, then the subject
        items = self.phrases.items(window, subject=True)
        if not items or items[0].first != window[0]:
            return None
        item = self.phrases.named_after_comma(items[0], sentence)
        if not self.lexicon.verb_second and not self._ends_phrase(item.last, sentence):
            return None  # "…, said the talks had failed": a clause follows, not a speaker
        if self._opens_reported_clause(cue, item, sentence, inverted):
            return None  # "Støre sier Norge vil …": Norge opens the reported clause
        if cue.form is not None and cue.form.verb.tell:
            # After a telling verb comes its addressee ("told Newsweek"), unless the verb-second
            # order puts the subject there ("forteller Hansen", "fortalte han NTB at") or the cue
            # clause is inverted ("», raconte Paul Martin", "», confie-t-elle").
            subject_first = inverted or item.referent.how == "pronoun"
            if not (subject_first and (self.lexicon.verb_second or inverted)):
                return None
        # "Im März erklärte das Präsidium, dass …": after a fronted time or place, the phrase
        # after a verb-second verb is its subject, named or not.
        unnamed = not item.resolved and item.referent.how not in ("group", "name")
        if unnamed and not inverted and not self._subject_after_fronting(cue, sentence):
            return None
        return item

    def _subject_after_fronting(self, cue: Cue, sentence: Sentence) -> bool:
        """In a verb-second language, whether no person, pronoun or known entity stands before
        the verb as its subject."""
        if not self.lexicon.verb_second:
            return False
        before = self._before_speaker(cue, sentence)
        if before is None:
            return True
        # "Piloten meddelte kontroltårnet, at …": a role filling the whole field before the
        # verb is its subject, named or not, and the phrase after the verb its object.
        whole_field = before.first == sentence.first and all(
            self.words[j].lower in self.lexicon.adverbs for j in range(before.last, cue.first)
        )
        return not before.resolved and not (whole_field and before.referent.how == "role")

    def _opens_reported_clause(
        self, cue: Cue, item: Item, sentence: Sentence, inverted: bool
    ) -> bool:
        """In a verb-second language, a phrase after the verb that a finite verb follows is the
        subject of the reported clause when a speaker stands before the verb."""
        if not self.lexicon.verb_second or inverted or item.last >= sentence.last:
            return False
        if self.words[item.last].pos not in ("VERB", "AUX"):
            return False
        return self._before_speaker(cue, sentence) is not None

    def _ends_phrase(self, j: int, sentence: Sentence) -> bool:
        if j >= sentence.last:
            return True
        word = self.words[j]
        return (
            word.is_punct
            or word.lower in self.lexicon.addressee_prepositions
            or (word.lower in self.lexicon.prepositions)
            or self.phrases.calendar(word.text, False)
        )

    def _before_speaker(self, cue: Cue, sentence: Sentence) -> Item | None:
        window = self.phrases.before_window(cue.first, sentence)
        if self._fronted_adverbial(window, sentence):
            return None
        items = self.phrases.items(window, subject=True)
        if not items:
            return None
        resolved = [item for item in items if item.resolved or item.referent.how == "group"]
        closest = (resolved or items)[-1]
        if self._governed(closest):
            # "Kristus med hänvisning till Guds vilja har understrukit", "der Aktivist der
            # Mietergewerkschaft aus Chicago sagt": a preposition's object is no subject; the
            # person before it is.
            people = [i for i in items if not self._governed(i) and self._is_person(i)]
            if people:
                return people[-1]
        if self._in_middle_field(closest, window):
            head = self._head_of_complement(items, closest)
            if head is not None and not self._in_middle_field(head, window):
                return head
            # "Meyer hatte in einem Gespräch mit X gesagt", "Hansen har over for avisen sagt": a
            # phrase governed by a preposition between an auxiliary and the participle that
            # ends the clause is an adverbial, not the subject.
            outside = [item for item in items if not self._in_middle_field(item, window)]
            if not outside:
                return closest
            items = outside
            resolved = [item for item in items if item.resolved or item.referent.how == "group"]
            closest = (resolved or items)[-1]
        if self._is_person(closest):
            return closest
        head = self._head_of_complement(items, closest) or self._opening_head(items, window)
        if head is not None:
            return head
        # The parse may name a person further back as the subject ("Rice, the U.S. envoy, said").
        for item in reversed(resolved):
            subject = any(self._is_subject_of(j, cue.first) for j in range(item.first, item.last))
            if subject and self._is_person(item):
                return item
        return closest

    def _fronted_adverbial(self, window: list[int], sentence: Sentence) -> bool:
        """In a verb-second language, whether the field before the verb is one phrase opened by
        a preposition at the start of the sentence ("I Kroatiens hovedstad Zagreb sagde den
        danske leder …"): the one constituent before the verb is an adverbial, and the subject
        follows the verb."""
        if not self.lexicon.verb_second or len(window) < 2 or window[0] != sentence.first:
            return False
        opener = self.words[window[0]]
        if opener.lower not in self.lexicon.prepositions:
            return False
        if opener.lower in self.lexicon.agent_prepositions:
            return False
        # "Am Sonntag hatte der Berater gesagt": an auxiliary before a participle cue comes
        # second, and the subject stands after it in the window.
        return not any(
            self.words[j].lower in self.lexicon.auxiliaries or self.words[j].pos in ("VERB", "AUX")
            for j in window
        )

    def _governed(self, item: Item) -> bool:
        """Whether a preposition (not an agent's "by", "von", "af") stands right before the
        phrase."""
        if item.first == 0:
            return False
        word = self.words[item.first - 1].lower
        lexicon = self.lexicon
        return word in lexicon.prepositions and word not in lexicon.agent_prepositions

    def _in_middle_field(self, item: Item, window: list[int]) -> bool:
        """In a verb-second language, whether a phrase is governed by the preposition right
        before it and follows an auxiliary of the window ("hatte … in einem Interview gesagt",
        "har over for Hansen sagt"): it stands between the auxiliary and its participle."""
        if not self.lexicon.verb_second or item.first == 0:
            return False
        governing = self.words[item.first - 1].lower
        if (
            governing not in self.lexicon.prepositions
            or governing in self.lexicon.agent_prepositions
        ):
            return False
        auxiliaries = self.lexicon.auxiliaries
        return any(self.words[j].lower in auxiliaries for j in window if j < item.first - 1)

    def _head_of_complement(self, items: list[Item], closest: Item) -> Item | None:
        """The role or person a prepositional complement before the verb belongs to ("Chefen
        for den jugoslaviske hær siger", "Chefen för polisen säger"): the subject is the head,
        described with its complement, not the body in the complement."""
        at = items.index(closest)
        if at == 0 or closest.referent.how == "group":
            return None
        earlier = items[at - 1]
        link = earlier.last
        if closest.first != link + 1 or self.words[link].lower not in self.lexicon.prepositions:
            return None
        if earlier.referent.how not in ("role", "name"):
            return None
        # A capitalised word no entity holds heads the phrase as a role ("Backers of tariffs
        # say"); a known organisation or place before the preposition does not.
        unnamed = earlier.referent.how == "name" and earlier.referent.entity is None
        if earlier.referent.how == "name" and not unnamed and not self._is_person(earlier):
            return None
        referent = Referent(
            earlier.referent.entity, earlier.referent.start, closest.referent.end, "role"
        )
        if earlier.referent.how == "name" and not unnamed:
            referent = earlier.referent
        return Item(referent, earlier.first, closest.last)

    def _opening_head(self, items: list[Item], window: list[int]) -> Item | None:
        """The role opening the clause before the verb when a preposition follows it and no
        person is named after it, where the verb does not come second ("The authors of the research published in the journal JAMA
        Psychiatry argued", "Officials in Beijing said"): the subject is that role, described
        with its complement, not the body or place named in the complement."""
        first = items[0]
        if first.referent.how != "role" or first.first != window[0] or len(items) < 2:
            return None
        if self.lexicon.verb_second:
            return None  # the field before a verb-second verb may be a time ("De närmaste dagarna")
        opens = first.first == 0 or self.words[first.first - 1].is_punct
        if not opens or first.last >= len(self.words):
            return None
        if self.words[first.last].lower not in self.lexicon.prepositions:
            return None
        if any(self._is_person(item) for item in items[1:]):
            return None
        end = items[-1].referent.end
        referent = Referent(first.referent.entity, first.referent.start, end, "role")
        return Item(referent, first.first, items[-1].last)

    def _is_person(self, item: Item) -> bool:
        if item.referent.how == "pronoun":
            return True
        entity = self.index.get(item.referent.entity)
        return entity is not None and entity.type == "PER"

    def _is_subject_of(self, j: int, verb: int) -> bool:
        word = self.words[j]
        if not word.dep.startswith("nsubj") or word.dep == "nsubj:pass":
            return False
        head = word.head
        verb_head = self.words[verb].head
        return head == verb or (head is not None and head == verb_head and head != j)

    def _resolve_source(self, cue: Cue, sentence: Sentence) -> None:
        """The source after "ifølge"/"according to", past a document ("en uttalelse fra X")."""
        window = self.phrases.after_window(cue.last, sentence, stop_at_prepositions=False)
        # A link opening the window is an article ("so der CEO", German "der"), not a link.
        links = [j for j in window[1:] if self.words[j].lower in self.lexicon.source_links]
        for link in links:
            if self._source_spans_link(window, link):
                break
            later = [j for j in window if j > link]
            items = self.phrases.items(later, subject=True)
            if items and items[0].first == link + 1:
                self._set_source(cue, items[0])
                return
        # "selon lui", "according to her", "ifølge ham": the source may be an object pronoun.
        subject = not (window and self.words[window[0]].lower in self.lexicon.person_object)
        items = self.phrases.items(window, subject=subject)
        if items and items[0].first == cue.last:
            self._set_source(cue, self.phrases.named_after_comma(items[0], sentence))
        else:
            cue.clause_end = cue.last

    def _source_spans_link(self, window: list[int], link: int) -> bool:
        """Whether the words before a source link are the source themselves, not a document of
        it: a role ("ein Sprecher des Ministeriums") or a name running over the link ("le
        ministère français de l'Intérieur")."""
        before = [self.words[j] for j in window if j < link]
        if before and self.phrases.roles.is_title(before, None):
            return True
        if any(word.lower in self.lexicon.relation_nouns for word in before):
            return True
        mention = self.index.mention_over(self.words[window[0]].start, self.words[window[0]].end)
        return mention is not None and mention.end > self.words[link].start

    def _set_source(self, cue: Cue, item: Item) -> None:
        cue.speaker, cue.speaker_after = self._referent(item), True
        cue.words_used = list(range(item.first, item.last))
        cue.clause_end = item.last

    def _addressee(self, cue: Cue, sentence: Sentence, start: int) -> Referent | None:
        speaker = cue.speaker.entity if cue.speaker else None
        limit = min(sentence.last, start + MAX_PHRASE_WORDS)
        if cue.form is not None and cue.form.verb.tell and start < limit:
            if self._audience_at(start) is not None:
                cue.clause_end = self._audience_at(start) or start
                return None
            items = self.phrases.items(self.phrases.after_window(start, sentence), subject=False)
            if items and items[0].first == start and self._may_address(items[0]):
                cue.clause_end = items[0].last
                return self._referent(items[0], exclude=speaker)
        for i in range(start, limit):
            word = self.words[i]
            if word.is_punct or word.lower in self.lexicon.complementizers:
                break
            if word.lower in self.lexicon.addressee_prepositions:
                items = self.phrases.items(
                    self.phrases.after_window(i + 1, sentence), subject=False
                )
                if items and items[0].first == i + 1 and self._may_address(items[0]):
                    cue.clause_end = items[0].last
                    return self._referent(items[0], exclude=speaker)
        return None

    def _may_address(self, item: Item) -> bool:
        """People and organisations are addressed; a place is not ("told US media")."""
        if item.referent.how == "pronoun":
            return True
        entity = self.index.get(item.referent.entity)
        return entity is not None and entity.type in ("PER", "ORG")

    def _audience_at(self, start: int) -> int | None:
        """End of an unnamed audience ("reporters", "the media") starting at word `start`."""
        for noun in self.lexicon.audience_nouns:
            if phrase_at(self.words, start, noun):
                return start + len(noun)
        return None

    def _referent(self, item: Item, exclude: str | None = None, at: int | None = None) -> Referent:
        referent = item.referent
        if referent.how != "pronoun":
            return referent
        offset = referent.start if at is None else at
        person = self.salience.person_before(offset, avoid=[exclude] if exclude else ())
        return Referent(person, referent.start, referent.end, "pronoun")
