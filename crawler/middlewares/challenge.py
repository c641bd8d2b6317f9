"""Recognise block and challenge pages (WAFs, captchas, rate limits) from status, headers, body.

Pure function, no Scrapy: a page recognised here is never an article.
"""

from __future__ import annotations

from collections.abc import Mapping

_SCAN_BYTES = 64 * 1024
# A challenge page is small; a 200 page larger than this is taken to be content even when it
# mentions a captcha (comment forms embed reCAPTCHA on ordinary article pages).
_SMALL_PAGE = 48 * 1024

# (reason, markers) checked in order on the lower-cased start of the body.
_VENDOR_MARKERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("cloudflare", ("cf-chl", "cf_chl_opt", "/cdn-cgi/challenge-platform/",
                    "<title>just a moment...</title>", "attention required! | cloudflare",
                    "cf-error-details", "cloudflare ray id")),
    ("datadome", ("captcha-delivery.com", "geo.captcha-delivery", "datadome")),
    ("sucuri", ("sucuri website firewall", "sucuri_cloudproxy", "sucuri.net/privacy-policy",
                "access denied - sucuri")),
    ("imperva", ("_incapsula_resource", "incapsula incident id")),
    ("perimeterx", ("px-captcha", "perimeterx")),
    ("ddos_guard", ("ddos-guard",)),
    ("aws_waf", ("awswaf", "aws-waf-token")),
    ("access_denied", ("<title>access denied</title>", "<h1>access denied</h1>",
                       "you don't have permission to access")),
    ("captcha", ("g-recaptcha", "h-captcha", "hcaptcha.com", "cf-turnstile",
                 "<title>security check", "verify you are human", "are you a robot",
                 "checking your browser", "bot verification")),
)
_HEADER_MARKERS: tuple[tuple[str, str, str], ...] = (
    ("cf-mitigated", "challenge", "cloudflare"),
    ("x-datadome", "", "datadome"),
    ("x-sucuri-block", "", "sucuri"),
)
_STATUS_REASONS = {401: "http_401", 403: "http_403", 429: "http_429", 451: "http_451"}
# Statuses whose body alone decides: a 503 or 202 is a block only when it is a challenge.
_CHALLENGE_STATUSES = {200, 202, 503}


def block_reason(status: int, headers: Mapping[str, str], body: bytes) -> str | None:
    """Why this response is a block or challenge page (`cloudflare`, `http_403`...), or None."""
    lowered = {k.lower(): v.lower() for k, v in headers.items()}
    for name, value, reason in _HEADER_MARKERS:
        if name in lowered and value in lowered[name]:
            return reason
    scanned = status in _STATUS_REASONS or status in _CHALLENGE_STATUSES
    if scanned and (status != 200 or len(body) <= _SMALL_PAGE):
        text = body[:_SCAN_BYTES].decode("utf-8", errors="ignore").lower()
        for reason, markers in _VENDOR_MARKERS:
            if any(marker in text for marker in markers):
                return reason
    return _STATUS_REASONS.get(status)
