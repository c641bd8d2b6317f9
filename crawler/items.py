"""The item a spider yields for one article: plain dict fields, exportable with `-O x.jsonl`."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from crawler.article import Article

ITEM_FIELDS = (
    "url", "canonical_url", "site", "title", "date", "author", "language",
    "body", "text", "hash", "fetched_at",
)


def article_item(article: Article, fetched_at: datetime | None = None) -> dict[str, Any]:
    """`url` is where the page was fetched; `canonical_url` what the page declares (or `url`)."""
    fetched = (fetched_at or datetime.now(UTC)).isoformat(timespec="seconds")
    return {
        "url": article.url,
        "canonical_url": article.canonical_url or article.url,
        "site": article.site,
        "title": article.title,
        "date": article.date,
        "author": article.author,
        "language": article.language,
        "body": list(article.body),
        "text": article.to_text(),
        "hash": article.content_hash,
        "fetched_at": fetched,
    }
