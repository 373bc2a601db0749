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

from collections.abc import Sequence
from dataclasses import dataclass, field

from newsgraph.quotes.document import QuoteText, Sentence, Word
from newsgraph.quotes.lexicon import VerbForm
from newsgraph.quotes.speakers import EntityIndex, Referent, ReferentKind, RoleResolver, Salience

# Parts of speech that rule a speech-verb form out (a name "Said", "Sa"). Nouns are not among
# them: taggers often call participles nouns ("adding"), and the lexicons leave out forms that
# are mostly nouns ("reports", "comments").
NOT_VERB = frozenset({"PROPN", "ADP", "DET", "NUM", "PRON", "CCONJ", "SCONJ"})
NOT_PHRASE = frozenset({"VERB", "AUX", "ADP", "SCONJ", "CCONJ"})
CLAUSE_OPENERS = frozenset(",;:–—-«»“”\"'‘’„‹›([")
CLAUSE_BREAKS = frozenset('.!?;:«»“”"‘’„‹›')
MAX_PHRASE_WORDS = 8
MAX_BEFORE_WORDS = 12
MAX_ROLE_WORDS = 5
MAX_PARENTHETICAL_WORDS = 25
MAX_BRACKET_WORDS = 5


@dataclass
class Item:
    """A referring phrase found in a window: its referent and its words [first, last)."""

    referent: Referent
    first: int
    last: int

    @property
    def resolved(self) -> bool:
        """Whether it names an entity or a pronoun (to be resolved) rather than nothing known."""
        return self.referent.entity is not None or self.referent.how == "pronoun"


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

    def __init__(
        self,
        doc: QuoteText,
        index: EntityIndex,
        salience: Salience,
        quoted: Sequence[tuple[int, int]],
    ) -> None:
        self.doc = doc
        self.words = doc.words
        self.lexicon = doc.lexicon
        self.index = index
        self.roles = RoleResolver(index, doc)
        self.salience = salience
        self.quoted = sorted(quoted)

    def is_quoted(self, offset: int) -> bool:
        """Whether an offset lies inside quoted words (speech verbs there are not cues)."""
        return any(start <= offset < end for start, end in self.quoted)

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
                if cue.speaker is not None:
                    self.salience.note_speaker(self.words[cue.first].start, cue.speaker.entity)
                earlier.append(cue)
                i = cue.last
            cues.extend(earlier)
        return cues

    def cue_at(self, i: int, sentence: Sentence) -> Cue | None:
        """The cue starting at word i, if any."""
        word = self.words[i]
        if self.is_quoted(word.start):
            return None
        for phrase in self.lexicon.attribution_phrases:
            span = self.words[i : i + len(phrase)]
            if len(span) == len(phrase) and all(
                w.lower == p for w, p in zip(span, phrase, strict=True)
            ):
                return Cue(i, i + len(phrase), sentence.index, attribution=True)
        form = self.verb_form(i, sentence)
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

    def verb_form(self, i: int, sentence: Sentence) -> VerbForm | None:
        """The speech-verb reading of word i, unless its tag or capital letter rules it out."""
        word = self.words[i]
        form = self.lexicon.verb(word.text)
        if form is None or word.pos in NOT_VERB:
            return None
        if word.capitalized and i != sentence.first:
            previous = self.words[i - 1]
            if not previous.is_punct:
                return None
        return form

    def _particle(self, i: int, sentence: Sentence, particle: str) -> int | None:
        for j in range(i + 1, min(sentence.last, i + 6)):
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
            previous = next((c for c in reversed(earlier) if c.speaker is not None), None)
            if after is None and previous is not None:
                cue.speaker, cue.shared = previous.speaker, True
        if cue.speaker is None and after is not None:
            cue.speaker, cue.speaker_after = self._referent(after), True
            cue.words_used = list(range(after.first, after.last))
        if cue.speaker is None:
            before = self._before_speaker(cue, sentence)
            if before is not None:
                cue.speaker = self._referent(before)
                cue.words_used = list(range(before.first, before.last))
        if cue.speaker is None and not self._before_window(cue.first, sentence):
            # No subject written at all ("Said she had shaken hands …"): the running speaker.
            offset = self.words[cue.first].start
            recent = self.salience.recent_speaker(offset)
            if recent is not None:
                cue.speaker = Referent(recent, offset, offset, "implicit")
        start = max([cue.last, *(w + 1 for w in cue.words_used if w > cue.first)])
        cue.addressee = self._addressee(cue, sentence, start)
        cue.clause_end = max(start, cue.clause_end)

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
        previous = self.words[cue.first - 1]
        if previous.text not in CLAUSE_OPENERS:
            return False
        return previous.text != "," or self._parenthetical_start(cue.first - 1, sentence) is None

    def _after_speaker(self, cue: Cue, sentence: Sentence) -> Item | None:
        inverted = self._clause_initial(cue, sentence)
        if not (self.lexicon.verb_second or inverted):
            return None
        window = self._after_window(cue.last, sentence)
        items = self._items(window, subject=True)
        if not items or items[0].first != window[0]:
            return None
        item = items[0]
        if not self.lexicon.verb_second and not self._ends_phrase(item.last, sentence):
            return None  # "…, said the talks had failed": a clause follows, not a speaker
        if cue.form is not None and cue.form.verb.tell:
            # After a telling verb comes its addressee ("told Newsweek"), unless the verb-second
            # order puts the subject there ("forteller Hansen", "fortalte han NTB at").
            subject_first = inverted or item.referent.how == "pronoun"
            if not (self.lexicon.verb_second and subject_first):
                return None
        if not item.resolved and item.referent.how not in ("group", "name") and not inverted:
            return None
        return item

    def _ends_phrase(self, j: int, sentence: Sentence) -> bool:
        if j >= sentence.last:
            return True
        word = self.words[j]
        return (
            word.is_punct
            or word.lower in self.lexicon.addressee_prepositions
            or (word.lower in self.lexicon.prepositions)
        )

    def _before_speaker(self, cue: Cue, sentence: Sentence) -> Item | None:
        window = self._before_window(cue.first, sentence)
        items = self._items(window, subject=True)
        if not items:
            return None
        resolved = [item for item in items if item.resolved or item.referent.how == "group"]
        closest = (resolved or items)[-1]
        if self._is_person(closest):
            return closest
        # The parse may name a person further back as the subject ("Rice, the U.S. envoy, said").
        for item in reversed(resolved):
            subject = any(self._is_subject_of(j, cue.first) for j in range(item.first, item.last))
            if subject and self._is_person(item):
                return item
        return closest

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
        window = self._after_window(cue.last, sentence, stop_at_prepositions=False)
        for link in (j for j in window if self.words[j].lower in self.lexicon.source_links):
            later = [j for j in window if j > link]
            items = self._items(later, subject=True)
            if items and items[0].first == link + 1:
                self._set_source(cue, items[0])
                return
        items = self._items(window, subject=True)
        if items and items[0].first == cue.last:
            self._set_source(cue, items[0])
        else:
            cue.clause_end = cue.last

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
            items = self._items(self._after_window(start, sentence), subject=False)
            if items and items[0].first == start and self._may_address(items[0]):
                cue.clause_end = items[0].last
                return self._referent(items[0], exclude=speaker)
        for i in range(start, limit):
            word = self.words[i]
            if word.is_punct or word.lower in self.lexicon.complementizers:
                break
            if word.lower in self.lexicon.addressee_prepositions:
                items = self._items(self._after_window(i + 1, sentence), subject=False)
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
            span = self.words[start : start + len(noun)]
            if len(span) == len(noun) and all(
                w.lower == n for w, n in zip(span, noun, strict=True)
            ):
                return start + len(noun)
        return None

    def _referent(self, item: Item, exclude: str | None = None) -> Referent:
        referent = item.referent
        if referent.how != "pronoun":
            return referent
        person = self.salience.person_before(referent.start, exclude=exclude)
        return Referent(person, referent.start, referent.end, "pronoun")

    # ---- windows and phrases --------------------------------------------------------------

    def _after_window(
        self, start: int, sentence: Sentence, stop_at_prepositions: bool = True
    ) -> list[int]:
        window = []
        for j in range(start, min(sentence.last, start + MAX_PHRASE_WORDS)):
            word = self.words[j]
            if word.is_punct or self.is_quoted(word.start):
                break
            if word.lower in self.lexicon.complementizers:
                break
            in_name = self.index.mention_over(word.start, word.end) is not None
            if stop_at_prepositions and not in_name and word.lower in self.lexicon.prepositions:
                break
            window.append(j)
        return window

    def _before_window(self, verb: int, sentence: Sentence) -> list[int]:
        window: list[int] = []
        j = verb - 1
        while j >= sentence.first and len(window) < MAX_BEFORE_WORDS:
            word = self.words[j]
            if word.text == ",":
                opening = self._parenthetical_start(j, sentence)
                if opening is None:
                    break
                j = opening - 1
                continue
            if word.text == ")":
                # A party or age after a name: "Ronny Alte (NDL) mener at", "Hansen (45) sa".
                opening = self._bracket_start(j, sentence)
                if opening is None:
                    break
                j = opening - 1
                continue
            if word.is_punct or self.is_quoted(word.start):
                break
            if word.lower in self.lexicon.complementizers or self.verb_form(j, sentence):
                break
            if word.lower in self.lexicon.relative_pronouns:
                return self._relative_subject(j, window, sentence)
            window.append(j)
            j -= 1
        return sorted(window)

    def _bracket_start(self, closing: int, sentence: Sentence) -> int | None:
        for k in range(closing - 1, max(sentence.first, closing - MAX_BRACKET_WORDS) - 1, -1):
            if self.words[k].text == "(":
                return k
            if self.words[k].text in CLAUSE_BREAKS:
                return None
        return None

    def _relative_subject(self, relative: int, window: list[int], sentence: Sentence) -> list[int]:
        """Subject window of a verb in a relative clause: the words after the relative word
        ("der Wang sier"), else its antecedent when that is a name ("Rice, who said"); a common
        noun antecedent ("respondents who said") names nobody."""
        fillers = self.lexicon.adverbs | self.lexicon.auxiliaries
        if any(self.words[k].lower not in fillers for k in window):
            return sorted(window)
        antecedent = relative - 1
        if antecedent > sentence.first and self.words[antecedent].text == ",":
            antecedent -= 1
        if antecedent >= sentence.first and self._in_name(antecedent):
            return [antecedent]
        return []

    def _in_name(self, j: int) -> bool:
        word = self.words[j]
        return self.index.mention_over(word.start, word.end) is not None

    def _parenthetical_start(self, comma: int, sentence: Sentence) -> int | None:
        """The opening comma of ", who met …," or ", sjef for …," closed by the comma at `comma`.

        Appositions may nest ("Jeff Sanborn, president of Chapter & Verse, a design agency,
        said"): the nearest comma right after a person's name wins, else the nearest one after
        any name or before a relative pronoun.
        """
        fallback: int | None = None
        for k in range(comma - 1, max(sentence.first, comma - MAX_PARENTHETICAL_WORDS) - 1, -1):
            word = self.words[k]
            if word.text != ",":
                if word.text in CLAUSE_BREAKS or self.verb_form(k, sentence):
                    break
                continue
            if k + 1 < comma and self.words[k + 1].lower in self.lexicon.relative_pronouns:
                fallback = k if fallback is None else fallback
            if k > sentence.first:
                before = self.words[k - 1]
                mention = self.index.mention_over(before.start, before.end)
                if mention is not None and mention.entity.type == "PER":
                    return k
                if mention is not None and fallback is None:
                    fallback = k
        return fallback

    def _items(self, window: Sequence[int], subject: bool) -> list[Item]:
        """Referring phrases in a window of word indices (contiguous runs scanned separately)."""
        items: list[Item] = []
        run: list[int] = []
        for j in window:
            if run and j != run[-1] + 1:
                items.extend(self._items_in_run(run, subject))
                run = []
            run.append(j)
        if run:
            items.extend(self._items_in_run(run, subject))
        return items

    def _items_in_run(self, run: list[int], subject: bool) -> list[Item]:
        items: list[Item] = []
        end = run[-1] + 1
        j = run[0]
        pronouns = self.lexicon.person_subject if subject else self.lexicon.person_object
        while j < end:
            word = self.words[j]
            mention = self.index.mention_over(word.start, word.end)
            if mention is not None:
                last = j + 1
                while last < end and self.words[last].start < mention.end:
                    last += 1
                referent = Referent(mention.entity.id, mention.start, mention.end, "name")
                items.append(Item(referent, j, last))
                j = last
                continue
            if word.lower in pronouns or word.lower in self.lexicon.plural_pronouns:
                how: ReferentKind = "pronoun" if word.lower in pronouns else "group"
                items.append(Item(Referent(None, word.start, word.end, how), j, j + 1))
                j += 1
                continue
            named = (
                self.index.by_name_word(word)
                if word.lower not in self.lexicon.determiners
                else None
            )
            if named is not None:
                items.append(Item(Referent(named.id, word.start, word.end, "name"), j, j + 1))
                j += 1
                continue
            last = self._role_run_end(j, end)
            if last > j:
                following = self.words[last] if last < end else None
                if following is not None and self._joins_name(j, last, following):
                    # A title or article before a name ("forsvarssjef Eirik Kristoffersen",
                    # "the Energy Agency") is one phrase with it.
                    items.extend(self._title_and_name(j, last, end))
                    j = items[-1].last if items else last
                    continue
                item = self._role_item(j, last)
                if item is not None:
                    items.append(item)
                j = last
                continue
            j += 1
        return items

    def _joins_name(self, first: int, last: int, following: Word) -> bool:
        """Whether words before a name belong to it: articles, or a title before a person."""
        mention = self.index.mention_over(following.start, following.end)
        if mention is None:
            return False
        words = self.words[first:last]
        articles = self.lexicon.determiners | self.lexicon.possessives
        if all(w.lower in articles for w in words):
            return True
        return mention.entity.type == "PER" and self.roles.is_title(words, mention.entity)

    def _title_and_name(self, first: int, title_end: int, end: int) -> list[Item]:
        word = self.words[title_end]
        mention = self.index.mention_over(word.start, word.end)
        if mention is None:
            return []
        last = title_end + 1
        while last < end and self.words[last].start < mention.end:
            last += 1
        referent = Referent(mention.entity.id, mention.start, mention.end, "name")
        return [Item(referent, first, last)]

    def _role_run_end(self, j: int, end: int) -> int:
        last = j
        lexicon = self.lexicon
        stops = (
            lexicon.prepositions
            | lexicon.complementizers
            | lexicon.coordinators
            | lexicon.relative_pronouns
            | lexicon.auxiliaries
            | lexicon.adverbs
            | lexicon.subordinators
        )
        while last < end and last - j < MAX_ROLE_WORDS:
            word = self.words[last]
            if word.is_punct or word.lower in stops or word.pos in NOT_PHRASE:
                break
            if lexicon.verb(word.text) or lexicon.is_pronoun(word.text):
                break
            if self.index.mention_over(word.start, word.end) is not None:
                break
            last += 1
        return last

    def _role_item(self, first: int, last: int) -> Item | None:
        words = self.words[first:last]
        content = [w for w in words if w.lower not in self.lexicon.determiners]
        if not content:
            return None
        head = content[-1]
        start, end = words[0].start, words[-1].end
        entity = self.roles.resolve(words, start, self.salience.order)
        if entity is not None:
            return Item(Referent(entity, start, end, "role"), first, last)
        definite = words[0].lower in self.lexicon.determiners | self.lexicon.possessives or (
            not head.capitalized
            and any(
                head.lower.endswith(suffix) and len(suffix) > 1
                for suffix in self.lexicon.definite_suffixes
            )
        )
        if definite or head.pos == "NOUN":
            return Item(Referent(None, start, end, "role"), first, last)
        if head.capitalized and head.index > 0 and not self.words[head.index - 1].is_punct:
            return Item(Referent(None, start, end, "name"), first, last)
        return None
