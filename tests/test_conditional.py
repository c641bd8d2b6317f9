"""Cheap re-polling: the conditional-request middleware, the site-run record, the watermark the
spider skips unchanged entries with, and the state migration that holds it."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.test import get_crawler

from crawler.discovery.entries import Entry
from crawler.middlewares import FEED, KIND, ROBOTS, SITEMAP
from crawler.middlewares.conditional import (
    ConditionalRequestMiddleware,
    NotModified,
    SiteRunRecorder,
    retryable_failures,
)
from crawler.spider import ARTICLE, HOME, SECTION
from crawler.state import SCHEMA_VERSION, StateStore, connect, migrate
from spiders.nabae24 import Nabae24Spider

FEED_URL = "https://nabae24.com/feed/"
ETAG = '"5d8c72a5edda8d6a"'
MODIFIED = "Thu, 08 May 2025 10:26:40 GMT"
T0 = datetime(2025, 5, 8, 10, 0, tzinfo=UTC)


class SiteSpider(Spider):
    name = "nabae24"


def make_crawler(tmp_path: Path, spidercls: type[Spider] = SiteSpider, **settings: Any) -> Crawler:
    crawler = get_crawler(spidercls, {"CRAWLER_OUTPUT_DIR": str(tmp_path / "out"), **settings})
    crawler.spider = crawler._create_spider()
    return crawler


def state(tmp_path: Path) -> StateStore:
    return StateStore.open(tmp_path / "out" / ".crawler" / "state.sqlite")


def opened(crawler: Crawler) -> ConditionalRequestMiddleware:
    middleware = ConditionalRequestMiddleware.from_crawler(crawler)
    middleware.spider_opened(crawler.spider)
    return middleware


def request(url: str = FEED_URL, kind: str = FEED) -> Request:
    return Request(url, meta={KIND: kind})


def response(req: Request, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(req.url, status=status, headers=headers or {}, body=b"<rss/>", request=req)


def normal_run(tmp_path: Path, started: datetime, finished: datetime) -> None:
    with state(tmp_path) as store:
        store.run_finished("nabae24", started, finished, "finished", ok=True)


# --- the middleware ---------------------------------------------------------------------------


def test_disabled_is_not_configured(tmp_path: Path) -> None:
    crawler = make_crawler(tmp_path, CRAWLER_CONDITIONAL_REQUESTS=False)
    with pytest.raises(NotConfigured):
        ConditionalRequestMiddleware.from_crawler(crawler)


def test_stores_validators_of_200_answers_and_sends_them_after_a_normal_run(
        tmp_path: Path) -> None:
    normal_run(tmp_path, T0 - timedelta(hours=2), T0 - timedelta(hours=1))
    crawler = make_crawler(tmp_path)
    middleware = opened(crawler)
    first = request()
    assert middleware.process_request(first) is None
    assert b"If-None-Match" not in first.headers  # nothing stored yet
    answer = response(first, headers={"ETag": ETAG, "Last-Modified": MODIFIED})
    assert middleware.process_response(first, answer) is answer
    assert crawler.stats.get_value("conditional/stored") == 1
    middleware.spider_closed()

    # This run ends normally: what it stored is trusted by the next one.
    with state(tmp_path) as store:
        seen = datetime.fromisoformat(store.get_validators(FEED_URL).last_seen)
        store.run_finished("nabae24", seen - timedelta(seconds=5), seen + timedelta(seconds=5),
                           "finished", ok=True)
    crawler = make_crawler(tmp_path)
    middleware = opened(crawler)
    again = request()
    middleware.process_request(again)
    assert again.headers[b"If-None-Match"] == ETAG.encode()
    assert again.headers[b"If-Modified-Since"] == MODIFIED.encode()
    assert crawler.stats.get_value("conditional/sent") == 1

    with pytest.raises(NotModified):
        middleware.process_response(again, response(again, 304))
    assert crawler.stats.get_value("conditional/not_modified") == 1
    with state(tmp_path) as store:  # the 304 confirmed the validators: seen again now
        assert datetime.fromisoformat(store.get_validators(FEED_URL).last_seen) >= seen
    middleware.spider_closed()


def test_validators_of_a_run_that_did_not_end_normally_are_not_sent(tmp_path: Path) -> None:
    with state(tmp_path) as store:
        store.put_validators(FEED_URL, ETAG, MODIFIED, T0)
        # The run that stored them was interrupted; the latest normal run was before it.
        store.run_finished("nabae24", T0 - timedelta(minutes=5), T0 + timedelta(minutes=1),
                           "shutdown", ok=False)
    crawler = make_crawler(tmp_path)
    middleware = opened(crawler)
    req = request()
    middleware.process_request(req)
    assert b"If-None-Match" not in req.headers and b"If-Modified-Since" not in req.headers
    assert crawler.stats.get_value("conditional/untrusted") == 1

    normal_run(tmp_path, T0 - timedelta(hours=3), T0 - timedelta(hours=2))
    middleware = opened(make_crawler(tmp_path))
    req = request()
    middleware.process_request(req)
    assert b"If-None-Match" not in req.headers  # stored after that normal run ended


def test_only_data_and_listing_requests_are_conditional(tmp_path: Path) -> None:
    with state(tmp_path) as store:
        for url in ("https://nabae24.com/", "https://nabae24.com/robots.txt",
                    "https://nabae24.com/2025/05/08/a/", "https://nabae24.com/category/sport/",
                    "https://nabae24.com/news-sitemap.xml"):
            store.put_validators(url, ETAG, None, T0)
    normal_run(tmp_path, T0 - timedelta(minutes=1), T0 + timedelta(minutes=1))
    middleware = opened(make_crawler(tmp_path))
    kinds = {"https://nabae24.com/": HOME, "https://nabae24.com/robots.txt": ROBOTS,
             "https://nabae24.com/2025/05/08/a/": ARTICLE,
             "https://nabae24.com/category/sport/": SECTION,
             "https://nabae24.com/news-sitemap.xml": SITEMAP}
    sent = set()
    for url, kind in kinds.items():
        req = request(url, kind)
        middleware.process_request(req)
        if b"If-None-Match" in req.headers:
            sent.add(kind)
        # Article answers are never stored (they are not re-requested: the seen-URL filter).
        middleware.process_response(req, response(req, headers={"ETag": '"other"'}))
    assert sent == {HOME, SECTION, SITEMAP}
    with state(tmp_path) as store:
        assert store.get_validators("https://nabae24.com/2025/05/08/a/").etag == ETAG
        assert store.get_validators("https://nabae24.com/").etag == '"other"'


def test_a_redirect_does_not_carry_the_validators_of_another_url(tmp_path: Path) -> None:
    with state(tmp_path) as store:
        store.put_validators(FEED_URL, ETAG, MODIFIED, T0)
    normal_run(tmp_path, T0 - timedelta(minutes=1), T0 + timedelta(minutes=1))
    middleware = opened(make_crawler(tmp_path))
    req = request()
    middleware.process_request(req)
    assert b"If-None-Match" in req.headers
    moved = req.replace(url="https://nabae24.com/feed/rss2/")  # what RedirectMiddleware does
    middleware.process_request(moved)
    assert b"If-None-Match" not in moved.headers and b"If-Modified-Since" not in moved.headers


def test_a_304_nobody_asked_for_passes_through(tmp_path: Path) -> None:
    middleware = opened(make_crawler(tmp_path))
    req = request()
    middleware.process_request(req)
    answer = response(req, 304)
    assert middleware.process_response(req, answer) is answer


# --- the run record ---------------------------------------------------------------------------


@pytest.mark.parametrize(("reason", "stats", "ok"), [
    ("finished", {}, True),
    ("finished", {"errors/total": 2, "errors/http_404": 1, "errors/redirect_loop": 1}, True),
    ("finished", {"errors/total": 1, "errors/http_503": 1}, False),
    ("finished", {"errors/total": 1, "errors/http_429": 1}, False),
    ("finished", {"errors/total": 1, "errors/TimeoutError": 1}, False),
    ("finished", {"blocked/total": 1, "blocked/cloudflare": 1}, False),
    ("finished", {"spider_exceptions/count": 1}, False),
    ("finished", {"discovery/page_limit": 1}, False),
    ("shutdown", {}, False),
    ("closespider_itemcount", {}, False),
])
def test_a_run_ends_normally_only_without_failures_worth_retrying(
        tmp_path: Path, reason: str, stats: dict[str, int], ok: bool) -> None:
    crawler = make_crawler(tmp_path)
    recorder = SiteRunRecorder.from_crawler(crawler)
    recorder.spider_opened(crawler.spider)
    for key, value in stats.items():
        crawler.stats.set_value(key, value)
    recorder.spider_closed(crawler.spider, reason)
    with state(tmp_path) as store:
        run = store.site_run("nabae24")
    assert run is not None and run.last_reason == reason
    assert run.last_started is not None and run.last_finished is not None
    assert (run.last_ok == run.last_started) is ok
    assert crawler.stats.get_value("runs/ended_normally") is ok


def test_retryable_failures() -> None:
    assert retryable_failures({"errors/total": 3, "errors/http_404": 1, "errors/http_410": 1,
                               "errors/http_500": 1}) == 1
    assert retryable_failures({"errors/total": 1, "errors/http_408": 1}) == 1


def test_a_failed_run_keeps_the_previous_watermark(tmp_path: Path) -> None:
    with state(tmp_path) as store:
        assert store.watermark("nabae24") is None
        store.run_started("nabae24", T0)
        store.run_finished("nabae24", T0, T0 + timedelta(minutes=2), "finished", ok=True)
        later = T0 + timedelta(hours=1)
        store.run_started("nabae24", later)
        store.run_finished("nabae24", later, later + timedelta(minutes=1), "shutdown", ok=False)
        run = store.site_run("nabae24")
        assert store.watermark("nabae24") == T0
        assert run.ok_window() == (T0, T0 + timedelta(minutes=2))
        assert (run.last_started, run.last_reason) == (later, "shutdown")


def test_a_run_limited_by_since_covers_only_runs_looking_no_further_back(tmp_path: Path) -> None:
    since = T0 - timedelta(days=2)
    with state(tmp_path) as store:
        store.run_finished("nabae24", T0, T0 + timedelta(minutes=2), "finished", ok=True,
                           since=since)
        run = store.site_run("nabae24")
        assert run.last_ok_since == since
        assert run.covers(since) and run.covers(since + timedelta(hours=1))
        assert not run.covers(None) and not run.covers(since - timedelta(days=30))
        assert store.watermark("nabae24", since + timedelta(hours=1)) == T0
        assert store.watermark("nabae24") is None  # a full crawl reads everything once
        store.put_validators(FEED_URL, ETAG, None, T0 + timedelta(minutes=1))

    # The middleware of a crawl without --since does not send what the --since run stored.
    crawler = make_crawler(tmp_path)
    middleware = ConditionalRequestMiddleware.from_crawler(crawler)
    middleware.spider_opened(crawler.spider)  # a spider without `since`
    req = request()
    middleware.process_request(req)
    assert b"If-None-Match" not in req.headers
    crawler.spider.since = since + timedelta(hours=1)  # what `-a since=...` sets on our spiders
    middleware.spider_opened(crawler.spider)
    req = request()
    middleware.process_request(req)
    assert req.headers[b"If-None-Match"] == ETAG.encode()


def test_migration_from_version_2_keeps_validators(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    conn = connect(path)
    assert migrate(conn, target=2) == 2
    conn.execute("INSERT INTO validators VALUES ('https://a.example/feed', '\"x\"', NULL, 't')")
    conn.close()
    with StateStore.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION >= 3
        assert store.get_validators("https://a.example/feed").etag == '"x"'
        store.run_finished("a", T0, T0, "finished", ok=True)
        assert store.watermark("a") == T0
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM site_runs").fetchone()[0] == 1
    conn.close()


# --- the spider's watermark -------------------------------------------------------------------


def entry(path: str, published: datetime | None = None, updated: datetime | None = None) -> Entry:
    return Entry(f"https://nabae24.com{path}", published=published, updated=updated)


def test_the_spider_skips_entries_unchanged_since_the_last_normal_run(tmp_path: Path) -> None:
    normal_run(tmp_path, T0, T0 + timedelta(minutes=3))
    crawler = make_crawler(tmp_path, Nabae24Spider, CRAWLER_UNCHANGED_MARGIN=3600)
    spider = crawler.spider
    assert isinstance(spider, Nabae24Spider)
    spider.unchanged_before = spider.watermark()
    assert spider.unchanged_before == T0 - timedelta(hours=1)
    entries = [
        entry("/2025/05/08/new/", published=T0 + timedelta(minutes=10)),
        entry("/2025/05/08/within-margin/", published=T0 - timedelta(minutes=30)),
        entry("/2025/05/01/old/", published=T0 - timedelta(days=7)),
        entry("/2025/05/01/old-but-updated/", published=T0 - timedelta(days=7),
              updated=T0 + timedelta(minutes=5)),
        entry("/2025/04/30/undated/"),
    ]
    urls = [r.url for r in spider.entry_requests(entries, FEED)]
    assert sorted(urls) == sorted(f"https://nabae24.com{p}" for p in (
        "/2025/05/08/new/", "/2025/05/08/within-margin/", "/2025/05/01/old-but-updated/",
        "/2025/04/30/undated/"))
    assert crawler.stats.get_value("discovery/unchanged") == 1


def test_no_watermark_before_a_normal_run_or_when_disabled(tmp_path: Path) -> None:
    crawler = make_crawler(tmp_path, Nabae24Spider)
    assert crawler.spider.watermark() is None
    normal_run(tmp_path, T0, T0 + timedelta(minutes=3))
    crawler = make_crawler(tmp_path, Nabae24Spider, CRAWLER_SKIP_UNCHANGED=False)
    assert crawler.spider.watermark() is None
    # After a run limited by --since, only runs that look no further back use the watermark.
    with state(tmp_path) as store:
        store.run_finished("nabae24", T0, T0 + timedelta(minutes=3), "finished", ok=True,
                           since=T0 - timedelta(days=2))
    spider = make_crawler(tmp_path, Nabae24Spider).spider
    assert spider.watermark() is None
    spider.since = T0 - timedelta(days=1)
    assert spider.watermark() == T0 - timedelta(hours=1)
