"""Replica of NaBae 24 (nabae24.com): WordPress with an Arabic news theme, Yoast SEO (+ News SEO),
the AMP plugin in reader mode and AdSense.

The theme's furniture, as the seed shows it (seed 001): the title printed three times (Yoast
breadcrumbs, the post header h1, and again as the first line the editor pasted into the content),
the byline "hassan faqir" + date + "آخر تحديث : منذ ..." run together, a "رابط مختصر" short-link
box, a "اترك تعليق" reply form for logged-in users only ("يجب ان تسجل الدخول لكي تتمكن من إضافة
التعليقات") and the "الاخبار العاجلة" breaking-news ticker bar at the bottom of every page.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime
from html import escape
from urllib.parse import quote

from tests.replicas.base import Page, Replica, link_tracking_duplicates
from tests.replicas.nabae24_data import (
    ADSENSE_CLIENT,
    AUTHORS,
    CATEGORIES,
    FACEBOOK,
    GA_ID,
    INSTAGRAM,
    MOST_READ,
    PAGES,
    POSTS,
    POSTS_PER_PAGE,
    SITE_DESCRIPTION,
    SITE_NAME,
    SNAPSHOT,
    TAGLINE,
    TAGS,
    THEME,
    TODAY_AR,
    TWITTER,
    WP_VERSION,
    YOUTUBE,
    Author,
    Post,
    Term,
)

TZ = timezone(timedelta(hours=1))
HTML = "text/html; charset=UTF-8"
RSS = "application/rss+xml; charset=UTF-8"
XML = "application/xml; charset=UTF-8"
MONTHS_AR = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
             "أكتوبر", "نوفمبر", "ديسمبر")
MENU = ("akhbar", "national", "politique", "economie", "sport", "societe")
LOGO = "/wp-content/uploads/2021/03/nabae24-logo.png"
ICON = "/wp-content/uploads/2021/03/cropped-nabae24-icon"
THEME_DIR = f"/wp-content/themes/{THEME}"
AUTHOR_BY_KEY = {a.key: a for a in AUTHORS}
CATEGORY_BY_SLUG = {c.slug: c for c in CATEGORIES}
TAG_BY_SLUG = {t.slug: t for t in TAGS}
POST_BY_KEY = {p.key: p for p in POSTS}


# --------------------------------------------------------------------------- dates and helpers


def _local(day: str, time: str) -> datetime:
    return datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=TZ)


def published(post: Post) -> datetime:
    return _local(post.date, post.time)


def modified(post: Post) -> datetime:
    day, time = post.modified.split(" ")
    return _local(day, time)


def iso(moment: datetime) -> str:
    """ISO 8601 in local time (+01:00), as the theme and the sitemaps print it."""
    return moment.isoformat()


def iso_utc(moment: datetime) -> str:
    """ISO 8601 in UTC, as Yoast prints article:published_time and the schema dates."""
    return moment.astimezone(UTC).isoformat()


def rfc822(moment: datetime) -> str:
    return format_datetime(moment.astimezone(UTC)).replace("-0000", "+0000")


def date_ar(moment: datetime) -> str:
    return f"{moment.day} {MONTHS_AR[moment.month - 1]} {moment.year}"


def e(text: str) -> str:
    return escape(text, quote=True)


def permalink(post: Post) -> str:
    y, m, d = post.date.split("-")
    return f"/{y}/{m}/{d}/{post.slug}/"


def image_path(post: Post, size: str = "") -> str:
    y, m, _ = post.date.split("-")
    name = post.image if not size else post.image.replace(".jpg", f"-{size}.jpg")
    return f"/wp-content/uploads/{y}/{m}/{name}"


def paragraphs(post: Post) -> list[str]:
    texts: list[str] = []
    for kind, *rest in post.blocks:
        texts.extend(rest if kind == "ul" else rest[:1])
    return texts


def excerpt(post: Post, words: int = 30) -> str:
    first = next(text for kind, text, *_ in post.blocks if kind == "p")
    tokens = first.split()
    return " ".join(tokens[:words]) + (" &hellip;" if len(tokens) > words else "")


def word_count(post: Post) -> int:
    return sum(len(t.split()) for t in paragraphs(post))


def reading_time(post: Post) -> str:
    minutes = max(1, math.ceil(word_count(post) / 200))
    if minutes == 1:
        return "دقيقة واحدة"
    if minutes == 2:
        return "دقيقتان"
    return f"{minutes} دقائق" if minutes <= 10 else f"{minutes} دقيقة"


def person_id(origin: str, author: Author) -> str:
    digest = hashlib.md5(author.nicename.encode("utf-8")).hexdigest()
    return f"{origin}/#/schema/person/{digest}"


def gravatar(author: Author, size: int) -> str:
    digest = hashlib.md5(f"{author.nicename}@nabae24.com".encode()).hexdigest()
    return f"https://secure.gravatar.com/avatar/{digest}?s={size}&amp;d=mm&amp;r=g"


def posts_in(*, category: str | None = None, tag: str | None = None,
             author: str | None = None) -> list[Post]:
    return [p for p in POSTS
            if (category is None or category in p.categories)
            and (tag is None or tag in p.tags)
            and (author is None or p.author == author)]


def newest(posts: Iterable[Post]) -> float:
    return max(modified(p) for p in posts).timestamp()


def ad(slot: str, cls: str, width: int | None = None, height: int | None = None) -> str:
    style = (f"display:inline-block;width:{width}px;height:{height}px" if width
             else "display:block")
    fmt = "" if width else ' data-ad-format="auto" data-full-width-responsive="true"'
    return (f'<div class="ad {cls}"><span class="ad-label">إعلان</span>'
            f'<ins class="adsbygoogle" style="{style}" data-ad-client="{ADSENSE_CLIENT}" '
            f'data-ad-slot="{slot}"{fmt}></ins>'
            "<script>(adsbygoogle = window.adsbygoogle || []).push({});</script></div>")


def schema_json(graph: list[dict]) -> str:
    data = json.dumps({"@context": "https://schema.org", "@graph": graph},
                      ensure_ascii=False, separators=(",", ":"))
    return f'<script type="application/ld+json" class="yoast-schema-graph">{data}</script>'


def website_org(o: str) -> list[dict]:
    return [
        {"@type": "WebSite", "@id": f"{o}/#website", "url": f"{o}/", "name": SITE_NAME,
         "description": TAGLINE, "publisher": {"@id": f"{o}/#organization"},
         "potentialAction": [{"@type": "SearchAction",
                              "target": {"@type": "EntryPoint",
                                         "urlTemplate": f"{o}/?s={{search_term_string}}"},
                              "query-input": "required name=search_term_string"}],
         "inLanguage": "ar"},
        {"@type": "Organization", "@id": f"{o}/#organization", "name": SITE_NAME,
         "url": f"{o}/",
         "logo": {"@type": "ImageObject", "inLanguage": "ar", "@id": f"{o}/#/schema/logo/image/",
                  "url": o + LOGO, "contentUrl": o + LOGO, "width": 300, "height": 90,
                  "caption": SITE_NAME},
         "image": {"@id": f"{o}/#/schema/logo/image/"},
         "sameAs": [FACEBOOK, TWITTER, YOUTUBE, INSTAGRAM]},
    ]


def person(o: str, author: Author) -> dict:
    avatar = gravatar(author, 96).replace("&amp;", "&")
    return {"@type": "Person", "@id": person_id(o, author), "name": author.name,
            "image": {"@type": "ImageObject", "inLanguage": "ar",
                      "@id": f"{o}/#/schema/person/image/", "url": avatar,
                      "contentUrl": avatar, "caption": author.name},
            **({"description": author.description} if author.description else {}),
            "url": f"{o}/author/{author.nicename}/"}


def breadcrumb_schema(url: str, trail: list[tuple[str, str | None]]) -> dict:
    items = []
    for position, (name, item) in enumerate(trail, start=1):
        entry = {"@type": "ListItem", "position": position, "name": name}
        if item:
            entry["item"] = item
        items.append(entry)
    return {"@type": "BreadcrumbList", "@id": f"{url}#breadcrumb", "itemListElement": items}


# --------------------------------------------------------------------------- page parts


def css(handle: str, href: str) -> str:
    return f"<link rel='stylesheet' id='{handle}-css' href='{href}' type='text/css' media='all' />"


def js(src: str, handle: str, extra: str = "") -> str:
    return f'<script type="text/javascript" src="{src}" id="{handle}-js"{extra}></script>'


def alternate_feed(title: str, href: str) -> str:
    return (f'<link rel="alternate" type="application/rss+xml" title="{SITE_NAME} &laquo; '
            f'{title}" href="{href}" />')


def head(o: str, *, title: str, canonical: str, description: str = "", og_type: str = "website",
         og_title: str = "", meta: str = "", schema: str = "", links: str = "",
         body_class: str = "") -> str:
    """<head> as WordPress + Yoast SEO print it, and the opening <body>."""
    emoji = json.dumps({
        "baseUrl": "https://s.w.org/images/core/emoji/15.0.3/72x72/", "ext": ".png",
        "svgUrl": "https://s.w.org/images/core/emoji/15.0.3/svg/", "svgExt": ".svg",
        "source": {"concatemoji": f"{o}/wp-includes/js/wp-emoji-release.min.js?ver={WP_VERSION}"},
    }, separators=(",", ":")).replace("/", "\\/")
    robots_meta = "index, follow, max-snippet:-1, max-image-preview:large, max-video-preview:-1"
    lines = [
        "<!DOCTYPE html>",
        '<html dir="rtl" lang="ar">',
        "<head>",
        '<meta charset="UTF-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<link rel="profile" href="https://gmpg.org/xfn/11">',
        f'<link rel="pingback" href="{o}/xmlrpc.php">',
        "",
        "<!-- This site is optimized with the Yoast SEO plugin v22.7 - "
        "https://yoast.com/wordpress/plugins/seo/ -->",
        f"<title>{e(title)}</title>",
        *([f'<meta name="description" content="{e(description)}" />'] if description else []),
        f'<meta name="robots" content="{robots_meta}" />',
        f'<link rel="canonical" href="{canonical}" />',
        *links.splitlines(),
        '<meta property="og:locale" content="ar_AR" />',
        f'<meta property="og:type" content="{og_type}" />',
        f'<meta property="og:title" content="{e(og_title or title)}" />',
        *([f'<meta property="og:description" content="{e(description)}" />']
          if description else []),
        f'<meta property="og:url" content="{canonical}" />',
        f'<meta property="og:site_name" content="{SITE_NAME}" />',
        *meta.splitlines(),
        '<meta name="twitter:card" content="summary_large_image" />',
        '<meta name="twitter:site" content="@nabae24" />',
        schema,
        "<!-- / Yoast SEO plugin. -->",
        "",
        "",
        "<link rel='dns-prefetch' href='//fonts.googleapis.com' />",
        "<link rel='dns-prefetch' href='//pagead2.googlesyndication.com' />",
        alternate_feed("الخلاصة", f"{o}/feed/"),
        alternate_feed("خلاصة التعليقات", f"{o}/comments/feed/"),
        '<script type="text/javascript">',
        "/* <![CDATA[ */",
        f"window._wpemojiSettings = {emoji};",
        "!function(i,n){var o,s,e;function c(e){try{var t={supportTests:e,timestamp:"
        "(new Date).valueOf()};sessionStorage.setItem(o,JSON.stringify(t))}catch(e){}}}"
        "(window,document);",
        "/* ]]> */",
        "</script>",
        css("wp-block-library-rtl",
            f"{o}/wp-includes/css/dist/block-library/style-rtl.min.css?ver={WP_VERSION}"),
        css("nabae-fonts",
            "https://fonts.googleapis.com/css2?family=Tajawal:wght@400;500;700&amp;display=swap"),
        css("font-awesome", f"{o}{THEME_DIR}/assets/css/font-awesome.min.css?ver=4.7.0"),
        css("nabae-style", f"{o}{THEME_DIR}/style.css?ver=2.4.1"),
        css("nabae-rtl", f"{o}{THEME_DIR}/rtl.css?ver=2.4.1"),
        js(f"{o}/wp-includes/js/jquery/jquery.min.js?ver=3.7.1", "jquery-core"),
        js(f"{o}/wp-includes/js/jquery/jquery-migrate.min.js?ver=3.4.1", "jquery-migrate"),
        f'<link rel="https://api.w.org/" href="{o}/wp-json/" />',
        f'<link rel="EditURI" type="application/rsd+xml" title="RSD" href="{o}/xmlrpc.php?rsd" />',
        f'<meta name="generator" content="WordPress {WP_VERSION}" />',
        f'<link rel="icon" href="{o}{ICON}-32x32.png" sizes="32x32" />',
        f'<link rel="icon" href="{o}{ICON}-192x192.png" sizes="192x192" />',
        f'<link rel="apple-touch-icon" href="{o}{ICON}-180x180.png" />',
        '<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js'
        f'?client={ADSENSE_CLIENT}" crossorigin="anonymous"></script>',
        "<!-- Google tag (gtag.js) -->",
        f'<script async src="https://www.googletagmanager.com/gtag/js?id={GA_ID}"></script>',
        "<script>",
        "  window.dataLayer = window.dataLayer || [];",
        "  function gtag(){dataLayer.push(arguments);}",
        "  gtag('js', new Date());",
        f"  gtag('config', '{GA_ID}');",
        "</script>",
        "</head>",
        "",
        f'<body class="rtl {body_class} wp-embed-responsive">',
    ]
    return "\n".join(lines) + "\n"


def social_icons() -> str:
    links = ((FACEBOOK, "facebook", "facebook"), (TWITTER, "twitter", "twitter"),
             (YOUTUBE, "youtube", "youtube-play"), (INSTAGRAM, "instagram", "instagram"))
    return ('<div class="social-icons">'
            + "".join(f'<a href="{href}" class="social-{name}" target="_blank" rel="noopener">'
                      f'<i class="fa fa-{icon}"></i></a>' for href, name, icon in links)
            + "</div>")


def header(o: str, *, current: str = "", home: bool = False) -> str:
    items = [f'<li id="menu-item-10" class="menu-item menu-item-home'
             f'{" current-menu-item" if home else ""}"><a href="{o}/">الرئيسية</a></li>']
    for n, slug in enumerate(MENU, start=11):
        cls = " current-menu-item" if slug == current else ""
        items.append(f'<li id="menu-item-{n}" class="menu-item menu-item-type-taxonomy '
                     f'menu-item-object-category{cls}"><a href="{o}/category/{slug}/">'
                     f'{CATEGORY_BY_SLUG[slug].name}</a></li>')
    title_tag = "h1" if home else "p"
    lines = [
        '<div id="page" class="site">',
        '<a class="skip-link screen-reader-text" href="#content">تخطى إلى المحتوى</a>',
        '<header id="masthead" class="site-header">',
        '<div class="top-bar"><div class="container">',
        f'<span class="today-date"><i class="fa fa-calendar"></i> {TODAY_AR}</span>',
        '<ul id="top-menu" class="top-menu">'
        f'<li class="menu-item"><a href="{o}/about-us/">من نحن</a></li>'
        f'<li class="menu-item"><a href="{o}/contact-us/">اتصل بنا</a></li></ul>',
        social_icons(),
        "</div></div>",
        '<div class="header-main"><div class="container">',
        f'<div class="site-branding"><a href="{o}/" class="custom-logo-link" rel="home">'
        f'<img width="300" height="90" src="{o}{LOGO}" class="custom-logo" alt="{SITE_NAME}" '
        f'decoding="async" /></a><{title_tag} class="site-title screen-reader-text">{SITE_NAME}'
        f"</{title_tag}></div>",
        ad("4836271059", "ad-header", 728, 90),
        "</div></div>",
        '<nav id="site-navigation" class="main-navigation" aria-label="القائمة الرئيسية">'
        '<div class="container">',
        '<button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false">'
        '<i class="fa fa-bars"></i></button>',
        f'<ul id="primary-menu" class="menu">{"".join(items)}</ul>',
        f'<div class="header-search"><form role="search" method="get" class="search-form" '
        f'action="{o}/"><input type="search" class="search-field" placeholder="بحث &hellip;" '
        'value="" name="s" /><button type="submit" class="search-submit">'
        '<i class="fa fa-search"></i></button></form></div>',
        "</div></nav>",
        "</header><!-- #masthead -->",
    ]
    return "\n".join(lines) + "\n"


def widget(widget_id: str, cls: str, title: str, inner: str) -> str:
    heading = f'<h3 class="widget-title"><span>{title}</span></h3>' if title else ""
    return f'<section id="{widget_id}" class="widget {cls}">{heading}{inner}</section>'


def sidebar(o: str) -> str:
    most = []
    for rank, key in enumerate(MOST_READ, start=1):
        post = POST_BY_KEY[key]
        url = o + permalink(post)
        most.append(f'<li><span class="post-rank">{rank}</span><div class="post-thumb">'
                    f'<a href="{url}"><img width="110" height="75" '
                    f'src="{o}{image_path(post, "110x75")}" alt="" loading="lazy" /></a></div>'
                    f'<div class="post-info"><h4><a href="{url}">{e(post.title)}</a></h4>'
                    f'<span class="date"><i class="fa fa-clock-o"></i> '
                    f"{date_ar(published(post))}</span></div></li>")
    latest = "".join(f'<li><a href="{o}{permalink(p)}">{e(p.title)}</a> '
                     f'<span class="post-date">{date_ar(published(p))}</span></li>'
                     for p in POSTS[:5])
    fb_page = (f'<div class="fb-page" data-href="{FACEBOOK}" data-tabs="" data-width="300" '
               'data-small-header="false" data-adapt-container-width="true" '
               'data-hide-cover="false" data-show-facepile="true"></div>')
    lines = [
        '<aside id="secondary" class="widget-area sidebar col-md-4">',
        widget("custom_html-3", "widget_text widget_custom_html", "",
               '<div class="textwidget custom-html-widget">'
               f'{ad("9123384471", "ad-sidebar", 300, 250)}</div>'),
        widget("nabae_popular-2", "widget-most-read", "الأكثر قراءة",
               f'<ul class="posts-list">{"".join(most)}</ul>'),
        widget("recent-posts-2", "widget_recent_entries", "آخر الأخبار", f"<ul>{latest}</ul>"),
        widget("custom_html-5", "widget_text widget_custom_html", "تابعونا على فيسبوك",
               f'<div class="textwidget custom-html-widget">{fb_page}</div>'),
        "</aside><!-- #secondary -->",
    ]
    return "\n".join(lines) + "\n"


def ticker(o: str) -> str:
    """The "الاخبار العاجلة" bar, fixed at the bottom of every page."""
    items = "".join(f'<li><a href="{o}{permalink(p)}">{e(p.title)}</a></li>' for p in POSTS[:5])
    return ('<div id="breaking-news" class="breaking-news breaking-news-bottom">'
            '<div class="container">\n'
            '<span class="breaking-title"><i class="fa fa-bolt"></i> الاخبار العاجلة</span>\n'
            f'<div class="breaking-news-items"><ul class="news-ticker">{items}</ul></div>\n'
            "</div></div>\n")


def footer(o: str, *, scripts: str = "") -> str:
    cats = "".join(f'<li><a href="{o}/category/{slug}/">{CATEGORY_BY_SLUG[slug].name}</a></li>'
                   for slug in MENU)
    vars_js = json.dumps({"ajaxurl": f"{o}/wp-admin/admin-ajax.php", "ticker_speed": 4000,
                          "is_rtl": True}, separators=(",", ":")).replace("/", "\\/")
    pages = "".join(f'<li class="menu-item"><a href="{o}/{slug}/">{title}</a></li>'
                    for slug, title, _ in PAGES)
    lines = [
        '<footer id="colophon" class="site-footer">',
        '<div class="footer-widgets"><div class="container"><div class="row">',
        f'<div class="col-md-5 footer-about"><img src="{o}/wp-content/uploads/2021/03/'
        f'nabae24-logo-white.png" width="220" height="66" alt="{SITE_NAME}" loading="lazy" />'
        f"<p>{SITE_DESCRIPTION}</p></div>",
        '<div class="col-md-4 footer-sections"><h4 class="footer-title">أقسام الموقع</h4>'
        f"<ul>{cats}</ul></div>",
        '<div class="col-md-3 footer-follow"><h4 class="footer-title">تابعونا</h4>'
        f"{social_icons()}</div>",
        "</div></div></div>",
        '<div class="site-info"><div class="container">',
        f'<ul id="footer-menu" class="footer-links">{pages}</ul>',
        f'<p class="copyright">جميع الحقوق محفوظة &copy; 2025 {SITE_NAME}</p>',
        "</div></div>",
        "</footer><!-- #colophon -->",
        "</div><!-- #page -->",
        '<a href="#" id="back-to-top" class="back-to-top" aria-label="الذهاب إلى الأعلى">'
        '<i class="fa fa-angle-up"></i></a>',
        '<script type="text/javascript" id="nabae-main-js-extra">',
        "/* <![CDATA[ */",
        f"var nabae_vars = {vars_js};",
        "/* ]]> */",
        "</script>",
        scripts.rstrip("\n"),
        js(f"{o}{THEME_DIR}/assets/js/jquery.newsTicker.min.js?ver=1.0.11", "news-ticker"),
        js(f"{o}{THEME_DIR}/assets/js/main.js?ver=2.4.1", "nabae-main"),
        '<div id="fb-root"></div>',
        '<script async defer crossorigin="anonymous" src="https://connect.facebook.net/ar_AR/'
        'sdk.js#xfbml=1&amp;version=v19.0" nonce="Xq3vP8tL"></script>',
        "</body>",
        "</html>",
    ]
    return "\n".join(line for line in lines if line) + "\n"


def layout(o: str, head_html: str, main_html: str, *, breadcrumbs: str = "", current: str = "",
           home: bool = False, scripts: str = "") -> bytes:
    crumbs = f"{breadcrumbs}\n" if breadcrumbs else ""
    html = (head_html + header(o, current=current, home=home)
            + '<div id="content" class="site-content"><div class="container">\n' + crumbs
            + '<div class="row">\n<div id="primary" class="content-area col-md-8">\n'
            + main_html + "</div><!-- #primary -->\n" + sidebar(o) + "</div>\n</div></div>"
            + "<!-- #content -->\n" + ticker(o) + footer(o, scripts=scripts))
    return html.encode("utf-8")


def breadcrumbs_html(o: str, trail: list[tuple[str, str | None]]) -> str:
    parts = []
    for name, url in trail:
        if url:
            parts.append(f'<span><a href="{url}">{e(name)}</a></span>')
        else:
            parts.append(f'<span class="breadcrumb_last" aria-current="page">{e(name)}</span>')
    return ('<nav id="breadcrumbs" class="breadcrumbs" aria-label="breadcrumbs"><span>'
            + " &raquo; ".join(parts) + "</span></nav>")


def share_buttons(o: str, post: Post, where: str) -> str:
    url = quote(o + permalink(post), safe="")
    text = quote(post.title, safe="")
    return (f'<div class="share-buttons share-{where}"><span class="share-title">'
            '<i class="fa fa-share-alt"></i></span>'
            f'<a class="share-btn share-facebook" href="https://www.facebook.com/sharer/'
            f'sharer.php?u={url}" target="_blank" rel="nofollow noopener"><i class="fa '
            'fa-facebook"></i><span class="screen-reader-text">فيسبوك</span></a>'
            f'<a class="share-btn share-twitter" href="https://twitter.com/intent/tweet?text='
            f'{text}&amp;url={url}" target="_blank" rel="nofollow noopener"><i class="fa '
            'fa-twitter"></i><span class="screen-reader-text">تويتر</span></a>'
            f'<a class="share-btn share-whatsapp" href="https://api.whatsapp.com/send?text='
            f'{text}%20{url}" target="_blank" rel="nofollow noopener"><i class="fa '
            'fa-whatsapp"></i><span class="screen-reader-text">واتساب</span></a>'
            f'<a class="share-btn share-telegram" href="https://t.me/share/url?url={url}'
            f'&amp;text={text}" target="_blank" rel="nofollow noopener"><i class="fa '
            'fa-telegram"></i><span class="screen-reader-text">تيليجرام</span></a>'
            '<a class="share-btn share-print" href="#" onclick="window.print();return false;">'
            '<i class="fa fa-print"></i><span class="screen-reader-text">طباعة</span></a></div>')


def content_html(o: str, post: Post, *, with_ads: bool = True) -> str:
    """The post content as the editor wrote it, plus what the theme injects (ads)."""
    out: list[str] = []
    if post.repeat_title:
        out.append(f"<p><strong>{e(post.title)}</strong></p>")
    if post.signature:
        out.append(f"<p>{e(post.signature)}</p>")
    for n, (kind, *rest) in enumerate(post.blocks, start=1):
        if kind == "p":
            out.append(f"<p>{e(rest[0])}</p>")
        elif kind in ("h2", "h3"):
            out.append(f'<{kind} class="wp-block-heading">{e(rest[0])}</{kind}>')
        elif kind == "ul":
            out.append('<ul class="wp-block-list">' + "".join(f"<li>{e(i)}</li>" for i in rest)
                       + "</ul>")
        elif kind == "quote":
            out.append(f'<blockquote class="wp-block-quote"><p>{e(rest[0])}</p></blockquote>')
        if with_ads and n == 2:
            out.append(ad("2291837465", "ad-inside-content"))
        if post.read_also and post.read_also[0] == n:
            other = POST_BY_KEY[post.read_also[1]]
            out.append(f'<p class="read-also"><strong>اقرأ أيضا: </strong><a href="{o}'
                       f'{permalink(other)}">{e(other.title)}</a></p>')
    return "\n".join(out)


def teaser(o: str, post: Post, heading: str = "h2") -> str:
    url = o + permalink(post)
    cat = CATEGORY_BY_SLUG[post.categories[0]]
    author = AUTHOR_BY_KEY[post.author]
    return (f'<article id="post-{post.post_id}" class="post-{post.post_id} post type-post '
            'status-publish format-standard has-post-thumbnail hentry post-item">'
            f'<div class="post-thumb"><a href="{url}"><img width="390" height="220" '
            f'src="{o}{image_path(post, "390x220")}" class="attachment-nabae-medium '
            f'size-nabae-medium wp-post-image" alt="" loading="lazy" /></a></div>'
            f'<div class="post-details"><a class="post-cat cat-{cat.slug}" '
            f'href="{o}/category/{cat.slug}/">{cat.name}</a>'
            f'<{heading} class="entry-title"><a href="{url}" rel="bookmark">{e(post.title)}</a>'
            f'</{heading}><div class="entry-meta"><span class="author">{e(author.name)}</span>'
            f'<span class="date"><i class="fa fa-clock-o"></i><time datetime="'
            f'{iso(published(post))}">{date_ar(published(post))}</time></span></div>'
            f'<div class="entry-summary"><p>{excerpt(post)}</p></div>'
            f'<a class="more-link" href="{url}">اقرأ المزيد</a></div></article>')


def related(post: Post) -> list[Post]:
    primary = post.categories[0]
    same = [p for p in POSTS if p is not post and primary in p.categories]
    others = [p for p in POSTS if p is not post and p not in same]
    return (same + others)[:3]


# --------------------------------------------------------------------------- pages


def article_page(o: str, post: Post) -> bytes:
    url = o + permalink(post)
    author = AUTHOR_BY_KEY[post.author]
    pub, mod = published(post), modified(post)
    cats = [CATEGORY_BY_SLUG[c] for c in post.categories]
    tags = [TAG_BY_SLUG[t] for t in post.tags]
    img = o + image_path(post)
    desc = excerpt(post, 25).replace(" &hellip;", "...")
    trail = [("الرئيسية", f"{o}/"), (cats[0].name, f"{o}/category/{cats[0].slug}/"),
             (post.title, None)]
    graph = [
        {"@type": "NewsArticle", "@id": f"{url}#article", "isPartOf": {"@id": url},
         "author": {"name": author.name, "@id": person_id(o, author)},
         "headline": post.title, "datePublished": iso_utc(pub), "dateModified": iso_utc(mod),
         "mainEntityOfPage": {"@id": url}, "wordCount": word_count(post), "commentCount": 0,
         "publisher": {"@id": f"{o}/#organization"}, "image": {"@id": f"{url}#primaryimage"},
         "thumbnailUrl": img, "keywords": [t.name for t in tags],
         "articleSection": [c.name for c in cats], "inLanguage": "ar",
         "potentialAction": [{"@type": "CommentAction", "name": "Comment",
                              "target": [f"{url}#respond"]}],
         "copyrightYear": post.date[:4], "copyrightHolder": {"@id": f"{o}/#organization"}},
        {"@type": "WebPage", "@id": url, "url": url, "name": f"{post.title} - {SITE_NAME}",
         "isPartOf": {"@id": f"{o}/#website"}, "primaryImageOfPage": {"@id": f"{url}#primaryimage"},
         "image": {"@id": f"{url}#primaryimage"}, "thumbnailUrl": img,
         "datePublished": iso_utc(pub), "dateModified": iso_utc(mod), "description": desc,
         "breadcrumb": {"@id": f"{url}#breadcrumb"}, "inLanguage": "ar",
         "potentialAction": [{"@type": "ReadAction", "target": [url]}]},
        {"@type": "ImageObject", "inLanguage": "ar", "@id": f"{url}#primaryimage", "url": img,
         "contentUrl": img, "width": 1200, "height": 675,
         **({"caption": post.image_caption} if post.image_caption else {})},
        breadcrumb_schema(url, [(n, u) for n, u in trail]),
        *website_org(o),
        person(o, author),
    ]
    meta = "".join([
        f'<meta property="article:publisher" content="{FACEBOOK}" />\n',
        *(f'<meta property="article:tag" content="{e(t.name)}" />\n' for t in tags),
        f'<meta property="article:section" content="{e(cats[0].name)}" />\n',
        f'<meta property="article:published_time" content="{iso_utc(pub)}" />\n',
        f'<meta property="article:modified_time" content="{iso_utc(mod)}" />\n',
        f'<meta property="og:image" content="{img}" />\n',
        '<meta property="og:image:width" content="1200" />\n',
        '<meta property="og:image:height" content="675" />\n',
        '<meta property="og:image:type" content="image/jpeg" />\n',
        f'<meta name="author" content="{e(author.name)}" />\n',
        '<meta name="twitter:label1" content="كُتب بواسطة" />\n',
        f'<meta name="twitter:data1" content="{e(author.name)}" />\n',
        '<meta name="twitter:label2" content="وقت القراءة المُقدّر" />\n',
        f'<meta name="twitter:data2" content="{reading_time(post)}" />\n',
    ])
    links = (f"<link rel='shortlink' href='{o}/?p={post.post_id}' />\n"
             + (f'<link rel="amphtml" href="{url}amp/" />\n' if post.amp else ""))
    head_html = head(o, title=f"{post.title} - {SITE_NAME}", canonical=url, description=desc,
                     og_type="article", og_title=f"{post.title} - {SITE_NAME}", meta=meta,
                     schema=schema_json(graph), links=links,
                     body_class=f"post-template-default single single-post postid-{post.post_id} "
                                "single-format-standard")
    cat_links = "".join(f'<a href="{o}/category/{c.slug}/" class="post-cat cat-{c.slug}" '
                        f'rel="category tag">{c.name}</a>' for c in cats)
    tag_links = " ".join(f'<a href="{o}/tag/{t.slug}/" rel="tag">{e(t.name)}</a>' for t in tags)
    classes = " ".join([f"category-{c.slug}" for c in cats] + [f"tag-{t.slug}" for t in tags])
    caption = (f'<figcaption class="wp-caption-text">{e(post.image_caption)}</figcaption>'
               if post.image_caption else "")
    rel_items = "".join(
        f'<div class="related-item"><a class="related-thumb" href="{o}{permalink(p)}"><img '
        f'width="260" height="160" src="{o}{image_path(p, "260x160")}" alt="" loading="lazy" />'
        f'</a><h4 class="related-title"><a href="{o}{permalink(p)}">{e(p.title)}</a></h4>'
        f'<span class="date"><i class="fa fa-clock-o"></i> {date_ar(published(p))}</span></div>'
        for p in related(post))
    login = f"{o}/wp-login.php?redirect_to={quote(url, safe='')}"
    byline = (
        '<div class="entry-meta"><span class="byline"><span class="author vcard">'
        f'<img alt="" src="{gravatar(author, 30)}" class="avatar avatar-30 photo" height="30" '
        'width="30" loading="lazy" decoding="async" />'
        f'<a class="url fn n" href="{o}/author/{author.nicename}/">{e(author.name)}</a>'
        '</span></span><span class="posted-on"><i class="fa fa-calendar"></i>'
        f'<time class="entry-date published" datetime="{iso(pub)}">{date_ar(pub)}</time></span>'
        '<span class="last-updated"><i class="fa fa-refresh"></i>'
        f"آخر تحديث : {post.updated_ago}</span></div>")
    srcset = (f"{img} 1200w, {o}{image_path(post, '300x169')} 300w, "
              f"{o}{image_path(post, '768x432')} 768w")
    thumbnail = (
        f'<div class="post-thumbnail"><figure class="wp-caption"><img width="1200" height="675" '
        f'src="{img}" class="attachment-full size-full wp-post-image" alt="" decoding="async" '
        f'fetchpriority="high" srcset="{srcset}" sizes="(max-width: 1200px) 100vw, 1200px" />'
        f"{caption}</figure></div>")
    shortlink = f"{o}/?p={post.post_id}"
    short_box = (
        '<div class="short-link"><span class="short-link-title"><i class="fa fa-link"></i> '
        'رابط مختصر</span><input type="text" class="short-link-input" '
        f'value="{shortlink}" readonly="readonly" onclick="this.select();" />'
        f'<button type="button" class="copy-short-link" data-clipboard-text="{shortlink}">'
        '<i class="fa fa-copy"></i></button></div>')
    respond = (
        '<div id="comments" class="comments-area">\n'
        '\t<div id="respond" class="comment-respond">\n'
        '\t\t<h3 id="reply-title" class="comment-reply-title">اترك تعليق <small>'
        f'<a rel="nofollow" id="cancel-comment-reply-link" href="{url}#respond" '
        'style="display:none;">إلغاء الرد</a></small></h3>'
        f'<p class="must-log-in">يجب ان <a href="{login}">تسجل الدخول</a> '
        "لكي تتمكن من إضافة التعليقات</p>\t</div><!-- #respond -->\n"
        "</div><!-- #comments -->")
    main = "\n".join([
        '<main id="main" class="site-main">',
        f'<article id="post-{post.post_id}" class="post-{post.post_id} post type-post '
        f'status-publish format-standard has-post-thumbnail hentry {classes}">',
        '<header class="entry-header post-header">',
        f'<div class="entry-cats">{cat_links}</div>',
        f'<h1 class="entry-title">{e(post.title)}</h1>',
        byline,
        "</header><!-- .entry-header -->",
        thumbnail,
        share_buttons(o, post, "top"),
        ad("7310482296", "ad-before-content"),
        '<div class="entry-content clearfix">',
        content_html(o, post),
        "</div><!-- .entry-content -->",
        '<div class="post-tags"><span class="tags-title"><i class="fa fa-tags"></i> الوسوم:'
        f"</span> {tag_links}</div>",
        share_buttons(o, post, "bottom"),
        short_box,
        respond,
        f"</article><!-- #post-{post.post_id} -->",
        ad("5512038847", "ad-after-content"),
        '<section class="related-posts"><h3 class="block-title"><span>مقالات ذات صلة</span>'
        f'</h3><div class="related-list">{rel_items}</div></section>',
        "</main><!-- #main -->",
        "",
    ])
    scripts = (f'<script type="text/javascript" src="{o}/wp-includes/js/comment-reply.min.js?'
               f'ver={WP_VERSION}" id="comment-reply-js" async="async" '
               'data-wp-strategy="async"></script>\n')
    return layout(o, head_html, main, breadcrumbs=breadcrumbs_html(o, trail),
                  current=cats[0].slug, scripts=scripts)


AMP_BOILERPLATE = (
    "<style amp-boilerplate>body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;"
    "-moz-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s "
    "steps(1,end) 0s 1 normal both}@keyframes -amp-start{from{visibility:hidden}to{visibility:"
    "visible}}</style><noscript><style amp-boilerplate>body{-webkit-animation:none;"
    "-moz-animation:none;animation:none}</style></noscript>"
)
AMP_FONTS = ("https://fonts.googleapis.com/css?family=Merriweather:400,400italic,700,"
             "700italic|Open+Sans:400,700,400italic,700italic&amp;display=swap")
AMP_CSS = (
    'body{background:#fff;color:#353535;font-family:Georgia,"Times New Roman",Times,Serif;'
    "font-weight:300;line-height:1.75}.amp-wp-header{background-color:#c0392b}"
    ".amp-wp-header div{color:#fff;font-size:1em;font-weight:400;margin:0 auto;"
    "max-width:calc(840px - 32px);padding:.875em 16px;position:relative}"
    ".amp-wp-article{color:#353535;font-weight:400;margin:1.5em auto;max-width:840px;"
    "overflow-wrap:break-word;word-wrap:break-word}.amp-wp-title{color:#353535;display:block;"
    "flex:1 0 100%;font-weight:900;margin:0 0 .625em;width:100%}.amp-wp-meta{color:#696969;"
    "display:inline-block;flex:2 1 50%;font-size:.875em;line-height:1.5em;margin:0 0 1.5em;"
    "padding:0}.amp-wp-footer{border-top:1px solid #c2c2c2;margin:calc(1.5em - 1px) 0 0}"
)


def amp_page(o: str, post: Post) -> bytes:
    """The AMP plugin's legacy reader template for the same post."""
    url = o + permalink(post)
    author = AUTHOR_BY_KEY[post.author]
    pub, mod = published(post), modified(post)
    img = o + image_path(post)
    schema = json.dumps({
        "@context": "http://schema.org",
        "publisher": {"@type": "Organization", "name": SITE_NAME,
                      "logo": {"@type": "ImageObject", "url": f"{o}{ICON}-192x192.png"}},
        "@type": "BlogPosting", "mainEntityOfPage": url, "headline": post.title,
        "datePublished": iso_utc(pub), "dateModified": iso_utc(mod),
        "author": {"@type": "Person", "name": author.name},
        "image": {"@type": "ImageObject", "url": img, "width": 1200, "height": 675},
    }, ensure_ascii=False, separators=(",", ":"))
    cats = "، ".join(f'<a href="{o}/category/{c}/" rel="category tag">'
                     f"{CATEGORY_BY_SLUG[c].name}</a>" for c in post.categories)
    tags = "، ".join(f'<a href="{o}/tag/{t}/" rel="tag">{e(TAG_BY_SLUG[t].name)}</a>'
                     for t in post.tags)
    content = content_html(o, post, with_ads=False)
    analytics = json.dumps({"vars": {"gtag_id": GA_ID, "config": {GA_ID: {"groups": "default"}}}},
                           separators=(",", ":"))
    html = f"""<!DOCTYPE html>
<html amp lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,minimum-scale=1">
<title>{e(post.title)} - {SITE_NAME}</title>
<link rel="canonical" href="{url}">
<meta name="generator" content="AMP Plugin v2.5.4; mode=reader; theme=legacy">
<meta name="generator" content="WordPress {WP_VERSION}">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<script async custom-element="amp-ad" src="https://cdn.ampproject.org/v0/amp-ad-0.1.js"></script>
<script async custom-element="amp-analytics"
  src="https://cdn.ampproject.org/v0/amp-analytics-0.1.js"></script>
<link rel="stylesheet" href="{AMP_FONTS}">
{AMP_BOILERPLATE}
<style amp-custom>{AMP_CSS}</style>
<script type="application/ld+json">{schema}</script>
</head>

<body class="">
<header id="top" class="amp-wp-header">
	<div>
		<a href="{o}/">
			<amp-img src="{o}{ICON}-32x32.png" width="32" height="32"
				class="amp-wp-site-icon"></amp-img>
			<span class="amp-site-title">{SITE_NAME}</span>
		</a>
	</div>
</header>

<article class="amp-wp-article">
	<header class="amp-wp-article-header">
		<h1 class="amp-wp-title">{e(post.title)}</h1>
		<div class="amp-wp-meta amp-wp-byline">
			<amp-img src="{gravatar(author, 72)}" alt="{e(author.name)}" width="24" height="24"
				layout="fixed"></amp-img>
			<span class="amp-wp-author author vcard">{e(author.name)}</span>
		</div>
		<div class="amp-wp-meta amp-wp-posted-on">
			<time datetime="{iso_utc(pub)}">{post.updated_ago}</time>
		</div>
	</header>

	<figure class="amp-wp-article-featured-image wp-caption">
		<amp-img width="1200" height="675" src="{img}"
			class="attachment-large size-large wp-post-image amp-wp-enforced-sizes" alt=""
			layout="intrinsic"></amp-img>
	</figure>

	<amp-ad width="300" height="250" type="adsense" data-ad-client="{ADSENSE_CLIENT}"
		data-ad-slot="6642019538"></amp-ad>

	<div class="amp-wp-article-content">
{content}
	</div>

	<footer class="amp-wp-article-footer">
		<div class="amp-wp-meta amp-wp-tax-category">التصنيفات: {cats}</div>
		<div class="amp-wp-meta amp-wp-tax-tag">الوسوم: {tags}</div>
		<div class="amp-wp-meta amp-wp-comments-link">
			<a href="{url}#respond">اترك تعليق</a>
		</div>
	</footer>
</article>

<footer class="amp-wp-footer">
	<div>
		<h2>{SITE_NAME}</h2>
		<a href="#top" class="back-to-top">العودة إلى الأعلى &uarr;</a>
	</div>
</footer>

<amp-analytics type="gtag" data-credentials="include">
<script type="application/json">{analytics}</script>
</amp-analytics>
</body>
</html>
"""
    return html.encode("utf-8")


