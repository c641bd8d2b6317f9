"""Extraction on synthetic pages: robustness on bad input, metadata precedence, page types."""

import json

import pytest

from crawler.article import Article
from crawler.extraction import extract, extract_article
from tests.replicas.common import SYNDICATED

PARAS = SYNDICATED.paragraphs


def article_page(*, title: str = SYNDICATED.title, ld: dict | None = None, head: str = "",
                 before: str = "", inside: str = "", after: str = "",
                 paragraphs: tuple[str, ...] = PARAS) -> str:
    ld_json = f'<script type="application/ld+json">{json.dumps(ld)}</script>' if ld else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
            f"<title>{title} - موقع</title>{head}{ld_json}</head><body>"
            f'<nav><a href="/">الرئيسية</a><a href="/category/x/">سياسة</a></nav>{before}'
            f'<article><h1>{title}</h1><div class="entry-content"><p>{title}</p>{body}{inside}'
            f"</div></article>{after}<footer>جميع الحقوق محفوظة</footer></body></html>")


URL = "https://news.example.ma/2025/03/12/story/"


def test_article_fields_and_file_text():
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "عنوان من JSON-LD",
          "datePublished": "2025-03-12T11:40:00+01:00", "dateModified": "2025-06-01T00:00:00Z",
          "author": {"@type": "Person", "name": "سارة البوفي"}}
    article = extract_article(article_page(ld=ld), URL)
    assert isinstance(article, Article)
    assert (article.title, article.date, article.author, article.language) == (
        "عنوان من JSON-LD", "2025-03-12", "سارة البوفي", "ar")
    assert article.body == PARAS
    text = article.to_text()
    assert text == "عنوان من JSON-LD\n\n2025-03-12 — سارة البوفي\n\n" + "\n\n".join(PARAS) + "\n"


def test_meta_tags_when_no_json_ld_and_title_never_opens_body():
    head = ('<meta property="og:type" content="article"><meta property="og:title" '
            f'content="{SYNDICATED.title}"><meta property="article:published_time" '
            'content="2025-03-12T10:00:00+00:00"><meta name="author" content="و.م.ع">')
    article = extract_article(article_page(head=head), URL)
    assert article and article.title == SYNDICATED.title and article.date == "2025-03-12"
    assert article.author == "و.م.ع" and article.body[0] == PARAS[0]


def test_generic_boilerplate_inside_and_around_the_article_is_dropped():
    inside = ("<p>تابعوا آخر الأخبار من الموقع على Google News</p>"
              "<p>اقرأ أيضا: <a href='/x'>عنوان مقال آخر</a></p>"
              "<div class='share-buttons'><a>فيسبوك</a><a>تويتر</a></div>")
    after = ("<div id='respond'><h3>اترك تعليقاً</h3><p>لن يتم نشر عنوان بريدك الإلكتروني.</p>"
             "</div><div id='wpcp-error-message'>error: Content is protected !!</div>"
             "<a id='go-to-top'>زر الذهاب إلى الأعلى</a>")
    article = extract_article(article_page(inside=inside, after=after), URL)
    assert article and article.body == PARAS


def test_site_rules_prune_site_furniture():
    from crawler.site import Site

    site = Site(name="t", title="t", base_url="https://news.example.ma",
                boilerplate_selectors=(".promo-box",), boilerplate_lines=("سطر خاص بالموقع",))
    promo = "إعلان طويل عن منتج " * 20
    inside = f"<div class='promo-box'><p>{promo}</p></div><p>سطر خاص بالموقع</p>"
    assert extract_article(article_page(inside=inside), URL, site).body == PARAS
    assert extract_article(article_page(inside=inside), URL).body != PARAS


@pytest.mark.parametrize("url", [
    "https://news.example.ma/tag/politique/", "https://news.example.ma/category/x/page/2/",
    "https://news.example.ma/?s=المغرب", "https://news.example.ma/author/sara/",
])
def test_listing_urls_are_not_articles(url):
    page = article_page().replace("<article>", "<div>").replace("</article>", "</div>")
    assert extract(page, url).reason == "listing"


def test_teaser_listing_is_not_an_article():
    teasers = "".join(f"<article><h2><a href='/p{i}'>{p[:60]}</a></h2><p>{p}</p></article>"
                      for i, p in enumerate(PARAS * 2))
    page = f"<html><head><title>سياسة</title></head><body>{teasers}</body></html>"
    assert extract(page, "https://news.example.ma/politique").reason == "listing"


def test_error_page_and_too_short():
    assert extract(article_page(title="الصفحة غير موجودة"), URL).reason == "error-page"
    assert extract(article_page(paragraphs=("نص قصير جدا.",)), URL).reason == "too-short"


@pytest.mark.parametrize("raw", [
    b"", b"   ", bytes(range(256)) * 100, b"\x89PNG\r\n\x1a\n" + bytes(5000),
    b"<html><body><p>" + "نص مقطوع ".encode() * 50, b"<" * 100_000,
    b"<div>" * 200_000 + b"text" + b"</div>" * 200_000,
    b"<?xml version='1.0' encoding='utf-8'?><rss><channel><item>x</item></channel></rss>",
    b"%PDF-1.7\n" + bytes(range(256)) * 40,
    b'<html><head><script type="application/ld+json">{"@type": [[[[</script></head></html>',
])
def test_any_bytes_give_none_or_article_and_never_raise(raw):
    result = extract(raw, URL)
    assert result.article is None and result.reason


def test_huge_page_is_refused_quickly():
    assert extract("<p>" + "كلمة " * 2_000_000 + "</p>", URL).reason == "too-large"


def _mutations(raw: bytes, rng) -> list[bytes]:
    cut = rng.randrange(len(raw))
    flipped = bytearray(raw)
    for _ in range(50):
        flipped[rng.randrange(len(flipped))] = rng.randrange(256)
    return [raw[:cut], raw[cut:], bytes(flipped), raw[: len(raw) // 2] * 3,
            raw.replace(b"<", b"", 200), raw.replace(b"</", b"<", 300)]


def test_mutated_fixtures_never_raise():
    """Truncated, shuffled and bit-flipped real pages: an article or None, never an exception."""
    import random

    from crawler.fixtures import discover

    rng = random.Random(20261122)
    count = 0
    for fixture in discover():
        for body in _mutations(fixture.body(), rng):
            result = extract(body, fixture.url, fixture.site, fixture.content_type)
            assert (result.article is None) == bool(result.reason)
            if result.article:
                assert "\ufffd" not in result.article.to_text()
            count += 1
    assert count >= 150


def test_todays_date_in_the_top_bar_is_not_the_publication_date():
    top = '<div class="top-bar"><time datetime="2026-11-22">الأحد 22 نونبر 2026</time></div>'
    inside = '<p class="meta"><time>الثلاثاء 7 يناير 2025 - 10:15</time></p>'
    side = '<aside><time datetime="2026-11-21">أمس</time></aside>'
    page = article_page(before=top + side, inside=inside)
    assert extract_article(page, URL).date == "2025-01-07"
