"""Replica of النية بريس (anniyapress.com), a Moroccan news site on an older custom PHP CMS.

URL scheme of the CMS: articles `/news/<id>.html`, sections `/category/<slug>` paginated with
`?page=N`, keywords `/tags/<urlencoded keyword>`, authors `/author/<id>`, search `/search?q=`,
RSS 2.0 at `/rss`, one plain `/sitemap.xml`. No JSON-LD, no article:published_time: the date and
author are only in the visible byline ("النيــة بريــس الثلاثاء 7 يناير 2025 - 10:15").

This site also carries the encoding torture cases: four articles served as windows-1256 bytes,
with the charset declared, undeclared, or lied about in the HTTP header.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from email.utils import format_datetime
from html import escape
from urllib.parse import quote, quote_plus

from tests.replicas.anniyapress_data import (
    AUTHORS,
    DELETED_ID,
    MOST_READ,
    SEARCH_QUERY,
    SECTION_PAGE_SIZE,
    SECTIONS,
    SEED,
    SEED_RELATED,
    SITE_DESCRIPTION,
    SITE_TAGLINE,
    SITE_TITLE,
    SNAPSHOT_DATE,
    STATIC_PAGES,
    STORIES,
    TAGS,
    Story,
)
from tests.replicas.base import Page, Replica, link_tracking_duplicates

NAME = "anniyapress"
MOROCCO = timezone(timedelta(hours=1))
HTML_UTF8 = "text/html; charset=UTF-8"
XML = "application/xml; charset=UTF-8"
RSS = "application/rss+xml; charset=UTF-8"
ADSENSE = "ca-pub-4817250936120458"
GOOGLE_NEWS = (
    "https://news.google.com/publications/CAAqBwgKMKfPwAswtNnXAw?hl=ar&amp;gl=MA&amp;ceid=MA%3Aar"
)

WEEKDAYS = ("الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
MONTHS = (
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
)

# Encoding variant -> (Content-Type header, <meta> in <head>, codec).
CHARSETS: dict[str, tuple[str, str, str]] = {
    "utf-8": (
        HTML_UTF8,
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
        "utf-8",
    ),
    "cp1256-declared": (
        "text/html; charset=windows-1256",
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">',
        "cp1256",
    ),
    "cp1256-undeclared": ("text/html", "", "cp1256"),
    "cp1256-lying-header": (HTML_UTF8, '<meta charset="windows-1256">', "cp1256"),
    "cp1256-lying-nometa": (HTML_UTF8, "", "cp1256"),
}

COMMENT_RULES = (
    "من شروط النشر : عدم الإساءة للكاتب أو للأشخاص أو للمقدسات أو مهاجمة الأديان أو الذات "
    "الإلهية، والابتعاد عن التحريض العنصري والشتائم."
)
FOLLOW_GOOGLE_NEWS = "تابعوا آخر الأخبار من النية بريس على Google News"


# ---------------------------------------------------------------------------------------------
# Dates, paths, small helpers


def _dt(day: str, hm: str = "00:00") -> datetime:
    return datetime.fromisoformat(f"{day}T{hm}:00").replace(tzinfo=MOROCCO)


def ar_date(day: str, hm: str) -> str:
    """The CMS's date line: "الثلاثاء 7 يناير 2025 - 10:15"."""
    d = date.fromisoformat(day)
    return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year} - {hm}"


def ar_day(day: str) -> str:
    d = date.fromisoformat(day)
    return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"


def published(s: Story) -> datetime:
    return _dt(s.date, s.time)


def modified(s: Story) -> datetime:
    return published(s) + timedelta(minutes=s.edited_minutes)


def newest(stories: tuple[Story, ...] | list[Story] = STORIES) -> float:
    return max(modified(s) for s in stories).timestamp()


def story_path(s: Story) -> str:
    return f"/news/{s.id}.html"


def section_path(slug: str, page: int = 1) -> str:
    return f"/category/{slug}" + (f"?page={page}" if page > 1 else "")


def tag_path(tag: str) -> str:
    return "/tags/" + quote(tag.replace(" ", "-"))


def author_path(author_id: int) -> str:
    return f"/author/{author_id}"


def search_path(query: str) -> str:
    return "/search?q=" + quote_plus(query)


def section_name(slug: str) -> str:
    return dict(SECTIONS)[slug]


def by_key(key: str) -> Story:
    for s in STORIES:
        if s.key == key:
            return s
    raise KeyError(key)


def paragraphs(s: Story) -> list[str]:
    return [b for b in s.blocks if isinstance(b, str)]


def excerpt(s: Story, words: int = 24) -> str:
    tokens = paragraphs(s)[0].split()
    text = " ".join(tokens[:words])
    return text + " ..." if len(tokens) > words else text


def e(text: str) -> str:
    return escape(text, quote=False)


def attr(text: str) -> str:
    return escape(text, quote=True)


def in_section(slug: str) -> list[Story]:
    return [s for s in STORIES if s.section == slug]


