"""The output folder on disk: article file names, atomic writes, `manifest.jsonl`, reconciliation.

The order in which an article is written, and how `reconcile` repairs each crash point, is
described in `pipelines.files`.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from crawler.state import StateStore, WrittenArticle

logger = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.jsonl"
# NNN_<16 hex>.txt, NNN zero-padded to at least three digits.
FILE_RE = re.compile(r"^(\d{3,})_([0-9a-f]{16})\.txt$")
# Temporary files are hidden and never end in .txt or .jsonl, so readers globbing never see them.
TMP_PREFIX = ".tmp-"
MANIFEST_FIELDS = (
    "file", "url", "canonical_url", "site", "title", "date", "author", "language", "hash",
    "simhash", "fetched_at",
)


def file_name(seq: int, content_hash: str) -> str:
    name = f"{seq:03d}_{content_hash}.txt"
    if seq < 0 or not FILE_RE.match(name):
        raise ValueError(f"no file name for sequence {seq} and hash {content_hash!r}")
    return name


def sequence_of(name: str) -> int | None:
    match = FILE_RE.match(name)
    return int(match.group(1)) if match else None


# --- durable file operations ------------------------------------------------------------------


def fsync_dir(path: Path) -> None:
    """Make a rename or unlink in `path` durable."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that a reader sees the old state or the whole new file.

    Temporary file in the same folder, flush + fsync, `os.replace`, fsync of the folder.
    """
    tmp = path.with_name(f"{TMP_PREFIX}{path.name}.{os.getpid()}")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def remove_durably(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)
    for parent in {p.parent for p in paths}:
        fsync_dir(parent)


# --- manifest lines ---------------------------------------------------------------------------


def manifest_record(article: WrittenArticle) -> dict[str, Any]:
    return {
        "file": article.file,
        "url": article.url,
        "canonical_url": article.canonical_url,
        "site": article.site,
        "title": article.title,
        "date": article.date,
        "author": article.author,
        "language": article.language,
        "hash": article.hash,
        "simhash": f"{article.simhash:016x}",
        "fetched_at": article.fetched_at,
    }


def manifest_line(article: WrittenArticle) -> bytes:
    return (json.dumps(manifest_record(article), ensure_ascii=False) + "\n").encode("utf-8")


def article_from_record(record: dict[str, Any]) -> WrittenArticle:
    """The article a manifest line describes; ValueError/KeyError/TypeError when malformed."""
    seq = sequence_of(record["file"])
    if seq is None:
        raise ValueError(f"not an article file name: {record['file']!r}")
    simhash = int(record["simhash"], 16)
    return WrittenArticle(
        seq=seq, file=record["file"], hash=record["hash"], simhash=simhash, url=record["url"],
        canonical_url=record["canonical_url"], site=record.get("site"),
        title=record.get("title"), date=record.get("date"), author=record.get("author"),
        language=record.get("language"), fetched_at=record.get("fetched_at"),
    )


@dataclass
class ManifestScan:
    articles: list[WrittenArticle] = field(default_factory=list)  # valid lines, in file order
    bad_lines: int = 0  # lines that are not a complete record
    truncated_tail: bool = False  # the last line has no newline (an interrupted append)


def read_manifest(path: Path) -> ManifestScan:
    scan = ManifestScan()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return scan
    lines = data.split(b"\n")
    tail = lines.pop()  # b"" when the file ends with a newline
    if tail:
        scan.truncated_tail = True
    for raw in lines:
        if not raw.strip():
            continue
        try:
            scan.articles.append(article_from_record(json.loads(raw)))
        except (ValueError, KeyError, TypeError, AttributeError):
            scan.bad_lines += 1
    return scan


class ManifestWriter:
    """Appends one line per article, flushed and fsynced before `append` returns."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh: BinaryIO | None = open(path, "ab")  # noqa: SIM115 (held for the whole crawl)

    def append(self, article: WrittenArticle) -> None:
        if self._fh is None:
            raise ValueError(f"manifest {self.path} is closed")
        self._fh.write(manifest_line(article))
        self._fh.flush()
        os.fsync(self._fh.fileno())

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


# --- reconciliation ---------------------------------------------------------------------------