def pagination(base: str, page: int, pages: int) -> str:
    if pages <= 1:
        return ""

    def href(n: int) -> str:
        return base if n == 1 else f"{base}page/{n}/"

    parts = []
    if page > 1:
        parts.append(f'<a class="prev page-numbers" href="{href(page - 1)}">&laquo; السابق</a>')
    for n in range(1, pages + 1):
        if n == page:
            parts.append(f'<span aria-current="page" class="page-numbers current">{n}</span>')
        else:
            parts.append(f'<a class="page-numbers" href="{href(n)}">{n}</a>')
    if page < pages:
        parts.append(f'<a class="next page-numbers" href="{href(page + 1)}">التالي &raquo;</a>')
    return ('<nav class="navigation pagination" aria-label="المقالات">\n'
            '<h2 class="screen-reader-text">تصفّح المقالات</h2>\n<div class="nav-links">'
            + "".join(parts) + "</div>\n</nav>")


def archive_pages(o: str, *, base_path: str, name: str, posts: list[Post],
                  description: str = "", author: Author | None = None, feed: bool = False,
                  current: str = "", body_class: str = "") -> list[tuple[str, bytes]]:
    """Page 1..n of a category, tag or author archive (`base_path` ends with '/')."""
    pages = max(1, math.ceil(len(posts) / POSTS_PER_PAGE))
    base = o + base_path
    out = []
    for page in range(1, pages + 1):
        chunk = posts[(page - 1) * POSTS_PER_PAGE:page * POSTS_PER_PAGE]
        url = base if page == 1 else f"{base}page/{page}/"
        path = base_path if page == 1 else f"{base_path}page/{page}/"
        paged = f" - الصفحة {page} من {pages}" if page > 1 else ""
        if author:
            title = f"{author.name}، كاتب في {SITE_NAME}{paged}"
        else:
            title = f"{name} الأرشيف{paged} - {SITE_NAME}"
        links = ""
        if page > 1:
            prev = base if page == 2 else f"{base}page/{page - 1}/"
            links += f'<link rel="prev" href="{prev}" />\n'
        if page < pages:
            links += f'<link rel="next" href="{base}page/{page + 1}/" />\n'
        if feed:
            links += (f'<link rel="alternate" type="application/rss+xml" title="{SITE_NAME} '
                      f'&laquo; {e(name)} خلاصة التصنيف" href="{base}feed/" />\n')
        trail = [("الرئيسية", f"{o}/"), (f"أرشيف {name}" if author else name, None)]
        page_type = "ProfilePage" if author else "CollectionPage"
        graph: list[dict] = [
            {"@type": page_type, "@id": url, "url": url, "name": title,
             "isPartOf": {"@id": f"{o}/#website"}, "breadcrumb": {"@id": f"{url}#breadcrumb"},
             "inLanguage": "ar", "potentialAction": [{"@type": "ReadAction", "target": [url]}]},
            breadcrumb_schema(url, trail),
            *website_org(o),
        ]
        if author:
            graph.append(person(o, author))
            intro = (f'<div class="author-header"><img alt="" src="{gravatar(author, 96)}" '
                     'class="avatar avatar-96 photo" height="96" width="96" loading="lazy" />'
                     f'<h1 class="page-title">{e(author.name)}</h1>'
                     + (f'<p class="author-description">{e(author.description)}</p>'
                        if author.description else "") + "</div>")
        else:
            intro = (f'<h1 class="page-title">{e(name)}</h1>'
                     + (f'<div class="archive-description"><p>{e(description)}</p></div>'
                        if description else ""))
        og_type = "profile" if author else "article"
        head_html = head(o, title=title, canonical=url, description=description,
                         og_type=og_type, links=links, schema=schema_json(graph),
                         body_class=f"archive {body_class}" + (" paged" if page > 1 else ""))
        items = "\n".join(teaser(o, p) for p in chunk)
        main = (f'<main id="main" class="site-main">\n<header class="page-header">{intro}'
                f'</header>\n<div class="posts-list archive-list">\n{items}\n</div>\n'
                f"{pagination(base, page, pages)}\n</main><!-- #main -->\n")
        body = layout(o, head_html, main, breadcrumbs=breadcrumbs_html(o, trail),
                      current=current)
        out.append((path, body))
    return out