def section_pages(slug: str) -> int:
    n = len(in_section(slug))
    return max(1, -(-n // SECTION_PAGE_SIZE))


# ---------------------------------------------------------------------------------------------
# Page template


class Template:
    def __init__(self, origin: str) -> None:
        self.origin = origin.rstrip("/")

    def url(self, path: str) -> str:
        return self.origin + path

    def asset(self, path: str) -> str:
        return self.origin + "/assets" + path

    def image(self, s: Story, thumb: bool = False) -> str:
        folder = s.date[:7].replace("-", "/")
        return self.url(f"/uploads/news/{folder}/" + ("thumbs/" if thumb else "") + f"{s.id}.jpg")

    # -- head -------------------------------------------------------------------------------

    def head(self, *, title: str, description: str, charset_meta: str, canonical: str | None,
             og_type: str, og_image: str | None = None, keywords: str = "",
             robots: str | None = None, prev_next: str = "") -> str:
        lines = [
            "<head>",
            charset_meta,
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{e(title)}</title>",
            f'<meta name="description" content="{attr(description)}">',
        ]
        if keywords:
            lines.append(f'<meta name="keywords" content="{attr(keywords)}">')
        if robots:
            lines.append(f'<meta name="robots" content="{robots}">')
        if canonical:
            lines.append(f'<link rel="canonical" href="{canonical}">')
        lines.append(prev_next)
        lines += [
            f'<meta property="og:site_name" content="{SITE_TITLE}">',
            '<meta property="og:locale" content="ar_AR">',
            f'<meta property="og:title" content="{attr(title.removesuffix(" | " + SITE_TITLE))}">',
            f'<meta property="og:type" content="{og_type}">',
        ]
        if canonical:
            lines.append(f'<meta property="og:url" content="{canonical}">')
        lines += [
            f'<meta property="og:description" content="{attr(description)}">',
            '<meta property="og:image" content="'
            + (og_image or self.asset("/images/logo-share.jpg")) + '">',
            '<meta property="fb:app_id" content="1729384650021934">',
            '<meta name="twitter:card" content="summary_large_image">',
            '<meta name="twitter:site" content="@anniyapress">',
            f'<link rel="alternate" type="application/rss+xml" title="{SITE_TITLE}" '
            f'href="{self.url("/rss")}">',
            f'<link rel="shortcut icon" href="{self.asset("/images/favicon.ico")}">',
            f'<link rel="stylesheet" href="{self.asset("/css/bootstrap-rtl.min.css")}">',
            f'<link rel="stylesheet" href="{self.asset("/css/font-awesome.min.css")}">',
            f'<link rel="stylesheet" href="{self.asset("/css/style.css?v=2.3.7")}">',
            '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Cairo:400,700'
            '&amp;subset=arabic">',
            '<script async src="https://www.googletagmanager.com/gtag/js?id=G-7QK2M1ZB4D">'
            "</script>",
            "<script>",
            "  window.dataLayer = window.dataLayer || [];",
            "  function gtag(){dataLayer.push(arguments);}",
            "  gtag('js', new Date());",
            "  gtag('config', 'G-7QK2M1ZB4D');",
            "</script>",
            '<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js'
            f'?client={ADSENSE}" crossorigin="anonymous"></script>',
            "</head>",
        ]
        return "\n".join(line for line in lines if line)

    # -- furniture --------------------------------------------------------------------------

    def ad(self, slot: str, css: str, style: str) -> str:
        return (
            f'<div class="ad {css}">\n'
            f'<ins class="adsbygoogle" style="{style}" data-ad-client="{ADSENSE}" '
            f'data-ad-slot="{slot}"></ins>\n'
            "<script>(adsbygoogle = window.adsbygoogle || []).push({});</script>\n"
            "</div>"
        )

    def header(self, active: str | None) -> str:
        home_cls = ' class="active"' if active == "home" else ""
        menu = [f'<li{home_cls}><a href="{self.url("/")}">الرئيسية</a></li>']
        for slug, name in SECTIONS:
            cls = ' class="active"' if active == slug else ""
            menu.append(f'<li{cls}><a href="{self.url(section_path(slug))}">{name}</a></li>')
        ticker = ' <span class="sep">&bull;</span> '.join(
            f'<a href="{self.url(story_path(s))}">{e(s.title)}</a>' for s in STORIES[:6]
        )
        return "\n".join([
            '<div class="top-bar">',
            '<div class="container">',
            f'<span class="today"><i class="fa fa-calendar"></i> {ar_day(SNAPSHOT_DATE)}</span>',
            '<ul class="social-top">',
            '<li><a href="https://www.facebook.com/anniyapress" target="_blank" rel="nofollow">'
            '<i class="fa fa-facebook"></i></a></li>',
            '<li><a href="https://twitter.com/anniyapress" target="_blank" rel="nofollow">'
            '<i class="fa fa-twitter"></i></a></li>',
            '<li><a href="https://www.youtube.com/@anniyapress" target="_blank" rel="nofollow">'
            '<i class="fa fa-youtube-play"></i></a></li>',
            f'<li><a href="{self.url("/rss")}"><i class="fa fa-rss"></i></a></li>',
            "</ul>",
            "</div>",
            "</div>",
            '<header class="site-header">',
            '<div class="container">',
            '<div class="logo">',
            f'<a href="{self.url("/")}" title="{SITE_TITLE}">'
            f'<img src="{self.asset("/images/logo.png")}" alt="{SITE_TITLE}" width="260" '
            'height="80"></a>',
            "</div>",
            self.ad("8203746152", "ad-header", "display:inline-block;width:728px;height:90px"),
            "</div>",
            '<nav class="main-menu navbar">',
            '<div class="container">',
            '<button type="button" class="navbar-toggle" data-toggle="collapse" '
            'data-target="#menu"><span class="icon-bar"></span><span class="icon-bar"></span>'
            '<span class="icon-bar"></span></button>',
            '<ul class="nav navbar-nav" id="menu">',
            *menu,
            "</ul>",
            '<form class="navbar-form search-top" action="'
            + self.url("/search") + '" method="get">'
            '<input type="text" name="q" placeholder="بحث..."><button type="submit">'
            '<i class="fa fa-search"></i></button></form>',
            "</div>",
            "</nav>",
            "</header>",
            '<div class="breaking-news">',
            '<div class="container">',
            '<span class="breaking-title">آخر الأخبار</span>',
            '<div class="breaking-ticker"><marquee direction="right" scrollamount="4" '
            'onmouseover="this.stop();" onmouseout="this.start();">',
            ticker,
            "</marquee></div>",
            "</div>",
            "</div>",
        ])

    def mini_list(self, css: str, title: str, stories: list[Story]) -> str:
        items = "\n".join(
            f'<li><a href="{self.url(story_path(s))}">'
            f'<img src="{self.image(s, thumb=True)}" alt="" width="90" height="60"></a>'
            f'<h4><a href="{self.url(story_path(s))}">{e(s.title)}</a></h4>'
            f'<span class="date"><i class="fa fa-clock-o"></i> {ar_date(s.date, s.time)}</span>'
            "</li>"
            for s in stories
        )
        return (
            f'<div class="widget {css}">\n<h3 class="widget-title"><span>{title}</span></h3>\n'
            f'<ul class="news-mini">\n{items}\n</ul>\n</div>'
        )

    def sidebar(self) -> str:
        return "\n".join([
            '<aside class="col-md-4 col-sm-12 sidebar">',
            '<div class="widget widget-search">',
            f'<form action="{self.url("/search")}" method="get" class="search-form">'
            '<input type="text" name="q" placeholder="ابحث في الموقع...">'
            '<input type="submit" value="بحث"></form>',
            "</div>",
            self.ad("5561029384", "ad-sidebar", "display:inline-block;width:300px;height:250px"),
            self.mini_list("widget-most-read", "الأكثر قراءة", [by_key(k) for k in MOST_READ]),
            self.mini_list("widget-latest", "آخر الأخبار", list(STORIES[:5])),
            '<div class="widget widget-facebook">',
            '<h3 class="widget-title"><span>تابعونا على فيسبوك</span></h3>',
            '<div class="fb-page" data-href="https://www.facebook.com/anniyapress" '
            'data-tabs="" data-width="300" data-small-header="false" '
            'data-adapt-container-width="true" data-hide-cover="false" data-show-facepile="true">'
            '<blockquote cite="https://www.facebook.com/anniyapress" class="fb-xfbml-parse-ignore">'
            f'<a href="https://www.facebook.com/anniyapress">{SITE_TITLE}</a></blockquote></div>',
            "</div>",
            self.ad("9920473816", "ad-sidebar-2", "display:block"),
            "</aside>",
        ])

    def footer(self, extra_scripts: str = "") -> str:
        sections = "\n".join(
            f'<li><a href="{self.url(section_path(slug))}">{name}</a></li>'
            for slug, name in SECTIONS
        )
        pages = "\n".join(
            f'<li><a href="{self.url("/page/" + slug)}">{title}</a></li>'
            for slug, (title, _) in STATIC_PAGES.items()
        )
        return "\n".join([
            '<footer class="site-footer">',
            '<div class="container">',
            '<div class="row">',
            '<div class="col-md-5 footer-about">',
            f'<img src="{self.asset("/images/logo-white.png")}" alt="{SITE_TITLE}" width="200" '
            'height="62">',
            f"<p>{e(SITE_DESCRIPTION)}</p>",
            "</div>",
            '<div class="col-md-3 footer-sections">',
            '<h4>الأقسام</h4>',
            f"<ul>\n{sections}\n</ul>",
            "</div>",
            '<div class="col-md-4 footer-links">',
            "<h4>روابط</h4>",
            f"<ul>\n{pages}\n</ul>",
            '<ul class="social-footer">',
            '<li><a href="https://www.facebook.com/anniyapress" rel="nofollow">'
            '<i class="fa fa-facebook"></i></a></li>',
            '<li><a href="https://twitter.com/anniyapress" rel="nofollow">'
            '<i class="fa fa-twitter"></i></a></li>',
            '<li><a href="https://www.youtube.com/@anniyapress" rel="nofollow">'
            '<i class="fa fa-youtube-play"></i></a></li>',
            "</ul>",
            "</div>",
            "</div>",
            "</div>",
            '<div class="copyright">',
            '<div class="container">',
            f"<p>جميع الحقوق محفوظة &copy; {SITE_TITLE} 2025</p>",
            '<p class="credits">تصميم وبرمجة: <a href="https://www.sigmaweb.ma" '
            'rel="nofollow">Sigma Web</a></p>',
            "</div>",
            "</div>",
            "</footer>",
            '<a href="#top" id="back-to-top" class="back-to-top" title="العودة إلى الأعلى">'
            '<i class="fa fa-angle-up"></i></a>',
            '<div id="fb-root"></div>',
            f'<script src="{self.asset("/js/jquery-1.12.4.min.js")}"></script>',
            f'<script src="{self.asset("/js/bootstrap.min.js")}"></script>',
            f'<script src="{self.asset("/js/jquery.lazyload.min.js")}"></script>',
            f'<script src="{self.asset("/js/main.js?v=2.3.7")}"></script>',
            "<script>",
            "$(function () {",
            "  $('img.lazy').lazyload();",
            "  $(window).scroll(function () {",
            "    if ($(this).scrollTop() > 300) { $('#back-to-top').fadeIn(); }",
            "    else { $('#back-to-top').fadeOut(); }",
            "  });",
            "  $('#back-to-top').click(function () {",
            "    $('html, body').animate({scrollTop: 0}, 600); return false;",
            "  });",
            "});",
            "</script>",
            extra_scripts,
            '<script async defer crossorigin="anonymous" '
            'src="https://connect.facebook.net/ar_AR/sdk.js#xfbml=1&amp;version=v18.0"></script>',
        ])

    def page(self, *, head: str, body_class: str, active: str | None, main: str,
             extra_scripts: str = "") -> str:
        parts = [
            "<!DOCTYPE html>",
            '<html lang="ar" dir="rtl">',
            head,
            f'<body class="{body_class}" id="top">',
            self.header(active),
            '<div class="container main-container">',
            self.ad("3318205746", "ad-top", "display:block"),
            '<div class="row">',
            '<div class="col-md-8 col-sm-12 main-col">',
            main,
            "</div>",
            self.sidebar(),
            "</div>",
            "</div>",
            self.footer(extra_scripts),
            "</body>",
            "</html>",
            "",
        ]
        return "\n".join(p for p in parts if p)

    # -- listings ---------------------------------------------------------------------------

    def teaser(self, s: Story, css: str = "news-item") -> str:
        link = self.url(story_path(s))
        return "\n".join([
            f'<div class="{css}">',
            f'<a class="thumb" href="{link}"><img class="lazy" '
            f'data-original="{self.image(s, thumb=True)}" '
            f'src="{self.asset("/images/blank.gif")}" alt="{attr(s.title)}" width="300" '
            'height="180"></a>',
            f'<h3 class="news-item-title"><a href="{link}">{e(s.title)}</a></h3>',
            f'<span class="date"><i class="fa fa-clock-o"></i> {ar_date(s.date, s.time)}</span>',
            f'<p class="excerpt">{e(excerpt(s))}</p>',
            "</div>",
        ])

    def breadcrumb(self, *items: tuple[str, str | None]) -> str:
        lis = [f'<li><a href="{self.url("/")}">الرئيسية</a></li>']
        for label, path in items:
            if path:
                lis.append(f'<li><a href="{self.url(path)}">{e(label)}</a></li>')
            else:
                lis.append(f'<li class="active">{e(label)}</li>')
        return '<ol class="breadcrumb">\n' + "\n".join(lis) + "\n</ol>"

    def pagination(self, slug: str, page: int, pages: int) -> str:
        if pages < 2:
            return ""
        items = []
        if page > 1:
            items.append(f'<li><a href="{self.url(section_path(slug, page - 1))}">'
                         "&laquo; السابق</a></li>")
        for n in range(1, pages + 1):
            if n == page:
                items.append(f'<li class="active"><span>{n}</span></li>')
            else:
                items.append(f'<li><a href="{self.url(section_path(slug, n))}">{n}</a></li>')
        if page < pages:
            items.append(f'<li><a href="{self.url(section_path(slug, page + 1))}">'
                         "التالي &raquo;</a></li>")
        return '<ul class="pagination">\n' + "\n".join(items) + "\n</ul>"

    def listing(self, *, title: str, crumbs: tuple[tuple[str, str | None], ...],
                stories: list[Story], intro: str = "", pager: str = "") -> str:
        body = "\n".join(self.teaser(s) for s in stories) or (
            '<p class="no-results">لا توجد نتائج.</p>'
        )
        return "\n".join(p for p in [
            self.breadcrumb(*crumbs),
            f'<h1 class="page-title">{e(title)}</h1>',
            intro,
            f'<div class="news-list">\n{body}\n</div>',
            pager,
        ] if p)

    # -- article ----------------------------------------------------------------------------

    def block(self, block: object) -> str:
        if isinstance(block, str):
            return f"<p>{e(block)}</p>"
        kind, value = block  # type: ignore[misc]
        if kind in ("h2", "h3"):
            return f"<{kind}>{e(str(value))}</{kind}>"
        if kind == "blockquote":
            return f"<blockquote><p>{e(str(value))}</p></blockquote>"
        if kind == "ul":
            return "<ul>\n" + "\n".join(f"<li>{e(v)}</li>" for v in value) + "\n</ul>"
        raise ValueError(kind)

    def share(self, s: Story, where: str) -> str:
        u = quote(self.url(story_path(s)), safe="")
        t = quote(s.title, safe="")
        return "\n".join([
            f'<div class="share-buttons share-{where}">',
            f'<a class="share-facebook" href="https://www.facebook.com/sharer/sharer.php?u={u}" '
            'target="_blank" rel="nofollow" title="فيسبوك"><i class="fa fa-facebook"></i></a>',
            f'<a class="share-twitter" href="https://twitter.com/intent/tweet?url={u}'
            f'&amp;text={t}" target="_blank" rel="nofollow" title="تويتر">'
            '<i class="fa fa-twitter"></i></a>',
            f'<a class="share-whatsapp" href="whatsapp://send?text={t}%20{u}" '
            'rel="nofollow" title="واتساب"><i class="fa fa-whatsapp"></i></a>',
            '<a class="share-print" href="javascript:window.print();" title="طباعة">'
            '<i class="fa fa-print"></i></a>',
            "</div>",
        ])

    def related(self, s: Story) -> list[Story]:
        if s.key == SEED.key:
            return [by_key(k) for k in SEED_RELATED]
        same = [o for o in STORIES if o.section == s.section and o.key != s.key]
        rest = [o for o in STORIES if o.section != s.section and o.key != s.key]
        return (same + rest)[:4]

    def comments(self, s: Story) -> str:
        items = "\n".join(
            '<li class="comment">'
            f'<div class="comment-head"><span class="comment-author">{e(name)}</span> '
            f'<span class="comment-date">{ar_date(day, hm)}</span></div>'
            f'<div class="comment-body"><p>{e(text)}</p></div></li>'
            for name, day, hm, text in s.comments
        )
        return "\n".join([
            '<section class="comments-area" id="comments">',
            '<div class="add-comment" id="add-comment">',
            '<h3 class="block-title"><span>أضف تعليقك</span></h3>',
            f'<form id="comment-form" action="{self.url("/comment/add")}" method="post">',
            f'<input type="hidden" name="news_id" value="{s.id}">',
            '<div class="row">',
            '<div class="col-sm-6"><input type="text" name="name" class="form-control" '
            'placeholder="الإسم *" required></div>',
            '<div class="col-sm-6"><input type="email" name="email" class="form-control" '
            'placeholder="البريد الإلكتروني *" required></div>',
            "</div>",
            '<textarea name="comment" id="comment-text" class="form-control" rows="6" '
            'maxlength="1000" placeholder="تعليقك..."></textarea>',
            '<div class="chars-left"><span id="chars-count">1000</span> / 1000 '
            "(عدد الأحرف المتبقية)</div>",
            f'<p class="comment-rules">{COMMENT_RULES}</p>',
            '<input type="submit" class="btn btn-send" value="إرسال">',
            "</form>",
            "</div>",
            '<div class="comments-list">',
            '<div class="comments-header"><h3 class="block-title"><span>تعليقات</span></h3>',
            f'<span class="comments-count">{len(s.comments)}</span></div>',
            f'<ol class="comment-list">\n{items}\n</ol>' if items else "",
            "</div>",
            "</section>",
        ])

    def article_main(self, s: Story) -> str:
        body: list[str] = []
        for i, block in enumerate(s.blocks):
            body.append(self.block(block))
            if i == 1:
                body.append(self.ad("6402918375", "ad-inarticle", "display:block; "
                                    "text-align:center;"))
            if s.read_also and s.read_also[0] == i:
                other = by_key(s.read_also[1])
                body.append(
                    '<p class="read-also"><strong>اقرأ أيضا:</strong> '
                    f'<a href="{self.url(story_path(other))}">{e(other.title)}</a></p>'
                )
        tags = ""
        if s.tags:
            tags = (
                '<div class="news-tags"><span class="tags-label"><i class="fa fa-tags"></i> '
                "الوسوم :</span> "
                + " ".join(f'<a href="{self.url(tag_path(t))}">{e(t)}</a>' for t in s.tags)
                + "</div>"
            )
        related = "\n".join(
            '<div class="col-md-6 col-sm-6 related-item">'
            f'<a class="thumb" href="{self.url(story_path(o))}">'
            f'<img src="{self.image(o, thumb=True)}" alt="" width="300" height="180"></a>'
            f'<span class="date">{ar_date(o.date, o.time)}</span>'
            f'<h4><a href="{self.url(story_path(o))}">{e(o.title)}</a></h4>'
            "</div>"
            for o in self.related(s)
        )
        return "\n".join(p for p in [
            self.breadcrumb((section_name(s.section), section_path(s.section)), (s.title, None)),
            # One block from the title down to the related teasers, as the seed scrape shows.
            f'<div class="news-details" id="news-{s.id}">',
            f'<h1 class="news-title">{e(s.title)}</h1>',
            '<div class="news-meta">',
            f'<span class="news-author"><i class="fa fa-user"></i> '
            f'<a href="{self.url(author_path(s.author))}">{AUTHORS[s.author]}</a></span>',
            f'<span class="news-date"><i class="fa fa-clock-o"></i> '
            f"<time>{ar_date(s.date, s.time)}</time></span>",
            "</div>",
            self.share(s, "top"),
            f'<figure class="news-image"><img src="{self.image(s)}" alt="{attr(s.title)}" '
            'width="800" height="450"></figure>',
            '<div class="news-text" id="news-text">',
            *body,
            "</div>",
            '<div class="google-news-follow">',
            f'<a href="{GOOGLE_NEWS}" target="_blank" rel="nofollow noopener">'
            f'<img src="{self.asset("/images/google-news.png")}" alt="" width="30" height="30"> '
            f"<span>{FOLLOW_GOOGLE_NEWS}</span></a>",
            "</div>",
            tags,
            self.share(s, "bottom"),
            self.ad("7730164825", "ad-after-article", "display:block"),
            self.comments(s),
            '<section class="related-news">',
            '<h3 class="block-title"><span>مقالات ذات صلة</span></h3>',
            f'<div class="row">\n{related}\n</div>',
            "</section>",
            "</div>",
        ] if p)


COUNTER_SCRIPT = "\n".join([
    "<script>",
    "$('#comment-text').on('keyup input', function () {",
    "  var left = 1000 - $(this).val().length;",
    "  $('#chars-count').text(left < 0 ? 0 : left);",
    "});",
    "</script>",
])


# ---------------------------------------------------------------------------------------------
# Pages


def article_page(t: Template, s: Story) -> Page:
    content_type, meta, codec = CHARSETS[s.encoding]
    canonical = t.url(story_path(s))
    head = t.head(
        title=f"{s.title} | {SITE_TITLE}",
        description=excerpt(s, 30),
        charset_meta=meta,
        canonical=canonical,
        og_type="article",
        og_image=t.image(s),
        keywords="، ".join(s.tags),
    )
    html = t.page(head=head, body_class="news-page", active=s.section,
                  main=t.article_main(s), extra_scripts=COUNTER_SCRIPT)
    return Page(
        path=story_path(s),
        body=html.encode(codec),
        content_type=content_type,
        kind="article",
        fixture=s.fixture,
        modified=modified(s).timestamp(),
    )


def home_page(t: Template) -> Page:
    top, *rest = STORIES
    blocks = []
    for slug, name in SECTIONS:
        items = in_section(slug)[:3]
        if not items:
            continue
        blocks.append("\n".join([
            f'<section class="home-block block-{slug}">',
            f'<h2 class="block-title"><a href="{t.url(section_path(slug))}">{name}</a></h2>',
            '<div class="news-list">',
            *(t.teaser(s) for s in items),
            "</div>",
            f'<a class="more" href="{t.url(section_path(slug))}">المزيد من {name}</a>',
            "</section>",
        ]))
    featured = "\n".join([
        '<div class="featured-news">',
        '<div class="featured-main">',
        f'<a href="{t.url(story_path(top))}"><img src="{t.image(top)}" alt="{attr(top.title)}" '
        'width="800" height="450"></a>',
        f'<h2><a href="{t.url(story_path(top))}">{e(top.title)}</a></h2>',
        f'<span class="date">{ar_date(top.date, top.time)}</span>',
        f'<p class="excerpt">{e(excerpt(top, 40))}</p>',
        "</div>",
        '<div class="featured-side">',
        *(t.teaser(s, "news-item small") for s in rest[:2]),
        "</div>",
        "</div>",
    ])
    main = "\n".join([featured, t.ad("1184620397", "ad-home-middle", "display:block"), *blocks])
    head = t.head(
        title=f"{SITE_TITLE} | {SITE_TAGLINE}",
        description=SITE_DESCRIPTION,
        charset_meta=CHARSETS["utf-8"][1],
        canonical=t.url("/"),
        og_type="website",
        keywords="النية بريس، أولاد تايمة، تارودانت، سوس، أخبار المغرب",
    )
    html = t.page(head=head, body_class="home-page", active="home", main=main)
    return Page(path="/", body=html.encode(), kind="home", modified=newest())


def section_page(t: Template, slug: str, page: int) -> Page:
    name = section_name(slug)
    pages = section_pages(slug)
    stories = in_section(slug)[(page - 1) * SECTION_PAGE_SIZE: page * SECTION_PAGE_SIZE]
    title = name if page == 1 else f"{name} - الصفحة {page}"
    links = []
    if page > 1:
        links.append(f'<link rel="prev" href="{t.url(section_path(slug, page - 1))}">')
    if page < pages:
        links.append(f'<link rel="next" href="{t.url(section_path(slug, page + 1))}">')
    head = t.head(
        title=f"{title} | {SITE_TITLE}",
        description=f"آخر أخبار {name} على موقع {SITE_TITLE}",
        charset_meta=CHARSETS["utf-8"][1],
        canonical=t.url(section_path(slug, page)),
        og_type="website",
        prev_next="\n".join(links),
    )
    main = t.listing(
        title=name,
        crumbs=((name, None),),
        stories=stories,
        pager=t.pagination(slug, page, pages),
    )
    html = t.page(head=head, body_class="category-page", active=slug, main=main)
    fixture = f"section-{slug}" if (slug, page) == ("politique", 1) else None
    return Page(path=section_path(slug, page), body=html.encode(), kind="section",
                fixture=fixture, modified=newest(in_section(slug)))


def tag_page(t: Template, tag: str) -> Page:
    stories = [s for s in STORIES if tag in s.tags]
    head = t.head(
        title=f"{tag} | {SITE_TITLE}",
        description=f"كل المقالات المتعلقة بـ {tag}",
        charset_meta=CHARSETS["utf-8"][1],
        canonical=t.url(tag_path(tag)),
        og_type="website",
    )
    main = t.listing(title=f"الوسم : {tag}", crumbs=(("الوسوم", None), (tag, None)),
                     stories=stories)
    html = t.page(head=head, body_class="tag-page", active=None, main=main)
    fixture = "tag-oulad-teima" if TAGS[tag] == "oulad-teima" else None
    return Page(path=tag_path(tag), body=html.encode(), kind="tag", fixture=fixture,
                modified=newest(stories))


def author_page(t: Template, author_id: int) -> Page:
    name = AUTHORS[author_id]
    stories = [s for s in STORIES if s.author == author_id]
    head = t.head(
        title=f"مقالات {name} | {SITE_TITLE}",
        description=f"جميع مقالات {name} على موقع {SITE_TITLE}",
        charset_meta=CHARSETS["utf-8"][1],
        canonical=t.url(author_path(author_id)),
        og_type="profile",
    )
    intro = (
        '<div class="author-box">'
        f'<img src="{t.asset("/images/avatar.png")}" alt="" width="80" height="80">'
        f'<span class="author-name">{name}</span>'
        f'<span class="author-count">عدد المقالات: {len(stories)}</span></div>'
    )
    main = t.listing(title=name, crumbs=(("الكتاب", None), (name, None)), stories=stories,
                     intro=intro)
    html = t.page(head=head, body_class="author-page", active=None, main=main)
    return Page(path=author_path(author_id), body=html.encode(), kind="author",
                modified=newest(stories))


def search_page(t: Template) -> Page:
    found = [
        s for s in STORIES
        if SEARCH_QUERY in s.title or any(SEARCH_QUERY in p for p in paragraphs(s))
    ]
    head = t.head(
        title=f"نتائج البحث عن: {SEARCH_QUERY} | {SITE_TITLE}",
        description=f"نتائج البحث عن {SEARCH_QUERY}",
        charset_meta=CHARSETS["utf-8"][1],
        canonical=None,
        og_type="website",
        robots="noindex, follow",
    )
    intro = (
        f'<form class="search-page-form" action="{t.url("/search")}" method="get">'
        f'<input type="text" name="q" value="{attr(SEARCH_QUERY)}">'
        '<input type="submit" value="بحث"></form>\n'
        f'<p class="search-count">عدد النتائج: {len(found)}</p>'
    )
    main = t.listing(title=f"نتائج البحث عن: {SEARCH_QUERY}",
                     crumbs=(("بحث", None),), stories=found, intro=intro)
    html = t.page(head=head, body_class="search-page", active=None, main=main)
    return Page(path=search_path(SEARCH_QUERY), body=html.encode(), kind="search",
                modified=newest())


def soft_404_page(t: Template) -> Page:
    """What the CMS answers for an article id it no longer has: the template, status 200."""
    head = t.head(
        title=f"الصفحة غير موجودة | {SITE_TITLE}",
        description=SITE_DESCRIPTION,
        charset_meta=CHARSETS["utf-8"][1],
        canonical=None,
        og_type="website",
    )
    teasers = "\n".join(t.teaser(s) for s in STORIES[:4])
    main = "\n".join([
        t.breadcrumb(("الصفحة غير موجودة", None)),
        '<div class="error-page">',
        '<h1 class="page-title">الصفحة غير موجودة</h1>',
        "<p>عذرا، الصفحة التي تبحث عنها غير موجودة أو ربما تم حذفها أو تغيير رابطها.</p>",
        f'<p><a class="btn" href="{t.url("/")}">العودة إلى الصفحة الرئيسية</a></p>',
        "</div>",
        '<h3 class="block-title"><span>قد يهمك أيضا</span></h3>',
        f'<div class="news-list">\n{teasers}\n</div>',
    ])
    html = t.page(head=head, body_class="error-page", active=None, main=main)
    return Page(path=f"/news/{DELETED_ID}.html", body=html.encode(), kind="error",
                fixture="error-soft-404", modified=newest())


def static_page(t: Template, slug: str) -> Page:
    title, paras = STATIC_PAGES[slug]
    head = t.head(
        title=f"{title} | {SITE_TITLE}",
        description=paras[0],
        charset_meta=CHARSETS["utf-8"][1],
        canonical=t.url(f"/page/{slug}"),
        og_type="website",
    )
    main = "\n".join([
        t.breadcrumb((title, None)),
        '<div class="static-page">',
        f'<h1 class="page-title">{title}</h1>',
        *(f"<p>{e(p)}</p>" for p in paras),
        "</div>",
    ])
    html = t.page(head=head, body_class="static-page", active=None, main=main)
    return Page(path=f"/page/{slug}", body=html.encode(), kind="other",
                modified=_dt("2024-09-02", "12:00").timestamp())


def robots_page(t: Template) -> Page:
    text = "\n".join([
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /includes/",
        "Disallow: /ajax/",
        "Disallow: /comment/",
        "Disallow: /print/",
        "",
        f"Sitemap: {t.url('/sitemap.xml')}",
        "",
    ])
    return Page(path="/robots.txt", body=text.encode(), content_type="text/plain",
                kind="robots", modified=_dt("2024-09-02", "12:00").timestamp())


def sitemap_page(t: Template) -> Page:
    def url(loc: str, lastmod: datetime, freq: str, priority: str) -> str:
        return (
            f"<url><loc>{loc}</loc><lastmod>{lastmod.isoformat()}</lastmod>"
            f"<changefreq>{freq}</changefreq><priority>{priority}</priority></url>"
        )

    last = datetime.fromtimestamp(newest(), MOROCCO)
    entries = [url(t.url("/"), last, "hourly", "1.0")]
    for slug, _ in SECTIONS:
        entries.append(url(t.url(section_path(slug)),
                           datetime.fromtimestamp(newest(in_section(slug)), MOROCCO),
                           "daily", "0.8"))
    for s in STORIES:
        entries.append(url(t.url(story_path(s)), modified(s), "weekly", "0.6"))
    xml = "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        *entries,
        "</urlset>",
        "",
    ])
    return Page(path="/sitemap.xml", body=xml.encode(), content_type=XML, kind="sitemap",
                modified=newest())


