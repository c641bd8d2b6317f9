"""Run several spiders in one Scrapy process with the project settings, and tabulate the result."""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from scrapy.crawler import AsyncCrawlerProcess, Crawler
from scrapy.settings import Settings
from scrapy.utils.conf import closest_scrapy_cfg
from scrapy.utils.project import get_project_settings

from crawler.progress import Summary

SETTINGS_MODULE = "crawler.settings"
logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Job:
    spider: str  # spider name: a configured site or "generic"
    label: str  # what the summary calls it (site name, or the generic spider's host)
    kwargs: dict[str, Any] = field(default_factory=dict)  # spider arguments


@dataclass(frozen=True, slots=True)
class Outcome:
    job: Job
    started: bool
    reason: str  # finish_reason, or why it did not start
    summary: Summary
    ran: bool = True  # False: not attempted (the run was interrupted before)


def project_settings(overrides: dict[str, Any] | None = None) -> Settings:
    """The project settings from any working directory; `overrides` at command-line priority.

    Scrapy finds them through scrapy.cfg next to (or above) the working directory; elsewhere the
    installed package's settings module is named explicitly.
    """
    if not os.environ.get("SCRAPY_SETTINGS_MODULE") and not closest_scrapy_cfg():
        os.environ["SCRAPY_SETTINGS_MODULE"] = SETTINGS_MODULE
    settings = get_project_settings()
    for name, value in (overrides or {}).items():
        settings.set(name, value, priority="cmdline")
    return settings


def parse_setting(text: str) -> tuple[str, str]:
    """`NAME=VALUE` as given to `-s` (Scrapy's own syntax)."""
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise ValueError(f"expected NAME=VALUE, got {text!r}")
    return name.strip(), value


def run(jobs: Sequence[Job], settings: Settings, parallel: bool = True) -> list[Outcome]:
    """Run the jobs in one Scrapy process, all at once unless `parallel` is False.

    Politeness is per domain, so sites crawled side by side do not load any one server more;
    the spiders share the output folder's lock and write item after item in one thread.
    """
    process = AsyncCrawlerProcess(settings)
    crawlers = [(job, process.create_crawler(job.spider)) for job in jobs]
    ran: dict[int, bool] = {}  # id(crawler) -> started; absent: never run (Ctrl-C before)
    if parallel:
        for job, crawler in crawlers:
            process.crawl(crawler, **job.kwargs)
            ran[id(crawler)] = True
        process.start()
    else:
        asyncio.get_event_loop().create_task(_one_after_another(process, crawlers, ran))
        process.start(stop_after_crawl=False)
    return [_outcome(job, crawler, ran.get(id(crawler))) for job, crawler in crawlers]


async def _one_after_another(process: AsyncCrawlerProcess,
                             crawlers: Sequence[tuple[Job, Crawler]], ran: dict[int, bool]) -> None:
    from twisted.internet import reactor

    try:
        for job, crawler in crawlers:
            ran[id(crawler)] = False
            try:
                await process.crawl(crawler, **job.kwargs)
            except Exception:
                logger.exception("%s failed to start", job.label)
                continue
            ran[id(crawler)] = True
            if crawler.stats.get_value("finish_reason") == "shutdown":
                break  # Ctrl-C: do not start the next site
    finally:
        reactor.callLater(0, _stop, reactor)


def _stop(reactor: Any) -> None:
    if reactor.running:
        reactor.stop()


def _outcome(job: Job, crawler: Crawler, ran: bool | None) -> Outcome:
    """`ran`: None when the job never ran (interrupted before), False when it failed to start."""
    if ran is None:
        return Outcome(job, True, "not run", Summary.from_stats({}), ran=False)
    try:
        stats = dict(crawler.stats.get_stats())
    except (AttributeError, RuntimeError):  # the crawler never got as far as its stats
        stats = {}
    started = ran and crawler.spider is not None and "start_time" in stats
    reason = str(stats.get("finish_reason", "")) or ("not started" if not started else "unknown")
    return Outcome(job, started, reason, Summary.from_stats(stats))


COLUMNS = ("site", "pages", "written", "duplicates", "seen", "not articles", "blocked", "errors",
           "finish")


def table(outcomes: Iterable[Outcome]) -> str:
    """A plain-text table, one row per spider, plus a total row when there are several."""
    rows: list[tuple[str, ...]] = []
    totals = [0] * 7
    count = 0
    for outcome in outcomes:
        s = outcome.summary
        numbers = (s.pages, s.written, s.duplicates, s.seen, s.not_articles, s.blocked, s.errors)
        totals = [a + b for a, b in zip(totals, numbers, strict=True)]
        rows.append((outcome.job.label, *map(str, numbers), outcome.reason))
        count += 1
    if count > 1:
        rows.append(("total", *map(str, totals), ""))
    widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(COLUMNS)]

    def render(cells: Sequence[str]) -> str:
        out = [cells[0].ljust(widths[0])]
        out += [cell.rjust(width) for cell, width in zip(cells[1:-1], widths[1:-1], strict=True)]
        out.append(cells[-1].ljust(widths[-1]))
        return "  ".join(out).rstrip()

    lines = [render(COLUMNS), render(["-" * w for w in widths])]
    lines += [render(row) for row in rows]
    return "\n".join(lines)