def home_page(o: str) -> bytes:
    lead, *side = POSTS[:3]
    slider = (f'<div class="slide-main">{teaser(o, lead, "h2")}</div>'
              '<div class="slide-side">' + "".join(teaser(o, p, "h3") for p in side) + "</div>")
    blocks = []
    for slug in ("national", "economie", "sport"):
        cat = CATEGORY_BY_SLUG[slug]
        items = "".join(teaser(o, p, "h3") for p in posts_in(category=slug)[:4])
        blocks.append(f'<section class="home-block block-{slug}"><h2 class="block-title">'
                      f'<a href="{o}/category/{slug}/">{cat.name}</a></h2>'
                      f'<div class="block-posts">{items}</div></section>')
    latest = "".join(teaser(o, p, "h3") for p in POSTS)
    graph = [
        {"@type": "CollectionPage", "@id": f"{o}/", "url": f"{o}/",
         "name": f"{SITE_NAME} - {TAGLINE}", "isPartOf": {"@id": f"{o}/#website"},
         "about": {"@id": f"{o}/#organization"}, "description": SITE_DESCRIPTION,
         "breadcrumb": {"@id": f"{o}/#breadcrumb"}, "inLanguage": "ar"},
        breadcrumb_schema(f"{o}/", [("الرئيسية", None)]),
        *website_org(o),
    ]
    head_html = head(o, title=f"{SITE_NAME} - {TAGLINE}", canonical=f"{o}/",
                     description=SITE_DESCRIPTION, schema=schema_json(graph),
                     meta=f'<meta property="og:image" content="{o}{LOGO}" />\n',
                     body_class="home blog")
    main = f"""<main id="main" class="site-main home-main">
<section class="featured-slider">{slider}</section>
{ad("3390172645", "ad-home-top")}
<section class="home-block block-latest"><h2 class="block-title"><span>آخر الأخبار</span></h2>
<div class="block-posts">{latest}</div></section>
{blocks[0]}
{ad("8812236950", "ad-home-middle")}
{blocks[1]}
{blocks[2]}
</main><!-- #main -->
"""
    return layout(o, head_html, main, home=True)


