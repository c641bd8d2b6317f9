"""Replica of الأخبار (alakhbar.press.ma): WordPress with the Jannah theme (TieLabs), Yoast SEO
(plus its News sitemap), the AMP plugin in reader mode and "WP Content Copy Protection".

Permalinks are `/<post_id>.html` (AMP: `/<post_id>.html/amp/`), categories `/category/<slug>/`
(child categories nest under the parent slug), archives paginate as `/page/<n>/`. The site clock
is a fixed UTC+1: Yoast meta and JSON-LD carry UTC, Jannah's own schema and the sitemaps +01:00.
Content lives in `alakhbar_data.py`; this module only renders it. Output depends on `origin` only.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime
from html import escape
from math import ceil
from urllib.parse import quote

from tests.replicas.alakhbar_data import (
    AUTHORS,
    CATEGORIES,
    POSTS,
    SITE_DESCRIPTION,
    SITE_NAME,
    TAGS,
    Author,
    Category,
    Post,
    Tag,
)
from tests.replicas.base import Page, Replica, link_tracking_duplicates

HTML = "text/html; charset=UTF-8"
RSS = "application/rss+xml; charset=UTF-8"
XML = "application/xml; charset=UTF-8"
TEXT = "text/plain; charset=UTF-8"

TZ = timezone(timedelta(hours=1))
WP_VERSION = "6.7.2"
JANNAH_VERSION = "7.3.2"
YOAST_VERSION = "24.6"
PER_PAGE = 3  # Jannah archive option "posts per page" on this install
ADSENSE_CLIENT = "ca-pub-5913427082660417"
GA_ID = "G-4LQ8ZC7B2K"
FACEBOOK = "https://www.facebook.com/alakhbar.press.ma"
TWITTER = "https://x.com/alakhbarpress"
YOUTUBE = "https://www.youtube.com/@alakhbarpress"
INSTAGRAM = "https://www.instagram.com/alakhbar.press.ma/"
LOGO = "/wp-content/uploads/2023/05/logo-alakhbar.png"
FAVICON = "/wp-content/uploads/2023/05/cropped-favicon-alakhbar-32x32.png"

MONTHS = (
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
)  # fmt: skip
WEEKDAYS = ("الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")

CATEGORY = {c.slug: c for c in CATEGORIES}
AUTHOR = {a.slug: a for a in AUTHORS}
TAG = {t.slug: t for t in TAGS}
POST = {p.post_id: p for p in POSTS}


# --- dates -----------------------------------------------------------------------------------


def _dt(stamp: str) -> datetime:
    return datetime.strptime(stamp, "%Y-%m-%d %H:%M").replace(tzinfo=TZ)


def published(post: Post) -> datetime:
    return _dt(f"{post.date} {post.time}")


def modified(post: Post) -> datetime:
    return _dt(post.modified)


def _utc(dt: datetime) -> str:
    return dt.astimezone(UTC).isoformat()


def _rfc822(dt: datetime) -> str:
    return format_datetime(dt.astimezone(UTC))


def _ar_date(dt: datetime) -> str:
    return f"{dt.day} {MONTHS[dt.month - 1]}، {dt.year}"


def _newest(posts: Iterable[Post]) -> datetime:
    return max(modified(p) for p in posts)


NOW = _newest(POSTS)  # the replica is a snapshot taken right after the last edit


# --- paths and small helpers -----------------------------------------------------------------


def post_path(post: Post) -> str:
    return f"/{post.post_id}.html"


def amp_path(post: Post) -> str:
    return f"{post_path(post)}/amp/"


def category_path(cat: Category) -> str:
    parent = f"{cat.parent}/" if cat.parent else ""
    return f"/category/{parent}{cat.slug}/"


def tag_path(tag: Tag) -> str:
    return f"/tag/{tag.slug}/"


def author_path(author: Author) -> str:
    return f"/author/{author.slug}/"


def _paged(base: str, page: int) -> str:
    return base if page == 1 else f"{base}page/{page}/"


def _e(text: str) -> str:
    return escape(text, quote=False)


def _a(text: str) -> str:
    return escape(text, quote=True)


def _words(post: Post) -> list[str]:
    return " ".join(post.paragraphs).split()


def _excerpt(post: Post, n: int) -> str:
    return " ".join(_words(post)[:n])


def _description(post: Post) -> str:
    """Yoast's %%excerpt%% meta description: the opening text, cut near 155 characters."""
    text = post.paragraphs[0]
    if len(text) <= 155:
        return text
    return text[:155].rsplit(" ", 1)[0] + "..."


def _reading_time(post: Post) -> str:
    minutes = max(1, ceil(len(_words(post)) / 200))
    return {1: "دقيقة واحدة", 2: "دقيقتان"}.get(minutes, f"{minutes} دقائق")


def _image(origin: str, post: Post, size: str = "") -> str:
    name = post.image
    if size:
        stem, dot, ext = name.rpartition(".")
        name = f"{stem}-{size}{dot}{ext}"
    return f"{origin}/wp-content/uploads/{name}"


def _person_id(origin: str, author: Author) -> str:
    digest = hashlib.md5(f"alakhbar-user-{author.user_id}".encode()).hexdigest()
    return f"{origin}/#/schema/person/{digest}"


def _gravatar(author: Author) -> str:
    digest = hashlib.md5(f"{author.slug}@alakhbar.press.ma".encode()).hexdigest()
    return f"https://secure.gravatar.com/avatar/{digest}?s=96&d=mm&r=g"


def _in_category(cat: Category) -> list[Post]:
    return [p for p in POSTS if p.category == cat.slug or CATEGORY[p.category].parent == cat.slug]


def _ldjson(data: object, css_class: str = "") -> str:
    attr = f' class="{css_class}"' if css_class else ""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f'<script type="application/ld+json"{attr}>{text}</script>'


def _wp_json(data: object) -> str:
    """wp_json_encode as wp_localize_script prints it: ASCII only, escaped slashes."""
    return json.dumps(data, separators=(",", ":")).replace("/", "\\/")


# --- Yoast SEO head ----------------------------------------------------------------------------


def _website_nodes(origin: str) -> list[dict]:
    home = origin + "/"
    logo = origin + LOGO
    return [
        {
            "@type": "WebSite",
            "@id": f"{home}#website",
            "url": home,
            "name": SITE_NAME,
            "description": SITE_DESCRIPTION,
            "publisher": {"@id": f"{home}#organization"},
            "potentialAction": [
                {
                    "@type": "SearchAction",
                    "target": {
                        "@type": "EntryPoint",
                        "urlTemplate": f"{home}?s={{search_term_string}}",
                    },
                    "query-input": {
                        "@type": "PropertyValueSpecification",
                        "valueRequired": True,
                        "valueName": "search_term_string",
                    },
                }
            ],
            "inLanguage": "ar",
        },
        {
            "@type": "Organization",
            "@id": f"{home}#organization",
            "name": SITE_NAME,
            "url": home,
            "logo": {
                "@type": "ImageObject",
                "inLanguage": "ar",
                "@id": f"{home}#/schema/logo/image/",
                "url": logo,
                "contentUrl": logo,
                "width": 300,
                "height": 90,
                "caption": SITE_NAME,
            },
            "image": {"@id": f"{home}#/schema/logo/image/"},
            "sameAs": [FACEBOOK, TWITTER, YOUTUBE, INSTAGRAM],
        },
    ]


def _breadcrumb_node(url: str, trail: list[tuple[str, str | None]]) -> dict:
    items = []
    for position, (name, item_url) in enumerate(trail, start=1):
        item: dict = {"@type": "ListItem", "position": position, "name": name}
        if item_url:
            item["item"] = item_url
        items.append(item)
    return {"@type": "BreadcrumbList", "@id": f"{url}#breadcrumb", "itemListElement": items}


def _article_schema(origin: str, post: Post) -> dict:
    url = origin + post_path(post)
    author = AUTHOR[post.author]
    cat = CATEGORY[post.category]
    image = _image(origin, post)
    title = f"{post.title} - {SITE_NAME}"
    trail: list[tuple[str, str | None]] = [("الرئيسية", origin + "/")]
    if cat.parent:
        parent = CATEGORY[cat.parent]
        trail.append((parent.name, origin + category_path(parent)))
    trail += [(cat.name, origin + category_path(cat)), (post.title, None)]
    graph = [
        {
            "@type": "NewsArticle",
            "@id": f"{url}#article",
            "isPartOf": {"@id": url},
            "author": {"name": author.name, "@id": _person_id(origin, author)},
            "headline": post.title,
            "datePublished": _utc(published(post)),
            "dateModified": _utc(modified(post)),
            "mainEntityOfPage": {"@id": url},
            "wordCount": len(_words(post)),
            "commentCount": 0,
            "publisher": {"@id": f"{origin}/#organization"},
            "image": {"@id": f"{url}#primaryimage"},
            "thumbnailUrl": image,
            "keywords": [TAG[t].name for t in post.tags],
            "articleSection": [cat.name],
            "inLanguage": "ar",
            "potentialAction": [
                {"@type": "CommentAction", "name": "Comment", "target": [f"{url}#respond"]}
            ],
            "copyrightYear": post.date[:4],
            "copyrightHolder": {"@id": f"{origin}/#organization"},
        },
        {
            "@type": "WebPage",
            "@id": url,
            "url": url,
            "name": title,
            "isPartOf": {"@id": f"{origin}/#website"},
            "primaryImageOfPage": {"@id": f"{url}#primaryimage"},
            "image": {"@id": f"{url}#primaryimage"},
            "thumbnailUrl": image,
            "datePublished": _utc(published(post)),
            "dateModified": _utc(modified(post)),
            "description": _description(post),
            "breadcrumb": {"@id": f"{url}#breadcrumb"},
            "inLanguage": "ar",
            "potentialAction": [{"@type": "ReadAction", "target": [url]}],
        },
        {
            "@type": "ImageObject",
            "inLanguage": "ar",
            "@id": f"{url}#primaryimage",
            "url": image,
            "contentUrl": image,
            "width": 1200,
            "height": 675,
            "caption": post.caption,
        },
        _breadcrumb_node(url, trail),
        *_website_nodes(origin),
        {
            "@type": "Person",
            "@id": _person_id(origin, author),
            "name": author.name,
            "image": {
                "@type": "ImageObject",
                "inLanguage": "ar",
                "@id": f"{origin}/#/schema/person/image/",
                "url": _gravatar(author),
                "contentUrl": _gravatar(author),
                "caption": author.name,
            },
            **({"description": author.bio} if author.bio else {}),
            "url": origin + author_path(author),
        },
    ]
    return {"@context": "https://schema.org", "@graph": graph}


def _collection_schema(origin: str, url: str, name: str, crumb: str, kind: str) -> dict:
    page_type = {"author": "ProfilePage", "page": "WebPage"}.get(kind, "CollectionPage")
    page = {
        "@type": page_type,
        "@id": url,
        "url": url,
        "name": name,
        "isPartOf": {"@id": f"{origin}/#website"},
        "breadcrumb": {"@id": f"{url}#breadcrumb"},
        "inLanguage": "ar",
    }
    if kind == "home":
        page["about"] = {"@id": f"{origin}/#organization"}
        page["description"] = SITE_DESCRIPTION
    trail: list[tuple[str, str | None]] = [("الرئيسية", None if kind == "home" else origin + "/")]
    if kind != "home":
        trail.append((crumb, None))
    return {
        "@context": "https://schema.org",
        "@graph": [page, _breadcrumb_node(url, trail), *_website_nodes(origin)],
    }


def _yoast_head(
    origin: str,
    *,
    title: str,
    url: str,
    og_type: str,
    description: str,
    schema: dict,
    extra: str = "",
    robots: str = "index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1",
) -> str:
    return f"""	<meta name='robots' content='{robots}' />

 <!-- This site is optimized with the Yoast SEO plugin v{YOAST_VERSION} -
https://yoast.com/wordpress/plugins/seo/ -->
 <title>{_e(title)}</title>
 <meta name="description" content="{_a(description)}" />
 <link rel="canonical" href="{url}" />
{extra}	<meta property="og:locale" content="ar_AR" />
 <meta property="og:type" content="{og_type}" />
 <meta property="og:title" content="{_a(title)}" />
 <meta property="og:description" content="{_a(description)}" />
 <meta property="og:url" content="{url}" />
 <meta property="og:site_name" content="{SITE_NAME}" />
 <meta property="article:publisher" content="{FACEBOOK}" />
{{og_extra}}	<meta name="twitter:card" content="summary_large_image" />
 <meta name="twitter:creator" content="@alakhbarpress" />
 <meta name="twitter:site" content="@alakhbarpress" />
{{twitter_extra}}	{_ldjson(schema, "yoast-schema-graph")}
 <!-- / Yoast SEO plugin. -->
"""


