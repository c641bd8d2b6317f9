"""Write each article once as `<output>/NNN_<hash>.txt`, listed in `<output>/manifest.jsonl`.

Order of operations for one article (`FilesPipeline.process_item`):
1. `state.next_sequence()`: the number is taken and committed on its own. A crash after this
   only leaves a gap; numbers are never handed out twice.
2. The file: written to `.tmp-NNN_<hash>.txt.<pid>` in the output folder, flushed, fsynced, renamed
   over its final name with `os.replace`, then the folder is fsynced. A reader sees no file or the
   whole file, never part of one.
3. `state.record_article(...)`: hash, SimHash bands, URLs and the manifest fields, one transaction.
4. The manifest line, appended, flushed and fsynced.

What a crash at each point leaves, and what `reconcile` (run by `open_spider` under the output
lock, before anything is written) does with it:
- during 2: a `.tmp-*` file -> deleted;
- between 2 and 3: a file with neither state row nor line -> deleted (the URL is not in the state,
  so the next crawl fetches the article again);
- between 3 and 4: file and state row, no line -> the line is rewritten from the state row;
- during 4: a truncated last line (no final newline) -> removed and rewritten from the state row;
Files are durable before anything refers to them, so the next three are not crash states of this
order but what deleting files or the state file leaves; they are repaired the same way:
- a line whose file is missing -> the line and the state row are removed (the URL is forgotten, so
  a later crawl may write the article again, under a new number);
- a state row whose file is missing -> removed;
- file and line without state row -> the row is rebuilt from the line;
- the sequence counter is moved above every number found in files, lines and state rows.
Lines are only removed by rewriting the whole manifest atomically (same temp-file + rename steps).
Afterwards every file has exactly one line and one state row, and the other way round.

Two crawls into one output folder: `open_spider` takes an exclusive `fcntl.flock` on
`<output>/.crawler/lock` before reconciling, waiting up to `CRAWLER_LOCK_TIMEOUT` seconds
(default 0: do not wait; waiting blocks the reactor thread, before the crawl has started), and
otherwise fails with `OutputBusyError`: "output folder X is in use by another crawl (pid N)",
logged at ERROR. Item pipelines are opened before the engine starts, so the crawl stops before any
request is made, and `scrapy crawl` exits with status 1. The lock goes with the process: a killed
crawl leaves no stale lock. Spiders of one process share the lock (see `OutputLock`).

Stats: `files/written`, `files/bytes`.
"""

from __future__ import annotations

import fcntl
import logging
import os
import re
import time
from pathlib import Path
from typing import Any, ClassVar, Self

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler

from crawler.state import STATE_DIRNAME, StateStore, WrittenArticle, paths_from_settings
from crawler.urls import canonical_url
from pipelines.dedupe import DuplicateArticle, item_simhash
from pipelines.manifest import (
    MANIFEST_NAME,
    ManifestWriter,
    atomic_write,
    file_name,
    reconcile,
)

logger = logging.getLogger(__name__)

LOCK_NAME = "lock"
_HASH_RE = re.compile(r"^[0-9a-f]{16}$")


class OutputBusyError(RuntimeError):
    """Another crawl holds the output folder."""


