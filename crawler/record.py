"""`crawler record`: fetch pages the way a crawl does and save them as fixtures.

`RecordSpider` runs with the project settings, so a page is fetched as a crawl fetches it:
robots.txt obeyed, the crawler's User-Agent, retries with backoff, redirects, block detection.
What is saved is the body as the spider sees it: transfer and content codings removed (the
bytes the server meant, not gzip), never re-encoded, with the final URL, the status and the
response headers (less Content-Encoding, Content-Length and Transfer-Encoding, which described
the bytes on the wire, not the saved ones). Error pages (404, 410) are saved too: a site's soft
and hard error pages make useful fixtures.

A recording writes fixtures only: the item pipelines and the WARC archive are switched off
(`RECORD_SETTINGS`), and components that keep state (seen URLs, validators, runs) get a temporary
output folder, deleted afterwards: a recording neither reads nor changes a crawl's state.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import scrapy
from scrapy.crawler import AsyncCrawlerProcess
from scrapy.http import Request, Response
from scrapy.settings import Settings
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler import fixtures
from crawler.extraction import extract
from crawler.warc import header_items

GENERIC = "generic"
ERROR_STATUSES = (404, 410)
# Headers about the bytes on the wire: they do not describe the decoded body that is saved.
TRANSFER_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})
RECORD_SETTINGS: dict[str, Any] = {"ITEM_PIPELINES": {}, "CRAWLER_WARC_PATH": "",
                                   "CRAWLER_STATE_PATH": ""}
_MAX_SLUG = 80


def slug(url: str) -> str:
    """A file name from the URL's path and query: `/2025/05/08/plan-eau/` -> `2025-05-08-plan-eau`.

    ASCII only; when letters of another script were dropped, a short hash of the URL keeps two
    pages of one day apart.
    """
    parts = urlsplit(url)
    text = unquote(parts.path + (f"-{parts.query}" if parts.query else "")).lower()
    text = re.sub(r"\.html?$", "", text)
    name = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:_MAX_SLUG].strip("-")
    if not text.strip("/"):
        return "home"
    if not name or not text.isascii():
        digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:8]
        name = f"{name}-{digest}" if name else f"page-{digest}"
    return name


@dataclass(frozen=True, slots=True)
class Recorded:
    url: str  # as asked
    path: Path | None = None  # the saved .html
    final_url: str = ""
    status: int = 0
    kind: str = ""
    title: str = ""  # of the article, when it is one
    reason: str = ""  # why it is not an article
    expected: bool = False  # an .expected.txt was written
    error: str = ""  # why nothing was saved


class RecordSpider(scrapy.Spider):
    name = "record"

    def __init__(self, *args: Any, urls: Sequence[str] = (), site: str | None = None,
                 root: str | Path = fixtures.DEFAULT_ROOT, names: Sequence[str] = (),
                 kind: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.urls = list(urls)
        self.site_name = None if site in (None, GENERIC) else site
        self.directory = Path(root) / (site or GENERIC)
        self.names = dict(zip(self.urls, names, strict=True)) if names else {}
        self.kind = kind
        self.results: list[Recorded] = []

    async def start(self) -> AsyncIterator[Request]:
        for url in self.urls:
            yield Request(url, callback=self.save, errback=self.failed, dont_filter=True,
                          meta={"asked": url, "handle_httpstatus_list": list(ERROR_STATUSES)})

    def save(self, response: Response) -> None:
        asked = response.meta["asked"]
        headers: dict[str, str] = {}
        for name, value in header_items(response.headers):
            if name.lower() not in TRANSFER_HEADERS:
                headers[name] = f"{headers[name]}, {value}" if name in headers else value
        content_type = headers.get("Content-Type")
        result = extract(response.body, response.url, self.site_name, content_type)
        kind = self.kind or ("article" if result.article else "other")
        fixture = fixtures.save(
            self.directory, self.names.get(asked) or slug(asked), response.body,
            url=response.url, site=self.site_name, headers=headers, status=response.status,
            kind=kind,
        )
        _, expected = fixtures.regenerate(fixture)
        self.results.append(Recorded(
            url=asked, path=fixture.path, final_url=response.url, status=response.status,
            kind=kind, title=result.article.title if result.article else "",
            reason=result.reason, expected=expected is not None,
        ))

    def failed(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]
        asked = request.meta.get("asked", request.url)
        self.results.append(Recorded(url=asked, error=_describe(failure)))


def _describe(failure: Failure) -> str:
    if failure.check(HttpError):
        return f"HTTP {failure.value.response.status}"
    return f"{type(failure.value).__name__}: {failure.getErrorMessage()}"


def run(urls: Sequence[str], site: str, root: Path, settings: Settings,
        names: Sequence[str] = (), kind: str | None = None) -> list[Recorded]:
    """Fetch and save each URL; one Recorded per URL, in the order given."""
    for name, value in RECORD_SETTINGS.items():
        settings.set(name, value, priority="cmdline")
    with tempfile.TemporaryDirectory(prefix="crawler-record-") as scratch:
        settings.set("CRAWLER_OUTPUT_DIR", scratch, priority="cmdline")
        process = AsyncCrawlerProcess(settings)
        crawler = process.create_crawler(RecordSpider)
        process.crawl(crawler, urls=list(urls), site=site, root=root, names=list(names),
                      kind=kind)
        process.start()
    spider = crawler.spider
    found = {r.url: r for r in getattr(spider, "results", [])}
    return [found.get(url) or Recorded(url=url, error="not fetched (see the log)")
            for url in urls]
