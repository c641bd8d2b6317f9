"""Discovery parsers on raw bytes: robots.txt, sitemaps, feeds, autodiscovery, pagination, since."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime, timedelta

import pytest

from crawler.discovery.articles import (
    declares_article,
    is_utility_url,
    url_looks_like_article,
    url_looks_like_listing,
)
from crawler.discovery.entries import Entry
from crawler.discovery.feeds import FeedError, feed_links, parse_feed
from crawler.discovery.filetypes import has_non_html_extension, is_html_type
from crawler.discovery.html import links
from crawler.discovery.pagination import listing_base, next_pages, page_number
from crawler.discovery.sitemaps import (
    INDEX,
    URLSET,
    SitemapError,
    lists_articles,
    parse_sitemap,
    robots_sitemaps,
)
from crawler.discovery.timeparse import parse_since, parse_timestamp
from crawler.discovery.xml import XmlError, gunzip

BASE = "https://example.ma"

# --- robots.txt and sitemaps ------------------------------------------------------------------

ROBOTS = b"""User-agent: *
Disallow: /wp-admin/
Sitemap: https://example.ma/sitemap_index.xml
sitemap:/news-sitemap.xml
SITEMAP:   https://example.ma/sitemap_index.xml
"""

INDEX_XML = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://example.ma/post-sitemap.xml</loc>
    <lastmod>2025-05-08T10:00:00+01:00</lastmod></sitemap>
  <sitemap><loc>https://example.ma/post-sitemap2.xml</loc><lastmod>2023-01-02</lastmod></sitemap>
  <sitemap><loc>https://example.ma/page-sitemap.xml</loc></sitemap>
  <sitemap><loc>https://example.ma/category-sitemap.xml</loc></sitemap>
</sitemapindex>"""

URLSET_XML = b"""\n\n<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url><loc>https://example.ma/2025/05/08/premier-article/</loc>
    <lastmod>2025-05-08T12:30:00Z</lastmod>
    <image:image><image:loc>https://example.ma/a.jpg</image:loc></image:image></url>
  <url><loc> /2025/05/07/deuxieme/ </loc><lastmod>2025-05-07</lastmod></url>
  <url><loc>https://example.ma/2025/05/08/premier-article/</loc></url>
  <url><lastmod>2025-05-07</lastmod></url>
</urlset>"""

NEWS_XML = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://example.ma/2025/05/08/%d8%ae%d8%a8%d8%b1/</loc>
    <news:news>
      <news:publication><news:name>مثال</news:name><news:language>ar</news:language>
      </news:publication>
      <news:publication_date>2025-05-08T09:15:00+01:00</news:publication_date>
      <news:title>عنوان الخبر</news:title>
    </news:news>
  </url>
