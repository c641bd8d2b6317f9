"""Drop articles already written: same canonical URL, same content hash, or a near-duplicate body.

Checks, cheapest first, against the state of every earlier run (`crawler.state.StateStore`):
1. a canonical URL of the item (fetched URL or declared canonical URL) is already written:
   `UrlAlreadyWritten`, stat `dedupe/url_seen`;
2. the content hash (`item["hash"]`) is already written: `DuplicateArticle`,
   stat `dedupe/exact_duplicate`;
3. the body's 64-bit SimHash is within `CRAWLER_NEAR_DUP_DISTANCE` bits (default 3, 0 disables) of
   a written one: `NearDuplicateArticle`, stat `dedupe/near_duplicate`, logged at INFO.
Scrapy adds `item_dropped_reasons_count/<exception class>` for each.

State sharing: this pipeline and `FilesPipeline` each open their own connection to the same state
file; there is no shared object. That is correct because both `process_item` methods are
synchronous: Scrapy runs one item's whole pipeline chain in the reactor thread without yielding
between our check here and the files pipeline's `record_article`, so no other item can slip in
between; SQLite (WAL) shows each connection the other's committed rows. The files pipeline
re-checks the hash before writing anyway, so an asynchronous pipeline inserted between the two
later cannot produce two files with one hash. Other processes are kept out by the output lock.
"""

from __future__ import annotations

import logging
from typing import Any, Self

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from crawler.state import StateStore, paths_from_settings
from crawler.text import simhash
from crawler.urls import canonical_url

logger = logging.getLogger(__name__)

# Bands of 16 bits: every signature within this distance shares a band with the query.
GUARANTEED_NEAR_DISTANCE = 3


class UrlAlreadyWritten(DropItem):
    """An article was already written under this canonical URL."""


class DuplicateArticle(DropItem):
    """Same content hash as an article already written (another URL or another site)."""


class NearDuplicateArticle(DropItem):
    """Body SimHash within the near-duplicate distance of an article already written."""


def item_simhash(item: Any) -> int:
    """SimHash of the item's body paragraphs, as the state stores it."""
    return simhash("\n\n".join(ItemAdapter(item)["body"]))


def item_url_keys(item: Any) -> tuple[str, ...]:
    """Canonical forms of the fetched URL and of the declared canonical URL."""
    adapter = ItemAdapter(item)
    urls = (adapter["url"], adapter.get("canonical_url") or adapter["url"])
    return tuple(dict.fromkeys(canonical_url(u) for u in urls))


class DedupePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        settings = crawler.settings
        self.output_dir, self.state_path = paths_from_settings(settings)
        self.max_distance = settings.getint("CRAWLER_NEAR_DUP_DISTANCE", 3)
        self.store: StateStore | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def open_spider(self) -> None:
        self.store = StateStore.open(self.state_path)
        if self.max_distance > GUARANTEED_NEAR_DISTANCE:
            logger.warning(
                "CRAWLER_NEAR_DUP_DISTANCE=%d: near duplicates farther than %d bits are found only"
                " when they share a 16-bit band with a written article",
                self.max_distance, GUARANTEED_NEAR_DISTANCE,
            )

    def close_spider(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    def process_item(self, item: Any) -> Any:
        store = self.store
        if store is None:
            raise RuntimeError("DedupePipeline.process_item called before open_spider")
        stats = self.crawler.stats
        for key in item_url_keys(item):
            written = store.find_url(key)
            if written is not None:
                stats.inc_value("dedupe/url_seen")
                raise UrlAlreadyWritten(f"{key} already written as {written}", log_level="DEBUG")
        adapter = ItemAdapter(item)
        found = store.find_hash(adapter["hash"])
        if found is not None:
            stats.inc_value("dedupe/exact_duplicate")
            raise DuplicateArticle(
                f"duplicate of {found.file} ({found.site or '?'}: {found.url})", log_level="DEBUG"
            )
        if self.max_distance > 0:
            near = store.find_near(item_simhash(item), self.max_distance)
            if near is not None:
                file, distance = near
                stats.inc_value("dedupe/near_duplicate")
                raise NearDuplicateArticle(
                    f"near duplicate of {file} (distance {distance})", log_level="INFO"
                )
        return item
