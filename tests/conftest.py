"""Shared fixtures: paths to the shared corpus (read at run time, never copied) and the samples."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
REFERENCE = SHARED / "corpus" / "nb" / "nguoiduatin-belousov-beijing.txt"
SAMPLES = REPO / "src" / "newsgraph" / "samples"


@pytest.fixture
def reference_path() -> Path:
    """The reference page (bundled as a sample, so always present)."""
    return SAMPLES / "nguoiduatin-belousov-beijing.txt"


@pytest.fixture
def shared_dir() -> Path:
    """../shared, skipping the test when the checkout has none beside it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED
