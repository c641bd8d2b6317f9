"""Skip PDFs, images, media, archives and other non-HTML: by URL extension before the request,
by Content-Type once the headers arrive (the body of a large file is not downloaded)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import IgnoreRequest, StopDownload
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware

from crawler.discovery.filetypes import has_non_html_extension, is_html_type, media_type
from crawler.middlewares import is_data_request

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Headers, Response
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)
STAT = "skipped/non_html"


class NonHtml(IgnoreRequest):
    """A page request that turned out not to be HTML."""


def _content_type(headers: Headers) -> str | None:
    value = headers.get(b"Content-Type")
    return value.decode("latin-1") if value else None


def _skip(stats: StatsCollector, url: str, why: str) -> NonHtml:
    stats.inc_value(STAT)
    logger.debug("Skipped non-HTML %s (%s)", url, why)
    return NonHtml(f"non-HTML ({why}): {url}")


class NonHtmlRequestFilter(BaseSpiderMiddleware):
    """Drops requests for non-HTML URLs before they reach the scheduler."""

    def get_processed_request(self, request: Request, response: Response | None) -> Request | None:
        if not is_data_request(request.meta, request.url) and has_non_html_extension(request.url):
            _skip(self.crawler.stats, request.url, "extension")
            return None
        return request


class NonHtmlMiddleware:
    """Downloader side: redirects to files, and URLs that do not say what they serve."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        middleware = cls(crawler)
        crawler.signals.connect(middleware.headers_received, signal=signals.headers_received)
        return middleware

    def process_request(self, request: Request) -> None:
        if not is_data_request(request.meta, request.url) and has_non_html_extension(request.url):
            raise _skip(self.stats, request.url, "extension")

    def headers_received(self, headers: Headers, body_length: int, request: Request,
                         **kwargs: Any) -> None:
        if not is_data_request(request.meta, request.url) and not is_html_type(
            _content_type(headers)
        ):
            # Keep the headers, drop the body: process_response counts and discards it.
            raise StopDownload(fail=False)

    def process_response(self, request: Request, response: Response) -> Response:
        content_type = _content_type(response.headers)
        if (
            200 <= response.status < 300
            and not is_data_request(request.meta, request.url)
            and not is_html_type(content_type)
        ):
            raise _skip(self.stats, response.url, media_type(content_type))
        return response
