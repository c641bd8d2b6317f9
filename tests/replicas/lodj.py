"""Replica of L'ODJ Média (www.lodj.ma), a bilingual French/Arabic site run on the Wmaker CMS.

Wmaker conventions reproduced here: articles at `/<Title-words>_a<ID>.html` (Arabic titles keep
their Arabic words, percent-encoded), rubriques at `/<Name>_r<ID>.html` paginated with `?start=N`,
tags at `/tags/<word>/`, authors at `/author/<Name>/`, RSS 2.0 at `/xml/syndication.rss` (and
`?r=<rubrique id>` per rubrique), a plain `/sitemap.xml`, static files under `/var/style/`,
`/_public/js/` and `/photo/`.

The article page follows the seed (tests seed 002): rubrique name "آخر الأخبار" above the title,
the body as one `div.texte` with paragraphs separated by `<br /><br />` and bold sub-heading lines,
then the author box (name, bio, "إعرف المزيد حول هذا الكاتب"), the date line, the "في نفس الركن"
carousel with its "< >" pager and dated teasers, the two banners, the "تحميل مجلة لويكاند" block and
the "Buy cheap website traffic" link at the very bottom.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from urllib.parse import quote

from tests.replicas.base import Page, Replica, link_tracking_duplicates
from tests.replicas.lodj_data import ARTICLES, AUTHORS, RUBRIQUES, Article, Author, Rubrique

NAME = "lodj"
SITE_TITLE = "L'ODJ Média"
TZ = timezone(timedelta(hours=1))  # Morocco, outside Ramadan
HTML = "text/html; charset=UTF-8"
RSS = "application/rss+xml; charset=UTF-8"
XML = "application/xml; charset=UTF-8"
ROBOTS_MODIFIED = 1_735_689_600.0  # 2025-01-01
STYLE_VERSION = "1745496120"
ADSENSE = "ca-pub-4718319271505628"
GA_ID = "G-7Q2LJ8XK5D"

WEEKDAYS_AR = ("الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
MONTHS_AR = ("يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر",
             "أكتوبر", "نونبر", "دجنبر")
WEEKDAYS_FR = ("Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche")
MONTHS_FR = ("Janvier", "Février", "Mars", "Avril", "Mai", "Juin", "Juillet", "Août",
             "Septembre", "Octobre", "Novembre", "Décembre")

RUB = {r.key: r for r in RUBRIQUES}
AUT = {a.key: a for a in AUTHORS}
# Newest first, as every listing shows them.
BY_DATE = tuple(sorted(ARTICLES, key=lambda a: (a.date, a.time), reverse=True))


# ---------------------------------------------------------------------------------------------
# URLs, dates, small helpers


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def wm_slug(text: str) -> str:
    """Wmaker's URL words: accents dropped from Latin letters, Arabic kept, the rest to dashes."""
    text = text.replace("œ", "oe").replace("Œ", "Oe")
    if not re.search(r"[\u0600-\u06ff]", text):
        text = "".join(c for c in unicodedata.normalize("NFKD", text)
                       if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "-", text).strip("-")


def article_path(a: Article) -> str:
    return "/" + quote(wm_slug(a.title)) + f"_a{a.id}.html"


def rubrique_path(r: Rubrique, start: int = 0) -> str:
    path = "/" + quote(wm_slug(r.name)) + f"_r{r.id}.html"
    return f"{path}?start={start}" if start else path


def tag_path(tag: str) -> str:
    return "/tags/" + quote(tag) + "/"


def author_path(a: Author) -> str:
    return f"/author/{a.slug}/"


def published(a: Article) -> datetime:
    return datetime.fromisoformat(f"{a.date}T{a.time}:00").replace(tzinfo=TZ)


def modified(a: Article) -> datetime:
    return published(a) + timedelta(minutes=a.modified_after)


def newest(articles) -> float:
    return max(modified(a).timestamp() for a in articles)


def date_line(a: Article, with_time: bool = False) -> str:
    d = published(a)
    if a.lang == "fr":
        text = f"{WEEKDAYS_FR[d.weekday()]} {d.day} {MONTHS_FR[d.month - 1]} {d.year}"
    else:
        text = f"{WEEKDAYS_AR[d.weekday()]} {d.day} {MONTHS_AR[d.month - 1]} {d.year}"
    return f"{text} - {a.time}" if with_time else text


