"""An Arabic news site whose articles are reachable ONLY through its RSS feed.

The home page is an empty application shell (the article list is rendered by JavaScript), so link
following finds nothing; no sitemap either. By default the feed lives at a non-standard path and is
announced with <link rel="alternate" type="application/rss+xml">; `build(origin, announce=False,
feed_path="/rss.xml")` hides the announcement so that only probing the usual paths finds it.

One feed item is old (2019): a crawl with `--since` skips it. One item links to another site.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape

from tests.replicas.base import ARTICLE, Page, Replica

HTML = "text/html; charset=UTF-8"
SITE = "صدى الأطلس"
DEFAULT_FEED = "/flux/akhbar.xml"


@dataclass(frozen=True)
class Item:
    path: str
    title: str
    published: datetime
    paragraphs: tuple[str, ...]


ITEMS = (
    Item(
        "/akhbar/101",
        "افتتاح محطة جديدة لتحلية مياه البحر بجهة سوس ماسة",
        datetime(2025, 5, 8, 10, 30, tzinfo=UTC),
        (
            "دشنت السلطات الجهوية، صباح اليوم الخميس، محطة جديدة لتحلية مياه البحر بطاقة إنتاجية "
            "تبلغ مائة ألف متر مكعب يوميا، ستخصص لتزويد الساكنة بالماء الصالح للشرب وسقي المساحات "
            "الفلاحية المتضررة من توالي سنوات الجفاف.",
            "وأوضح المسؤولون أن المشروع كلف استثمارا يفوق ثلاثة مليارات درهم، وأنه يعتمد "
            "على الطاقة الشمسية لتقليص كلفة الإنتاج، على أن تتم توسعته في مرحلة ثانية "
            "لمضاعفة قدرته.",
            "ويرتقب أن يستفيد من المحطة أزيد من مليون نسمة، إلى جانب آلاف الضيعات الفلاحية التي "
            "عانت خلال السنوات الأخيرة من تراجع حقينة السدود وانخفاض منسوب المياه الجوفية.",
        ),
    ),
    Item(
        "/akhbar/102",
        "ارتفاع صادرات قطاع السيارات خلال الربع الأول من السنة",
        datetime(2025, 5, 7, 15, 0, tzinfo=UTC),
        (
            "سجلت صادرات قطاع صناعة السيارات ارتفاعا ملحوظا خلال الأشهر الثلاثة الأولى من السنة "
            "الجارية، مدفوعة بتزايد الطلب الأوروبي على السيارات الصغيرة والمكونات الكهربائية.",
            "وأفادت معطيات مكتب الصرف بأن رقم معاملات القطاع عند التصدير تجاوز ثلاثين مليار درهم، "
            "مما يعزز مكانته كأول قطاع مصدر في البلاد متقدما على الفوسفاط ومشتقاته.",
            "ويعزو المهنيون هذا الأداء إلى توسع المنظومات الصناعية في طنجة والقنيطرة، واستقرار "
            "سلاسل التوريد بعد الاضطرابات التي عرفتها خلال السنوات الماضية.",
        ),
    ),
    Item(
        "/?p=205",
        "انطلاق الدورة الجديدة من المعرض الدولي للكتاب بالرباط",
        datetime(2025, 5, 6, 9, 15, tzinfo=UTC),
        (
            "انطلقت بالرباط فعاليات الدورة الجديدة من المعرض الدولي للنشر والكتاب، بمشاركة أزيد من "
            "سبعمائة عارض يمثلون خمسين دولة، وبرنامج ثقافي يضم ندوات وتوقيعات ولقاءات مع الكتاب.",
            "وتحل إحدى الدول الإفريقية ضيف شرف على هذه الدورة، حيث يقدم جناحها أعمالا أدبية "
            "وفكرية مترجمة إلى العربية والفرنسية، إلى جانب معرض للصور والمخطوطات النادرة.",
            "ويراهن المنظمون على استقطاب جمهور واسع من التلاميذ والطلبة، عبر ورشات للقراءة "
            "والكتابة الإبداعية، وتخفيضات على أسعار الكتب طيلة أيام المعرض.",
        ),
    ),
    Item(
        "/akhbar/9",
        "مجلس المدينة يصادق على تصميم التهيئة الجديد",
        datetime(2019, 3, 1, 12, 0, tzinfo=UTC),
        (
            "صادق مجلس المدينة خلال دورته العادية على مشروع تصميم التهيئة الجديد، الذي يحدد "
            "التوجهات العمرانية للعشر سنوات المقبلة ويخصص مساحات جديدة للمرافق العمومية.",
            "وأكد رئيس المجلس أن التصميم يراعي الحفاظ على المناطق الخضراء وتوسيع شبكة النقل "
            "الحضري، مع تشجيع السكن الاجتماعي في الأحياء الجديدة شرق المدينة.",
            "وعبرت فعاليات مدنية عن ملاحظاتها بخصوص بعض المقتضيات المتعلقة بالعلو المسموح به "
            "للبنايات في وسط المدينة، داعية إلى فتح نقاش عمومي أوسع حولها.",
        ),
    ),
)
OLD = ITEMS[-1]


def article_page(origin: str, item: Item) -> bytes:
    body = "".join(f"<p>{escape(p)}</p>" for p in item.paragraphs)
    html = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{escape(item.title)} - {escape(SITE)}</title>
<meta property="og:type" content="article">
<link rel="canonical" href="{origin}{escape(item.path)}">
</head><body><div id="app"><article><h1>{escape(item.title)}</h1>
<time datetime="{item.published.isoformat()}">{item.published.date().isoformat()}</time>
{body}</article></div></body></html>"""
    return html.encode("utf-8")


def home_page(feed_url: str | None) -> bytes:
    link = (f'<link rel="alternate" type="application/rss+xml" title="{SITE}" href="{feed_url}">'
            if feed_url else "")
    html = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{SITE}</title>
{link}
<link rel="alternate" type="application/rss+xml" title="التعليقات" href="/comments/feed/">
<script src="/static/app.js" defer></script></head>
<body><div id="app">جار التحميل…</div></body></html>"""
    return html.encode("utf-8")


def feed(origin: str) -> bytes:
    items = "".join(
        f"<item><title>{escape(i.title)}</title><link>{origin}{escape(i.path)}</link>"
        f"<guid isPermaLink=\"false\">{escape(i.path)}</guid>"
        f"<pubDate>{format_datetime(i.published)}</pubDate></item>"
        for i in ITEMS
    )
    items += ("<item><title>خبر من موقع آخر</title><link>https://other.example/akhbar/1</link>"
              "<pubDate>Wed, 07 May 2025 08:00:00 GMT</pubDate></item>")
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            f"<title>{SITE}</title><link>{origin}/</link>{items}</channel></rss>").encode()


def build(origin: str, announce: bool = True, feed_path: str = DEFAULT_FEED) -> Replica:
    o = origin.rstrip("/")
    replica = Replica(name="generic_feed", origin=o)
    replica.add(Page("/robots.txt", b"User-agent: *\nAllow: /\n", "text/plain", kind="robots"))
    replica.add(Page("/", home_page(feed_path if announce else None), kind="home"))
    replica.add(Page(feed_path, feed(o), "application/rss+xml; charset=UTF-8", kind="feed"))
    replica.add(Page("/static/app.js", b"/* app */", "application/javascript", kind="other"))
    for item in ITEMS:
        replica.add(Page(item.path, article_page(o, item), kind=ARTICLE))
    return replica