# --- page skeleton -----------------------------------------------------------------------------

WPCP_HEAD = """<script id="wpcp_disable_selection" type="text/javascript">
var image_save_msg='You are not allowed to save images!';
 var no_menu_msg='Context Menu disabled!';
 var smessage = "Content is protected !!";

function disableEnterKey(e)
{
 var elemtype = e.target.tagName;
 elemtype = elemtype.toUpperCase();
 if (elemtype == "TEXT" || elemtype == "TEXTAREA" || elemtype == "INPUT" ||
  elemtype == "PASSWORD" || elemtype == "SELECT" || elemtype == "OPTION" || elemtype == "EMBED")
 {
  elemtype = 'TEXT';
 }
 if (e.ctrlKey){
     var key;
     if(window.event)
          key = window.event.keyCode;     //IE
     else
          key = e.which;     //firefox (97)
     if (elemtype!= 'TEXT' && (key == 97 || key == 65 || key == 67 || key == 99 || key == 88 ||
  key == 120 || key == 26 || key == 85  || key == 86 || key == 83 || key == 43 || key == 73))
     {
  if(wccp_free_iscontenteditable(e)) return true;
  show_wpcp_message('You are not allowed to copy content or view source');
  return false;
     }else
      return true;
     }
}

function wccp_free_iscontenteditable(e)
{
 var e = e || window.event;
 var target = e.target || e.srcElement;
 var elemtype = e.target.nodeName;
 elemtype = elemtype.toUpperCase();
 var iscontenteditable = "false";
 if(typeof target.getAttribute!="undefined" )
  iscontenteditable = target.getAttribute("contenteditable");
 var iscontenteditable2 = false;
 if(typeof target.isContentEditable!="undefined" ) iscontenteditable2 = target.isContentEditable;
 if(target.parentElement.isContentEditable) iscontenteditable2 = true;
 if (iscontenteditable == "true" || iscontenteditable2 == true)
 {
  if(typeof target.style!="undefined" ) target.style.cursor = "text";
  return true;
 }
}

function disable_copy(e)
{
 var e = e || window.event;
 var elemtype = e.target.tagName;
 elemtype = elemtype.toUpperCase();
 if (apply_class_exclusion(e) == 'Yes') return true;
 if(wccp_free_iscontenteditable(e)) return true;
 var isSafari = /Safari/.test(navigator.userAgent) && /Apple Computer/.test(navigator.vendor);
 var checker_IMG = '';
 if (elemtype == "IMG" && checker_IMG == 'checked' && e.detail >= 2)
{show_wpcp_message(alertMsg_IMG);return false;}
 if (elemtype != "TEXT" && elemtype != "TEXTAREA" && elemtype != "INPUT" &&
  elemtype != "PASSWORD" && elemtype != "SELECT" && elemtype != "OPTION" && elemtype != "EMBED")
 {
  if (smessage !== "" && e.detail == 2)
   show_wpcp_message(smessage);
  if (isSafari)
   return true;
  else
   return false;
 }
}

function disable_copy_ie()
{
 var e = e || window.event;
 var elemtype = window.event.srcElement.nodeName;
 elemtype = elemtype.toUpperCase();
 if(wccp_free_iscontenteditable(e)) return true;
 if (apply_class_exclusion(e) == 'Yes') return true;
 if (elemtype == "IMG") {show_wpcp_message(alertMsg_IMG);return false;}
 if (elemtype != "TEXT" && elemtype != "TEXTAREA" && elemtype != "INPUT" &&
  elemtype != "PASSWORD" && elemtype != "SELECT" && elemtype != "OPTION" && elemtype != "EMBED")
 {
  return false;
 }
}
function reEnable()
{
 return true;
}
document.onkeydown = disableEnterKey;
document.onselectstart = disable_copy_ie;
if(navigator.userAgent.indexOf('MSIE')==-1)
{
 document.onmousedown = disable_copy;
 document.onclick = reEnable;
}
function disableSelection(target)
{
    if (typeof target.onselectstart!="undefined")
    target.onselectstart = disable_copy_ie;
    else if (typeof target.style.MozUserSelect!="undefined")
    {target.style.MozUserSelect="none";}
    else
    target.onmousedown=function(){return false}
    target.style.cursor = "default";
}
window.onload = function(){disableSelection(document.body);};
var onlongtouch;
var timer;
var touchduration = 1000;
var elemtype = "";
function touchstart(e) {
 var e = e || window.event;
 var target = e.target || e.srcElement;
 elemtype = window.event.srcElement.nodeName;
 elemtype = elemtype.toUpperCase();
 if(!wccp_pro_is_passive()) e.preventDefault();
 if (!timer) {
  timer = setTimeout(onlongtouch, touchduration);
 }
}
function touchend() {
    if (timer) {
        clearTimeout(timer);
        timer = null;
    }
 onlongtouch();
}
onlongtouch = function(e) {
 if (elemtype != "TEXT" && elemtype != "TEXTAREA" && elemtype != "INPUT" &&
  elemtype != "PASSWORD" && elemtype != "SELECT" && elemtype != "EMBED" && elemtype != "OPTION")
 {
  if (window.getSelection) {
   if (window.getSelection().empty) {  // Chrome
   window.getSelection().empty();
   } else if (window.getSelection().removeAllRanges) {  // Firefox
   window.getSelection().removeAllRanges();
   }
  } else if (document.selection) {  // IE?
   document.selection.empty();
  }
  return false;
 }
};
document.addEventListener("DOMContentLoaded", function(event) {
    window.addEventListener("touchstart", touchstart, false);
    window.addEventListener("touchend", touchend, false);
});
function wccp_pro_is_passive() {
  var cold = false,
  hike = function() {};
  try {
   const object1 = {};
  var aid = Object.defineProperty(object1, 'passive', {
  get() {cold = true}
  });
  window.addEventListener('test', hike, aid);
  window.removeEventListener('test', hike, aid);
  } catch (e) {}
  return cold;
}
</script>
<script id="wpcp_disable_Right_Click" type="text/javascript">
document.ondragstart = function() { return false;}
 function nocontext(e) {
    return false;
 }
 document.oncontextmenu = nocontext;
</script>
<style>
.unselectable
{
-moz-user-select:none;
-webkit-user-select:none;
cursor: default;
}
html
{
-webkit-touch-callout: none;
-webkit-user-select: none;
-khtml-user-select: none;
-moz-user-select: none;
-ms-user-select: none;
user-select: none;
-webkit-tap-highlight-color: rgba(0,0,0,0);
}
</style>
<script id="wpcp_css_disable_selection" type="text/javascript">
var e = document.getElementsByTagName('body')[0];
if(e)
{
 e.setAttribute('unselectable',"on");
}
</script>
"""

WPCP_FOOTER = """	<div id="wpcp-error-message"
class="msgmsg-box-wpcp hideme"><span>error: </span>Content is protected !!</div>
 <script>
 var timeout_result;
 function show_wpcp_message(smessage)
 {
  if (smessage !== "" && smessage !== null && smessage !== undefined)
  {
   smessage = (smessage !== "" && smessage !== null && smessage !== undefined) ?
  smessage : "Content is protected !!";
   document.getElementById("wpcp-error-message").innerHTML = smessage;
   document.getElementById("wpcp-error-message").className = "msgmsg-box-wpcp warning-wpcp showme";
   clearTimeout(timeout_result);
   timeout_result = setTimeout(hide_message, 3000);
  }
 }
 function hide_message()
 {
  document.getElementById("wpcp-error-message").className = "msgmsg-box-wpcp warning-wpcp hideme";
 }
 </script>
  <style>
 @media print {
 body * {display: none !important;}
  body:after {
  content: "You are not allowed to print preview this page, Thank you"; }
 }
 </style>
  <style type="text/css">
 #wpcp-error-message {
     direction: ltr;
     text-align: center;
     transition: opacity 900ms ease 0s;
     z-index: 99999999;
 }
 .hideme {
     opacity:0;
     visibility: hidden;
 }
 .showme {
     opacity:1;
     visibility: visible;
 }
 .msgmsg-box-wpcp {
  border:1px solid #f5aca6;
  border-radius: 10px;
  color: #555;
  font-family: Tahoma;
  font-size: 11px;
  margin: 10px;
  padding: 10px 36px;
  position: fixed;
  width: 255px;
  top: 50%;
    left: 50%;
    margin-top: -10px;
    margin-left: -130px;
    -webkit-box-shadow: 0px 0px 34px 2px rgba(242,191,191,1);
  -moz-box-shadow: 0px 0px 34px 2px rgba(242,191,191,1);
  box-shadow: 0px 0px 34px 2px rgba(242,191,191,1);
 }
 .msgmsg-box-wpcp span {
  font-weight:bold;
  text-transform: uppercase;
 }
  .warning-wpcp {
  background:#ffecec
   url('{origin}/wp-content/plugins/wp-content-copy-protector/images/warning.png')
   no-repeat 10px 50%;
 }
    </style>
"""


def _adsense(slot: str, fmt: str = "auto") -> str:
    return (
        f'<ins class="adsbygoogle" style="display:block" data-ad-client="{ADSENSE_CLIENT}" '
        f'data-ad-slot="{slot}" data-ad-format="{fmt}" data-full-width-responsive="true"></ins>\n'
        "<script>\n     (adsbygoogle = window.adsbygoogle || []).push({});\n</script>"
    )


def _stream_item(position: str, slot: str, extra_class: str = "") -> str:
    cls = f"stream-item stream-item-{position}" + (f" {extra_class}" if extra_class else "")
    return f'<div class="{cls}"><div class="stream-item-size">{_adsense(slot)}</div></div>'


