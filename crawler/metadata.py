"""Page metadata from JSON-LD and <meta>: what publishers declare beats what text analysis guesses.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from lxml.html import HtmlElement

from crawler.dates import parse_date_text, parse_iso

ARTICLE_TYPES = frozenset(
    {"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
     "blogposting", "backgroundnewsarticle", "scholarlyarticle", "techarticle", "liveblogposting",
     "socialmediaposting", "reviewnewsarticle", "posting"}
)
LISTING_TYPES = frozenset({"collectionpage", "searchresultspage", "profilepage", "itemlist"})
_SPACE = re.compile(r"\s+")
_DATE_META = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "datepublished", "publish-date", "publish_date", "pubdate", "publishdate", "date",
    "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
    "article.published", "cxenseparse:recs:publishtime",
)
_AUTHOR_META = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author",
                "byl", "twitter:creator")


@dataclass
class PageMeta:
    title: str | None = None
    og_title: str | None = None
    site_name: str | None = None
    headline: str | None = None
    heading: str | None = None  # the first <h1>
    date: str | None = None
    author: str | None = None
    language: str | None = None
    canonical_url: str | None = None
    og_type: str | None = None
    ld_types: set[str] = field(default_factory=set)

    @property
    def declares_article(self) -> bool:
        return self.og_type == "article" or bool(self.ld_types & ARTICLE_TYPES)

    @property
    def declares_listing(self) -> bool:
        return bool(self.ld_types & LISTING_TYPES) and not self.ld_types & ARTICLE_TYPES


def clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = _SPACE.sub(" ", value).strip()
    return value or None


def _json_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    for script in tree.iterfind(".//script[@type]"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        try:
            data = json.loads(script.text_content().strip() or "null", strict=False)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])


def _types(obj: dict[str, Any]) -> set[str]:
    value = obj.get("@type")
    values = value if isinstance(value, list) else [value]
    return {v.lower() for v in values if isinstance(v, str)}


def _person_name(value: Any, people: dict[str, str]) -> str | None:
    if isinstance(value, list):
        names = [n for v in value if (n := _person_name(v, people))]
        return ", ".join(dict.fromkeys(names)) or None
    if isinstance(value, dict):
        return clean(value.get("name")) or people.get(str(value.get("@id")))
    return clean(value)


def _meta_map(tree: HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        value = clean(meta.get("content"))
        if key and value and key not in found:
            found[key] = value
    return found


# Where sites print today's date or other articles' dates, never this article's.
_FURNITURE_TAGS = frozenset({"header", "nav", "footer", "aside"})
_FURNITURE_NAMES = re.compile(r"top-?bar|topbar|header|footer|sidebar|widget|related|ticker"
                              r"|breaking|most-read|popular|latest", re.IGNORECASE)


def _in_furniture(node: HtmlElement) -> bool:
    for ancestor in node.iterancestors():
        if ancestor.tag in _FURNITURE_TAGS:
            return True
        names = f"{ancestor.get('id', '')} {ancestor.get('class', '')}"
        if _FURNITURE_NAMES.search(names):
            return True
    return False


def _first_time_element(tree: HtmlElement) -> str | None:
    for node in tree.iterfind(".//time"):
        if _in_furniture(node):
            continue
        if value := parse_iso(node.get("datetime")) or parse_date_text(node.text_content()):
            return value
    return None


def read_metadata(tree: HtmlElement, url: str) -> PageMeta:
    meta = PageMeta()
    metas = _meta_map(tree)
    ld_article: dict[str, Any] | None = None
    people: dict[str, str] = {}
    for obj in _json_objects(tree):
        types = _types(obj)
        meta.ld_types |= types
        if "person" in types and obj.get("@id") and clean(obj.get("name")):
            people[str(obj["@id"])] = clean(obj["name"]) or ""
        if types & ARTICLE_TYPES and ld_article is None:
            ld_article = obj
    if ld_article:
        meta.headline = clean(ld_article.get("headline")) or clean(ld_article.get("name"))
        meta.date = parse_iso(clean(ld_article.get("datePublished")) or
                              clean(ld_article.get("dateCreated")))
        meta.author = _person_name(ld_article.get("author") or ld_article.get("creator"), people)
        meta.language = clean(ld_article.get("inLanguage"))
    meta.og_type = (metas.get("og:type") or "").lower() or None
    meta.og_title = metas.get("og:title") or metas.get("twitter:title")
    meta.site_name = metas.get("og:site_name") or metas.get("application-name")
    title = tree.find(".//title")
    meta.title = clean(title.text_content()) if title is not None else None
    heading = tree.find(".//h1")
    meta.heading = clean(heading.text_content()) if heading is not None else None
    if not meta.date:
        meta.date = next((d for k in _DATE_META if (d := parse_iso(metas.get(k)))), None)
    if not meta.date:
        meta.date = _first_time_element(tree)
    if not meta.author:
        meta.author = next((a for k in _AUTHOR_META if (a := _plain_author(metas.get(k)))), None)
    meta.language = meta.language or clean(tree.get("lang")) or metas.get("og:locale")
    for link in tree.iterfind(".//link[@rel]"):
        if link.get("rel", "").lower() == "canonical" and link.get("href"):
            meta.canonical_url = urljoin(url, link.get("href", "").strip())
            break
    return meta


def _plain_author(value: str | None) -> str | None:
    """Author names only: profile URLs and @handles are not bylines."""
    if not value or value.startswith(("http://", "https://", "@")):
        return None
    return value


def short_language(value: str | None) -> str | None:
    if not value:
        return None
    code = re.split(r"[-_]", value.strip().lower(), maxsplit=1)[0]
    return code if code.isalpha() and 2 <= len(code) <= 3 else None
