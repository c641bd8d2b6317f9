"""`crawler crawl --warc FILE`: archive every raw response of the crawl, and the item order.

`WarcArchiveMiddleware` (downloader middleware, 950) sits next to the download handler: responses
reach it before HttpCompressionMiddleware (590) decompresses them and before redirects (600),
retries (550), block detection (540) and the non-HTML check (530) act on them, so the archive
holds every response as the server sent it: 3xx, 429s that were retried, robots.txt, sitemaps,
feeds, listings and articles alike. It writes a warcinfo record when the spider opens, then
response + request + crawl-context records per response (`crawler.warc.ArchiveWriter`).

`WarcItemOrderPipeline` (item pipeline, 100, before deduplication) writes an item marker as each
item enters the pipelines. Replay goes by these markers rather than by response order: nothing in
Scrapy promises that items reach the pipelines in the order their responses left the downloader
(callbacks run as concurrent tasks, CONCURRENT_ITEMS outputs are processed in parallel, and any
asynchronous middleware or pipeline can let a later response overtake), and which article is
written first decides file numbers and which of two near duplicates is kept. The pipelines here
are synchronous, so the order this first one sees is the order the dedupe and files pipelines see.

The add-on `WarcArchive` (in ADDONS) registers both only when CRAWLER_WARC_PATH is set, and each
raises NotConfigured without it wherever it is registered. Each opens the file for appending on
its own; records are written whole from the reactor thread, so they never interleave.
Stats: `warc/responses`, `warc/item_markers`, `warc/bytes`, `warc/write_errors`.
"""

from __future__ import annotations

import logging
import platform
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any

import scrapy
from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.exceptions import NotConfigured

from crawler import __version__
from crawler.middlewares import KIND
from crawler.warc import KIND as KIND_FIELD
from crawler.warc import PUBLISHED, SITE, ArchiveWriter, Exchange, header_items

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

SETTING = "CRAWLER_WARC_PATH"
# Next to the download handler (above HttpCompressionMiddleware, 590, and the redirect, 600, and
# retry, 550, middlewares); before the dedupe pipeline (300).
MIDDLEWARE_PRIORITY, PIPELINE_PRIORITY = 950, 100


def _path(crawler: Crawler) -> Path:
    value = crawler.settings.get(SETTING)
    if not value:
        raise NotConfigured
    return Path(value)


class WarcArchive:
    """Add-on (ADDONS): registers the two components below when CRAWLER_WARC_PATH is set, so a
    crawl without an archive runs exactly the configured middlewares and pipelines."""

    def update_settings(self, settings: BaseSettings) -> None:
        if not settings.get(SETTING):
            return
        settings.set_in_component_priority_dict(
            "DOWNLOADER_MIDDLEWARES", WarcArchiveMiddleware, MIDDLEWARE_PRIORITY)
        settings.set_in_component_priority_dict(
            "ITEM_PIPELINES", WarcItemOrderPipeline, PIPELINE_PRIORITY)


class WarcArchiveMiddleware:
    def __init__(self, crawler: Crawler, path: Path) -> None:
        self.crawler = crawler
        self.path = path
        self.writer: ArchiveWriter | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        middleware = cls(crawler, _path(crawler))
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def spider_opened(self, spider: Spider) -> None:
        self.writer = ArchiveWriter.open(self.path)
        settings = self.crawler.settings
        self._count(self.writer.write_warcinfo({
            "software": f"news-crawler/{__version__} (Scrapy {scrapy.__version__}, "
                        f"warcio {version('warcio')}, Python {platform.python_version()})",
            "format": "WARC File Format 1.1",
            "isPartOf": spider.name,
            "robots": "obey" if settings.getbool("ROBOTSTXT_OBEY") else "ignore",
            "http-header-user-agent": settings.get("USER_AGENT"),
            "description": "every response as received, before decompression and redirects; "
                           "crawler-* metadata records give the crawl context and item order",
        }))
        logger.info("Archiving responses to %s", self.path)

    def spider_closed(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None

    def process_response(self, request: Request, response: Response) -> Response:
        if self.writer is None:
            return response
        site = getattr(self.crawler.spider, "site", None)
        exchange = Exchange(
            url=response.url,
            method=request.method,
            request_headers=header_items(request.headers),
            request_body=request.body,
            status=response.status,
            # The body kept is the transfer-decoded one: a Transfer-Encoding header would lie.
            response_headers=[(k, v) for k, v in header_items(response.headers)
                              if k.lower() != "transfer-encoding"],
            body=response.body,
            protocol=response.protocol or "HTTP/1.1",
            ip_address=str(response.ip_address) if response.ip_address else None,
            truncated="download_stopped" in response.flags,
            context={SITE: getattr(site, "name", None), KIND_FIELD: request.meta.get(KIND),
                     PUBLISHED: request.meta.get("published")},
        )
        try:
            _, size = self.writer.write_exchange(exchange)
        except OSError as exc:
            self.crawler.stats.inc_value("warc/write_errors")
            logger.error("Could not archive %s to %s: %s", response.url, self.path, exc)
            return response
        self.crawler.stats.inc_value("warc/responses")
        self._count(size)
        return response

    def _count(self, size: int) -> None:
        self.crawler.stats.inc_value("warc/bytes", size)


class WarcItemOrderPipeline:
    def __init__(self, crawler: Crawler, path: Path) -> None:
        self.crawler = crawler
        self.path = path
        self.writer: ArchiveWriter | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler, _path(crawler))

    def open_spider(self) -> None:
        self.writer = ArchiveWriter.open(self.path)

    def close_spider(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None

    def process_item(self, item: Any) -> Any:
        if self.writer is None:
            return item
        adapter = ItemAdapter(item)
        try:
            size = self.writer.write_item_marker(adapter["url"], adapter.get("hash") or "")
        except OSError as exc:
            self.crawler.stats.inc_value("warc/write_errors")
            logger.error("Could not archive the item order to %s: %s", self.path, exc)
            return item
        self.crawler.stats.inc_value("warc/item_markers")
        self.crawler.stats.inc_value("warc/bytes", size)
        return item
