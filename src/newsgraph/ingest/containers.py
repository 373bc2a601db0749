"""Opening input files: regular files only, bounded reads, gzip/bzip2/xz and zip archives.

Nothing here trusts a reported size: every read stops one byte past the limit, so `/dev/zero`, a
decompression bomb or a file that grows while it is read is refused, not read into memory.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import os
import stat
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from newsgraph.errors import InputError

COMPRESSED_SUFFIXES = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
ZIP_SUFFIXES = (".zip",)
# Errors the decompressors raise on corrupt or truncated data.
DECOMPRESS_ERRORS = (OSError, EOFError, lzma.LZMAError, zipfile.BadZipFile, ValueError, zlib.error)


@dataclass(frozen=True)
class Member:
    """One input inside a file: its name (without a compression suffix) and its bytes."""

    name: str
    where: str
    data: bytes


def display_path(path: Path | str) -> str:
    """A path as text that can be printed and stored (undecodable bytes written as \\xNN)."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", errors="backslashreplace")


def inner_name(name: str) -> str:
    """A file name without its compression suffix (`a.html.gz` → `a.html`)."""
    lower = name.lower()
    for suffix in COMPRESSED_SUFFIXES:
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name


def check_regular(path: Path) -> None:
    """Raise InputError unless `path` is a regular file (FIFOs, devices and sockets never end)."""
    where = display_path(path)
    try:
        mode = path.stat().st_mode
    except OSError as error:
        raise InputError(where, f"cannot read file ({error.strerror or error})") from error
    if stat.S_ISDIR(mode):
        raise InputError(where, "is a directory")
    if not stat.S_ISREG(mode):
        raise InputError(where, "not a regular file (a pipe, device or socket); skipped")


def read_bounded(stream: IO[bytes], limit: int, where: str) -> bytes:
    """At most `limit` bytes of a stream; more is an InputError naming the limit."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(where, f"larger than the {limit / 1_000_000:.0f} MB limit")
    return data


def open_stream(path: Path) -> IO[bytes]:
    """A binary stream of a file's content, decompressed when its name says it is compressed."""
    opener = COMPRESSED_SUFFIXES.get(path.suffix.lower())
    if opener is None:
        return path.open("rb")
    return opener(path, "rb")  # type: ignore[no-any-return, operator]


def read_member(path: Path, limit: int) -> Member:
    """The (decompressed) bytes of one regular file, bounded by `limit`."""
    check_regular(path)
    where = display_path(path)
    try:
        with open_stream(path) as stream:
            data = read_bounded(stream, limit, where)
    except InputError:
        raise
    except DECOMPRESS_ERRORS as error:
        raise InputError(where, f"cannot read file ({_reason(error)})") from error
    return Member(name=inner_name(path.name), where=where, data=data)


def zip_members(path: Path, limit: int) -> Iterator[Member | InputError]:
    """Every file in a zip archive (directories and hidden entries left out), in archive order."""
    where = display_path(path)
    try:
        archive = zipfile.ZipFile(path)
    except DECOMPRESS_ERRORS as error:
        yield InputError(where, f"not a readable zip archive ({_reason(error)})")
        return
    with archive:
        for info in archive.infolist():
            name = info.filename.rsplit("/", 1)[-1]
            if info.is_dir() or not name or name.startswith("."):
                continue
            member_where = f"{where}!{info.filename}"
            try:
                with archive.open(info) as raw:
                    opener = COMPRESSED_SUFFIXES.get(Path(name).suffix.lower())
                    stream: IO[bytes] = opener(raw, "rb") if opener else raw  # type: ignore[operator]
                    data = read_bounded(stream, limit, member_where)
            except InputError as error:
                yield error
                continue
            except (*DECOMPRESS_ERRORS, RuntimeError, NotImplementedError) as error:
                yield InputError(member_where, f"cannot read zip member ({_reason(error)})")
                continue
            yield Member(name=inner_name(name), where=member_where, data=data)


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
