"""Bytes to text: encoding detection (charset-normalizer adapter) and binary refusal."""

from __future__ import annotations

from charset_normalizer import from_bytes

from newsgraph.errors import InputError

# A text file has almost no control characters besides whitespace.
MAX_CONTROL_RATIO = 0.01
PREFERRED_ENCODINGS = ("cp1252", "latin_1", "iso8859_15", "cp1251", "gb18030", "shift_jis")


def looks_binary(data: bytes) -> bool:
    """True when the bytes are clearly not text (NUL bytes or many control characters)."""
    sample = data[:65536]
    # Stray NUL bytes occur in real pages; only a share of them (or of other controls) means binary.
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return bool(sample) and controls / len(sample) > MAX_CONTROL_RATIO


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Decode bytes to (text, encoding name); UTF-8 first, then detection; binary is refused."""
    if looks_binary(data):
        raise InputError(path, "binary file, not text or HTML")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(data))
    if not matches:
        raise InputError(path, "invalid UTF-8 and no other text encoding fits")
    best = matches[0]
    # Several code pages often decode equally cleanly; prefer the most widespread among them.
    tied = [m for m in matches if m.chaos <= best.chaos and m.coherence >= best.coherence]
    chosen = next((m for m in tied if m.encoding in PREFERRED_ENCODINGS), best)
    return str(chosen), chosen.encoding
