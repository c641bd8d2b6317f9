"""Crawl state between runs: one embedded SQLite file, `<output>/.crawler/state.sqlite` by default.

What it remembers
- `articles`: one row per written file: sequence number (the rowid), file name, content hash
  (unique), 64-bit SimHash stored as a signed integer plus its four 16-bit bands (`band0` = low
  bits), and the manifest fields, so that a lost manifest line can be rewritten from the state.
- four indexes `articles_band0..3` on (band, simhash): near-duplicate candidates and their
  signatures come from the indexes alone, never from a scan. Two 64-bit signatures at Hamming
  distance <= 3 agree exactly on at least one of four 16-bit bands (pigeonhole), so `find_near` is
  complete up to distance 3; beyond 3 it only finds matches that share a band.
- `urls`: canonical URLs already written (the fetched URL's and the declared canonical URL's
  canonical form) -> article; the seen-URL filter and the dedupe pipeline look them up.
- `meta`: the file sequence counter. `next_sequence` commits the increment on its own, before the
  file exists, so a number is never handed out twice, even after a crash or a deleted file.
- `validators`: per-URL HTTP validators (ETag, Last-Modified, last seen) for conditional GETs.
- `site_runs`: per site, the latest run's start, end and finish reason, and the start and end of
  the latest run that ended normally: entries dated before that start are unchanged (the
  watermark), and validators stored or confirmed during it are safe to send again.

Schema versions live in `PRAGMA user_version`; `MIGRATIONS[n]` takes a database from version n-1
to n inside one write transaction, re-checking the version after taking the write lock so two
processes opening a fresh file at the same time do not both migrate it.

Durability: WAL journal with `synchronous=FULL`. In WAL mode NORMAL only syncs the log at
checkpoints, so a power cut can roll back the last commits: the file and its manifest line would
survive (they are fsynced) while the sequence increment vanished, and the next run could hand out
a number again. FULL costs one fsync per commit, a few per article at network speed, nothing next
to the download; bulk loads wrap many writes in `batch()`, one commit.

The store reads no environment and holds no global: every component opens its own `StateStore`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from crawler.urls import canonical_url

STATE_DIRNAME = ".crawler"
STATE_FILENAME = "state.sqlite"
BANDS = 4
BAND_BITS = 16
_BAND_MASK = (1 << BAND_BITS) - 1
_U64 = 1 << 64
_I64_MAX = (1 << 63) - 1


class StateError(RuntimeError):
    """The state file cannot be used (newer schema, not a state database)."""


def default_state_path(output_dir: str | Path) -> Path:
    return Path(output_dir) / STATE_DIRNAME / STATE_FILENAME


def resolve_state_path(output_dir: str | Path, state_path: str | Path | None = None) -> Path:
    """`state_path` when given (non-empty), else the default file inside the output folder."""
    return Path(state_path) if state_path else default_state_path(output_dir)


def paths_from_settings(settings: Any) -> tuple[Path, Path]:
    """(output folder, state file) from the settings CRAWLER_OUTPUT_DIR and CRAWLER_STATE_PATH."""
    output_dir = Path(settings.get("CRAWLER_OUTPUT_DIR") or "output")
    return output_dir, resolve_state_path(output_dir, settings.get("CRAWLER_STATE_PATH"))


def bands(simhash: int) -> tuple[int, ...]:
    """The four 16-bit bands of a 64-bit signature, low bits first."""
    return tuple((simhash >> (BAND_BITS * i)) & _BAND_MASK for i in range(BANDS))


def _to_signed(value: int) -> int:
    if not 0 <= value < _U64:
        raise ValueError(f"simhash {value} is not an unsigned 64-bit integer")
    return value - _U64 if value > _I64_MAX else value


def _to_unsigned(value: int) -> int:
    return value + _U64 if value < 0 else value


@dataclass(frozen=True, slots=True)
class WrittenArticle:
    """One written file as the state (and the manifest) knows it."""

    seq: int
    file: str
    hash: str
    simhash: int  # unsigned 64-bit
    url: str  # as fetched
    canonical_url: str  # canonical form (crawler.urls.canonical_url)
    site: str | None = None
    title: str | None = None
    date: str | None = None
    author: str | None = None
    language: str | None = None
    fetched_at: str | None = None

    def url_keys(self) -> tuple[str, ...]:
        """Canonical URLs under which this article counts as written."""
        return tuple(dict.fromkeys((self.canonical_url, canonical_url(self.url))))


@dataclass(frozen=True, slots=True)
class Validators:
    url: str
    etag: str | None
    last_modified: str | None
    last_seen: str


@dataclass(frozen=True, slots=True)
class SiteRun:
    """What the state knows about a site's runs (UTC datetimes, whole seconds)."""

    site: str
    last_started: datetime | None = None
    last_finished: datetime | None = None
    last_reason: str | None = None
    last_ok: datetime | None = None  # start of the latest run that ended normally: the watermark
    last_ok_finished: datetime | None = None
    last_ok_since: datetime | None = None  # how far back that run looked (None: no limit)

    def covers(self, since: datetime | None) -> bool:
        """Whether the latest normal run looked at least as far back as a run with `since` will.

        A run limited by `--since` skipped older entries: a later run without the limit must not
        take those as seen.
        """
        if self.last_ok is None:
            return False
        return self.last_ok_since is None or (since is not None and since >= self.last_ok_since)

    def ok_window(self) -> tuple[datetime, datetime] | None:
        """(start, end) of the latest run that ended normally, if any."""
        if self.last_ok is None or self.last_ok_finished is None:
            return None
        return self.last_ok, self.last_ok_finished


