"""`module:function` wrapper for ../shared/benchmarks/evaluate.py: the body our files would hold."""

from __future__ import annotations

from crawler.extraction import extract_article


def body(html: str, url: str) -> str:
    article = extract_article(html, url)
    return article.body_text if article else ""