def short_date(a: Article) -> str:
    return published(a).strftime("%d/%m/%Y")


def excerpt(a: Article, limit: int = 240) -> str:
    text = next(b[1] for b in a.blocks if b[0] == "p")
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "..."


def photo(a: Article, size: str = "grande") -> str:
    return (f"/photo/art/{size}/{87_000_000 + a.id}-{61_000_000 + 3 * a.id}.jpg"
            f"?v={int(published(a).timestamp())}")


def top_rubrique(a: Article) -> Rubrique:
    r = RUB[a.rubrique]
    return RUB[r.parent] if r.parent else r


def in_rubrique(r: Rubrique) -> list[Article]:
    keys = {r.key} | {c.key for c in RUBRIQUES if c.parent == r.key}
    return [a for a in BY_DATE if a.rubrique in keys]


def all_tags() -> list[str]:
    seen: dict[str, None] = {}
    for a in BY_DATE:
        for t in a.tags:
            seen.setdefault(t, None)
    return list(seen)


def adsense(slot: str, fmt: str = "auto", extra: str = "") -> str:
    return (f'<ins class="adsbygoogle" style="display:block"{extra} data-ad-client="{ADSENSE}" '
            f'data-ad-slot="{slot}" data-ad-format="{fmt}" '
            'data-full-width-responsive="true"></ins>\n'
            "<script>(adsbygoogle = window.adsbygoogle || []).push({});</script>")


# ---------------------------------------------------------------------------------------------
# Page furniture


def head(o: str, *, lang: str, title: str, description: str, canonical: str,
         og_type: str = "website", image: str = "", extra: str = "", feeds=()) -> str:
    image = image or f"{o}/var/style/logo_og.png?v={STYLE_VERSION}"
    alternates = "".join(
        f'<link rel="alternate" type="application/rss+xml" title="{esc(t)}" href="{o}{p}" />\n'
        for t, p in (("L'ODJ Média", "/xml/syndication.rss"), *feeds))
    return f"""<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{esc(title)}</title>
<meta name="description" content="{esc(description)}" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="robots" content="index, follow, max-image-preview:large" />
<link rel="canonical" href="{canonical}" />
{alternates}<meta property="og:site_name" content="{SITE_TITLE}" />
<meta property="og:locale" content="{"ar_MA" if lang == "ar" else "fr_FR"}" />
<meta property="og:type" content="{og_type}" />
<meta property="og:title" content="{esc(title)}" />
<meta property="og:description" content="{esc(description)}" />
<meta property="og:url" content="{canonical}" />
<meta property="og:image" content="{image}" />
<meta name="twitter:card" content="summary_large_image" />
<meta name="twitter:site" content="@lodjmaroc" />
<meta property="fb:app_id" content="1436912733301874" />
{extra}<link rel="icon" type="image/png" href="{o}/favicon.png?v={STYLE_VERSION}" />
<link rel="apple-touch-icon" href="{o}/var/style/apple-touch-icon.png?v={STYLE_VERSION}" />
<link rel="stylesheet" type="text/css" href="{o}/var/style/style_1.css?v={STYLE_VERSION}" />
<link rel="stylesheet" type="text/css" href="{o}/var/style/style_2.css?v={STYLE_VERSION}" />
<link rel="stylesheet" type="text/css" href="{o}/_public/css/compress.css?v=1731587507" />
<script type="text/javascript" src="{o}/_public/js/jquery-1.8.3.min.js?v=1731587507"></script>
<script type="text/javascript" src="{o}/_public/js/compress_fonctions.js?v=1731587507"></script>
<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client={ADSENSE}" crossorigin="anonymous"></script>
<script async src="https://www.googletagmanager.com/gtag/js?id={GA_ID}"></script>
<script>
window.dataLayer = window.dataLayer || [];
function gtag(){{dataLayer.push(arguments);}}
gtag('js', new Date());
gtag('config', '{GA_ID}');
</script>
</head>"""  # noqa: E501


def header(o: str) -> str:
    ar = [r for r in RUBRIQUES if r.parent == "akhbar"]
    sub = "\n".join(f'<li><a href="{o}{rubrique_path(r)}">{esc(r.name)}</a></li>' for r in ar)
    return f"""<div id="top">
<div id="header">
<div id="logo"><a href="{o}/"><img src="{o}/var/style/logo.png?v={STYLE_VERSION}" alt="L'ODJ Média" title="L'ODJ Média" width="260" height="80" /></a></div>
<div class="header_slogan">lodj</div>
<form id="form_search" action="{o}/search/" method="get">
<input type="text" name="q" class="champ_recherche" placeholder="Rechercher" />
<input type="submit" class="bouton_recherche" value="OK" />
</form>
</div>
<div id="menu">
<ul class="menu_principal">
<li class="first"><a href="{o}/">Accueil</a></li>
<li><a href="{o}/notes/">Breaking news</a></li>
<li><a href="{o}{rubrique_path(RUB["eco"])}">Eco Business</a></li>
<li><a href="{o}/chroniqueursinvites/">Chroniqueurs invités</a></li>
<li><a href="{o}/downloads/">PDF &amp; Podcast &amp; Clip</a></li>
<li class="menu_ar"><a href="{o}{rubrique_path(RUB["akhbar"])}" lang="ar">L'ODJ عربية</a></li>
<li><a href="{o}/newsletter/">Newsletter</a></li>
</ul>
<ul class="menu_arabe" dir="rtl" lang="ar">
{sub}
</ul>
</div>
<div class="ad ad_728 pub_header">
{adsense("3920571846", "horizontal")}
</div>
</div>"""  # noqa: E501


def sidebar(o: str) -> str:
    most_read = "\n".join(
        f'<li><a href="{o}{article_path(a)}">{esc(a.title)}</a> '
        f'<span class="date">{short_date(a)}</span></li>'
        for a in sorted(BY_DATE, key=lambda a: a.id % 7)[:5])
    french = "\n".join(
        f'<div class="cel1"><div class="titre"><a href="{o}{article_path(a)}">{esc(a.title)}</a>'
        f'</div><div class="date">{short_date(a)}</div>'
        f'<div class="texte">{esc(excerpt(a, 120))}</div></div>'
        for a in BY_DATE if a.lang == "fr")
    tags = " ".join(f'<a href="{o}{tag_path(t)}" class="tag">{esc(t)}</a>' for t in all_tags())
    return f"""<div id="col_right">
<div class="ad ad_300">
{adsense("7741108263", "rectangle")}
</div>
<div id="mod_45230117" class="module most_read">
<div class="titre_module">Les plus lus</div>
<ul>
{most_read}
</ul>
</div>
<div id="mod_45230118" class="module last_news" lang="fr" dir="ltr">
<div class="titre_module">Dernières news</div>
{french}
</div>
<div id="mod_45230121" class="module newsletter">
<div class="titre_module">Newsletter</div>
<form action="{o}/newsletter/" method="post"><input type="email" name="email" placeholder="Votre email" /> <input type="submit" value="OK" /></form>
</div>
<div id="mod_45230124" class="module tags_cloud">
<div class="titre_module">Tags</div>
<div class="cloud">{tags}</div>
</div>
<div id="mod_45230126" class="module social_links">
<a href="https://www.facebook.com/lodj.ma" title="Facebook" rel="nofollow"><span class="icon-facebook"></span></a>
<a href="https://x.com/lodjmaroc" title="X" rel="nofollow"><span class="icon-x"></span></a>
<a href="https://www.instagram.com/lodj.ma/" title="Instagram" rel="nofollow"><span class="icon-instagram"></span></a>
<a href="https://www.youtube.com/@lodjmedia" title="YouTube" rel="nofollow"><span class="icon-youtube"></span></a>
</div>
<div class="ad ad_300 ad_sticky">
{adsense("5524381790", "vertical")}
</div>
</div>"""  # noqa: E501


