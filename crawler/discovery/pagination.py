"""Pagination of section pages: which links lead to the next page of the same listing."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from lxml.html import HtmlElement

from crawler.discovery.html import Link, head_links, links, parse_html

# Query parameters that number a listing's pages. Not `p`: WordPress uses ?p=123 for posts.
PAGE_PARAMS = ("page", "paged", "pg", "pagina", "pagenum", "page_no", "pageno", "npage")
_PATH_PAGE = re.compile(r"/(?:page|pages|p|pagina|صفحة)/(\d+)/?$", re.I)
_SUFFIX_PAGE = re.compile(r"[_-](?:p|page)(\d+)(\.html?|\.php|\.aspx?)?$", re.I)
# Link texts of "next page" controls, compared after folding case and spaces.
NEXT_TEXTS = frozenset({
    "التالي", "التالية", "الصفحة التالية", "التالي »", "« التالي", "التالى", "المزيد",
    "المزيد من الأخبار", "أخبار أقدم", "مقالات أقدم", "الأقدم", "next", "next page", "next »",
    "next ›", "older posts", "older entries", "older", "more", "load more", "suivant",
    "suivante", "page suivante", "suivant »", "»", "›", ">", ">>", "→", "←", "‹", "«",
})
_NEXT_CLASSES = ("next", "nextpostslink", "pagination-next", "next-page", "nav-next")


def page_number(url: str) -> int | None:
    """The page number a listing URL names, or None for a first page / non-paginated URL."""
    parts = urlsplit(url)
    if match := _PATH_PAGE.search(unquote(parts.path)):
        return int(match[1])
    if match := _SUFFIX_PAGE.search(parts.path):
        return int(match[1])
    for key, value in parse_qsl(parts.query):
        if key.lower() in PAGE_PARAMS and value.isdigit():
            return int(value)
    return None


def listing_base(url: str) -> str:
    """The listing URL with its page number removed: all pages of a section share it."""
    parts = urlsplit(url)
    path = _PATH_PAGE.sub("/", unquote(parts.path))
    path = _SUFFIX_PAGE.sub(lambda m: m[2] or "", path)
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k.lower() not in PAGE_PARAMS])
    path = path.rstrip("/") or "/"
    return urlunsplit((parts.scheme, parts.netloc.lower(), path, query, ""))


def next_pages(html: str | bytes | HtmlElement, url: str) -> list[str]:
    """URLs of the next page of this listing, best evidence first.

    Evidence: rel="next" (<link> or <a>), a "next" control (التالي, Next, », class="next"), or a
    numbered link to page n+1 of the same listing. Links to other listings are never returned.
    """
    tree = parse_html(html)
    if tree is None:
        return []
    base = listing_base(url)
    current = page_number(url) or 1
    found: list[str] = []

    def add(candidate: str) -> None:
        if candidate != url and candidate not in found and listing_base(candidate) == base:
            number = page_number(candidate)
            if number is None or number > current:
                found.append(candidate)

    for href, _, _ in head_links(tree, url, "next"):
        add(href)
    anchors = links(tree, url)
    for link in anchors:
        if "next" in link.rel or _says_next(link):
            add(link.url)
    for link in anchors:
        if page_number(link.url) == current + 1:
            add(link.url)
    return found


def _says_next(link: Link) -> bool:
    text = link.text.casefold()
    return text in NEXT_TEXTS or any(name in link.classes for name in _NEXT_CLASSES)
