"""Parse an HTML page once and read the links on it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

_SCHEMES = ("http://", "https://")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Link:
    url: str  # absolute, without fragment
    text: str  # the anchor's visible text, whitespace folded
    rel: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()


def parse_html(html: str | bytes | HtmlElement) -> HtmlElement | None:
    """The document tree, or None for an empty or unparseable page."""
    if isinstance(html, HtmlElement):
        return html
    if isinstance(html, str):
        # lxml refuses str input that still carries an XML encoding declaration.
        html = re.sub(r"^\s*<\?xml[^>]*>", "", html)
    if not html or not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def base_url(tree: HtmlElement, url: str) -> str:
    """The page's <base href> resolved against its URL, or the URL itself."""
    for href in tree.xpath("//head/base/@href"):
        if href.strip():
            return urljoin(url, href.strip())
    return url


def absolute(href: str | None, base: str) -> str | None:
    """An absolute http(s) URL without fragment, or None for mailto:, javascript: and the like."""
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    url = urldefrag(urljoin(base, href)).url
    return url if url.startswith(_SCHEMES) else None


def fold(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def links(html: str | bytes | HtmlElement, url: str) -> list[Link]:
    """Every <a href> on the page in document order, absolute, first occurrence of each URL."""
    tree = parse_html(html)
    if tree is None:
        return []
    base = base_url(tree, url)
    seen: set[str] = set()
    found: list[Link] = []
    for anchor in tree.iter("a"):
        target = absolute(anchor.get("href"), base)
        if target is None or target in seen:
            continue
        seen.add(target)
        found.append(Link(
            url=target,
            text=fold(anchor.text_content()),
            rel=tuple((anchor.get("rel") or "").lower().split()),
            classes=tuple((anchor.get("class") or "").lower().split()),
        ))
    return found


def head_links(tree: HtmlElement, url: str, rel: str) -> list[tuple[str, str, str]]:
    """(href, type, title) of each <link> whose rel list contains `rel`."""
    base = base_url(tree, url)
    found: list[tuple[str, str, str]] = []
    for element in tree.iter("link"):
        rels = (element.get("rel") or "").lower().split()
        target = absolute(element.get("href"), base)
        if rel in rels and target:
            found.append((target, (element.get("type") or "").strip().lower(),
                          element.get("title") or ""))
    return found