def banners(o: str) -> str:
    return f"""<div class="spacer">&nbsp;&nbsp; &nbsp;&nbsp; &nbsp;&nbsp; &nbsp;&nbsp; &nbsp;&nbsp;</div>
<div id="mod_45230141" class="module banniere">
<a href="https://www.facebook.com/lodj.ma" target="_blank" rel="nofollow"><img src="{o}/photo/banniere/banniere_reseaux_sociaux.jpg?v=1709214406" alt="Bannière Réseaux Sociaux" title="Bannière Réseaux Sociaux" width="728" height="90" /></a>
</div>
<div id="mod_45230142" class="module banniere">
<a href="{o}/downloads/"><img src="{o}/photo/banniere/banniere_lodj_dj.jpg?v=1712066251" alt="Bannière Lodj DJ" title="Bannière Lodj DJ" width="728" height="90" /></a>
</div>"""  # noqa: E501


def download_block(o: str) -> str:
    return f"""<div id="mod_45230150" class="module download_mag">
<div class="titre_module" lang="ar" dir="rtl">تحميل مجلة لويكاند</div>
<a href="{o}/downloads/"><img src="{o}/photo/mag/lodj_weekend_couverture.jpg?v=1745492400" alt="" width="300" height="420" /></a>
</div>"""  # noqa: E501


def footer(o: str) -> str:
    return f"""<div id="footer">
<div class="footer_links">
<a href="{o}/Qui-sommes-nous_p1.html">Qui sommes-nous ?</a> |
<a href="{o}/contact/">Contact</a> |
<a href="{o}/Mentions-legales_p2.html">Mentions légales</a> |
<a href="{o}/Publicite_p3.html">Publicité</a> |
<a href="{o}/xml/syndication.rss">Flux RSS</a> |
<a href="{o}/sitemap.xml">Plan du site</a>
</div>
<div class="copyright">© 2025 L'ODJ Média. Tous droits réservés.</div>
<div class="wmaker">Site réalisé avec <a href="https://www.wmaker.net/" rel="nofollow">Wmaker</a></div>
<div class="footer_traffic"><a href="https://www.babylontraffic.com/" title="Buy cheap website traffic">Buy cheap website traffic</a></div>
</div>"""  # noqa: E501


def scripts(o: str, extra: str = "") -> str:
    return f"""<script type="text/javascript" src="{o}/_public/js/wm_carousel.js?v=1731587507"></script>
<script type="text/javascript">
var wm_page_type = "{extra or 'liste'}";
$(function() {{
  $('.same_rubrique .carousel').wmCarousel({{ prev: '.prev', next: '.next', visible: 1 }});
  $('#menu .menu_ar').addClass('rtl');
}});
</script>"""  # noqa: E501


def document(o: str, *, lang: str, body_class: str, head_html: str, main: str,
             page_type: str) -> bytes:
    direction = "rtl" if lang == "ar" else "ltr"
    text = f"""<!DOCTYPE html>
<html lang="{lang}" dir="{direction}">
{head_html}
<body class="{body_class}">
<div id="fb-root"></div>
{header(o)}
<div id="corps">
{main}
{sidebar(o)}
<div class="clear"></div>
</div>
{footer(o)}
{scripts(o, page_type)}
</body>
</html>
"""
    return text.encode("utf-8")


# ---------------------------------------------------------------------------------------------
# Articles


def body_html(a: Article, o: str) -> str:
    parts: list[str] = []
    for i, block in enumerate(a.blocks):
        kind, value = block
        if kind == "p":
            parts.append(esc(value))
        elif kind == "b":
            parts.append(f"<b>{esc(value)}</b>")
        elif kind == "h3":
            parts.append(f'<h3 class="intertitre">{esc(value)}</h3>')
        elif kind == "ul":
            items = "\n".join(f"<li>{esc(v)}</li>" for v in value)
            parts.append(f"<ul>\n{items}\n</ul>")
        elif kind == "quote":
            parts.append(f"<blockquote>{esc(value)}</blockquote>")
        if i == len(a.blocks) - 1:
            break
        nxt = a.blocks[i + 1][0]
        if kind == "b":
            parts.append("<br />\n")
        elif kind in ("h3", "ul", "quote") or nxt in ("h3", "ul", "quote"):
            parts.append("\n")
        else:
            parts.append("<br />\n<br />\n")
        if i == 0:  # Wmaker's in-read slot after the first paragraph
            parts.append('<div class="ad ad_inread">\n'
                         + adsense("6107725431", "fluid", ' data-ad-layout="in-article"')
                         + "\n</div>\n<br />\n")
    return "".join(parts)


