"""robots.txt `Sitemap:` lines, sitemap indexes and urlsets, Google News sitemaps, gzip."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import etree

from crawler.discovery.entries import Entry
from crawler.discovery.html import absolute
from crawler.discovery.timeparse import parse_timestamp
from crawler.discovery.xml import (
    DEFAULT_MAX_SIZE,
    XmlError,
    children,
    first_text,
    local_name,
    parse_xml,
    prepare,
)

INDEX = "index"
URLSET = "urlset"

_ROBOTS_SITEMAP = re.compile(r"^\s*sitemap\s*:\s*(\S+)", re.I | re.M)
# Child sitemaps of taxonomies, static pages, authors and media list no articles.
_NON_ARTICLE_SITEMAP = re.compile(
    r"(?:^|[-_/.])(?:pages?|categor(?:y|ies)|tags?|post_tag|authors?|users?|taxonom(?:y|ies)|"
    r"attachments?|media|images?|videos?|product_cat|post_format|locations?)(?:[-_./\d]|$)",
    re.I,
)


class SitemapError(ValueError):
    """The bytes are not a readable sitemap."""


@dataclass(frozen=True, slots=True)
class Sitemap:
    kind: str  # INDEX (entries are sitemaps) or URLSET (entries are pages)
    entries: list[Entry] = field(default_factory=list)


def robots_sitemaps(robots: str | bytes, url: str) -> list[str]:
    """Absolute URLs of the `Sitemap:` lines of a robots.txt, in file order."""
    if isinstance(robots, bytes):
        robots = robots.decode("utf-8", errors="replace")
    found: list[str] = []
    for match in _ROBOTS_SITEMAP.finditer(robots):
        target = absolute(match[1], url)
        if target and target not in found:
            found.append(target)
    return found


def parse_sitemap(body: bytes, url: str, max_size: int = DEFAULT_MAX_SIZE) -> Sitemap:
    """A sitemap index or urlset (plain or gzip); text sitemaps (one URL a line) too.

    Dates: `lastmod` is the update time; Google News `news:publication_date` the publication
    time and `news:title` the title.
    """
    try:
        data = prepare(body, max_size)
        if data and not data.startswith(b"<"):
            return Sitemap(URLSET, _text_sitemap(data, url))
        root = parse_xml(data, max_size)
    except XmlError as exc:
        raise SitemapError(f"{url}: {exc}") from None
    kind = local_name(root)
    if kind == "sitemapindex":
        return Sitemap(INDEX, _entries(root, "sitemap", url))
    if kind == "urlset":
        return Sitemap(URLSET, _entries(root, "url", url))
    raise SitemapError(f"{url}: root element <{kind}> is not urlset or sitemapindex")


def _entries(root: etree._Element, child: str, url: str) -> list[Entry]:
    found: dict[str, Entry] = {}
    for element in children(root, child):
        loc = absolute(first_text(element, "loc"), url)
        if loc is None or loc in found:
            continue
        published = title = None
        for news in children(element, "news"):
            published = parse_timestamp(first_text(news, "publication_date"))
            title = first_text(news, "title")
        found[loc] = Entry(loc, published=published,
                           updated=parse_timestamp(first_text(element, "lastmod")), title=title)
    return list(found.values())


def _text_sitemap(data: bytes, url: str) -> list[Entry]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise SitemapError(f"{url}: text sitemap is not UTF-8") from None
    found: list[Entry] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if not line.startswith(("http://", "https://")):
            raise SitemapError(f"{url}: not a sitemap (line {line[:40]!r})")
        found.append(Entry(line))
    return found


def lists_articles(sitemap_url: str) -> bool:
    """False for child sitemaps of pages, taxonomies, authors or media (Yoast, WordPress core)."""
    name = urlsplit(sitemap_url).path.rsplit("/", 1)[-1] or urlsplit(sitemap_url).path
    return not _NON_ARTICLE_SITEMAP.search(name)
