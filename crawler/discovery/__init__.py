"""Finding article URLs: pure parsers for robots.txt, sitemaps, feeds and HTML listing pages.

Nothing here imports Scrapy: every function takes bytes or text and returns plain data, so the
parsers are tested on raw bytes and reused by any spider.
"""

from crawler.discovery.entries import Entry

__all__ = ["Entry"]