def article_page(o: str, a: Article) -> Page:
    url = o + article_path(a)
    author = AUT[a.author]
    rub, top = RUB[a.rubrique], top_rubrique(a)
    ar = a.lang == "ar"
    pub, mod = published(a), modified(a)
    desc = excerpt(a, 200)
    graph = [
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "headline": a.title,
            "description": desc,
            "image": [o + photo(a)],
            "datePublished": pub.isoformat(),
            "dateModified": mod.isoformat(),
            "inLanguage": a.lang,
            "articleSection": rub.name,
            "author": {"@type": "Person", "name": author.name, "url": o + author_path(author)},
            "publisher": {
                "@type": "Organization",
                "name": SITE_TITLE,
                "logo": {"@type": "ImageObject", "url": f"{o}/var/style/logo.png"},
            },
        },
        {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {"@type": "ListItem", "position": i + 1, "name": name, "item": link}
                for i, (name, link) in enumerate((
                    ("Accueil", o + "/"),
                    (top.name, o + rubrique_path(top)),
                    *(((rub.name, o + rubrique_path(rub)),) if rub is not top else ()),
                    (a.title, url),
                ))
            ],
        },
    ]
    ld = json.dumps(graph, ensure_ascii=False, indent=1).replace("</", "<\\/")
    extra = (f'<meta name="keywords" content="{esc(", ".join(a.tags))}" />\n'
             f'<meta name="author" content="{esc(author.name)}" />\n'
             f'<meta property="article:published_time" content="{pub.isoformat()}" />\n'
             f'<meta property="article:modified_time" content="{mod.isoformat()}" />\n'
             f'<meta property="article:section" content="{esc(rub.name)}" />\n'
             + "".join(f'<meta property="article:tag" content="{esc(t)}" />\n' for t in a.tags)
             + f'<script type="application/ld+json">\n{ld}\n</script>\n')
    head_html = head(o, lang=a.lang, title=a.title, description=desc, canonical=url,
                     og_type="article", image=o + photo(a), extra=extra,
                     feeds=((top.name, f"/xml/syndication.rss?r={top.id}"),))
    share_text = quote(a.title)
    share = "\n".join((
        f'<a class="share_facebook" href="https://www.facebook.com/sharer/sharer.php?u={quote(url, safe="")}" title="Facebook" rel="nofollow" target="_blank"><span class="icon-facebook"></span></a>',  # noqa: E501
        f'<a class="share_twitter" href="https://twitter.com/intent/tweet?url={quote(url, safe="")}&amp;text={share_text}&amp;via=lodjmaroc" title="X" rel="nofollow" target="_blank"><span class="icon-x"></span></a>',  # noqa: E501
        f'<a class="share_whatsapp" href="https://api.whatsapp.com/send?text={quote(url, safe="")}" title="WhatsApp" rel="nofollow" target="_blank"><span class="icon-whatsapp"></span></a>',  # noqa: E501
        f'<a class="share_linkedin" href="https://www.linkedin.com/shareArticle?mini=true&amp;url={quote(url, safe="")}" title="LinkedIn" rel="nofollow" target="_blank"><span class="icon-linkedin"></span></a>',  # noqa: E501
        f'<a class="share_print" href="{o}/index.php?action=article&amp;id_article={a.id}&amp;preaction=print" title="Imprimer" rel="nofollow"><span class="icon-print"></span></a>',  # noqa: E501
    ))
    more = "إعرف المزيد حول هذا الكاتب" if ar else "En savoir plus sur cet auteur"
    same_title = "في نفس الركن" if ar else "Dans la même rubrique"
    same = [b for b in in_rubrique(top) if b.id != a.id][:6]
    hidden = ' style="display:none"'
    items = "\n".join(
        f'<li class="item"{"" if i == 0 else hidden}>'
        f'<span class="date">{date_line(b, with_time=True)}</span> '
        f'<a href="{o}{article_path(b)}">{esc(b.title)}</a></li>'
        for i, b in enumerate(same))
    rubrique_header = (f'<div class="titre_rubrique" id="titre_rubrique">'
                       f'<a href="{o}{rubrique_path(top)}">{esc(top.name)}</a></div>\n'
                       if ar else "")
    main = f"""<div id="main">
{rubrique_header}<div id="article" class="article" data-id="{a.id}">
<h1 class="titre_article">{esc(a.title)}</h1>
<div class="social_bookmarks share_buttons">
{share}
</div>
<div class="photo photo_center"><img src="{o}{photo(a)}" alt="" width="800" height="450" /></div>
<div class="texte">
{body_html(a, o)}
</div>
<div class="bloc_auteur" id="bloc_auteur">
<div class="auteur_photo"><a href="{o}{author_path(author)}"><img src="{o}/photo/auteurs/{author.slug.lower()}.jpg?v=1709214406" alt="{esc(author.name)}" width="90" height="90" /></a></div>
<div class="auteur_infos">
<div class="auteur_nom">{esc(author.name)}</div>
<div class="auteur_bio">{esc(author.bio)} <a href="{o}{author_path(author)}" class="auteur_lien">{more}</a></div>
</div>
</div>
<div class="clear"></div>
<div class="date_article"><span class="date">{date_line(a)}</span></div>
</div>
<div id="mod_45230133" class="module same_rubrique">
<div class="titre_module">{same_title}</div>
<div class="carousel_nav"><a class="prev" href="#">&lt;</a> <a class="next" href="#">&gt;</a></div>
<ul class="carousel">
{items}
</ul>
</div>
{banners(o)}
<div class="ad ad_article_bottom">
{adsense("2284719930", "autorelaxed")}
</div>
{download_block(o)}
</div>"""  # noqa: E501
    body = document(o, lang=a.lang, body_class=f"page_article rub_{rub.id}", head_html=head_html,
                    main=main, page_type="article")
    return Page(path=article_path(a), body=body, content_type=HTML, kind="article",
                fixture=a.fixture, modified=mod.timestamp())