CONTACT_FORM = """<div class="wpcf7 no-js" id="wpcf7-f512-p26-o1" lang="ar" dir="rtl">
<form action="/{slug}/#wpcf7-f512-p26-o1" method="post" class="wpcf7-form init"
 novalidate="novalidate" data-status="init">
<p><label> الاسم الكامل<br /><span class="wpcf7-form-control-wrap" data-name="your-name">
<input size="40" class="wpcf7-form-control wpcf7-text wpcf7-validates-as-required"
 aria-required="true" value="" type="text" name="your-name" /></span></label></p>
<p><label> البريد الإلكتروني<br /><span class="wpcf7-form-control-wrap" data-name="your-email">
<input size="40" class="wpcf7-form-control wpcf7-email wpcf7-validates-as-required"
 aria-required="true" value="" type="email" name="your-email" /></span></label></p>
<p><label> رسالتك<br /><span class="wpcf7-form-control-wrap" data-name="your-message">
<textarea cols="40" rows="10" class="wpcf7-form-control wpcf7-textarea" name="your-message">
</textarea></span></label></p>
<p><input class="wpcf7-form-control wpcf7-submit has-spinner" type="submit" value="إرسال" /></p>
<div class="wpcf7-response-output" aria-hidden="true"></div>
</form></div>
<p>البريد الإلكتروني: contact@nabae24.com</p>"""


