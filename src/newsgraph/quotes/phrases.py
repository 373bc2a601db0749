"""Phrases around a speech verb: the word windows where a speaker or addressee may stand, and
the referring phrases in them (names, pronouns, titles with names, role noun phrases).

Windows stop where a phrase cannot go on: punctuation, a complementizer, another speech verb,
quoted words. Backwards from a verb they skip what sits between a subject and its verb: an
apposition or relative clause between commas ("Rice, who met …, said"), a party or age in brackets
("Ola Hansen (H) sa"). Words of speech verbs and quoted spans are told apart here too, so every
module asks one place whether a word can be a cue.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from newsgraph.entities.lexicon import load_lexicon
from newsgraph.model import Entity
from newsgraph.quotes.document import QuoteText, Sentence, Word
from newsgraph.quotes.lexicon import VerbForm
from newsgraph.quotes.speakers import EntityIndex, Referent, ReferentKind, RoleResolver, Salience

# Parts of speech that rule a speech-verb form out (a name "Said", "Sa"). Nouns are not among
# them: taggers often call participles nouns ("adding"), and the lexicons leave out forms that
# are mostly nouns ("reports", "comments").
NOT_VERB = frozenset({"PROPN", "ADP", "DET", "NUM", "PRON", "CCONJ", "SCONJ"})
NOT_PHRASE = frozenset({"VERB", "AUX", "ADP", "SCONJ", "CCONJ"})
CLAUSE_BREAKS = frozenset('.!?;:«»“”"‘’„‹›')
MAX_PHRASE_WORDS = 8
MAX_BEFORE_WORDS = 12
MAX_ROLE_WORDS = 5
# Endings of a genitive place or organisation before a role ("Norges", "Russia's").
GENITIVE_ENDINGS = ("s", "'s", "’s", "'", "’")
MAX_PARENTHETICAL_WORDS = 25
MAX_BRACKET_WORDS = 5
# Longest title on each side of "und"/"et"/"and" before one name ("der Publizist und Philosoph").
MAX_COORDINATED_TITLE = 2
# Words of a role noun phrase standing as a name's apposition ("der Vereinsvorsitzende").
MAX_APPOSITION_WORDS = 3
# Longest run of capitalised words read as a name the entity layer missed ("Will Moy,").
MAX_UNMARKED_NAME_WORDS = 3
# A lone capitalised word before a comma is an adverb opening its sentence as often ("Ainsi,").
MIN_UNMARKED_NAME_WORDS = 2
# Longest title abbreviation before a name that a tagger's part of speech does not rule out
# ("dr", "Dr.", "Prof").
MAX_TITLE_ABBREVIATION = 4


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


class PhraseReader:
    """Windows and referring phrases of one article's text."""

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
        self.calendar = load_lexicon(index.article.lang).is_calendar_word
        self.nouns_capitalised = load_lexicon(index.article.lang).nouns_capitalised
        self.quoted = sorted(quoted)
        self._quoted_starts = [start for start, _ in self.quoted]
        # The furthest end of any span starting at or before each index: one bisect answers.
        self._reach = list(itertools.accumulate((end for _, end in self.quoted), max))

    def is_quoted(self, offset: int) -> bool:
        """Whether an offset lies inside quoted words (speech verbs there are not cues)."""
        last = bisect.bisect_right(self._quoted_starts, offset) - 1
        return last >= 0 and offset < self._reach[last]

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
        if i > sentence.first and self.words[i - 1].lower in self.lexicon.noun_markers:
            return None  # "dans une note de l'Académie": a noun, not "X note que"
        return form

    def after_window(
        self,
        start: int,
        sentence: Sentence,
        stop_at_prepositions: bool = True,
        inside_quote: bool = False,
    ) -> list[int]:
        """Words of a phrase after a verb, up to punctuation, a complementizer, quoted words
        (unless the verb itself is inside the quote) or a preposition."""
        window = []
        for j in range(start, min(sentence.last, start + MAX_PHRASE_WORDS)):
            word = self.words[j]
            if word.is_punct or (not inside_quote and self.is_quoted(word.start)):
                break
            if word.lower in self.lexicon.complementizers:
                break
            in_name = self.index.mention_over(word.start, word.end) is not None
            in_name = in_name or self._opens_surname(j, sentence)
            if stop_at_prepositions and not in_name and word.lower in self.lexicon.prepositions:
                break
            window.append(j)
        return window

    def named_after_comma(self, item: Item, sentence: Sentence) -> Item:
        """A role followed by a comma and a person's name that ends the clause
        ("so der Geschäftsführer der DGB-Region Mittelhessen, Matthias Körner.", "sagt der
        Sprecher des Ministeriums, Jan Berg."): the name is the role's apposition and the
        speaker; the role item itself otherwise."""
        comma = item.last
        # The name written in apposition outweighs whom the role alone would be taken for.
        if item.referent.how != "role":
            return item
        opens = comma < sentence.last and (
            self.words[comma].lower in (self.lexicon.prepositions | self.lexicon.source_links)
            or self.words[comma].text == "("
        )
        bracketed = 0
        while opens and comma < sentence.last and comma - item.last - bracketed <= MAX_ROLE_WORDS:
            # the role's complement ("talsmanden for ministeriet, Anna Berg"), a bracketed
            # short name in it ("leder af FNs flygtningeorganisation (UNHCR), Lars Nielsen")
            word = self.words[comma]
            if word.text == "(":
                closing = self._bracket_end(comma, sentence)
                if closing is None:
                    break
                bracketed += closing + 1 - comma
                comma = closing + 1
                continue
            if word.text == "," or (word.is_punct or self.lexicon.verb(word.text) is not None):
                break
            comma += 1
        if comma + 1 >= sentence.last or self.words[comma].text != ",":
            return item
        word = self.words[comma + 1]
        mention = self.index.mention_over(word.start, word.end)
        if mention is None or mention.entity.type != "PER" or mention.start != word.start:
            return item
        last = comma + 1
        while last < sentence.last and self.words[last].start < mention.end:
            last += 1
        follows = self.words[last] if last < sentence.last else None
        # The name ends the clause or opens its own complement ("Stephen Hess fra tænketanken
        # Brookings Institution").
        ends = follows is None or follows.text in (".", ",", ";", "!", "?")
        if not ends and follows is not None and follows.lower not in self.lexicon.prepositions:
            return item
        referent = Referent(mention.entity.id, mention.start, mention.end, "name")
        return Item(referent, item.first, last)

    def _bracket_end(self, opening: int, sentence: Sentence) -> int | None:
        for k in range(opening + 1, min(sentence.last, opening + MAX_BRACKET_WORDS + 1)):
            if self.words[k].text == ")":
                return k
            if self.words[k].text in CLAUSE_BREAKS:
                return None
        return None

    def _particle_surname(self, j: int, end: int) -> Item | None:
        """A surname with its particles ("von Preen") whose last word names a known person."""
        k = j
        while k < end and self.words[k].lower in self.lexicon.name_particles:
            k += 1
        if k == j or k >= end:
            return None
        named = self._person_named_by(self.words[k])
        if named is None:
            return None
        referent = Referent(named.id, self.words[j].start, self.words[k].end, "name")
        return Item(referent, j, k + 1)

    def _opens_surname(self, j: int, sentence: Sentence) -> bool:
        """Whether word j is a particle of a surname: "von" in "sagte von Preen", "de" in "a
        déclaré de Villepin" (particles, then a capitalised word, in the same sentence)."""
        k = j
        while k < sentence.last and self.words[k].lower in self.lexicon.name_particles:
            k += 1
        return j < k < sentence.last and self.words[k].capitalized and not self.words[k].is_punct

    def before_window(self, verb: int, sentence: Sentence) -> list[int]:
        window: list[int] = []
        j = verb - 1
        while j >= sentence.first and len(window) < MAX_BEFORE_WORDS:
            word = self.words[j]
            if word.text == ",":
                named = self._name_between_commas(j, sentence)
                if named:
                    window.extend(named)  # "the trade minister, Tom Harris, said"
                    break
                opening = self.parenthetical_start(j, sentence)
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
            if word.lower in self.lexicon.relative_pronouns and not self._article_in_phrase(j):
                return self._relative_subject(j, window, sentence)
            window.append(j)
            j -= 1
        return sorted(window)

    def _article_in_phrase(self, j: int) -> bool:
        """Whether a word that is both a relative pronoun and an article (German "der", "die")
        is the article here: a relative clause follows a comma, so "hatte der Sicherheitsberater
        der Regierung gesagt" holds two articles and no relative clause."""
        word = self.words[j]
        if word.lower not in self.lexicon.determiners or j == 0:
            return False
        return not self.words[j - 1].is_punct

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
        if any(self.words[k].lower not in fillers and not self._time_word(k) for k in window):
            return sorted(window)
        antecedent = relative - 1
        if antecedent > sentence.first and self.words[antecedent].text == ",":
            antecedent -= 1
        if antecedent >= sentence.first and self.in_name(antecedent):
            return [antecedent]
        return []

    def _time_word(self, j: int) -> bool:
        """A year, weekday or month, or the preposition or article before one ("der 1933
        sagte", "der am Montag sagte"): time between a relative word and its verb."""
        word = self.words[j]
        if word.text.isdigit() or self.calendar(word.text, False):
            return True
        linking = self.lexicon.prepositions | self.lexicon.determiners
        if word.lower not in linking or j + 1 >= len(self.words):
            return False
        following = self.words[j + 1]
        return following.text.isdigit() or self.calendar(following.text, False)

    def in_name(self, j: int) -> bool:
        word = self.words[j]
        return self.index.mention_over(word.start, word.end) is not None

    def parenthetical_start(self, comma: int, sentence: Sentence) -> int | None:
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
            if k + 1 < comma and all(
                self.words[n].lower in self.lexicon.adverbs for n in range(k + 1, comma)
            ):
                return k  # "Most economists, however, argue": an adverb set off by commas
            if k + 1 < comma and self.words[k + 1].lower in self.lexicon.relative_pronouns:
                fallback = k if fallback is None else fallback
            if k > sentence.first:
                before = self.words[k - 1]
                mention = self.index.mention_over(before.start, before.end)
                if mention is not None and mention.entity.type == "PER":
                    return k
                if mention is not None and fallback is None:
                    fallback = k
                if mention is None and fallback is None and self._unmarked_name_before(k, sentence):
                    fallback = k
        return fallback

    def _unmarked_name_before(self, comma: int, sentence: Sentence) -> bool:
        """Whether capitalised words the entity layer did not mark open the clause right before
        `comma` and a lower-case apposition follows it ("“…,” Will Moy, chief executive of Full
        Fact, told the BBC"): a name whose apposition the comma opens."""
        if comma + 1 >= sentence.last or not self.words[comma + 1].text[:1].islower():
            return False
        k = comma - 1
        while k >= sentence.first and comma - k <= MAX_UNMARKED_NAME_WORDS:
            word = self.words[k]
            if not (word.text[:1].isupper() and word.text.replace("-", "").isalpha()):
                break
            k -= 1
        run = comma - 1 - k
        if run < MIN_UNMARKED_NAME_WORDS or comma - k > MAX_UNMARKED_NAME_WORDS + 1:
            return False
        return k < sentence.first or self.words[k].is_punct

    def _name_between_commas(self, comma: int, sentence: Sentence) -> list[int]:
        """Words of a person's name set off by commas right before `comma` ("X, Clara Vogt,"),
        past a lower-case title before the name ("Formanden for klubben, direktør Mette Olsen,
        afviser"): the name is whom the role before the commas means."""
        for k in range(comma - 1, max(sentence.first, comma - MAX_BRACKET_WORDS) - 1, -1):
            if self.words[k].text == ",":
                first = k + 1
                while first < comma - 1 and self._lower_case_title(first):
                    first += 1
                return list(range(first, comma)) if self._only_a_person(first, comma) else []
        return []

    def _lower_case_title(self, j: int) -> bool:
        """Whether word j is a title written in lower case ("direktør", "professor")."""
        word = self.words[j]
        return word.text.isalpha() and word.text.islower() and self.roles.is_title([word], None)

    def _only_a_person(self, first: int, last: int) -> bool:
        """Whether words [first, last) are one person's name and nothing else."""
        if last <= first:
            return False
        mention = self.index.mention_over(self.words[first].start, self.words[first].end)
        return (
            mention is not None
            and mention.entity.type == "PER"
            and mention.start <= self.words[first].start
            and self.words[last - 1].end <= mention.end
        )

    def items(self, window: Sequence[int], subject: bool) -> list[Item]:
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
                written = self.doc.text[mention.start : mention.end]
                person = self._person_of_genitive(written, mention.entity, last, end)
                if person is not None:
                    items.append(Item(person[0], j, person[1]))
                    j = person[1]
                    continue
                role = self._role_of_genitive(written, mention.entity, j, last, end)
                if role is not None:
                    items.append(role)
                    j = role.last
                    continue
                referent = Referent(mention.entity.id, mention.start, mention.end, "name")
                items.append(Item(referent, j, last))
                j = last
                continue
            if (
                word.lower in pronouns or word.lower in self.lexicon.plural_pronouns
            ) and not self._determiner_here(j, end):
                how: ReferentKind = "pronoun" if word.lower in pronouns else "group"
                entity = self._organisation_speaking(word) if subject else None
                items.append(Item(Referent(entity, word.start, word.end, how), j, j + 1))
                j += 1
                continue
            if subject and word.lower in self.lexicon.organisation_pronouns:
                entity = self._organisation_speaking(word)
                items.append(Item(Referent(entity, word.start, word.end, "group"), j, j + 1))
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
            surname = self._particle_surname(j, end)
            if surname is not None:
                items.append(surname)
                j = surname.last
                continue
            last = self._role_run_end(j, end)
            if last > j:
                complement = self._role_with_complement(j, last, end)
                if complement is not None:
                    items.append(complement)
                    j = complement.last
                    continue
                coordinated = self._coordinated_title_end(j, last, end)
                if coordinated is not None:
                    # "der Publizist und Philosoph Richard David Precht": two titles, one name.
                    items.extend(self._title_and_name(j, coordinated, end))
                    j = items[-1].last if items else coordinated
                    continue
                following = self.words[last] if last < end else None
                if following is not None and self._joins_name(j, last, following):
                    # A title or article before a name ("forsvarssjef Eirik Kristoffersen",
                    # "the Energy Agency") is one phrase with it.
                    items.extend(self._title_and_name(j, last, end))
                    j = items[-1].last if items else last
                    continue
                named = self._person_named_by(following)
                fits = named is not None and self._role_fits_person(self.words[j:last], named)
                if following is not None and named is not None and fits:
                    # "indique la Pr Joly-Gomez": a surname the entity layer did not mark
                    referent = Referent(named.id, following.start, following.end, "name")
                    items.append(Item(referent, j, last + 1))
                    j = last + 1
                    continue
                item = self._role_item(j, last, subject)
                if item is not None:
                    items.append(item)
                j = last
                continue
            j += 1
        return self._join_split_names(items)

    def _determiner_here(self, j: int, end: int) -> bool:
        """Whether a word that is both a pronoun and an article ("de") is the article here:
        a lower-case word that is no verb, pronoun or function word follows it in the phrase
        ("flere av de største rosabloggerne har uttalt")."""
        lexicon = self.lexicon
        word = self.words[j]
        if word.lower not in lexicon.determiners or not word.text.islower() or j + 1 >= end:
            return False  # a capitalised "De" opening a sentence stays the pronoun
        following = self.words[j + 1]
        return (
            following.text.isalpha()
            and following.text.islower()
            and following.lower not in lexicon.function_words
            and lexicon.verb(following.text) is None
            and not lexicon.is_pronoun(following.text)
            and following.pos not in ("VERB", "AUX")
        )

    def _person_of_genitive(
        self, text: str, entity: Entity, last: int, end: int
    ) -> tuple[Referent, int] | None:
        """ "Norges stjernespiller Ketil Kronberg", "Russia's foreign minister Sergei Lavrov": a
        place or organisation in the genitive, a role and a person's name are the person. The
        role is lower case, or a title written with capitals ("France's Foreign Minister Jean
        Dupont", "Frankreichs Außenminister Jean Dupont")."""
        if entity.type == "PER" or not text.endswith(GENITIVE_ENDINGS):
            return None
        k = last
        while k < end and k - last < 3 and self.words[k].text.isalpha():
            word = self.words[k]
            if self.lexicon.verb(word.text) or self.index.mention_over(word.start, word.end):
                break
            k += 1
        if k == last or k >= end:
            return None
        role = self.words[last:k]
        if not all(w.text.islower() for w in role) and not self.roles.is_title(role, None):
            return None
        person = self.index.mention_over(self.words[k].start, self.words[k].end)
        if person is None or person.entity.type != "PER":
            return None
        stop = k
        while stop < end and self.words[stop].start < person.end:
            stop += 1
        return Referent(person.entity.id, person.start, person.end, "name"), stop

    def _role_of_genitive(
        self, text: str, entity: Entity, first: int, last: int, end: int
    ) -> Item | None:
        """ "sagde Serbiens udenrigsminister" with no name after: a country in the genitive and
        a title are a role of that country (the person holding it, or a described speaker), not
        the country itself; likewise an organisation's ("sier Venstres førstekandidat i
        Trondheim, Jon Gunnes": the name after the comma is the speaker)."""
        if entity.type not in ("GPE", "LOC", "ORG") or not text.endswith(GENITIVE_ENDINGS):
            return None
        stop = self._role_run_end(last, end)
        role = self.words[last:stop]
        # An organisation's role need not be a listed title ("Venstres førstekandidat").
        lower = entity.type == "ORG" and all(w.text.isalpha() and w.text.islower() for w in role)
        if stop == last or not (lower or self.roles.is_title(role, None)):
            return None
        if stop < end and self.words[stop].capitalized:
            return None  # a name follows: "_person_of_genitive" reads it
        start, finish = self.words[first].start, self.words[stop - 1].end
        entity_id = self.roles.resolve(self.words[first:stop], start, self.salience.order)
        return Item(Referent(entity_id, start, finish, "role"), first, stop)

    def _organisation_speaking(self, word: Word) -> str | None:
        """The organisation an "it"/"they" speaker means: the organisation that is the subject of
        this or the previous sentence, with no person as subject in between."""
        if word.lower not in self.lexicon.organisation_pronouns:
            return None
        return self.salience.organisation_before(word.start)

    def _join_split_names(self, items: list[Item]) -> list[Item]:
        """One person's name the entity layer split in two ("Pavlo" + "Klimkin") is one phrase;
        it names the person among them with the most mentions (the surname usually)."""
        joined: list[Item] = []
        for item in items:
            previous = joined[-1] if joined else None
            people = [self._as_person(previous), self._as_person(item)] if previous else []
            if previous is not None and previous.last == item.first and all(people):
                best = max((p for p in people if p is not None), key=self._weight)
                start, end = previous.referent.start, item.referent.end
                joined[-1] = Item(Referent(best.id, start, end, "name"), previous.first, item.last)
                continue
            joined.append(item)
        return joined

    def _as_person(self, item: Item) -> Entity | None:
        """The person a name item names: its entity, or the person its last word names when the
        entity layer typed that word otherwise ("Klimkin" as an organisation beside "Pavlo")."""
        if item.referent.how != "name":
            return None
        entity = self.index.get(item.referent.entity)
        if entity is not None and entity.type == "PER":
            return entity
        person = self.index.by_name_word(self.words[item.last - 1])
        return person if person is not None and person.type == "PER" else None

    @staticmethod
    def _weight(entity: Entity) -> tuple[bool, int]:
        return entity.type == "PER", len(entity.mentions)

    def _joins_name(self, first: int, last: int, following: Word) -> bool:
        """Whether words before a name belong to it: articles, or a title before a person."""
        mention = self.index.mention_over(following.start, following.end)
        if mention is None:
            return False
        words = self.words[first:last]
        articles = self.lexicon.determiners | self.lexicon.possessives
        if all(w.lower in articles for w in words):
            return True
        if mention.entity.type != "PER":
            return False
        return self._role_fits_person(words, mention.entity)

    def _person_named_by(self, word: Word | None) -> Entity | None:
        """The person a lone name word names ("Joly-Gomez" of "Francisca Joly-Gomez")."""
        named = self.index.by_name_word(word) if word is not None else None
        return named if named is not None and named.type == "PER" else None

    def _role_with_complement(self, first: int, last: int, end: int) -> Item | None:
        """A title or relation noun and the one it belongs to ("der Sicherheitsberater der
        südkoreanischen Regierung", "le porte-parole du ministère", "un proche d'Edouard
        Philippe"): one phrase naming someone of that body or close to that person, never the
        body or the person itself. Its speaker is a person who holds the title in the text, or
        no one (a described speaker). A name right after the complement is the titled person's
        own ("le président de la République Emmanuel Macron"): left to the other readings."""
        lexicon = self.lexicon
        links = lexicon.source_links
        role_end = last - 1 if self.words[last - 1].lower in links else last
        link = role_end
        if role_end <= first or link >= end or self.words[link].lower not in links:
            return None
        role = self.words[first:role_end]
        content = [w for w in role if w.lower not in lexicon.determiners | lexicon.possessives]
        if not content:
            return None
        relation = any(w.lower in lexicon.relation_nouns for w in content)
        if not relation and not self.roles.is_title(content, None):
            return None
        k = link + 1 if self.index.mention_over(*self._span(link)) is None else link
        while k < end and k - link <= 3 and self.index.mention_over(*self._span(k)) is None:
            if self.words[k].is_punct or (self.words[k].capitalized and k > link + 1):
                return None
            k += 1
        if k >= end:
            return None
        mention = self.index.mention_over(*self._span(k))
        if mention is None:
            return None
        stop = k
        while stop < end and self.words[stop].start < mention.end:
            stop += 1
        # "so der Geschäftsführer der DGB-Region Mittelhessen, Matthias Körner": a name set off
        # by a comma after the complement is the titled person's own, as one right after it is.
        named_at = stop + 1 if stop < end and self.words[stop].text == "," else stop
        after = self.index.mention_over(*self._span(named_at)) if named_at < end else None
        if after is not None and after.entity.type == "PER":
            return None
        start, finish = self.words[first].start, self.words[stop - 1].end
        entity = None
        if not relation:
            found = self.roles.resolve(role, start, self.salience.order)
            person = self.index.get(found)
            entity = found if person is not None and person.type == "PER" else None
        return Item(Referent(entity, start, finish, "role"), first, stop)

    def _span(self, j: int) -> tuple[int, int]:
        return self.words[j].start, self.words[j].end

    def _coordinated_title_end(self, first: int, last: int, end: int) -> int | None:
        """Where the titles of "der Publizist und Philosoph Richard David Precht" end: two role
        runs joined by a coordinator, right before a person's name that both fit."""
        if last + 1 >= end or self.words[last].lower not in self.lexicon.coordinators:
            return None
        second = self._role_run_end(last + 1, end)
        if second <= last + 1 or second >= end:
            return None
        mention = self.index.mention_over(*self._span(second))
        if mention is None or mention.entity.type != "PER":
            return None
        if second - (last + 1) > MAX_COORDINATED_TITLE or last - first > MAX_COORDINATED_TITLE + 1:
            return None
        return second

    def _role_fits_person(self, words: Sequence[Word], person: Entity) -> bool:
        """Whether words before a person's name are the name's title or apposition."""
        if words and words[-1].lower in self.lexicon.source_links:
            return False  # "un proche d'X", "a friend of X": someone related to X, not X
        articles = self.lexicon.determiners | self.lexicon.possessives
        if all(w.lower in articles for w in words):
            return True
        if self.roles.is_title(words, person):
            return True
        content = [w for w in words if w.lower not in articles]
        if content and all(len(w.text) <= 3 and w.capitalized for w in content):
            return True  # an abbreviated title: "la Pr", "Dr", "Mme"
        # A descriptive role before a name ("veteran industry analyst Ken Doctor"): lower-case
        # words, no pronoun or verb among them, count as the name's apposition.
        # An age ("den 25-årige Bettina Jørgensen") counts among them.
        # An elided article counts as an article ("explique l'économiste Claire Martin").
        lower = all(w.text.islower() and w.text[-1:].isalpha() for w in content)
        if content and lower and len(words) <= 4:
            return True
        return self._capitalised_apposition(content)

    def _capitalised_apposition(self, content: Sequence[Word]) -> bool:
        """Where nouns are capitalised, a role noun with its lower-case adjectives right before a
        name is its apposition ("der Vereinsvorsitzende David Bendels", "Kabarettist Torsten
        Sträter", "ATU-Organisator Gutierrez"): one to three words ending in a capitalised noun,
        none a pronoun, a verb or a function word."""
        if not self.nouns_capitalised or not content or len(content) > MAX_APPOSITION_WORDS:
            return False
        lexicon = self.lexicon
        function = lexicon.prepositions | lexicon.coordinators | lexicon.complementizers
        for w in content:
            if w.is_punct or w.lower in function or w.lower in lexicon.adverbs:
                return False
            if lexicon.verb(w.text) is not None or lexicon.is_pronoun(w.text):
                return False
            if not (w.capitalized or w.text.islower()):
                return False
        return content[-1].capitalized

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
            if last == j and word.lower in lexicon.determiners and not word.is_punct:
                last += 1  # "sagt der Sprecher": German "der" is a relative pronoun too
                continue
            if word.is_punct or word.lower in stops:
                break
            if word.pos in NOT_PHRASE and not self._tagged_title(word):
                break
            if lexicon.verb(word.text) or lexicon.is_pronoun(word.text):
                break
            if self.index.mention_over(word.start, word.end) is not None:
                break
            if last > j and self.index.by_name_word(word) is not None:
                break  # "la Pr Joly-Gomez": a known name ends the role
            if self.calendar(word.text, False):
                break  # "précise l'OFAG jeudi", "hatte … am Sonntag gesagt": a time, not a role
            if self._after_capitalised_noun(j, last):
                break  # "so der Major-Sieger rückblickend": the noun ends its phrase
            last += 1
        return last

    def _tagged_title(self, word: Word) -> bool:
        """Whether a word the tagger took for a function word or verb is a title abbreviation
        before a person's name ("enligt dr Ekberg", "laut Dr. Weber"): short, letters only, and a
        person's name right after it."""
        letters = word.text.rstrip(".")
        if not letters.isalpha() or len(letters) > MAX_TITLE_ABBREVIATION:
            return False
        if word.index + 1 >= len(self.words):
            return False
        following = self.words[word.index + 1]
        mention = self.index.mention_over(following.start, following.end)
        return mention is not None and mention.entity.type == "PER"

    def _adverb_like(self, j: int) -> bool:
        """Whether word j reads as an adverb of the clause: lower case, no function word, no
        speech verb."""
        word = self.words[j]
        lexicon = self.lexicon
        function = lexicon.determiners | lexicon.possessives | lexicon.complementizers
        return (
            word.text.isalpha()
            and word.text.islower()
            and word.lower not in function
            and word.lower not in lexicon.coordinators
            and lexicon.verb(word.text) is None
            and not lexicon.is_pronoun(word.text)
        )

    def _after_capitalised_noun(self, j: int, last: int) -> bool:
        """Where nouns are capitalised, whether word `last` is a lower-case word right after the
        role's noun (an adverb or adjective of the clause, no longer the role)."""
        if not self.nouns_capitalised or last == j or not self.words[last].text.islower():
            return False
        previous = self.words[last - 1]
        if not previous.capitalized:
            return False
        return last - 1 > j or previous.lower not in self.lexicon.determiners

    def _names_the_last_speaker(self, words: Sequence[Word], last: int) -> bool:
        """Whether a role phrase no entity holds is a short definite noun phrase ending its
        clause ("», sagt der Virologe.", "», a ajouté la gastro-entérologue.", "siger
        direktøren."): such a phrase
        names again someone just quoted; an indefinite one ("un porte-parole") or one with a
        complement ("le porte-parole du ministère") brings in someone new."""
        lexicon = self.lexicon
        first = words[0].lower
        # "siger direktøren", "säger chefen": one title made definite by its ending.
        suffixed = (
            len(words) == 1
            and not words[0].capitalized
            and any(first.endswith(s) and len(s) > 1 for s in lexicon.definite_suffixes)
            and self.roles.is_title(words, None)
        )
        if not suffixed and (
            first not in lexicon.determiners or first in lexicon.indefinite_determiners
        ):
            return False
        # A capitalised word before the head is a name ("the Reuters reporter"), except where
        # every noun is capitalised ("der 15-malige Major-Sieger").
        if len(words) > 3 or any(
            w.capitalized and w.lower not in lexicon.determiners and not self.nouns_capitalised
            for w in words[:-1]
        ):
            return False
        if last >= len(self.words) or self.words[last].is_punct:
            return True
        if self.words[last].lower in lexicon.prepositions:
            return True  # "gibt der Virologe zu bedenken", "sagt die Ärztin im Interview"
        if self._after_capitalised_noun(words[0].index, last) and self._adverb_like(last):
            return True  # "so der Major-Sieger rückblickend": an adverb, not a complement
        # "Enfin, la professionnelle rappelle que …": the role opens its clause before the verb.
        at = words[0].index
        opens = at == 0 or self.words[at - 1].is_punct
        return opens and lexicon.verb(self.words[last].text) is not None

    def _names_someone_quoted(self, head: Word) -> bool:
        """Whether a role noun may name the person quoted last: not a noun for someone the text
        keeps unnamed ("the insider added", "sier kilden"), a plural ("the authors wrote") nor
        an organisation noun ("The company confirmed"), which names no one person."""
        bases = self.lexicon.noun_bases(head.text)
        if self.lexicon.anonymous_nouns.intersection(bases) or self.lexicon.is_plural(head.text):
            return False
        names = load_lexicon(self.index.article.lang)
        return not any(names.is_name_head(base) for base in bases)

    def _role_item(self, first: int, last: int, subject: bool = True) -> Item | None:
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
        if (
            subject
            and self._names_someone_quoted(head)
            and self._names_the_last_speaker(words, last)
        ):
            entity = self.salience.recent_speaker(start)
            if entity is None and words[0].lower not in self.lexicon.neuter_determiners:
                entity = self.salience.recent_person(start) or self.salience.sole_person(start)
            if entity is not None:
                return Item(Referent(entity, start, end, "role"), first, last)
        # A title opening its sentence is capitalised for that alone ("Chefen for hæren siger").
        opening = head.index == 0 or self.words[head.index - 1].is_punct
        if definite or head.pos == "NOUN" or (opening and self.roles.is_title(content, None)):
            return Item(Referent(None, start, end, "role"), first, last)
        if subject and opening and head.pos == "PROPN" and not self.nouns_capitalised:
            # "Bankfolk siger, at …": a noun opening the sentence is capitalised for that
            # alone and taggers take it for a name; no entity holds it, so it describes the
            # speaker (a name the entity layer missed describes them too).
            return Item(Referent(None, start, end, "name"), first, last)
        if head.capitalized and head.index > 0 and not self.words[head.index - 1].is_punct:
            return Item(Referent(None, start, end, "name"), first, last)
        return None
