"""What a crawl is doing: a progress line per spider every few seconds, a summary at the end,
and optionally every spider's final stats as JSON lines for scripts and tests."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import create_looping_call

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


def _total(stats: dict[str, Any], prefix: str) -> int:
    return sum(int(v) for k, v in stats.items() if k.startswith(prefix) and isinstance(v, int))


@dataclass(frozen=True, slots=True)
class Summary:
    pages: int  # responses received, robots.txt, sitemaps and feeds included
    written: int  # article files written (items out of the pipelines without the files one)
    duplicates: int  # dropped by deduplication
    seen: int  # not fetched: written by an earlier run
    not_articles: int  # candidate pages that extraction refused
    blocked: int
    errors: int

    @classmethod
    def from_stats(cls, stats: dict[str, Any]) -> Summary:
        written = stats.get("files/written", stats.get("item_scraped_count", 0))
        return cls(
            pages=int(stats.get("response_received_count", 0)),
            written=int(written),
            duplicates=_total(stats, "dedupe/"),
            seen=int(stats.get("seen/skipped", 0)),
            not_articles=_total(stats, "extract/not_article/"),
            blocked=int(stats.get("blocked/total", 0)),
            errors=int(stats.get("errors/total", 0)),
        )

    def line(self) -> str:
        return (f"{self.pages} pages fetched, {self.written} articles written, "
                f"{self.duplicates} duplicates, {self.seen} already written, "
                f"{self.not_articles} not articles, {self.blocked} blocked, {self.errors} errors")

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def label(spider: Spider) -> str:
    """The site a spider crawls (the generic spider's is the host it was given)."""
    site = getattr(spider, "site", None)
    return str(getattr(site, "name", "") or spider.name)


class ProgressLog:
    """One INFO line per spider every CRAWLER_PROGRESS_INTERVAL seconds, and one when it ends."""

    def __init__(self, crawler: Crawler, interval: float) -> None:
        self.crawler = crawler
        self.interval = interval
        self.task: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        interval = crawler.settings.getfloat("CRAWLER_PROGRESS_INTERVAL", 15.0)
        if interval <= 0:
            raise NotConfigured
        extension = cls(crawler, interval)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider: Spider) -> None:
        self.task = create_looping_call(self.log, spider)
        self.task.start(self.interval, now=False)

    def log(self, spider: Spider, final: str = "") -> None:
        summary = Summary.from_stats(self.crawler.stats.get_stats())
        suffix = f" (finished: {final})" if final else ""
        logger.info("%s: %s%s", label(spider), summary.line(), suffix, extra={"spider": spider})

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()
        self.log(spider, final=reason)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (int, float, str, bool)) or value is None:
        return value
    return str(value)


class StatsFile:
    """Appends `{"spider", "site", "reason", "summary", "stats"}` per finished spider to
    CRAWLER_STATS_FILE (JSON lines: several spiders of one process share the file)."""

    def __init__(self, crawler: Crawler, path: Path) -> None:
        self.crawler = crawler
        self.path = path

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        path = crawler.settings.get("CRAWLER_STATS_FILE")
        if not path:
            raise NotConfigured
        extension = cls(crawler, Path(path))
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_closed(self, spider: Spider, reason: str) -> None:
        stats = dict(self.crawler.stats.get_stats())
        record = {
            "spider": spider.name,
            "site": label(spider),
            "reason": reason,
            "summary": Summary.from_stats(stats).as_dict(),
            "stats": {key: _plain(value) for key, value in sorted(stats.items())},
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