</urlset>""".encode()


def test_robots_sitemap_lines_are_absolute_and_unique():
    assert robots_sitemaps(ROBOTS, BASE + "/robots.txt") == [
        "https://example.ma/sitemap_index.xml",
        "https://example.ma/news-sitemap.xml",
    ]
    assert robots_sitemaps("User-agent: *\nDisallow:\n", BASE) == []


def test_sitemap_index():
    sitemap = parse_sitemap(INDEX_XML, BASE + "/sitemap_index.xml")
    assert sitemap.kind == INDEX
    assert [e.url for e in sitemap.entries] == [
        "https://example.ma/post-sitemap.xml", "https://example.ma/post-sitemap2.xml",
        "https://example.ma/page-sitemap.xml", "https://example.ma/category-sitemap.xml",
    ]
    first = sitemap.entries[0]
    assert first.updated == datetime(2025, 5, 8, 9, 0, tzinfo=UTC)
    assert sitemap.entries[1].updated == datetime(2023, 1, 2, tzinfo=UTC)


@pytest.mark.parametrize(("url", "articles"), [
    ("https://x.ma/post-sitemap.xml", True),
    ("https://x.ma/post-sitemap12.xml", True),
    ("https://x.ma/news-sitemap.xml", True),
    ("https://x.ma/sitemap-2025-05.xml", True),
    ("https://x.ma/wp-sitemap-posts-post-1.xml", True),
    ("https://x.ma/page-sitemap.xml", False),
    ("https://x.ma/category-sitemap.xml", False),
    ("https://x.ma/post_tag-sitemap.xml", False),
    ("https://x.ma/author-sitemap.xml", False),
    ("https://x.ma/wp-sitemap-posts-page-1.xml", False),
    ("https://x.ma/wp-sitemap-taxonomies-category-1.xml", False),
    ("https://x.ma/wp-sitemap-users-1.xml", False),
    ("https://x.ma/image-sitemap.xml", False),
])
def test_child_sitemaps_of_pages_and_taxonomies_are_not_article_lists(url, articles):
    assert lists_articles(url) is articles


def test_urlset_with_leading_blank_lines_relative_locs_and_repeats():
    sitemap = parse_sitemap(URLSET_XML, BASE + "/post-sitemap.xml")
    assert sitemap.kind == URLSET
    assert [e.url for e in sitemap.entries] == [
        "https://example.ma/2025/05/08/premier-article/",
        "https://example.ma/2025/05/07/deuxieme/",
    ]
    assert sitemap.entries[0].updated == datetime(2025, 5, 8, 12, 30, tzinfo=UTC)
    assert sitemap.entries[0].published is None


def test_google_news_sitemap_publication_date_and_title():
    (entry,) = parse_sitemap(NEWS_XML, BASE + "/news-sitemap.xml").entries
    assert entry.url == "https://example.ma/2025/05/08/%d8%ae%d8%a8%d8%b1/"
    assert entry.published == datetime(2025, 5, 8, 8, 15, tzinfo=UTC)
    assert entry.title == "عنوان الخبر"
    assert entry.date == entry.published


def test_gzip_sitemap():
    sitemap = parse_sitemap(gzip.compress(NEWS_XML), BASE + "/news-sitemap.xml.gz")
    assert [e.title for e in sitemap.entries] == ["عنوان الخبر"]


def test_gzip_bomb_is_refused():
    with pytest.raises(XmlError):
        gunzip(gzip.compress(b"<" * 100_000), max_size=1000)
    with pytest.raises(SitemapError):
        parse_sitemap(gzip.compress(URLSET_XML), BASE, max_size=100)


@pytest.mark.parametrize("body", [
    b"<?xml version='1.0'?><urlset><url><loc>https://x/a</loc></url>",  # truncated
    b"<html><body>Not found</body></html>",  # an HTML error page
    b"",
    b"\x1f\x8b\x08\x00broken gzip",
    b"<urlset><url><loc>https://x/&undefined;</loc></url></urlset>",
    b"just some text that is not a sitemap",
])
def test_malformed_sitemaps_raise_sitemap_error(body):
    with pytest.raises(SitemapError):
        parse_sitemap(body, BASE + "/sitemap.xml")


def test_xml_entities_are_not_expanded():
    evil = (b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b"<urlset><url><loc>https://x.ma/&x;</loc></url></urlset>")
    try:
        entries = parse_sitemap(evil, BASE).entries
    except SitemapError:
        return
    assert all("root:" not in e.url for e in entries)


def test_text_sitemap():
    body = b"https://example.ma/a\nhttps://example.ma/b\n\n"
    sitemap = parse_sitemap(body, BASE + "/sitemap.txt")
    assert [e.url for e in sitemap.entries] == ["https://example.ma/a", "https://example.ma/b"]


# --- feeds -------------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>مثال</title><link>https://example.ma/</link>
  <item><title>الخبر الأول</title><link>https://example.ma/news/1.html</link>
    <pubDate>Thu, 08 May 2025 10:30:00 +0100</pubDate></item>
  <item><title>Second</title><guid>https://example.ma/news/2.html</guid>
    <dc:date>2025-05-07T08:00:00Z</dc:date></item>
  <item><title>Not a permalink</title><guid isPermaLink="false">12345</guid></item>
  <item><title>Relative</title><link>/news/3.html</link><pubDate>garbage</pubDate></item>
</channel></rss>""".encode()

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.ma/blog/">
  <title>Example</title>
  <entry><title>One</title>
    <link rel="alternate" type="text/html" href="one.html"/>
    <link rel="edit" href="https://example.ma/edit/1"/>
    <published>2025-05-08T10:00:00+02:00</published><updated>2025-05-09T00:00:00Z</updated>
  </entry>
  <entry><title>Two</title><link href="https://example.ma/two"/>
    <updated>2025-05-01T00:00:00Z</updated></entry>
  <entry><title>No link</title></entry>
