"""Replica of الصحافة (assahafa.com): WordPress 6.8 with the tagDiv "Newspaper" theme, Yoast SEO
(+ News SEO sitemap), the Cookie Law Info banner, Ad Inserter / AdSense slots and the AMP plugin
(reader mode). Pages are built for any origin and are byte-identical for the same origin.

Article data lives in `assahafa_data.py`; this module holds the page templates. A backslash at the
end of a template line is a string line continuation: it keeps source lines short and adds nothing
to the served bytes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime
from html import escape
from urllib.parse import quote

from tests.replicas.assahafa_data import (
    AUTHORS,
    CATEGORIES,
    COOKIE_TEXT,
    POSTS,
    TAGS,
    Author,
    Category,
    Post,
    Tag,
)
from tests.replicas.base import Page, Replica, link_tracking_duplicates

NAME = "assahafa"
SITE_TITLE = "الصحافة"
TAGLINE = "جريدة إلكترونية مغربية مستقلة"
TZ = timezone(timedelta(hours=1))  # Africa/Casablanca in May 2025
NOW = datetime(2025, 5, 8, 14, 5, tzinfo=TZ)  # the moment this snapshot of the site was taken
PER_PAGE = 4  # "Blog pages show at most" (archives)
WP_VER = "6.8.1"
TD_VER = "12.6.8"
YOAST_VER = "25.0"
CLI_VER = "3.2.10"
AD_CLIENT = "ca-pub-3847261905137782"
GA_ID = "G-7QW2N4K8PZ"
FACEBOOK = "https://www.facebook.com/assahafa.ma"
TWITTER = "https://x.com/assahafa_ma"
YOUTUBE = "https://www.youtube.com/@assahafa"

HTML = "text/html; charset=UTF-8"
RSS = "application/rss+xml; charset=UTF-8"
XML = "application/xml; charset=UTF-8"

MONTHS = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
)
DAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")

# Static WordPress pages (path, post id, title, paragraphs).
STATIC_PAGES = (
    (
        "/about/",
        18,
        "من نحن",
        (
            "الصحافة جريدة إلكترونية مغربية مستقلة، تعنى بتقديم الخبر الوطني والدولي بمهنية \
وموضوعية،"
            " وتفتح صفحاتها للرأي والتحليل في مختلف القضايا التي تهم المواطن المغربي.",
            "يعمل فريق التحرير وفق أخلاقيات مهنة الصحافة وقانون الصحافة والنشر الجاري به العمل.",
        ),
    ),
    (
        "/contact/",
        20,
        "اتصل بنا",
        (
            "لإرسال أخباركم ومقترحاتكم أو للاستفسار عن الإعلانات، يمكنكم مراسلة هيئة التحرير عبر"
            " استمارة الاتصال أو عبر صفحاتنا على شبكات التواصل الاجتماعي.",
        ),
    ),
    (
        "/privacy-policy/",
        3,
        "سياسة الخصوصية",
        (
            "توضح هذه الصفحة كيفية جمع المعلومات الشخصية لزوار موقع الصحافة واستخدامها وحمايتها.",
            "يستخدم الموقع ملفات تعريف الارتباط لتحسين تجربة التصفح وتخصيص الإعلانات وتحليل \
الزيارات،"
            " ويمكن للزائر تعطيلها من إعدادات متصفحه.",
            "لا نبيع بيانات زوارنا لأي طرف ثالث، وتخضع معالجة المعطيات الشخصية للقانون 09.08 \
المتعلق"
            " بحماية الأشخاص الذاتيين تجاه معالجة المعطيات ذات الطابع الشخصي.",
        ),
    ),
)

MENU = ("watani", "economie", "societe", "sport", "culture", "akhbar")


# --- small helpers


def t(text: str) -> str:
    """Text node."""
    return escape(text, quote=False)


def a(text: str) -> str:
    """Attribute value."""
    return escape(text, quote=True)


def published(post: Post) -> datetime:
    return datetime.fromisoformat(f"{post.date}T{post.time}:00").replace(tzinfo=TZ)


def modified(post: Post) -> datetime:
    return published(post) + timedelta(minutes=post.edited_after, seconds=post.post_id % 53)


def ar_date(dt: datetime) -> str:
    return f"{dt.day} {MONTHS[dt.month - 1]} {dt.year}"


def iso(dt: datetime) -> str:
    return dt.isoformat()


def iso_utc(dt: datetime) -> str:
    return dt.astimezone(UTC).isoformat()


def rfc822(dt: datetime) -> str:
    return format_datetime(dt.astimezone(UTC))


def jsesc(url: str) -> str:
    """A URL as PHP's json_encode writes it (escaped slashes)."""
    return url.replace("/", "\\/")


def paragraphs(post: Post) -> list[str]:
    return [b for b in post.blocks if isinstance(b, str)]


def lead(post: Post) -> str:
    """The first real paragraph (not the "الصحافة _ بقلم" byline line)."""
    return next(p for p in paragraphs(post) if not p.startswith("الصحافة _"))


def excerpt(post: Post, words: int = 25) -> str:
    parts = lead(post).split()
    return " ".join(parts[:words]) + ("..." if len(parts) > words else "")


def description(post: Post) -> str:
    return excerpt(post, 28).removesuffix("...")


def word_count(post: Post) -> int:
    count = 0
    for b in post.blocks:
        if isinstance(b, str):
            count += len(b.split())
        elif isinstance(b[1], str) and b[0] != "also":
            count += len(b[1].split())
        elif isinstance(b[1], tuple):
            count += sum(len(i.split()) for i in b[1])
    return count


