"""The compiled-resource cache: built once, then read back; stale or damaged entries rebuilt."""

from __future__ import annotations

import array
import os
from pathlib import Path

import pytest

from newsgraph.resources.compiled import (
    CACHE_ENV,
    KEEP_OTHER_DIGESTS,
    cache_path,
    compiled,
    mapped_array,
)


class Counter:
    def __init__(self) -> None:
        self.builds = 0

    def build(self) -> dict[str, list[str]]:
        self.builds += 1
        return {"Oslo": ["NOR"], "Bergen": ["NOR"]}


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    return tmp_path


def test_second_load_reads_the_cache_without_building(cache: Path) -> None:
    counter = Counter()
    first = compiled("places", "nb", counter.build)
    second = compiled("places", "nb", counter.build)
    assert first == second == {"Oslo": ["NOR"], "Bergen": ["NOR"]}
    assert counter.builds == 1
    path = cache_path("places", "nb")
    assert path is not None and path.parent == cache and path.is_file()


def test_languages_and_kinds_are_cached_apart(cache: Path) -> None:
    counter = Counter()
    compiled("places", "nb", counter.build)
    compiled("places", "en", counter.build)
    compiled("titles", "nb", counter.build)
    assert counter.builds == 3


def test_damaged_entry_is_rebuilt(cache: Path) -> None:
    counter = Counter()
    compiled("places", "nb", counter.build)
    path = cache_path("places", "nb")
    assert path is not None
    path.write_bytes(b"not a pickle")
    assert compiled("places", "nb", counter.build)["Oslo"] == ["NOR"]
    assert counter.builds == 2


def test_key_holds_a_hash_of_the_resource_files(cache: Path) -> None:
    path = cache_path("gazetteer", "nb")
    assert path is not None
    digest = path.stem.rsplit("-", 1)[1]
    assert len(digest) == 20 and int(digest, 16) >= 0


def test_off_builds_every_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, "off")
    counter = Counter()
    compiled("places", "nb", counter.build)
    compiled("places", "nb", counter.build)
    assert counter.builds == 2
    assert cache_path("places", "nb") is None


def test_key_changes_with_the_code_that_defines_compiled_objects(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsgraph.resources import compiled as module

    module.inputs_digest.cache_clear()
    with_code = module.inputs_digest()
    monkeypatch.setattr(module, "CODE_PACKAGES", ("resources",))
    module.inputs_digest.cache_clear()
    without_gazetteer_code = module.inputs_digest()
    monkeypatch.undo()
    module.inputs_digest.cache_clear()
    assert with_code != without_gazetteer_code
    assert module.inputs_digest() == with_code


def test_compiled_actor_knowledge_reads_back_equal_to_a_fresh_build(cache: Path) -> None:
    from newsgraph.knowledge.store import load_knowledge

    built = load_knowledge.__wrapped__()
    path = cache_path("knowledge", "common")
    assert path is not None and path.is_file()
    read_back = load_knowledge.__wrapped__()
    assert read_back is not built
    assert read_back.persons == built.persons
    assert read_back.organisations == built.organisations
    found = read_back.person("Jonas Gahr Støre", "2024-10-14")
    assert found is not None and found.actor.country == "NOR"


def test_a_result_keyed_by_its_own_inputs_outlives_resource_edits(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsgraph.resources import compiled as module

    counter = Counter()
    compiled("model", "nb", counter.build, inputs="package=1.0")
    first = cache_path("model", "nb", "package=1.0")
    module.inputs_digest.cache_clear()
    monkeypatch.setattr(module, "CODE_PACKAGES", ("resources",))
    compiled("model", "nb", counter.build, inputs="package=1.0")
    assert cache_path("model", "nb", "package=1.0") == first
    assert counter.builds == 1
    compiled("model", "nb", counter.build, inputs="package=2.0")
    assert counter.builds == 2
    monkeypatch.undo()
    module.inputs_digest.cache_clear()


def test_storing_an_entry_prunes_other_digests_of_its_kind_and_language(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = []
    for n in range(KEEP_OTHER_DIGESTS + 2):
        entry = cache / f"places-nb-{n:020x}.pickle"
        entry.write_bytes(b"old")
        os.utime(entry, (1_000_000 + n, 1_000_000 + n))
        old.append(entry)
    other_language = cache / f"places-nb_NO-{0:020x}.pickle"
    other_kind = cache / f"titles-nb-{0:020x}.pickle"
    fresh_temporary = cache / "tmpfresh.tmp"
    stale_temporary = cache / "tmpstale.tmp"
    for path in (other_language, other_kind, fresh_temporary, stale_temporary):
        path.write_bytes(b"x")
    os.utime(stale_temporary, (1_000_000, 1_000_000))
    compiled("places", "nb", Counter().build)
    current = cache_path("places", "nb")
    assert current is not None and current.is_file()
    assert [p.exists() for p in old] == [False, False] + [True] * KEEP_OTHER_DIGESTS
    assert other_language.exists() and other_kind.exists() and fresh_temporary.exists()
    assert not stale_temporary.exists()


def test_reading_an_entry_prunes_nothing(cache: Path) -> None:
    compiled("places", "nb", Counter().build)
    stale = [cache / f"places-nb-{n:020x}.pickle" for n in range(5)]
    for path in stale:
        path.write_bytes(b"old")
    compiled("places", "nb", Counter().build)
    assert all(path.exists() for path in stale)


def states(count: list[int]) -> array.array[int]:
    count.append(1)
    return array.array("I", [0, 7, 4_000_000_000, 12, 7])


def test_a_mapped_array_reads_back_the_same_numbers_without_building(cache: Path) -> None:
    builds: list[int] = []
    built = mapped_array("states", "all", lambda: states(builds), "inputs 1")
    mapped = mapped_array("states", "all", lambda: states(builds), "inputs 1")
    assert isinstance(built, array.array) and isinstance(mapped, memoryview)
    assert len(builds) == 1
    assert list(mapped) == list(built) and len(mapped) == len(built)
    assert mapped[2] == 4_000_000_000 and mapped[-1] == 7
    with pytest.raises(TypeError):
        mapped[0] = 1  # read-only: workers share the pages


def test_a_damaged_mapped_array_is_rebuilt(cache: Path) -> None:
    builds: list[int] = []
    mapped_array("states", "all", lambda: states(builds), "inputs 1")
    path = cache_path("states", "all", "inputs 1", suffix=".array")
    assert path is not None and path.is_file()
    path.write_bytes(b"I\0\0\0\0\0\0\0abc")  # not a whole number of elements
    assert list(mapped_array("states", "all", lambda: states(builds), "inputs 1"))[1] == 7
    assert len(builds) == 2
    assert isinstance(mapped_array("states", "all", lambda: states(builds), "inputs 1"), memoryview)


def test_a_mapped_array_with_the_cache_off_is_the_built_array(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(CACHE_ENV, "off")
    builds: list[int] = []
    assert isinstance(mapped_array("states", "all", lambda: states(builds), "x"), array.array)
    assert isinstance(mapped_array("states", "all", lambda: states(builds), "x"), array.array)
    assert len(builds) == 2