</feed>"""

RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://example.ma/"><title>x</title></channel>
  <item rdf:about="https://example.ma/r/1"><title>R1</title><link>https://example.ma/r/1</link>
    <dc:date>2025-05-02</dc:date></item>
</rdf:RDF>"""


def test_rss2_items_links_guids_and_dates():
    entries = parse_feed(RSS, BASE + "/rss")
    assert [e.url for e in entries] == [
        "https://example.ma/news/1.html", "https://example.ma/news/2.html",
        "https://example.ma/news/3.html",
    ]
    assert entries[0].published == datetime(2025, 5, 8, 9, 30, tzinfo=UTC)
    assert entries[0].title == "الخبر الأول"
    assert entries[1].published == datetime(2025, 5, 7, 8, 0, tzinfo=UTC)
    assert entries[2].published is None


def test_atom_entries_resolve_xml_base_and_keep_dates():
    entries = parse_feed(ATOM, BASE + "/atom.xml")
    assert [e.url for e in entries] == ["https://example.ma/blog/one.html",
                                        "https://example.ma/two"]
    assert entries[0].published == datetime(2025, 5, 8, 8, 0, tzinfo=UTC)
    assert entries[0].updated == datetime(2025, 5, 9, tzinfo=UTC)
    assert entries[1].published is None and entries[1].date == datetime(2025, 5, 1, tzinfo=UTC)


def test_rss1_rdf():
    (entry,) = parse_feed(RDF, BASE + "/index.rdf")
    assert entry.url == "https://example.ma/r/1"
    assert entry.date == datetime(2025, 5, 2, tzinfo=UTC)


@pytest.mark.parametrize("body", [
    b"<html><head><title>404</title></head></html>",
    b"<rss><channel><item><link>https://x/1</link></item>",
    b"",
])
def test_malformed_feeds_raise_feed_error(body):
    with pytest.raises(FeedError):
        parse_feed(body, BASE + "/feed/")


HOME = """<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="alternate" type="application/rss+xml" title="مثال &raquo; الخلاصة" href="/feed/">
<link rel="alternate" type="application/rss+xml" title="مثال &raquo; خلاصة التعليقات"
      href="https://example.ma/comments/feed/">
<link rel="alternate" type="application/atom+xml" href="https://example.ma/atom.xml">
<link rel="alternate" hreflang="fr" href="https://example.ma/fr/">
<link rel="alternate" type="application/json" href="https://example.ma/wp-json/">
<link rel="stylesheet" href="/style.css">
</head><body><a href="/feed/">RSS</a></body></html>""".encode()


def test_feed_autodiscovery_skips_comment_feeds_and_other_alternates():
    assert feed_links(HOME, BASE + "/") == ["https://example.ma/feed/",
                                            "https://example.ma/atom.xml"]
    assert feed_links(b"", BASE) == []


# --- pagination --------------------------------------------------------------------------------


@pytest.mark.parametrize(("url", "number"), [
    ("https://x.ma/category/politique/page/3/", 3),
    ("https://x.ma/category/politique/", None),
    ("https://x.ma/category/politique?page=2", 2),
    ("https://x.ma/news?paged=4&cat=2", 4),
    ("https://x.ma/Politique_r12_p2.html", 2),
    ("https://x.ma/?p=123", None),
    ("https://x.ma/news/12345.html", None),
])
def test_page_number(url, number):
    assert page_number(url) == number


def test_listing_base_is_shared_by_all_pages_of_a_section():
    assert listing_base("https://x.ma/category/a/page/2/") == listing_base("https://x.ma/category/a/")
    assert listing_base("https://x.ma/c?page=3&x=1") == listing_base("https://x.ma/c?x=1")
    assert listing_base("https://x.ma/A_r12_p2.html") == listing_base("https://x.ma/A_r12.html")
    assert listing_base("https://x.ma/category/a/") != listing_base("https://x.ma/category/b/")


