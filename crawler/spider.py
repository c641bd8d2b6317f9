"""The base spider every site spider subclasses: site data in, article items out.

Discovery runs in the order a site offers it: robots.txt `Sitemap:` lines and declared sitemaps,
then feeds (declared and announced on the home page), then the home page and section pages with
their pagination. Candidate article pages go to `crawler.extraction.extract`; listing pages only
feed discovery and never become items.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any, ClassVar, Self
from urllib.parse import urlsplit, urlunsplit

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.discovery.articles import is_utility_url, url_looks_like_article
from crawler.discovery.entries import Entry
from crawler.discovery.feeds import FeedError, feed_links, parse_feed
from crawler.discovery.html import links, parse_html
from crawler.discovery.pagination import next_pages
from crawler.discovery.sitemaps import INDEX, SitemapError, lists_articles, parse_sitemap
from crawler.discovery.sitemaps import robots_sitemaps as read_robots_sitemaps
from crawler.discovery.timeparse import parse_since
from crawler.encoding import Decoded, decode_html
from crawler.extraction import extract
from crawler.items import article_item
from crawler.middlewares import FEED, KIND, PROBE, ROBOTS, SITEMAP
from crawler.middlewares.blocks import Blocked
from crawler.middlewares.conditional import NotModified
from crawler.middlewares.non_html import NonHtml
from crawler.middlewares.redirects import RedirectError
from crawler.site import Site
from crawler.state import StateStore, paths_from_settings
from crawler.urls import canonical_url

HOME, SECTION, ARTICLE = "home", "section", "article"
# Data first: sitemaps and feeds name many articles per request.
PRIORITY = {ROBOTS: 40, SITEMAP: 30, FEED: 20, PROBE: 20, HOME: 10, SECTION: 5, ARTICLE: 0}


def positive_int(value: Any, name: str) -> int | None:
    """A spider argument (`-a name=3` arrives as text) as a positive int, or None when unset."""
    if value is None or value == "":
        return None
    number = int(value)
    if number <= 0:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return number


def _host_in(host: str, domains: Iterable[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains if d)


class NewsSpider(scrapy.Spider):
    site: ClassVar[Site]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        site = cls.__dict__.get("site")
        if isinstance(site, Site):
            cls.name = site.name
            cls.allowed_domains = list(site.allowed_domains)

    def __init__(self, *args: Any, base_url: str | None = None, since: str | None = None,
                 max_articles: Any = None, section_pages: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        declared = self.configured_site()
        if base_url:
            if not base_url.startswith(("http://", "https://")):
                raise ValueError(f"base_url must be an http(s) URL, got {base_url!r}")
            self.site: Site = declared.rebased(base_url)
        else:
            self.site = declared
        # Absolute URLs on the declared domains are moved onto base_url (mirrors, replicas).
        self._home_domains = declared.allowed_domains if base_url else ()
        self.allowed_domains = list(self.site.allowed_domains)
        self.since: datetime | None = parse_since(since) if since else None
        self.max_articles = positive_int(max_articles, "max_articles")
        self.section_pages = positive_int(section_pages, "section_pages")
        self.items_scraped = 0
        self.items_pending = 0  # yielded, not yet through the pipelines
        self.unchanged_before: datetime | None = None  # see `watermark`

    def configured_site(self) -> Site:
        site = type(self).__dict__.get("site") or getattr(type(self), "site", None)
        if not isinstance(site, Site):
            raise ValueError(f"{type(self).__name__} declares no `site = Site(...)`")
        return site

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        if spider.section_pages is None:
            spider.section_pages = max(1, settings.getint("CRAWLER_SECTION_PAGES", 3))
        if spider.max_articles and not settings.frozen:
            # Scrapy's CloseSpider extension closes the spider after N items left the pipelines
            # (duplicates dropped there do not count).
            settings.set("CLOSESPIDER_ITEMCOUNT", spider.max_articles, priority="spider")
        spider.max_xml_size = settings.getint("DOWNLOAD_MAXSIZE") or 64 * 1024 * 1024
        crawler.signals.connect(spider._item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(spider._item_gone, signal=signals.item_dropped)
        crawler.signals.connect(spider._item_gone, signal=signals.item_error)
        return spider

    def _item_scraped(self, item: Any) -> None:
        self.items_scraped += 1
        self.items_pending = max(0, self.items_pending - 1)

    def _item_gone(self, item: Any) -> None:
        self.items_pending = max(0, self.items_pending - 1)

    # --- helpers ---------------------------------------------------------------------------

    @property
    def stats(self) -> Any:
        return self.crawler.stats

    def enough(self) -> bool:
        """max_articles written: schedule nothing more."""
        return self.max_articles is not None and self.items_scraped >= self.max_articles

    def room_for_item(self) -> bool:
        """False when the items written and those still in the pipelines reach max_articles.

        Several callbacks can yield before the first item leaves the pipelines; without this a
        crawl would write a few more than asked. A pending item dropped as a duplicate makes
        room again, and the crawl goes on (it is closed only once max_articles are written).
        """
        if self.max_articles is None:
            return True
        return self.items_scraped + self.items_pending < self.max_articles

    def localize(self, url: str) -> str:
        """An absolute URL on the declared domains, moved onto base_url when rebased."""
        if not self._home_domains:
            return url
        parts = urlsplit(url)
        if not _host_in((parts.hostname or "").lower(), self._home_domains):
            return url
        base = urlsplit(self.site.base_url)
        return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, parts.fragment))

    def owns(self, url: str) -> bool:
        """Only the site's own domains are followed."""
        return _host_in((urlsplit(url).hostname or "").lower(), self.allowed_domains)

    def is_article_url(self, url: str) -> bool:
        """The site's article_pattern decides; without one, the URL's shape."""
        if not self.site.article_pattern:
            return url_looks_like_article(url)
        return self.site.is_article_url(url)

    def decode(self, response: Response) -> Decoded:
        content_type = response.headers.get(b"Content-Type")
        return decode_html(response.body, content_type.decode("latin-1") if content_type else None)

    def request(self, url: str, kind: str, callback: Any, **meta: Any) -> Request:
        return Request(url, callback=callback, errback=self.on_error, priority=PRIORITY[kind],
                       meta={KIND: kind, **meta})

    # --- discovery -------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[Any]:
        self.unchanged_before = self.watermark()
        for request in self.start_requests_in_order():
            yield request

    def watermark(self) -> datetime | None:
        """Sitemap and feed entries dated before this are unchanged: the start of the site's latest
        run that ended normally, minus CRAWLER_UNCHANGED_MARGIN (late publication, clock skew)."""
        settings = self.crawler.settings
        if not settings.getbool("CRAWLER_SKIP_UNCHANGED", True):
            return None
        with StateStore.open(paths_from_settings(settings)[1]) as store:
            started = store.watermark(self.site.name, self.since)
        margin = settings.getfloat("CRAWLER_UNCHANGED_MARGIN", 3600.0)
        return started - timedelta(seconds=margin) if started else None

    def unchanged(self, entry: Entry) -> bool:
        """Undated entries are never unchanged: the seen-URL filter alone decides for them."""
        changed = max((d for d in (entry.published, entry.updated) if d), default=None)
        return bool(self.unchanged_before and changed and changed < self.unchanged_before)

    def start_requests_in_order(self) -> Iterator[Request]:
        site = self.site
        yield self.request(site.absolute("/robots.txt"), ROBOTS, self.parse_robots,
                           dont_obey_robotstxt=True)
        for path in site.sitemaps:
            yield self.sitemap_request(self.localize(site.absolute(path)))
        for path in site.feeds:
            yield self.feed_request(self.localize(site.absolute(path)))
        yield self.listing_request(site.absolute("/"), HOME)
        for path in site.sections:
            yield self.listing_request(self.localize(site.absolute(path)), SECTION)

    def sitemap_request(self, url: str) -> Request:
        return self.request(url, SITEMAP, self.parse_sitemap)

    def feed_request(self, url: str, kind: str = FEED) -> Request:
        return self.request(url, kind, self.parse_feed)

    def listing_request(self, url: str, kind: str, page: int = 1) -> Request:
        return self.request(url, kind, self.parse_listing, page=page)

    def article_request(self, url: str, source: str, entry: Entry | None = None) -> Request | None:
        meta: dict[str, Any] = {"source": source}
        if entry is not None and entry.published is not None:
            meta["published"] = entry.published.date().isoformat()
        return self.request(canonical_url(url), ARTICLE, self.parse_article, **meta)

    def parse_robots(self, response: Response) -> Iterator[Request]:
        for url in read_robots_sitemaps(response.body, response.url):
            url = self.localize(url)
            if self.owns(url):
                self.stats.inc_value("discovery/robots_sitemaps")
                yield self.sitemap_request(url)

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        try:
            sitemap = parse_sitemap(response.body, response.url, self.max_xml_size)
        except SitemapError as exc:
            self.stats.inc_value("discovery/sitemap_errors")
            self.logger.warning("Skipped malformed sitemap %s: %s", response.url, exc)
            return
        self.stats.inc_value("discovery/sitemaps")
        if sitemap.kind == INDEX:
            for entry in newest_first(sitemap.entries):
                url = self.localize(entry.url)
                if not lists_articles(url):
                    self.stats.inc_value("discovery/sitemaps_not_articles")
                elif entry.older_than(self.since):
                    self.stats.inc_value("discovery/too_old_sitemaps")
                elif self.unchanged(entry):
                    self.stats.inc_value("discovery/unchanged_sitemaps")
                elif self.owns(url):
                    yield self.sitemap_request(url)
            return
        yield from self.entry_requests(sitemap.entries, SITEMAP)

    def parse_feed(self, response: Response) -> Iterator[Request]:
        try:
            entries = parse_feed(response.body, response.url)
        except FeedError as exc:
            if response.meta.get(KIND) == PROBE:
                self.logger.debug("No feed at %s: %s", response.url, exc)
            else:
                self.stats.inc_value("discovery/feed_errors")
                self.logger.warning("Skipped malformed feed %s: %s", response.url, exc)
            return
        self.stats.inc_value("discovery/feeds")
        yield from self.entry_requests(entries, FEED)

    def entry_requests(self, entries: list[Entry], source: str) -> Iterator[Request]:
        self.stats.inc_value(f"discovery/{source}_entries", len(entries))
        for entry in newest_first(entries):
            if self.enough():
                return
            if entry.older_than(self.since):
                self.stats.inc_value("discovery/too_old")
                continue
            if self.unchanged(entry):
                self.stats.inc_value("discovery/unchanged")
                continue
            url = self.localize(entry.url)
            if not self.owns(url):
                self.stats.inc_value("discovery/offsite")
                continue
            # Sitemaps also list static pages; a site's article_pattern tells them apart.
            if source == SITEMAP and self.site.article_pattern and not self.is_article_url(url):
                self.stats.inc_value("discovery/not_article_url")
                continue
            request = self.article_request(url, source, entry)
            if request is not None:
                yield request

    def parse_listing(self, response: Response) -> Iterator[Request]:
        if self.enough():
            return
        tree = parse_html(self.decode(response).text)
        if tree is None:
            return
        kind, page = response.meta[KIND], response.meta.get("page", 1)
        self.stats.inc_value("discovery/listing_pages")
        if kind == HOME:
            for url in feed_links(tree, response.url):
                url = self.localize(url)
                if self.owns(url):
                    self.stats.inc_value("discovery/feeds_announced")
                    yield self.feed_request(url)
        for link in links(tree, response.url):
            url = self.localize(link.url)
            if self.owns(url) and not is_utility_url(url) and self.is_article_url(url):
                request = self.article_request(url, kind)
                if request is not None:
                    yield request
        following = [u for u in map(self.localize, next_pages(tree, response.url)) if self.owns(u)]
        if following:
            if page < (self.section_pages or 1):
                yield self.listing_request(following[0], SECTION, page + 1)
            else:
                self.stats.inc_value("discovery/pagination_limit")

    # --- articles --------------------------------------------------------------------------

    def parse_article(self, response: Response) -> Iterator[dict[str, Any]]:
        if not self.enough():
            yield from self.article_items(self.decode(response).text, response)

    def article_items(self, text: str, response: Response) -> Iterator[dict[str, Any]]:
        """The item of the page's article; nothing for listings, errors and too-old articles."""
        result = extract(text, response.url, site=self.site)
        article = result.article
        if article is None:
            self.stats.inc_value(f"extract/not_article/{result.reason or 'unknown'}")
            self.logger.debug("Not an article (%s): %s", result.reason, response.url)
            return
        if not article.date and response.meta.get("published"):
            # The feed or news sitemap knew the date the page does not show.
            article = replace(article, date=response.meta["published"])
        if self.since and article.date and article.date < self.since.date().isoformat():
            self.stats.inc_value("discovery/too_old")
            return
        self.stats.inc_value("extract/articles")
        if not self.room_for_item():
            self.stats.inc_value("extract/over_max_articles")
            return
        self.items_pending += 1
        yield article_item(article)

    # --- failures --------------------------------------------------------------------------

    def on_error(self, failure: Failure) -> None:
        request: Request = failure.request  # type: ignore[attr-defined]
        kind = request.meta.get(KIND)
        if failure.check(Blocked, NonHtml, RedirectError, NotModified):
            return  # counted and logged by the middleware
        if kind in (PROBE, ROBOTS):
            # A missing robots.txt or an absent feed at a guessed path is normal.
            self.logger.debug("No %s at %s: %s", kind, request.url, failure.value)
            if kind == PROBE:
                self.stats.inc_value("discovery/probe_missing")
            return
        if failure.check(IgnoreRequest):
            # Offsite, robots.txt, already written: expected, and counted where they happen.
            self.logger.debug("Ignored %s: %s", request.url, failure.value)
            return
        if failure.check(HttpError):
            status = failure.value.response.status
            self.stats.inc_value(f"errors/http_{status}")
            self.stats.inc_value("errors/total")
            self.logger.warning("HTTP %d for %s %s", status, kind or "page", request.url)
            return
        name = type(failure.value).__name__
        self._error(name, "%s fetching %s: %s", name, request.url, failure.value)

    def _error(self, key: str, message: str, *args: Any) -> None:
        self.stats.inc_value(f"errors/{key}")
        self.stats.inc_value("errors/total")
        self.logger.error(message, *args)


def newest_first(entries: list[Entry]) -> list[Entry]:
    """Dated entries newest first, undated ones after them in source order."""
    dated = [(e.date, e) for e in entries if e.date is not None]
    dated.sort(key=lambda pair: pair[0], reverse=True)
    return [e for _, e in dated] + [e for e in entries if e.date is None]

