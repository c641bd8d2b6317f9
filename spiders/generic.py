"""Any news site from one URL: `scrapy crawl generic -a start_url=https://example.com/`.

Discovery: robots.txt sitemaps, feeds announced on the start page or found at the usual feed
paths, then same-site link following up to a depth and a page limit. A page becomes an article
when it says so (og:type=article, JSON-LD NewsArticle/Article...), or its URL has an article's
shape (dated path, long slug, `_a123.html`) or a sitemap/feed lists it, and extraction succeeds.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Self
from urllib.parse import urlsplit

from scrapy.crawler import Crawler
from scrapy.http import Request, Response

from crawler.discovery.articles import (
    declares_article,
    is_utility_url,
    url_looks_like_article,
    url_looks_like_listing,
)
from crawler.discovery.entries import Entry
from crawler.discovery.feeds import COMMON_FEED_PATHS, feed_links
from crawler.discovery.html import links, parse_html
from crawler.middlewares import KIND, PROBE, ROBOTS
from crawler.site import Site
from crawler.spider import ARTICLE, HOME, NewsSpider, positive_int
from crawler.urls import canonical_url

PAGE = "page"


def site_for(start_url: str) -> Site:
    """A Site for an arbitrary URL: its origin, its registrable-looking domain (no www.)."""
    parts = urlsplit(start_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"start_url must be an absolute http(s) URL, got {start_url!r}")
    host = parts.hostname.lower()
    domain = host.removeprefix("www.")
    return Site(name=domain, title=domain, base_url=f"{parts.scheme}://{parts.netloc}",
                domains=(domain,), language="")


class GenericSpider(NewsSpider):
    name = "generic"

    def __init__(self, *args: Any, start_url: str | None = None, depth: Any = None,
                 max_pages: Any = None, **kwargs: Any) -> None:
        if not start_url:
            raise ValueError("the generic spider needs a start URL: -a start_url=https://...")
        self.start_url = start_url
        self.max_depth = positive_int(depth, "depth") if depth not in (None, "") else None
        self.max_pages = positive_int(max_pages, "max_pages")
        self._requested: set[str] = set()
        super().__init__(*args, **kwargs)

    def configured_site(self) -> Site:
        return site_for(self.start_url)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        if spider.max_depth is None:
            spider.max_depth = max(0, crawler.settings.getint("CRAWLER_GENERIC_DEPTH", 3))
        if spider.max_pages is None:
            spider.max_pages = max(1, crawler.settings.getint("CRAWLER_GENERIC_MAX_PAGES", 500))
        return spider

    def start_requests_in_order(self) -> Iterator[Request]:
        site = self.site
        yield self.request(site.absolute("/robots.txt"), ROBOTS, self.parse_robots,
                           dont_obey_robotstxt=True)
        for path in COMMON_FEED_PATHS:
            yield self.feed_request(site.absolute(path), PROBE)
        start = self.page_request(self.localize(self.start_url), hops=0, kind=HOME)
        if start is not None:
            yield start

    def page_request(self, url: str, hops: int, kind: str = PAGE, listed: bool = False,
                     published: str | None = None) -> Request | None:
        """A page to read, unless the page limit is reached or it was requested already."""
        url = canonical_url(url)
        if url in self._requested:
            return None
        if len(self._requested) >= (self.max_pages or 0):
            self.stats.inc_value("discovery/page_limit")
            return None
        self._requested.add(url)
        meta: dict[str, Any] = {"hops": hops, "listed": listed}
        if published:
            meta["published"] = published
        return self.request(url, HOME if kind == HOME else ARTICLE, self.parse_page, **meta)

    def article_request(self, url: str, source: str, entry: Entry | None = None) -> Request | None:
        # Sitemap and feed entries are article candidates one hop from the start page.
        published = entry.published.date().isoformat() if entry and entry.published else None
        return self.page_request(url, hops=1, listed=True, published=published)

    def parse_page(self, response: Response) -> Iterator[Any]:
        if self.enough():
            return
        decoded = self.decode(response)
        tree = parse_html(decoded.text)
        if tree is None:
            return
        hops = int(response.meta.get("hops", 0))
        if response.meta.get(KIND) == HOME:
            for url in feed_links(tree, response.url):
                if self.owns(url):
                    self.stats.inc_value("discovery/feeds_announced")
                    yield self.feed_request(url)
        url = response.url
        candidate = not url_looks_like_listing(url) and (
            response.meta.get("listed") or declares_article(tree) or url_looks_like_article(url)
        )
        if candidate:
            yield from self.article_items(decoded.text, response)
        else:
            self.stats.inc_value("discovery/listing_pages")
        if hops >= (self.max_depth or 0):
            return
        for link in links(tree, response.url):
            if self.enough():
                return
            target = self.localize(link.url)
            if self.owns(target) and not is_utility_url(target):
                request = self.page_request(target, hops + 1)
                if request is not None:
                    yield request
