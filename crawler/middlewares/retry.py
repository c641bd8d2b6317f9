"""Retries with exponential backoff that honour Retry-After, without blocking the reactor.

A retried request goes back to the scheduler carrying its delay; this middleware's
`process_request` awaits that delay before the request takes a download slot. A 429 or 503 with
Retry-After also cools down the whole host: every request to it waits, as the site asked.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import sleep
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.response import response_status_message

from crawler.middlewares.blocks import header_map
from crawler.middlewares.challenge import block_reason

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)

DELAY = "retry_delay"
_HOST_WIDE = {429, 503}


def retry_after_seconds(value: str | bytes | None, now: datetime | None = None) -> float | None:
    """Seconds asked by a Retry-After header: delta-seconds or an HTTP date; None if unreadable."""
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    value = value.strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def backoff_seconds(attempt: int, base: float, cap: float) -> float:
    """base, 2·base, 4·base... for attempts 1, 2, 3..., never above cap."""
    return min(cap, base * 2 ** max(0, attempt - 1))


class BackoffRetryMiddleware(RetryMiddleware):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler.settings)
        settings = crawler.settings
        self.crawler = crawler
        self.base = settings.getfloat("CRAWLER_RETRY_BACKOFF_BASE", 1.0)
        self.backoff_cap = settings.getfloat("CRAWLER_RETRY_BACKOFF_MAX", 60.0)
        self.retry_after_cap = settings.getfloat("CRAWLER_RETRY_AFTER_MAX", 120.0)
        if self.base < 0 or self.retry_after_cap < 0:
            raise NotConfigured("negative retry delays")
        self._cooldown: dict[str, float] = {}  # host -> monotonic time it may be asked again

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        wait = float(request.meta.pop(DELAY, 0) or 0)
        host = urlparse_cached(request).netloc
        if host in self._cooldown:
            wait = max(wait, self._cooldown[host] - time.monotonic())
        if wait > 0:
            await sleep(wait)

    def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        if response.status != 429 and block_reason(
            response.status, header_map(response), response.body
        ):
            # A challenge does not go away by asking again.
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        asked = retry_after_seconds(response.headers.get(b"Retry-After"))
        if asked is not None:
            delay = min(asked, self.retry_after_cap)
            self.crawler.stats.inc_value("retry/retry_after")
        else:
            delay = backoff_seconds(retry.meta["retry_times"], self.base, self.backoff_cap)
        if response.status in _HOST_WIDE and delay > 0:
            host = urlparse_cached(request).netloc
            until = time.monotonic() + delay
            self._cooldown[host] = max(self._cooldown.get(host, 0.0), until)
        retry.meta[DELAY] = delay
        self.crawler.stats.max_value("retry/max_delay", round(delay, 3))
        logger.info("Retrying %s in %.1fs (HTTP %d, attempt %d)", request.url, delay,
                    response.status, retry.meta["retry_times"])
        return retry

    def process_exception(self, request: Request, exception: Exception) -> Request | None:
        if not isinstance(exception, self.exceptions_to_retry) or request.meta.get("dont_retry"):
            return None
        retry = self._retry(request, exception)
        if retry is not None:
            retry.meta[DELAY] = backoff_seconds(retry.meta["retry_times"], self.base,
                                                self.backoff_cap)
        return retry
