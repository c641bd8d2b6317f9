"""Downloader and spider middlewares: politeness, retries, blocks and non-HTML filtering.

Requests carry their purpose in `request.meta[KIND]`; robots.txt, sitemaps and feeds are data
and skip the checks meant for pages.
"""

from __future__ import annotations

from typing import Any

KIND = "crawler_kind"
ROBOTS, SITEMAP, FEED, PROBE = "robots", "sitemap", "feed", "probe"
DATA_KINDS = frozenset({ROBOTS, SITEMAP, FEED, PROBE})


def is_data_request(meta: dict[str, Any], url: str) -> bool:
    """robots.txt (ours or Scrapy's own), sitemaps, feeds and feed probes: not pages."""
    return (
        meta.get(KIND) in DATA_KINDS
        or bool(meta.get("dont_obey_robotstxt"))
        or url.split("?", 1)[0].endswith("/robots.txt")
    )
