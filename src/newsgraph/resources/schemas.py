"""Typed schemas of the resource files: every `resources/<lang>/<name>.toml` and
`resources/common/<name>.toml` is validated against the model named here when it is loaded.

An unknown key (a misspelled `[grammar].verb_secnd`) or a wrong type (`verb_second = "yes"`) is a
`ConfigError` naming the file and the key, instead of a table that silently yields nothing. Every
field is optional, so a language may leave out what it has no words for; tables keyed by free
words (titles, institutions, month names) are typed by their values.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictFloat, StrictInt, StrictStr

Words = list[StrictStr]
Number = StrictInt | StrictFloat


class Schema(BaseModel):
    """Base of every resource schema: unknown keys are errors, values keep their TOML types."""

    # Validators are built when a schema first checks a table: a process that reads every table
    # from the resource cache checks only the few read as typed schemas (~0.3 s of start-up).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


# Speech verbs: resources/<lang>/speech_verbs.toml, read by quotes, entities and events.


class SpeechVerbEntry(Schema):
    """One speech verb: its forms by tense and what its grammar implies for attribution."""

    infinitive: Words = []
    present: Words = []
    past: Words = []
    perfect: Words = []
    participle: Words = []
    tell: StrictBool = False
    naming: StrictBool = False
    act: StrictBool = False
    bare_clause: StrictBool = False
    particle: StrictStr | None = None

    def forms(self) -> list[str]:
        """Every written form, lower-cased, in tense order."""
        tenses = (self.infinitive, self.present, self.past, self.perfect, self.participle)
        return [form.lower() for tense in tenses for form in tense]


class SpeechVerbs(Schema):
    verbs: dict[str, SpeechVerbEntry] = {}


# Quotes: resources/<lang>/quotes.toml and resources/common/quotes.toml.


class Marks(Schema):
    pairs: list[Annotated[list[StrictStr], Field(min_length=2, max_length=2)]] = []
    dialogue_dashes: Words = []
    weak_dialogue_dashes: Words = []


class Attribution(Schema):
    phrases: Words = []
    # Phrases that attribute only after a comma or a closing mark and end the sentence with their
    # source (German "…, so ein Sprecher."): anywhere else the word is ordinary ("so viel").
    closing_phrases: Words = []
    # Phrases that give a view only where they open the sentence and a person or organisation
    # (a name or a pronoun) and a comma follow ("Pour Claire Martin, la réforme est un échec."):
    # elsewhere the word is an ordinary preposition ("pour la première fois").
    view_phrases: Words = []
    source_links: Words = []
    # Nouns for a person known by a tie to someone ("selon un proche de X", "according to an aide
    # of X"): the source is that person, not a document of X's.
    relation_nouns: Words = []
    # Nouns for a speaker the text keeps unnamed ("an insider told the outlet … the insider
    # added", "a source said"): a definite one names that unnamed speaker again, never the
    # person quoted last.
    anonymous_nouns: Words = []


class Pronouns(Schema):
    person_subject: Words = []
    person_object: Words = []
    plural: Words = []
    # Impersonal subjects ("man sier at", "on dit que"): what they introduce is hearsay, nobody's
    # words, so an indirect quote they head is not recorded.
    generic: Words = []
    anaphoric: Words = []
    # Pronouns an organisation speaks through ("it said", British "they said" of a company).
    organisation: Words = []
    # Gendered person pronouns: "elle"/"sie"/"hun" never means a person known to be a man.
    feminine: Words = []
    masculine: Words = []
    # Words right before a name or a title that say its gender ("Frau", "Mme", "la ministre").
    feminine_markers: Words = []
    masculine_markers: Words = []
    # Endings of a title's last word that make it a woman's ("Ministerin", "kronprinsesse").
    feminine_title_endings: Words = []


class QuoteGrammar(Schema):
    verb_second: StrictBool = False
    complementizers: Words = []
    addressee_prepositions: Words = []
    prepositions: Words = []
    coordinators: Words = []
    relative_pronouns: Words = []
    determiners: Words = []
    # The indefinite ones among them: "a spokesman" is someone new, "the spokesman" the speaker
    # just quoted when no entity holds the role.
    indefinite_determiners: Words = []
    # Articles of nouns that rarely name a person (German neuter "das": "das Präsidium"): a role
    # phrase opening with one is not read as the person named just before.
    neuter_determiners: Words = []
    possessives: Words = []
    auxiliaries: Words = []
    adverbs: Words = []
    complementizer_blockers: Words = []
    subordinators: Words = []
    definite_suffixes: Words = []
    # Endings of a plural noun ("the authors", "forskerne"): a plural role names a group,
    # never the one person quoted last. `plural_exceptions`: endings that are not plural
    # ("boss").
    plural_endings: Words = []
    plural_exceptions: Words = []
    naming_links: Words = []
    audience_nouns: Words = []
    # Set phrases between an inverted speech verb and its speaker ("», résume quant à elle X").
    asides: Words = []
    leader_nouns: Words = []
    # Verb forms that mark a reported clause standing after a comma without a complementizer
    # (German Konjunktiv: "sagte er, die Lage sei ernst").
    reported_mood: Words = []
    # Words between the comma and a closing cue clause ("…, wie die Polizei mitteilte.").
    report_openers: Words = []
    # Words after which the subject follows its speech verb ("comme le raconte X"), and the object
    # pronouns that may stand between them and the verb.
    inversion_openers: Words = []
    object_clitics: Words = []
    # Prepositions that name whose view a reported clause is, right after a speech verb whose
    # subject is no one ("L'essor des podcasts confirme pour X que …").
    holder_prepositions: Words = []
    # Prepositions naming the agent of a passive ("wurde von X gesagt"): what they govern may
    # be the speaker even between an auxiliary and its participle.
    agent_prepositions: Words = []
    # Unstressed object pronouns that stand between an inverted speech verb and its subject
    # ("sagt uns ein Sprecher", "sagte mir die Ministerin").
    objects_before_subject: Words = []
    # Words after which a speech-verb form is a noun ("une note", "sa réponse"): determiners that
    # are never object pronouns, and possessives ("le note" may be "il le note").
    noun_markers: Words = []
    # Lower-case particles inside a surname ("von Preen", "de Villepin", "van der Bellen"): a
    # speaker phrase after a speech verb does not end at one that a capitalised word follows.
    name_particles: Words = []
    max_gap_to_complementizer: StrictInt = 5


class Sentences(Schema):
    abbreviations: Words = []


class Identification(Schema):
    common_words: Words = []
    letters: StrictStr = ""


class Quotes(Schema):
    marks: Marks | None = None
    attribution: Attribution = Attribution()
    pronouns: Pronouns = Pronouns()
    grammar: QuoteGrammar = QuoteGrammar()
    sentences: Sentences = Sentences()


# Entities: titles, organisations, entities, countries, actors.


class TitleRules(Schema):
    definite: list[Annotated[list[StrictStr], Field(min_length=2, max_length=2)]] = []
    conjunctions: Words = []


class Titles(Schema):
    patterns: Words = []
    rules: TitleRules = TitleRules()
    titles: dict[str, StrictStr] = {}
    heads: dict[str, StrictStr] = {}
    prefixes: dict[str, StrictStr] = {}
    modifiers: dict[str, StrictStr] = {}


class Forms(Schema):
    canonical: StrictStr
    forms: Words = []


class Institution(Schema):
    canonical: StrictStr | None = None
    country: StrictStr | None = None
    sector: Literal["GOV", "LEG", "MIL", "JUD", "MED"] | None = None
    common_noun: StrictBool = False


class OrganisationRules(Schema):
    determiners: Words = []
    genitive_suffixes: Words = []
    include_determiner: StrictBool = True
    # The nationality adjective follows the organisation's first noun ("le ministère français de
    # l'Intérieur", "l'armée russe") instead of preceding it.
    adjective_after_noun: StrictBool = False


class OrganisationNames(Schema):
    # Words that end an organisation's name ("Council", "Centre"): a name ending in one is no
    # person or place; `compound_heads` also end a compound word ("Utenriksdepartementet").
    heads: Words = []
    compound_heads: Words = []
    # Lower-case words that may continue a name after its head ("Centre for Human Rights").
    joiners: Words = []


class Organisations(Schema):
    rules: OrganisationRules = OrganisationRules()
    names: OrganisationNames = OrganisationNames()
    nouns: list[Forms] = []
    heads: list[Forms] = []
    institutions: dict[str, Institution] = {}


class Sources(Schema):
    cues: Words = []
    addressee_particles: Words = []
    addressee_verbs: Words = []


class Entities(Schema):
    genitive_suffixes: Words = []
    not_names: Words = []
    # The language capitalises every noun (German), so a run of capitalised words is no name.
    nouns_capitalised: StrictBool = False
    # Endings of common nouns no name has ("-ung", "-heit"): where nouns are capitalised, a lone
    # PER word with one of them is a false person.
    common_noun_endings: Words = []
    sources: Sources = Sources()


class CountryRules(Schema):
    genitive_suffixes: Words = []
    sibilant_endings: Words = []
    sibilant_genitive_suffixes: Words = []
    adjective_suffixes: Words = []
    adjective_endings: Words = []
    min_shared_stem: StrictInt | None = None
    adjective_max_words: StrictInt | None = None
    adjective_case: StrictStr | None = None


class Country(Schema):
    name: StrictStr | None = None
    canonical: StrictStr | None = None
    names: Words = []
    adjectives: Words = []
    not_adjectives: Words = []
    genitives: Words = []


class Countries(Schema):
    not_places: Words = []
    # Countries whose smaller places (GeoNames towns) the gazetteer adds for this language.
    local_places: Words = []
    # Generic place nouns ending a hyphenated compound named after a place ("Krim-halvøya").
    compound_place_nouns: Words = []
    rules: CountryRules = CountryRules()
    countries: dict[str, Country] = {}


class LanguageActors(Schema):
    royal_titles: dict[str, StrictStr] = {}


class Home(Schema):
    tld: dict[str, StrictStr] = {}
    publishers: dict[str, StrictStr] = {}
    languages: dict[str, StrictStr] = {}
    national_titles: Words = []


class CommonActors(Schema):
    home: Home = Home()
    sectors: dict[str, Words] = {}


# Cleaning: resources/<lang>/cleaning.toml and resources/common/cleaning.toml.


class CleaningRule(Schema):
    pattern: StrictStr
    name: StrictStr | None = None
    case: StrictBool | None = None
    within: StrictStr | None = None


class Credits(Schema):
    wire_codes: Words = []


class Cleaning(Schema):
    line: list[CleaningRule] = []
    teaser_heading: list[CleaningRule] = []
    credits: Credits = Credits()
    credit_line: list[CleaningRule] = []
    credit: list[CleaningRule] = []
    inline: list[CleaningRule] = []
    source: list[CleaningRule] = []
    byline: list[CleaningRule] = []
    caption: list[CleaningRule] = []
    url_date: list[CleaningRule] = []
    dateline: list[CleaningRule] = []
    dateline_prefix: list[CleaningRule] = []


# Times: resources/<lang>/time.toml and resources/common/time.toml.


class TimeWordValue(Schema):
    hour: StrictInt | None = None
    minute: StrictInt | None = None
    offset: StrictInt | None = None
    part: StrictStr | None = None
    unit: StrictStr | None = None


class TimeSettings(Schema):
    clock: StrictStr | None = None
    abbreviation_tables: Words = []
    lowercase_tables: Words = []
    capital_only: Words = []
    merge_gap: StrictStr | None = None


class TimeRule(Schema):
    pattern: StrictStr
    name: StrictStr | None = None
    kind: StrictStr | None = None
    priority: StrictInt = 0
    examples: Words = []
    case_sensitive: StrictBool = False
    only_joined: StrictBool = False
    set: dict[str, StrictInt | StrictStr | StrictBool] = {}


class Tense(Schema):
    past: Words = []
    present: Words = []
    future: Words = []
    past_phrases: Words = []
    present_phrases: Words = []
    future_phrases: Words = []
    past_suffixes: Words = []
    present_suffixes: Words = []
    future_suffixes: Words = []
    min_suffix_word: StrictInt | None = None
    suffixes_without_pos: StrictBool = False
    not_verbs: Words = []


class DocumentDate(Schema):
    cues: Words = []
    caption_cues: Words = []


class Time(Schema):
    settings: TimeSettings = TimeSettings()
    classes: dict[str, StrictStr] = {}
    words: dict[str, Words | dict[str, StrictInt | StrictFloat | StrictStr | TimeWordValue]] = {}
    tense: Tense = Tense()
    document_date: DocumentDate = DocumentDate()
    rules: list[TimeRule] = []


# Events: resources/<lang>/events.toml and the common PLOVER, CAMEO and grounding tables.


class Syntax(Schema):
    verb_second: StrictBool = False
    verb_final: StrictBool = False
    dash_quotes: StrictBool = False
    nationality_plurals: Words = []


class Trigger(Schema):
    category: StrictStr
    words: Words
    mode: StrictStr | None = None
    frame: StrictStr | None = None
    context: Words = []
    actor_types: Words = []
    unilateral: StrictStr | None = None
    weight: Number | None = None
    # Object nouns the trigger needs in its sense (`talk*` a prefix); none: any object.
    objects: Words = []
    # Whether the trigger counts only with one of its `objects` present (none: it counts bare).
    needs_object: StrictBool = False
    # Whether the trigger word counts only as a verb: a one-word match the parse tags as a noun
    # ("lover" = laws, "støtte" = support as a thing) is no trigger.
    verb: StrictBool = False
    # Whether a doer the trigger's roles name must be a political actor: an everyday act (a phone
    # call, an offer) by a private person or a firm is no political event.
    political_doer: StrictBool = False


class Events(Schema):
    """resources/<lang>/events.toml. `[cues]` names are open (the coder asks for them by name);
    `[cues].speech` holds only forms the speech verbs file lacks (multi-word or event-specific):
    the speech verbs of resources/<lang>/speech_verbs.toml are added to it when it is loaded."""

    max_gap: StrictInt | None = None
    syntax: Syntax = Syntax()
    cues: dict[str, Words] = {}
    prepositions: dict[str, Words] = {}
    actor_groups: dict[str, Words] = {}
    # Per category, objects that cancel a trigger of it ("ordered an investigation": an order
    # for an inquiry is no request between actors).
    not_event_anchors: dict[str, Words] = {}
    trigger: list[Trigger] = []


class PloverCategory(Schema):
    description: StrictStr | None = None
    directed: StrictBool | None = None
    quad: StrictStr | None = None
    modes: dict[str, StrictStr] = {}
    place_source: StrictBool | None = None
    place_target: StrictBool | None = None
    political_act: StrictBool | None = None


class Recode(Schema):
    intent_cooperation: StrictStr | None = None
    intent_conflict: StrictStr | None = None
    refused: dict[str, StrictStr] = {}


class Plover(Schema):
    version: StrictStr | None = None
    categories: dict[str, PloverCategory] = {}
    recode: Recode = Recode()
    legacy: dict[str, StrictStr] = {}


class CameoCategory(Schema):
    root: StrictStr | None = None
    modes: dict[str, StrictStr] = {}


class CameoRoot(Schema):
    goldstein: Number | None = None
    quad_class: StrictInt | None = None


class Cameo(Schema):
    categories: dict[str, CameoCategory] = {}
    roots: dict[str, CameoRoot] = {}


class CameoRootName(Schema):
    name: StrictStr | None = None
    plover: Words = []


class CameoRoots(Schema):
    roots: dict[str, CameoRootName] = {}


class Sense(Schema):
    subject_exempt_categories: Words = []
    modifier_exempt_categories: Words = []
    stance_categories: Words = []
    page_min_sentences: StrictInt | None = None
    page_ratio: Number | None = None
    page_sections: Words = []
    sport_context_categories: Words = []


class GroundingConfidence(Schema):
    near_path: StrictInt | None = None
    far_path: StrictInt | None = None
    near_bonus: Number | None = None
    far_penalty: Number | None = None
    background_deps: Words = []
    background_penalty: Number | None = None
    writer_penalty: Number | None = None
    political_source_bonus: Number | None = None
    min_confidence: Number | None = None


class Grounding(Schema):
    sense: Sense = Sense()
    confidence: GroundingConfidence = GroundingConfidence()
    political_sectors: Words = []
    other_sectors: Words = []
    political_titles: Words = []
    law_enforcement_categories: Words = []
    law_enforcement_titles: Words = []
    civil_authority_categories: Words = []
    recipient_categories: Words = []


# Other common tables.


class Outlet(Schema):
    names: Words
    canonical: StrictStr | None = None
    country: StrictStr | None = None


class Media(Schema):
    outlets: list[Outlet] = []


class NerLabels(Schema):
    labels: dict[str, StrictStr] = {}


class Region(Schema):
    id: StrictStr
    canonical: StrictStr
    country: StrictStr | None = None
    type: StrictStr | None = None
    lat: Number | None = None
    lon: Number | None = None
    names: dict[str, Words] = {}


class SubdivisionUpdate(Schema):
    code: StrictStr
    name: StrictStr
    kind: StrictStr


class Subdivisions(Schema):
    min_length: StrictInt | None = None
    skip_words: Words = []
    kinds: Words = []
    strip_suffixes: Words = []
    updates: list[SubdivisionUpdate] = []


class Regions(Schema):
    regions: list[Region] = []
    subdivisions: Subdivisions = Subdivisions()


class Artefact(Schema):
    pattern: StrictStr
    name: StrictStr | None = None


class Translation(Schema):
    min_evidence: StrictInt | None = None
    candidates: Words = []
    close: list[Words] = []
    min_words: StrictInt | None = None
    max_chars: StrictInt | None = None
    min_confidence: Number | None = None
    artefacts: list[Artefact] = []


# Which schema reads which file.
LANGUAGE_SCHEMAS: dict[str, type[Schema]] = {
    "actors": LanguageActors,
    "cleaning": Cleaning,
    "countries": Countries,
    "entities": Entities,
    "events": Events,
    "identification": Identification,
    "organisations": Organisations,
    "quotes": Quotes,
    "speech_verbs": SpeechVerbs,
    "time": Time,
    "titles": Titles,
}
COMMON_SCHEMAS: dict[str, type[Schema]] = {
    "actors": CommonActors,
    "cameo": Cameo,
    "cameo_roots": CameoRoots,
    "cleaning": Cleaning,
    "grounding": Grounding,
    "media": Media,
    "ner_labels": NerLabels,
    "plover": Plover,
    "quotes": Quotes,
    "regions": Regions,
    "time": Time,
    "translation": Translation,
}