@dataclass
class Reconciliation:
    """What `reconcile` repaired; all zero/False on a clean folder."""

    temp_files_removed: int = 0
    truncated_line_removed: bool = False
    bad_lines_removed: int = 0
    duplicate_lines_removed: int = 0
    lines_without_file_removed: int = 0
    state_rows_without_file_removed: int = 0
    lines_restored_from_state: int = 0
    state_rows_restored_from_manifest: int = 0
    orphan_files_removed: int = 0
    next_sequence: int = 0

    @property
    def changed(self) -> bool:
        return any((
            self.temp_files_removed, self.truncated_line_removed, self.bad_lines_removed,
            self.duplicate_lines_removed, self.lines_without_file_removed,
            self.state_rows_without_file_removed, self.lines_restored_from_state,
            self.state_rows_restored_from_manifest, self.orphan_files_removed,
        ))

    def summary(self) -> str:
        return ", ".join(
            f"{name.replace('_', ' ')}: {value}"
            for name, value in vars(self).items()
            if value and name != "next_sequence"
        )


def reconcile(output_dir: Path, store: StateStore) -> Reconciliation:
    """Bring files, manifest and state back to agreement after a crash (see `pipelines.files`).

    Must run under the output folder lock, before anything is written. Idempotent, and itself
    safe to interrupt: each repair is durable on its own and the next run finishes the rest.
    """
    report = Reconciliation()
    manifest_path = output_dir / MANIFEST_NAME

    # 1. Temporary files of interrupted writes (the final name was never created).
    temps = [p for p in output_dir.iterdir() if p.name.startswith(TMP_PREFIX)]
    if temps:
        remove_durably(temps)
        report.temp_files_removed = len(temps)

    on_disk = {p.name for p in output_dir.iterdir() if FILE_RE.match(p.name) and p.is_file()}
    scan = read_manifest(manifest_path)
    report.truncated_line_removed = scan.truncated_tail
    report.bad_lines_removed = scan.bad_lines
    in_state = {a.file: a for a in store.articles()}

    # 2-3 change the state in one transaction (one fsync, however many rows).
    with store.batch():
        # 2. Manifest lines: keep those whose file exists; restore their state row when missing.
        kept: list[WrittenArticle] = []
        kept_files: set[str] = set()
        for article in scan.articles:
            if article.file in kept_files:
                report.duplicate_lines_removed += 1
            elif article.file not in on_disk:
                report.lines_without_file_removed += 1
            else:
                kept.append(article)
                kept_files.add(article.file)
                if article.file not in in_state:
                    try:
                        store.record_article(article)
                        report.state_rows_restored_from_manifest += 1
                    except sqlite3.IntegrityError as exc:  # its hash is another file's: keep it
                        logger.warning("manifest line for %s not restored to state: %s",
                                       article.file, exc)

        # 3. State rows: forget those whose file is gone; rewrite the line of those that lack one.
        restored: list[WrittenArticle] = []
        for name, article in in_state.items():
            if name not in on_disk:
                store.forget_article(article.seq)
                report.state_rows_without_file_removed += 1
            elif name not in kept_files:
                restored.append(article)
                kept_files.add(name)
        report.lines_restored_from_state = len(restored)

    # 4. The manifest: rewritten atomically when lines must go, else only appended to.
    if (scan.truncated_tail or scan.bad_lines or report.duplicate_lines_removed
            or report.lines_without_file_removed):
        atomic_write(manifest_path, b"".join(manifest_line(a) for a in [*kept, *restored]))
    elif restored:
        with open(manifest_path, "ab") as fh:
            fh.write(b"".join(manifest_line(a) for a in restored))
            fh.flush()
            os.fsync(fh.fileno())

    # 5. Files with neither a line nor a state row: written, never recorded. Their URL is not in
    #    the state, so the next crawl fetches the article again.
    orphans = [output_dir / name for name in sorted(on_disk - kept_files)]
    if orphans:
        remove_durably(orphans)
        report.orphan_files_removed = len(orphans)

    # 6. Sequence numbers seen anywhere are never handed out again.
    seen = [sequence_of(name) or 0 for name in on_disk]
    seen += [a.seq for a in scan.articles] + [a.seq for a in in_state.values()]
    if seen:
        store.reserve_through(max(seen))
    report.next_sequence = store.peek_sequence()
    return report