def _head(origin: str, yoast: str, *, extra_links: str = "") -> str:
    o = origin
    v = WP_VERSION
    j = JANNAH_VERSION
    theme = f"{o}/wp-content/themes/jannah/assets"
    return f"""<!DOCTYPE html>
<html dir="rtl" lang="ar" class="" data-skin="light">
<head>
 <meta charset="UTF-8" />
 <link rel="profile" href="https://gmpg.org/xfn/11" />
{yoast}

<link rel='dns-prefetch' href='//www.googletagmanager.com' />
<link rel='dns-prefetch' href='//pagead2.googlesyndication.com' />
<link rel="alternate" type="application/rss+xml" title="{SITE_NAME} &laquo; الخلاصة"
href="{o}/feed/" />
<link rel="alternate" type="application/rss+xml" title="{SITE_NAME} &laquo; خلاصة التعليقات"
href="{o}/comments/feed/" />
<style id='wp-img-auto-sizes-contain-inline-css' type='text/css'>
img:is([sizes=auto i],[sizes^="auto," i]){{contain-intrinsic-size:3000px 1500px}}
</style>
<link rel='stylesheet' id='wp-block-library-rtl-css'
href='{o}/wp-includes/css/dist/block-library/style-rtl.min.css?ver={v}' type='text/css'
media='all' />
<link rel='stylesheet' id='tie-css-base-css' href='{theme}/css/base.min.css?ver={j}'
type='text/css' media='all' />
<link rel='stylesheet' id='tie-css-styles-css' href='{theme}/css/style.min.css?ver={j}'
type='text/css' media='all' />
<link rel='stylesheet' id='tie-css-widgets-css' href='{theme}/css/widgets.min.css?ver={j}'
type='text/css' media='all' />
<link rel='stylesheet' id='tie-css-helpers-css' href='{theme}/css/helpers.min.css?ver={j}'
type='text/css' media='all' />
<link rel='stylesheet' id='tie-fontawesome5-css' href='{theme}/css/fontawesome.css?ver={j}'
type='text/css' media='all' />
<link rel='stylesheet' id='tie-css-ilightbox-css'
href='{theme}/ilightbox/dark-skin/skin.css?ver={j}' type='text/css' media='all' />
<link rel='stylesheet' id='tie-css-single-css' href='{theme}/css/single.min.css?ver={j}'
type='text/css' media='all' />
<link rel='stylesheet' id='tie-css-print-css' href='{theme}/css/print.css?ver={j}'
type='text/css' media='print' />
<style id='tie-css-print-inline-css' type='text/css'>
.wf-active body{{font-family: 'Noto Kufi Arabic';}}
  .wf-active .logo-text,.wf-active h1,.wf-active h2,.wf-active h3,.wf-active h4,
  .wf-active h5,.wf-active h6,.wf-active .the-subtitle{{font-family: 'Noto Kufi Arabic';}}
  #main-nav .main-menu > ul > li > a{{font-size: 15px;font-weight: 600;}}
  .entry-header h1.entry-title{{font-size: 30px;line-height: 1.5;}}
  .entry{{font-size: 18px;line-height: 2;}}
  :root:root{{--brand-color: #b5121b;--dark-brand-color: #830000;--bright-color: #FFFFFF;
  --base-color: #2c2f34;}}#top-nav .breaking-title{{color: #FFFFFF;}}
  #top-nav .breaking-title:before{{background-color: #b5121b;}}
  #footer{{background-color: #111111;}}#go-to-top{{background: #b5121b;}}
</style>
<script type="text/javascript" src="{o}/wp-includes/js/jquery/jquery.min.js?ver=3.7.1"
id="jquery-core-js"></script>
<script type="text/javascript" src="{o}/wp-includes/js/jquery/jquery-migrate.min.js?ver=3.4.1"
id="jquery-migrate-js"></script>

<!-- Google tag (gtag.js) snippet added by Site Kit -->
<script type="text/javascript" src="https://www.googletagmanager.com/gtag/js?id={GA_ID}"
id="google_gtagjs-js" async></script>
<script type="text/javascript" id="google_gtagjs-js-after">
/* <![CDATA[ */
window.dataLayer = window.dataLayer || [];function gtag(){{dataLayer.push(arguments);}}
gtag("set","linker",{{"domains":["{o.split("//", 1)[-1]}"]}});
gtag("js", new Date());
gtag("set", "developer_id.dZTNiMT", true);
gtag("config", "{GA_ID}");
/* ]]> */
</script>
<link rel="https://api.w.org/" href="{o}/wp-json/" />
<link rel="EditURI" type="application/rsd+xml" title="RSD" href="{o}/xmlrpc.php?rsd" />
<meta name="generator" content="WordPress {v}" />
{extra_links}<meta name="generator" content="Site Kit by Google 1.148.0" />
{WPCP_HEAD}<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="theme-color" content="#b5121b" /><meta name="viewport"
content="width=device-width, initial-scale=1.0" />
<!-- Google AdSense snippet added by Site Kit -->
<script type="text/javascript" async="async"
src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client={ADSENSE_CLIENT}"
crossorigin="anonymous"></script>
<!-- End Google AdSense snippet added by Site Kit -->
<link rel="icon" href="{o}{FAVICON}" sizes="32x32" />
<link rel="icon" href="{o}/wp-content/uploads/2023/05/cropped-favicon-alakhbar-192x192.png"
sizes="192x192" />
<link rel="apple-touch-icon"
href="{o}/wp-content/uploads/2023/05/cropped-favicon-alakhbar-180x180.png" />
<meta name="msapplication-TileImage"
content="{o}/wp-content/uploads/2023/05/cropped-favicon-alakhbar-270x270.png" />
</head>
"""


def _social_items() -> str:
    items = (
        ("facebook", FACEBOOK, "فيسبوك"),
        ("twitter", TWITTER, "X"),
        ("youtube", YOUTUBE, "‫YouTube"),
        ("instagram", INSTAGRAM, "انستقرام"),
    )
    lis = "".join(
        f'<li class="social-icons-item"><a class="social-link {name}-social-icon" '
        f'rel="external noopener nofollow" target="_blank" href="{href}">'
        f'<span class="tie-social-icon tie-icon-{name}"></span>'
        f'<span class="screen-reader-text">{label}</span></a></li>'
        for name, href, label in items
    )
    return lis


def _social_icons() -> str:
    return f'<ul class="social-icons">{_social_items()}</ul>'


def _menu(origin: str, current: str) -> str:
    entries = [
        ("/", "الرئيسية", 1101, "menu-item-type-custom menu-item-object-custom menu-item-home")
    ]
    ids = {"national": 1102, "societe": 1106, "economie": 1103, "sport": 1104}
    for cat in CATEGORIES:
        entries.append(
            (
                category_path(cat),
                cat.name,
                ids[cat.slug],
                "menu-item-type-taxonomy menu-item-object-category",
            )
        )
    lis = []
    for path, label, item_id, kind in entries:
        cls = f"menu-item {kind} menu-item-{item_id}"
        if path == current:
            cls += " current-menu-item tie-current-menu"
        lis.append(
            f'<li id="menu-item-{item_id}" class="{cls}"><a href="{origin}{path}">{label}</a></li>'
        )
    return "\n".join(lis)


def _header(origin: str, *, is_home: bool, current: str) -> str:
    o = origin
    latest = POSTS[:5]
    ticker = "\n".join(
        f'<li class="news-item"><a href="{o}{post_path(p)}">{_e(p.title)}</a></li>' for p in latest
    )
    site_tag = "h1" if is_home else "div"
    today = NOW
    today_text = (
        f"{WEEKDAYS[today.weekday()]} ,  {today.day}  {MONTHS[today.month - 1]} {today.year}"
    )
    return f"""<body id="tie-body" class="{{body_class}}">

<div class="background-overlay">

<div id="tie-container" class="site tie-container">

<div id="tie-wrapper">

<header id="theme-header"
class="theme-header header-layout-3 main-nav-dark main-nav-default-dark main-nav-below
main-nav-boxed no-stream-item top-nav-active top-nav-light top-nav-default-light top-nav-above
has-shadow has-normal-width-logo mobile-header-default">

<nav id="top-nav" class="has-date-breaking-components top-nav header-nav has-breaking-news"
aria-label="الشريط العلوي">
 <div class="container">
  <div class="topbar-wrapper">
   <div class="topbar-today-date tie-icon">{today_text}</div>
   <div class="tie-alignleft">
    <div class="breaking controls-is-active">
     <span class="breaking-title">
      <span class="tie-icon-bolt breaking-icon" aria-hidden="true"></span>
      <span class="breaking-title-text">عاجل</span>
     </span>
     <ul id="breaking-news-in-header" class="breaking-news" data-type="reveal" data-arrows="true">
{ticker}
     </ul>
    </div><!-- #breaking /-->
   </div><!-- .tie-alignleft /-->
   <div class="tie-alignright">
    <ul class="components">{_social_items()}</ul><!-- Components -->
   </div><!-- .tie-alignright /-->
  </div><!-- .topbar-wrapper /-->
 </div><!-- .container /-->
</nav><!-- #top-nav /-->

<div class="container header-container">
 <div class="tie-row logo-row">
  <div class="logo-wrapper">
   <div class="tie-col-md-4 logo-container clearfix">
    <div id="mobile-header-components-area_1" class="mobile-header-components"><ul
class="components"><li class="mobile-component_menu custom-menu-link"><a href="#"
id="mobile-menu-icon" class=""><span
class="tie-mobile-menu-icon nav-icon is-layout-1"></span><span
class="screen-reader-text">القائمة</span></a></li></ul></div>
  <div id="logo" class="image-logo" style="margin-top: 25px; margin-bottom: 25px;">
   <a title="{SITE_NAME}" href="{o}/">
    <picture class="tie-logo-default tie-logo-picture">
     <source class="tie-logo-source-default tie-logo-source" srcset="{o}{LOGO}">
     <img class="tie-logo-img-default tie-logo-img" src="{o}{LOGO}" alt="{SITE_NAME}"
width="300" height="90" style="max-height:90px; width: auto;" />
    </picture>
   <{site_tag} class="h1-off">{SITE_NAME}</{site_tag}>			</a>
  </div><!-- #logo /-->
   </div><!-- .tie-col /-->
  </div><!-- .logo-wrapper /-->
  <div class="tie-col-md-8 stream-item stream-item-top-wrapper"><div class="stream-item-top"><a
href="https://ad.doubleclick.net/ddm/trackclk/N5472.4069ALAKHBAR/B31874215.398110527"
title="" target="_blank" rel="nofollow noopener"><img
src="{o}/wp-content/uploads/2024/11/banner-pdf-728x90.jpg" alt="" width="728" height="90" />
</a></div></div><!-- .tie-col /-->
 </div><!-- .tie-row /-->
</div><!-- .container /-->

<div class="main-nav-wrapper">
 <nav id="main-nav" data-skin="search-in-main-nav"
class="main-nav header-nav live-search-parent" style="line-height:60px"
aria-label="القائمة الرئيسية">
  <div class="container">
   <div class="main-menu-wrapper">
    <div id="menu-components-wrap">
     <div class="main-menu main-menu-wrap">
      <div id="main-nav-menu" class="main-menu header-menu"><ul id="menu-main-menu" class="menu">
{_menu(o, current)}
</ul></div>
     </div><!-- .main-menu /-->
     <ul class="components">
      <li class="search-compact-icon menu-item custom-menu-link">
       <a href="#" class="tie-search-trigger">
        <span class="tie-icon-search tie-search-icon" aria-hidden="true"></span>
        <span class="screen-reader-text">بحث عن</span>
       </a>
      </li>
     </ul><!-- Components -->
    </div><!-- #menu-components-wrap /-->
   </div><!-- .main-menu-wrapper /-->
  </div><!-- .container /-->
 </nav><!-- #main-nav /-->
</div><!-- .main-nav-wrapper /-->

</header>

<div class="stream-item stream-item-below-header"><div
class="stream-item-size">{_adsense("8142093561")}</div></div>
"""


def _post_list_items(origin: str, posts: Iterable[Post]) -> str:
    lis = []
    for p in posts:
        url = origin + post_path(p)
        lis.append(
            f"""<li class="widget-single-post-item widget-post-list tie-standard">
 <div class="post-widget-thumbnail">
  <a aria-label="{_a(p.title)}" href="{url}" class="post-thumb"><img width="220" height="150"
src="{_image(origin, p, "220x150")}" class="attachment-jannah-image-small
size-jannah-image-small tie-small-image wp-post-image" alt="" decoding="async" loading="lazy" /></a>
 </div><!-- post-alignleft /-->
 <div class="post-widget-body ">
  <a class="post-title the-subtitle" href="{url}">{_e(p.title)}</a>
  <div class="post-meta">
   <span class="date meta-item tie-icon">{_ar_date(published(p))}</span>
  </div>
 </div>
</li>"""
        )
    return "\n".join(lis)


def _widget_posts(origin: str, widget_id: str, title: str, posts: Iterable[Post]) -> str:
    return f"""<div id="{widget_id}" class="container-wrapper widget posts-list"><div
class="widget-title the-global-title has-block-head-4"><div class="the-subtitle">{title}<span
class="widget-title-icon tie-icon"></span></div></div>
<div class="widget-posts-list-wrapper"><div class="widget-posts-list-container" ><ul
class="posts-list-items widget-posts-wrapper">
{_post_list_items(origin, posts)}
</ul></div></div><div class="clearfix"></div></div><!-- .widget /-->"""