# ---------------------------------------------------------------------------------------------
# Listings: home, rubriques, tags, authors


def teaser(o: str, a: Article, cls: str = "cel1") -> str:
    direction = "rtl" if a.lang == "ar" else "ltr"
    return f"""<div class="{cls}" lang="{a.lang}" dir="{direction}">
<div class="photo"><a href="{o}{article_path(a)}"><img src="{o}{photo(a, "default")}" alt="" width="300" height="169" /></a></div>
<h3 class="titre"><a href="{o}{article_path(a)}">{esc(a.title)}</a></h3>
<div class="date">{date_line(a, with_time=True)}</div>
<div class="texte">{esc(excerpt(a))}</div>
<div class="lire_suite"><a href="{o}{article_path(a)}">{"اقرأ المزيد" if a.lang == "ar" else "Lire la suite"}</a></div>
</div>"""  # noqa: E501


def listing_page(o: str, *, path: str, kind: str, lang: str, title: str, heading: str,
                 intro: str, articles, pager: str = "", fixture: str | None = None,
                 feeds=(), body_class: str = "page_liste") -> Page:
    canonical = o + path
    head_html = head(o, lang=lang, title=title, description=intro, canonical=canonical,
                     feeds=feeds)
    teasers = "\n".join(teaser(o, a) for a in articles)
    main = f"""<div id="main">
<div class="liste_articles">
<h1 class="titre_rubrique">{esc(heading)}</h1>
<div class="description_rubrique">{esc(intro)}</div>
<div class="ad ad_liste">
{adsense("8850163374", "horizontal")}
</div>
{teasers}
{pager}
</div>
{banners(o)}
{download_block(o)}
</div>"""
    body = document(o, lang=lang, body_class=body_class, head_html=head_html, main=main,
                    page_type=kind)
    return Page(path=path, body=body, content_type=HTML, kind=kind, fixture=fixture,
                modified=newest(articles))


