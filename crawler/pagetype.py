"""Is this page one article? Listing, tag, search, author and error pages are not."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from lxml.html import HtmlElement

from crawler.metadata import ARTICLE_TYPES, PageMeta
from crawler.site import Site

_LISTING_PATH = re.compile(
    r"/(?:tag|tags|category|categories|categorie|author|auteur|section|rubrique|search|recherche"
    r"|archive|archives|topics?|keyword|label)(?:/|$)|/page/\d+/?$|_r\d+(?:_p\d+)?\.html$",
    re.IGNORECASE,
)
_STATIC_PAGE = re.compile(
    r"/(?:about|about-us|contact|contact-us|privacy|privacy-policy|terms|terms-of-use|cookies?"
    r"|cookie-policy|legal|imprint|advertise|team|qui-sommes-nous|mentions-legales|a-propos"
    r"|nous-contacter|من-نحن|اتصل-بنا|سياسة-الخصوصية|شروط-الاستخدام|هيئة-التحرير|اعلن-معنا)/?$",
    re.IGNORECASE,
)
_SEARCH_QUERY = re.compile(r"(?:^|&)(?:s|q|search|query|keyword)=", re.IGNORECASE)
_ERROR_TITLE = re.compile(
    r"\b404\b|not found|page introuvable|الصفحة غير موجودة|الصفحة المطلوبة غير موجودة"
    r"|لم يتم العثور|صفحة غير موجودة|خطأ 404|erreur 404",
    re.IGNORECASE,
)
_TEASER_XPATH = "//h2[.//a] | //h3[.//a] | //h4[.//a] | //article"
_MAX_TEASERS = 6


def non_article_reason(tree: HtmlElement, url: str, meta: PageMeta, site: Site | None) -> str:
    """Why the page is not an article, or "" when it may be one (extraction then decides)."""
    if meta.declares_listing:
        return "listing"
    for text in (meta.title, meta.og_title, meta.heading):
        if text and len(text) < 120 and _ERROR_TITLE.search(text):
            return "error-page"
    parts = urlsplit(url)
    # The URL shape of archives beats og:type, which some CMSs print on every page.
    if not meta.ld_types & ARTICLE_TYPES and (
        _LISTING_PATH.search(parts.path) or _SEARCH_QUERY.search(parts.query)
    ):
        return "listing"
    if not meta.ld_types & ARTICLE_TYPES and _STATIC_PAGE.search(unquote(parts.path)):
        return "static-page"
    if meta.declares_article:
        return ""
    if parts.path in ("", "/"):
        return "home"
    if site and not site.is_article_url(url):
        return "url-pattern"
    if len(tree.xpath(_TEASER_XPATH)) >= _MAX_TEASERS:
        return "listing"
    return ""
