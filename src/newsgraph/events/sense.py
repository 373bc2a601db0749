"""Trigger sense: is the trigger word used for an act between actors, and is the page about
public affairs at all?

Grounding (newsgraph.events.grounding) asks whether a political actor takes part. That is not
enough on general news: "the data supported the finding", "a company canceled the task order",
"NASA released a statement", "a poll drop offers expectations" have a political-looking word and
sometimes a government agency nearby, but no political act. Three tests, all driven by word lists
in resources/<lang>/events.toml:

* **Subject sense.** Where the parse gives the trigger verb a subject, that subject must be able to
  act: a name (an actor mention, a proper noun), a pronoun, or a common noun naming people or
  bodies (`political_nouns`, `actor_nouns`). A thing or abstract noun as subject ("data", "the
  company", "stocks", "demand") means the word is not used in its political sense. Categories
  whose subject is often an instrument ("a bomb killed …", ASSAULT) or the event itself are
  exempt (`subject_exempt_categories` in resources/common/grounding.toml).
* **Object sense.** A rule may list the object nouns its sense needs (`objects`, e.g. a release of
  prisoners, not of a statement). When the parse gives the trigger verb a direct object (or the
  passive subject) that is a common noun, it must be one of them, a person or political noun, or
  part of an actor mention.
* **Modifiers.** A trigger noun that only qualifies another noun ("detention center", "arrest
  warrant", "attack helicopters") names a kind of thing (not in `modifier_exempt_categories`,
  where "aid package" or "sanctions regime" still report the act).
* **Page topic.** An article whose sentences speak of sport, entertainment, business, science,
  health or reviews and leisure (`culture`) more often than of public affairs (`page_topics` cue lists against `political_nouns`)
  yields only events with a political noun in the sentence (newsgraph.events.coder).

* **Surroundings and parties.** A meeting, attack, threat or withdrawal in a sentence next to one
  about sport is a match unless a political noun is named (`sport_context_categories`); a state
  of emergency or an investigation in a sentence naming a natural disaster or an accident is the
  authorities' response to it (`[cues].disasters`); an animal as the trigger verb's subject or
  object (`[cues].animals`), or firms, museums, universities and sports bodies as the only named
  parties (`[cues].nonpolitical_orgs`), make no political event; an attack on a policy, a record
  or a statement (`[cues].criticism_objects`) is criticism (ACCUSE).

A sentence without a parse passes the first two tests (nothing to check); the page test needs no
parse.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from newsgraph.events.actors import ActorMention
from newsgraph.events.lexicon import Lexicon, TriggerRule
from newsgraph.events.modals import demand_modal, modal_verb
from newsgraph.events.words import SentenceView, Word
from newsgraph.resources import COMMON, load_resource

SUBJECT_DEPS = ("nsubj",)
PASSIVE_SUBJECT_DEPS = ("nsubj:pass",)
OBJECT_DEPS = ("obj",)
# Words that say who a common-noun subject is ("the party's newspaper", "Russian officials").
PHRASE_DEPS = ("compound", "amod", "nmod", "nmod:poss", "flat", "appos")
# Parts of speech that can stand for an actor by themselves.
ACTOR_POS = ("PROPN", "PRON", "NUM", "X", "SYM", "")
# How many "|" make a sentence a line of links or headlines.
LINK_SEPARATORS = 2
# Parts of speech that put the next word inside a noun phrase.
NOUN_PHRASE_POS = ("DET", "NOUN", "ADJ", "PROPN", "NUM")
# How many words after an attack word its object may reach ("attacked the president's record").
CRITICISM_REACH = 5
# Words that end the stretch read after an attack word ("attacked the town, a statement said").
STRETCH_ENDS = (",", ";", ":", ".", "–", "—", "-", '"', "«", "»", "“", "”")


@dataclass(frozen=True)
class SenseSettings:
    """Language-neutral settings of the sense tests (resources/common/grounding.toml [sense])."""

    subject_exempt: frozenset[str]
    modifier_exempt: frozenset[str]
    stance: frozenset[str]
    page_min_sentences: int
    page_ratio: float
    page_sections: frozenset[str] = frozenset()
    sport_context: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def load_sense_settings() -> SenseSettings:
    """resources/common/grounding.toml [sense], read once."""
    data = load_resource(COMMON, "grounding").get("sense", {})
    return SenseSettings(
        subject_exempt=frozenset(str(c).upper() for c in data.get("subject_exempt_categories", [])),
        modifier_exempt=frozenset(
            str(c).upper() for c in data.get("modifier_exempt_categories", [])
        ),
        stance=frozenset(str(c).upper() for c in data.get("stance_categories", [])),
        page_min_sentences=int(data.get("page_min_sentences", 3)),
        page_ratio=float(data.get("page_ratio", 1.0)),
        page_sections=frozenset(str(s).casefold() for s in data.get("page_sections", [])),
        sport_context=frozenset(str(c).upper() for c in data.get("sport_context_categories", [])),
    )


def _name_like(word: Word) -> bool:
    """A capitalised word inside the sentence, or an acronym, is a name the tagger missed ("The
    PRC demanded …")."""
    text = word.text
    return text[:1].isupper() and (word.index > 0 or (len(text) > 1 and text.isupper()))


def _object_by_order(view: SentenceView, verb: Word) -> list[Word]:
    """The noun right after a verb, past determiners and adjectives, where the parse gives it no
    object ("fikk også møte WHOs generaldirektør": the parse hangs the noun on "fikk"); none
    where a preposition or anything else comes first ("møte til spørretime")."""
    for word in view.words[verb.index + 1 :]:
        if word.pos in ("NOUN", "PROPN"):
            return [word]
        if word.pos not in ("DET", "ADJ", "NUM"):
            return []
    return []


def _covered(mentions: Iterable[ActorMention]) -> set[int]:
    return {i for m in mentions for i in range(m.first, m.last + 1)}


class Sense:
    """The sense tests of one language."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.settings = load_sense_settings()

    def _names_actor(
        self, view: SentenceView, word: Word, mentions: set[int], documents: bool = False
    ) -> bool:
        """Whether a noun phrase headed by `word` names someone who can act (with `documents`,
        also a statement, law or decision that acts for someone)."""
        if word.index in mentions or word.pos in ACTOR_POS or _name_like(word):
            return True
        words = [word, *view.dependents(word.index, PHRASE_DEPS)]
        if any(w.index in mentions or w.pos == "PROPN" for w in words):
            return True
        names = ["political_nouns", "actor_nouns", *(["acting_documents"] if documents else [])]
        cues = [self.lexicon.cue(name) for name in names]
        return any(
            cue.matches_word(w) or bool(cue.starts_at(view.words, w.index))
            for cue in cues
            for w in words
        )

    def subject_acts(
        self, view: SentenceView, anchor: int, category: str, mentions: list[ActorMention]
    ) -> bool:
        """False when the trigger verb's subject is a thing or an abstraction ("data supported",
        "the company canceled", "stocks retreated")."""
        if not view.has_deps or category.upper() in self.settings.subject_exempt:
            return True
        if demand_modal(view, self.lexicon, anchor):
            # A modal's subject hangs on the verb it governs ("the law must protect …").
            anchor = modal_verb(view, anchor).index
        word = view.words[anchor]
        if word.pos not in ("VERB", "AUX"):
            return True
        time_nouns = self.lexicon.cue("time_nouns")
        subjects = [
            s
            for s in self._own_subjects(view, word)
            if s.pos == "NOUN" and not time_nouns.matches_word(s)
        ]
        covered = _covered(mentions)
        return not subjects or any(self._names_actor(view, s, covered, True) for s in subjects)

    def _own_subjects(self, view: SentenceView, word: Word) -> list[Word]:
        """The verb's subjects; in a relative clause a relative pronoun stands for the noun the
        clause describes ("a topic that demands tact": the topic demands)."""
        subjects = view.dependents(word.index, SUBJECT_DEPS)
        if word.dep != "acl:relcl" or word.head is None:
            return subjects
        relative = [self.lexicon.cue("relativizers"), self.lexicon.cue("complementizers")]
        head = view.words[word.head]
        return [head if any(c.matches_word(s) for c in relative) else s for s in subjects]

    def object_fits(
        self, view: SentenceView, anchor: int, rule: TriggerRule, mentions: list[ActorMention]
    ) -> bool:
        """False when the rule names the objects its sense needs and the trigger verb's object is
        another common noun ("released a statement", "offered an explanation")."""
        if not view.has_deps or not rule.objects.patterns:
            return True
        word = view.words[anchor]
        if word.pos not in ("VERB", "AUX"):
            return True
        passive = bool(view.dependents(anchor, ("aux:pass",)))
        deps = OBJECT_DEPS + (PASSIVE_SUBJECT_DEPS if passive else ())
        found = self._relative_object(view, word, view.dependents(anchor, deps), passive)
        if rule.needs_object and not found:
            found = _object_by_order(view, word)
        if rule.needs_object and not found:
            return False
        objects = [w for w in found if w.pos == "NOUN"]
        covered = _covered(mentions)
        for noun in objects:
            phrase = [noun, *view.dependents(noun.index, ("compound", "amod"))]
            if self._names_actor(view, noun, covered):
                continue
            if any(rule.objects.matches_word(w) for w in phrase):
                continue
            return False
        return True

    def _relative_object(
        self, view: SentenceView, word: Word, found: list[Word], passive: bool
    ) -> list[Word]:
        """In a relative clause the object is the noun the clause describes: "the rewards (which)
        NASA has returned to us" returns rewards. A relative pronoun as object, or no object at
        all after a subject of its own, stands for that noun."""
        if word.dep != "acl:relcl" or word.head is None or passive:
            return found
        head = view.words[word.head]
        relative = [self.lexicon.cue("relativizers"), self.lexicon.cue("complementizers")]
        pronouns = [w for w in found if any(cue.matches_word(w) for cue in relative)]
        if pronouns:
            return [head if w in pronouns else w for w in found]
        subjects = view.dependents(word.index, SUBJECT_DEPS)
        own_subject = any(not any(cue.matches_word(s) for cue in relative) for s in subjects)
        return [head] if not found and own_subject else found

    def adverbial(self, view: SentenceView, words: tuple[int, ...]) -> bool:
        """A one-word trigger used as an adverb says how something is done, not that an act took
        place ("Kina satser offensivt på utdanning", "reacted aggressively")."""
        if not view.has_deps or len(words) != 1:
            return False
        word = view.words[words[0]]
        before = view.words[word.index - 1] if word.index else None
        if before is not None and before.pos in NOUN_PHRASE_POS:
            # Inside a noun phrase the tag is a slip of the tagger ("the union-organized rally").
            return False
        return word.pos == "ADV" or (word.pos == "ADJ" and word.dep == "advmod")

    def impersonal(
        self,
        view: SentenceView,
        anchor: int,
        category: str,
        mentions: Iterable[ActorMention] = (),
    ) -> bool:
        """An active trigger verb whose only subject is an expletive or impersonal pronoun
        (`[cues].impersonal_subjects`) says what something requires or implies, not what an actor
        does ("Det krever imidlertid at …" = it requires). Without a parse, a verb of requiring
        (`[cues].requirement_verbs`) whose clause opens with a thing as its subject says the same
        (`_thing_requires`)."""
        if category.upper() in self.settings.subject_exempt:
            return False
        if not view.has_deps:
            return self._thing_requires(view, anchor, _covered(mentions))
        word = view.words[anchor]
        if word.pos not in ("VERB", "AUX"):
            return False
        children = [w for w in view.words if w.head == anchor and w.index != anchor]
        if any(w.dep in ("aux:pass", "nsubj:pass") for w in children):
            return False
        impersonal = self.lexicon.cue("impersonal_subjects")
        subjects = [w for w in children if w.dep in ("nsubj", "expl")]
        return bool(subjects) and all(
            w.pos == "PRON" and (w.dep == "expl" or impersonal.matches_word(w)) for w in subjects
        )

    def _thing_requires(self, view: SentenceView, anchor: int, named: set[int]) -> bool:
        """Without a parse: "kræver"/"kräver"/"krever" (`[cues].requirement_verbs`) after the
        phrase that opens its clause, when that phrase is an impersonal pronoun ("Det kræver
        …"), a relative pronoun after a thing ("en opgave, der kræver tålmodighed") or a common
        noun with at most two words before it that names no one ("Projektet kræver mange penge",
        "Det nya bygget kräver …"): the thing requires or costs, nobody demands. A name, a
        pronoun of persons, a noun of people or political bodies ("Regeringen kræver …",
        "Facket kräver …"), a time word or a preposition ("I dag kræver …") keeps the demand."""
        words = view.words
        if anchor == 0 or not self.lexicon.cue("requirement_verbs").matches_word(words[anchor]):
            return False
        start = anchor
        while start > 0 and words[start - 1].text[:1].isalnum():
            start -= 1
        phrase = words[start:anchor]
        if not phrase or len(phrase) > 3:
            return False
        if any(w.index in named for w in phrase):
            return False
        actors = [
            self.lexicon.cue(name)
            for name in (
                "political_nouns",
                "actor_nouns",
                "national_institutions",
                "pronouns",
                "speaker_pronouns",
                "writer_pronouns",
                "generic_subjects",
                "time_nouns",
            )
        ]
        if any(cue.matches_word(w) for cue in actors for w in phrase):
            return False
        if any(
            preposition.matches_word(phrase[0])
            for preposition in self.lexicon.prepositions.values()
        ):
            return False
        head = phrase[-1]
        relative = self.lexicon.cue("relativizers").matches_word(head)
        if relative:
            # "en opgave, der kræver …": the noun before the comma is what requires.
            before = [w for w in words[max(0, start - 3) : start] if w.text[:1].isalnum()]
            return (
                bool(before)
                and before[-1].index not in named
                and not any(cue.matches_word(before[-1]) for cue in actors)
            )
        if self.lexicon.cue("impersonal_subjects").matches_word(head):
            return len(phrase) == 1
        # A capital inside the sentence is a name the tagger missed.
        return all(w.text[:1].islower() or w.index == 0 for w in phrase)

    def danger_noun(self, view: SentenceView, match_words: tuple[int, ...]) -> bool:
        """A threat named as a noun is a danger ("the Taliban threat", "challenges and threats",
        "terrortrusselen"; `[cues].danger_nouns`) unless someone issues or receives it (its verb
        is one of `[cues].issuing_verbs`: "issued a threat", "fremsatte trusler") or it says what
        is threatened ("a threat to strike", not "a threat to its economy")."""
        if not view.has_deps or len(match_words) != 1:
            return False
        word = view.words[match_words[0]]
        if not self.lexicon.cue("danger_nouns").matches_word(word):
            return False
        after = view.words[word.index + 1] if word.index + 1 < len(view.words) else None
        # "a threat to strike" says what is threatened; "a threat to its economy" (a preposition,
        # where the tagger tells the two apart) names what is in danger.
        if (
            after is not None
            and self.lexicon.cue("infinitive").matches_word(after)
            and after.pos != "ADP"
        ):
            return False
        head = view.words[word.head] if word.head is not None else None
        return head is None or not self.lexicon.cue("issuing_verbs").matches_word(head)

    def writer_opinion(self, view: SentenceView, anchor: int) -> bool:
        """A trigger below a verb of opinion whose subject is the writer ("mener vi det er grunn
        til å rette kritikk mot …", "we think the minister should be attacked"), or in a sentence
        marked as comment (`[cues].opinion_markers`: "in my opinion", "etter min mening"), is the
        newspaper's or blogger's comment, not a report of an act; so is the writer's own doing, a
        trigger verb (or the verb of a trigger noun) whose subject is a first-person pronoun
        (`[cues].speaker_pronouns`: "vi møter forfatteren", "I visited Canada"). Outside
        quotations only."""
        if self.lexicon.cue("opinion_markers").any_span(view.words):
            return True
        if not view.has_deps:
            return False
        if self._writer_subject(view, anchor):
            return True
        opinion, writer = self.lexicon.cue("opinion_verbs"), self.lexicon.cue("writer_pronouns")
        seen: set[int] = set()
        index: int | None = anchor
        while index is not None and index not in seen:
            seen.add(index)
            word = view.words[index]
            if opinion.matches_word(word) and any(
                writer.matches_word(w) for w in view.dependents(index, SUBJECT_DEPS)
            ):
                return True
            index = word.head
        return False

    def _writer_subject(self, view: SentenceView, anchor: int) -> bool:
        """The trigger verb, or the verb a trigger noun hangs on, has a first-person subject."""
        word = view.words[anchor]
        verb = word
        if word.pos not in ("VERB", "AUX") and word.head is not None:
            verb = view.words[word.head]
            if verb.pos not in ("VERB", "AUX"):
                return False
        first_person = self.lexicon.cue("speaker_pronouns")
        return any(
            w.pos == "PRON" and first_person.matches_word(w)
            for w in view.dependents(verb.index, SUBJECT_DEPS)
        )

    def link_line(self, view: SentenceView) -> bool:
        """A line of links or headlines: two or more "|" separators ("Nyheter | Sport | …"), or
        an opening such as "Read more:" / "Les også:" (`[cues].link_lines`)."""
        words = view.words
        if sum(w.text == "|" for w in words) >= LINK_SEPARATORS:
            return True
        return bool(words) and self.lexicon.cue("link_lines").starts_at(words, 0) is not None

    def verbal_attack(self, view: SentenceView, match_words: tuple[int, ...]) -> bool:
        """An attack word followed by where it took place, an interview, a speech, a debate or
        social media (`[cues].verbal_media` after the trigger, `[cues].attack_words`), is
        criticism: "Halvorsen angriper de intolerante i et intervju", "attacked the minister in
        an op-ed"."""
        if len(match_words) != 1:
            return False
        word = view.words[match_words[0]]
        if not self.lexicon.cue("attack_words").matches_word(word):
            return False
        return bool(self.lexicon.cue("verbal_media").spans(view.words, match_words[0] + 1))

    def criticism_attack(self, view: SentenceView, match_words: tuple[int, ...]) -> bool:
        """An attack word whose object is a policy, a record, a statement or a decision
        (`[cues].criticism_objects` within a few words after it, before any comma) is criticism:
        "attacked the president's record on trade", "angrep regjeringens politikk", "griff die
        Politik … an" (the words of a trigger of several words are passed over)."""
        words = view.words
        first, last = match_words[0], match_words[-1]
        if not self.lexicon.cue("attack_words").spans(words, first, last + 1):
            return False
        objects = self.lexicon.cue("criticism_objects")
        after = [w for w in words[first + 1 :] if w.index not in match_words]
        for word in after[:CRITICISM_REACH]:
            if word.text in STRETCH_ENDS:
                return False
            if objects.matches_word(word):
                return True
        return False

    def sport_context(self, views: list[SentenceView]) -> list[bool]:
        """For each sentence: whether the sentence before or after it speaks of sport
        (`[cues].sport`). A meeting, an attack or a threat between countries or clubs there is
        most likely a match ("Norge møter Montenegro fredag", "Sverige mötte Finland")."""
        sport = self.lexicon.cue("sport")
        if not sport.patterns:
            return [False] * len(views)
        # `any_span` is `bool(spans)`, and remembers the sentences `Grounding.off_topic` asked.
        flags = [sport.any_span(view.words) for view in views]
        last = len(views) - 1
        return [
            (index > 0 and flags[index - 1]) or (index < last and flags[index + 1])
            for index in range(len(views))
        ]

    def sport_sentence(self, view: SentenceView) -> bool:
        """Whether the sentence holds a word that speaks of a match or a film only in some of its
        senses (`[cues].sport_senses`: "the match", "goal", "league", "premiere", "kampen",
        "målet"): too common in politics to drop the sentence as `[cues].sport` does, but enough
        to read an attack, a threat or a meeting there as play or fiction when no political noun
        is named ("Norway attacked in the second half", "Brasil truet målet")."""
        return self.lexicon.cue("sport_senses").any_span(view.words)

    def sport_vetoes(self, category: str) -> bool:
        """Whether a sentence next to sport talk codes no event of this category unless it names
        a political noun (`sport_context_categories` of resources/common/grounding.toml)."""
        return category.upper() in self.settings.sport_context

    def disaster_response(self, view: SentenceView, match_words: tuple[int, ...]) -> bool:
        """A state of emergency or an investigation in a sentence about a natural disaster or an
        accident (`[cues].disasters`) is the authorities' response to it, not a political act
        against anyone: "governors declared a state of emergency ahead of the hurricane",
        "safety boards opened an investigation into the crash". The trigger must hold a word of
        `[cues].emergency_words` or `[cues].inquiry_words`."""
        words = view.words
        responses = [self.lexicon.cue("emergency_words"), self.lexicon.cue("inquiry_words")]
        if not any(cue.matches_word(words[i]) for cue in responses for i in match_words):
            return False
        return bool(self.lexicon.cue("disasters").spans(words))

    def animal_party(self, view: SentenceView, anchor: int) -> bool:
        """Whether the trigger verb's subject or object is an animal (`[cues].animals`): "a bat
        attacked the nominee", "the tribe welcomed a herd of buffalo" report no political act."""
        if not view.has_deps:
            return False
        word = view.words[anchor]
        if word.pos not in ("VERB", "AUX"):
            return False
        animals = self.lexicon.cue("animals")
        parties = view.dependents(anchor, SUBJECT_DEPS + OBJECT_DEPS + PASSIVE_SUBJECT_DEPS)
        for party in parties:
            phrase = [party, *view.dependents(party.index, ("nmod", "compound"))]
            if party.pos == "NOUN" and any(animals.matches_word(w) for w in phrase):
                return True
        return False

    def nonpolitical_parties(self, view: SentenceView, mentions: list[ActorMention]) -> bool:
        """Whether every named party of an event is a firm, a museum, a university, a learned
        society or a sports body: a mention whose words hold one of `[cues].nonpolitical_orgs`
        ("the Natural History Museum", "Nintendo Co.", "the Royal Society", "the IOC"), and none
        of `[cues].political_orgs`; a place that is no state is no party. Such bodies sponsor,
        host, promise and meet, but not as parties to political events."""
        parties = [m for m in mentions if m.state or not m.is_place]
        if not parties:
            return False
        nonpolitical = self.lexicon.cue("nonpolitical_orgs")
        political = self.lexicon.cue("political_orgs")
        for mention in parties:
            words = view.words[mention.first : mention.last + 1]
            if mention.state or political.spans(words) or not nonpolitical.spans(words):
                return False
        return True

    def modifier_only(self, view: SentenceView, words: tuple[int, ...], category: str) -> bool:
        """A one-word trigger noun that only qualifies another noun ("a detention center", "an
        arrest warrant", "attack helicopters") names a kind of thing, not an event; not when that
        noun is an event word itself ("a bomb attack")."""
        if not view.has_deps or len(words) != 1:
            return False
        if category.upper() in self.settings.modifier_exempt:
            return False
        word = view.words[words[0]]
        if word.pos != "NOUN" or word.dep != "compound" or word.head is None:
            return False
        if not word.index < word.head <= word.index + 2:
            return False
        head = view.words[word.head]
        return head.pos == "NOUN" and not self.lexicon.trigger_starts.starting(head)

    def describes_noun(
        self, view: SentenceView, match_words: tuple[int, ...], category: str
    ) -> bool:
        """A stance trigger that only describes a noun reports no act: a participle between a
        determiner or possessive and its noun ("Syria's promised withdrawal", "the accused men"),
        or a stance adjective (`stance_adjectives`) right after the noun it qualifies, with no
        copula ("groups willing to cooperate", "fundamentalists opposed to the US presence").
        Word order and parts of speech only: the parser's relations are too often wrong here."""
        if not view.words or category.upper() not in self.settings.stance:
            return False
        first, last = match_words[0], match_words[-1]
        word = view.words[first]
        before = view.words[first - 1] if first else None
        after = view.words[last + 1] if last + 1 < len(view.words) else None
        if before is None:
            return False
        if (
            len(match_words) == 1
            and word.pos in ("VERB", "ADJ")
            and (
                before.pos in ("DET", "PART")
                or self.lexicon.cue("determiners").matches_word(before)
            )
            and after is not None
            and after.pos == "NOUN"
        ):
            return True
        return self.lexicon.cue("stance_adjectives").matches_word(word) and before.pos in (
            "NOUN",
            "PROPN",
        )

    def noun_for_verb(self, view: SentenceView, words: tuple[int, ...], rule: TriggerRule) -> bool:
        """A one-word trigger of a verb-only rule (`verb = true`) that the parse tags as a noun:
        "gi lover for kirken" (laws, not promises), "fortjener støtte" (support as a thing, not
        an act of support)."""
        if not rule.verb or not view.has_deps or len(words) != 1:
            return False
        return view.words[words[0]].pos in ("NOUN", "PROPN")

    def section_off_topic(self, urls: Iterable[str | None]) -> bool:
        """Whether the article's address puts it in a sport, culture, business, science or
        lifestyle section (`page_sections` of resources/common/grounding.toml: a path segment
        such as /sport/, /kultur/, /business/, /okonomi/)."""
        sections = self.settings.page_sections
        for url in urls:
            if not url:
                continue
            path = urlsplit(url if "//" in url else f"//{url}").path.casefold()
            if any(segment in sections for segment in path.split("/")):
                return True
        return False

    def topic_sentence(self, view: SentenceView) -> bool:
        """Whether a sentence holds a business cue word ("the company", "aksjonærene",
        "næringsliv"): its event needs a political actor on each side. Science words alone
        ("university", "professor") count for the page only: aid delivered to a university is
        still aid."""
        return self.lexicon.cue("business").any_span(view.words)

    def page_off_topic(self, views: list[SentenceView]) -> bool:
        """Whether an article is about sport, entertainment, business, science, health or reviews
        rather than public affairs: more sentences with topic cues than with political nouns, and
        enough of them."""
        topics = self.lexicon.any_cue(self._topic_names())
        topical = sum(topics.any_span(v.words) for v in views)
        settings = self.settings
        if topical < settings.page_min_sentences:
            return False
        political = self.lexicon.cue("political_nouns")
        ratio = settings.page_ratio
        public = 0
        for view in views:
            if political.any_span(view.words):
                public += 1
                # More political sentences only lower the page's topic share further.
                if ratio >= 0 and topical <= ratio * public:
                    return False
        return topical > ratio * public

    def _topic_names(self) -> tuple[str, ...]:
        return tuple(
            name
            for name in ("sport", "entertainment", "business", "science", "health", "culture")
            if self.lexicon.cue(name).patterns
        )
