"""Shared fixtures of the event tests."""

from __future__ import annotations

import pytest

from newsgraph.api import Extractor
from newsgraph.settings import load_settings


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The whole pipeline with the shipped models and default settings, loaded once."""
    return Extractor(load_settings())