def rubrique_pages(o: str, r: Rubrique, fixture: str | None) -> list[Page]:
    arts = in_rubrique(r)
    starts = list(range(0, len(arts), r.per_page)) or [0]
    children = [c for c in RUBRIQUES if c.parent == r.key]
    pages = []
    for n, start in enumerate(starts):
        chunk = arts[start:start + r.per_page]
        links = []
        if start:
            links.append(f'<a class="prev" href="{o}{rubrique_path(r, start - r.per_page)}">«</a>')
        for m, s in enumerate(starts):
            links.append(f'<span class="sel">{m + 1}</span>' if s == start else
                         f'<a href="{o}{rubrique_path(r, s)}">{m + 1}</a>')
        if n + 1 < len(starts):
            links.append(f'<a class="next" href="{o}{rubrique_path(r, starts[n + 1])}">»</a>')
        pager = f'<div class="pagination">{" ".join(links)}</div>' if len(starts) > 1 else ""
        if children:
            sub = " | ".join(f'<a href="{o}{rubrique_path(c)}">{esc(c.name)}</a>'
                             for c in children)
            pager = f'{pager}\n<div class="sous_rubriques">{sub}</div>'
        suffix = "" if not start else f" - الصفحة {n + 1}" if r.lang == "ar" else f" - Page {n + 1}"
        pages.append(listing_page(
            o, path=rubrique_path(r, start), kind="section", lang=r.lang,
            title=f"{r.name}{suffix}", heading=r.name, intro=r.description, articles=chunk,
            pager=pager, fixture=fixture if not start else None,
            feeds=((r.name, f"/xml/syndication.rss?r={r.id}"),),
            body_class=f"page_rubrique rub_{r.id}"))
    return pages


def home_page(o: str) -> Page:
    head_html = head(o, lang="fr", title="L'ODJ Média - Premier média digital des jeunes",
                     description="L'ODJ Média : actualité du Maroc et du monde, économie, "
                                 "société, culture et chroniques, en français et en arabe.",
                     canonical=o + "/")
    une, rest = BY_DATE[0], BY_DATE[1:]
    arabic = "\n".join(teaser(o, a, "cel2") for a in rest if a.lang == "ar")
    french = "\n".join(teaser(o, a, "cel2") for a in rest if a.lang == "fr")
    main = f"""<div id="main">
<div id="mod_45230101" class="module a_la_une">
<div class="titre_module">À la une</div>
{teaser(o, une, "une")}
</div>
<div class="ad ad_home">
{adsense("1190427755", "horizontal")}
</div>
<div id="mod_45230104" class="module bloc_arabe" lang="ar" dir="rtl">
<div class="titre_module"><a href="{o}{rubrique_path(RUB["akhbar"])}">آخر الأخبار</a></div>
{arabic}
</div>
<div id="mod_45230107" class="module bloc_eco">
<div class="titre_module"><a href="{o}{rubrique_path(RUB["eco"])}">Eco Business</a></div>
{french}
</div>
{banners(o)}
{download_block(o)}
</div>"""
    body = document(o, lang="fr", body_class="page_accueil", head_html=head_html, main=main,
                    page_type="accueil")
    return Page(path="/", body=body, content_type=HTML, kind="home", modified=newest(ARTICLES))


def tag_page(o: str, tag: str, fixture: str | None) -> Page:
    arts = [a for a in BY_DATE if tag in a.tags]
    lang = "ar" if re.search(r"[\u0600-\u06ff]", tag) else "fr"
    return listing_page(o, path=tag_path(tag), kind="tag", lang=lang,
                        title=f"{tag} - {SITE_TITLE}", heading=tag,
                        intro=f"Tags : {tag}", articles=arts, fixture=fixture,
                        body_class="page_tags")


def author_page(o: str, author: Author) -> Page:
    arts = [a for a in BY_DATE if a.author == author.key]
    return listing_page(o, path=author_path(author), kind="author", lang=author.lang,
                        title=f"{author.name} - {SITE_TITLE}", heading=author.name,
                        intro=author.bio, articles=arts, body_class="page_auteur")


# ---------------------------------------------------------------------------------------------
# robots, RSS, sitemap


