"""newsgraph: raw news articles in, structured evidence-linked intelligence out."""

__version__ = "0.1.0"