class OutputLock:
    """Exclusive advisory lock on `<output>/.crawler/lock`; the holder's pid is written inside.

    Exclusive between processes, shared by the spiders of one process: they write through one
    reactor thread, item after item, so they cannot interleave inside a write. The registry is
    process-wide because flock is: a second open-and-flock from the same process would block.
    """

    _held: ClassVar[dict[Path, list[int]]] = {}  # lock path -> [fd, holders in this process]

    def __init__(self, output_dir: Path) -> None:
        self.output_dir = output_dir
        self.path = (output_dir / STATE_DIRNAME / LOCK_NAME).resolve()
        self._mine = False

    @property
    def held(self) -> bool:
        return self._mine

    def acquire(self, timeout: float = 0.0, poll: float = 0.1) -> bool:
        """Take the lock, waiting up to `timeout` seconds; `OutputBusyError` when still held.

        Returns True when this call took it for the process (the first holder), False when
        another spider of this process already held it.
        """
        if self._mine:
            return False
        shared = self._held.get(self.path)
        if shared is not None:
            shared[1] += 1
            self._mine = True
            return False
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + max(timeout, 0.0)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    holder = _read_pid(fd)
                    os.close(fd)
                    raise OutputBusyError(
                        f"output folder {self.output_dir.resolve()} is in use by another crawl"
                        f" (pid {holder or 'unknown'})"
                    ) from None
                time.sleep(min(poll, remaining))
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._held[self.path] = [fd, 1]
        self._mine = True
        return True

    def release(self) -> None:
        if not self._mine:
            return
        self._mine = False
        shared = self._held[self.path]
        shared[1] -= 1
        if shared[1] == 0:
            del self._held[self.path]
            os.ftruncate(shared[0], 0)
            os.close(shared[0])  # closing the descriptor drops the flock


def _read_pid(fd: int) -> int | None:
    try:
        return int(os.pread(fd, 32, 0).decode().strip())
    except (OSError, ValueError):
        return None


class FilesPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        settings = crawler.settings
        self.output_dir, self.state_path = paths_from_settings(settings)
        self.lock_timeout = settings.getfloat("CRAWLER_LOCK_TIMEOUT", 0.0)
        self.lock = OutputLock(self.output_dir)
        self.store: StateStore | None = None
        self.manifest: ManifestWriter | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def open_spider(self) -> None:
        self.output_dir.mkdir(parents=True, exist_ok=True)
        try:
            first = self.lock.acquire(self.lock_timeout)
        except OutputBusyError as exc:
            logger.error("%s", exc)  # one plain line above Scrapy's traceback
            raise
        try:
            self.store = StateStore.open(self.state_path)
            # Only the first spider of a process reconciles: a later one would rewrite the
            # manifest under the open append handles of the spiders already running.
            report = reconcile(self.output_dir, self.store) if first else None
            if report is not None and report.changed:
                logger.warning("output folder %s reconciled after an interrupted run: %s",
                               self.output_dir, report.summary())
            self.manifest = ManifestWriter(self.output_dir / MANIFEST_NAME)
        except BaseException:
            self._close()
            raise

    def close_spider(self) -> None:
        self._close()

    def _close(self) -> None:
        if self.manifest is not None:
            self.manifest.close()
            self.manifest = None
        if self.store is not None:
            self.store.close()
            self.store = None
        self.lock.release()

    def process_item(self, item: Any) -> Any:
        store, manifest = self.store, self.manifest
        if store is None or manifest is None:
            raise RuntimeError("FilesPipeline.process_item called before open_spider")
        adapter = ItemAdapter(item)
        content_hash = adapter["hash"]
        if not isinstance(content_hash, str) or not _HASH_RE.match(content_hash):
            raise ValueError(f"item hash {content_hash!r} is not 16 lowercase hex digits")
        found = store.find_hash(content_hash)
        if found is not None:  # normally dropped by DedupePipeline already
            self.crawler.stats.inc_value("dedupe/exact_duplicate")
            raise DuplicateArticle(f"duplicate of {found.file}", log_level="DEBUG")
        data = adapter["text"].encode("utf-8")
        seq = store.next_sequence()
        name = file_name(seq, content_hash)
        atomic_write(self.output_dir / name, data)
        article = WrittenArticle(
            seq=seq,
            file=name,
            hash=content_hash,
            simhash=item_simhash(item),
            url=adapter["url"],
            canonical_url=canonical_url(adapter.get("canonical_url") or adapter["url"]),
            site=adapter.get("site"),
            title=adapter.get("title"),
            date=adapter.get("date"),
            author=adapter.get("author"),
            language=adapter.get("language"),
            fetched_at=adapter.get("fetched_at"),
        )
        store.record_article(article)
        manifest.append(article)
        self.crawler.stats.inc_value("files/written")
        self.crawler.stats.inc_value("files/bytes", len(data))
        return item