def reading_time(post: Post) -> str:
    minutes = max(1, -(-word_count(post) // 200))
    return {1: "دقيقة واحدة", 2: "دقيقتان"}.get(minutes, f"{minutes} دقائق")


def md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()


@dataclass
class Site:
    origin: str

    def __post_init__(self) -> None:
        self.origin = self.origin.rstrip("/")
        self.posts = sorted(POSTS, key=published, reverse=True)
        self.post = {p.key: p for p in POSTS}
        self.author = {x.key: x for x in AUTHORS}
        self.cat = {c.key: c for c in CATEGORIES}
        self.tag = {x.key: x for x in TAGS}

    def u(self, path: str) -> str:
        return self.origin + path

    def home(self) -> str:
        return self.origin + "/"

    def post_path(self, post: Post) -> str:
        return f"/{post.date[:4]}/{post.date[5:7]}/{post.slug}/"

    def post_url(self, post: Post) -> str:
        return self.u(self.post_path(post))

    def image(self, post: Post, size: str = "") -> str:
        name = post.image if not size else post.image.replace(".jpg", f"-{size}.jpg")
        return self.u(f"/wp-content/uploads/{post.date[:4]}/{post.date[5:7]}/{name}")

    def cat_path(self, cat: Category) -> str:
        return f"/category/{cat.key}/"

    def tag_path(self, tag: Tag) -> str:
        return f"/tag/{tag.key}/"

    def author_path(self, author: Author) -> str:
        return f"/author/{author.key}/"

    def gravatar(self, author: Author, size: int = 96) -> str:
        return f"https://secure.gravatar.com/avatar/{md5(author.key)}?s={size}&amp;d=mm&amp;r=g"

    def person_id(self, author: Author) -> str:
        return self.u(f"/#/schema/person/{md5('assahafa-user-' + str(author.user_id))}")

    def in_cat(self, key: str) -> list[Post]:
        return [p for p in self.posts if key in p.categories]

    def in_tag(self, key: str) -> list[Post]:
        return [p for p in self.posts if key in p.tags]

    def by_author(self, key: str) -> list[Post]:
        return [p for p in self.posts if p.author == key]


# --- head


def yoast_graph(*nodes: dict) -> str:
    data = json.dumps(
        {"@context": "https://schema.org", "@graph": list(nodes)},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return f'<script type="application/ld+json" class="yoast-schema-graph">{data}</script>'


def graph_website(s: Site) -> dict:
    return {
        "@type": "WebSite",
        "@id": s.u("/#website"),
        "url": s.home(),
        "name": SITE_TITLE,
        "description": TAGLINE,
        "publisher": {"@id": s.u("/#organization")},
        "potentialAction": [
            {
                "@type": "SearchAction",
                "target": {"@type": "EntryPoint", "urlTemplate": s.u("/?s={search_term_string}")},
                "query-input": {
                    "@type": "PropertyValueSpecification",
                    "valueRequired": True,
                    "valueName": "search_term_string",
                },
            }
        ],
        "inLanguage": "ar",
    }


def graph_organization(s: Site) -> dict:
    logo = s.u("/wp-content/uploads/2023/01/logo-assahafa.png")
    return {
        "@type": "Organization",
        "@id": s.u("/#organization"),
        "name": SITE_TITLE,
        "url": s.home(),
        "logo": {
            "@type": "ImageObject",
            "inLanguage": "ar",
            "@id": s.u("/#/schema/logo/image/"),
            "url": logo,
            "contentUrl": logo,
            "width": 272,
            "height": 90,
            "caption": SITE_TITLE,
        },
        "image": {"@id": s.u("/#/schema/logo/image/")},
        "sameAs": [FACEBOOK, TWITTER, YOUTUBE],
    }


def graph_person(s: Site, author: Author) -> dict:
    node = {
        "@type": "Person",
        "@id": s.person_id(author),
        "name": author.name,
        "image": {
            "@type": "ImageObject",
            "inLanguage": "ar",
            "@id": s.u("/#/schema/person/image/"),
            "url": s.gravatar(author).replace("&amp;", "&"),
            "contentUrl": s.gravatar(author).replace("&amp;", "&"),
            "caption": author.name,
        },
    }
    if author.bio:
        node["description"] = author.bio
    node["url"] = s.u(s.author_path(author))
    return node


def graph_breadcrumb(url: str, home: str, trail: list[tuple[str, str | None]]) -> dict:
    items = [{"@type": "ListItem", "position": 1, "name": "الرئيسية", "item": home}]
    for i, (name, link) in enumerate(trail, start=2):
        item: dict = {"@type": "ListItem", "position": i, "name": name}
        if link:
            item["item"] = link
        items.append(item)
    return {"@type": "BreadcrumbList", "@id": url + "#breadcrumb", "itemListElement": items}


def head(
    s: Site,
    *,
    title: str,
    desc: str,
    canonical: str,
    og_type: str,
    graph: str,
    extra_meta: str = "",
    extra_links: str = "",
) -> str:
    og = [
        '<meta name="robots" content="index, follow, max-image-preview:large, max-snippet:-1,'
        ' max-video-preview:-1" />',
        f"<title>{t(title)}</title>",
    ]
    if desc:
        og.append(f'<meta name="description" content="{a(desc)}" />')
    og += [
        f'<link rel="canonical" href="{canonical}" />',
        extra_links,
        '<meta property="og:locale" content="ar_AR" />',
        f'<meta property="og:type" content="{og_type}" />',
        f'<meta property="og:title" content="{a(title)}" />',
    ]
    if desc:
        og.append(f'<meta property="og:description" content="{a(desc)}" />')
    og += [
        f'<meta property="og:url" content="{canonical}" />',
        f'<meta property="og:site_name" content="{SITE_TITLE}" />',
        extra_meta,
        '<meta name="twitter:card" content="summary_large_image" />',
        '<meta name="twitter:site" content="@assahafa_ma" />',
    ]
    yoast = "\n\t".join(x for x in og if x)
    o = s.origin
    cli_data = (
        '{"nn_cookie_ids":[],"cookielist":[],"non_necessary_cookies":[],"ccpaEnabled":"",'
        '"ccpaRegionBased":"","ccpaBarEnabled":"","strictlyEnabled":["necessary","obligatoire"],'
        '"ccpaType":"gdpr","js_blocking":"","custom_integration":"","triggerDomRefresh":"",'
        '"secure_cookies":""}'
    )
    return f"""<head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <link rel="pingback" href="{o}/xmlrpc.php" />
    <script>
        window.tdb_global_vars = {{"wpRestUrl":"{jsesc(o)}\\/wp-json\\/",\
"permalinkStructure":"\\/%year%\\/%monthnum%\\/%postname%\\/"}};
        window.tdb_p_autoload_vars = {{"isAjax":false,"isAdminBarShowing":false}};
    </script>

<!-- This site is optimized with the Yoast SEO plugin v{YOAST_VER} - \
https://yoast.com/wordpress/plugins/seo/ -->
\t{yoast}
\t{graph}
\t<!-- / Yoast SEO plugin. -->


<link rel='dns-prefetch' href='//fonts.googleapis.com' />
<link rel='dns-prefetch' href='//pagead2.googlesyndication.com' />
<link rel="alternate" type="application/rss+xml" title="{SITE_TITLE} &laquo; الخلاصة" \
href="{o}/feed/" />
<link rel="alternate" type="application/rss+xml" title="{SITE_TITLE} &laquo; خلاصة التعليقات" \
href="{o}/comments/feed/" />
<link rel='stylesheet' id='wp-block-library-rtl-css' \
href='{o}/wp-includes/css/dist/block-library/style-rtl.min.css?ver={WP_VER}' type='text/css' \
media='all' />
<link rel='stylesheet' id='cookie-law-info-css' \
href='{o}/wp-content/plugins/cookie-law-info/legacy/public/css/cookie-law-info-public.css?ver=\
{CLI_VER}' type='text/css' media='all' />
<link rel='stylesheet' id='cookie-law-info-gdpr-css' \
href='{o}/wp-content/plugins/cookie-law-info/legacy/public/css/cookie-law-info-gdpr.css?ver=\
{CLI_VER}' type='text/css' media='all' />
<link rel='stylesheet' id='google-fonts-style-css' \
href='https://fonts.googleapis.com/css?family=Cairo%3A400%2C700%7CTajawal%3A400%2C500%2C700&#038;\
display=swap&#038;ver={TD_VER}' type='text/css' media='all' />
<link rel='stylesheet' id='td-theme-css' \
href='{o}/wp-content/themes/Newspaper/style.css?ver={TD_VER}' type='text/css' media='all' />
<link rel='stylesheet' id='td-theme-rtl-css' \
href='{o}/wp-content/themes/Newspaper/rtl.css?ver={TD_VER}' type='text/css' media='all' />
<script type="text/javascript" src="{o}/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" \
id="jquery-core-js"></script>
<script type="text/javascript" src="{o}/wp-includes/js/jquery/jquery-migrate.min.js?ver=3.4.1" \
id="jquery-migrate-js"></script>
<script type="text/javascript" id="cookie-law-info-js-extra">
/* <![CDATA[ */
var Cli_Data = {cli_data};
var cli_cookiebar_settings = {{"animate_speed_hide":"500","animate_speed_show":"500",\
"background":"#FFF","border":"#b1a6a6c2","border_on":"","button_1_button_colour":"#1e73be",\
"button_1_button_hover":"#185c98","button_1_link_colour":"#fff","button_1_as_button":"1",\
"button_1_new_win":"","notify_animate_hide":"1","notify_animate_show":"",\
"notify_div_id":"#cookie-law-info-bar","notify_position_horizontal":"right",\
"notify_position_vertical":"bottom","scroll_close":"","scroll_close_reload":"",\
"accept_close_reload":"","reject_close_reload":"","showagain_tab":"","showagain_background":"#fff",\
"showagain_border":"#000","showagain_div_id":"#cookie-law-info-again",\
"showagain_x_position":"100px","text":"#333333","show_once_yn":"","show_once":"10000",\
"logging_on":"","as_popup":"","popup_overlay":"1","bar_heading_text":"","cookie_bar_as":"banner",\
"popup_showagain_position":"bottom-right","widget_position":"left"}};
var log_object = {{"ajax_url":"{jsesc(o)}\\/wp-admin\\/admin-ajax.php"}};
/* ]]> */
</script>
<script type="text/javascript" \
src="{o}/wp-content/plugins/cookie-law-info/legacy/public/js/cookie-law-info-public.js?ver=\
{CLI_VER}" id="cookie-law-info-js"></script>
<link rel="https://api.w.org/" href="{o}/wp-json/" />
<link rel="EditURI" type="application/rsd+xml" title="RSD" href="{o}/xmlrpc.php?rsd" />
<meta name="generator" content="WordPress {WP_VER}" />
<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=\
{AD_CLIENT}" crossorigin="anonymous"></script>
<!-- Google tag (gtag.js) -->
<script async src="https://www.googletagmanager.com/gtag/js?id={GA_ID}"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){{dataLayer.push(arguments);}}
  gtag('js', new Date());

  gtag('config', '{GA_ID}');
</script>
    <script>
        var tdBlocksArray = []; //here we store all the items for the current page
        var tdLocalCache = {{}};
        var td_ajax_url="{jsesc(o)}\\/wp-admin\\/admin-ajax.php?td_theme_name=Newspaper&v={TD_VER}";
        var td_get_template_directory_uri="{jsesc(o)}\\/wp-content\\/plugins\\/td-composer\\/\
legacy\\/common";
        var tds_general_modal_image="yes";
        var td_viewport_interval_list=[{{"limitBottom":767,"sidebarWidth":228}},\
{{"limitBottom":1018,"sidebarWidth":300}},{{"limitBottom":1140,"sidebarWidth":324}}];
        var tdc_is_installed="yes";
        var td_magnific_popup_translation_tPrev="السابق (زر السهم الأيسر)";
        var td_magnific_popup_translation_tNext="التالي (زر السهم الأيمن)";
        var td_magnific_popup_translation_ajax_tError="لا يمكن تحميل المحتوى في %url%";
    </script>
<link rel="icon" href="{o}/wp-content/uploads/2023/01/cropped-favicon-32x32.png" sizes="32x32" />
<link rel="icon" href="{o}/wp-content/uploads/2023/01/cropped-favicon-192x192.png" sizes="192x192" \
/>
<link rel="apple-touch-icon" href="{o}/wp-content/uploads/2023/01/cropped-favicon-180x180.png" />
<style type="text/css" id="wp-custom-css">
.td-post-content p {{ font-size: 18px; line-height: 1.9; text-align: justify; }}
#cookie-law-info-bar {{ font-family: 'Cairo', sans-serif; }}
</style>
</head>"""


# --- page chrome


def ad_rec(slot_id: str, tdi: str, ad_slot: str) -> str:
    return (
        f'<div class="td-a-rec td-a-rec-id-{slot_id}  {tdi} td_block_template_1">'
        f'<ins class="adsbygoogle" style="display:block" data-ad-client="{AD_CLIENT}"'
        f' data-ad-slot="{ad_slot}" data-ad-format="auto" data-full-width-responsive="true"></ins>'
        "<script>(adsbygoogle = window.adsbygoogle || []).push({});</script></div>"
    )


def menu_items(s: Site, current: str | None, id_prefix: str) -> str:
    items = [
        f'<li id="{id_prefix}-101" class="menu-item menu-item-type-custom menu-item-object-custom'
        f"{' current-menu-item current_page_item' if current == 'home' else ''} menu-item-home"
        f' menu-item-first td-menu-item td-normal-menu menu-item-101"><a href="{s.home()}">\
الرئيسية</a></li>'
    ]
    for i, key in enumerate(MENU):
        cat = s.cat[key]
        cur = " current-menu-item" if current == key else ""
        mid = 102 + i
        items.append(
            f'<li id="{id_prefix}-{mid}" class="menu-item menu-item-type-taxonomy'
            f' menu-item-object-category{cur} td-menu-item td-normal-menu menu-item-{mid}">'
            f'<a href="{s.u(s.cat_path(cat))}">{t(cat.name)}</a></li>'
        )
    return "\n".join(items)


HIDDEN = ' style="opacity: 0; visibility: hidden;"'


def ticker(s: Site) -> str:
    posts = s.posts[:5]
    items = "\n".join(
        f'<div class="td-module-container td-trending-now-post-{i} td-trending-now-post"'
        f"{'' if i == 0 else HIDDEN}>"
        f'<h3 class="entry-title td-module-title"><a href="{s.post_url(p)}" rel="bookmark"'
        f' title="{a(p.title)}">{t(p.title)}</a></h3></div>'
        for i, p in enumerate(posts)
    )
    return f"""<div class="td-header-row td-trending-now-row">
<div class="td_block_wrap td_block_trending_now tdi_2 td-trending-now-wrapper-style1 \
td_block_template_1">
<div class="td-trending-now-wrapper" id="tdi_2" data-start="">
<div class="td-trending-now-title">عاجل</div>
<div class="td-trending-now-display-area">
{items}
</div>
<div class="td-next-prev-wrap"><a href="#" class="td-ajax-prev-page" aria-label="prev-page" \
id="prev-page-tdi_2" data-td_block_id="tdi_2"><i class="td-icon-font td-icon-menu-left"></i></a><a \
href="#" class="td-ajax-next-page" aria-label="next-page" id="next-page-tdi_2" \
data-td_block_id="tdi_2"><i class="td-icon-font td-icon-menu-right"></i></a></div>
</div>
</div>
</div>"""


def header(s: Site, current: str | None) -> str:
    today = f"{DAYS[NOW.weekday()]}، {ar_date(NOW)}"
    logo_tag = "h1" if current == "home" else "div"
    logo = (
        f'<{logo_tag} class="td-logo"><a class="td-main-logo" href="{s.home()}">'
        f'<img class="td-retina-data" \
data-retina="{s.u("/wp-content/uploads/2023/01/logo-assahafa-retina.png")}"'
        f' src="{s.u("/wp-content/uploads/2023/01/logo-assahafa.png")}" alt="{SITE_TITLE}"'
        f' title="{TAGLINE}" width="272" height="90"/>'
        f'<span class="td-visual-hidden">{SITE_TITLE}</span></a></{logo_tag}>'
    )
    return f"""<div class="td-scroll-up" data-style="style1"><i class="td-icon-menu-up"></i></div>
<div class="td-menu-background" style="visibility:hidden"></div>
<div id="td-mobile-nav" style="visibility:hidden">
<div class="td-mobile-container">
<div class="td-menu-socials-wrap"><div class="td-menu-socials"><span class="td-social-icon-wrap">\
<a target="_blank" href="{FACEBOOK}" title="Facebook"><i class="td-icon-font td-icon-facebook"></i>\
<span style="display: none">Facebook</span></a></span></div><div class="td-mobile-close"><span><i \
class="td-icon-close-mobile"></i></span></div></div>
<div class="td-mobile-content"><div class="menu-main-menu-container"><ul id="menu-main-menu" \
class="td-mobile-main-menu">
{menu_items(s, current, "menu-item-m")}
</ul></div></div>
</div>
</div>
<div class="td-search-background" style="visibility:hidden"></div>
<div class="td-search-wrap-mob" style="visibility:hidden"><div class="td-drop-down-search"><form \
method="get" class="td-search-form" action="{s.home()}"><div class="td-search-close"><span><i \
class="td-icon-close-mobile"></i></span></div><div role="search" class="td-search-input"><span>\
بحث</span><input id="td-header-search-mob" type="text" value="" name="s" autocomplete="off" />\
</div></form></div></div>

<div id="td-outer-wrap" class="td-theme-wrap">
<div class="tdc-header-wrap ">
<div class="td-header-wrap td-header-style-1 ">
<div class="td-header-top-menu-full td-container-wrap ">
<div class="td-container td-header-row td-header-top-menu">
<div class="top-bar-style-1">
<div class="td-header-sp-top-menu">
<div class="td_data_time"><div style="visibility:visible;">{today}</div></div>
<div class="menu-top-container"><ul id="menu-top" class="top-header-menu"><li id="menu-item-31" \
class="menu-item menu-item-type-post_type menu-item-object-page menu-item-first td-menu-item \
td-normal-menu menu-item-31"><a href="{s.u("/about/")}">من نحن</a></li>
<li id="menu-item-32" class="menu-item menu-item-type-post_type menu-item-object-page td-menu-item \
td-normal-menu menu-item-32"><a href="{s.u("/contact/")}">اتصل بنا</a></li>
<li id="menu-item-33" class="menu-item menu-item-type-post_type menu-item-object-page \
menu-item-privacy-policy td-menu-item td-normal-menu menu-item-33"><a rel="privacy-policy" \
href="{s.u("/privacy-policy/")}">سياسة الخصوصية</a></li>
</ul></div></div>
<div class="td-header-sp-top-widget">
<span class="td-social-icon-wrap"><a target="_blank" rel="nofollow" href="{FACEBOOK}" \
title="Facebook"><i class="td-icon-font td-icon-facebook"></i><span style="display: none">\
Facebook</span></a></span>
<span class="td-social-icon-wrap"><a target="_blank" rel="nofollow" href="{TWITTER}" \
title="Twitter"><i class="td-icon-font td-icon-twitter"></i><span style="display: none">\
Twitter</span></a></span>
<span class="td-social-icon-wrap"><a target="_blank" rel="nofollow" href="{YOUTUBE}" \
title="Youtube"><i class="td-icon-font td-icon-youtube"></i><span style="display: none">\
Youtube</span></a></span>
</div>
</div>
</div>
</div>
<div class="td-banner-wrap-full td-logo-wrap-full td-container-wrap ">
<div class="td-container td-header-row td-header-header">
<div class="td-header-sp-logo">
{logo}
</div>
<div class="td-header-sp-recs">
<div class="td-header-rec-wrap">
{ad_rec("header", "tdi_1", "2915073846")}
</div>
</div>
</div>
</div>
<div class="td-header-menu-wrap-full td-container-wrap ">
<div class="td-header-menu-wrap td-header-gradient ">
<div class="td-container td-header-row td-header-main-menu">
<div id="td-header-menu" role="navigation">
<div id="td-top-mobile-toggle"><a href="#" role="button" aria-label="Menu"><i class="td-icon-font \
td-icon-mobile"></i></a></div>
<div class="td-main-menu-logo td-logo-in-header"><a class="td-mobile-logo td-sticky-disable" \
aria-label="Logo" href="{s.home()}"><img \
src="{s.u("/wp-content/uploads/2023/01/logo-assahafa-mobile.png")}" alt="{SITE_TITLE}" \
title="{TAGLINE}" width="140" height="46"/></a></div>
<div class="menu-main-menu-container"><ul id="menu-main-menu-1" class="sf-menu">
{menu_items(s, current, "menu-item")}
</ul></div></div>
<div class="header-search-wrap">
<div class="td-search-btns-wrap"><a id="td-header-search-button" href="#" role="button" \
aria-label="Search" class="dropdown-toggle " data-toggle="dropdown"><i class="td-icon-search"></i>\
</a></div>
<div class="td-drop-down-search" aria-labelledby="td-header-search-button"><form method="get" \
class="td-search-form" action="{s.home()}"><div role="search" class="td-head-form-search-wrap">\
<input id="td-header-search" type="text" value="" name="s" autocomplete="off" /><input \
class="wpb_button wpb_btn-inverse btn" type="submit" id="td-header-search-top" value="بحث" /></div>\
</form></div>
</div>
</div>
</div>
</div>
<div class="td-container">
{ticker(s)}
</div>
</div>
</div>"""


def date_meta(dt: datetime) -> str:
    return (
        f'<span class="td-post-date"><time class="entry-date updated td-module-date"'
        f' datetime="{iso(dt)}" >{ar_date(dt)}</time></span>'
    )


def sidebar(s: Site) -> str:
    most_read = sorted(POSTS, key=lambda p: (-p.views, p.post_id))[:4]
    mr = "\n".join(
        f'<div class="td_module_6 td_module_wrap td-animation-stack">'
        f'<div class="td-module-thumb"><a href="{s.post_url(p)}" rel="bookmark" \
class="td-image-wrap "'
        f' title="{a(p.title)}"><img width="100" height="70" class="entry-thumb"'
        f' src="{s.image(p, "100x70")}" alt="" title="{a(p.title)}"/></a></div>'
        f'<div class="item-details"><h3 class="entry-title td-module-title"><a \
href="{s.post_url(p)}"'
        f' rel="bookmark" title="{a(p.title)}">{t(p.title)}</a></h3>'
        f'<div class="td-module-meta-info">{date_meta(published(p))}</div></div></div>'
        for p in most_read
    )
    latest = "\n".join(
        f'<li>\n<a href="{s.post_url(p)}">{t(p.title)}</a>\n'
        f'<span class="post-date">{ar_date(published(p))}</span>\n</li>'
        for p in s.posts[:5]
    )
    return f"""<div class="td-pb-span4 td-main-sidebar" role="complementary">
<div class="td-ss-main-sidebar">
{ad_rec("sidebar", "tdi_20", "7730418265")}
<div class="td_block_wrap td_block_social_counter tdi_21 td-social-style2 td-social-colored \
td-pb-border-top td_block_template_1">
<div class="td-block-title-wrap"><h4 class="block-title td-block-title"><span \
class="td-pulldown-size">تابعونا</span></h4></div>
<div class="td-social-list">
<div class="td_social_type td-pb-margin-side td_social_facebook"><div class="td-social-box"><div \
class="td-sp td-sp-facebook"></div><span class="td_social_info td_social_info_counter">48,\
210</span><span class="td_social_info td_social_info_name">معجبون</span><span \
class="td_social_button"><a href="{FACEBOOK}" target="_blank">أعجبني</a></span></div></div>
<div class="td_social_type td-pb-margin-side td_social_twitter"><div class="td-social-box"><div \
class="td-sp td-sp-twitter"></div><span class="td_social_info td_social_info_counter">6,935</span>\
<span class="td_social_info td_social_info_name">متابعون</span><span class="td_social_button"><a \
href="{TWITTER}" target="_blank">تابع</a></span></div></div>
<div class="td_social_type td-pb-margin-side td_social_youtube"><div class="td-social-box"><div \
class="td-sp td-sp-youtube"></div><span class="td_social_info td_social_info_counter">12,400</span>\
<span class="td_social_info td_social_info_name">مشتركون</span><span class="td_social_button"><a \
href="{YOUTUBE}" target="_blank">اشترك</a></span></div></div>
</div>
</div>
<div class="td_block_wrap td_block_7 tdi_22 td-pb-border-top td_block_template_1 td-column-1">
<div class="td-block-title-wrap"><h4 class="block-title td-block-title"><span \
class="td-pulldown-size">الأكثر قراءة</span></h4></div>
<div id="tdi_22" class="td_block_inner">
{mr}
</div>
</div>
<aside id="recent-posts-3" class="td_block_template_1 widget recent-posts-3 widget_recent_entries">
<h4 class="block-title"><span>آخر الأخبار</span></h4>
<ul>
{latest}
</ul>
</aside>
{ad_rec("sidebar2", "tdi_23", "5104829377")}
</div>
</div>"""


def footer(s: Site) -> str:
    recent = "\n".join(
        f'<div class="td_module_mx1 td_module_wrap"><div class="item-details">'
        f'<h3 class="entry-title td-module-title"><a href="{s.post_url(p)}" rel="bookmark"'
        f' title="{a(p.title)}">{t(p.title)}</a></h3>'
        f'<div class="td-module-meta-info">{date_meta(published(p))}</div></div></div>'
        for p in s.posts[:3]
    )
    cats = "\n".join(
        f'<li class="cat-item cat-item-{c.term_id}"><a href="{s.u(s.cat_path(c))}">{t(c.name)}</a>'
        f" ({len(s.in_cat(c.key))})</li>"
        for c in CATEGORIES
    )
    return f"""<div class="td-footer-page td-footer-container td-container-wrap ">
<div class="td-footer-wrapper td-container-wrap ">
<div class="td-container">
<div class="td-pb-row">
<div class="td-pb-span4">
<div class="td-footer-info"><div class="footer-logo-wrap"><a href="{s.home()}"><img \
class="td-retina-data" src="{s.u("/wp-content/uploads/2023/01/logo-assahafa-footer.png")}" \
alt="{SITE_TITLE}" title="{TAGLINE}" width="272" height="90"/></a></div>
<div class="footer-text-wrap">الصحافة جريدة إلكترونية مغربية مستقلة، تواكب الأحداث الوطنية \
والدولية على مدار الساعة.</div>
<div class="footer-social-wrap td-social-style-2"><span class="td-social-icon-wrap"><a \
target="_blank" rel="nofollow" href="{FACEBOOK}" title="Facebook"><i class="td-icon-font \
td-icon-facebook"></i><span style="display: none">Facebook</span></a></span><span \
class="td-social-icon-wrap"><a target="_blank" rel="nofollow" href="{TWITTER}" title="Twitter"><i \
class="td-icon-font td-icon-twitter"></i><span style="display: none">Twitter</span></a></span>\
</div></div>
</div>
<div class="td-pb-span4">
<div class="td_block_wrap td_block_mx1 tdi_30 td_block_template_1"><div \
class="td-block-title-wrap"><h4 class="block-title td-block-title"><span class="td-pulldown-size">\
مقالات حديثة</span></h4></div>
<div id="tdi_30" class="td_block_inner">
{recent}
</div></div>
</div>
<div class="td-pb-span4">
<aside id="categories-2" class="td_block_template_1 widget categories-2 widget_categories"><h4 \
class="block-title"><span>التصنيفات</span></h4>
<ul>
{cats}
</ul>
</aside>
</div>
</div>
</div>
</div>
<div class="td-sub-footer-container td-container-wrap ">
<div class="td-container">
<div class="td-pb-row">
<div class="td-pb-span td-sub-footer-menu">
<div class="menu-footer-container"><ul id="menu-footer" class="td-subfooter-menu"><li \
id="menu-item-41" class="menu-item menu-item-type-post_type menu-item-object-page menu-item-first \
td-menu-item td-normal-menu menu-item-41"><a href="{s.u("/about/")}">من نحن</a></li>
<li id="menu-item-42" class="menu-item menu-item-type-post_type menu-item-object-page td-menu-item \
td-normal-menu menu-item-42"><a href="{s.u("/contact/")}">اتصل بنا</a></li>
<li id="menu-item-43" class="menu-item menu-item-type-post_type menu-item-object-page \
menu-item-privacy-policy td-menu-item td-normal-menu menu-item-43"><a rel="privacy-policy" \
href="{s.u("/privacy-policy/")}">سياسة الخصوصية</a></li>
</ul></div>
</div>
<div class="td-pb-span td-sub-footer-copy">
&copy; جميع الحقوق محفوظة لجريدة الصحافة 2025
</div>
</div>
</div>
</div>
</div>"""


def cookie_bar(s: Site) -> str:
    """Cookie Law Info (CookieYes legacy) bar, message composed by the site admin."""
    return (
        '<!--googleoff: all--><div id="cookie-law-info-bar" data-nosnippet="true"><span>'
        f"{t(COOKIE_TEXT)}<br />\n"
        f'اطّلع على التفاصيل <a href="{s.u("/privacy-policy/")}" id="CONSTANT_OPEN_URL"'
        ' target="_blank" class="cli-plugin-main-link">اقرأ أكثر</a><br />\n'
        '<a role=\'button\' data-cli_action="accept" id="cookie_action_close_header"'
        ' class="medium cli-plugin-button cli-plugin-main-button cookie_action_close_header'
        ' cli_action_button wt-cli-accept-btn">موافق</a></span></div>'
        '<div class="cli-modal-backdrop cli-fade cli-settings-overlay"></div>\n'
        '<div class="cli-modal-backdrop cli-fade cli-popupbar-overlay"></div>\n'
        "<!--googleon: all-->"
    )


def foot_scripts(s: Site, extra: str = "") -> str:
    o = s.origin
    return f"""<script type="speculationrules">
{{"prefetch":[{{"source":"document","where":{{"and":[{{"href_matches":"\\/*"}},\
{{"not":{{"href_matches":["\\/wp-*.php","\\/wp-admin\\/*","\\/wp-content\\/uploads\\/*",\
"\\/wp-content\\/*","\\/wp-content\\/plugins\\/*","\\/wp-content\\/themes\\/Newspaper\\/*",\
"\\/*\\\\?(.+)"]}}}},{{"not":{{"selector_matches":"a[rel~=\\"nofollow\\"]"}}}},\
{{"not":{{"selector_matches":".no-prefetch, .no-prefetch a"}}}}]}},"eagerness":"conservative"}}]}}
</script>
{extra}
<script type="text/javascript" \
src="{o}/wp-content/plugins/td-cloud-library/assets/js/js_files_for_front.min.js?\
ver=e09f1ba6bd9a3e5e8a0d7d2c1fa0a2b2" id="tdb_js_files_for_front-js"></script>
<script type="text/javascript" \
src="{o}/wp-content/plugins/td-composer/legacy/Newspaper/js/tagdiv_theme.min.js?ver={TD_VER}" \
id="td-site-min-js"></script>
<script type="text/javascript" src="{o}/wp-includes/js/comment-reply.min.js?ver={WP_VER}" \
id="comment-reply-js" async="async" data-wp-strategy="async"></script>
<script type="text/javascript">
    (function () {{
        var tdScrollUp = document.querySelector('.td-scroll-up');
        if (tdScrollUp) {{ tdScrollUp.setAttribute('data-td-init', '1'); }}
    }})();
    jQuery().ready(function() {{
        tdAjaxCount.tdGetViewsCountsAjax("post",{json.dumps([p.post_id for p in s.posts])});
    }});
</script>"""


def document(
    s: Site, *, head_html: str, body_class: str, current: str | None, main: str, scripts: str = ""
) -> bytes:
    html = f"""<!doctype html >
<html dir="rtl" lang="ar">
{head_html}

<body class="{body_class} wp-theme-Newspaper td-standard-pack global-block-template-1 \
td-full-layout" itemscope="itemscope" itemtype="https://schema.org/WebPage">

{header(s, current)}

{main}

{footer(s)}
</div><!--close td-outer-wrap-->

{cookie_bar(s)}
{foot_scripts(s, scripts)}

</body>
</html>
"""
    return html.encode("utf-8")


def breadcrumbs(s: Site, trail: list[tuple[str, str | None]]) -> str:
    parts = [f'<span><a title="" class="entry-crumb" href="{s.home()}">الرئيسية</a></span>']
    for i, (name, link) in enumerate(trail):
        last = i == len(trail) - 1
        sep = (
            ' <i class="td-icon-right td-bread-sep td-bred-no-url-last"></i> '
            if last and not link
            else ' <i class="td-icon-right td-bread-sep"></i> '
        )
        if link:
            parts.append(
                f'{sep}<span><a title="عرض جميع المشاركات في {a(name)}" class="entry-crumb"'
                f' href="{link}">{t(name)}</a></span>'
            )
        else:
            parts.append(f'{sep}<span class="td-bred-no-url-last">{t(name)}</span>')
    return f'<div class="td-crumb-container"><div class="entry-crumbs">{"".join(parts)}</div></div>'


# --- article


def ad_inserter() -> str:
    return f"""<div class='code-block code-block-2' style='margin: 8px auto; text-align: center; \
display: block; clear: both;'>
<ins class="adsbygoogle"
     style="display:block; text-align:center;"
     data-ad-layout="in-article"
     data-ad-format="fluid"
     data-ad-client="{AD_CLIENT}"
     data-ad-slot="6190452783"></ins>
<script>
     (adsbygoogle = window.adsbygoogle || []).push({{}});
</script></div>"""


def render_body(s: Site, post: Post, amp: bool = False) -> str:
    out: list[str] = []
    seen = 0
    for block in post.blocks:
        if isinstance(block, str):
            out.append(f"<p>{t(block)}</p>")
            seen += 1
            if seen == 3 and not amp:
                out.append(ad_inserter())
            continue
        kind, value = block
        if kind in ("h2", "h3"):
            out.append(f'<{kind} class="wp-block-heading">{t(value)}</{kind}>')
        elif kind == "quote":
            out.append(
                '<blockquote class="wp-block-quote is-layout-flow'
                f' wp-block-quote-is-layout-flow">\n<p>{t(value)}</p>\n</blockquote>'
            )
        elif kind == "ul":
            items = "\n".join(f"<li>{t(i)}</li>" for i in value)
            out.append(f'<ul class="wp-block-list">\n{items}\n</ul>')
        elif kind == "also":
            other = s.post[value]
            out.append(
                f'<p><strong>اقرأ أيضا:</strong> <a href="{s.post_url(other)}">'
                f"{t(other.title)}</a></p>"
            )
    return "\n".join(out)


def share_buttons(s: Site, post: Post, where: str) -> str:
    url = quote(s.post_url(post), safe="")
    title = quote(post.title, safe="")
    nets = (
        ("facebook", "Facebook", f"https://www.facebook.com/sharer.php?u={url}"),
        ("twitter", "Twitter", f"https://twitter.com/intent/tweet?text={title}&amp;url={url}"),
        ("whatsapp", "WhatsApp", f"https://api.whatsapp.com/send?text={title}%20%0A%0A%20{url}"),
        ("telegram", "Telegram", f"https://telegram.me/share/url?url={url}&amp;text={title}"),
        ("print", "Print", "#"),
    )
    buttons = "".join(
        f'<a class="td-social-sharing-button td-social-sharing-button-js td-social-network'
        f' td-social-{net}" href="{href}" title="{label}" ><div class="td-social-but-icon">'
        f'<i class="td-icon-{net}"></i></div><div class="td-social-but-text">{label}</div></a>'
        for net, label, href in nets
    )
    label = (
        '<div class="td-social-sharing-button td-social-sharing-button-js td-social-handler'
        ' td-social-share-text"><div class="td-social-but-icon"><i class="td-icon-share"></i>'
        '</div><div class="td-social-but-text">شارك</div></div>'
    )
    return (
        f'<div class="td-post-sharing-{where}"><div id="td_social_sharing_article_{where}"'
        f' class="td-post-sharing td-ps-bg td-ps-notext td-post-sharing-style1 ">'
        f'<div class="td-post-sharing-visible">{label}{buttons}</div></div></div>'
    )


def related(s: Site, post: Post) -> list[Post]:
    primary = post.categories[0]
    same = [p for p in s.posts if p.key != post.key and primary in p.categories]
    rest = [p for p in s.posts if p.key != post.key and p not in same]
    return (same + rest)[:3]


def related_block(s: Site, post: Post) -> str:
    cells = "\n".join(
        f'<div class="td-related-span4"><div class="td_module_related_posts td-animation-stack'
        f' td_mod_related_posts"><div class="td-module-image"><div class="td-module-thumb">'
        f'<a href="{s.post_url(p)}" rel="bookmark" class="td-image-wrap " title="{a(p.title)}">'
        f'<img width="218" height="150" class="entry-thumb" src="{s.image(p, "218x150")}" alt=""'
        f' title="{a(p.title)}"/></a></div></div><div class="item-details">'
        f'<h3 class="entry-title td-module-title"><a href="{s.post_url(p)}" rel="bookmark"'
        f' title="{a(p.title)}">{t(p.title)}</a></h3>'
        f'<div class="td-editor-date">{date_meta(published(p))}</div></div></div></div>'
        for p in related(s, post)
    )
    return f"""<div class="td_block_wrap td_block_related_posts tdi_4 td_with_ajax_pagination \
td-pb-border-top td_block_template_1"  data-td-block-uid="tdi_4" ><script>var block_tdi_4 = new \
tdBlock();
block_tdi_4.id = "tdi_4";
block_tdi_4.atts = '{{"limit":3,"ajax_pagination":"next_prev",\
"live_filter":"cur_post_same_categories","td_ajax_filter_type":"td_custom_related","class":"tdi_4",\
"td_column_number":3,"live_filter_cur_post_id":{post.post_id},\
"block_type":"td_block_related_posts"}}';
block_tdi_4.td_column_number = "3";
block_tdi_4.block_type = "td_block_related_posts";
block_tdi_4.post_count = "3";
block_tdi_4.found_posts = "{len(POSTS) - 1}";
block_tdi_4.max_num_pages = "{-(-(len(POSTS) - 1) // 3)}";
tdBlocksArray.push(block_tdi_4);
</script><h4 class="td-related-title td-block-title"><a id="tdi_5" class="td-related-left \
td-cur-simple-item" data-td_filter_value="" data-td_block_id="tdi_4" href="#">مقالات ذات صلة</a><a \
id="tdi_6" class="td-related-right" data-td_filter_value="td_related_more_from_author" \
data-td_block_id="tdi_4" href="#">المزيد من المؤلف</a></h4><div id=tdi_4 class="td_block_inner">
<div class="td-related-row">
{cells}
</div><!--./row-fluid-->
</div><div class="td-next-prev-wrap"><a href="#" class="td-ajax-prev-page ajax-page-disabled" \
aria-label="prev-page" id="prev-page-tdi_4" data-td_block_id="tdi_4"><i class="td-next-prev-icon \
td-icon-font td-icon-menu-left"></i></a><a href="#"  class="td-ajax-next-page" \
aria-label="next-page" id="next-page-tdi_4" data-td_block_id="tdi_4"><i class="td-next-prev-icon \
td-icon-font td-icon-menu-right"></i></a></div></div>"""


def comment_form(s: Site, post: Post) -> str:
    """WordPress comment_form() as the Newspaper theme customises it (no comment notes)."""
    url = s.post_url(post)
    return f"""<div class="comments" id="comments">
\t<div id="respond" class="comment-respond">
\t\t<h3 id="reply-title" class="comment-reply-title"><div class="td-comments-title-wrap \
td_block_template_1"><h4 class="td-comments-title block-title"><span>اترك تعليقا</span></h4></div> \
<small><a rel="nofollow" id="cancel-comment-reply-link" href="{url}#respond" style="display:none;">\
إلغاء الرد</a></small></h3><form action="{s.u("/wp-comments-post.php")}" method="post" \
id="commentform" class="comment-form" novalidate>
\t\t<div class="clearfix"></div>
\t\t\t\t<div class="comment-form-input-wrap td-form-comment">
\t\t\t\t\t<textarea
\t\t\t\t\t\tplaceholder="تعليق:"
\t\t\t\t\t\tid="comment"
\t\t\t\t\t\tname="comment"
\t\t\t\t\t\tcols="45" rows="8"
\t\t\t\t\t\taria-required="true"
\t\t\t\t\t></textarea>
\t\t\t\t\t<div class="td-warning-comment">الرجاء إدخال تعليقك!</div>
\t\t\t\t</div><div class="comment-form-input-wrap td-form-author">
\t\t\t<input class="" id="author" name="author" placeholder="الاسم:*" type="text" value="" \
size="30"  aria-required='true' />
\t\t\t<div class="td-warning-author">الرجاء إدخال اسمك هنا</div>
\t\t\t</div>
<div class="comment-form-input-wrap td-form-email">
\t\t\t<input class="" id="email" name="email" placeholder="البريد الإلكتروني:*" type="text" \
value="" size="30"  aria-required='true' />
\t\t\t<div class="td-warning-email-error">لقد أدخلت عنوان بريد إلكتروني غير صحيح!</div>
\t\t\t<div class="td-warning-email">الرجاء إدخال عنوان بريدك الإلكتروني هنا</div>
\t\t\t</div>
<div class="comment-form-input-wrap td-form-url">
\t\t\t<input class="" id="url" name="url" placeholder="الموقع:" type="text" value="" size="30" />
\t\t\t</div>
<p class="comment-form-cookies-consent">
\t\t\t\t\t\t<input id="wp-comment-cookies-consent" name="wp-comment-cookies-consent" \
type="checkbox" value="yes" />
\t\t\t\t\t\t<label for="wp-comment-cookies-consent">احفظ اسمي، بريدي الإلكتروني، \
والموقع الإلكتروني في هذا المتصفح لاستخدامها المرة المقبلة في تعليقي.</label>
\t\t\t\t\t</p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" \
value="إرسال التعليق" /> <input type='hidden' name='comment_post_ID' value='{post.post_id}' \
id='comment_post_ID' />
<input type='hidden' name='comment_parent' id='comment_parent' value='0' />
</p></form>\t</div><!-- #respond -->
\t</div> <!-- /.content -->"""


def next_prev(s: Site, post: Post) -> str:
    i = s.posts.index(post)
    newer = s.posts[i - 1] if i > 0 else None
    older = s.posts[i + 1] if i + 1 < len(s.posts) else None
    prev_html = (
        f'<div class="td-block-span6 td-post-prev-post"><div class="td-post-next-prev-content">'
        f'<span>المقال السابق</span><a href="{s.post_url(older)}">{t(older.title)}</a></div></div>'
        if older
        else '<div class="td-block-span6 td-post-prev-post"></div>'
    )
    next_html = (
        f'<div class="td-block-span6 td-post-next-post"><div class="td-post-next-prev-content">'
        f'<span>المقال التالي</span><a href="{s.post_url(newer)}">{t(newer.title)}</a></div></div>'
        if newer
        else ""
    )
    return (
        f'<div class="td-block-row td-post-next-prev">{prev_html}'
        f'<div class="td-next-prev-separator"></div>{next_html}</div>'
    )


def author_box(s: Site, author: Author) -> str:
    link = s.u(s.author_path(author))
    return (
        f'<div class="author-box-wrap"><a href="{link}" aria-label="author-photo">'
        f'<img alt="{a(author.name)}" src="{s.gravatar(author)}" srcset="{s.gravatar(author, 192)} \
2x"'
        f' class="avatar avatar-96 photo" height="96" width="96" decoding="async"/></a>'
        f'<div class="desc"><div class="td-author-name vcard author"><span class="fn">'
        f'<a href="{link}">{t(author.name)}</a></span></div>'
        f'<div class="td-author-description">{t(author.bio)}</div>'
        f'<div class="td-author-social"></div><div class="clearfix"></div></div></div>'
    )


def article_graph(s: Site, post: Post) -> str:
    url = s.post_url(post)
    author = s.author[post.author]
    cat = s.cat[post.categories[0]]
    pub, mod = iso_utc(published(post)), iso_utc(modified(post))
    img = s.image(post)
    article = {
        "@type": "NewsArticle",
        "@id": url + "#article",
        "isPartOf": {"@id": url},
        "author": {"name": author.name, "@id": s.person_id(author)},
        "headline": post.title,
        "datePublished": pub,
        "dateModified": mod,
        "mainEntityOfPage": {"@id": url},
        "wordCount": word_count(post),
        "commentCount": 0,
        "publisher": {"@id": s.u("/#organization")},
        "image": {"@id": url + "#primaryimage"},
        "thumbnailUrl": img,
        "keywords": [s.tag[k].name for k in post.tags],
        "articleSection": [s.cat[k].name for k in post.categories],
        "inLanguage": "ar",
        "potentialAction": [
            {"@type": "CommentAction", "name": "Comment", "target": [url + "#respond"]}
        ],
        "copyrightYear": post.date[:4],
        "copyrightHolder": {"@id": s.u("/#organization")},
    }
    webpage = {
        "@type": "WebPage",
        "@id": url,
        "url": url,
        "name": f"{post.title} - {SITE_TITLE}",
        "isPartOf": {"@id": s.u("/#website")},
        "primaryImageOfPage": {"@id": url + "#primaryimage"},
        "image": {"@id": url + "#primaryimage"},
        "thumbnailUrl": img,
        "datePublished": pub,
        "dateModified": mod,
        "description": description(post),
        "breadcrumb": {"@id": url + "#breadcrumb"},
        "inLanguage": "ar",
        "potentialAction": [{"@type": "ReadAction", "target": [url]}],
    }
    image = {
        "@type": "ImageObject",
        "inLanguage": "ar",
        "@id": url + "#primaryimage",
        "url": img,
        "contentUrl": img,
        "width": 1200,
        "height": 675,
        "caption": post.title,
    }
    crumbs = graph_breadcrumb(url, s.home(), [(cat.name, s.u(s.cat_path(cat))), (post.title, None)])
    return yoast_graph(
        article,
        webpage,
        image,
        crumbs,
        graph_website(s),
        graph_organization(s),
        graph_person(s, author),
    )


def article_meta(s: Site, post: Post) -> str:
    author = s.author[post.author]
    lines = [
        f'<meta property="article:publisher" content="{FACEBOOK}" />',
        f'<meta property="article:published_time" content="{iso_utc(published(post))}" />',
        f'<meta property="article:modified_time" content="{iso_utc(modified(post))}" />',
        f'<meta property="og:image" content="{s.image(post)}" />',
        '<meta property="og:image:width" content="1200" />',
        '<meta property="og:image:height" content="675" />',
        '<meta property="og:image:type" content="image/jpeg" />',
        f'<meta name="author" content="{a(author.name)}" />',
        '<meta name="twitter:label1" content="كُتب بواسطة" />',
        f'<meta name="twitter:data1" content="{a(author.name)}" />',
        '<meta name="twitter:label2" content="وقت القراءة المُقدّر" />',
        f'<meta name="twitter:data2" content="{reading_time(post)}" />',
    ]
    return "\n\t".join(lines)


def article_page(s: Site, post: Post) -> bytes:
    url = s.post_url(post)
    author = s.author[post.author]
    cat = s.cat[post.categories[0]]
    pub, mod = published(post), modified(post)
    title = f"{post.title} - {SITE_TITLE}"
    # The AMP plugin is enabled per post ("Enable AMP" box); only some posts have it.
    links = "\n\t".join(
        x
        for x in (
            f'<link rel="amphtml" href="{url}amp/" />' if post.amp else "",
            f'<link rel="shortlink" href="{s.u(f"/?p={post.post_id}")}" />',
            f'<link rel="alternate" title="JSON" type="application/json"'
            f' href="{s.u(f"/wp-json/wp/v2/posts/{post.post_id}")}" />',
            f'<link rel="alternate" title="oEmbed (JSON)" type="application/json+oembed"'
            f' href="{s.u("/wp-json/oembed/1.0/embed?url=" + quote(url, safe=""))}" />',
        )
        if x
    )
    head_html = head(
        s,
        title=title,
        desc=description(post),
        canonical=url,
        og_type="article",
        graph=article_graph(s, post),
        extra_meta=article_meta(s, post),
        extra_links=links,
    )
    cat_classes = " ".join(f"category-{k}" for k in post.categories)
    tag_classes = " ".join(f"tag-{k}" for k in post.tags)
    tags = "".join(
        f'<li><a href="{s.u(s.tag_path(s.tag[k]))}">{t(s.tag[k].name)}</a></li>' for k in post.tags
    )
    main = f"""<div class="td-main-content-wrap td-container-wrap">
<div class="td-container td-post-template-default ">
{breadcrumbs(s, [(cat.name, s.u(s.cat_path(cat))), (post.title, None)])}
<div class="td-pb-row">
<div class="td-pb-span8 td-main-content" role="main">
<div class="td-ss-main-content">
<article id="post-{post.post_id}" class="post-{post.post_id} post type-post status-publish \
format-standard has-post-thumbnail {cat_classes} {tag_classes}" itemscope \
itemtype="https://schema.org/Article">
<div class="td-post-header">
<ul class="td-category"><li class="entry-category"><a href="{s.u(s.cat_path(cat))}">\
{t(cat.name)}</a></li></ul>
<header class="td-post-title">
<h1 class="entry-title">{t(post.title)}</h1>
<div class="td-module-meta-info">
{date_meta(pub)}
<div class="td-post-comments"><a href="{url}#respond"><i class="td-icon-comments"></i>0</a></div>
<div class="td-post-views"><i class="td-icon-views"></i><span class="td-nr-views-{post.post_id}">\
{post.views}</span></div>
</div>
</header>
</div>
{share_buttons(s, post, "top")}
<div class="td-post-content tagdiv-type">
<div class="td-post-featured-image"><figure><a href="{s.image(post)}" \
data-caption="{a(post.title)}"><img width="696" height="392" class="entry-thumb td-modal-image" \
src="{s.image(post, "696x392")}" srcset="{s.image(post, "696x392")} 696w, {s.image(post)} 1200w" \
sizes="(max-width: 696px) 100vw, 696px" alt="{a(post.title)}" \
title="{a(post.image.removesuffix(".jpg"))}"/></a><figcaption class="wp-caption-text">\
{t(post.title)}</figcaption></figure></div>
{ad_rec("content_top", "tdi_3", "8402617395")}
{render_body(s, post)}
{ad_rec("content_bottom", "tdi_7", "3361948027")}
</div>
<footer>
<div class="td-post-source-tags"><ul class="td-tags td-post-small-box clearfix"><li><span>\
الوسوم</span></li>{tags}</ul></div>
{share_buttons(s, post, "bottom")}
{next_prev(s, post)}
{author_box(s, author)}
<span class="td-page-meta" itemprop="author" itemscope itemtype="https://schema.org/Person"><meta \
itemprop="name" content="{a(author.name)}"><meta itemprop="url" \
content="{s.u(s.author_path(author))}"></span><meta itemprop="datePublished" content="{iso(pub)}">\
<meta itemprop="dateModified" content="{iso(mod)}"><meta itemscope itemprop="mainEntityOfPage" \
itemType="https://schema.org/WebPage" itemid="{url}"/><span class="td-page-meta" \
itemprop="publisher" itemscope itemtype="https://schema.org/Organization"><span \
class="td-page-meta" itemprop="logo" itemscope itemtype="https://schema.org/ImageObject"><meta \
itemprop="url" content="{s.u("/wp-content/uploads/2023/01/logo-assahafa.png")}"></span><meta \
itemprop="name" content="{SITE_TITLE}"></span><meta itemprop="headline " content="{a(post.title)}">\
<span class="td-page-meta" itemprop="image" itemscope itemtype="https://schema.org/ImageObject">\
<meta itemprop="url" content="{s.image(post)}"><meta itemprop="width" content="1200"><meta \
itemprop="height" content="675"></span>
</footer>
</article>
{related_block(s, post)}
{comment_form(s, post)}
</div>
</div>
{sidebar(s)}
</div> <!-- /.td-pb-row -->
</div> <!-- /.td-container -->
</div> <!-- /.td-main-content-wrap -->"""
    body_class = (
        f"rtl post-template-default single single-post postid-{post.post_id} single-format-standard"
    )
    return document(
        s, head_html=head_html, body_class=body_class, current=post.categories[0], main=main
    )


def amp_page(s: Site, post: Post) -> bytes:
    """The AMP plugin's legacy "reader" template for a post."""
    url = s.post_url(post)
    author = s.author[post.author]
    cats = ", ".join(
        f'<a href="{s.u(s.cat_path(s.cat[k]))}" rel="category tag">{t(s.cat[k].name)}</a>'
        for k in post.categories
    )
    tags = ", ".join(
        f'<a href="{s.u(s.tag_path(s.tag[k]))}" rel="tag">{t(s.tag[k].name)}</a>' for k in post.tags
    )
    html = f"""<!DOCTYPE html>
<html amp lang="ar" dir="rtl">
<head>
	<meta charset="utf-8">
	<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
	<link rel="preconnect" href="https://cdn.ampproject.org">
	<link rel="preload" as="script" href="https://cdn.ampproject.org/v0.js">
	<script async src="https://cdn.ampproject.org/v0.js"></script>
	<script src="https://cdn.ampproject.org/v0/amp-analytics-0.1.js" async \
custom-element="amp-analytics"></script>
	<script src="https://cdn.ampproject.org/v0/amp-ad-0.1.js" async custom-element="amp-ad"><\
/script>
	<style amp-custom>
	.amp-wp-content,.amp-wp-title-bar div{{max-width:600px;margin:0 \
auto}}html{{background:#0a89c0}}body{{background:#fff;color:#353535;font-family:Tahoma,\
sans-serif;font-weight:300;line-height:1.75}}p,ol,ul,figure{{margin:0 0 1em;padding:0}}a,\
a:visited{{color:#0a89c0}}.amp-wp-header{{background-color:#0a89c0}}.amp-wp-header \
div{{color:#fff;font-size:1em;font-weight:400;margin:0 auto;max-width:calc(840px - \
32px);padding:.875em 16px;position:relative}}\
.amp-wp-article{{color:#353535;font-weight:400;margin:1.5em auto;max-width:840px;\
overflow-wrap:break-word;word-wrap:break-word}}\
.amp-wp-title{{color:#353535;display:block;flex:1 0 100%;font-weight:900;margin:0 0 .625em;\
width:100%}}.amp-wp-meta{{color:#696969;display:inline-block;flex:2 1 50%;font-size:.875em;\
line-height:1.5em;margin:0 0 1.5em;padding:0}}\
.amp-wp-footer{{border-top:1px solid #c2c2c2;margin:calc(1.5em - 1px) 0 0}}
	</style>
	<title>{t(post.title)} - {SITE_TITLE}</title>
	<meta name="description" content="{a(description(post))}" />
	<link rel="canonical" href="{url}" />
	<meta property="og:locale" content="ar_AR" />
	<meta property="og:type" content="article" />
	<meta property="og:title" content="{a(post.title)} - {SITE_TITLE}" />
	<meta property="og:description" content="{a(description(post))}" />
	<meta property="og:url" content="{url}" />
	<meta property="og:site_name" content="{SITE_TITLE}" />
	{article_meta(s, post)}
	{article_graph(s, post)}
	<style amp-boilerplate>body{{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal \
both;-moz-animation:-amp-start 8s steps(1,end) 0s 1 normal both;-ms-animation:-amp-start 8s \
steps(1,end) 0s 1 normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal \
both}}@-webkit-keyframes \
-amp-start{{from{{visibility:hidden}}to{{visibility:visible}}}}@-moz-keyframes \
-amp-start{{from{{visibility:hidden}}to{{visibility:visible}}}}@-ms-keyframes \
-amp-start{{from{{visibility:hidden}}to{{visibility:visible}}}}@-o-keyframes \
-amp-start{{from{{visibility:hidden}}to{{visibility:visible}}}}@keyframes \
-amp-start{{from{{visibility:hidden}}to{{visibility:visible}}}}</style><noscript><style \
amp-boilerplate>body{{-webkit-animation:none;-moz-animation:none;-ms-animation:none;animation:none}}</style></noscript>
</head>

<body class="">

<header id="top" class="amp-wp-header">
	<div>
		<a href="{s.home()}">
			<amp-img src="\
{s.u("/wp-content/uploads/2023/01/cropped-favicon-32x32.png")}" width="32" \
height="32" class="amp-wp-site-icon"></amp-img>
			<span class="amp-site-title">{SITE_TITLE}</span>
		</a>
	</div>
</header>

<article class="amp-wp-article">
	<header class="amp-wp-article-header">
		<h1 class="amp-wp-title">{t(post.title)}</h1>
		<div class="amp-wp-meta amp-wp-byline">
			<amp-img src="{s.gravatar(author, 72)}" alt="{a(author.name)}" width="24" height="24" \
layout="fixed"></amp-img>
			<span class="amp-wp-author author vcard">{t(author.name)}</span>
		</div>
		<div class="amp-wp-meta amp-wp-posted-on">
			<time datetime="{iso_utc(published(post))}">{ar_date(published(post))}</time>
		</div>
	</header>

	<figure class="amp-wp-article-featured-image wp-caption">
		<amp-img width="1200" height="675" src="{s.image(post)}" class="attachment-large \
size-large \
wp-post-image amp-wp-enforced-sizes" alt="{a(post.title)}" layout="intrinsic"></amp-img>
	</figure>

	<div class="amp-wp-article-content">
		<amp-ad width="100vw" height="320" type="adsense" data-ad-client="{AD_CLIENT}" \
data-ad-slot="9015527364" data-auto-format="rspv" data-full-width=""><div overflow=""></div>\
</amp-ad>
{render_body(s, post, amp=True)}
	</div>

	<footer class="amp-wp-article-footer">
		<div class="amp-wp-meta amp-wp-tax-category">
			التصنيفات: {cats}
		</div>
		<div class="amp-wp-meta amp-wp-tax-tag">
			الوسوم: {tags}
		</div>
		<div class="amp-wp-meta amp-wp-comments-link">
			<a href="{url}#respond">اترك تعليقا</a>
		</div>
	</footer>
</article>

<footer class="amp-wp-footer">
	<div>
		<h2>{SITE_TITLE}</h2>
		<a href="#top" class="back-to-top">العودة إلى الأعلى</a>
	</div>
</footer>

<amp-analytics type="gtag" data-credentials="include"><script type="application/json">\
{{"vars":{{"gtag_id":"{GA_ID}","config":{{"{GA_ID}":{{"groups":"default"}}}}}}}}</script>\
</amp-analytics>
</body>
</html>
"""
    return html.encode("utf-8")


# --- listings


def teaser(s: Site, post: Post) -> str:
    author = s.author[post.author]
    return f"""<div class="td_module_10 td_module_wrap td-animation-stack">
<div class="td-module-thumb"><a href="{s.post_url(post)}" rel="bookmark" class="td-image-wrap " \
title="{a(post.title)}"><img width="218" height="150" class="entry-thumb" \
src="{s.image(post, "218x150")}" alt="" title="{a(post.title)}"/></a></div>
<div class="item-details">
<h3 class="entry-title td-module-title"><a href="{s.post_url(post)}" rel="bookmark" \
title="{a(post.title)}">{t(post.title)}</a></h3>
<div class="td-module-meta-info">
<span class="td-post-author-name"><a href="{s.u(s.author_path(author))}">{t(author.name)}</a> \
<span>-</span> </span>
{date_meta(published(post))}
<span class="td-module-comments"><a href="{s.post_url(post)}#respond">0</a></span>
</div>
<div class="td-excerpt">{t(excerpt(post))}</div>
</div>
</div>"""


def page_nav(s: Site, base: str, page: int, pages: int) -> str:
    if pages < 2:
        return ""

    def link(n: int) -> str:
        return s.u(base if n == 1 else f"{base}page/{n}/")

    parts = ['<div class="page-nav td-pb-padding-side">']
    if page > 1:
        parts.append(
            f'<a href="{link(page - 1)}" aria-label="prev-page" >'
            '<i class="page-nav-icon td-icon-menu-right"></i></a>'
        )
    for n in range(1, pages + 1):
        parts.append(
            f'<span class="current">{n}</span>'
            if n == page
            else f'<a href="{link(n)}" class="page" title="{n}">{n}</a>'
        )
    if page < pages:
        parts.append(
            f'<a href="{link(page + 1)}" aria-label="next-page" >'
            '<i class="page-nav-icon td-icon-menu-left"></i></a>'
        )
    parts.append(
        f'<span class="pages">الصفحة {page} من {pages}</span><div class="clearfix"></div></div>'
    )
    return "".join(parts)


def listing_pages(
    s: Site,
    *,
    base: str,
    posts: list[Post],
    title: str,
    kind: str,
    archive_label: str,
    body_class: str,
    current: str | None,
    top_html: str,
    graph_extra: tuple[dict, ...] = (),
    page_type: str = "CollectionPage",
    fixture: str | None = None,
    desc: str = "",
) -> list[Page]:
    pages = max(1, -(-len(posts) // PER_PAGE))
    out = []
    for n in range(1, pages + 1):
        path = base if n == 1 else f"{base}page/{n}/"
        url = s.u(path)
        chunk = posts[(n - 1) * PER_PAGE : n * PER_PAGE]
        # Yoast title templates: "%%term_title%% الأرشيف %%page%% %%sep%% %%sitename%%" and,
        # for authors, "%%name%%، الكاتب في %%sitename%%".
        page_part = "" if n == 1 else f" - الصفحة {n} من {pages}"
        seo_title = (
            f"{title}، الكاتب في {SITE_TITLE}{page_part}"
            if kind == "author"
            else f"{title} الأرشيف{page_part} - {SITE_TITLE}"
        )
        rel = []
        if n > 1:
            rel.append(
                f'<link rel="prev" href="{s.u(base if n == 2 else f"{base}page/{n - 1}/")}" />'
            )
        if n < pages:
            rel.append(f'<link rel="next" href="{s.u(f"{base}page/{n + 1}/")}" />')
        webpage = {
            "@type": page_type,
            "@id": url,
            "url": url,
            "name": seo_title,
            "isPartOf": {"@id": s.u("/#website")},
            "breadcrumb": {"@id": url + "#breadcrumb"},
            "inLanguage": "ar",
        }
        graph = yoast_graph(
            webpage,
            graph_breadcrumb(url, s.home(), [(title, None)]),
            graph_website(s),
            graph_organization(s),
            *graph_extra,
        )
        head_html = head(
            s,
            title=seo_title,
            desc=desc if n == 1 else "",
            canonical=url,
            og_type="website" if kind != "author" else "profile",
            graph=graph,
            extra_links="\n\t".join(rel),
        )
        items = "\n".join(teaser(s, p) for p in chunk)
        main = f"""<div class="td-category-header td-container-wrap">
<div class="td-container">
<div class="td-pb-row">
<div class="td-pb-span12">
{breadcrumbs(s, [(archive_label, None)])}
{top_html}
</div>
</div>
</div>
</div>
<div class="td-main-content-wrap td-container-wrap">
<div class="td-container">
<div class="td-pb-row">
<div class="td-pb-span8 td-main-content">
<div class="td-ss-main-content">
{items}
{page_nav(s, base, n, pages)}
</div>
</div>
{sidebar(s)}
</div>
</div>
</div>"""
        paged = f" paged paged-{n}" if n > 1 else ""
        body = document(
            s,
            head_html=head_html,
            body_class=f"rtl archive {body_class}{paged}",
            current=current,
            main=main,
        )
        newest = max(modified(p) for p in chunk)
        out.append(
            Page(
                path=path,
                body=body,
                content_type=HTML,
                kind=kind,
                fixture=fixture if n == 1 else None,
                modified=newest.timestamp(),
            )
        )
    return out


def category_pages(s: Site, cat: Category, fixture: str | None) -> list[Page]:
    top = (
        f'<h1 class="entry-title td-page-title">{t(cat.name)}</h1>\n'
        f'<div class="td-category-description"><p>{t(cat.description)}</p></div>'
    )
    return listing_pages(
        s,
        base=s.cat_path(cat),
        posts=s.in_cat(cat.key),
        title=cat.name,
        kind="section",
        archive_label=cat.name,
        body_class=f"category category-{cat.key} category-{cat.term_id}",
        current=cat.key,
        top_html=top,
        fixture=fixture,
        desc=cat.description,
    )


def tag_pages(s: Site, tag: Tag, fixture: str | None) -> list[Page]:
    top = f'<h1 class="entry-title td-page-title"><span>{t(tag.name)}</span></h1>'
    return listing_pages(
        s,
        base=s.tag_path(tag),
        posts=s.in_tag(tag.key),
        title=tag.name,
        kind="tag",
        archive_label="الوسوم",
        body_class=f"tag tag-{tag.key} tag-{tag.term_id}",
        current=None,
        top_html=top,
        fixture=fixture,
    )


def author_pages(s: Site, author: Author) -> list[Page]:
    posts = s.by_author(author.key)
    top = f"""<div class="author-box-wrap td-author-page">
<img alt="{a(author.name)}" src="{s.gravatar(author)}" class="avatar avatar-96 photo" height="96" \
width="96" decoding="async"/>
<div class="desc">
<h1 class="td-author-name vcard author"><span class="fn">{t(author.name)}</span></h1>
<div class="td-author-counters"><span class="td-author-post-count">{len(posts)} المشاركات</span>\
<span class="td-author-comments-count">0 تعليقات</span></div>
<div class="td-author-description">{t(author.bio)}</div>
<div class="td-author-social"></div>
<div class="clearfix"></div>
</div>
</div>"""
    person = graph_person(s, author)
    person["mainEntityOfPage"] = {"@id": s.u(s.author_path(author))}
    return listing_pages(
        s,
        base=s.author_path(author),
        posts=posts,
        title=author.name,
        kind="author",
        archive_label=author.name,
        body_class=f"author author-{author.key} author-{author.user_id}",
        current=None,
        top_html=top,
        graph_extra=(person,),
        page_type="ProfilePage",
    )


def home_page(s: Site) -> Page:
    big = s.posts[:4]
    grid = "\n".join(
        f'<div class="td_module_mx{5 if i == 0 else 6} td-animation-stack td-big-grid-post-{i}'
        f' td-big-grid-post {"td-big-thumb" if i == 0 else "td-small-thumb"}">'
        f'<div class="td-module-thumb"><a href="{s.post_url(p)}" rel="bookmark"'
        f' class="td-image-wrap " title="{a(p.title)}"><img class="entry-thumb"'
        f' src="{s.image(p, "534x462" if i == 0 else "265x198")}" alt="" title="{a(p.title)}"/></a>'
        f'</div><div class="td-meta-info-container"><div class="td-meta-align"><div \
class="td-big-grid-meta">'
        f'<a href="{s.u(s.cat_path(s.cat[p.categories[0]]))}" class="td-post-category">'
        f'{t(s.cat[p.categories[0]].name)}</a><h3 class="entry-title td-module-title">'
        f'<a href="{s.post_url(p)}" rel="bookmark" title="{a(p.title)}">{t(p.title)}</a></h3>'
        f'</div><div class="td-module-meta-info">{date_meta(published(p))}</div></div></div></div>'
        for i, p in enumerate(big)
    )

    def block(tdi: str, title: str, link: str, posts: list[Post]) -> str:
        first, rest = posts[0], posts[1:]
        small = "\n".join(
            f'<div class="td_module_6 td_module_wrap td-animation-stack"><div class="item-details">'
            f'<h3 class="entry-title td-module-title"><a href="{s.post_url(p)}" rel="bookmark"'
            f' title="{a(p.title)}">{t(p.title)}</a></h3><div class="td-module-meta-info">'
            f"{date_meta(published(p))}</div></div></div>"
            for p in rest
        )
        return f"""<div class="td_block_wrap td_block_1 {tdi} td-pb-border-top td_block_template_1 \
td-column-2">
<div class="td-block-title-wrap"><h4 class="block-title td-block-title"><a href="{link}" \
class="td-pulldown-size">{t(title)}</a></h4></div>
<div id="{tdi}" class="td_block_inner">
<div class="td-block-span12">
<div class="td_module_4 td_module_wrap td-animation-stack">
<div class="td-module-image"><div class="td-module-thumb"><a href="{s.post_url(first)}" \
rel="bookmark" class="td-image-wrap " title="{a(first.title)}"><img width="324" height="235" \
class="entry-thumb" src="{s.image(first, "324x235")}" alt="" title="{a(first.title)}"/></a></div>\
</div>
<h3 class="entry-title td-module-title"><a href="{s.post_url(first)}" rel="bookmark" \
title="{a(first.title)}">{t(first.title)}</a></h3>
<div class="td-module-meta-info">{date_meta(published(first))}</div>
<div class="td-excerpt">{t(excerpt(first))}</div>
</div>
</div>
{small}
</div>
</div>"""

    blocks = [block("tdi_10", "آخر الأخبار", s.u("/category/akhbar/"), s.posts)]
    for i, key in enumerate(("watani", "economie", "sport", "culture")):
        cat = s.cat[key]
        blocks.append(block(f"tdi_{11 + i}", cat.name, s.u(s.cat_path(cat)), s.in_cat(key)[:4]))
        if i == 1:
            blocks.append(ad_rec("home_middle", "tdi_19", "1187345290"))
    webpage = {
        "@type": "CollectionPage",
        "@id": s.home(),
        "url": s.home(),
        "name": f"{SITE_TITLE} - {TAGLINE}",
        "isPartOf": {"@id": s.u("/#website")},
        "about": {"@id": s.u("/#organization")},
        "description": TAGLINE,
        "breadcrumb": {"@id": s.home() + "#breadcrumb"},
        "inLanguage": "ar",
    }
    crumbs = {
        "@type": "BreadcrumbList",
        "@id": s.home() + "#breadcrumb",
        "itemListElement": [{"@type": "ListItem", "position": 1, "name": "الرئيسية"}],
    }
    graph = yoast_graph(webpage, crumbs, graph_website(s), graph_organization(s))
    head_html = head(
        s,
        title=f"{SITE_TITLE} - {TAGLINE}",
        desc=TAGLINE,
        canonical=s.home(),
        og_type="website",
        graph=graph,
    )
    main = f"""<div class="td-main-content-wrap td-main-page-wrap td-container-wrap">
<div class="tdc-content-wrap">
<div class="td-container">
<div class="td_block_wrap td_block_big_grid_1 tdi_9 td-grid-style-1 td-hover-1 td-big-grids \
td-pb-border-top td_block_template_1">
<div id="tdi_9" class="td_block_inner"><div class="td-big-grid-wrapper">
{grid}
</div><div class="clearfix"></div></div>
</div>
<div class="td-pb-row">
<div class="td-pb-span8 td-main-content">
<div class="td-ss-main-content">
{chr(10).join(blocks)}
</div>
</div>
{sidebar(s)}
</div>
</div>
</div>
</div>"""
    body = document(s, head_html=head_html, body_class="rtl home blog", current="home", main=main)
    return Page(
        path="/",
        body=body,
        content_type=HTML,
        kind="home",
        modified=max(modified(p) for p in POSTS).timestamp(),
    )


def static_page(s: Site, path: str, page_id: int, title: str, paras: tuple[str, ...]) -> Page:
    url = s.u(path)
    webpage = {
        "@type": "WebPage",
        "@id": url,
        "url": url,
        "name": f"{title} - {SITE_TITLE}",
        "isPartOf": {"@id": s.u("/#website")},
        "datePublished": "2023-01-14T10:12:41+00:00",
        "dateModified": "2024-09-02T15:30:08+00:00",
        "breadcrumb": {"@id": url + "#breadcrumb"},
        "inLanguage": "ar",
        "potentialAction": [{"@type": "ReadAction", "target": [url]}],
    }
    graph = yoast_graph(
        webpage,
        graph_breadcrumb(url, s.home(), [(title, None)]),
        graph_website(s),
        graph_organization(s),
    )
    head_html = head(
        s,
        title=f"{title} - {SITE_TITLE}",
        desc="",
        canonical=url,
        og_type="article",
        graph=graph,
        extra_meta='<meta property="article:modified_time" content="2024-09-02T15:30:08+00:00" />',
    )
    body_text = "\n".join(f"<p>{t(p)}</p>" for p in paras)
    main = f"""<div class="td-main-content-wrap td-container-wrap">
<div class="td-container tdc-content-wrap">
<div class="td-pb-row">
<div class="td-pb-span8 td-main-content" role="main">
<div class="td-ss-main-content">
{breadcrumbs(s, [(title, None)])}
<div class="td-page-header"><h1 class="entry-title td-page-title"><span>{t(title)}</span></h1></div>
<div class="td-page-content tagdiv-type">
{body_text}
</div>
</div>
</div>
{sidebar(s)}
</div>
</div>
</div>"""
    body = document(
        s,
        head_html=head_html,
        body_class=f"rtl page-template-default page page-id-{page_id}",
        current=None,
        main=main,
    )
    return Page(path=path, body=body, content_type=HTML, kind="other", modified=1725291008.0)


# --- robots, sitemaps, feeds


def robots(s: Site) -> Page:
    body = f"""# START YOAST BLOCK
# ---------------------------
User-agent: *
Disallow: /wp-admin/
Allow: /wp-admin/admin-ajax.php
Disallow: /wp-login.php
Disallow: /?s=
Disallow: /search/
Disallow: /trackback/

Sitemap: {s.u("/sitemap_index.xml")}
Sitemap: {s.u("/news-sitemap.xml")}
# ---------------------------
# END YOAST BLOCK
"""
    return Page(
        path="/robots.txt",
        body=body.encode("utf-8"),
        content_type="text/plain; charset=utf-8",
        kind="robots",
        modified=max(modified(p) for p in POSTS).timestamp(),
    )


def xml_head(s: Site) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl"'
        f' href="{s.u("/main-sitemap.xsl")}"?>\n'
    )


def urlset(s: Site, entries: list[tuple[str, datetime | None, list[str]]]) -> bytes:
    rows = []
    for loc, lastmod, images in entries:
        row = f"\t<url>\n\t\t<loc>{loc}</loc>\n"
        if lastmod:
            row += f"\t\t<lastmod>{iso(lastmod)}</lastmod>\n"
        for img in images:
            row += f"\t\t<image:image>\n\t\t\t<image:loc>{img}</image:loc>\n\t\t</image:image>\n"
        rows.append(row + "\t</url>\n")
    body = (
        xml_head(s) + '<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        ' xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"'
        ' xsi:schemaLocation="http://www.sitemaps.org/schemas/sitemap/0.9'
        " http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd"
        " http://www.google.com/schemas/sitemap-image/1.1"
        ' http://www.google.com/schemas/sitemap-image/1.1/sitemap-image.xsd"'
        ' xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "".join(rows)
        + "</urlset>\n<!-- XML Sitemap generated by Yoast SEO -->"
    )
    return body.encode("utf-8")


def sitemaps(s: Site) -> list[Page]:
    newest = max(modified(p) for p in POSTS)
    by_date = sorted(POSTS, key=modified)  # Yoast lists oldest first
    posts = [(s.home(), newest, [])] + [(s.post_url(p), modified(p), [s.image(p)]) for p in by_date]
    static_mod = datetime(2024, 9, 2, 16, 30, 8, tzinfo=TZ)
    pages = [(s.u(path), static_mod, []) for path, *_ in STATIC_PAGES]
    cats = [(s.u(s.cat_path(c)), max(modified(p) for p in s.in_cat(c.key)), []) for c in CATEGORIES]
    tags = [(s.u(s.tag_path(x)), max(modified(p) for p in s.in_tag(x.key)), []) for x in TAGS]
    authors = [
        (s.u(s.author_path(x)), max(modified(p) for p in s.by_author(x.key)), []) for x in AUTHORS
    ]
    children = (
        ("post", posts),
        ("page", pages),
        ("category", cats),
        ("post_tag", tags),
        ("author", authors),
    )
    out = []
    index_rows = []
    for name, entries in children:
        last = max(e[1] for e in entries if e[1])
        path = f"/{name}-sitemap.xml"
        index_rows.append(
            f"\t<sitemap>\n\t\t<loc>{s.u(path)}</loc>\n"
            f"\t\t<lastmod>{iso(last)}</lastmod>\n\t</sitemap>\n"
        )
        out.append(
            Page(
                path=path,
                body=urlset(s, entries),
                content_type=XML,
                kind="sitemap",
                modified=last.timestamp(),
            )
        )
    index = (
        xml_head(s)
        + '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "".join(index_rows)
        + "</sitemapindex>\n<!-- XML Sitemap generated by Yoast SEO -->"
    )
    out.insert(
        0,
        Page(
            path="/sitemap_index.xml",
            body=index.encode("utf-8"),
            content_type=XML,
            kind="sitemap",
            modified=newest.timestamp(),
        ),
    )
    # Yoast News SEO: posts of the last 48 hours only.
    recent = [p for p in s.posts if NOW - published(p) <= timedelta(hours=48)]
    rows = "".join(
        f"""<url>
\t<loc>{s.post_url(p)}</loc>
\t<news:news>
\t\t<news:publication>
\t\t\t<news:name>{SITE_TITLE}</news:name>
\t\t\t<news:language>ar</news:language>
\t\t</news:publication>
\t\t<news:publication_date>{iso(published(p))}</news:publication_date>
\t\t<news:title><![CDATA[{p.title}]]></news:title>
\t</news:news>
\t<image:image>
\t\t<image:loc>{s.image(p)}</image:loc>
\t</image:image>
</url>
"""
        for p in recent
    )
    news = (
        xml_head(s) + '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'
        ' xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">\n' + rows + "</urlset>\n"
    )
    out.append(
        Page(
            path="/news-sitemap.xml",
            body=news.encode("utf-8"),
            content_type=XML,
            kind="sitemap",
            modified=max(modified(p) for p in recent).timestamp(),
        )
    )
    return out


def rss_channel(s: Site, *, title: str, self_path: str, items: str, last: datetime) -> bytes:
    body = f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
	>

<channel>
	<title>{title}</title>
	<atom:link href="{s.u(self_path)}" rel="self" type="application/rss+xml" />
	<link>{s.origin}</link>
	<description>{TAGLINE}</description>
	<lastBuildDate>{rfc822(last)}</lastBuildDate>
	<language>ar</language>
	<sy:updatePeriod>
	hourly	</sy:updatePeriod>
	<sy:updateFrequency>
	1	</sy:updateFrequency>
	<generator>https://wordpress.org/?v={WP_VER}</generator>

<image>
	<url>{s.u("/wp-content/uploads/2023/01/cropped-favicon-32x32.png")}</url>
	<title>{title}</title>
	<link>{s.origin}</link>
	<width>32</width>
	<height>32</height>
</image>
{items}</channel>
</rss>
"""
    return body.encode("utf-8")


def feeds(s: Site) -> list[Page]:
    items = []
    for p in s.posts:
        url = s.post_url(p)
        cats = "\n".join(
            f"\t\t<category><![CDATA[{s.cat[k].name}]]></category>" for k in p.categories
        )
        tags = "\n".join(f"\t\t<category><![CDATA[{s.tag[k].name}]]></category>" for k in p.tags)
        content = render_body(s, p, amp=True)
        items.append(f"""	<item>
		<title>{t(p.title)}</title>
		<link>{url}</link>
					<comments>{url}#respond</comments>

		<dc:creator><![CDATA[{s.author[p.author].name}]]></dc:creator>
		<pubDate>{rfc822(published(p))}</pubDate>
{cats}
{tags}
		<guid isPermaLink="false">{s.u(f"/?p={p.post_id}")}</guid>

					<description><![CDATA[\
{excerpt(p, 55).removesuffix("...")} [&#8230;]]]></description>
										<content:encoded><![CDATA[{content}]]></content:encoded>
					<wfw:commentRss>{url}feed/</wfw:commentRss>
			<slash:comments>0</slash:comments>
		</item>
""")
    newest = max(modified(p) for p in POSTS)
    main = rss_channel(s, title=SITE_TITLE, self_path="/feed/", items="".join(items), last=newest)
    comments = rss_channel(
        s, title=f"التعليقات لـ {SITE_TITLE}", self_path="/comments/feed/", items="", last=newest
    )
    return [
        Page(path="/feed/", body=main, content_type=RSS, kind="feed", modified=newest.timestamp()),
        Page(
            path="/comments/feed/",
            body=comments,
            content_type=RSS,
            kind="feed",
            modified=newest.timestamp(),
        ),
    ]


# --- build


def build(origin: str) -> Replica:
    s = Site(origin)
    replica = Replica(name=NAME, origin=s.origin)
    replica.add(robots(s))
    replica.add(home_page(s))
    fixtures = {"watani": "section-watani"}
    for cat in CATEGORIES:
        for page in category_pages(s, cat, fixtures.get(cat.key)):
            replica.add(page)
    for tag in TAGS:
        for page in tag_pages(s, tag, "tag-hammouchi" if tag.key == "hammouchi" else None):
            replica.add(page)
    for author in AUTHORS:
        for page in author_pages(s, author):
            replica.add(page)
    for path, page_id, title, paras in STATIC_PAGES:
        replica.add(static_page(s, path, page_id, title, paras))
    for post in s.posts:
        path = s.post_path(post)
        replica.add(
            Page(
                path=path,
                body=article_page(s, post),
                content_type=HTML,
                kind="article",
                fixture=post.fixture,
                modified=modified(post).timestamp(),
            )
        )
        if post.amp:
            replica.add(
                Page(
                    path=path + "amp/",
                    body=amp_page(s, post),
                    content_type=HTML,
                    kind="article",
                    modified=modified(post).timestamp(),
                )
            )
    for page in sitemaps(s) + feeds(s):
        replica.add(page)
    link_tracking_duplicates(replica)
    return replica
