"""`crawler replay`: saved responses back through the crawl's extraction and item pipelines.

A replay is a Scrapy run of `ReplaySpider` with the project settings, so the same
ITEM_PIPELINES (dedupe, files, manifest, state) write the same files a crawl would. The spider
makes no request: `start()` reads the saved responses and yields an item for each article.

Sources, read in this order for each PATH:
- a fixture folder (`tests/fixtures/<site>/`, or a folder of such folders), fixtures sorted by
  path, or one fixture `.html` (its `.json` beside it gives URL, status, headers and site);
- a WARC file (`.warc`, `.warc.gz`), responses in the order the crawl's pipelines saw their
  items (`crawler.warc.scan`). Bodies are decoded from their Content-Encoding first. The crawl
  context recorded beside each response is honoured as the crawl honoured it: robots.txt,
  sitemaps and feeds are data, home and section pages are listings, a sitemap or feed date fills
  in a missing article date, and the site's extraction rules are those of the site the spider
  crawled (a replica on 127.0.0.1 is still `alakhbar`). Without that context (WARCs of other
  tools), every HTML response is a candidate page.

The site of a fixture is its json's `site`; of a WARC response, the recorded spider site; else the
configured site whose domains cover the URL (`crawler.sites.site_for_url`); else none.

What is not an article or cannot be used is counted, never an error: `replay/not_article/<reason>`
(extraction's reason, or the listing kind), `replay/skipped/<reason>` (`robots`, `sitemap`,
`feed`, `status-404`, `non-html`, `truncated`, `digest-mismatch`, `incomplete-download`,
`undecodable`, `corrupt-warc`...). Also `replay/records` (responses read), `replay/articles`
(items yielded) and `replay/changed` (the crawl's item from this response had another hash:
extraction changed since).

Not reproduced from a crawl: its `--since` and `--max-articles` limits and the generic spider's
choice of which pages to try as articles (replay tries every page it has).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import scrapy
from scrapy.crawler import AsyncCrawlerProcess
from scrapy.settings import Settings

from crawler import fixtures
from crawler.discovery.filetypes import is_html_type
from crawler.encoding import decode_html
from crawler.extraction import extract
from crawler.items import article_item
from crawler.middlewares import DATA_KINDS
from crawler.site import Site
from crawler.sites import all_sites, site_for_url
from crawler.warc import (
    DECODE_ERRORS,
    KIND,
    PUBLISHED,
    SITE,
    ArchivedResponse,
    UnsupportedEncoding,
    decode_content,
    is_warc,
    iter_payloads,
    scan,
)

logger = logging.getLogger(__name__)

LISTING_KINDS = frozenset({"home", "section"})  # crawler.spider.HOME, SECTION
SKIPPED, NOT_ARTICLE = "skipped", "not_article"


@dataclass(frozen=True, slots=True)
class Saved:
    """One saved response, ready for extraction."""

    source: str  # for logs: the fixture path, or WARC path and record offset
    url: str
    body: bytes  # as served, content coding removed
    content_type: str | None
    site: Site | None
    published: str | None = None  # a sitemap or feed date (crawl context)
    fetched_at: datetime | None = None
    crawl_hash: str | None = None  # hash of the item the crawl made from this response


@dataclass(frozen=True, slots=True)
class Unused:
    """A saved response replay cannot make an article of, and why."""

    source: str
    outcome: str  # SKIPPED or NOT_ARTICLE
    reason: str
    response: bool = True  # False: not one response (the unreadable rest of a WARC file)


def is_source(path: Path) -> bool:
    return path.is_dir() or is_warc(path) or (path.suffix in (".html", ".htm") and
                                              path.with_suffix(".json").exists())


def saved_responses(path: Path) -> Iterator[Saved | Unused]:
    if is_warc(path):
        yield from warc_responses(path)
    elif path.is_dir():
        for html in sorted(path.rglob("*.html")):
            if html.with_suffix(".json").exists():
                yield fixture_response(html)
    else:
        yield fixture_response(path)


# --- fixtures ---------------------------------------------------------------------------------


def fixture_response(path: Path) -> Saved | Unused:
    source = str(path)
    try:
        fixture = fixtures.load(path)
        body = fixture.body()
    except (OSError, ValueError, KeyError, TypeError) as exc:
        logger.warning("Unreadable fixture %s: %s", path, exc)
        return Unused(source, SKIPPED, "unreadable-fixture")
    if not 200 <= fixture.status < 300:
        return Unused(source, SKIPPED, f"status-{fixture.status}")
    if not is_html_type(fixture.content_type):
        return Unused(source, SKIPPED, "non-html")
    return Saved(source, fixture.url, body, fixture.content_type,
                 site_named(fixture.site, fixture.url))


def site_named(name: str | None, url: str) -> Site | None:
    """The extraction rules for a site name (a configured site, or one the generic spider
    made up from its start URL), else those of the configured site the URL belongs to."""
    if name:
        configured = all_sites().get(name)
        if configured is not None:
            return configured
        from spiders.generic import site_for

        # The generic spider names a site after its host; its rules hold nothing else.
        try:
            generic = site_for(url)
        except ValueError:  # not an http(s) URL
            return None
        return replace(generic, name=name, title=name, domains=(name,))
    return site_for_url(url)


# --- WARC files -------------------------------------------------------------------------------


def warc_responses(path: Path) -> Iterator[Saved | Unused]:
    index = scan(path)
    if index.unmatched_markers:
        logger.warning("%s: %d item markers name no response before them", path,
                       index.unmatched_markers)
    usable: list[ArchivedResponse] = []
    for response in index.responses:
        unused = _unusable(path, response)
        if unused is not None:
            yield unused
        else:
            usable.append(response)
    # Bodies are read one at a time, in replay order, from the offsets of the index.
    for response, payload in iter_payloads(path, usable):
        yield _saved(path, response, payload)
    if index.error:
        logger.warning("%s: stopped reading (%s); the records before were replayed", path,
                       index.error)
        yield Unused(f"{path}: {index.error}", SKIPPED, "corrupt-warc", response=False)


def _unusable(path: Path, response: ArchivedResponse) -> Unused | None:
    source = f"{path}@{response.offset}"
    kind = response.context.get(KIND, "")
    if response.problem:
        return Unused(source, SKIPPED, response.problem)
    if response.item_hash is None:
        # What the crawl made an item of is a page, whatever it was requested as.
        if kind in DATA_KINDS:
            return Unused(source, SKIPPED, kind)
        if kind in LISTING_KINDS:
            return Unused(source, NOT_ARTICLE, kind)
    if not 200 <= response.status < 300:
        return Unused(source, SKIPPED, f"status-{response.status}")
    if not is_html_type(response.header("content-type")):
        return Unused(source, SKIPPED, "non-html")
    return None


def _saved(path: Path, response: ArchivedResponse, payload: bytes | Exception) -> Saved | Unused:
    source = f"{path}@{response.offset}"
    if isinstance(payload, Exception):
        logger.warning("Unreadable record %s: %s", source, payload)
        return Unused(source, SKIPPED, "unreadable-record")
    try:
        body = decode_content(payload, response.header("content-encoding"))
    except UnsupportedEncoding as exc:
        logger.warning("Content-Encoding %s not supported: %s", exc, response.url)
        return Unused(source, SKIPPED, "unsupported-encoding")
    except DECODE_ERRORS as exc:
        logger.warning("Undecodable body (%s) of %s: %s", response.header("content-encoding"),
                       response.url, exc)
        return Unused(source, SKIPPED, "undecodable")
    context: Mapping[str, str] = response.context
    return Saved(source, response.url, body, response.header("content-type"),
                 site_named(context.get(SITE), response.url), published=context.get(PUBLISHED),
                 fetched_at=response.fetched_at, crawl_hash=response.item_hash)


# --- the spider and the run -------------------------------------------------------------------


class ReplaySpider(scrapy.Spider):
    name = "replay"

    def __init__(self, *args: Any, paths: Sequence[str] | str = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.paths = [Path(p) for p in ([paths] if isinstance(paths, str) else paths)]

    async def start(self) -> AsyncIterator[Any]:
        for path in self.paths:
            for saved in saved_responses(path):
                item = self.item_for(saved)
                if item is not None:
                    yield item

    def item_for(self, saved: Saved | Unused) -> dict[str, Any] | None:
        stats = self.crawler.stats
        if not isinstance(saved, Unused) or saved.response:
            stats.inc_value("replay/records")
        if isinstance(saved, Unused):
            stats.inc_value(f"replay/{saved.outcome}/{saved.reason}")
            self.logger.debug("%s (%s): %s", saved.outcome, saved.reason, saved.source)
            return None
        # The crawl decodes and extracts exactly so (crawler.spider.NewsSpider.article_items).
        text = decode_html(saved.body, saved.content_type).text
        result = extract(text, saved.url, saved.site)
        article = result.article
        if article is None:
            stats.inc_value(f"replay/{NOT_ARTICLE}/{result.reason or 'unknown'}")
            self.logger.debug("Not an article (%s): %s", result.reason, saved.url)
            return None
        if not article.date and saved.published:
            article = replace(article, date=saved.published)
        if saved.crawl_hash and saved.crawl_hash != article.content_hash:
            stats.inc_value("replay/changed")
            self.logger.info("Extraction changed since the crawl: %s", saved.url)
        stats.inc_value("replay/articles")
        return article_item(article, saved.fetched_at)


@dataclass(frozen=True, slots=True)
class ReplayOutcome:
    started: bool
    reason: str
    stats: dict[str, Any]

    def count(self, prefix: str) -> int:
        return sum(int(v) for k, v in self.stats.items()
                   if k.startswith(prefix) and isinstance(v, int))

    def summary(self) -> str:
        s = self.stats
        return (f"{s.get('replay/records', 0)} responses read, "
                f"{s.get('files/written', 0)} articles written, "
                f"{self.count('dedupe/')} duplicates, "
                f"{self.count('replay/not_article/')} not articles, "
                f"{self.count('replay/skipped/')} skipped")

    def reasons(self, outcome: str) -> str:
        prefix = f"replay/{outcome}/"
        found = sorted((k.removeprefix(prefix), v) for k, v in self.stats.items()
                       if k.startswith(prefix))
        return ", ".join(f"{reason} {count}" for reason, count in found)


def run(paths: Sequence[Path], settings: Settings) -> ReplayOutcome:
    """Replay the saved responses under `paths` into the output folder of `settings`."""
    process = AsyncCrawlerProcess(settings)
    crawler = process.create_crawler(ReplaySpider)
    process.crawl(crawler, paths=[str(p) for p in paths])
    process.start()
    try:
        stats = dict(crawler.stats.get_stats())
    except (AttributeError, RuntimeError):  # never got as far as its stats
        stats = {}
    started = crawler.spider is not None and "start_time" in stats
    reason = str(stats.get("finish_reason", "")) or ("not started" if not started else "unknown")
    return ReplayOutcome(started, reason, stats)
