"""Is this page an article? Declarations in the page and the shape of its URL."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote, urlsplit

from lxml.html import HtmlElement

from crawler.discovery.html import parse_html

ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "askpublicnewsarticle",
    "liveblogposting", "report", "scholarlyarticle", "socialmediaposting",
})

# Dated paths (/2025/05/08/slug, /2025/05/slug), id-suffixed pages (_a123.html, -12345.html),
# /article/123, ?p=123 / ?id=123, and long numeric ids in a path segment.
_ARTICLE_SHAPES = (
    re.compile(r"/(?:19|20)\d{2}/(?:0?[1-9]|1[0-2])/(?:(?:0?[1-9]|[12]\d|3[01])/)?[^/]+"),
    re.compile(r"[_-]a?\d{3,}\.(?:html?|php|aspx?)$", re.I),
    re.compile(r"/(?:article|articles|story|stories|news|post|posts|details?|show|read|"
               r"akhbar|khabar|actualite|actualites)[/_-]\d+", re.I),
    re.compile(r"[?&](?:p|id|article|articleid|news_id|newsid|nid|story)=\d+", re.I),
    re.compile(r"/\d{5,}(?:[/-]|\.html?|$)"),
)
# Pages that list or describe rather than report.
_LISTING_SHAPES = re.compile(
    r"/(?:tags?|category|categories|cat|authors?|auteur|writer|sections?|topics?|rubrique|"
    r"archives?|search|recherche|page|feed|rss|amp/?$|wp-admin|wp-login|wp-json|cdn-cgi|login|"
    r"register|account|cart|about|about-us|a-propos|contact|contact-us|privacy|privacy-policy|"
    r"terms|cookies|legal|mentions-legales|sitemap|newsletter|subscribe|advertise|jobs|faq|"
    r"من-نحن|اتصل-بنا|سياسة-الخصوصية|قسم|وسم|كاتب)(?:/|$|\.)",
    re.I,
)
_UTILITY = re.compile(
    r"(?:/wp-admin|/wp-login|/wp-json|/xmlrpc\.php|/cdn-cgi/|/feed/?$|/comments/|/trackback/?$|"
    r"/embed/?$|/print/?$|[?&](?:replytocom|share|action|s|print|amp)=)",
    re.I,
)
_SLUG_WORDS = re.compile(r"[-_+]")
_MIN_SLUG_WORDS = 4
_MIN_SLUG_CHARS = 30


def url_looks_like_article(url: str) -> bool:
    """Dated paths, id-bearing URLs and long slugs; never tag, category, author or static pages."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if url_looks_like_listing(url):
        return False
    target = f"{path}?{parts.query}" if parts.query else path
    if any(shape.search(target) for shape in _ARTICLE_SHAPES):
        return True
    slug = path.rstrip("/").rsplit("/", 1)[-1]
    slug = re.sub(r"\.(?:html?|php|aspx?)$", "", slug, flags=re.I)
    words = [w for w in _SLUG_WORDS.split(slug) if w]
    return len(words) >= _MIN_SLUG_WORDS or (len(words) >= 3 and len(slug) >= _MIN_SLUG_CHARS)


def url_looks_like_listing(url: str) -> bool:
    parts = urlsplit(url)
    path = unquote(parts.path)
    return (path in ("", "/") and not parts.query) or bool(_LISTING_SHAPES.search(path))


def is_utility_url(url: str) -> bool:
    """Admin, login, comment, feed, print and share URLs: never worth a request from a page link."""
    return bool(_UTILITY.search(url))


def declares_article(html: str | bytes | HtmlElement) -> bool:
    """og:type=article, or JSON-LD whose @type is an Article kind (NewsArticle, BlogPosting...)."""
    tree = parse_html(html)
    if tree is None:
        return False
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        if key == "og:type" and (meta.get("content") or "").strip().lower() == "article":
            return True
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text_content() or "null")
        except ValueError:
            continue
        if any(_types(obj) & ARTICLE_TYPES for obj in _objects(data)):
            return True
    return False


def _objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for value in data:
            yield from _objects(value)
    elif isinstance(data, dict):
        yield data
        yield from _objects(data.get("@graph"))


def _types(obj: dict[str, Any]) -> set[str]:
    value = obj.get("@type")
    values = value if isinstance(value, list) else [value]
    return {v.rsplit("/", 1)[-1].lower() for v in values if isinstance(v, str)}
