"""Strict, safe XML parsing shared by the sitemap and feed readers (namespace-agnostic access)."""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator

from lxml import etree

# No entities, no network, no huge trees: sitemaps and feeds come from strangers.
_PARSER_OPTIONS = {"resolve_entities": False, "no_network": True, "remove_comments": True,
                   "remove_pis": True, "huge_tree": False}
_BOM = b"\xef\xbb\xbf"
DEFAULT_MAX_SIZE = 64 * 1024 * 1024


class XmlError(ValueError):
    """Malformed, empty or oversized XML."""


def gunzip(body: bytes, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """Decompress gzip bytes, refusing more than `max_size` bytes of output (gzip bombs)."""
    out = io.BytesIO()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as stream:
            while chunk := stream.read(1 << 16):
                out.write(chunk)
                if out.tell() > max_size:
                    raise XmlError(f"gzip content larger than {max_size} bytes")
    except (OSError, EOFError, zlib.error) as exc:
        raise XmlError(f"bad gzip data: {exc}") from None
    return out.getvalue()


def is_gzip(body: bytes) -> bool:
    return body[:2] == b"\x1f\x8b"


def prepare(body: bytes, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """Gunzipped when gzip, without BOM and leading whitespace.

    WordPress plugins often emit a blank line before `<?xml`, which strict parsers reject.
    """
    if is_gzip(body):
        body = gunzip(body, max_size)
    if body.startswith(_BOM):
        body = body[len(_BOM) :]
    return body.lstrip()


def parse_xml(body: bytes, max_size: int = DEFAULT_MAX_SIZE) -> etree._Element:
    data = prepare(body, max_size)
    if not data:
        raise XmlError("empty document")
    parser = etree.XMLParser(recover=False, **_PARSER_OPTIONS)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise XmlError(f"malformed XML: {exc}") from None
    if root is None:
        raise XmlError("no root element")
    return root


def local_name(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def children(element: etree._Element | None, name: str) -> Iterator[etree._Element]:
    """Direct children with this local name, whatever their namespace."""
    if element is None:
        return
    for child in element:
        if local_name(child) == name:
            yield child


def first_text(element: etree._Element, name: str) -> str | None:
    for child in children(element, name):
        text = "".join(child.itertext()).strip()
        if text:
            return text
    return None
