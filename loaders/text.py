"""Reading a brief from disk: bytes to text, with one clear error for bad input."""

from __future__ import annotations

import codecs
from pathlib import Path

from briefgraph.errors import InputError
from briefgraph.inputs import read_input

SUFFIXES = (".txt", ".md", ".markdown", ".text")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, origin: str) -> str:
    """Decode a brief's bytes: UTF-8, or UTF-16/32 with a byte-order mark; anything else is refused."""
    if not data.strip():
        raise InputError(f"{origin} is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(f"{origin} starts with a {encoding} byte-order mark but does not decode as {encoding}") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{origin} is a binary file, not a brief",
                         hint="briefgraph reads .txt, .md, .pdf, .docx and .html briefs")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{origin} is not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
            hint="convert it first, e.g. iconv -f windows-1252 -t utf-8",
        ) from None


def read_bytes(path: str | Path) -> bytes:
    """The bytes of the file at ``path``; raise InputError for a directory, a missing or
    unreadable file, or a format briefgraph does not read (.doc, .odt, .rtf)."""
    p = Path(path)
    if p.suffix.lower() in (".doc", ".odt", ".rtf") and not p.is_dir():
        raise InputError(f"{p} is a {p.suffix.lower().lstrip('.').upper()} file; briefgraph reads text, PDF, DOCX and HTML",
                         hint="save it as .docx or .pdf first")
    return read_input(p, "a brief")


def read_text(path: str | Path) -> str:
    """The text of the brief at ``path``; raise InputError for anything that is not one."""
    return decode(read_bytes(path), str(path))