def _stamp(moment: datetime | str | None) -> str:
    """UTC ISO 8601 to the second: stamps written alike compare as text and as datetimes."""
    if isinstance(moment, str):
        return moment
    moment = moment or datetime.now(UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def parse_stamp(text: str | None) -> datetime | None:
    if not text:
        return None
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# --- schema -----------------------------------------------------------------------------------


def _migrate_1(conn: sqlite3.Connection) -> None:
    """Articles, their four SimHash band indexes, written URLs, the sequence counter."""
    conn.execute(
        """CREATE TABLE articles (
            seq INTEGER PRIMARY KEY,
            file TEXT NOT NULL,
            hash TEXT NOT NULL UNIQUE,
            simhash INTEGER NOT NULL,
            band0 INTEGER NOT NULL,
            band1 INTEGER NOT NULL,
            band2 INTEGER NOT NULL,
            band3 INTEGER NOT NULL,
            url TEXT NOT NULL,
            canonical_url TEXT NOT NULL,
            site TEXT,
            title TEXT,
            date TEXT,
            author TEXT,
            language TEXT,
            fetched_at TEXT
        )"""
    )
    for i in range(BANDS):  # covering: candidates and their signatures come from the index alone
        conn.execute(f"CREATE INDEX articles_band{i} ON articles (band{i}, simhash)")
    conn.execute(
        """CREATE TABLE urls (
            url TEXT PRIMARY KEY,
            seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE
        ) WITHOUT ROWID"""
    )
    conn.execute("CREATE INDEX urls_seq ON urls (seq)")
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID")
    conn.execute("INSERT INTO meta (key, value) VALUES ('next_sequence', 0)")


def _migrate_2(conn: sqlite3.Connection) -> None:
    """Per-URL HTTP validators for conditional requests."""
    conn.execute(
        """CREATE TABLE validators (
            url TEXT PRIMARY KEY,
            etag TEXT,
            last_modified TEXT,
            last_seen TEXT NOT NULL
        ) WITHOUT ROWID"""
    )


def _migrate_3(conn: sqlite3.Connection) -> None:
    """Per-site run record: the watermark of unchanged sitemap and feed entries."""
    conn.execute(
        """CREATE TABLE site_runs (
            site TEXT PRIMARY KEY,
            last_started TEXT,
            last_finished TEXT,
            last_reason TEXT,
            last_ok TEXT,
            last_ok_finished TEXT,
            last_ok_since TEXT
        ) WITHOUT ROWID"""
    )


# MIGRATIONS[n] upgrades a database at user_version n-1 to n. Append, never edit.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _migrate_1, 2: _migrate_2, 3: _migrate_3,
}
SCHEMA_VERSION = max(MIGRATIONS)


def _user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring the database to schema `target`, one transaction per version; returns the version."""
    current = _user_version(conn)
    if current > SCHEMA_VERSION:
        raise StateError(
            f"state schema version {current} is newer than this crawler's ({SCHEMA_VERSION})"
        )
    while current < target:
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = _user_version(conn)  # another process may have migrated meanwhile
            if current < target:
                MIGRATIONS[current + 1](conn)
                current += 1
                conn.execute(f"PRAGMA user_version = {current}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return current


def connect(path: str | Path, timeout: float = 30.0) -> sqlite3.Connection:
    """A connection in autocommit mode (explicit transactions only), WAL, synchronous=FULL."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        # Lookups hit random pages of the hash, URL and band indexes: a 16 MB page cache and
        # memory-mapped reads keep them off the read() path once the file grows large.
        conn.execute("PRAGMA cache_size = -16384")
        conn.execute("PRAGMA mmap_size = 268435456")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StateError(f"{path} is not a crawler state database: {exc}") from exc
    return conn