def static_page(o: str, slug: str, title: str, texts: tuple[str, ...]) -> bytes:
    url = f"{o}/{slug}/"
    trail = [("الرئيسية", f"{o}/"), (title, None)]
    graph = [
        {"@type": "WebPage", "@id": url, "url": url, "name": f"{title} - {SITE_NAME}",
         "isPartOf": {"@id": f"{o}/#website"}, "datePublished": "2021-03-15T10:12:40+00:00",
         "dateModified": "2024-01-09T16:03:11+00:00", "breadcrumb": {"@id": f"{url}#breadcrumb"},
         "inLanguage": "ar", "potentialAction": [{"@type": "ReadAction", "target": [url]}]},
        breadcrumb_schema(url, trail),
        *website_org(o),
    ]
    body = "\n".join(f"<p>{e(t)}</p>" for t in texts)
    if slug == "contact-us":
        body += "\n" + CONTACT_FORM.format(slug=slug)
    head_html = head(o, title=f"{title} - {SITE_NAME}", canonical=url, og_type="article",
                     schema=schema_json(graph), body_class=f"page-template-default page {slug}")
    main = f"""<main id="main" class="site-main">
<article class="page type-page status-publish hentry">
<header class="entry-header"><h1 class="entry-title">{e(title)}</h1></header>
<div class="entry-content">
{body}
</div>
</article>
</main><!-- #main -->
"""
    return layout(o, head_html, main, breadcrumbs=breadcrumbs_html(o, trail))