def rss_page(t: Template) -> Page:
    items = []
    for s in STORIES:
        link = t.url(story_path(s))
        items.append("\n".join([
            "<item>",
            f"<title>{e(s.title)}</title>",
            f"<link>{link}</link>",
            f'<guid isPermaLink="true">{link}</guid>',
            f"<pubDate>{format_datetime(published(s))}</pubDate>",
            f"<dc:creator>{AUTHORS[s.author]}</dc:creator>",
            f"<category>{section_name(s.section)}</category>",
            f"<description><![CDATA[{excerpt(s, 40)}]]></description>",
            f'<enclosure url="{t.image(s)}" length="{40_000 + s.id % 9_973 * 7}" '
            'type="image/jpeg"/>',
            "</item>",
        ]))
    build = datetime.fromtimestamp(newest(), MOROCCO)
    xml = "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">',
        "<channel>",
        f"<title>{SITE_TITLE}</title>",
        f"<link>{t.url('/')}</link>",
        f'<atom:link href="{t.url("/rss")}" rel="self" type="application/rss+xml"/>',
        f"<description>{e(SITE_DESCRIPTION)}</description>",
        "<language>ar</language>",
        f"<lastBuildDate>{format_datetime(build)}</lastBuildDate>",
        "<ttl>30</ttl>",
        "<image>",
        f"<url>{t.asset('/images/logo.png')}</url>",
        f"<title>{SITE_TITLE}</title>",
        f"<link>{t.url('/')}</link>",
        "</image>",
        *items,
        "</channel>",
        "</rss>",
        "",
    ])
    return Page(path="/rss", body=xml.encode(), content_type=RSS, kind="feed",
                modified=newest())


def build(origin: str) -> Replica:
    t = Template(origin)
    replica = Replica(name=NAME, origin=t.origin)
    replica.add(robots_page(t))
    replica.add(sitemap_page(t))
    replica.add(rss_page(t))
    replica.add(home_page(t))
    for slug, _ in SECTIONS:
        for n in range(1, section_pages(slug) + 1):
            replica.add(section_page(t, slug, n))
    for tag in TAGS:
        if any(tag in s.tags for s in STORIES):
            replica.add(tag_page(t, tag))
    for author_id in AUTHORS:
        replica.add(author_page(t, author_id))
    for s in STORIES:
        replica.add(article_page(t, s))
    replica.add(search_page(t))
    replica.add(soft_404_page(t))
    for slug in STATIC_PAGES:
        replica.add(static_page(t, slug))
    link_tracking_duplicates(replica)
    return replica
