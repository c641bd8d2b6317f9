"""Article extraction: a pure function of (html, url, site rules). No Scrapy here.

trafilatura finds the main text; JSON-LD and <meta> give title, date and author first; the
site's boilerplate selectors and the generic multilingual filter remove what plugins put inside
the content container; page-type signals turn listings, tags, searches and errors into None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura
from lxml import etree
from lxml.html import HtmlElement, HTMLParser, document_fromstring
from trafilatura.metadata import extract_metadata

from crawler.article import Article
from crawler.boilerplate import (
    GENERIC_SELECTORS,
    clean_lines,
    drop_author_bio,
    fold,
    prune,
    select,
)
from crawler.dates import parse_iso
from crawler.encoding import decode_html
from crawler.metadata import PageMeta, clean, read_metadata, short_language
from crawler.pagetype import non_article_reason
from crawler.site import Site

MAX_HTML_CHARS = 8_000_000  # beyond this a "page" is a dump, not an article
MIN_BODY_CHARS = 250
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f]")
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]")
_TITLE_SEPARATORS = re.compile(r"\s+[|–—\-:»]\s+")


@dataclass(frozen=True, slots=True)
class Extraction:
    article: Article | None
    reason: str = ""  # why there is no article


def extract_article(html: str | bytes, url: str, site: str | Site | None = None,
                    content_type: str | None = None) -> Article | None:
    """The page's article, or None for anything that is not one article. Never raises."""
    return extract(html, url, site, content_type).article


def extract(html: str | bytes, url: str, site: str | Site | None = None,
            content_type: str | None = None) -> Extraction:
    """Like `extract_article`, with the reason when there is no article."""
    rules = _rules(site)
    text = decode_html(html, content_type).text if isinstance(html, bytes) else html
    if not text.strip():
        return Extraction(None, "empty")
    if len(text) > MAX_HTML_CHARS:
        return Extraction(None, "too-large")
    if len(_BINARY.findall(text[:4096])) > 8:
        return Extraction(None, "binary")
    # libxml2 turns stray control characters into U+FFFD, which must never reach a file.
    tree = _parse(_UNPRINTABLE.sub("", text))
    if tree is None:
        return Extraction(None, "unparsable")
    try:
        return _extract_tree(tree, url, rules)
    except Exception as exc:
        return Extraction(None, f"unreadable: {type(exc).__name__}")


def _rules(site: str | Site | None) -> Site | None:
    if site is None or isinstance(site, Site):
        return site
    from crawler.sites import get_site  # site data lives beside the spiders

    return get_site(site)


def _parse(text: str) -> HtmlElement | None:
    # XML declarations with an encoding make lxml refuse str input.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        return document_fromstring(text, parser=HTMLParser(remove_comments=True, huge_tree=False))
    except (etree.ParserError, ValueError):
        return None


def _extract_tree(tree: HtmlElement, url: str, rules: Site | None) -> Extraction:
    meta = read_metadata(tree, url)
    reason = non_article_reason(tree, url, meta, rules)
    if reason:
        return Extraction(None, reason)
    prune(tree, (*(rules.boilerplate_selectors if rules else ()), *GENERIC_SELECTORS))
    container = _body_container(tree, rules)
    # trafilatura's metadata (htmldate's search above all) costs as much as the text extraction;
    # it is only a fallback, so it runs only when JSON-LD and <meta> left a field empty. Before
    # the extraction: that cleans the tree in place.
    needed = not (meta.headline or meta.og_title) or not meta.date or not meta.author
    fallback = extract_metadata(tree, default_url=url) if needed else None
    document = trafilatura.bare_extraction(
        tree if container is None else container, url=url, favor_precision=True,
        include_comments=False, include_tables=True, with_metadata=False, deduplicate=False,
    )
    if document is None or not document.text:
        return Extraction(None, "no-main-text")
    if fallback is not None:
        document.title, document.date, document.author = (
            fallback.title, fallback.date, fallback.author)
    title = _title(meta, document.title)
    if not title:
        return Extraction(None, "no-title")
    extra = frozenset(fold(line) for line in (rules.boilerplate_lines if rules else ()))
    titles = (title, meta.og_title, meta.title, meta.heading, document.title,
              _strip_site_name(meta.title or "", meta.site_name))
    lines = _UNPRINTABLE.sub("", document.text).split("\n")
    body, byline_author = clean_lines(lines, titles, extra)
    author = meta.author or byline_author or clean(document.author)
    body = drop_author_bio(body, author)
    if sum(len(p) for p in body) < MIN_BODY_CHARS:
        return Extraction(None, "too-short")
    article = Article(
        url=url,
        title=title,
        body=tuple(body),
        site=rules.name if rules else None,
        date=meta.date or parse_iso(document.date),
        author=author,
        language=short_language(meta.language) or (rules.language if rules else None)
        or short_language(document.language),
        canonical_url=meta.canonical_url,
    )
    return Extraction(article)


def _body_container(tree: HtmlElement, rules: Site | None) -> HtmlElement | None:
    """A document holding only the site's declared body element, when the page has one."""
    if not rules or not rules.body_selector:
        return None
    found = select(tree, rules.body_selector)
    if not found:
        return None
    document = document_fromstring("<html><body><article></article></body></html>")
    document.find(".//article").append(found[0])
    return document


def _title(meta: PageMeta, fallback: str | None) -> str | None:
    if meta.headline:
        return meta.headline
    for candidate in (meta.og_title, fallback, meta.title):
        if candidate := clean(candidate):
            return _strip_site_name(candidate, meta.site_name)
    return None


def _strip_site_name(title: str, site_name: str | None) -> str:
    """'Headline - Site' -> 'Headline' when the tail is the site's name."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) > 1 and site_name and fold(parts[-1]).casefold() == fold(site_name).casefold():
        return fold(" - ".join(parts[:-1]))
    return title
