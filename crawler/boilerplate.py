"""Generic, multilingual (Arabic, French, English) boilerplate removal.

Two passes: well-known furniture blocks (comment forms, share bars, related lists, cookie banners,
tickers, copy-protection notices, author boxes) are dropped from the tree before extraction; the
lines that survive inside the content container (plugins insert them there) are dropped after.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from cssselect import GenericTranslator, SelectorError
from lxml.etree import XPath, XPathError
from lxml.html import HtmlElement

from crawler.dates import parse_date_text
from crawler.text import normalize_for_hash

# Ids and classes used by WordPress core, its common plugins and themes (Jannah, Newspaper,
# JNews), and the CMSs of the seed sites; all of them wrap furniture, never article text.
GENERIC_SELECTORS: tuple[str, ...] = (
    "#comments", "#respond", ".comments-area", ".comment-respond", ".commentlist",
    "#disqus_thread", ".fb-comments", ".wpdiscuz_top_clearing", "#wpdcom",
    ".sharedaddy", ".share-buttons", ".social-share", ".a2a_kit", ".addtoany_share_save_account",
    ".sharethis-inline-share-buttons", ".heateor_sss_sharing_container", ".post-share",
    ".related-posts", "#related-posts", ".yarpp-related", ".jp-relatedposts", ".crp_related",
    ".rp4wp-related-posts", ".jnews_related_post_container", ".td-related-row",
    "#cookie-law-info-bar", "#cookie-notice", ".cmplz-cookiebanner", "#CybotCookiebotDialog",
    ".cc-window", "#gdpr-cookie-notice", ".cookie-notice", "#moove_gdpr_cookie_info_bar",
    "#go-to-top", ".back-to-top", "#back-to-top", "#scroll-top", ".scroll-to-top",
    "#wpcp-error-message", ".breaking-news", ".breaking-news-ticker", ".news-ticker",
    ".author-box", ".about-author", ".post-author-box", "#author-box", ".saboxplugin-wrap",
    ".mc4wp-form", ".newsletter-form", ".google-news-follow",
)

# Whole lines (after whitespace folding) that are furniture in any of the three languages.
_LINE_PATTERNS = (
    # Follow / subscribe prompts.
    r"تابع(?:و|ونا|وا)?\s.{0,80}(?:google news|غوغل نيوز|جوجل نيوز|تلغرام|telegram|واتساب|whatsapp"
    r"|فيسبوك|facebook|تويتر|twitter|يوتيوب|youtube|انستغرام|instagram)",
    r"(?:suivez|suivre)[- ]nous.{0,60}",
    r"follow us on .{0,60}",
    r"follow .{0,80} on (?:facebook|twitter|instagram|youtube|linkedin|x)\b.{0,80}",
    r"(?:subscribe to|sign up for|sign up to) .{0,120}", r"get the .{0,60} (?:in|to) your inbox.*",
    r"(?:abonnez-vous|inscrivez-vous) .{0,100}",
    r"like this (?:story|article)\?.{0,60}",
    r".{0,60}\bnewsletters?", r"النشرة (?:البريدية|الإخبارية)\s*:?",
    r".{0,150}\bclick here for (?:more )?(?:information|info|details)\.?",
    r".{0,150}\bdelivered (?:through your letterbox|to your (?:inbox|door))\b.{0,150}",
    r".{0,200}\[/\w+\].{0,40}",  # a CMS shortcode that was never rendered
    r"\w+\s*:\s*https?://\S+",  # a labelled bare link ("Listen: http://...")
    r"(?:tags?|mots[- ]clés|الوسوم|كلمات مفتاحية|وسوم)(?:\s*:.{0,200})?",
    r"(?:last )?updated(?: at| on)?\s*:?.{0,40}", r"mis à jour.{0,40}",
    r"(?:آخر تحديث|تم التحديث|تحديث)\s*:?.{0,60}",
    r".{0,120}\b(?:subscription|subscribe) today\b.{0,40}", r"our standards\s*:.{0,100}",
    r"join (?:our|the) (?:commenting|comments?|discussion) (?:forum|section).{0,40}",
    r"join (?:thought-provoking )?conversations?,? .{0,100}",
    r"\(?(?:additional )?(?:reporting|writing|editing|compiled) by [^.]{0,200}\)?\.?",
    r"(?:اشترك|اشتركوا|انضم|انضموا) .{0,60}(?:النشرة|قناة|تلغرام|واتساب|telegram|whatsapp).{0,40}",
    # Comment forms and their notes.
    r"(?:أضف|اضف|اترك|أترك)\s+(?:تعليقك|تعليقا|تعليقاً|تعليق|ردا|رداً)\s*.{0,30}",
    r"\d+\s*/\s*\d+\s*\(عدد الأحرف المتبقية\)",
    r"من شروط النشر\s*:.*",
    r"لن يتم نشر عنوان بريدك الإلكتروني.*",
    r"يجب (?:ان|أن) (?:تسجل|تكون مسجل) الدخول.*",
    r"(?:التعليقات|تعليقات|تعليق)\s*(?:\(\d+\)|\d+)?",
    r"(?:laisser|laissez|ajouter) un commentaire.*",
    r"(?:leave|post) a (?:reply|comment).*",
    r"your email address will not be published.*",
    r"\d+\s*(?:تعليقات|تعليق|commentaires?|comments?)",
    # Related and "read also" lists.
    r"(?:مقالات|مواضيع|أخبار|اخبار|مقالات أخرى) (?:ذات صلة|مشابهة|متعلقة)\s*:?",
    r"(?:اقرأ|إقرأ|اقرا|إقرا) (?:أيضا|أيضاً|ايضا|كذلك|المزيد)\s*:?.*",
    r"(?:شاهد|شاهدوا) (?:أيضا|أيضاً|ايضا)\s*:?.*",
    r"في نفس (?:الركن|القسم|الموضوع)\s*.{0,10}",
    r"(?:à )?lire aussi\s*:?.*", r"voir aussi\s*:?.*", r"dans la même rubrique.*",
    r"articles? (?:similaires|liés|connexes).*",
    r"(?:related|more)(?: articles| posts| stories| news)?\s*:?",
    r"read (?:also|more)\s*:.*", r"(?:see|read) more\s*:.{0,150}", r"related\s*:.{0,150}",
    r"(?:don'?t|do not|must) miss\s*:?",
    r"(?:recommended|most read|most popular|popular|trending)(?: (?:now|stories|articles))?\s*:?",
    r"more from .{1,40}", r"(?:الأكثر|الاكثر) (?:قراءة|مشاهدة)", r"المزيد من .{1,40}",
    r"\W*",
    r"comments?", r"commentaires?",
    # Tickers, headers, navigation.
    r"(?:الأخبار|الاخبار) العاجلة", r"عاجل\s*:?", r"آخر الأخبار", r"اخر الأخبار", r"آخر الاخبار",
    r"breaking news\s*:?", r"dernières? (?:nouvelles|infos|actualités)",
    r"رابط مختصر\s*.{0,60}", r"الرابط المختصر\s*.{0,60}", r"short ?link\s*:?.{0,60}",
    r"زر الذهاب إلى الأعلى", r"(?:العودة|الرجوع) (?:إلى|الى) (?:الأعلى|الاعلى)",
    r"back to top", r"retour en haut",
    r"< ?>", r"[<>«»|/•·-]{1,3}",
    # Share buttons.
    r"(?:شارك|شاركها|شارك المقال|مشاركة|انشر)(?: على| عبر)?\s*.{0,40}",
    r"(?:share|partager)(?: this| on| sur| cet article)?\s*.{0,40}",
    r"(?:facebook|twitter|whatsapp|telegram|linkedin|pinterest|email|print|x)"
    r"(?:\s+(?:facebook|twitter|whatsapp|telegram|linkedin|pinterest|email|print|messenger|x))*",
    # Copy protection and cookie consent.
    r"error\s*:\s*content is protected\s*!*", r"المحتوى محمي.*",
    r"نحن نستخدم (?:ملفات )?(?:تعريف الارتباط|الكوكيز|ملفات الكوكيز).*",
    r"(?:يستخدم|يستعمل) (?:هذا )?الموقع (?:ملفات )?(?:تعريف الارتباط|الكوكيز).*",
    r"اطّلع على التفاصيل.{0,30}", r"اطلع على التفاصيل.{0,30}",
    r"(?:موافق|أوافق|قبول|رفض|قبول الكل|رفض الكل)", r"(?:accept|reject|agree|ok|got it)(?: all)?",
    r"(?:nous utilisons|ce site utilise) (?:des )?cookies.*", r"(?:we|this site) uses? cookies.*",
    # Author promos, banners, downloads, spam.
    r".{0,200}(?:إعرف|اعرف|تعرف على) المزيد حول هذا الكاتب",
    r"تحميل (?:مجلة|العدد|جريدة|تطبيق).{0,40}", r"بانر.{0,40}", r"banni[èe]re.{0,40}",
    r"buy cheap website traffic", r"(?:publicité|إعلان|اعلان|advertisement|sponsored)",
)
_LINE_RE = re.compile("|".join(f"(?:{p})" for p in _LINE_PATTERNS), re.IGNORECASE)
# A furniture line is short; long paragraphs that happen to start like one are kept.
_MAX_FURNITURE_LINE = 220
# Lines that open the page's tail: everything after them is furniture when they come late.
_TAIL_MARKERS = re.compile(
    r"(?:مقالات|مواضيع|أخبار|اخبار) (?:ذات صلة|مشابهة)|في نفس (?:الركن|القسم)"
    r"|(?:أضف|اضف|اترك|أترك) (?:تعليق|رد)|تعليقات|related (?:articles|posts|stories)"
    r"|articles similaires|dans la même rubrique|leave a (?:reply|comment)"
    r"|more from |popular$|most read|(?:الأكثر|الاكثر) قراءة|المزيد من "
    r"|tags?$|الوسوم$",
    re.IGNORECASE,
)
_TAIL_FRACTION = 0.5
_TEASER_MAX = 250
_SPACE = re.compile(r"\s+")
_BYLINE = re.compile(
    r"^(?:.{0,40}[_\-–—|:]\s*)?(?:(?:بقلم|كتبه|كتب|par|by)\s*:?|de\s*(?://|:))\s*(.{2,60})$",
    re.IGNORECASE,
)


def fold(line: str) -> str:
    return _SPACE.sub(" ", line).strip()


def is_furniture(line: str, extra: frozenset[str] = frozenset()) -> bool:
    """A short line that is page furniture in Arabic, French or English."""
    line = fold(line)
    if not line or line in extra:
        return True
    if len(line) > _MAX_FURNITURE_LINE:
        return False
    if _LINE_RE.fullmatch(line):
        return True
    return is_date_line(line)


def is_date_line(line: str) -> bool:
    """A line holding a date (and time) and nothing else: teaser dates, stamps."""
    if len(line) > 45 or not parse_date_text(line):
        return False
    rest = re.sub(r"[\d:/.,\-–—]+", " ", line)
    return len(rest.split()) <= 4


@cache
def _compile(selector: str) -> XPath | None:
    try:
        expression = selector[2:] if selector.startswith("//") else None
        return XPath(selector if expression else GenericTranslator().css_to_xpath(selector))
    except (SelectorError, XPathError):
        return None


def select(tree: HtmlElement, selector: str) -> list[HtmlElement]:
    xpath = _compile(selector)
    return [e for e in xpath(tree) if isinstance(e, HtmlElement)] if xpath is not None else []


_SIMPLE = re.compile(r"([#.])([\w-]+)")


def _split(selectors: Iterable[str]) -> tuple[frozenset[str], frozenset[str], list[XPath]]:
    """Bare `#id` and `.class` selectors are matched in one walk; the rest through XPath."""
    ids: set[str] = set()
    classes: set[str] = set()
    xpaths: list[XPath] = []
    for selector in selectors:
        simple = _SIMPLE.fullmatch(selector.strip())
        if simple:
            (ids if simple[1] == "#" else classes).add(simple[2])
        elif (xpath := _compile(selector)) is not None:
            xpaths.append(xpath)
    return frozenset(ids), frozenset(classes), xpaths


def prune(tree: HtmlElement, selectors: Iterable[str]) -> int:
    """Drop every element matched by a CSS (or `//`-XPath) selector; the tail text stays."""
    ids, classes, xpaths = _split(selectors)
    doomed: list[HtmlElement] = []
    for element in tree.iter():
        if not isinstance(element, HtmlElement):
            continue
        if element.get("id") in ids or not classes.isdisjoint(element.classes):
            doomed.append(element)
    for xpath in xpaths:
        doomed.extend(e for e in xpath(tree) if isinstance(e, HtmlElement))
    removed = 0
    for element in doomed:
        if element.getparent() is not None and _attached(element, tree):
            element.drop_tree()
            removed += 1
    return removed


def _attached(element: HtmlElement, root: HtmlElement) -> bool:
    """False when an ancestor was already dropped (its subtree went with it)."""
    return element.getroottree().getroot() is root


def _key(line: str) -> str:
    return normalize_for_hash(line).casefold().rstrip(" .:")


def clean_lines(lines: Sequence[str], titles: Iterable[str], extra: frozenset[str] = frozenset(),
                ) -> tuple[list[str], str | None]:
    """Drop furniture lines, title repeats and a leading byline; cut a late furniture tail.

    `titles` are every form the page gives its headline (JSON-LD, og:title, h1, <title>).

    Returns the kept lines and the author named by a leading "بقلم: ..." byline, if any.
    """
    lines = [fold(line) for line in lines if fold(line)]
    title_keys = {_key(t) for t in titles if t}
    total = sum(len(line) for line in lines) or 1
    seen = 0
    kept: list[str] = []
    for index, line in enumerate(lines):
        if seen / total >= _TAIL_FRACTION and _is_tail(line, lines[index + 1 :]):
            break
        seen += len(line)
        if not is_furniture(line, extra) and _key(line) not in title_keys:
            kept.append(line)
    author = None
    for index, line in enumerate(kept[:2]):
        match = _BYLINE.match(line) if len(line) < 90 else None
        if match:
            author = fold(match.group(1))
            del kept[index]
            break
    return kept, author


def _is_tail(line: str, rest: Sequence[str]) -> bool:
    """A late "related"/"comments" heading followed only by teaser-sized lines."""
    if len(line) >= 60 or not _TAIL_MARKERS.match(line):
        return False
    return all(len(following) < _TEASER_MAX for following in rest)


_MAX_BIO = 500


def drop_author_bio(body: list[str], author: str | None) -> list[str]:
    """Drop a closing paragraph that introduces the byline's author ("X is a writer for ...")."""
    if not author or len(body) < 2:
        return body
    last = body[-1]
    names = [fold(name) for name in author.split(",") if len(fold(name)) > 3]
    if len(last) <= _MAX_BIO and any(last.startswith(name + " ") for name in names):
        return body[:-1]
    return body