# One lookup per band index; the rowid (seq) and simhash are both in the index entries.
_NEAR_CANDIDATES = " UNION ALL ".join(
    f"SELECT seq, simhash FROM articles INDEXED BY articles_band{i} WHERE band{i} = ?"
    for i in range(BANDS)
)
_ARTICLE_COLUMNS = (
    "seq, file, hash, simhash, url, canonical_url, site, title, date, author, language, fetched_at"
)


def _article(row: tuple[Any, ...]) -> WrittenArticle:
    seq, file, hash_, simhash, *rest = row
    return WrittenArticle(seq, file, hash_, _to_unsigned(simhash), *rest)


class StateStore:
    """Typed access to one state file. Use `StateStore.open(path)`, as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn: sqlite3.Connection | None = conn
        self.path = path
        self._depth = 0  # transaction nesting (savepoints below the outermost)

    @classmethod
    def open(cls, path: str | Path, timeout: float = 30.0) -> StateStore:
        """Open (creating and migrating when needed) the state file at `path`."""
        conn = connect(path, timeout)
        try:
            migrate(conn)
        except BaseException:
            conn.close()
            raise
        return cls(conn, Path(path))

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    @property
    def closed(self) -> bool:
        return self._conn is None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StateError(f"state store {self.path} is closed")
        return self._conn

    @property
    def schema_version(self) -> int:
        return _user_version(self.conn)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction around many writes (a failing write inside rolls back only itself)."""
        with self._transaction():
            yield

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        conn = self.conn
        depth = self._depth
        conn.execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT sp{depth}")
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth = depth
            if depth == 0:
                conn.execute("ROLLBACK")
            else:
                conn.execute(f"ROLLBACK TO sp{depth}")
                conn.execute(f"RELEASE sp{depth}")
            raise
        self._depth = depth
        conn.execute("COMMIT" if depth == 0 else f"RELEASE sp{depth}")

    # --- sequence ---------------------------------------------------------------------------

    def next_sequence(self) -> int:
        """A sequence number never returned before; committed at once (a crash burns it)."""
        with self._transaction():
            (value,) = self.conn.execute(
                "UPDATE meta SET value = value + 1 WHERE key = 'next_sequence' RETURNING value - 1"
            ).fetchall()[0]
        return int(value)

    def peek_sequence(self) -> int:
        """The number `next_sequence` would return, without taking it."""
        (value,) = self.conn.execute(
            "SELECT value FROM meta WHERE key = 'next_sequence'"
        ).fetchone()
        return int(value)

    def reserve_through(self, seq: int) -> None:
        """Make sure `next_sequence` returns numbers above `seq` (numbers found on disk)."""
        with self._transaction():
            self.conn.execute(
                "UPDATE meta SET value = max(value, ?) WHERE key = 'next_sequence'", (seq + 1,)
            )

    # --- articles ---------------------------------------------------------------------------

    def record_article(self, article: WrittenArticle) -> None:
        """Remember a written file, its hashes and URLs, in one transaction.

        Raises `sqlite3.IntegrityError` (nothing recorded) when the hash, file or sequence number
        is already recorded.
        """
        b = bands(article.simhash)
        with self._transaction():
            self.conn.execute(
                "INSERT INTO articles (seq, file, hash, simhash, band0, band1, band2, band3, url,"
                " canonical_url, site, title, date, author, language, fetched_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article.seq, article.file, article.hash, _to_signed(article.simhash), *b,
                 article.url, article.canonical_url, article.site, article.title, article.date,
                 article.author, article.language, article.fetched_at),
            )
            self.conn.executemany(
                "INSERT OR IGNORE INTO urls (url, seq) VALUES (?, ?)",
                [(url, article.seq) for url in article.url_keys()],
            )
            self.conn.execute(
                "UPDATE meta SET value = max(value, ?) WHERE key = 'next_sequence'",
                (article.seq + 1,),
            )

    def forget_article(self, seq: int) -> None:
        """Drop an article and its URLs (reconciliation: its file is gone)."""
        with self._transaction():
            self.conn.execute("DELETE FROM urls WHERE seq = ?", (seq,))
            self.conn.execute("DELETE FROM articles WHERE seq = ?", (seq,))

    def articles(self) -> Iterator[WrittenArticle]:
        """Every recorded article, in sequence order."""
        cursor = self.conn.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY seq")
        for row in cursor:
            yield _article(row)

    def article_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def find_hash(self, content_hash: str) -> WrittenArticle | None:
        """The article already written with this content hash, if any."""
        row = self.conn.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE hash = ?", (content_hash,)
        ).fetchone()
        return _article(row) if row else None

    def find_near(self, simhash: int, max_distance: int) -> tuple[str, int] | None:
        """(file, distance) of the closest recorded signature within `max_distance` bits.

        Candidates share at least one 16-bit band with `simhash` (four index lookups), which finds
        every signature within distance 3. Ties go to the earliest file. `max_distance` <= 0: None.
        """
        if max_distance <= 0:
            return None
        rows = self.conn.execute(_NEAR_CANDIDATES, bands(simhash)).fetchall()
        best: tuple[int, int] | None = None  # (distance, seq)
        for seq, other in rows:
            distance = (simhash ^ _to_unsigned(other)).bit_count()
            if distance <= max_distance and (best is None or (distance, seq) < best):
                best = (distance, seq)
        if best is None:
            return None
        (file,) = self.conn.execute("SELECT file FROM articles WHERE seq = ?", best[1:]).fetchone()
        return file, best[0]

    def find_url(self, url: str) -> str | None:
        """File written for this canonical URL, if any (pass `canonical_url(...)`)."""
        row = self.conn.execute(
            "SELECT a.file FROM urls u JOIN articles a ON a.seq = u.seq WHERE u.url = ?", (url,)
        ).fetchone()
        return row[0] if row else None

    def is_url_written(self, url: str) -> bool:
        """Whether an article was written under this canonical URL (pass `canonical_url(...)`)."""
        return self.conn.execute("SELECT 1 FROM urls WHERE url = ?", (url,)).fetchone() is not None

    # --- HTTP validators --------------------------------------------------------------------

    def get_validators(self, url: str) -> Validators | None:
        row = self.conn.execute(
            "SELECT url, etag, last_modified, last_seen FROM validators WHERE url = ?", (url,)
        ).fetchone()
        return Validators(*row) if row else None

    def put_validators(self, url: str, etag: str | None, last_modified: str | None,
                       last_seen: datetime | str | None = None) -> None:
        seen = last_seen or datetime.now(UTC)
        if isinstance(seen, datetime):
            seen = seen.isoformat(timespec="seconds")
        with self._transaction():
            self.conn.execute(
                "INSERT INTO validators (url, etag, last_modified, last_seen) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (url) DO UPDATE SET etag = excluded.etag,"
                " last_modified = excluded.last_modified, last_seen = excluded.last_seen",
                (url, etag, last_modified, seen),
            )

    def touch_validators(self, url: str, last_seen: datetime | str | None = None) -> None:
        """The server confirmed the stored validators (304): they were seen again now."""
        with self._transaction():
            self.conn.execute("UPDATE validators SET last_seen = ? WHERE url = ?",
                              (_stamp(last_seen), url))

    # --- site runs --------------------------------------------------------------------------

    def site_run(self, site: str) -> SiteRun | None:
        row = self.conn.execute(
            "SELECT last_started, last_finished, last_reason, last_ok, last_ok_finished,"
            " last_ok_since FROM site_runs WHERE site = ?", (site,)
        ).fetchone()
        if row is None:
            return None
        started, finished, reason, ok, ok_finished, ok_since = row
        return SiteRun(site, parse_stamp(started), parse_stamp(finished), reason, parse_stamp(ok),
                       parse_stamp(ok_finished), parse_stamp(ok_since))

    def watermark(self, site: str, since: datetime | None = None) -> datetime | None:
        """Start of the site's latest run that ended normally, if it covers `since` (None before
        the first such run)."""
        run = self.site_run(site)
        return run.last_ok if run is not None and run.covers(since) else None

    def run_started(self, site: str, started: datetime | str | None = None) -> None:
        with self._transaction():
            self.conn.execute(
                "INSERT INTO site_runs (site, last_started) VALUES (?, ?)"
                " ON CONFLICT (site) DO UPDATE SET last_started = excluded.last_started",
                (site, _stamp(started)),
            )

    def run_finished(self, site: str, started: datetime | str, finished: datetime | str | None,
                     reason: str, ok: bool, since: datetime | None = None) -> None:
        """Record how a run ended; a run that ended normally (`ok`) moves the watermark to its
        start. `since`: the run skipped entries older than this."""
        started_at, finished_at = _stamp(started), _stamp(finished)
        with self._transaction():
            self.conn.execute(
                "INSERT INTO site_runs (site, last_started, last_finished, last_reason)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (site) DO UPDATE SET"
                " last_finished = excluded.last_finished, last_reason = excluded.last_reason",
                (site, started_at, finished_at, reason),
            )
            if ok:
                self.conn.execute(
                    "UPDATE site_runs SET last_ok = ?, last_ok_finished = ?, last_ok_since = ?"
                    " WHERE site = ?",
                    (started_at, finished_at, _stamp(since) if since else None, site),
                )
