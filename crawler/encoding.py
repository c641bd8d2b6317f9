"""Decide a page's encoding once: BOM, HTTP header, <meta>, then charset-normalizer.

Declarations are trusted only when the bytes agree with them. Headers lie on real sites (a CMS
upgraded to UTF-8 behind a server still announcing windows-1256, or the reverse), and a lie is
visible: strict decoding fails, valid multi-byte UTF-8 is announced as a single-byte charset, or
the decoded text reads as mojibake (charset-normalizer's mess ratio).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CT_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
# Browsers (WHATWG) treat these labels as windows-1252; so do we.
_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252",
            "iso-8859-6": "cp1256", "arabic": "cp1256"}
_META_SCAN_BYTES = 8192
_MESS_LIMIT = 0.2
_SAMPLE_CHARS = 20_000


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    source: str  # "bom", "header", "meta", "utf-8", "detected", "fallback" or "empty"
    overridden: str | None = None  # a declared charset the bytes contradicted


def codec_name(label: str | None) -> str | None:
    """Python codec name for a charset label, or None when the label is unknown."""
    if not label:
        return None
    label = label.strip().lower()
    try:
        name = codecs.lookup(_ALIASES.get(label, label)).name
    except LookupError:
        return None
    return _ALIASES.get(name, name)


def header_charset(content_type: str | None) -> str | None:
    match = _CT_CHARSET.search(content_type or "")
    return match.group(1) if match else None


def meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:_META_SCAN_BYTES])
    return match.group(1).decode("ascii", "replace") if match else None


def _strict(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _is_utf8_text(body: bytes) -> bool:
    """Valid UTF-8 with multi-byte sequences: no single-byte page passes this by accident."""
    return not body.isascii() and _strict(body, "utf-8") is not None


def _plausible(text: str) -> bool:
    return mess_ratio(text[:_SAMPLE_CHARS], maximum_threshold=1.0) < _MESS_LIMIT


def _detect(body: bytes) -> str | None:
    best = from_bytes(body).best()
    return codec_name(best.encoding) if best else None


def decode_html(body: bytes, content_type: str | None = None) -> Decoded:
    """Decode a page's raw bytes to text; never raises, never returns U+FFFD for valid input."""
    if not body:
        return Decoded("", "utf-8", "empty")
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            text = _strict(body[len(bom) :], encoding)
            if text is not None:
                return Decoded(text, encoding, "bom")
    overridden: str | None = None
    declared = (("header", header_charset(content_type)), ("meta", meta_charset(body)))
    for source, label in declared:
        encoding = codec_name(label)
        if encoding is None:
            continue
        text = _strict(body, encoding)
        trusted = text is not None and (
            encoding == "utf-8" or (not _is_utf8_text(body) and _plausible(text))
        )
        if trusted:
            return Decoded(text, encoding, source, overridden)
        overridden = overridden or encoding
    text = _strict(body, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8", "utf-8", overridden)
    detected = _detect(body)
    if detected:
        text = _strict(body, detected)
        if text is not None:
            return Decoded(text, detected, "detected", overridden)
    # Undecodable in any single charset (binary or mixed): keep what UTF-8 can read.
    text = body.decode("utf-8", errors="ignore")
    return Decoded(text, "utf-8", "fallback", overridden)