def _sidebar(origin: str) -> str:
    popular = sorted(POSTS, key=lambda p: (-p.views, p.post_id))[:5]
    return f"""<aside class="sidebar tie-col-md-4 tie-col-xs-12 normal-side is-sticky"
aria-label="القائمة الجانبية الرئيسية">
 <div class="theiaStickySidebar">
  <div id="stream-item-widget-2" class="container-wrapper widget stream-item-widget"><div
class="stream-item-widget-content">{_adsense("3318465027", "rectangle")}</div><div
class="clearfix"></div></div><!-- .widget /-->
{_widget_posts(origin, "posts-list-widget-2", "آخر الأخبار", POSTS[:5])}
{_widget_posts(origin, "posts-list-widget-3", "الأكثر قراءة", popular)}
  <div id="social-statistics-2" class="container-wrapper widget social-statistics-widget"><div
class="widget-title the-global-title has-block-head-4"><div class="the-subtitle">تابعونا<span
class="widget-title-icon tie-icon"></span></div></div>
   <ul class="solid-social-icons two-cols circle-icons Arqam-Lite">
    <li class="social-icons-item"><a class="facebook-social-icon" href="{FACEBOOK}"
rel="nofollow noopener" target="_blank"><span
class="counter-icon tie-icon-facebook"></span><span class="followers"><span
class="followers-num">1,2M</span><span class="followers-name">معجب</span></span></a></li>
    <li class="social-icons-item"><a class="twitter-social-icon" href="{TWITTER}"
rel="nofollow noopener" target="_blank"><span class="counter-icon tie-icon-twitter"></span><span
class="followers"><span class="followers-num">48K</span><span
class="followers-name">متابع</span></span></a></li>
    <li class="social-icons-item"><a class="youtube-social-icon" href="{YOUTUBE}"
rel="nofollow noopener" target="_blank"><span class="counter-icon tie-icon-youtube"></span><span
class="followers"><span class="followers-num">96K</span><span
class="followers-name">مشترك</span></span></a></li>
    <li class="social-icons-item"><a class="instagram-social-icon" href="{INSTAGRAM}"
rel="nofollow noopener" target="_blank"><span
class="counter-icon tie-icon-instagram"></span><span class="followers"><span
class="followers-num">64K</span><span class="followers-name">متابع</span></span></a></li>
   </ul>
  <div class="clearfix"></div></div><!-- .widget /-->
  <div id="stream-item-widget-4" class="container-wrapper widget stream-item-widget"><div
class="stream-item-widget-content">{_adsense("6074219835", "rectangle")}</div><div
class="clearfix"></div></div><!-- .widget /-->
 </div><!-- .theiaStickySidebar /-->
</aside><!-- .sidebar /-->
"""


def _footer(origin: str, *, singular: bool) -> str:
    o = origin
    cats = "\n".join(
        f'<li class="cat-item cat-item-{c.term_id}"><a href="{o}{category_path(c)}">{c.name}</a> '
        f"<span>{len(_in_category(c))}</span></li>"
        for c in sorted(CATEGORIES, key=lambda c: c.name)
    )
    tie_vars = {
        "is_rtl": "1",
        "ajaxurl": f"{o}/wp-admin/admin-ajax.php",
        "is_side_aside_light": "",
        "is_taqyeem_active": "",
        "is_sticky_video": "",
        "mobile_menu_top": "",
        "mobile_menu_active": "area_1",
        "mobile_menu_parent": "",
        "lightbox_all": "true",
        "lightbox_gallery": "true",
        "lightbox_skin": "dark",
        "lightbox_thumb": "horizontal",
        "lightbox_arrows": "true",
        "is_singular": "1" if singular else "",
        "autoload_posts": "",
        "reading_indicator": "true",
        "lazyload": "",
        "select_share": "true",
        "select_share_twitter": "",
        "select_share_facebook": "",
        "select_share_linkedin": "",
        "select_share_email": "",
        "facebook_app_id": "5303202981",
        "twitter_username": "alakhbarpress",
        "responsive_tables": "true",
        "ad_blocker_detector": "",
        "sticky_behavior": "default",
        "sticky_desktop": "true",
        "sticky_mobile": "true",
        "sticky_mobile_behavior": "default",
        "ajax_loader": '<div class="loader-overlay"><div class="spinner-circle"></div></div>',
        "type_to_search": "",
        "lang_no_results": "لم يتم العثور على نتائج",
        "sticky_share_mobile": "true",
        "sticky_share_post": "",
        "sticky_share_post_menu": "",
    }
    theme = f"{o}/wp-content/themes/jannah/assets"
    j = JANNAH_VERSION
    single_js = (
        f'<script type="text/javascript" src="{theme}/js/single.min.js?ver={j}" '
        'id="tie-js-single-js"></script>\n'
        '<script type="text/javascript" '
        f'src="{o}/wp-includes/js/comment-reply.min.js?ver={WP_VERSION}" '
        'id="comment-reply-js" async="async" data-wp-strategy="async"></script>\n'
        if singular
        else ""
    )
    return f"""<footer id="footer" class="site-footer dark-skin dark-widgetized-area">
 <div id="footer-widgets-container">
  <div class="container">
   <div class="footer-widget-area ">
    <div class="tie-row">
     <div class="tie-col-md-4 normal-side">
      <div id="author-bio-widget-2" class="container-wrapper widget aboutme-widget"><div
class="widget-title the-global-title has-block-head-4"><div class="the-subtitle">عن الأخبار<span
class="widget-title-icon tie-icon"></span></div></div>
       <div class="about-author about-content-wrapper"><img alt=""
src="{o}/wp-content/uploads/2023/05/logo-alakhbar-footer.png"
style="margin-top: 0px; margin-bottom: 10px;" width="280" height="84">
        <div class="aboutme-widget-content">\
جريدة الأخبار يومية مغربية مستقلة، تصدر عن شركة الأخبار للنشر، وتواكب على مدار الساعة \
أخبار المغرب والعالم في السياسة والاقتصاد والمجتمع والرياضة.</div>
        <div class="clearfix"></div>
       </div><!-- .about-widget-content -->
      <div class="clearfix"></div></div><!-- .widget /-->
     </div><!-- .tie-col /-->
     <div class="tie-col-md-4 normal-side">
      <div id="categories-2" class="container-wrapper widget widget_categories"><div
class="widget-title the-global-title has-block-head-4"><div class="the-subtitle">الأقسام<span
class="widget-title-icon tie-icon"></span></div></div>
   <ul>
{cats}
   </ul>
   <div class="clearfix"></div></div><!-- .widget /-->
     </div><!-- .tie-col /-->
     <div class="tie-col-md-4 normal-side">
{_widget_posts(o, "posts-list-widget-5", "اخترنا لكم", POSTS[2:5])}
     </div><!-- .tie-col /-->
    </div><!-- .tie-row /-->
   </div><!-- .footer-widget-area /-->
  </div><!-- .container /-->
 </div><!-- #Footer-widgets-container /-->

 <div id="site-info" class="site-info site-info-layout-2">
  <div class="container">
   <div class="tie-row">
    <div class="tie-col-md-12">
     <div class="copyright-text copyright-text-first">\
&copy; حقوق النشر {NOW.year}، جميع الحقوق محفوظة لجريدة الأخبار</div>
     <div class="footer-menu"><ul id="menu-footer-menu" class="menu"><li id="menu-item-1201"
class="menu-item menu-item-type-post_type menu-item-object-page menu-item-1201"><a
href="{o}/contact/">اتصل بنا</a></li>
<li id="menu-item-1202"
class="menu-item menu-item-type-post_type menu-item-object-page menu-item-privacy-policy
menu-item-1202"><a rel="privacy-policy" href="{o}/privacy-policy/">سياسة الخصوصية</a></li>
</ul></div>{_social_icons()}
    </div><!-- .tie-col /-->
   </div><!-- .tie-row /-->
  </div><!-- .container /-->
 </div><!-- #site-info /-->
</footer><!-- #footer /-->

{{mobile_share}}
  <a id="go-to-top" class="go-to-top-button" href="#go-to-tie-body">
   <span class="tie-icon-angle-up"></span>
   <span class="screen-reader-text">زر الذهاب إلى الأعلى</span>
  </a>

 </div><!-- #tie-wrapper /-->

 <aside
class=" side-aside normal-side dark-skin dark-widgetized-area slide-sidebar-desktop is-fullwidth
appear-from-left" aria-label="القائمة الجانبية الثانوية" style="visibility: hidden;">
  <div data-height="100%" class="side-aside-wrapper has-custom-scroll">
   <a href="#" class="close-side-aside remove big-btn">
    <span class="screen-reader-text">إغلاق</span>
   </a><!-- .close-side-aside /-->
   <div id="mobile-container">
    <div id="mobile-search">
     <form role="search" method="get" class="search-form" action="{o}/">
      <label>
       <span class="screen-reader-text">البحث عن:</span>
       <input type="search" class="search-field" placeholder="بحث &hellip;" value="" name="s" />
      </label>
      <input type="submit" class="search-submit" value="بحث" />
     </form>
    </div><!-- #mobile-search /-->
    <div id="mobile-menu" class="hide-menu-icons">
    </div><!-- #mobile-menu /-->
    <div id="mobile-social-icons" class="social-icons-widget solid-social-icons">
     {_social_icons()}
    </div><!-- #mobile-social-icons /-->
   </div><!-- #mobile-container /-->
  </div><!-- .side-aside-wrapper /-->
 </aside><!-- .side-aside /-->

</div><!-- #tie-container /-->

</div><!-- .background-overlay /-->

{WPCP_FOOTER.replace("{origin}", o)}<div id="reading-position-indicator"></div><div
id="autocomplete-suggestions" class="autocomplete-suggestions"></div><div
id="is-scroller-outer"><div id="is-scroller"></div></div><div id="fb-root"></div>		<div
id="tie-popup-search-desktop" class="tie-popup tie-popup-search-wrap" style="display: none;">
   <a href="#" class="tie-btn-close remove big-btn light-btn">
    <span class="screen-reader-text">إغلاق</span>
   </a>
   <div class="popup-search-wrap-inner">
    <div class="live-search-parent pop-up-live-search" data-skin="live-search-popup"
aria-label="بحث">
     <form method="get" class="tie-search-form" action="{o}/">
      <input class="tie-popup-search-input " inputmode="search" type="text" name="s"
title="بحث عن" autocomplete="off" placeholder="اكتب كلمة البحث ثم اضغط على زر الإدخال" />
      <button class="tie-popup-search-submit" type="submit">
       <span class="tie-icon-search tie-search-icon" aria-hidden="true"></span>
       <span class="screen-reader-text">بحث عن</span>
      </button>
     </form>
    </div><!-- .pop-up-live-search /-->
   </div><!-- .popup-search-wrap-inner /-->
  </div><!-- .tie-popup-search-wrap /-->
  <script type="text/javascript" id="tie-scripts-js-extra">
/* <![CDATA[ */
var tie = {_wp_json(tie_vars)};
/* ]]> */
</script>
<script type="text/javascript" src="{theme}/js/scripts.min.js?ver={j}" id="tie-scripts-js"></script>
<script type="text/javascript" src="{theme}/ilightbox/lightbox.js?ver={j}"
id="tie-js-ilightbox-js"></script>
<script type="text/javascript" src="{theme}/js/sliders.min.js?ver={j}"
id="tie-js-sliders-js"></script>
{single_js}<script type="text/javascript" src="{theme}/js/desktop.min.js?ver={j}"
id="tie-js-desktop-js"></script>
<script type="text/javascript" src="{theme}/js/live-search.js?ver={j}"
id="tie-js-livesearch-js"></script>
<script type="text/javascript" src="{theme}/js/br-news.js?ver={j}" id="tie-js-breaking-js"></script>
  <script type='text/javascript'>
   !function(t){{"use strict";t.loadCSS||(t.loadCSS=function(){{}});
  var e=loadCSS.relpreload={{}};if(e.support=function(){{var e;
  try{{e=t.document.createElement("link").relList.supports("preload")}}catch(t){{e=!1}}
  return function(){{return e}}}}(),e.bindMediaToggle=function(t){{var e=t.media||"all";
  function a(){{t.media=e}}
  t.addEventListener?t.addEventListener("load",a):t.attachEvent&&t.attachEvent("onload",a),
  setTimeout(function(){{t.rel="stylesheet",t.media="only x"}}),setTimeout(a,3e3)}},
  !e.support()){{}}}}("undefined"!=typeof global?global:this);
  </script>
  <script type='text/javascript'>
   WebFontConfig ={{
    google: {{
     families: [ 'Noto+Kufi+Arabic:600,regular,700:arabic&display=swap' ]
    }}
   }};
   !function(){{var t=document.createElement("script");
  t.src="https://ajax.googleapis.com/ajax/libs/webfont/1.6.26/webfont.js",
  t.type="text/javascript",t.defer=!0;var e=document.getElementsByTagName("script")[0];
  e.parentNode.insertBefore(t,e)}}();
  </script>
</body>
</html>
"""


