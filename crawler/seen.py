"""Downloader middleware: do not fetch again an article an earlier run already wrote.

A request whose canonical URL (`crawler.urls.canonical_url`) is recorded as written in the state is
ignored (`IgnoreRequest`, stat `seen/skipped`; Scrapy does not log ignored requests). Only written
articles are recorded, so robots.txt, sitemaps, feeds and listing pages always go through, as does
an article whose earlier fetch was dropped or failed. Redirects re-enter the middleware chain, so a
redirect to a written article is skipped too.

Enabled by default; `CRAWLER_SKIP_SEEN_URLS = False` disables it (NotConfigured). The state file is
opened when the spider opens and read-only here; the files pipeline records what it writes, and
SQLite shows this connection every committed row, so an article written earlier in the same run
is skipped as well.
"""

from __future__ import annotations

from typing import Self

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured

from crawler.state import StateStore, paths_from_settings
from crawler.urls import canonical_url


class SeenUrlMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        _, self.state_path = paths_from_settings(crawler.settings)
        self.store: StateStore | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("CRAWLER_SKIP_SEEN_URLS", True):
            raise NotConfigured("CRAWLER_SKIP_SEEN_URLS is False")
        middleware = cls(crawler)
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def spider_opened(self) -> None:
        self.store = StateStore.open(self.state_path)

    def spider_closed(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    def process_request(self, request: Request) -> None:
        if self.store is None:
            return None
        key = canonical_url(request.url)
        if self.store.is_url_written(key):
            self.crawler.stats.inc_value("seen/skipped")
            raise IgnoreRequest(f"already written: {key}")
        return None