def _page(body: str) -> bytes:
    return f"<html><head></head><body>{body}</body></html>".encode()


def test_next_page_from_rel_next_link():
    html = b'<html><head><link rel="next" href="/category/a/page/2/"></head><body></body></html>'
    assert next_pages(html, "https://x.ma/category/a/") == ["https://x.ma/category/a/page/2/"]


def test_next_page_from_arabic_next_text_and_numbered_links():
    html = _page('<a href="/category/a/page/3/">3</a> <a href="/category/a/page/2/">2</a>'
                 '<a href="/category/b/page/2/">التالي</a>'
                 '<a href="/category/a/page/2/">التالي</a>')
    assert next_pages(html, "https://x.ma/category/a/") == ["https://x.ma/category/a/page/2/"]


def test_next_page_from_query_and_suffix_patterns():
    html = _page('<a href="?page=3">3</a><a href="?page=1">1</a>')
    assert next_pages(html, "https://x.ma/news?page=2") == ["https://x.ma/news?page=3"]
    html = _page('<a class="next page-numbers" href="/Sport_r3_p2.html">»</a>')
    assert next_pages(html, "https://x.ma/Sport_r3.html") == ["https://x.ma/Sport_r3_p2.html"]


def test_no_next_page_on_last_page_or_other_sections():
    html = _page('<a href="/category/a/">1</a><a href="/category/a/page/2/">« السابق</a>'
                 '<a href="/category/b/page/4/">4</a>')
    assert next_pages(html, "https://x.ma/category/a/page/3/") == []


# --- links and article detection --------------------------------------------------------------


def test_links_are_absolute_unique_and_without_fragments():
    html = _page('<a href="/a#top">A</a><a href="/a">again</a><a href="mailto:x@y">m</a>'
                 '<a href="javascript:void(0)">j</a><a href="https://other.ma/b" rel="nofollow">'
                 " B  b </a><a>no href</a>")
    found = links(html, "https://x.ma/section/")
    assert [link.url for link in found] == ["https://x.ma/a", "https://other.ma/b"]
    assert found[1].text == "B b" and found[1].rel == ("nofollow",)


def test_base_href_is_honoured():
    html = b'<html><head><base href="https://cdn.x.ma/root/"></head><body><a href="a">a</a>'
    assert links(html, "https://x.ma/")[0].url == "https://cdn.x.ma/root/a"


@pytest.mark.parametrize("html", [
    '<meta property="og:type" content="article">',
    '<script type="application/ld+json">{"@type": "NewsArticle"}</script>',
    '<script type="application/ld+json">{"@graph": [{"@type": "WebPage"},'
    ' {"@type": ["Article", "Thing"]}]}</script>',
    '<script type="application/ld+json">[{"@type": "https://schema.org/BlogPosting"}]</script>',
])
def test_pages_that_declare_an_article(html):
    assert declares_article(f"<html><head>{html}</head><body></body></html>")


@pytest.mark.parametrize("html", [
    '<meta property="og:type" content="website">',
    '<script type="application/ld+json">{"@type": "CollectionPage"}</script>',
    '<script type="application/ld+json">{broken json</script>',
    "",
])
def test_pages_that_do_not_declare_an_article(html):
    assert not declares_article(f"<html><head>{html}</head><body></body></html>")


@pytest.mark.parametrize("url", [
    "https://x.ma/2025/05/08/le-gouvernement-adopte/",
    "https://x.ma/2025/05/slug/",
    "https://x.ma/politique/elections_a1234.html",
    "https://x.ma/news/12345.html",
    "https://x.ma/article/987",
    "https://x.ma/?p=123",
    "https://x.ma/economie/la-banque-centrale-maintient-son-taux",
    "https://x.ma/%D8%A7%D9%84%D9%85%D8%BA%D8%B1%D8%A8-%D9%88%D8%A5%D8%B3%D8%A8%D8%A7%D9%86%D9%8A%D8%A7-%D9%8A%D8%B9%D8%B2%D8%B2%D8%A7%D9%86-%D8%A7%D9%84%D8%AA%D9%86%D8%B3%D9%8A%D9%82",
])
def test_article_shaped_urls(url):
    assert url_looks_like_article(url)


