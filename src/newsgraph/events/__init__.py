"""PLOVER event coding: ontology, trigger lexicons, arguments, time and place, merging.

`EventCoder(load_lexicon(lang), GazetteerGeo(lang)).code(article)` returns the article's events;
the `events` stage (newsgraph.stages.events) wraps it for the pipeline.
"""

from newsgraph.events.coder import EventCoder
from newsgraph.events.geo import GazetteerGeo, Geo, NoGeo
from newsgraph.events.lexicon import Lexicon, load_lexicon
from newsgraph.events.ontology import Category, Ontology, load_ontology

__all__ = [
    "Category",
    "EventCoder",
    "GazetteerGeo",
    "Geo",
    "Lexicon",
    "NoGeo",
    "Ontology",
    "load_lexicon",
    "load_ontology",
]