# --------------------------------------------------------------------------- feeds and sitemaps

RSS_HEAD = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
	>
"""


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def rss(o: str, *, self_path: str, title: str, posts: list[Post], link: str = "") -> bytes:
    items = []
    for post in posts:
        url = o + permalink(post)
        footer = (f'<p>ظهرت المقالة <a rel="nofollow" href="{url}">{e(post.title)}</a> أولاً على '
                  f'<a rel="nofollow" href="{o}">{SITE_NAME}</a>.</p>')
        desc = excerpt(post, 55).replace(" &hellip;", " [&#8230;]")
        terms = [CATEGORY_BY_SLUG[c].name for c in post.categories]
        terms += [TAG_BY_SLUG[t].name for t in post.tags]
        categories = "\n\t\t".join(f"<category>{cdata(t)}</category>" for t in terms)
        content = content_html(o, post, with_ads=False) + footer
        items.append(f"""	<item>
		<title>{escape(post.title, quote=False)}</title>
		<link>{url}</link>
		<comments>{url}#respond</comments>

		<dc:creator>{cdata(AUTHOR_BY_KEY[post.author].name)}</dc:creator>
		<pubDate>{rfc822(published(post))}</pubDate>
				{categories}
		<guid isPermaLink="false">{o}/?p={post.post_id}</guid>

		<description>{cdata(f"<p>{desc}</p>" + footer)}</description>
		<content:encoded>{cdata(content)}</content:encoded>

		<wfw:commentRss>{url}feed/</wfw:commentRss>
		<slash:comments>0</slash:comments>
	</item>