@pytest.mark.parametrize("url", [
    "https://x.ma/",
    "https://x.ma/category/politique/",
    "https://x.ma/tag/maroc-et-espagne-relations-bilaterales/",
    "https://x.ma/author/karim/",
    "https://x.ma/page/2/",
    "https://x.ma/about-us/",
    "https://x.ma/contact/",
    "https://x.ma/politique/",
    "https://x.ma/search?q=maroc",
])
def test_not_article_shaped_urls(url):
    assert not url_looks_like_article(url)


def test_listing_and_utility_urls():
    assert url_looks_like_listing("https://x.ma/")
    assert url_looks_like_listing("https://x.ma/category/sport/page/3/")
    assert not url_looks_like_listing("https://x.ma/2025/05/08/slug/")
    assert is_utility_url("https://x.ma/wp-admin/post.php")
    assert is_utility_url("https://x.ma/2025/05/08/slug/?replytocom=12")
    assert is_utility_url("https://x.ma/2025/05/08/slug/feed/")
    assert not is_utility_url("https://x.ma/2025/05/08/slug/")


def test_non_html_urls_and_types():
    assert has_non_html_extension("https://x.ma/files/rapport%202024.PDF")
    assert has_non_html_extension("https://x.ma/a.jpg?w=300")
    assert not has_non_html_extension("https://x.ma/news/1.html")
    assert not has_non_html_extension("https://x.ma/2025/05/08/slug/")
    assert is_html_type("text/html; charset=windows-1256")
    assert is_html_type("application/xhtml+xml")
    assert is_html_type(None)
    assert not is_html_type("application/pdf")
    assert not is_html_type("image/jpeg")


# --- dates and since ---------------------------------------------------------------------------

NOW = datetime(2025, 5, 8, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(("value", "expected"), [
    ("7d", NOW - timedelta(days=7)),
    ("36h", NOW - timedelta(hours=36)),
    ("90m", NOW - timedelta(minutes=90)),
    ("2w", NOW - timedelta(weeks=2)),
    (" 1D ", NOW - timedelta(days=1)),
    ("2025-05-01", datetime(2025, 5, 1, tzinfo=UTC)),
    ("2025-05-01T10:00:00+02:00", datetime(2025, 5, 1, 8, 0, tzinfo=UTC)),
    ("2025-05-01T10:00:00", datetime(2025, 5, 1, 10, 0, tzinfo=UTC)),
])
def test_parse_since(value, expected):
    assert parse_since(value, now=NOW) == expected


@pytest.mark.parametrize("value", ["", "yesterday", "7 days", "-3d", "2025-13-01", "05/08/2025"])
def test_parse_since_refuses_anything_else(value):
    with pytest.raises(ValueError):
        parse_since(value, now=NOW)


@pytest.mark.parametrize(("text", "expected"), [
    ("2025-05-08T10:30:00+01:00", datetime(2025, 5, 8, 9, 30, tzinfo=UTC)),
    ("2025-05-08T10:30:00Z", datetime(2025, 5, 8, 10, 30, tzinfo=UTC)),
    ("2025-05-08", datetime(2025, 5, 8, tzinfo=UTC)),
    ("2025-05", datetime(2025, 5, 1, tzinfo=UTC)),
    ("Thu, 08 May 2025 10:30:00 GMT", datetime(2025, 5, 8, 10, 30, tzinfo=UTC)),
    ("Thu, 08 May 2025 10:30:00 +0100", datetime(2025, 5, 8, 9, 30, tzinfo=UTC)),
    ("not a date", None),
    ("", None),
    (None, None),
])
def test_parse_timestamp(text, expected):
    assert parse_timestamp(text) == expected


def test_entry_older_than_since_only_when_dated():
    since = datetime(2025, 5, 1, tzinfo=UTC)
    assert Entry("u", updated=datetime(2025, 4, 1, tzinfo=UTC)).older_than(since)
    assert not Entry("u", published=datetime(2025, 5, 2, tzinfo=UTC),
                     updated=datetime(2020, 1, 1, tzinfo=UTC)).older_than(since)
    assert not Entry("u").older_than(since)
    assert not Entry("u", updated=datetime(2020, 1, 1, tzinfo=UTC)).older_than(None)
