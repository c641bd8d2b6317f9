"""Count and drop block/challenge responses so they never reach extraction."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy.exceptions import IgnoreRequest

from crawler.middlewares.challenge import block_reason

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)


class Blocked(IgnoreRequest):
    """The site answered with a block or challenge page instead of content."""

    def __init__(self, reason: str, url: str) -> None:
        super().__init__(f"blocked ({reason}): {url}")
        self.reason = reason
        self.url = url


def header_map(response: Response) -> dict[str, str]:
    return {
        key.decode("latin-1"): (values[-1] if values else b"").decode("latin-1")
        for key, values in response.headers.items()
    }


class BlockDetectionMiddleware:
    """Runs after retries gave up (below RetryMiddleware): a 429 seen here stayed a 429."""

    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler.stats)

    def process_response(self, request: Request, response: Response) -> Response:
        reason = block_reason(response.status, header_map(response), response.body)
        if reason is None:
            return response
        self.stats.inc_value(f"blocked/{reason}")
        self.stats.inc_value("blocked/total")
        logger.warning("Blocked (%s, HTTP %d): %s", reason, response.status, response.url)
        raise Blocked(reason, response.url)