""")
    build = rfc822(max((modified(p) for p in posts), default=modified(POSTS[0])))
    xml = f"""{RSS_HEAD}
<channel>
	<title>{title}</title>
	<atom:link href="{o}{self_path}" rel="self" type="application/rss+xml" />
	<link>{link or o}</link>
	<description>{TAGLINE}</description>
	<lastBuildDate>{build}</lastBuildDate>
	<language>ar</language>
	<sy:updatePeriod>
	hourly	</sy:updatePeriod>
	<sy:updateFrequency>
	1	</sy:updateFrequency>
	<generator>https://wordpress.org/?v={WP_VERSION}</generator>

<image>
	<url>{o}{ICON}-32x32.png</url>
	<title>{title}</title>
	<link>{link or o}</link>
	<width>32</width>
	<height>32</height>
</image>
{"".join(items)}	</channel>
</rss>
"""
    return xml.encode("utf-8")


def comments_feed(o: str) -> bytes:
    xml = f"""{RSS_HEAD}
<channel>
	<title>التعليقات على: {SITE_NAME}</title>
	<atom:link href="{o}/comments/feed/" rel="self" type="application/rss+xml" />
	<link>{o}</link>
	<description>{TAGLINE}</description>
	<lastBuildDate>{rfc822(modified(POSTS[0]))}</lastBuildDate>
	<sy:updatePeriod>
	hourly	</sy:updatePeriod>
	<sy:updateFrequency>
	1	</sy:updateFrequency>
	<generator>https://wordpress.org/?v={WP_VERSION}</generator>
