"""Redirects as Scrapy follows them, with loops and over-long chains reported as errors.

Scrapy's scheduler would silently drop the second visit of a looping URL as a duplicate, and it
logs an exhausted chain at DEBUG; both hide a broken site, so both are logged at ERROR here.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy import Request
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.exceptions import IgnoreRequest
from w3lib.url import canonicalize_url

if TYPE_CHECKING:
    from scrapy.http import Response

logger = logging.getLogger(__name__)


class RedirectError(IgnoreRequest):
    """A redirect loop, or more redirects than REDIRECT_MAX_TIMES."""


def _key(url: str) -> str:
    return canonicalize_url(url)


class ReportingRedirectMiddleware(RedirectMiddleware):
    def process_response(self, request: Request, response: Response) -> Request | Response:
        try:
            result = super().process_response(request, response)
        except IgnoreRequest:
            chain = [*request.meta.get("redirect_urls", []), request.url]
            self._fail("redirect_limit", "Too many redirects (%d) from %s: %s", len(chain),
                       chain[0], " -> ".join(chain))
            raise RedirectError("max redirections reached") from None
        if isinstance(result, Request):
            visited = [*request.meta.get("redirect_urls", []), request.url]
            if _key(result.url) in {_key(url) for url in visited}:
                chain = [*visited, result.url]
                self._fail("redirect_loop", "Redirect loop from %s: %s", chain[0],
                           " -> ".join(chain))
                raise RedirectError("redirect loop")
        return result

    def _fail(self, key: str, message: str, *args: object) -> None:
        stats = self.crawler.stats
        stats.inc_value(f"errors/{key}")
        stats.inc_value("errors/total")
        logger.error(message, *args, extra={"spider": self.crawler.spider})