def _document(
    origin: str,
    yoast: str,
    *,
    body_class: str,
    main: str,
    current: str,
    is_home: bool = False,
    singular: bool = False,
    extra_links: str = "",
    og_extra: str = "",
    twitter_extra: str = "",
    mobile_share: str = "",
) -> bytes:
    yoast = yoast.replace("{og_extra}", og_extra).replace("{twitter_extra}", twitter_extra)
    header = _header(origin, is_home=is_home, current=current).replace("{body_class}", body_class)
    footer = _footer(origin, singular=singular).replace("{mobile_share}", mobile_share)
    html = (
        _head(origin, yoast, extra_links=extra_links)
        + header
        + '\n<div id="content" class="site-content container"><div id="main-content-row" '
        'class="tie-row main-content-row">\n'
        + main
        + _sidebar(origin)
        + "\t</div><!-- .main-content-row /--></div><!-- #content /-->\n"
        + footer
    )
    return html.encode("utf-8")


# --- single post -----------------------------------------------------------------------------


def _breadcrumb_html(origin: str, trail: list[tuple[str, str]], current: str) -> str:
    parts = [
        f'<a href="{origin}/"><span class="tie-icon-home" aria-hidden="true"></span> الرئيسية</a>'
    ]
    parts += [f'<a href="{origin}{path}">{_e(name)}</a>' for name, path in trail]
    parts.append(f'<span class="current">{_e(current)}</span>')
    return '<nav id="breadcrumb">' + '<em class="delimiter">/</em>'.join(parts) + "</nav>"


def _category_trail(cat: Category) -> list[tuple[str, str]]:
    trail = []
    if cat.parent:
        parent = CATEGORY[cat.parent]
        trail.append((parent.name, category_path(parent)))
    trail.append((cat.name, category_path(cat)))
    return trail


def _body_html(origin: str, post: Post) -> str:
    out = []
    items: list[str] = []
    paragraphs = 0
    for kind, text in post.blocks:
        if kind != "li" and items:
            out.append("<ul>\n" + "\n".join(items) + "\n</ul>")
            items = []
        if kind == "p":
            out.append(f"<p>{_e(text)}</p>")
            paragraphs += 1
            if paragraphs == 2:
                out.append(
                    _stream_item("in-post", "2675019384", "stream-item-inline-post aligncenter")
                )
        elif kind in ("h2", "h3"):
            out.append(f"<{kind}>{_e(text)}</{kind}>")
        elif kind == "quote":
            out.append(f"<blockquote><p>{_e(text)}</p></blockquote>")
        elif kind == "li":
            items.append(f"<li>{_e(text)}</li>")
        elif kind == "readalso":
            other = POST[int(text)]
            out.append(
                f'<p><strong>اقرأ أيضا:</strong> <a href="{origin}{post_path(other)}">'
                f"{_e(other.title)}</a></p>"
            )
    if items:
        out.append("<ul>\n" + "\n".join(items) + "\n</ul>")
    return "\n".join(out)


def _share_links(origin: str, post: Post, css: str) -> str:
    url = origin + post_path(post)
    u = quote(url, safe="")
    t = quote(post.title, safe="")
    buttons = (
        ("facebook", f"https://www.facebook.com/sharer.php?u={u}", "فيسبوك", "facebook"),
        ("twitter", f"https://x.com/intent/post?text={t}&amp;url={u}", "X", "twitter"),
        ("whatsapp", f"https://api.whatsapp.com/send?text={t}%20{u}", "واتساب", "whatsapp"),
        (
            "telegram",
            f"https://telegram.me/share/url?url={u}&amp;text={t}",
            "تيلقرام",
            "paper-plane",
        ),
        ("email", f"mailto:?subject={t}&amp;body={u}", "مشاركة عبر البريد", "envelope"),
        ("print", "#", "طباعة", "print"),
    )
    links = "\n".join(
        f'\t\t\t<a href="{href}" rel="external noopener nofollow" title="{label}" target="_blank" '
        f'class="{name}-share-btn "><span class="share-btn-icon tie-icon-{icon}"></span> '
        f'<span class="screen-reader-text">{label}</span></a>'
        for name, href, label, icon in buttons
    )
    return f"""<div id="share-buttons-{css}" class="share-buttons share-buttons-{css}">
 <div class="share-links  icons-only">
  <div class="share-title"><span class="tie-icon-share"
aria-hidden="true"></span><span> شارك</span></div>
{links}
 </div><!-- .share-links /-->
</div><!-- .share-buttons /-->
"""


def _related(post: Post) -> list[Post]:
    cat = CATEGORY[post.category]
    family = {cat.slug, cat.parent} - {""}
    same = [
        p
        for p in POSTS
        if p is not post and (p.category in family or CATEGORY[p.category].parent in family)
    ]
    others = [p for p in POSTS if p is not post and p not in same]
    return (same + others)[:3]


def _related_html(origin: str, post: Post) -> str:
    items = []
    for p in _related(post):
        url = origin + post_path(p)
        items.append(
            f"""	<div class="related-item tie-standard">
  <a aria-label="{_a(p.title)}" href="{url}" class="post-thumb"><img width="390" height="220"
src="{_image(origin, p, "390x220")}" class="attachment-jannah-image-large
size-jannah-image-large wp-post-image" alt="" decoding="async" loading="lazy" /></a>
  <h3 class="post-title"><a href="{url}">{_e(p.title)}</a></h3>
  <div class="post-meta clearfix"><span
class="date meta-item tie-icon">{_ar_date(published(p))}</span></div><!-- .post-meta -->
 </div><!-- .related-item /-->"""
        )
    return f"""<div id="related-posts" class="container-wrapper has-extra-post">
 <div class="mag-box-title the-global-title has-block-head-4">
  <h3>مقالات ذات صلة</h3>
 </div>
 <div class="related-posts-list">
{chr(10).join(items)}
 </div>
</div>
"""


def _comment_form(origin: str, post: Post) -> str:
    url = origin + post_path(post)
    return f"""<div id="comments" class="comments-area">
  <div id="add-comment-block" class="container-wrapper">
  <div id="respond" class="comment-respond">
  <h3 id="reply-title" class="comment-reply-title the-global-title has-block-head-4">اترك تعليقاً \
<small><a rel="nofollow" id="cancel-comment-reply-link" href="{url}#respond" style="display:none;">\
إلغاء الرد</a></small></h3>\
<form action="{origin}/wp-comments-post.php" method="post" id="commentform" class="comment-form">\
<p class="comment-notes"><span id="email-notes">لن يتم نشر عنوان بريدك الإلكتروني.</span> \
<span class="required-field-message">الحقول الإلزامية مشار إليها بـ \
<span class="required">*</span></span></p>\
<p class="comment-form-comment"><label for="comment">التعليق <span class="required">*</span>\
</label> <textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required>\
</textarea></p><p class="comment-form-author"><label for="author">الاسم \
<span class="required">*</span></label> <input id="author" name="author" type="text" value="" \
size="30" maxlength="245" autocomplete="name" required /></p>
<p class="comment-form-email"><label for="email">البريد الإلكتروني <span class="required">*</span>\
</label> <input id="email" name="email" type="email" value="" size="30" maxlength="100" \
aria-describedby="email-notes" autocomplete="email" required /></p>
<p class="comment-form-url"><label for="url">الموقع الإلكتروني</label> <input id="url" name="url" \
type="url" value="" size="30" maxlength="200" autocomplete="url" /></p>
<p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" \
name="wp-comment-cookies-consent" type="checkbox" value="yes" /> \
<label for="wp-comment-cookies-consent">\
احفظ اسمي، بريدي الإلكتروني، والموقع الإلكتروني في هذا المتصفح لاستخدامها المرة المقبلة في تعليقي.\
</label></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" \
value="إرسال التعليق" /> <input type='hidden' name='comment_post_ID' value='{post.post_id}' \
id='comment_post_ID' />
<input type='hidden' name='comment_parent' id='comment_parent' value='0' />
</p></form>  </div><!-- #respond -->
 </div><!-- #add-comment-block /-->
</div><!-- .comments-area -->
"""


def _post_meta(origin: str, post: Post) -> str:
    author = AUTHOR[post.author]
    return f"""<div id="single-post-meta" class="post-meta clearfix"><span
class="author-meta single-author no-avatars"><span
class="meta-item meta-author-wrapper meta-author-{author.user_id}"><span class="meta-author"><a
href="{origin}{author_path(author)}" class="author-name tie-icon"
title="{_a(author.name)}">{_e(author.name)}</a></span></span></span><span class="date meta-item
tie-icon">{_ar_date(published(post))}</span><div class="tie-alignright"><span
class="meta-comment tie-icon meta-item fa-before">0</span><span class="meta-views meta-item
warm"><span class="tie-icon-fire" aria-hidden="true"></span> {post.views:,} </span><span
class="meta-reading-time meta-item"><span class="tie-icon-bookmark" aria-hidden="true"></span>
{_reading_time(post)}</span> </div></div><!-- .post-meta -->"""