</channel>
</rss>
"""
    return xml.encode("utf-8")


def yoast_xml(o: str, body: str) -> bytes:
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" '
           f'href="{o}/main-sitemap.xsl"?>\n{body}\n<!-- XML Sitemap generated by Yoast SEO -->')
    return xml.encode("utf-8")


URLSET = ('<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
          'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" '
          'xsi:schemaLocation="http://www.sitemaps.org/schemas/sitemap/0.9 '
          'http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd '
          'http://www.google.com/schemas/sitemap-image/1.1 '
          'http://www.google.com/schemas/sitemap-image/1.1/sitemap-image.xsd" '
          'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')


def url_entry(loc: str, lastmod: str, image: str = "") -> str:
    img = f"\n\t\t<image:image>\n\t\t\t<image:loc>{image}</image:loc>\n\t\t</image:image>" \
        if image else ""
    return f"\t<url>\n\t\t<loc>{loc}</loc>\n\t\t<lastmod>{lastmod}</lastmod>{img}\n\t</url>"


def post_sitemap(o: str) -> bytes:
    posts = sorted(POSTS, key=modified)
    entries = [url_entry(o + permalink(p), iso(modified(p)), o + image_path(p)) for p in posts]
    return yoast_xml(o, URLSET + "\n" + "\n".join(entries) + "\n</urlset>")


def page_sitemap(o: str) -> bytes:
    entries = [url_entry(f"{o}/", iso(modified(POSTS[0])))]
    entries += [url_entry(f"{o}/{slug}/", "2024-01-09T17:03:11+01:00") for slug, *_ in PAGES]
    return yoast_xml(o, URLSET + "\n" + "\n".join(entries) + "\n</urlset>")


def term_sitemap(o: str, base: str, terms: tuple[Term, ...], key: str) -> bytes:
    entries = []
    for term in terms:
        posts = posts_in(**{key: term.slug})
        entries.append(url_entry(f"{o}/{base}/{term.slug}/", iso(max(modified(p) for p in posts))))
    return yoast_xml(o, URLSET + "\n" + "\n".join(entries) + "\n</urlset>")


def author_sitemap(o: str) -> bytes:
    entries = [url_entry(f"{o}/author/{a.nicename}/",
                         iso(max(modified(p) for p in posts_in(author=a.key))))
               for a in AUTHORS]
    return yoast_xml(o, URLSET + "\n" + "\n".join(entries) + "\n</urlset>")


def news_sitemap(o: str) -> bytes:
    """Yoast News SEO: the posts of the last 48 hours."""
    snapshot = datetime.fromisoformat(SNAPSHOT).replace(tzinfo=TZ)
    recent = [p for p in POSTS if snapshot - published(p) <= timedelta(hours=48)]
    entries = []
    for post in recent:
        keywords = "، ".join(TAG_BY_SLUG[t].name for t in post.tags)
        entries.append(f"""<url>
	<loc>{o}{permalink(post)}</loc>
	<news:news>
		<news:publication>
			<news:name>{SITE_NAME}</news:name>
			<news:language>ar</news:language>
		</news:publication>
		<news:publication_date>{iso(published(post))}</news:publication_date>
		<news:title><![CDATA[{post.title}]]></news:title>
		<news:keywords><![CDATA[{keywords}]]></news:keywords>
	</news:news>
	<image:image>
		<image:loc>{o}{image_path(post)}</image:loc>
	</image:image>
</url>""")
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
           'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" '
           'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">\n'
           + "\n".join(entries) + "\n</urlset>\n")
    return xml.encode("utf-8")


def sitemap_index(o: str, children: list[tuple[str, str]]) -> bytes:
    entries = "\n".join(f"\t<sitemap>\n\t\t<loc>{o}{path}</loc>\n\t\t<lastmod>{lastmod}</lastmod>"
                        "\n\t</sitemap>" for path, lastmod in children)
    return yoast_xml(o, '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                        f"{entries}\n</sitemapindex>")


def robots(o: str) -> bytes:
    return f"""User-agent: *
Disallow: /wp-admin/
Disallow: /wp-login.php
Disallow: /?s=
Disallow: /*?replytocom=
Allow: /wp-admin/admin-ajax.php

User-agent: MJ12bot
Disallow: /

Sitemap: {o}/sitemap_index.xml
Sitemap: {o}/news-sitemap.xml
""".encode()


# --------------------------------------------------------------------------- the replica


def build(origin: str) -> Replica:
    o = origin.rstrip("/")
    replica = Replica(name="nabae24", origin=o)
    latest = newest(POSTS)
    wp_headers = {"Link": f'<{o}/wp-json/>; rel="https://api.w.org/"'}

    def add(path: str, body: bytes, kind: str, content_type: str = HTML, *,
            fixture: str | None = None, when: float = latest,
            headers: dict[str, str] | None = None) -> None:
        if headers is None:
            headers = dict(wp_headers) if content_type == HTML else {}
        replica.add(Page(path=path, body=body, content_type=content_type, kind=kind,
                         fixture=fixture, modified=when, headers=headers))

    add("/robots.txt", robots(o), "robots", "text/plain; charset=utf-8",
        when=datetime(2024, 1, 9, 16, 3, 11, tzinfo=UTC).timestamp())
    add("/", home_page(o), "home")

    for post in POSTS:
        headers = {"Link": f'<{o}/wp-json/>; rel="https://api.w.org/", '
                           f'<{o}/wp-json/wp/v2/posts/{post.post_id}>; rel="alternate"; '
                           f'type="application/json", <{o}/?p={post.post_id}>; rel=shortlink'}
        add(permalink(post), article_page(o, post), "article", fixture=post.fixture,
            when=modified(post).timestamp(), headers=headers)
        if post.amp:
            add(permalink(post) + "amp/", amp_page(o, post), "article",
                when=modified(post).timestamp())

    for cat in CATEGORIES:
        posts = posts_in(category=cat.slug)
        base = f"/category/{cat.slug}/"
        for n, (path, body) in enumerate(archive_pages(
                o, base_path=base, name=cat.name, posts=posts,
                description=cat.description, feed=True, current=cat.slug,
                body_class=f"category category-{cat.slug}"), start=1):
            fixture = "section-national" if cat.slug == "national" and n == 1 else None
            add(path, body, "section", fixture=fixture, when=newest(posts))
        feed = rss(o, self_path=base + "feed/", title=f"{cat.name} &#8211; {SITE_NAME}",
                   posts=posts, link=o + base)
        add(base + "feed/", feed, "feed", RSS, when=newest(posts))

    for tag in TAGS:
        posts = posts_in(tag=tag.slug)
        for path, body in archive_pages(o, base_path=f"/tag/{tag.slug}/", name=tag.name,
                                        posts=posts,
                                        body_class=f"tag tag-{tag.slug}"):
            fixture = "tag-hammouchi" if path == "/tag/hammouchi/" else None
            add(path, body, "tag", fixture=fixture, when=newest(posts))

    for author in AUTHORS:
        posts = posts_in(author=author.key)
        for path, body in archive_pages(o, base_path=f"/author/{author.nicename}/",
                                        name=author.name, posts=posts,
                                        author=author,
                                        body_class=f"author author-{author.nicename}"):
            add(path, body, "author", when=newest(posts))

    static_when = datetime(2024, 1, 9, 16, 3, 11, tzinfo=UTC).timestamp()
    for slug, title, texts in PAGES:
        add(f"/{slug}/", static_page(o, slug, title, texts), "other", when=static_when)

    add("/feed/", rss(o, self_path="/feed/", title=SITE_NAME, posts=list(POSTS)), "feed", RSS)
    add("/comments/feed/", comments_feed(o), "feed", RSS)

    newest_iso = iso(max(modified(p) for p in POSTS))
    add("/sitemap_index.xml", sitemap_index(o, [
        ("/post-sitemap.xml", newest_iso),
        ("/page-sitemap.xml", newest_iso),
        ("/category-sitemap.xml", newest_iso),
        ("/post_tag-sitemap.xml", newest_iso),
        ("/author-sitemap.xml", newest_iso),
        ("/news-sitemap.xml", newest_iso),
    ]), "sitemap", XML)
    add("/post-sitemap.xml", post_sitemap(o), "sitemap", XML)
    add("/page-sitemap.xml", page_sitemap(o), "sitemap", XML)
    add("/category-sitemap.xml", term_sitemap(o, "category", CATEGORIES, "category"),
        "sitemap", XML)
    add("/post_tag-sitemap.xml", term_sitemap(o, "tag", TAGS, "tag"), "sitemap", XML)
    add("/author-sitemap.xml", author_sitemap(o), "sitemap", XML)
    add("/news-sitemap.xml", news_sitemap(o), "sitemap", XML)
    link_tracking_duplicates(replica)
    return replica
