"""Cheap re-polling: conditional requests for feeds, sitemaps and listing pages, and the record of
each site's runs that says which stored validators and dates can be trusted.

`ConditionalRequestMiddleware` (downloader middleware)
- For requests whose `meta[KIND]` is one of CRAWLER_CONDITIONAL_KINDS (sitemaps, feeds, feed
  probes, home and section pages), sends `If-None-Match` / `If-Modified-Since` from the validators
  the state holds for the URL (stat `conditional/sent`), stores the `ETag` / `Last-Modified` of
  200 answers (`conditional/stored`), and turns a 304 into `NotModified`, an `IgnoreRequest` the
  spider passes over silently (`conditional/not_modified`).
- Validators are sent only when they were stored or confirmed during the site's latest run that
  ended normally. A 304 says "as you last saw it", and what an interrupted or failing run saw was
  not necessarily followed through: sending its validators could hide, until the page changes,
  articles that run never fetched. Such validators are left out (`conditional/untrusted`) and the
  page is fetched in full once.
- robots.txt is not made conditional: its `Sitemap:` lines are read on every run.
- `CRAWLER_CONDITIONAL_REQUESTS = False` disables it (NotConfigured).

`SiteRunRecorder` (extension)
- Records in the state, per site, when each run started and ended and how; a run "ended
  normally" when it finished on its own with no failure worth retrying (5xx, timeouts, refused
  connections, blocks, callback or pipeline exceptions; 4xx and redirect loops are permanent and
  do not count) and no page limit left links unfollowed. The start of the latest such run is the
  site's watermark: the spider skips sitemap and feed entries dated before it (minus
  CRAWLER_UNCHANGED_MARGIN), and its start and end bound the validators the middleware trusts.
- Both only while that run looked as far back as the current one: after `--since 2d`, a run
  without `--since` re-reads everything once (`SiteRun.covers`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import IgnoreRequest, NotConfigured

from crawler.middlewares import KIND
from crawler.progress import label
from crawler.state import StateStore, Validators, parse_stamp, paths_from_settings

if TYPE_CHECKING:
    from pathlib import Path
    from typing import Self

    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)

# The URL the conditional headers of a request were chosen for: a redirect copies the headers of
# the request it follows, and the validators of one URL mean nothing for another.
SENT_FOR = "conditional_for"
IF_NONE_MATCH, IF_MODIFIED_SINCE = b"If-None-Match", b"If-Modified-Since"
# Sitemaps, feeds, feed probes, home and section pages (crawler.middlewares, crawler.spider).
DEFAULT_KINDS = ("sitemap", "feed", "probe", "home", "section")
# Client errors other than timeouts and rate limits, and redirect loops: retrying changes nothing.
_PERMANENT_ERROR = re.compile(r"^errors/(?:http_4(?!08|29)\d\d|redirect_loop|redirect_limit)$")


class NotModified(IgnoreRequest):
    """The server answered 304: the page is as the latest normal run saw it."""


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    text = value.decode("latin-1").strip() if value else ""
    return text or None


def retryable_failures(stats: Mapping[str, Any]) -> int:
    """Failures a later run could get past: transient download errors, blocks, exceptions."""
    errors = int(stats.get("errors/total", 0))
    errors -= sum(int(v) for k, v in stats.items() if _PERMANENT_ERROR.match(k))
    exceptions = int(stats.get("spider_exceptions/count", 0))
    return max(errors, 0) + exceptions + int(stats.get("blocked/total", 0))


def ended_normally(reason: str, stats: Mapping[str, Any]) -> bool:
    """Finished on its own, having followed everything it found: nothing worth retrying failed,
    and no page limit left links unfollowed (the generic spider's CRAWLER_GENERIC_MAX_PAGES)."""
    return (reason == "finished" and retryable_failures(stats) == 0
            and not stats.get("discovery/page_limit"))


class ConditionalRequestMiddleware:
    def __init__(self, crawler: Crawler, kinds: frozenset[str]) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.kinds = kinds
        _, self.state_path = paths_from_settings(crawler.settings)
        self.store: StateStore | None = None
        self.trusted: tuple[datetime, datetime] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not settings.getbool("CRAWLER_CONDITIONAL_REQUESTS", True):
            raise NotConfigured("CRAWLER_CONDITIONAL_REQUESTS is False")
        kinds = frozenset(settings.getlist("CRAWLER_CONDITIONAL_KINDS", list(DEFAULT_KINDS)))
        if not kinds:
            raise NotConfigured("CRAWLER_CONDITIONAL_KINDS is empty")
        middleware = cls(crawler, kinds)
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def spider_opened(self, spider: Spider) -> None:
        self.store = StateStore.open(self.state_path)
        run = self.store.site_run(label(spider))
        if run is not None and run.covers(getattr(spider, "since", None)):
            self.trusted = run.ok_window()

    def spider_closed(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    def trusts(self, validators: Validators) -> bool:
        seen = parse_stamp(validators.last_seen)
        return self.trusted is not None and seen is not None and (
            self.trusted[0] <= seen <= self.trusted[1]
        )

    def process_request(self, request: Request) -> None:
        if self.store is None or request.meta.get(KIND) not in self.kinds:
            return None
        if request.meta.get(SENT_FOR) not in (None, request.url):
            request.headers.pop(IF_NONE_MATCH, None)
            request.headers.pop(IF_MODIFIED_SINCE, None)
            del request.meta[SENT_FOR]
        validators = self.store.get_validators(request.url)
        if validators is None or not (validators.etag or validators.last_modified):
            return None
        if not self.trusts(validators):
            self.stats.inc_value("conditional/untrusted")
            return None
        if validators.etag:
            request.headers[IF_NONE_MATCH] = validators.etag
        if validators.last_modified:
            request.headers[IF_MODIFIED_SINCE] = validators.last_modified
        request.meta[SENT_FOR] = request.url
        self.stats.inc_value("conditional/sent")
        return None

    def process_response(self, request: Request, response: Response) -> Response:
        if self.store is None or request.meta.get(KIND) not in self.kinds:
            return response
        if response.status == 304 and request.meta.get(SENT_FOR) == request.url:
            self.store.touch_validators(request.url)
            self.stats.inc_value("conditional/not_modified")
            logger.debug("Not modified: %s", request.url, extra={"spider": self.crawler.spider})
            raise NotModified(f"not modified: {request.url}")
        if response.status == 200:
            etag, modified = _header(response, b"ETag"), _header(response, b"Last-Modified")
            if etag or modified:
                self.store.put_validators(request.url, etag, modified)
                self.stats.inc_value("conditional/stored")
        return response


class SiteRunRecorder:
    def __init__(self, crawler: Crawler, state_path: Path) -> None:
        self.crawler = crawler
        self.state_path = state_path
        self.started: datetime | None = None
        self.item_errors = 0  # Scrapy logs them but keeps no stat

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        _, state_path = paths_from_settings(crawler.settings)
        recorder = cls(crawler, state_path)
        crawler.signals.connect(recorder.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(recorder.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(recorder.item_error, signal=signals.item_error)
        return recorder

    def spider_opened(self, spider: Spider) -> None:
        self.started = datetime.now(UTC)
        with StateStore.open(self.state_path) as store:
            store.run_started(label(spider), self.started)

    def item_error(self) -> None:
        self.item_errors += 1

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.started is None:
            return
        ok = ended_normally(reason, self.crawler.stats.get_stats()) and not self.item_errors
        with StateStore.open(self.state_path) as store:
            store.run_finished(label(spider), self.started, datetime.now(UTC), reason, ok,
                               since=getattr(spider, "since", None))
        self.crawler.stats.set_value("runs/ended_normally", ok)