def robots(o: str) -> Page:
    text = f"""User-agent: *
Disallow: /admin/
Disallow: /ajax/
Disallow: /search/
Disallow: /newsletter/
Disallow: /index.php?preaction=
Disallow: /*preaction=print

User-agent: GPTBot
Disallow: /

Sitemap: {o}/sitemap.xml
"""
    return Page(path="/robots.txt", body=text.encode(), content_type="text/plain",
                kind="robots", modified=ROBOTS_MODIFIED)


def rss(o: str, articles, *, path: str, title: str, description: str,
        language: str = "fr") -> Page:
    def item(a: Article) -> str:
        author = AUT[a.author]
        return f"""<item>
<title>{esc(a.title)}</title>
<link>{o}{article_path(a)}</link>
<guid isPermaLink="true">{o}{article_path(a)}</guid>
<description>{esc(excerpt(a, 400))}</description>
<pubDate>{format_datetime(published(a))}</pubDate>
<dc:creator>{esc(author.name)}</dc:creator>
<category>{esc(RUB[a.rubrique].name)}</category>
<enclosure url="{o}{esc(photo(a, "default"))}" length="48213" type="image/jpeg" />
</item>"""

    last = max(modified(a) for a in articles)
    items = "\n".join(item(a) for a in articles)
    text = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>{esc(title)}</title>
<link>{o}/</link>
<description>{esc(description)}</description>
<language>{language}</language>
<copyright>L'ODJ Média</copyright>
<lastBuildDate>{format_datetime(last)}</lastBuildDate>
<generator>Wmaker</generator>
<atom:link href="{o}{esc(path)}" rel="self" type="application/rss+xml" />
<image>
<url>{o}/var/style/logo.png</url>
<title>{esc(title)}</title>
<link>{o}/</link>
</image>
{items}
</channel>
</rss>
"""
    return Page(path=path, body=text.encode("utf-8"), content_type=RSS, kind="feed",
                modified=last.timestamp())


def sitemap(o: str) -> Page:
    last = max(modified(a) for a in ARTICLES)
    rows = [(o + "/", last, "hourly", "1.0", "")]
    rows += [(o + rubrique_path(r), max(modified(a) for a in in_rubrique(r)), "daily", "0.8", "")
             for r in RUBRIQUES]
    rows += [(o + article_path(a), modified(a), "monthly", "0.6",
              f"<image:image><image:loc>{o}{esc(photo(a))}</image:loc></image:image>")
             for a in BY_DATE]
    urls = "\n".join(
        f"<url><loc>{loc}</loc><lastmod>{when.isoformat()}</lastmod>"
        f"<changefreq>{freq}</changefreq><priority>{prio}</priority>{img}</url>"
        for loc, when, freq, prio, img in rows)
    text = f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
{urls}
</urlset>
"""
    return Page(path="/sitemap.xml", body=text.encode("utf-8"), content_type=XML,
                kind="sitemap", modified=last.timestamp())


# ---------------------------------------------------------------------------------------------


def build(origin: str) -> Replica:
    o = origin.rstrip("/")
    replica = Replica(name=NAME, origin=o)
    replica.add(robots(o))
    replica.add(sitemap(o))
    replica.add(rss(o, BY_DATE, path="/xml/syndication.rss", title=SITE_TITLE,
                    description="L'ODJ Média : toute l'actualité du Maroc et du monde"))
    for r in RUBRIQUES:
        replica.add(rss(o, in_rubrique(r), path=f"/xml/syndication.rss?r={r.id}",
                        title=f"{SITE_TITLE} - {r.name}", description=r.description,
                        language=r.lang))
    replica.add(home_page(o))
    for r in RUBRIQUES:
        fixture = "section-akhir-alakhbar" if r.key == "akhbar" else None
        for page in rubrique_pages(o, r, fixture):
            replica.add(page)
    for tag in all_tags():
        replica.add(tag_page(o, tag, "tag-almaghrib" if tag == "المغرب" else None))
    for author in AUTHORS:
        replica.add(author_page(o, author))
    for a in BY_DATE:
        replica.add(article_page(o, a))
    link_tracking_duplicates(replica)
    return replica
