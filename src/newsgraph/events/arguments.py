"""Arguments of a trigger: who did it (source), to whom (target), who else took part, and where.

Roles come from the trigger's clause. The dependency parse, where the nlp stage gave one, names the
subject and objects of the trigger (or of the light verb governing a trigger noun) and marks the
passive; otherwise word order decides: the nearest name group before the trigger is its subject
(or, in verb-second languages, the first one after it), name groups after it are objects, and the
preposition in front of a group gives its role (med/with, mellom/between, av/by, til/to, mot/against).
Each frame (visit, reception, meet, joint, directed, allegation) turns these roles into source,
target and participants.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newsgraph.events.actors import ActorMention, one_word_trigger
from newsgraph.events.clauses import Clauses
from newsgraph.events.lexicon import Lexicon, PhraseSet
from newsgraph.events.triggers import TriggerMatch
from newsgraph.events.words import SentenceView, Word

Group = list[ActorMention]
# How many words may follow the determiner of a noun phrase that opens a verb-second clause
# before the verb ("Der Sprecher der Regierung lehnte …").
FRONTED_REACH = 3
SKIPPABLE_POS = ("DET", "ADJ", "NUM", "PRON")
MAX_SKIP = 3
# How many words (determiners, adjectives, a possessor) may stand between a judging verb and the
# trigger noun it takes, when there is no parse.
JUDGE_REACH = 4
CLAUSE_PUNCTUATION = (",", ";", ":", "–", "—", "(", ")")
PASSIVE_WINDOW = 3
SUBJECT_DEPS = ("nsubj", "nsubj:pass", "csubj")
OBJECT_DEPS = ("obj", "iobj")
# A trigger noun shares the arguments of the verb that takes it as its object ("launched an
# attack", "held talks") or its active subject ("the attacks hit Ukraine"), or that it follows
# with a place preposition ("took part in talks"); as a passive subject or in another
# prepositional phrase ("the attack was condemned by NATO", "shortly after the arrest",
# "protested against the invasion") only its own phrase names its participants.
NOUN_LINK_DEPS = ("obj", "iobj", "conj")
NOUN_PHRASE_LINK_DEPS = ("obl", "nmod")
# Relations through which a verb passes its subject to the verb below it ("pledged to continue
# assisting Iran", "stated … and pledged"), and how many such steps are followed.
CONTROL_DEPS = ("conj", "xcomp")
CONTROL_STEPS = 3
# How many determiners and adjectives may stand between a setting phrase and its act ("on the eve
# of a visit", "after two days of talks").
SETTING_REACH = 4
# How many nouns up a trigger noun's phrase may be headed ("ten days of war games").
PHRASE_STEPS = 2
# Frames whose trigger noun takes its participants from its own phrase (nominal_scope).
NOMINAL_FRAMES = ("directed", "allegation")
# Prepositions that would make a name a side of the act ("with Syria", "mot Sudan").
SIDE_ROLES = ("with", "to", "against", "between")
# How a name qualifies the noun it stands before ("US strikes", "Russia's attack").
MODIFIER_DEPS = ("compound", "amod", "nmod")
# Dependents that show a trigger is a noun heading its own phrase.
NOUN_PHRASE_MARKS = ("det", "case", "nmod:poss", "amod", "det:poss")
# Triggers that judge another act: the victim of that act is no party to the judgement.
JUDGING_CATEGORIES = ("ACCUSE", "PROTEST")
# Acts whose patient is a victim, no party to a judgement of them ("protested the assassination
# of Yassin"); the target of a sanction someone calls for is that call's target too.
VICTIM_CATEGORIES = ("ASSAULT", "COERCE")
PHRASE_DEPS = ("amod", "nmod", "compound", "flat", "appos")
# Speech acts whose addressee may be the subject of the clause they introduce.
VERBAL_CATEGORIES = ("REQUEST", "THREATEN", "REJECT", "ACCUSE", "SUPPORT", "AGREE")
THREAT = "THREATEN"
TRAILING_WORDS = 3
# The most words a preposition has ("in support of").
PREPOSITION_WORDS = 3
# How far after a name its news verb may stand ("Reuters reported", "AP news agency reported").
NEWS_VERB_REACH = 3
# Prepositional roles that may stand before the trigger ("Med Kina holdt Russland øvelser").
EITHER_SIDE = ("with", "between")
# A relative clause below the trigger has participants of its own: a name inside one (its subject
# or object) takes part in that clause's act, not in the trigger's ("the day the government
# presented its budget, I came back from a visit", "the beating the army has unleashed on them").
# Adverbial and complement clauses are left alone: an infinitive often names whom a verbal act is
# aimed at ("offered troops to help the president", "urged the EU to support the PLO").
RELATIVE_CLAUSE = "acl:relcl"
# How many title words may stand between a kin noun's preposition and the name ("relatives of
# Prime Minister X"), and the parts of speech they may have ("" without a parse).
KIN_TITLE_WORDS = 3
TITLE_POS = ("", "NOUN", "PROPN", "ADJ")
# Relations that open a clause of its own below a word: adverbial, relative, complement, loosely
# joined and subject clauses ("called for calm after DEA officials arrested the premier"). Such a
# clause is another act's only when it has a subject of its own; one without ("forced Ben Ali to
# step down", "fired into the crowd, killing four") takes its participants from above.
# How many words before a clause's verb its infinitive sign may stand ("for å økonomisk ramme").
INFINITIVE_REACH = 3
CLAUSE_DEPS = ("advcl", "acl", "acl:relcl", "ccomp", "parataxis", "csubj")
# Frames whose destination is the host of the act: a town there takes part.
TRIP_FRAMES = ("visit", "reception")
# Prepositions that put a town where or whence something is ("in Oslo", "to Portland", "fra
# Durban", "mot Sudan").
PLACE_ROLES = ("place", "to", "from", "against")
# Nouns of people and bodies a town may stand for ("the police in Kabul", "people from Gaza").
STANDING_NOUNS = (
    "actor_nouns",
    "political_nouns",
    "political_orgs",
    "national_institutions",
    "private_persons",
)
# Quotation marks that may enclose a name.
QUOTE_MARKS = ("'", '"', "‘", "’", "“", "”", "«", "»")
# Genitive marks the tokenizer splits from a name ("Allawi 's cousin").
GENITIVE_MARKS = ("'s", "’s", "'", "’")
# Prepositions that put something at a border ("at", "on the border", "ved grensen"): "on" has
# the role "against" in English.
BORDER_PLACE_ROLES = ("place", "against")
# The words of a first conjunct's name left of its head ("New York", "the city of").
CONJUNCT_NAME_DEPS = ("flat", "flat:name", "compound", "det", "amod")


@dataclass
class Arguments:
    """The participants and place candidates of one trigger."""

    source: list[ActorMention] = field(default_factory=list)
    target: list[ActorMention] = field(default_factory=list)
    others: list[ActorMention] = field(default_factory=list)
    places: list[ActorMention] = field(default_factory=list)
    passive: bool = False
    # The participants were read from the trigger noun's own phrase (nominal_scope): no one
    # named elsewhere in the sentence takes part.
    own_phrase: bool = False

    @property
    def actors(self) -> list[ActorMention]:
        """Every participant, sources first, without repeats."""
        seen: list[ActorMention] = []
        for mention in (*self.source, *self.target, *self.others):
            if mention not in seen:
                seen.append(mention)
        return seen


@dataclass
class Roles:
    """Name groups of a clause sorted by grammatical role."""

    subject: Group = field(default_factory=list)
    objects: list[Group] = field(default_factory=list)
    by_preposition: dict[str, list[Group]] = field(default_factory=dict)
    places: list[ActorMention] = field(default_factory=list)
    passive: bool = False
    # The trigger is a noun whose participants are those of its own phrase (nominal_scope).
    nominal: bool = False

    def prep(self, *names: str) -> Group:
        """All mentions of the groups introduced by the named prepositions."""
        return [m for name in names for group in self.by_preposition.get(name, []) for m in group]

    def object_mentions(self) -> Group:
        """All mentions of the object groups."""
        return [m for group in self.objects for m in group]


def preposition_before(
    view: SentenceView, lexicon: Lexicon, first: int, only: tuple[str, ...] = ()
) -> str | None:
    """The role of the preposition in front of a name group, skipping determiners and adjectives
    (with `only`, the first of those roles the preposition has)."""
    determiners = lexicon.cue("determiners")
    index = first - 1
    skipped = 0
    while index >= 0 and skipped <= MAX_SKIP:
        word = view.words[index]
        link = _place_noun_link(view, lexicon, index)
        if link:
            # A name after a place noun takes the preposition of the place noun's phrase: "i den
            # tyske byen Baden-Baden", "in the Chilean capital of Santiago" say where.
            index -= link
            continue
        # The longest preposition ending here wins: "in support of" over "of".
        for start in range(max(0, index - PREPOSITION_WORDS + 1), index + 1):
            for role, phrases in lexicon.prepositions.items():
                if only and role not in only:
                    continue
                found = phrases.starts_at(view.words, start)
                if found is not None and found[-1] == index:
                    return role
        if word.pos in SKIPPABLE_POS or determiners.matches_word(word) or word.text in '«»"“”':
            index -= 1
            skipped += 1
            continue
        place_nouns = lexicon.cue("place_nouns")
        if word.text == "," and index and place_nouns.matches_word(view.words[index - 1]):
            # An apposition to a place noun: "in the capital, Khartoum".
            index -= 2
            skipped += 2
            continue
        return None
    return None


def after_place_noun(view: SentenceView, lexicon: Lexicon, mention: ActorMention) -> bool:
    """Whether a place name follows a place noun ("the town of Samarra", "byen Hebron")."""
    return mention.first > 0 and _place_noun_link(view, lexicon, mention.first - 1) > 0


def _place_noun_link(view: SentenceView, lexicon: Lexicon, index: int) -> int:
    """How many words a place noun ending at `index` takes, with the word that links it to the
    name after it (`place_noun_links`: "the city of"); 0 when there is none."""
    place_nouns = lexicon.cue("place_nouns")
    if place_nouns.matches_word(view.words[index]) and view.words[index].pos != "PROPN":
        return 1
    links = lexicon.cue("place_noun_links")
    if index and links.matches_word(view.words[index]):
        before = view.words[index - 1]
        if place_nouns.matches_word(before) and before.pos != "PROPN":
            return 2
    return 0


def _groups(mentions: Iterable[ActorMention]) -> list[Group]:
    groups: dict[int, Group] = {}
    for mention in mentions:
        groups.setdefault(mention.group, []).append(mention)
    return [groups[key] for key in sorted(groups, key=lambda k: groups[k][0].first)]


def _phrase_head(view: SentenceView, lexicon: Lexicon | None, anchor: int) -> int:
    """The noun heading a trigger noun's phrase: the trigger itself, or the noun it qualifies
    ("a mediation mission", "ten days of war games")."""
    index = anchor
    for _ in range(PHRASE_STEPS):
        word = view.words[index]
        if word.head is None or view.words[word.head].pos != "NOUN":
            break
        quantity = (
            lexicon is not None
            and word.dep.split(":")[0] == "nmod"
            and preposition_before(view, lexicon, index) == "from"
        )
        if not (word.dep.startswith("compound") or quantity):
            break
        index = word.head
    return index


def _setting_phrase(view: SentenceView, lexicon: Lexicon, index: int) -> bool:
    """Whether a noun stands in a phrase setting the time or cause of another event ("after the
    arrest", "i kjølvannet av angrepet")."""
    settings = lexicon.cue("settings")
    for case in (w.index for w in view.dependents(index, ("case",))):
        for start in range(max(0, case - PREPOSITION_WORDS + 1), case + 1):
            found = settings.starts_at(view.words, start)
            if found is not None and found[-1] == case:
                return True
    return False


def _governor(
    view: SentenceView, anchor: int, lexicon: Lexicon | None = None, strict: bool = True
) -> int:
    """The verb whose arguments are the trigger's: the trigger itself, or the verb of a trigger
    noun (of the phrase it heads) that takes it as object or active subject, or that it follows
    in a prepositional phrase when the verb has no object of its own and the phrase sets no scene
    ("came under attack", not "after the arrest, X criticised Y"; with `lexicon`)."""
    if view.words[anchor].pos in ("VERB", "AUX"):
        return anchor
    word = view.words[_phrase_head(view, lexicon, anchor)]
    if word.head is None:
        return anchor
    head = view.words[word.head]
    if head.pos not in ("VERB", "AUX"):
        return anchor
    dep = word.dep.split(":")[0]
    if dep in NOUN_LINK_DEPS or word.dep == "nsubj":
        return head.index
    if not strict:
        # Frames that read the clause (meet, visit, joint): any verb the noun hangs from.
        return head.index if dep in ("nsubj", *NOUN_PHRASE_LINK_DEPS) else anchor
    if dep not in NOUN_PHRASE_LINK_DEPS or lexicon is None:
        return anchor
    if preposition_before(view, lexicon, word.index) == "place":
        # "shook hands in a bilateral meeting", "took part in talks".
        return head.index
    if not _setting_phrase(view, lexicon, word.index) and not view.dependents(
        head.index, OBJECT_DEPS
    ):
        return head.index
    return anchor


def nominal_scope(view: SentenceView, lexicon: Lexicon, match: TriggerMatch) -> set[int] | None:
    """The words of a trigger noun's own phrase (its subtree in the parse) when no verb shares its
    arguments ("Russia's attack on Ukraine was condemned by NATO": Russia and Ukraine, not NATO);
    None for a verb, a noun a verb takes, or a sentence without a parse."""
    word = view.words[match.anchor]
    if match.rule.frame not in NOMINAL_FRAMES:
        # Who meets, visits or exercises after or during something is mostly the clause's own
        # subject ("bekreftet departementet etter møter med ambassadørene").
        return None
    # A noun at the root is a headline or a verb the tagger missed ("Iran and Syria agreed").
    if not view.has_deps or word.pos not in ("NOUN", "PROPN") or word.head is None:
        return None
    if word.dep == "conj" or any(view.words[i].pos in ("VERB", "AUX") for i in match.words):
        # Coordinated with a name or an act, or partly read as a verb, the parse has lost the
        # phrase.
        return None
    if _governor(view, match.anchor, lexicon) != match.anchor:
        return None
    head = view.words[_phrase_head(view, lexicon, match.anchor)]
    if head.head is None:
        return None
    governing = view.words[head.head]
    # Only a passive subject, a phrase setting the scene, or a prepositional phrase next to the
    # verb's own object keeps a noun from its verb's arguments; elsewhere the parse is too unsure
    # to overrule the clause ("Kurds sought refuge", "ansvar for invasjonen av Ukraina").
    prepositional = head.dep.split(":")[0] in NOUN_PHRASE_LINK_DEPS
    if governing.pos in ("VERB", "AUX"):
        if head.dep != "nsubj:pass" and not prepositional:
            return None
    elif not (prepositional and _setting_phrase(view, lexicon, head.index)):
        return None
    # A verb form the tagger called a noun ("Kurds sought refuge") has no determiner, adjective,
    # preposition or possessor of its own.
    if not any(
        w.head == match.anchor
        and (w.dep in NOUN_PHRASE_MARKS or (w.dep == "nmod" and w.index < match.anchor))
        for w in view.words
    ):
        return None
    return _closure(view, set(match.words) | {_phrase_head(view, lexicon, match.anchor)})


def _after_verb(view: SentenceView, index: int) -> bool:
    """Whether the preposition of a noun follows a verb right away: a particle ("break off
    relations") or the verb's own place ("protested at the air base")."""
    cases = [w.index for w in view.dependents(index, ("case",))]
    return any(c > 0 and view.words[c - 1].pos in ("VERB", "AUX") for c in cases)


def _has_case(view: SentenceView, index: int) -> bool:
    """Whether a word has a preposition of its own in the parse ("with Syria", not "Chinese
    authorities")."""
    return bool(view.dependents(index, ("case",)))


def _head_word(view: SentenceView, mention: ActorMention) -> int:
    """The word of a mention whose parse head lies outside it."""
    index = mention.last
    seen = 0
    while seen <= mention.last - mention.first:
        head = view.words[index].head
        if head is None or not mention.first <= head <= mention.last:
            return index
        index = head
        seen += 1
    return mention.last


def outside_participant(
    view: SentenceView,
    lexicon: Lexicon,
    mention: ActorMention,
    stop: set[int],
    judging: bool,
    bounded: bool = False,
) -> str | None:
    """Whether the parse hangs a name from another violent or coercive act or from a place phrase
    on its way to the trigger (`stop`: the trigger's words and its governing verb), so that it takes no part in the
    trigger's event: the patient of an act the trigger is about ("protested the assassination of
    Yassin", "against the invasion of Iraq", "banners supporting Saddam's regime") or a name
    inside a place ("near the border with Syria"). The doer of that other act stays ("condemned
    the attack by the rebels", "Russia's attack", "the Israeli assassination"). With `bounded`, a
    name inside a clause of another verb below the trigger (`_own_clause`) is that verb's
    participant ("clause")."""
    if not view.has_deps:
        return None
    child = _head_word(view, mention)
    current = view.words[child].head
    steps = 0
    while current is not None and current not in stop and steps < len(view.words):
        word = view.words[current]
        if bounded and _own_clause(view, current) and _under(view, current, stop):
            return "clause"
        if judging and one_word_trigger(lexicon, word, VICTIM_CATEGORIES):
            # The doer: a by-phrase under that act, or a state word qualifying it.
            if preposition_before(view, lexicon, mention.first) == "agent":
                return None
            direct = child == _head_word(view, mention)
            state = (mention.modifier or mention.kind == "NAT") and mention.last < current
            return None if direct and state else "act"
        if (
            word.pos == "NOUN"
            and child > current
            and _has_case(view, child)
            and lexicon.cue("topic_nouns").matches_word(word)
        ):
            # "criticism of Antifa", "his remarks about the riots", "kritikken av Kina": what a
            # speech or text is about takes no part in the act that mentions it.
            return "topic"
        if (
            word.pos in ("NOUN", "PROPN")
            and preposition_before(view, lexicon, current) == "place"
            and not _after_verb(view, current)
            and _has_case(view, _head_word(view, mention))
            and preposition_before(view, lexicon, mention.first) in SIDE_ROLES
        ):
            # "near the border with Syria"; an apposition names the place's actor ("the meeting
            # in the largest economies, G20"). A town a place noun names is still the place
            # ("near the town of Samarra").
            return "place" if lexicon.cue("place_nouns").matches_word(word) else "inside"
        child, current = current, word.head
        steps += 1
    return None


def _ancestors(view: SentenceView, index: int) -> list[int]:
    """A word and the words above it in the parse, up to the root."""
    chain = [index]
    head = view.words[index].head
    while head is not None and head not in chain:
        chain.append(head)
        head = view.words[head].head
    return chain


def _finite_clause(view: SentenceView, lexicon: Lexicon, index: int) -> bool:
    """Whether a word heads a clause of its own with a subject of its own: no personal pronoun,
    and not an infinitive even where the parse gives it a subject ("for å økonomisk ramme
    Russlands regime")."""
    if view.words[index].dep not in CLAUSE_DEPS:
        return False
    # A personal pronoun as the clause's subject points back to a name above it ("The embassy
    # said it had evacuated its staff"); a relative pronoun opens another's act.
    # A time word the parse took for a subject ("police today expelled") is none.
    relativizers, times = lexicon.cue("relativizers"), lexicon.cue("time_nouns")
    if not any(
        (w.pos != "PRON" or relativizers.matches_word(w)) and not times.matches_word(w)
        for w in view.dependents(index, SUBJECT_DEPS)
    ):
        return False
    infinitive = lexicon.cue("infinitive")
    before = view.words[max(0, index - INFINITIVE_REACH) : index]
    return not any(infinitive.matches_word(word) for word in before)


def _inverted_report(
    view: SentenceView, mention: ActorMention, match: TriggerMatch, index: int
) -> bool:
    """Whether a trigger word heads a clause that follows a comma after the name: a report of
    what the words before it said."""
    if index not in match.words:
        return False
    first = min(i for i in subtree(view, index) if view.words[i].pos != "PUNCT")
    return first > 0 and view.words[first - 1].text == "," and mention.last < first


def in_other_clause(
    view: SentenceView, lexicon: Lexicon, mention: ActorMention, match: TriggerMatch
) -> bool:
    """Whether the parse puts a name in another clause than the trigger: on the way from the
    name up to the word it shares with each trigger word, or from that trigger word up to it, a
    clause with a subject of its own opens ("Governor Rankin called for calm after DEA officials
    arrested the premier": the governor takes no part in the arrest; "elements of the military
    continued to support Islamism, although Musharraf turned against the Taliban under duress
    from the US": the US takes no part in the support). A trigger below the name itself (the
    relative clause of its antecedent, "members who met Atta"), a clause with no subject of its
    own ("forced Ben Ali to step down") and an infinitive keep the name; a name below the
    trigger is left to `outside_participant`."""
    if not view.has_deps:
        return False
    head = _head_word(view, mention)
    above_name = _ancestors(view, head)
    if head in match.words or any(index in match.words for index in above_name):
        return False
    for word in match.words:
        above_trigger = _ancestors(view, word)
        common = next((i for i in above_name if i in above_trigger), None)
        if common is None or common == head or view.words[common].pos not in ("VERB", "AUX"):
            # Clauses join at a verb: where the parse joins them at a noun or an adjective
            # ("Bhutanese police today expelled …" read as a relative clause of "police"), it
            # has lost the sentence.
            return False
        path = above_name[: above_name.index(common)] + above_trigger[: above_trigger.index(common)]
        # A report after what it reports ("Croatian authorities are failing …, a human rights
        # group protested"), however the parse hangs it, is about that clause, not beside it.
        path = [i for i in path if not _inverted_report(view, mention, match, i)]
        if not any(_finite_clause(view, lexicon, index) for index in path):
            return False
    return True


def _own_clause(view: SentenceView, index: int) -> bool:
    """Whether a word heads a relative clause, or a clause qualifying a noun with a subject of its
    own ("the land it occupies")."""
    word = view.words[index]
    if word.pos not in ("VERB", "AUX"):
        return False
    if word.dep == RELATIVE_CLAUSE:
        return True
    return word.dep == "acl" and bool(view.dependents(index, SUBJECT_DEPS))


def _under(view: SentenceView, index: int, stop: set[int]) -> bool:
    """Whether a word hangs, over one or more arcs, from one of the `stop` words."""
    current = view.words[index].head
    steps = 0
    while current is not None and steps < len(view.words):
        if current in stop:
            return True
        current = view.words[current].head
        steps += 1
    return False


def _group_holding(groups: list[Group], index: int) -> Group | None:
    for group in groups:
        if any(m.first <= index <= m.last for m in group):
            return group
    return None


def _group_of_phrase(view: SentenceView, groups: list[Group], index: int) -> Group | None:
    """The name group of a word, or of a modifier inside its phrase ("en norsk minister")."""
    found = _group_holding(groups, index)
    if found is not None:
        return found
    for word in view.words:
        if word.head == index and word.dep.split(":")[0] in PHRASE_DEPS:
            found = _group_holding(groups, word.index)
            if found is not None:
                return found
    return None


def _parse_roles(
    view: SentenceView, lexicon: Lexicon, groups: list[Group], anchor: int, strict: bool
) -> tuple[Group, list[Group], bool]:
    """Subject group, object groups and passive voice according to the dependency parse.

    A verb coordinated with an earlier one ("besøkte Norge og møtte …") shares its subject.
    """
    if not view.has_deps:
        return [], [], False
    governor = _governor(view, anchor, lexicon, strict)
    subjects = view.dependents(governor, SUBJECT_DEPS)
    # A verb under another (coordinated, or its infinitive complement) shares its subject:
    # "besøkte Norge og møtte …", "pledged to continue assisting Iran".
    controller = governor
    for _ in range(CONTROL_STEPS):
        head = view.words[controller].head
        if subjects or head is None or view.words[controller].dep not in CONTROL_DEPS:
            break
        controller = head
        subjects = view.dependents(controller, SUBJECT_DEPS)
    subject: Group = []
    for word in subjects:
        subject = _group_of_phrase(view, groups, word.index) or []
        if subject:
            break
    objects = [
        group
        for word in view.dependents(governor, OBJECT_DEPS)
        if (group := _group_of_phrase(view, groups, word.index)) is not None
        and group is not subject
    ]
    # A passive subject next to a direct object is a parse error ("The United States defended
    # the right …"); a passive auxiliary is surer evidence.
    dependents = [w.dep for w in view.words if w.head == governor]
    passive = "aux:pass" in dependents or (
        "nsubj:pass" in dependents and not any(dep in OBJECT_DEPS for dep in dependents)
    )
    return subject, objects, passive


def _passive_cue(
    view: SentenceView, clauses: Clauses, lexicon: Lexicon, match: TriggerMatch
) -> bool:
    if view.words[match.anchor].lower.endswith("ing"):
        # "is providing", "is suing": a progressive, not a passive.
        return False
    lo = max(clauses.span_of(match.anchor)[0], match.first - PASSIVE_WINDOW)
    return bool(lexicon.cue("passive").spans(view.words, lo, match.first + 1))


def _borrowed_subject(
    mentions: list[ActorMention], clauses: Clauses, lexicon: Lexicon, view: SentenceView, lo: int
) -> Group:
    """A relative or non-finite clause takes the nearest name group before it as its subject."""
    if lo == 0:
        return []
    opener = lo + 1 if view.words[lo].text == "," and lo + 1 < len(view.words) else lo
    if opener in clauses.speech or (
        lo - 1 in clauses.speech and lo > 1 and view.words[lo - 2].text == ","
    ):
        # A trailing attribution ("…, reports aid agencies", "…, said aid officials") names who
        # speaks; an act word in the speaker's phrase borrows no doer from the report.
        return []
    # A named feature of a landscape ("the Friendship Bridge", "the Gaza Strip") does not act.
    before = [
        m for m in mentions if m.last < lo and m.first not in clauses.excluded and m.kind != "LOC"
    ]
    before = [m for m in before if preposition_before(view, lexicon, m.first) is None]
    # "Reuters reported that clerics called for …": who reports the news does not do it.
    news = lexicon.cue("news_verbs")
    before = [
        m
        for m in before
        if not any(
            news.matches_word(w) for w in view.words[m.last + 1 : m.last + 1 + NEWS_VERB_REACH]
        )
    ]
    if not before:
        return []
    nearest = before[-1]
    if lexicon.cue("relativizers").matches_word(view.words[opener]):
        # A relative clause is about the word right before it: "the treaty, which the Senate
        # rejected" borrows no earlier name ("Al Gore voted for the treaty that …").
        adjacent = nearest.last + 1 == lo or (
            nearest.last + 2 == lo and view.words[lo - 1].text == ","
        )
        if not adjacent:
            return []
    return [m for m in before if m.group == nearest.group]


def attributive(
    view: SentenceView,
    mention: ActorMention,
    place_nouns: PhraseSet | None = None,
    time_nouns: PhraseSet | None = None,
) -> bool:
    """A place name qualifying a noun ("in North Korea disarmament talks") names no place; one
    qualifying a noun of a place (`place_nouns`: "a Gaza City street", "a Kabul market") does."""
    following = view.words[mention.last + 1] if mention.last + 1 < len(view.words) else None
    if following is None or not following.text[:1].islower() or not following.text.isalpha():
        return False
    if place_nouns is not None and place_nouns.matches_word(following):
        return False
    if time_nouns is not None and time_nouns.matches_word(following):
        # "pågrepet i Minsk søndag": a day after the place is when, not a noun it qualifies.
        return False
    return view.has_deps and following.pos == "NOUN"


def names_place(view: SentenceView, mention: ActorMention, place_nouns: PhraseSet) -> bool:
    """Whether a place name qualifies a noun of a place ("on a busy Gaza City street"), whatever
    the preposition: the event happened there."""
    following = view.words[mention.last + 1] if mention.last + 1 < len(view.words) else None
    return following is not None and place_nouns.matches_word(following)


def _place_compound(view: SentenceView, group: Group, match: TriggerMatch) -> bool:
    """A place name right before a trigger noun names where it was ("the Berlin meeting"); a
    country there names the doer ("US strikes")."""
    anchor = view.words[match.anchor]
    return (
        len(group) == 1
        and group[0].is_place
        and not group[0].state
        and group[0].last + 1 == match.anchor
        and anchor.pos in ("NOUN", "PROPN")
    )


def _first_subject(groups: list[Group]) -> Group:
    """The clause's first name group that is not a mere possessor or nationality word ("China's
    activities"), else its first group: in a clause the subject comes first."""
    for group in groups:
        if not all(m.modifier for m in group):
            return group
    return groups[0]


@dataclass
class _Sides:
    """Name groups of a clause by position and preposition, before the subject is chosen."""

    left: list[Group] = field(default_factory=list)
    right: list[Group] = field(default_factory=list)
    partitive: list[Group] = field(default_factory=list)


def _clause_groups(
    view: SentenceView,
    clauses: Clauses,
    lexicon: Lexicon,
    mentions: list[ActorMention],
    match: TriggerMatch,
    roles: Roles,
) -> _Sides:
    """Sort the clause's name groups: places and prepositional roles into `roles`, the rest by
    side of the trigger."""
    lo, hi = clauses.span_of(match.anchor)
    trigger_words = set(match.words)
    scope = nominal_scope(view, lexicon, match)
    roles.nominal = scope is not None
    inside = [
        m
        for m in mentions
        if lo <= m.first
        and m.last < hi
        and m.first not in clauses.excluded
        and not trigger_words & set(range(m.first, m.last + 1))
    ]
    # A name the parse puts in a clause of its own takes part in that clause's act.
    inside = [m for m in inside if not in_other_clause(view, lexicon, m, match)]
    scene = _later_setting(view, lexicon, match, hi)
    # "threatened … on the eve of a visit here by Arafat": the parties of an act that sets the
    # scene after the trigger take no part in the trigger's act, nor is its place the trigger's.
    inside = [m for m in inside if m.first < scene]
    if scope is not None:
        # A coordinated name group belongs to the phrase when one of its names does.
        groups = {m.group for m in inside if any(i in scope for i in range(m.first, m.last + 1))}
        inside = [m for m in inside if m.group in groups]
    sides = _Sides()
    for group in _groups(inside):
        role = preposition_before(view, lexicon, group[0].first)
        if role == "topic" and _parsed_subject(view, group[0]):
            # "om" and "if" are one word in the Nordic languages: "Om Russland angriper …"
            # opens a condition whose subject is Russia, no topic.
            role = None
        if (
            role == "to"
            and match.rule.frame != "visit"
            and all(m.is_place and not m.state for m in group)
            and preposition_before(view, lexicon, group[0].first, ("place",)) == "place"
        ):
            # A preposition of place and direction in one ("un attentat à Londres", "an der
            # Grenze"): before a town or region it says where, unless the act is a trip there.
            role = "place"
        place_nouns = lexicon.cue("place_nouns")
        if (role == "place" or group[0].kind == "LOC") and attributive(
            view, group[-1], place_nouns, lexicon.cue("time_nouns")
        ):
            continue
        if (
            group[0].kind == "LOC"
            or (role == "place" and all(m.is_place for m in group))
            or _place_compound(view, group, match)
            or (all(m.is_place for m in group) and names_place(view, group[-1], place_nouns))
        ):
            roles.places.extend(group)
        elif role is not None:
            if group[0].first > match.first or role in EITHER_SIDE:
                roles.by_preposition.setdefault(role, []).append(group)
            elif role in ("from", "agent"):
                sides.partitive.append(group)
        elif group[-1].last < match.first:
            sides.left.append(group)
        else:
            sides.right.append(group)
    return sides


def _parsed_subject(view: SentenceView, mention: ActorMention) -> bool:
    """Whether the parse makes a name the subject of a verb."""
    if not view.has_deps:
        return False
    return view.words[_head_word(view, mention)].dep.split(":")[0] == "nsubj"


def _later_setting(view: SentenceView, lexicon: Lexicon, match: TriggerMatch, hi: int) -> int:
    """Where a phrase setting the scene with another act begins after the trigger ("on the eve of
    a visit", "after talks"): a `settings` phrase followed, past at most SETTING_REACH
    determiners and adjectives, by an act word of its own; `hi` when there is none."""
    for found in lexicon.cue("settings").spans(view.words, match.last + 1, hi):
        for index in range(found[-1] + 1, min(hi, found[-1] + 1 + SETTING_REACH)):
            word = view.words[index]
            if _one_word_act(lexicon, word):
                return found[0]
            if word.pos not in SKIPPABLE_POS and not lexicon.cue("determiners").matches_word(word):
                break
    return hi


def _one_word_act(lexicon: Lexicon, word: Word) -> bool:
    """Whether a word is a one-word trigger, whatever the parse says its part of speech is."""
    for number in lexicon.trigger_starts.starting(word):
        _, pattern = lexicon.trigger_patterns[number]
        if len(pattern.elements) == 1:
            return True
    return False


def clause_roles(
    view: SentenceView,
    clauses: Clauses,
    lexicon: Lexicon,
    mentions: list[ActorMention],
    match: TriggerMatch,
) -> Roles:
    """Sort the clause's name groups into subject, objects, prepositional roles and places."""
    roles = Roles()
    sides = _clause_groups(view, clauses, lexicon, mentions, match, roles)
    judge = _judging_verb(view, clauses, lexicon, match)
    if judge is not None:
        # "Hun kaller angrepet meningsløst", "condemned the attack": who judges or reports an
        # act named by a noun did not do it; only a possessor inside the noun phrase
        # ("condemned Russia's attack") may be its doer.
        sides.left = [g for g in sides.left if g[0].first > judge]
        sides.partitive = [g for g in sides.partitive if g[0].first > judge]
    subject_noun = _subject_noun(view, lexicon, match)
    if subject_noun is not None:
        # "Storhaug mener angrepet må ha sammenheng med …": a trigger noun that is itself its
        # verb's subject has its doer in its own phrase ("Russia's attack hit …"); a name before
        # it outside that phrase and outside that verb's clause speaks of the act.
        inside = subtree(view, _phrase_head(view, lexicon, match.anchor))
        sides.left = [
            g
            for g in sides.left
            if all(
                m.first in inside or view.words[_head_word(view, m)].head == subject_noun for m in g
            )
        ]
        # Nor does a name after it outside that verb's clause ("With protests going on in
        # Santiago, President Bush visited Hu Jintao").
        clause = subtree(view, subject_noun)
        sides.right = [g for g in sides.right if all(m.first in clause for m in g)]
    left, right = sides.left, sides.right
    parsed_subject, parsed_objects, parsed_passive = _parse_roles(
        view, lexicon, left + right, match.anchor, match.rule.frame in NOMINAL_FRAMES
    )
    # The parse overrides word order only where the two do not contradict each other: a parsed
    # subject after the trigger while a name group stands before it is more often a parse error.
    if parsed_subject and (not left or any(parsed_subject is group for group in left)):
        roles.subject = parsed_subject
        if parsed_subject in right:
            right.remove(parsed_subject)
    elif left:
        # A name before the passive subject the parse gives the verb, outside its phrase, is no
        # patient of it ("Kerry spoke in Moscow, and the protesters were arrested").
        unnamed = _unnamed_subject(view, clauses, lexicon, match)
        if not view.dependents(match.anchor, ("aux:pass",)):
            # Only a passive auxiliary makes the parse sure of it ("a rights group protested" is
            # often parsed as a passive subject).
            unnamed = None
        phrase = subtree(view, unnamed) if unnamed is not None else set()
        named = [g for g in left if unnamed is None or any(m.first in phrase for m in g)]
        roles.subject = _first_subject(named) if named else []
    elif roles.nominal:
        # A noun's doer stands in its own phrase or nowhere ("a result of Bush's invasion").
        roles.subject = sides.partitive[0] if sides.partitive else []
    elif right and lexicon.verb_second:
        roles.subject = (
            right[0] if view.has_deps else _inverted_subject(view, clauses, lexicon, match, right)
        )
        if roles.subject:
            right.remove(roles.subject)
    elif sides.partitive:
        # "Thousands of Iranian students demonstrated": the only names before the verb.
        roles.subject = sides.partitive[0]
    elif (
        judge is not None
        or subject_noun is not None
        or _unnamed_subject(view, clauses, lexicon, match) is not None
    ):
        roles.subject = []
    else:
        lo, _ = clauses.span_of(match.anchor)
        roles.subject = _borrowed_subject(mentions, clauses, lexicon, view, lo)
    roles.objects = parsed_objects or [g for g in right if g is not roles.subject]
    roles.passive = not roles.nominal and (
        parsed_passive or _passive_cue(view, clauses, lexicon, match)
    )
    return roles


def _unnamed_subject(
    view: SentenceView, clauses: Clauses, lexicon: Lexicon, match: TriggerMatch
) -> int | None:
    """The subject word the parse gives the trigger's verb in its own clause when it is a common
    noun ("the two journalists were sentenced"): the doer or patient is that unnamed subject, not
    the nearest name of an earlier clause. A pronoun points back to a name ("Israel believes it
    killed …"), a relative pronoun to the name before it ("Russia, which attacked Ukraine"), and
    so does the subject of a relative clause."""
    anchor = view.words[match.anchor]
    if not view.has_deps or anchor.pos not in ("VERB", "AUX") or anchor.dep.startswith("acl"):
        return None
    lo, hi = clauses.span_of(match.anchor)
    relativizers = lexicon.cue("relativizers")
    for word in view.dependents(match.anchor, SUBJECT_DEPS):
        if lo <= word.index < hi and word.pos == "NOUN":
            return None if relativizers.matches_word(word) else word.index
    return None


def _inverted_subject(
    view: SentenceView, clauses: Clauses, lexicon: Lexicon, match: TriggerMatch, right: list[Group]
) -> Group:
    """The subject after the verb in a verb-second clause read without a parse ("Am Dienstag
    besuchte Scholz Kyiv"), or none. A clause that opens with a noun phrase of its own (a
    `fronted_subjects` determiner and at most FRONTED_REACH words before the trigger: "Die
    Bundesregierung lehnte den Plan ab", "Regjeringen" has a parse) has its subject there, and a
    name after the verb is an object. A name after a `genitive_articles` word that follows a noun
    ("den Vorschlag der EU") is that noun's possessor, no subject."""
    lo, _ = clauses.span_of(match.anchor)
    opening = view.words[lo : match.first]
    fronted = lexicon.cue("fronted_subjects")
    if (
        opening
        and fronted.matches_word(opening[0])
        and 1 < len(opening) <= FRONTED_REACH + 1
        and all(w.text.isalpha() for w in opening)
    ):
        return []
    for group in right:
        if not _genitive_attribute(view, lexicon, group[0].first, match):
            return group
    return []


def _genitive_attribute(
    view: SentenceView, lexicon: Lexicon, first: int, match: TriggerMatch
) -> bool:
    """Whether the name starting at `first` follows a genitive article that follows a noun of
    its own phrase ("den Vorschlag der EU"): not the trigger, no time word, no punctuation."""
    if first < 2 or not lexicon.cue("genitive_articles").matches_word(view.words[first - 1]):
        return False
    before = view.words[first - 2]
    return (
        before.index not in match.words
        and before.text.isalpha()
        and before.text[:1].isupper()
        and not lexicon.cue("time_nouns").matches_word(before)
    )


def _subject_noun(view: SentenceView, lexicon: Lexicon, match: TriggerMatch) -> int | None:
    """The verb whose subject the parse makes a trigger noun (its phrase), else None."""
    anchor = view.words[match.anchor]
    if not view.has_deps or anchor.pos not in ("NOUN", "PROPN"):
        return None
    head = view.words[_phrase_head(view, lexicon, match.anchor)]
    if (
        head.dep in ("nsubj", "nsubj:pass")
        and head.head is not None
        and view.words[head.head].pos in ("VERB", "AUX", "ADJ")
    ):
        return head.head
    return None


def subtree(view: SentenceView, root: int) -> set[int]:
    """The words the parse hangs below `root` (at any depth), and `root` itself."""
    return _closure(view, {root})


def _closure(view: SentenceView, roots: set[int]) -> set[int]:
    """The words `roots` and every word hanging from one of them."""
    inside = set(roots)
    changed = True
    while changed:
        changed = False
        for word in view.words:
            if word.index not in inside and word.head in inside:
                inside.add(word.index)
                changed = True
    return inside


def _judging_verb(
    view: SentenceView, clauses: Clauses, lexicon: Lexicon, match: TriggerMatch
) -> int | None:
    """The verb of judging or reporting (`judging_verbs`) that takes a trigger noun as its object,
    from the parse or, without one, right before the noun phrase ("kaller angrepet"); with a
    parse also a word of reaction (`reaction_words`) that takes it in a prepositional phrase."""
    anchor = view.words[match.anchor]
    if anchor.pos in ("VERB", "AUX"):
        return None
    verbs = lexicon.cue("judging_verbs")
    if verbs.matches_word(anchor):
        # Without a parse a verb trigger may look like a noun: "kritisierte und verurteilte".
        return None
    if view.has_deps:
        governor = _governor(view, match.anchor, lexicon, match.rule.frame in NOMINAL_FRAMES)
        if governor != match.anchor and verbs.matches_word(view.words[governor]):
            return governor
        # A word of reaction takes the act it reacts to in a prepositional phrase, and the
        # tagger often calls it an adjective ("was appalled by the allegations", "er sjokkert
        # over angrepet"): who reacts did not do the act.
        head = view.words[_phrase_head(view, lexicon, match.anchor)]
        if (
            head.head is not None
            and head.dep.split(":")[0] in NOUN_PHRASE_LINK_DEPS
            and view.words[head.head].pos in ("ADJ", "VERB")
            and lexicon.cue("reaction_words").matches_word(view.words[head.head])
        ):
            return head.head
        return _reaction_before(view, lexicon, match)
    # The clause splitter may open a clause at the preposition ("responded | to the
    # allegations"): only punctuation ends the search.
    # "ont condamné l'attentat et appelé …": a coordinated verb is no noun the judge takes.
    coordinators = lexicon.cue("coordinators")
    if coordinators.matches_word(view.words[match.first]):
        return None
    for index in range(match.first - 1, max(0, match.first - JUDGE_REACH) - 1, -1):
        if view.words[index].text in CLAUSE_PUNCTUATION or coordinators.matches_word(
            view.words[index]
        ):
            return None
        if verbs.matches_word(view.words[index]):
            return index
    return None


def _reaction_before(view: SentenceView, lexicon: Lexicon, match: TriggerMatch) -> int | None:
    """A word of reaction (`reaction_words`) right before the preposition that opens the trigger
    noun's phrase, past determiners, adjectives and quotation marks ("was ‘appalled’ by “these
    serious allegations”"): quotation marks around the words throw the parse, not the reading."""
    index = match.first - 1
    skipped = 0
    while index >= 0 and skipped <= JUDGE_REACH and _phrase_filler(view, lexicon, index):
        index -= 1
        skipped += 1
    if index < 1 or view.words[index].pos != "ADP":
        return None
    index -= 1
    while index >= 0 and view.words[index].text in QUOTE_MARKS:
        index -= 1
    if index >= 0 and lexicon.cue("reaction_words").matches_word(view.words[index]):
        return index
    return None


def _phrase_filler(view: SentenceView, lexicon: Lexicon, index: int) -> bool:
    """Whether a word may stand between a preposition and its noun: a determiner, an adjective
    or a quotation mark."""
    word = view.words[index]
    return (
        word.text in QUOTE_MARKS
        or word.pos in ("DET", "ADJ")
        or lexicon.cue("determiners").matches_word(word)
    )


def _speaker(
    view: SentenceView,
    clauses: Clauses,
    lexicon: Lexicon,
    mentions: list[ActorMention],
    match: TriggerMatch,
) -> Group:
    """The subject of the speech verb reporting the trigger: the nearest one before it, else one
    in a trailing attribution ("…, the minister said")."""
    before_trigger = [index for index in clauses.speech if index < match.first]
    after_trigger = [index for index in clauses.speech if index > match.last]
    if before_trigger:
        verb = max(before_trigger)
    elif after_trigger:
        verb = min(after_trigger)
    else:
        return []
    if lexicon.cue("news_verbs").matches_word(view.words[verb]):
        # "Reuters reported that …": whoever reports an event is a source of the news, not a
        # participant.
        return []
    lo, hi = clauses.span_of(verb)
    near = [
        m for m in mentions if lo <= m.first and m.last < hi and m.first not in clauses.excluded
    ]
    if verb > match.last:
        # A trailing attribution is all speaker: "…, Ukrainian Foreign Minister Pavlo Klimkin said".
        return [m for m in near if m.last < verb] or near[:1]
    before = [m for m in near if m.last < verb]
    after = [m for m in near if m.first > verb]
    chosen = before[-1] if before else (after[0] if after else None)
    return [] if chosen is None else [m for m in near if m.group == chosen.group]


@dataclass(frozen=True)
class _Trigger:
    """One trigger with the sentence it stands in, for the frame readers."""

    view: SentenceView
    clauses: Clauses
    lexicon: Lexicon
    mentions: list[ActorMention]
    match: TriggerMatch

    def speaker(self) -> Group:
        """Who reports the trigger's event."""
        return _speaker(self.view, self.clauses, self.lexicon, self.mentions, self.match)

    def addressee(self) -> Group:
        """The subject of the clause the trigger introduces."""
        return _complement_subject(self.view, self.clauses, self.lexicon, self.mentions, self.match)


def _visit(t: _Trigger, roles: Roles, args: Arguments) -> None:
    objects = roles.object_mentions()
    args.source = list(roles.subject)
    if (
        not objects
        and args.source
        and all(m.is_place and m.first > t.match.last for m in args.source)
    ):
        # A place after the trigger is where the trip goes, not who travels, even where word
        # order could make it the subject ("fikk aldri tid til å besøke Argentina").
        args.source, objects = [], args.source
    args.target = objects + roles.prep("to", "with")
    args.places = [m for m in args.target if m.is_place] + args.places


def _reception(t: _Trigger, roles: Roles, args: Arguments) -> None:
    if roles.passive:
        visitor, host = list(roles.subject), roles.prep("agent")
    else:
        visitor, host = roles.object_mentions(), list(roles.subject)
    args.source, args.target = visitor, host + roles.prep("with")


def _meet(t: _Trigger, roles: Roles, args: Arguments) -> None:
    args.source = list(roles.subject)
    args.target = roles.prep("with") + roles.object_mentions()
    args.others = roles.prep("between", "from")
    if len(args.source) > 1 and not args.target:
        args.source, args.others = [], args.source + args.others
    if not args.actors:
        # "The meeting was difficult, Klimkin said": who reports a meeting took part in it.
        args.others = t.speaker()


def _joint(t: _Trigger, roles: Roles, args: Arguments) -> None:
    args.others = list(roles.subject) + roles.object_mentions()
    args.others += roles.prep("with", "between", "from", "to")
    if roles.passive:
        args.others += roles.prep("agent")


def _allegation(t: _Trigger, roles: Roles, args: Arguments) -> None:
    # Only a reported statement accuses: a narrated violation or "must" is not one.
    args.source = t.speaker()
    if args.source:
        named = (*roles.subject, *roles.object_mentions(), *roles.prep("against"))
        args.target = [m for m in named if m not in args.source]


def _directed(t: _Trigger, roles: Roles, args: Arguments) -> None:
    # Whoever called a rally or strike leads it, whoever else marches ("se sont rassemblés à
    # l'appel des syndicats", "at the call of the unions"): the caller is its source.
    callers = roles.prep("caller")
    if roles.passive:
        args.source = roles.prep("agent") + callers
        args.target = list(roles.subject) + roles.prep("to", "against")
        return
    if roles.nominal:
        # A trigger noun's by-phrase names its doer ("the attack by Hamas", "angrep av Russland").
        args.source = list(roles.subject) + roles.prep("agent") + callers
        args.target = roles.object_mentions() + roles.prep(
            "to", "against", "with", "from", "between"
        )
        return
    args.source = list(roles.subject) + callers
    # In the active voice a by-phrase belongs to the object's noun and names whom the act is
    # about ("demanded an admission by Moscow", "condemned the attack by the rebels"); the
    # parties of a "between" phrase are those a third party acts on ("mediation between A and B").
    args.target = roles.object_mentions() + roles.prep(
        "to", "against", "with", "from", "agent", "between"
    )
    if not args.target and t.match.category in VERBAL_CATEGORIES:
        args.target = (
            t.addressee()
            or _condition_subject(t, args.source)
            or _content_places(t, roles, args.source)
        )


def _condition_subject(t: _Trigger, source: Group) -> Group:
    """A threat is aimed at whoever its condition names ("threatened to stop negotiations if
    the United States goes ahead …", "unless Israel rescinded …")."""
    if t.match.category != THREAT:
        return []
    openers = t.lexicon.cue("condition_openers")
    for lo, hi in t.clauses.spans:
        if lo <= t.match.last or openers.starts_at(t.view.words, lo) is None:
            continue
        inside = [
            m
            for m in t.mentions
            if lo <= m.first
            and m.last < hi
            and m.first not in t.clauses.excluded
            and m not in source
            and m.kind != "LOC"
        ]
        groups = [
            g for g in _groups(inside) if preposition_before(t.view, t.lexicon, g[0].first) is None
        ]
        return _first_subject(groups) if groups else []
    return []


def _content_places(t: _Trigger, roles: Roles, source: Group) -> Group:
    """Whom a speech act with no addressee is about: the place of the act it names, when that
    lies in another country than the speaker's ("threatened to ban voting in East Jerusalem",
    "refused to deploy peacekeepers in Iraq")."""
    own = {country for mention in source for country in mention.countries}
    return [
        m
        for m in roles.places
        if m.first > t.match.last
        and m.kind == "GPE"
        and m.countries
        and not own & set(m.countries)
        # A speaker of a known country is not aimed at the town it speaks in ("agreed in Moscow
        # to …"); one of no known country is read with the place's ("protesterer … i Oslo").
        and (not own or _in_content(t, m))
    ][:1]


def _in_content(t: _Trigger, mention: ActorMention) -> bool:
    """Whether a place after a speech act lies in the act it names or in what it is about, not
    where the speech act itself was made: "refused to deploy peacekeepers in Iraq", "will evacuate
    the settlements in the Gaza Strip", but not "agreed in Moscow to …", "signed the agreement in
    Washington". With a parse the place must not hang on the trigger itself; without one a verb
    sign (`[cues].infinitive`, `[cues].complementizers`) must stand between them."""
    view = t.view
    if view.has_deps:
        return view.words[_head_word(view, mention)].head not in t.match.words
    between = view.words[t.match.last + 1 : mention.first]
    signs = (t.lexicon.cue("infinitive"), t.lexicon.cue("complementizers"))
    return any(cue.matches_word(w) for w in between for cue in signs)


FRAME_READERS: dict[str, Callable[[_Trigger, Roles, Arguments], None]] = {
    "visit": _visit,
    "reception": _reception,
    "meet": _meet,
    "joint": _joint,
    "allegation": _allegation,
    "directed": _directed,
}


def trigger_and_governor(view: SentenceView, lexicon: Lexicon, match: TriggerMatch) -> set[int]:
    """The trigger's words, the verb that governs it and the acts coordinated with them ("the
    kidnapping and murder of X"): a name hanging from them is the trigger's own."""
    strict = match.rule.frame in NOMINAL_FRAMES
    stop = set(match.words) | {_governor(view, match.anchor, lexicon, strict)}
    return stop | {w.index for w in view.words if w.dep == "conj" and w.head in stop}


def extract_arguments(
    view: SentenceView,
    clauses: Clauses,
    lexicon: Lexicon,
    mentions: list[ActorMention],
    match: TriggerMatch,
) -> Arguments:
    """Source, target, other participants and place candidates of one trigger, read through the
    trigger's frame. Names the parse hangs from another act or a place take no part."""
    stop = trigger_and_governor(view, lexicon, match)
    judging = match.category in JUDGING_CATEGORIES
    reasons = [outside_participant(view, lexicon, m, stop, judging, True) for m in mentions]
    # A name a place noun introduces still says where it happened.
    inside_places = [m for m, r in zip(mentions, reasons, strict=True) if r == "place"]
    # A name in a clause below the trigger may still be whom a verbal act addresses ("demanded
    # that the US cancel …") or what a threat's condition names.
    reachable = [m for m, r in zip(mentions, reasons, strict=True) if r in (None, "clause")]
    mentions = [m for m, r in zip(mentions, reasons, strict=True) if r is None]
    roles = clause_roles(view, clauses, lexicon, mentions, match)
    args = Arguments(places=list(roles.places), passive=roles.passive, own_phrase=roles.nominal)
    trigger = _Trigger(view, clauses, lexicon, reachable, match)
    FRAME_READERS[match.rule.frame](trigger, roles, args)
    if match.rule.frame == "directed":
        doers = _state_modifiers(view, mentions, match)
        args.source = doers + [m for m in args.source if m not in doers]
        args.target = [m for m in args.target if m not in doers]
        args.places = [m for m in args.places if m not in doers]
    args.places += [m for m in inside_places if m.is_place and m not in args.places]
    owners = [
        m
        for m in args.actors
        if relative_owner(view, lexicon, m)
        or _names_the_act(view, match, m)
        or origin_modifier(view, lexicon, m)
    ]
    args.source = [m for m in args.source if m not in owners]
    args.target = [m for m in args.target if m not in owners]
    args.others = [m for m in args.others if m not in owners]
    return args


def other_words_place(
    view: SentenceView, lexicon: Lexicon, mention: ActorMention, match: TriggerMatch
) -> bool:
    """Whether a town or region only says where or whence another word than the trigger is: it
    has a preposition of its own ("in", "to", "from", "against", "i", "til", "fra", "mot") and the
    parse hangs it from a word that is neither the trigger, nor its verb, nor their object:
    "vowed to restore security in New Orleans", "krav om et resultat fra Durban", "a patrol
    car from Førde". The town took no part in the act. A trip's destination (TRIP_FRAMES), the
    place of what the act is done to ("evacuate the settlements in the Gaza Strip"), a town
    standing for the people or body it qualifies ("the police in Kabul", "people from Gaza") and
    a possessor ("Washington's wish") keep their part; so does a country, which may stand for
    its state.
    """
    if match.rule.frame in TRIP_FRAMES or not view.has_deps:
        return False
    if not mention.is_place or mention.state or mention.modifier:
        return False
    stop = trigger_and_governor(view, lexicon, match)
    head = _head_word(view, mention)
    first = mention.first
    while (conjunct := view.words[head].head) is not None and view.words[head].dep == "conj":
        # "a trip to New York or Vienna": a later town shares the first one's preposition.
        head = conjunct
        first = min([head] + [w.index for w in view.dependents(head, CONJUNCT_NAME_DEPS)])
    governor = view.words[head].head
    place_nouns = lexicon.cue("place_nouns")
    while governor is not None and place_nouns.matches_word(view.words[governor]):
        # "an attack on the port city of Odessa": the place noun's phrase is the town's own.
        head, governor = governor, view.words[governor].head
    if governor is None or governor in stop or mention.first <= governor <= mention.last:
        return False
    cases = view.dependents(head, ("case",))
    if not cases or any(c.text in GENITIVE_MARKS for c in cases):
        return False
    if preposition_before(view, lexicon, first) not in PLACE_ROLES:
        return False
    word = view.words[governor]
    if word.pos == "PROPN" or (word.dep in OBJECT_DEPS and word.head in stop):
        return False
    return not any(lexicon.cue(cue).matches_word(word) for cue in STANDING_NOUNS)


def town_qualifying_another_noun(
    view: SentenceView, lexicon: Lexicon, mention: ActorMention, match: TriggerMatch
) -> bool:
    """Whether a town only qualifies a noun of something else than the trigger, as a compound
    ("demonstrations against the Fallujah campaign": the campaign in Fallujah). A noun of people
    or bodies the town stands for ("the Kabul government", "Gaza protesters") or of a place ("a
    Kharkiv market") keeps it, and so does the trigger or its verb ("the Berlin talks") and what
    the act is done to, its object or "of" phrase ("the annexation of West Bank settlements")."""
    if match.rule.frame in TRIP_FRAMES or not view.has_deps:
        return False
    if not mention.is_place or mention.state or mention.modifier:
        return False
    head = _head_word(view, mention)
    word = view.words[head]
    if word.dep != "compound" or word.head is None or word.head <= mention.last:
        return False
    stop = trigger_and_governor(view, lexicon, match)
    if word.head in stop:
        return False
    noun = view.words[word.head]
    if noun.pos != "NOUN" or lexicon.cue("place_nouns").matches_word(noun):
        return False
    if noun.head in stop and (
        noun.dep in OBJECT_DEPS
        or any(
            lexicon.preposition("from").matches_word(c)
            for c in view.dependents(noun.index, ("case",))
        )
    ):
        # What the act is done to keeps its place: "the annexation of West Bank settlements".
        return False
    return not any(lexicon.cue(cue).matches_word(noun) for cue in STANDING_NOUNS)


def border_country(
    view: SentenceView, lexicon: Lexicon, mention: ActorMention, match: TriggerMatch
) -> bool:
    """Whether a name only says at which border the event happened: it comes right after a
    border noun and its preposition (`border_links`), a determiner at most between, and the
    border noun's phrase says where ("on the border with Sudan", "ved grensen mot Sudan", "an
    der Grenze zu Syrien", "à la frontière avec la Syrie"). The neighbour across the border
    takes no part in what happened there. A border crossed ("krysset grensen til Nord-Korea":
    the border is the country's own, and its police may be the party) or one the act itself
    names ("closed the border with Syria") leaves the country to the act."""
    links = lexicon.cue("border_links")
    if not links.patterns:
        return False
    end = mention.first
    if end and lexicon.cue("determiners").matches_word(view.words[end - 1]):
        end -= 1
    words = set(match.words)
    return any(
        span[-1] == end - 1
        and not words.intersection(span)
        and preposition_before(view, lexicon, span[0]) in BORDER_PLACE_ROLES
        for span in links.spans(view.words, max(0, end - 4), end)
    )


def _names_the_act(view: SentenceView, match: TriggerMatch, mention: ActorMention) -> bool:
    """Whether a name right after a joint activity's noun is the activity's own name ("the joint
    military exercise Surya Kiran", "the exercise 'Surya Kiran'", "øvelsen Nordic Response"): a
    name with no country, no state, next to the noun with at most quotation marks between."""
    after = match.last + 1
    # The noun the trigger qualifies ("military training exercise") heads the phrase.
    while (
        after < mention.first
        and after <= match.last + 2
        and (
            view.words[after].pos == "NOUN"
            or (not view.has_deps and view.words[after].text.islower())
        )
    ):
        after += 1
    anchor = view.words[after - 1]
    while after < mention.first and view.words[after].text in QUOTE_MARKS:
        after += 1
    return (
        match.rule.frame == "joint"
        and mention.first == after
        and anchor.pos in ("NOUN", "")
        and not mention.countries
        and not mention.state
        and mention.kind in ("PER", "ORG", "LOC")
        and view.words[mention.first].text[:1].isupper()
    )


def relative_owner(view: SentenceView, lexicon: Lexicon, mention: ActorMention) -> bool:
    """Whether a name is only the possessor of a relative (`kin_nouns`): "Allawi's cousin",
    "three relatives of Prime Minister Allawi", "sønnen til Støre". The relative took part, the
    person whose relative it is did not."""
    kin = lexicon.cue("kin_nouns")
    if not kin.patterns:
        return False
    words = view.words
    if view.has_deps:
        head = words[_head_word(view, mention)]
        if (
            head.head is not None
            and head.dep.split(":")[0] in ("nmod", "obl")
            and words[head.head].pos == "NOUN"
            and kin.matches_word(words[head.head])
        ):
            return True
    # Surface: a genitive mark, at most one adjective, then the kin noun ("Allawi's elder son").
    index = mention.last + 1
    if index < len(words) and words[index].text in GENITIVE_MARKS:
        index += 1
    if index < len(words) and words[index].pos == "ADJ":
        index += 1
    if index < len(words) and kin.matches_word(words[index]):
        return True
    # Or the kin noun and a preposition of possession before it, past a title ("relatives of
    # Prime Minister X", "sønnen til statsminister X").
    prepositions = lexicon.cue("kin_prepositions")
    for index in range(mention.first - 1, max(0, mention.first - 1 - KIN_TITLE_WORDS), -1):
        if prepositions.matches_word(words[index]):
            return kin.matches_word(words[index - 1])
        if not words[index].text.isalpha() or words[index].pos not in TITLE_POS:
            return False
    return False


def origin_modifier(view: SentenceView, lexicon: Lexicon, mention: ActorMention) -> bool:
    """Whether a town or region only says where a private person comes from: it qualifies a
    `private_persons` noun ("a New York man", "Kabul residents") or follows one after a `from`
    preposition ("a man from Bergen", "en kvinne fra Oslo"). The person took part, the town did
    not. A town's police or mayor ("Kabul police") is no private person, and a country or
    nationality ("Russian students") keeps its part: it names the side they stand for."""
    if not mention.is_place or mention.state or mention.kind == "NAT":
        return False
    words = view.words
    persons = lexicon.cue("private_persons")
    if not persons.patterns:
        return False

    def person(index: int) -> bool:
        return persons.matches_word(words[index])

    after = mention.last + 1
    if after < len(words) and person(after):
        return True
    if preposition_before(view, lexicon, mention.first) != "from":
        return False
    before = mention.first - 1
    while before >= 0 and (
        lexicon.cue("determiners").matches_word(words[before]) or words[before].pos == "ADJ"
    ):
        before -= 1
    return before >= 1 and person(before - 1)


def _state_modifiers(
    view: SentenceView, mentions: list[ActorMention], match: TriggerMatch
) -> list[ActorMention]:
    """A country or nationality qualifying a trigger noun names its doer ("US strikes",
    "Russia's attack", "the Israeli assassination", "russiske angrep")."""
    anchor = view.words[match.anchor]
    if not view.has_deps or anchor.pos not in ("NOUN", "PROPN"):
        return []
    return [
        m
        for m in mentions
        if (m.state or m.kind == "NAT")
        and m.last < match.first
        and view.words[_head_word(view, m)].head == match.anchor
        and view.words[_head_word(view, m)].dep.split(":")[0] in MODIFIER_DEPS
    ]


def _complement_subject(
    view: SentenceView,
    clauses: Clauses,
    lexicon: Lexicon,
    mentions: list[ActorMention],
    match: TriggerMatch,
) -> Group:
    """Whom a verbal act addresses when its clause names no one: the subject of the clause it
    introduces ("demanded that the US cancel …", "krevde at Israel …")."""
    number = clauses.number_of(match.anchor)
    if number < 0 or number + 1 >= len(clauses.spans):
        return []
    _, hi = clauses.spans[number]
    if hi - match.last > TRAILING_WORDS + 1:
        return []
    lo, end = clauses.spans[number + 1]
    opener = lo + 1 if view.words[lo].text == "," and lo + 1 < end else lo
    opens = lexicon.cue("complementizers").starts_at(view.words, opener) is not None
    if not opens and (
        lexicon.cue("clause_breaks").starts_at(view.words, opener) is not None
        or lexicon.cue("relativizers").matches_word(view.words[opener])
    ):
        # An adverbial or relative clause names the participants of another act ("called for
        # calm after DEA officials arrested the premier"), not whom the speech act addresses.
        return []
    if not opens and any(lo <= verb < end for verb in clauses.speech):
        return []
    inside = [
        m for m in mentions if lo <= m.first and m.last < end and m.first not in clauses.excluded
    ]
    groups = [g for g in _groups(inside) if preposition_before(view, lexicon, g[0].first) is None]
    return _first_subject(groups) if groups else []
