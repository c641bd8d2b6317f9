"""Middlewares one by one: block detection, retries with Retry-After, non-HTML, UA, redirects."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any

import pytest
from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured, StopDownload
from scrapy.http import HtmlResponse, Response
from scrapy.settings import Settings
from scrapy.utils.test import get_crawler

from crawler.middlewares import KIND, SITEMAP
from crawler.middlewares.blocks import BlockDetectionMiddleware, Blocked
from crawler.middlewares.challenge import block_reason
from crawler.middlewares.non_html import NonHtml, NonHtmlMiddleware, NonHtmlRequestFilter
from crawler.middlewares.redirects import RedirectError, ReportingRedirectMiddleware
from crawler.middlewares.retry import (
    DELAY,
    BackoffRetryMiddleware,
    backoff_seconds,
    retry_after_seconds,
)
from crawler.middlewares.user_agent import ContactUserAgentMiddleware

URL = "https://example.ma/2025/05/08/article/"


class DummySpider(Spider):
    name = "dummy"


def make_crawler(**settings: Any):
    crawler = get_crawler(DummySpider, {
        "RETRY_TIMES": 2, "RETRY_HTTP_CODES": [429, 500, 503],
        "CRAWLER_RETRY_BACKOFF_BASE": 2.0, "CRAWLER_RETRY_BACKOFF_MAX": 60.0,
        "CRAWLER_RETRY_AFTER_MAX": 120.0, **settings,
    })
    crawler.spider = crawler._create_spider()
    return crawler


def response(status: int = 200, body: bytes = b"<html><body>ok</body></html>",
             headers: dict[str, str] | None = None, url: str = URL,
             request: Request | None = None) -> Response:
    return HtmlResponse(url, status=status, body=body, headers=headers or {},
                        request=request or Request(url))


# --- block and challenge pages -----------------------------------------------------------------

CF_CHALLENGE = (b"<html><head><title>Just a moment...</title></head><body>"
                b"<script>window._cf_chl_opt={};</script></body></html>")


@pytest.mark.parametrize(("status", "headers", "body", "reason"), [
    (403, {}, b"<html>Forbidden</html>", "http_403"),
    (403, {}, b"<title>Attention Required! | Cloudflare</title>", "cloudflare"),
    (503, {}, CF_CHALLENGE, "cloudflare"),
    (202, {}, CF_CHALLENGE, "cloudflare"),
    (200, {}, CF_CHALLENGE, "cloudflare"),
    (403, {"cf-mitigated": "challenge"}, b"", "cloudflare"),
    (429, {}, b"Too Many Requests", "http_429"),
    (403, {}, b'<script src="https://geo.captcha-delivery.com/captcha/"></script>', "datadome"),
    (403, {}, b"<title>Sucuri WebSite Firewall - Access Denied</title>", "sucuri"),
    (403, {}, b"<html><head><title>Access Denied</title></head></html>", "access_denied"),
    (200, {}, b'<form><div class="g-recaptcha" data-sitekey="k"></div></form>', "captcha"),
    (200, {}, b'<div class="h-captcha" data-sitekey="k"></div>', "captcha"),
    (451, {}, b"Unavailable For Legal Reasons", "http_451"),
])
def test_block_reasons(status, headers, body, reason):
    assert block_reason(status, headers, body) == reason


@pytest.mark.parametrize(("status", "body"), [
    (200, b"<html><body><article><p>Texte</p></article></body></html>"),
    (503, b"<html><body>Service Unavailable</body></html>"),  # an outage, not a block
    (202, b"Accepted"),
    (404, b"<title>Access denied</title>"),
    # A long article page whose comment form embeds reCAPTCHA is content, not a challenge.
    (200, b"<html><body>" + b"<p>texte</p>" * 8000 + b'<div class="g-recaptcha"></div>'),
])
def test_not_blocks(status, body):
    assert block_reason(status, {}, body) is None


def test_block_middleware_counts_logs_and_drops(caplog):
    crawler = make_crawler()
    middleware = BlockDetectionMiddleware.from_crawler(crawler)
    blocked = response(403, b"<title>Attention Required! | Cloudflare</title>")
    with pytest.raises(Blocked) as raised, caplog.at_level("WARNING"):
        middleware.process_response(blocked.request, blocked)
    assert isinstance(raised.value, IgnoreRequest) and raised.value.reason == "cloudflare"
    assert crawler.stats.get_value("blocked/cloudflare") == 1
    assert crawler.stats.get_value("blocked/total") == 1
    assert URL in caplog.text
    fine = response()
    assert middleware.process_response(fine.request, fine) is fine


# --- retries -----------------------------------------------------------------------------------

NOW = datetime(2025, 5, 8, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(("value", "seconds"), [
    ("120", 120.0),
    (b"5", 5.0),
    (" 0 ", 0.0),
    ("-3", 0.0),
    (format_datetime(datetime(2025, 5, 8, 12, 0, 30, tzinfo=UTC), usegmt=True), 30.0),
    ("Thu, 08 May 2025 11:00:00 GMT", 0.0),  # in the past
    ("soon", None),
    ("", None),
    (None, None),
])
def test_retry_after_seconds(value, seconds):
    assert retry_after_seconds(value, now=NOW) == seconds


def test_backoff_doubles_up_to_the_cap():
    assert [backoff_seconds(n, 2.0, 10.0) for n in (1, 2, 3, 4)] == [2.0, 4.0, 8.0, 10.0]


def test_retry_honours_retry_after_with_a_cap():
    crawler = make_crawler()
    middleware = BackoffRetryMiddleware.from_crawler(crawler)
    first = response(429, b"slow down", {"Retry-After": "7"})
    retry = middleware.process_response(first.request, first)
    assert isinstance(retry, Request) and retry.meta[DELAY] == 7.0
    assert retry.meta["retry_times"] == 1 and retry.dont_filter
    later = response(429, b"slow down", {"Retry-After": "100000"}, request=retry)
    again = middleware.process_response(retry, later)
    assert isinstance(again, Request) and again.meta[DELAY] == 120.0
    last = response(429, b"slow down", {"Retry-After": "1"}, request=again)
    assert middleware.process_response(again, last) is last  # retries exhausted
    assert crawler.stats.get_value("retry/retry_after") == 2


def test_retry_without_retry_after_backs_off_exponentially():
    crawler = make_crawler()
    middleware = BackoffRetryMiddleware.from_crawler(crawler)
    first = response(500)
    retry = middleware.process_response(first.request, first)
    assert isinstance(retry, Request) and retry.meta[DELAY] == 2.0
    second = middleware.process_response(retry, response(500, request=retry))
    assert isinstance(second, Request) and second.meta[DELAY] == 4.0


def test_challenges_are_not_retried_and_other_statuses_pass():
    middleware = BackoffRetryMiddleware.from_crawler(make_crawler())
    challenge = response(503, CF_CHALLENGE)
    assert middleware.process_response(challenge.request, challenge) is challenge
    ok = response(200)
    assert middleware.process_response(ok.request, ok) is ok
    no_retry = response(500, request=Request(URL, meta={"dont_retry": True}))
    assert middleware.process_response(no_retry.request, no_retry) is no_retry


def test_retry_delay_is_awaited_before_the_download():
    middleware = BackoffRetryMiddleware.from_crawler(make_crawler())
    request = Request(URL, meta={DELAY: 0.2})

    async def timed() -> float:
        loop = asyncio.get_running_loop()
        start = loop.time()
        await middleware.process_request(request)
        return loop.time() - start

    assert asyncio.run(timed()) >= 0.19
    assert DELAY not in request.meta


def test_retry_after_cools_down_the_whole_host():
    middleware = BackoffRetryMiddleware.from_crawler(make_crawler())
    limited = response(429, b"", {"Retry-After": "0.3"})
    middleware.process_response(limited.request, limited)
    other = Request("https://example.ma/another/page/")

    async def timed() -> float:
        loop = asyncio.get_running_loop()
        start = loop.time()
        await middleware.process_request(other)
        return loop.time() - start

    assert asyncio.run(timed()) >= 0.2


def test_retry_disabled_is_not_configured():
    with pytest.raises(NotConfigured):
        BackoffRetryMiddleware.from_crawler(make_crawler(RETRY_ENABLED=False))


# --- non-HTML ----------------------------------------------------------------------------------


def test_non_html_extension_is_dropped_before_scheduling():
    crawler = make_crawler()
    middleware = NonHtmlRequestFilter.from_crawler(crawler)
    pdf = Request("https://example.ma/files/report.pdf")
    page = Request(URL)
    sitemap = Request("https://example.ma/sitemap.xml.gz", meta={KIND: SITEMAP})
    assert middleware.get_processed_request(pdf, None) is None
    assert middleware.get_processed_request(page, None) is page
    assert middleware.get_processed_request(sitemap, None) is sitemap
    robots = Request("https://example.ma/robots.txt")
    assert middleware.get_processed_request(robots, None) is robots
    assert crawler.stats.get_value("skipped/non_html") == 1


def test_non_html_content_type_is_dropped_after_the_headers():
    crawler = make_crawler()
    middleware = NonHtmlMiddleware.from_crawler(crawler)
    with pytest.raises(NonHtml):
        middleware.process_request(Request("https://example.ma/image.JPG"))
    download = Request("https://example.ma/download?id=3")
    pdf = Response(download.url, headers={"Content-Type": "application/pdf"}, body=b"%PDF",
                   request=download)
    with pytest.raises(NonHtml):
        middleware.process_response(download, pdf)
    with pytest.raises(StopDownload):
        middleware.headers_received(headers=pdf.headers, body_length=4, request=download)
    html = response(headers={"Content-Type": "text/html; charset=utf-8"})
    assert middleware.process_response(html.request, html) is html
    middleware.headers_received(headers=html.headers, body_length=10, request=html.request)
    feed = Request("https://example.ma/feed/", meta={KIND: "feed"})
    xml = Response(feed.url, headers={"Content-Type": "application/rss+xml"}, request=feed)
    assert middleware.process_response(feed, xml) is xml
    assert crawler.stats.get_value("skipped/non_html") == 2


# --- User-Agent --------------------------------------------------------------------------------


def test_user_agent_is_built_from_the_contact_setting():
    crawler = make_crawler(CRAWLER_CONTACT_URL="https://example.org/contact")
    middleware = ContactUserAgentMiddleware.from_crawler(crawler)
    request = Request(URL)
    middleware.process_request(request)
    agent = request.headers[b"User-Agent"].decode()
    assert agent.startswith("news-crawler/") and agent.endswith("(+https://example.org/contact)")


def test_user_agent_given_on_the_command_line_wins():
    settings = Settings({"CRAWLER_CONTACT_URL": "https://example.org/contact"})
    settings.set("USER_AGENT", "custom/1.0", priority="cmdline")
    middleware = ContactUserAgentMiddleware.from_crawler(Crawler(DummySpider, settings))
    request = Request(URL)
    middleware.process_request(request)
    assert request.headers[b"User-Agent"] == b"custom/1.0"


# --- redirects ---------------------------------------------------------------------------------


def _redirect(request: Request, location: str) -> Response:
    return Response(request.url, status=302, headers={"Location": location}, request=request)


def test_redirect_loop_is_an_error(caplog):
    crawler = make_crawler()
    middleware = ReportingRedirectMiddleware.from_crawler(crawler)
    first = Request("https://example.ma/a")
    second = middleware.process_response(first, _redirect(first, "/b"))
    assert isinstance(second, Request) and second.url == "https://example.ma/b"
    with pytest.raises(RedirectError), caplog.at_level("ERROR"):
        middleware.process_response(second, _redirect(second, "/a"))
    assert crawler.stats.get_value("errors/redirect_loop") == 1
    assert "Redirect loop" in caplog.text and "https://example.ma/a" in caplog.text


def test_redirect_chain_longer_than_the_limit_is_an_error():
    crawler = make_crawler(REDIRECT_MAX_TIMES=2)
    middleware = ReportingRedirectMiddleware.from_crawler(crawler)
    request = Request("https://example.ma/1")
    for n in (2, 3):
        request = middleware.process_response(request, _redirect(request, f"/{n}"))
        assert isinstance(request, Request)
    with pytest.raises(RedirectError):
        middleware.process_response(request, _redirect(request, "/4"))
    assert crawler.stats.get_value("errors/redirect_limit") == 1
    assert crawler.stats.get_value("errors/total") == 1
