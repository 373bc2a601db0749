"""Bytes to text: encoding detection (charset-normalizer adapter) and binary refusal."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from newsgraph.errors import InputError

# A text file has almost no control characters besides whitespace.
MAX_CONTROL_RATIO = 0.01
PREFERRED_ENCODINGS = ("cp1252", "latin_1", "iso8859_15", "cp1251", "gb18030", "shift_jis")
# Runs of invalid bytes per valid multi-byte UTF-8 character: at most this share and it is UTF-8
# with a few stray bytes (a bad paste, a cut character), not a code page: text in a code page
# decoded as UTF-8 has next to no valid multi-byte characters.
MAX_STRAY_PER_UTF8_SEQUENCE = 0.5
STRAY_RUN = re.compile("\ufffd+")
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Every byte but the control characters other than tab, line feed, form feed and carriage return:
# deleting these from a sample leaves its control characters, counted in C.
NOT_CONTROL_BYTES = bytes(byte for byte in range(256) if byte >= 32 or byte in (9, 10, 12, 13))


def looks_binary(data: bytes) -> bool:
    """True when the bytes are clearly not text (NUL bytes or many control characters)."""
    sample = data[:65536]
    # Stray NUL bytes occur in real pages; only a share of them (or of other controls) means binary.
    controls = len(sample.translate(None, NOT_CONTROL_BYTES))
    return bool(sample) and controls / len(sample) > MAX_CONTROL_RATIO


def utf16_encoding(data: bytes) -> str | None:
    """'utf-16' (with a BOM) or 'utf-16-le'/'utf-16-be' when the bytes look like UTF-16 text."""
    if data.startswith(UTF16_BOMS):
        return "utf-16"
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0) / len(sample[0::2])
    odd_zeros = sample[1::2].count(0) / len(sample[1::2])
    # Latin-script UTF-16 has a NUL in every other byte and almost none in the others.
    if odd_zeros > 0.4 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.4 and odd_zeros < 0.05:
        return "utf-16-be"
    return None


def mostly_utf8(data: bytes) -> str | None:
    """The text, with stray bytes replaced, when invalid bytes are rare next to valid UTF-8."""
    text = data.decode("utf-8", errors="replace")
    # One stray byte inside a character breaks it into up to three replacements: count runs.
    runs = len(STRAY_RUN.findall(text))
    stray = max(runs - data.decode("utf-8", errors="ignore").count("\ufffd"), 0)
    multibyte = sum(1 for char in text if "\x7f" < char != "\ufffd")
    if multibyte and stray / multibyte <= MAX_STRAY_PER_UTF8_SEQUENCE:
        return text
    return None


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Decode bytes to (text, encoding name); UTF-8 first, then detection; binary is refused."""
    wide = utf16_encoding(data)
    if wide is not None:
        try:
            text = data.decode(wide).lstrip("\ufeff")
        except UnicodeDecodeError as error:
            raise InputError(path, "binary file, not text or HTML (invalid UTF-16)") from error
        controls = sum(1 for char in text[:65536] if char < " " and char not in "\t\n\f\r")
        if not text or controls / len(text[:65536]) > MAX_CONTROL_RATIO:
            raise InputError(path, "binary file, not text or HTML")
        return text, wide
    if looks_binary(data):
        raise InputError(path, "binary file, not text or HTML")
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    repaired = mostly_utf8(data)
    if repaired is not None:
        return repaired, "utf-8 (invalid bytes replaced)"
    matches = list(from_bytes(data))
    if not matches:
        raise InputError(path, "invalid UTF-8 and no other text encoding fits")
    best = matches[0]
    # Several code pages often decode equally cleanly; prefer the most widespread among them.
    tied = [m for m in matches if m.chaos <= best.chaos and m.coherence >= best.coherence]
    chosen = next((m for m in tied if m.encoding in PREFERRED_ENCODINGS), best)
    return str(chosen), chosen.encoding
