"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: entry URLs with their dates and titles."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urljoin

from lxml import etree
from lxml.html import HtmlElement

from crawler.discovery.entries import Entry
from crawler.discovery.html import absolute, head_links, parse_html
from crawler.discovery.timeparse import parse_timestamp
from crawler.discovery.xml import XmlError, children, first_text, local_name, parse_xml

# Paths where CMSs put a site feed; probed by the generic spider when nothing is announced.
COMMON_FEED_PATHS = ("/feed/", "/rss", "/rss.xml", "/feed.xml", "/atom.xml", "/index.xml")
FEED_TYPES = (
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
    "text/xml",
)
_COMMENT_FEED_HINTS = ("comments/feed", "comment-feed", "/comments/", "تعليقات", "commentaires",
                       "comments")
_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


class FeedError(ValueError):
    """The bytes are not a readable RSS or Atom feed."""


def parse_feed(body: bytes, url: str) -> list[Entry]:
    """The items of an RSS/RDF feed or the entries of an Atom feed, in feed order."""
    try:
        root = parse_xml(body)
    except XmlError as exc:
        raise FeedError(f"{url}: {exc}") from None
    kind = local_name(root)
    if kind == "rss":
        channel = next(children(root, "channel"), None)
        items = list(children(channel, "item")) if channel is not None else []
        return _unique(_rss_entry(item, url) for item in items)
    if kind == "RDF":
        return _unique(_rss_entry(item, url) for item in children(root, "item"))
    if kind == "feed":
        base = urljoin(url, root.get(_XML_BASE) or "")
        return _unique(_atom_entry(entry, base) for entry in children(root, "entry"))
    raise FeedError(f"{url}: root element <{kind}> is not rss, RDF or feed")


def _unique(entries: Iterable[Entry | None]) -> list[Entry]:
    seen: set[str] = set()
    found: list[Entry] = []
    for entry in entries:
        if entry is not None and entry.url not in seen:
            seen.add(entry.url)
            found.append(entry)
    return found


def _rss_entry(item: etree._Element, url: str) -> Entry | None:
    link = absolute(first_text(item, "link"), url)
    if link is None:
        guid = next(children(item, "guid"), None)
        if guid is not None and (guid.get("isPermaLink") or "true").lower() != "false":
            link = absolute((guid.text or "").strip(), url)
    if link is None:
        return None
    published = parse_timestamp(first_text(item, "pubDate")) or parse_timestamp(
        first_text(item, "date")  # dc:date, RSS 1.0
    )
    updated = parse_timestamp(first_text(item, "updated"))
    return Entry(link, published=published, updated=updated, title=first_text(item, "title"))


def _atom_entry(entry: etree._Element, base: str) -> Entry | None:
    base = urljoin(base, entry.get(_XML_BASE) or "")
    link: str | None = None
    for element in children(entry, "link"):
        rel = (element.get("rel") or "alternate").lower()
        kind = (element.get("type") or "text/html").lower()
        if rel == "alternate" and "html" in kind:
            link = absolute(element.get("href"), base)
            if link:
                break
    if link is None:
        return None
    published = parse_timestamp(first_text(entry, "published")) or parse_timestamp(
        first_text(entry, "issued")  # Atom 0.3
    )
    updated = parse_timestamp(first_text(entry, "updated"))
    return Entry(link, published=published, updated=updated, title=first_text(entry, "title"))


def feed_links(html: str | bytes | HtmlElement, url: str) -> list[str]:
    """Feeds a page announces with <link rel="alternate" type="application/rss+xml|atom+xml">.

    Comment feeds are left out: they list comments, not articles.
    """
    tree = parse_html(html)
    if tree is None:
        return []
    found: list[str] = []
    for href, kind, title in head_links(tree, url, "alternate"):
        if kind not in FEED_TYPES or href in found:
            continue
        hint = f"{href} {title}".lower()
        if any(word in hint for word in _COMMENT_FEED_HINTS):
            continue
        found.append(href)
    return found