def _jannah_schema(origin: str, post: Post) -> str:
    """Jannah's own structured data (theme option), printed after the post with local times."""
    url = origin + post_path(post)
    data = {
        "@context": "http://schema.org",
        "@type": "NewsArticle",
        "dateCreated": published(post).isoformat(),
        "datePublished": published(post).isoformat(),
        "dateModified": modified(post).isoformat(),
        "headline": post.title,
        "name": post.title,
        "keywords": ",".join(TAG[t].name for t in post.tags),
        "url": url,
        "description": _excerpt(post, 30),
        "copyrightYear": post.date[:4],
        "articleSection": CATEGORY[post.category].name,
        "articleBody": "\n".join(post.paragraphs),
        "publisher": {
            "@id": "#Publisher",
            "@type": "Organization",
            "name": SITE_NAME,
            "logo": {"@type": "ImageObject", "url": origin + LOGO},
            "sameAs": [FACEBOOK, TWITTER, YOUTUBE, INSTAGRAM],
        },
        "sourceOrganization": {"@id": "#Publisher"},
        "copyrightHolder": {"@id": "#Publisher"},
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "author": {
            "@type": "Person",
            "name": AUTHOR[post.author].name,
            "url": origin + author_path(AUTHOR[post.author]),
        },
        "image": {
            "@type": "ImageObject",
            "url": _image(origin, post),
            "width": 1200,
            "height": 675,
        },
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("/", "\\/")
    return f'<script id="tie-schema-json" type="application/ld+json">{text}</script>'


def article_page(origin: str, post: Post) -> bytes:
    o = origin
    url = o + post_path(post)
    cat = CATEGORY[post.category]
    author = AUTHOR[post.author]
    title = f"{post.title} - {SITE_NAME}"
    yoast = _yoast_head(
        o,
        title=title,
        url=url,
        og_type="article",
        description=_description(post),
        schema=_article_schema(o, post),
    )
    og_extra = (
        f' <meta property="article:published_time" content="{_utc(published(post))}" />\n'
        f' <meta property="article:modified_time" content="{_utc(modified(post))}" />\n'
        f' <meta property="og:image" content="{_image(o, post)}" />\n'
        ' <meta property="og:image:width" content="1200" />\n'
        ' <meta property="og:image:height" content="675" />\n'
        ' <meta property="og:image:type" content="image/jpeg" />\n'
        f' <meta name="author" content="{_a(author.name)}" />\n'
    )
    twitter_extra = (
        ' <meta name="twitter:label1" content="كُتب بواسطة" />\n'
        f' <meta name="twitter:data1" content="{_a(author.name)}" />\n'
        ' <meta name="twitter:label2" content="وقت القراءة المُقدّر" />\n'
        f' <meta name="twitter:data2" content="{_reading_time(post)}" />\n'
    )
    extra_links = (
        f'<link rel="alternate" title="JSON" type="application/json" '
        f'href="{o}/wp-json/wp/v2/posts/{post.post_id}" />\n'
        f"<link rel='shortlink' href='{o}/?p={post.post_id}' />\n"
        f'<link rel="alternate" title="oEmbed (JSON)" type="application/json+oembed" '
        f'href="{o}/wp-json/oembed/1.0/embed?url={quote(url, safe="")}" />\n'
    )
    if post.amp:
        extra_links += f'<link rel="amphtml" href="{o}{amp_path(post)}">'
        extra_links += (
            '<meta name="generator" content="AMP Plugin v2.5.5; mode=reader; theme=legacy">\n'
        )
    tags = "".join(
        f'<a href="{o}{tag_path(TAG[t])}" rel="tag">{_e(TAG[t].name)}</a>' for t in post.tags
    )
    cat_classes = " ".join(f"category-{s}" for s in (cat.slug, cat.parent) if s)
    tag_classes = " ".join(f"tag-{t}" for t in post.tags)
    main = f"""
 <div class="main-content tie-col-md-8 tie-col-xs-12" role="main">

  {_stream_item("above-post", "9051736248")}
 <article id="the-post" class="container-wrapper post-content tie-standard">

  <header class="entry-header-outer">
   {_breadcrumb_html(o, _category_trail(cat), post.title)}
   <div class="entry-header">
    <span class="post-cat-wrap"><a class="post-cat tie-cat-{cat.term_id}"
href="{o}{category_path(cat)}">{cat.name}</a></span>
    <h1 class="post-title entry-title">{_e(post.title)}</h1>
    {_post_meta(o, post)}
   </div><!-- .entry-header /-->
  </header><!-- .entry-header-outer /-->

  <div  class="featured-area"><div class="featured-area-inner"><figure
class="single-featured-image"><img width="780" height="470" src="{_image(o, post, "780x470")}"
class="attachment-jannah-image-post size-jannah-image-post wp-post-image" alt=""
data-main-img="1" decoding="async" fetchpriority="high" />
      <figcaption class="single-caption-text">
       <span class="tie-icon-camera" aria-hidden="true"></span> {_e(post.caption)}
      </figcaption>
     </figure></div></div>

  <div class="entry-content entry clearfix">

   {_stream_item("above-post-content", "5529604718")}
{_body_html(o, post)}
   {_stream_item("below-post-content", "1460287395")}
   <div class="post-bottom-meta post-bottom-tags post-tags-modern"><div
class="post-bottom-meta-title"><span class="tie-icon-tags"
aria-hidden="true"></span> الوسوم</div><span class="tagcloud">{tags}</span></div>

  </div><!-- .entry-content /-->

  {_jannah_schema(o, post)}
  <div class="clearfix"></div>
  <script id="tie-post-views-js">
   jQuery.ajax({{type : "GET", url : "{o}/wp-admin/admin-ajax.php",
  data : "postviews_id={post.post_id}&action=tie_postviews", cache: !1,
  success : function( data ){{ jQuery("#single-post-meta").find(".meta-views").html( data ); }} }});
  </script>

{_share_links(o, post, "bottom")}
 </article><!-- #the-post /-->

 {_stream_item("below-post", "7738215460")}
 <div class="post-components">

{_related_html(o, post)}
{_comment_form(o, post)}
 </div><!-- .post-components /-->

 </div><!-- .main-content -->

"""
    body_class = (
        f"rtl wp-singular post-template-default single single-post postid-{post.post_id} "
        f"single-format-standard unselectable tie-no-js wrapper-has-shadow block-head-4 "
        f"magazine2 is-thumb-overlay-disabled is-desktop is-header-layout-3 has-header-ad "
        f"has-header-below-ad sidebar-left has-sidebar post-layout-1 narrow-title-narrow-media "
        f"is-standard-format has-mobile-share hide_share_post_top {cat_classes} {tag_classes}"
    )
    return _document(
        o,
        yoast,
        body_class=body_class,
        main=main,
        current="",
        singular=True,
        extra_links=extra_links,
        og_extra=og_extra,
        twitter_extra=twitter_extra,
        mobile_share=_share_links(o, post, "mobile")
        + '<div class="mobile-share-buttons-spacer"></div>\n',
    )


# --- AMP (AMP plugin, reader mode, legacy template) ------------------------------------------


def amp_page(origin: str, post: Post) -> bytes:
    o = origin
    url = o + post_path(post)
    author = AUTHOR[post.author]
    cat = CATEGORY[post.category]
    body = []
    items: list[str] = []
    for kind, text in post.blocks:
        if kind != "li" and items:
            body.append("<ul>" + "".join(items) + "</ul>")
            items = []
        if kind == "p":
            body.append(f"<p>{_e(text)}</p>")
        elif kind in ("h2", "h3"):
            body.append(f"<{kind}>{_e(text)}</{kind}>")
        elif kind == "quote":
            body.append(f"<blockquote><p>{_e(text)}</p></blockquote>")
        elif kind == "li":
            items.append(f"<li>{_e(text)}</li>")
        elif kind == "readalso":
            other = POST[int(text)]
            body.append(
                f'<p><strong>اقرأ أيضا:</strong> <a href="{o}{post_path(other)}">'
                f"{_e(other.title)}</a></p>"
            )
    if items:
        body.append("<ul>" + "".join(items) + "</ul>")
    tags = ", ".join(
        f'<a href="{o}{tag_path(TAG[t])}" rel="tag">{_e(TAG[t].name)}</a>' for t in post.tags
    )
    schema = _article_schema(o, post)
    html = f"""<!DOCTYPE html>
<html amp lang="ar" dir="rtl" i-amphtml-layout="" i-amphtml-no-boilerplate=""
transformed="self;v=1">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,minimum-scale=1">
<link rel="preconnect" href="https://cdn.ampproject.org">
<style amp-runtime=""
i-amphtml-version="012502111731000">html{{overflow-x:hidden!important}}
  html.i-amphtml-fie{{height:100%!important;width:100%!important}}body{{margin:0!important}}</style>
<script async="" src="https://cdn.ampproject.org/v0.js" crossorigin="anonymous"></script>
<script src="https://cdn.ampproject.org/v0/amp-analytics-0.1.js" async=""
custom-element="amp-analytics" crossorigin="anonymous"></script>
<script src="https://cdn.ampproject.org/v0/amp-ad-0.1.js" async="" custom-element="amp-ad"
crossorigin="anonymous"></script>
<style
amp-custom="">#amp-mobile-version-switcher{{left:0;position:absolute;width:100%;z-index:100}}
  .amp-wp-header{{background-color:#b5121b}}.amp-wp-header div{{color:#fff;font-size:1em;
  font-weight:400;margin:0 auto;max-width:calc(840px - 32px);padding:.875em 16px;
  position:relative}}.amp-wp-article{{color:#353535;font-weight:400;margin:1.5em auto;
  max-width:840px;overflow-wrap:break-word;word-wrap:break-word}}.amp-wp-title{{color:#353535;
  display:block;flex:1 0 100%;font-weight:900;margin:0 0 .625em;width:100%}}
  .amp-wp-meta{{color:#696969;display:inline-block;flex:2 1 50%;font-size:.875em;
  line-height:1.5em;margin:0 0 1.5em;padding:0}}.amp-wp-footer{{border-top:1px solid #c2c2c2;
  margin:calc(1.5em - 1px) 0 0}}</style>
<meta name="generator" content="AMP Plugin v2.5.5; mode=reader; theme=legacy">
<meta name="generator" content="WordPress {WP_VERSION}">
<meta name='robots'
content='index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1' />
<title>{_e(post.title)} - {SITE_NAME}</title>
<link rel="canonical" href="{url}" />
<meta property="og:locale" content="ar_AR" />
<meta property="og:type" content="article" />
<meta property="og:title" content="{_a(post.title)} - {SITE_NAME}" />
<meta property="og:description" content="{_a(_description(post))}" />
<meta property="og:url" content="{url}" />
<meta property="og:site_name" content="{SITE_NAME}" />
<meta property="article:published_time" content="{_utc(published(post))}" />
<meta property="article:modified_time" content="{_utc(modified(post))}" />
<meta property="og:image" content="{_image(o, post)}" />
<meta name="author" content="{_a(author.name)}" />
{_ldjson(schema, "yoast-schema-graph")}
</head>
<body class="">
<header id="top" class="amp-wp-header">
 <div>
  <a href="{o}/">
   <amp-img src="{o}{FAVICON}" width="32" height="32" class="amp-wp-site-icon"
layout="intrinsic"></amp-img>
   <span class="amp-site-title">{SITE_NAME}</span>
  </a>
 </div>
</header>

<article class="amp-wp-article">
 <header class="amp-wp-article-header">
  <h1 class="amp-wp-title">{_e(post.title)}</h1>
  <div class="amp-wp-meta amp-wp-byline">
   <amp-img src="{_a(_gravatar(author))}" alt="{_a(author.name)}" width="24" height="24"
layout="fixed"></amp-img>
   <span class="amp-wp-author author vcard">{_e(author.name)}</span>
  </div>
  <div class="amp-wp-meta amp-wp-posted-on">
   <time datetime="{_utc(published(post))}">{_ar_date(published(post))}</time>
  </div>
 </header>

 <figure class="amp-wp-article-featured-image wp-caption">
  <amp-img width="780" height="470" src="{_image(o, post, "780x470")}"
class="attachment-large size-large wp-post-image amp-wp-enforced-sizes" alt=""
layout="intrinsic"></amp-img>
  <p class="wp-caption-text">{_e(post.caption)}</p>
 </figure>

 <amp-ad width="100vw" height="320" type="adsense" data-ad-client="{ADSENSE_CLIENT}"
data-ad-slot="4193028571" data-auto-format="rspv" data-full-width=""><div
overflow=""></div></amp-ad>

 <div class="amp-wp-article-content">
  {(chr(10) + "		").join(body)}
 </div>

 <footer class="amp-wp-article-footer">
  <div class="amp-wp-meta amp-wp-tax-category">
   التصنيفات: <a href="{o}{category_path(cat)}" rel="category tag">{cat.name}</a>
  </div>
  <div class="amp-wp-meta amp-wp-tax-tag">
   الوسوم: {tags}
  </div>
  <div class="amp-wp-meta amp-wp-comments-link">
   <a href="{url}#respond">
    اترك تعليقاً
   </a>
  </div>
 </footer>
</article>

<footer class="amp-wp-footer">
 <div>
  <h2>{SITE_NAME}</h2>
  <a href="#top" class="back-to-top">العودة إلى الأعلى</a>
 </div>
</footer>

<div id="amp-mobile-version-switcher">
 <a rel="nofollow" href="{url}?noamp=mobile">
  الرجوع إلى النسخة غير المسرّعة	</a>
</div>

<amp-analytics type="gtag" data-credentials="include"><script
type="application/json">{{"vars":{{"gtag_id":"{GA_ID}","config":{{"{GA_ID}":{{"groups":"default"}}}}}}}}</script></amp-analytics>
</body>
</html>
"""
    return html.encode("utf-8")


# --- listings ----------------------------------------------------------------------------------


def _teaser(origin: str, post: Post) -> str:
    url = origin + post_path(post)
    cat = CATEGORY[post.category]
    author = AUTHOR[post.author]
    classes = (
        f"post-item  post-{post.post_id} post type-post status-publish format-standard "
        f"has-post-thumbnail category-{cat.slug} tie-standard"
    )
    return f"""<li class="{classes}">

 <a aria-label="{_a(post.title)}" href="{url}" class="post-thumb"><span
class="post-cat-wrap"><span class="post-cat tie-cat-{cat.term_id}">{cat.name}</span></span><img
width="390" height="220" src="{_image(origin, post, "390x220")}"
class="attachment-jannah-image-large size-jannah-image-large wp-post-image" alt=""
decoding="async" loading="lazy" /></a>
 <div class="post-details">

  <div class="post-meta clearfix"><span class="author-meta single-author no-avatars"><span
class="meta-item meta-author-wrapper meta-author-{author.user_id}"><span class="meta-author"><a
href="{origin}{author_path(author)}" class="author-name tie-icon"
title="{_a(author.name)}">{_e(author.name)}</a></span></span></span><span class="date meta-item
tie-icon">{_ar_date(published(post))}</span><div class="tie-alignright"><span
class="meta-comment tie-icon meta-item fa-before">0</span><span class="meta-views meta-item
"><span class="tie-icon-fire" aria-hidden="true"></span> {post.views:,} </span></div></div><!--
.post-meta -->
    <h2 class="post-title"><a href="{url}">{_e(post.title)}</a></h2>

      <p class="post-excerpt">{_e(_excerpt(post, 22))} &hellip;</p>
    <a class="more-link button" href="{url}">أكمل القراءة &raquo;</a>
 </div>
</li>
"""


def _pagination(origin: str, base: str, page: int, pages: int) -> str:
    if pages <= 1:
        return ""
    items = []
    if page > 1:
        items.append(
            f'<li class="first-page first-last-pages"><a class="pages-nav-item" '
            f'href="{origin}{base}" title="الأولى"><span class="pagination-icon" '
            f'aria-hidden="true"></span>الأولى</a></li>'
        )
        items.append(
            f'<li class="the-prev-page"><a href="{origin}{_paged(base, page - 1)}" >'
            "&raquo;</a></li>"
        )
    for n in range(1, pages + 1):
        if n == page:
            items.append(f'<li class="current"><span class="pages-nav-item">{n}</span></li>')
        else:
            items.append(
                f'<li><a class="pages-nav-item" href="{origin}{_paged(base, n)}" '
                f'title="{n}">{n}</a></li>'
            )
    if page < pages:
        items.append(
            f'<li class="the-next-page"><a href="{origin}{_paged(base, page + 1)}" >'
            "&laquo;</a></li>"
        )
        items.append(
            f'<li class="last-page first-last-pages"><a class="pages-nav-item" '
            f'href="{origin}{_paged(base, pages)}" title="الأخيرة">الأخيرة <span '
            f'class="pagination-icon" aria-hidden="true"></span></a></li>'
        )
    return (
        '<div class="pages-nav">\n\t<ul class="pages-numbers">\n\t\t'
        + "\n\t\t".join(items)
        + "\n\t</ul>\n</div>\n"
    )


def archive_page(
    origin: str,
    *,
    kind: str,
    base: str,
    heading: str,
    crumb: str,
    posts: list[Post],
    page: int,
    body_class: str,
    description: str = "",
    intro: str = "",
) -> bytes:
    o = origin
    pages = max(1, ceil(len(posts) / PER_PAGE))
    chunk = posts[(page - 1) * PER_PAGE : page * PER_PAGE]
    url = o + _paged(base, page)
    suffix = f" - الصفحة {page} من {pages}" if page > 1 else ""
    title = f"{crumb}{suffix} - {SITE_NAME}"
    rel = ""
    if page > 1:
        rel += f' <link rel="prev" href="{o}{_paged(base, page - 1)}" />\n'
    if page < pages:
        rel += f' <link rel="next" href="{o}{_paged(base, page + 1)}" />\n'
    yoast = _yoast_head(
        o,
        title=title,
        url=url,
        og_type="profile" if kind == "author" else "article",
        description=description or f"{crumb} - {SITE_DESCRIPTION}",
        schema=_collection_schema(o, url, title, crumb, kind),
        extra=rel,
    )
    teasers = "".join(_teaser(o, p) for p in chunk)
    desc_html = (
        f'\n\t\t\t<div class="taxonomy-description entry"><p>{_e(description)}</p></div>'
        if description and page == 1
        else ""
    )
    settings = (
        "{'uncropped_image':'jannah-image-post','category_meta':false,'post_meta':true,"
        "'excerpt':'true','excerpt_length':'22','read_more':'true','read_more_text':false,"
        "'media_overlay':false,'title_length':0,'is_full':false,'is_category':true}"
    )
    main = f"""
 <div class="main-content tie-col-md-8 tie-col-xs-12" role="main">

  <header id="{kind}-title-section"
class="entry-header-outer container-wrapper archive-title-wrapper">
   {_breadcrumb_html(o, [], crumb)}<h1 class="page-title">{heading}</h1>{desc_html}{intro}
  </header><!-- .entry-header-outer /-->

  <div class="mag-box wide-post-box">
   <div class="container-wrapper">
    <div class="mag-box-container clearfix">
     <ul id="posts-container" data-layout="default" data-settings="{settings}" class="posts-items">
{teasers}					</ul><!-- #posts-container /-->
     <div class="clearfix"></div>
    </div><!-- .mag-box-container /-->
   </div><!-- .container-wrapper /-->
  </div><!-- .mag-box /-->
 {_pagination(o, base, page, pages)}
 </div><!-- .main-content /-->

"""
    paged = f" paged paged-{page} {kind}-paged-{page}" if page > 1 else ""
    cls = (
        f"rtl wp-theme-jannah archive {body_class}{paged} unselectable tie-no-js "
        "wrapper-has-shadow block-head-4 magazine2 is-thumb-overlay-disabled is-desktop "
        "is-header-layout-3 has-header-ad has-header-below-ad sidebar-left has-sidebar "
        "hide_share_post_top"
    )
    return _document(o, yoast, body_class=cls, main=main, current=base)


# --- home page ---------------------------------------------------------------------------------


def _home_block(origin: str, block_id: int, cat: Category) -> str:
    posts = _in_category(cat)[:4]
    first, rest = posts[0], posts[1:]
    url = origin + post_path(first)
    small = "".join(
        f"""<li class="post-item tie-standard">
 <a aria-label="{_a(p.title)}" href="{origin}{post_path(p)}" class="post-thumb"><img width="220"
height="150" src="{_image(origin, p, "220x150")}" class="attachment-jannah-image-small
size-jannah-image-small tie-small-image wp-post-image" alt="" decoding="async" loading="lazy" /></a>
 <div class="post-details">
  <div class="post-meta clearfix"><span
class="date meta-item tie-icon">{_ar_date(published(p))}</span></div><!-- .post-meta -->
  <h2 class="post-title"><a href="{origin}{post_path(p)}">{_e(p.title)}</a></h2>
 </div>
</li>
"""
        for p in rest
    )
    return f"""<div id="tie-block_{block_id}"
class="mag-box big-post-left-box has-first-big-post has-custom-color" data-current="1">
 <div class="container-wrapper">
  <div class="mag-box-title the-global-title has-block-head-4">
   <h3><a href="{origin}{category_path(cat)}">{cat.name}</a></h3>
   <div class="tie-alignleft"><div class="mag-box-options"><a class="block-more-button"
href="{origin}{category_path(cat)}">المزيد</a></div></div>
  </div><!-- .mag-box-title /-->
  <div class="mag-box-container clearfix">
   <ul class="posts-items posts-list-container">
<li class="post-item first-post tie-standard">
 <a aria-label="{_a(first.title)}" href="{url}" class="post-thumb"><img width="390" height="220"
src="{_image(origin, first, "390x220")}" class="attachment-jannah-image-large
size-jannah-image-large wp-post-image" alt="" decoding="async" /></a>
 <div class="post-details">
  <div class="post-meta clearfix"><span
class="date meta-item tie-icon">{_ar_date(published(first))}</span></div><!-- .post-meta -->
  <h2 class="post-title"><a href="{url}">{_e(first.title)}</a></h2>
  <p class="post-excerpt">{_e(_excerpt(first, 22))} &hellip;</p>
  <a class="more-link button" href="{url}">أكمل القراءة &raquo;</a>
 </div>
</li>
{small}			</ul>
   <div class="clearfix"></div>
  </div><!-- .mag-box-container /-->
 </div><!-- .container-wrapper /-->
</div><!-- .mag-box /-->
"""


def home_page(origin: str) -> bytes:
    o = origin
    title = f"{SITE_NAME} - {SITE_DESCRIPTION}"
    yoast = _yoast_head(
        o,
        title=title,
        url=o + "/",
        og_type="website",
        description=SITE_DESCRIPTION,
        schema=_collection_schema(o, o + "/", title, SITE_NAME, "home"),
    )
    slides = "".join(
        f"""<div class="slide slide-id-{p.post_id} tie-slide-{n} tie-standard">
 <a href="{o}{post_path(p)}" class="all-over-thumb-link" aria-label="{_a(p.title)}"></a>
 <div class="thumb-overlay"><span class="post-cat-wrap"><span
class="post-cat tie-cat-{CATEGORY[p.category].term_id}">{CATEGORY[p.category].name}</span></span>
  <div class="thumb-content">
   <div class="thumb-meta"><span
class="date meta-item tie-icon">{_ar_date(published(p))}</span></div>
   <h2 class="thumb-title"><a href="{o}{post_path(p)}">{_e(p.title)}</a></h2>
  </div> <!-- .thumb-content /-->
 </div><!-- .thumb-overlay /-->
 <div class="slide-bg" style="background-image: url({_image(o, p, "780x470")})"></div>
</div><!-- .slide || .grid-item /-->
"""
        for n, p in enumerate(POSTS[:4], start=1)
    )
    blocks = "".join(
        _home_block(o, 100 + i, c) for i, c in enumerate(CATEGORIES) if c.slug != "societe"
    )
    main = f"""
 <div class="main-content tie-col-md-8 tie-col-xs-12" role="main">
<section id="tie-block_1711" class="slider-area mag-box">
 <div class="slider-area-inner">
  <div id="tie-main-slider-1-block_1711"
class="tie-main-slider main-slider grid-3-slides boxed-slider grid-slider-wrapper
tie-slick-slider-wrapper" data-slider-id="1" data-autoplay="true" data-speed="3000">
   <div class="main-slider-inner">
    <div class="container slider-main-container">
     <div class="tie-slick-slider">
      <ul class="tie-slider-nav"></ul>
{slides}					</div><!-- .tie-slick-slider /-->
    </div><!-- .slider-main-container /-->
   </div><!-- .main-slider-inner /-->
  </div><!-- .main-slider /-->
 </div><!-- .slider-area-inner /-->
</section><!-- .slider-area /-->
{_stream_item("home-1", "4402716958", "aligncenter")}
{blocks}
 </div><!-- .main-content /-->

"""
    cls = (
        "rtl home blog wp-theme-jannah unselectable tie-no-js wrapper-has-shadow block-head-4 "
        "magazine2 is-thumb-overlay-disabled is-desktop is-header-layout-3 has-header-ad "
        "has-header-below-ad has-builder sidebar-left has-sidebar hide_share_post_top"
    )
    return _document(o, yoast, body_class=cls, main=main, current="/", is_home=True)


# --- static pages ------------------------------------------------------------------------------

STATIC_PAGES = (
    (
        "/contact/",
        1190,
        "اتصل بنا",
        (
            "يسعد فريق تحرير جريدة الأخبار تلقي ملاحظاتكم واقتراحاتكم ومراسلاتكم.",
            "العنوان: شارع الزرقطوني، الدار البيضاء، المغرب.",
            "البريد الإلكتروني للتحرير: redaction@alakhbar.press.ma",
            "للإشهار والاشتراكات: publicite@alakhbar.press.ma",
        ),
    ),
    (
        "/privacy-policy/",
        3,
        "سياسة الخصوصية",
        (
            "نحترم في جريدة الأخبار خصوصية زوار موقعنا، ونلتزم بحماية معطياتهم الشخصية وفق "
            "مقتضيات القانون 09.08 المتعلق بحماية الأشخاص الذاتيين تجاه معالجة المعطيات ذات "
            "الطابع الشخصي.",
            "يستعمل الموقع ملفات تعريف الارتباط لأغراض إحصائية ولعرض الإعلانات عبر خدمات Google.",
        ),
    ),
)


def static_page(origin: str, path: str, page_id: int, title: str, paras: tuple[str, ...]) -> bytes:
    o = origin
    url = o + path
    full = f"{title} - {SITE_NAME}"
    yoast = _yoast_head(
        o,
        title=full,
        url=url,
        og_type="article",
        description=paras[0],
        schema=_collection_schema(o, url, full, title, "page"),
    )
    body = "\n".join(f"<p>{_e(p)}</p>" for p in paras)
    main = f"""
 <div class="main-content tie-col-md-8 tie-col-xs-12" role="main">
 <article id="the-post" class="container-wrapper post-content">
  <header class="entry-header-outer">
   {_breadcrumb_html(o, [], title)}
   <div class="entry-header"><h1 class="post-title entry-title">{title}</h1></div>
  </header><!-- .entry-header-outer /-->
  <div class="entry-content entry clearfix">
{body}
  </div><!-- .entry-content /-->
 </article><!-- #the-post /-->
 </div><!-- .main-content /-->

"""
    cls = (
        f"rtl wp-singular page-template-default page page-id-{page_id} unselectable tie-no-js "
        "wrapper-has-shadow block-head-4 magazine2 is-desktop is-header-layout-3 has-header-ad "
        "sidebar-left has-sidebar"
    )
    return _document(o, yoast, body_class=cls, main=main, current=path, singular=True)


# --- feeds, sitemaps, robots ------------------------------------------------------------------


def _cdata(text: str) -> str:
    return f"<![CDATA[{text}]]>"


def _feed_content(origin: str, post: Post) -> str:
    return _body_html(origin, post).replace(
        _stream_item("in-post", "2675019384", "stream-item-inline-post aligncenter") + "\n", ""
    )


def rss_feed(origin: str) -> bytes:
    o = origin
    items = []
    for p in POSTS:  # WordPress serves the 10 newest posts
        url = o + post_path(p)
        cats = "".join(
            f"\n\t\t<category>{_cdata(CATEGORY[s].name)}</category>"
            for s in (CATEGORY[p.category].parent, p.category)
            if s
        )
        cats += "".join(f"\n\t\t<category>{_cdata(TAG[t].name)}</category>" for t in p.tags)
        items.append(
            f"""	<item>
  <title>{_e(p.title)}</title>
  <link>{url}</link>
     <comments>{url}#respond</comments>
  <dc:creator>{_cdata(AUTHOR[p.author].name)}</dc:creator>
  <pubDate>{_rfc822(published(p))}</pubDate>{cats}
  <guid isPermaLink="false">{o}/?p={p.post_id}</guid>

     <description>{_cdata(_excerpt(p, 55) + " [&#8230;]")}</description>
          <content:encoded>{_cdata(_feed_content(o, p))}</content:encoded>
     <wfw:commentRss>{url}/feed/</wfw:commentRss>
   <slash:comments>0</slash:comments>
  </item>"""
        )
    xml = f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wfw="http://wellformedweb.org/CommentAPI/"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:atom="http://www.w3.org/2005/Atom"
 xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
 xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
 >

<channel>
 <title>{SITE_NAME}</title>
 <atom:link href="{o}/feed/" rel="self" type="application/rss+xml" />
 <link>{o}</link>
 <description>{SITE_DESCRIPTION}</description>
 <lastBuildDate>{_rfc822(NOW)}</lastBuildDate>
 <language>ar</language>
 <sy:updatePeriod>
 hourly	</sy:updatePeriod>
 <sy:updateFrequency>
 1	</sy:updateFrequency>
 <generator>https://wordpress.org/?v={WP_VERSION}</generator>

<image>
 <url>{o}{FAVICON}</url>
 <title>{SITE_NAME}</title>
 <link>{o}</link>
 <width>32</width>
 <height>32</height>
</image>
{chr(10).join(items)}
 </channel>
</rss>
"""
    return xml.encode("utf-8")


def comments_feed(origin: str) -> bytes:
    o = origin
    xml = f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:atom="http://www.w3.org/2005/Atom"
 xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
 >
<channel>
 <title>التعليقات على {SITE_NAME}</title>
 <atom:link href="{o}/comments/feed/" rel="self" type="application/rss+xml" />
 <link>{o}</link>
 <description>{SITE_DESCRIPTION}</description>
 <lastBuildDate>{_rfc822(NOW)}</lastBuildDate>
 <sy:updatePeriod>
 hourly	</sy:updatePeriod>
 <sy:updateFrequency>
 1	</sy:updateFrequency>
 <generator>https://wordpress.org/?v={WP_VERSION}</generator>
</channel>
</rss>
"""
    return xml.encode("utf-8")


def _xml_head(origin: str) -> str:
    host = origin.split("//", 1)[-1]
    return (
        '<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" '
        f'href="//{host}/main-sitemap.xsl"?>\n'
    )


def sitemap_index(origin: str) -> bytes:
    o = origin
    latest_cat = _newest(POSTS).isoformat()
    entries = (
        ("post-sitemap.xml", _newest(POSTS).isoformat()),
        ("page-sitemap.xml", "2024-11-18T12:04:37+01:00"),
        ("category-sitemap.xml", latest_cat),
    )
    body = "".join(
        f"\t<sitemap>\n\t\t<loc>{o}/{name}</loc>\n\t\t<lastmod>{lastmod}</lastmod>\n\t</sitemap>\n"
        for name, lastmod in entries
    )
    xml = (
        _xml_head(o)
        + '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + body
        + "</sitemapindex>\n<!-- XML Sitemap generated by Yoast SEO -->"
    )
    return xml.encode("utf-8")


def _urlset(origin: str, urls: Iterable[str]) -> bytes:
    xml = (
        _xml_head(origin) + '<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" '
        'xsi:schemaLocation="http://www.sitemaps.org/schemas/sitemap/0.9 '
        "http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd "
        "http://www.google.com/schemas/sitemap-image/1.1 "
        'http://www.google.com/schemas/sitemap-image/1.1/sitemap-image.xsd" '
        'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "".join(urls)
        + "</urlset>\n<!-- XML Sitemap generated by Yoast SEO -->"
    )
    return xml.encode("utf-8")


def post_sitemap(origin: str) -> bytes:
    o = origin
    urls = [f"\t<url>\n\t\t<loc>{o}/</loc>\n\t\t<lastmod>{NOW.isoformat()}</lastmod>\n\t</url>\n"]
    for p in sorted(POSTS, key=modified):
        urls.append(
            f"\t<url>\n\t\t<loc>{o}{post_path(p)}</loc>\n"
            f"\t\t<lastmod>{modified(p).isoformat()}</lastmod>\n"
            f"\t\t<image:image>\n\t\t\t<image:loc>{_image(o, p)}</image:loc>\n"
            "\t\t</image:image>\n\t</url>\n"
        )
    return _urlset(o, urls)


def page_sitemap(origin: str) -> bytes:
    o = origin
    urls = [
        f"\t<url>\n\t\t<loc>{o}{path}</loc>\n\t\t<lastmod>2024-11-18T12:04:37+01:00</lastmod>\n"
        "\t</url>\n"
        for path, *_ in STATIC_PAGES
    ]
    return _urlset(o, urls)


def category_sitemap(origin: str) -> bytes:
    o = origin
    urls = [
        f"\t<url>\n\t\t<loc>{o}{category_path(c)}</loc>\n"
        f"\t\t<lastmod>{_newest(_in_category(c)).isoformat()}</lastmod>\n\t</url>\n"
        for c in CATEGORIES
    ]
    return _urlset(o, urls)


def news_sitemap(origin: str) -> bytes:
    """Yoast News SEO: posts of the last 48 hours."""
    o = origin
    recent = [p for p in POSTS if NOW - published(p) <= timedelta(hours=48)]
    urls = "".join(
        f"""<url>
 <loc>{o}{post_path(p)}</loc>
 <news:news>
  <news:publication>
   <news:name>{SITE_NAME}</news:name>
   <news:language>ar</news:language>
  </news:publication>
  <news:publication_date>{published(p).isoformat()}</news:publication_date>
  <news:title>{_e(p.title)}</news:title>
  <news:keywords>{_e(", ".join(TAG[t].name for t in p.tags))}</news:keywords>
 </news:news>
 <image:image>
  <image:loc>{_image(o, p)}</image:loc>
 </image:image>
</url>
"""
        for p in recent
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" '
        'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">\n'
        + urls
        + "</urlset>\n<!-- XML Sitemap generated by Yoast News SEO -->\n"
    )
    return xml.encode("utf-8")


def robots_txt(origin: str) -> bytes:
    return (
        "User-agent: *\n"
        "Disallow: /wp-admin/\n"
        "Allow: /wp-admin/admin-ajax.php\n"
        "Disallow: /wp-login.php\n"
        "Disallow: /?s=\n"
        "Disallow: /search/\n"
        "Disallow: /*?replytocom=\n"
        "\n"
        f"Sitemap: {origin}/sitemap_index.xml\n"
        f"Sitemap: {origin}/news-sitemap.xml\n"
    ).encode()


# --- the replica ------------------------------------------------------------------------------


def _ts(dt: datetime) -> float:
    return dt.timestamp()


def _author_box(origin: str, author: Author) -> str:
    if not author.bio:
        return ""
    return f"""
   <div class="about-author container-wrapper about-author-{author.user_id}">
    <div class="author-avatar"><a href="{origin}{author_path(author)}"><img
alt="صورة {_a(author.name)}" src="{_a(_gravatar(author))}" class="avatar avatar-180 photo"
height="180" width="180" decoding="async"/></a></div><!-- .author-avatar /-->
    <div class="author-info"><div
class="author-bio">{_e(author.bio)}</div><!-- .author-bio /--></div><!-- .author-info /-->
    <div class="clearfix"></div>
   </div><!-- .about-author /-->"""


def _add_archive(
    r: Replica,
    *,
    kind: str,
    base: str,
    posts: list[Post],
    fixture: str | None = None,
    **labels: str,
) -> None:
    """Every page of one archive (category, tag or author), paginated as WordPress does."""
    pages = max(1, ceil(len(posts) / PER_PAGE))
    for page in range(1, pages + 1):
        body = archive_page(
            r.origin,
            kind="category" if kind == "section" else kind,
            base=base,
            posts=posts,
            page=page,
            **labels,
        )
        r.add(
            Page(
                _paged(base, page),
                body,
                HTML,
                kind=kind,
                fixture=fixture if page == 1 else None,
                modified=_ts(_newest(posts)),
            )
        )


def build(origin: str) -> Replica:
    o = origin.rstrip("/")
    r = Replica(name="alakhbar", origin=o)
    newest = _ts(NOW)

    r.add(
        Page(
            "/robots.txt", robots_txt(o), TEXT, kind="robots", modified=_ts(_dt("2024-11-18 12:00"))
        )
    )
    r.add(Page("/", home_page(o), HTML, kind="home", modified=newest))

    for post in POSTS:
        r.add(
            Page(
                post_path(post),
                article_page(o, post),
                HTML,
                kind="article",
                fixture=post.fixture,
                modified=_ts(modified(post)),
            )
        )
        if post.amp:
            r.add(
                Page(
                    amp_path(post),
                    amp_page(o, post),
                    HTML,
                    kind="article",
                    modified=_ts(modified(post)),
                )
            )

    for cat in CATEGORIES:
        _add_archive(
            r,
            kind="section",
            base=category_path(cat),
            posts=_in_category(cat),
            fixture=f"section-{cat.slug}" if cat.slug == "national" else None,
            heading=cat.name,
            crumb=cat.name,
            body_class=f"category category-{cat.slug} category-{cat.term_id}",
            description=cat.description,
        )
    for tag in TAGS:
        _add_archive(
            r,
            kind="tag",
            base=tag_path(tag),
            posts=[p for p in POSTS if tag.slug in p.tags],
            fixture="tag-hammouchi" if tag.slug == "hammouchi" else None,
            heading=f"الوسم: <span>{_e(tag.name)}</span>",
            crumb=tag.name,
            body_class=f"tag tag-{tag.slug} tag-{tag.term_id}",
        )
    for author in AUTHORS:
        _add_archive(
            r,
            kind="author",
            base=author_path(author),
            posts=[p for p in POSTS if p.author == author.slug],
            heading=_e(author.name),
            crumb=author.name,
            body_class=f"author author-{author.slug} author-{author.user_id}",
            intro=_author_box(o, author),
        )

    for path, page_id, title, paras in STATIC_PAGES:
        r.add(
            Page(
                path,
                static_page(o, path, page_id, title, paras),
                HTML,
                kind="other",
                modified=_ts(_dt("2024-11-18 12:04")),
            )
        )

    r.add(Page("/feed/", rss_feed(o), RSS, kind="feed", modified=newest))
    r.add(Page("/comments/feed/", comments_feed(o), RSS, kind="feed", modified=newest))
    r.add(Page("/sitemap_index.xml", sitemap_index(o), XML, kind="sitemap", modified=newest))
    r.add(Page("/post-sitemap.xml", post_sitemap(o), XML, kind="sitemap", modified=newest))
    r.add(
        Page(
            "/page-sitemap.xml",
            page_sitemap(o),
            XML,
            kind="sitemap",
            modified=_ts(_dt("2024-11-18 12:04")),
        )
    )
    r.add(Page("/category-sitemap.xml", category_sitemap(o), XML, kind="sitemap", modified=newest))
    r.add(Page("/news-sitemap.xml", news_sitemap(o), XML, kind="sitemap", modified=newest))
    link_tracking_duplicates(r)
    return r
