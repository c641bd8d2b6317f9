import random
import sqlite3
from pathlib import Path

import pytest

from crawler.state import (
    _NEAR_CANDIDATES,
    SCHEMA_VERSION,
    StateError,
    StateStore,
    WrittenArticle,
    bands,
    connect,
    default_state_path,
    migrate,
    resolve_state_path,
)


def article(seq: int, simhash: int = 0, *, hash_: str | None = None, site: str = "a",
            url: str | None = None, canonical: str | None = None) -> WrittenArticle:
    url = url or f"https://{site}.example/news/{seq}?utm_source=rss"
    return WrittenArticle(
        seq=seq, file=f"{seq:03d}_{hash_ or f'{seq:016x}'}.txt", hash=hash_ or f"{seq:016x}",
        simhash=simhash, url=url, canonical_url=canonical or f"https://{site}.example/news/{seq}",
        site=site, title=f"Title {seq}", date="2025-05-08", author="Desk", language="ar",
        fetched_at="2025-05-08T10:00:00+00:00",
    )


def flip(value: int, bits: list[int]) -> int:
    for bit in bits:
        value ^= 1 << bit
    return value


def test_paths() -> None:
    assert default_state_path("out") == Path("out/.crawler/state.sqlite")
    assert resolve_state_path("out", "") == Path("out/.crawler/state.sqlite")
    assert resolve_state_path("out", None) == Path("out/.crawler/state.sqlite")
    assert resolve_state_path("out", "/var/lib/x.sqlite") == Path("/var/lib/x.sqlite")


def test_created_on_first_use_and_reopened(tmp_path: Path) -> None:
    path = tmp_path / "out" / ".crawler" / "state.sqlite"
    with StateStore.open(path) as store:
        assert path.exists()
        assert store.schema_version == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
        assert {"articles", "urls", "meta", "validators",
                "articles_band0", "articles_band1", "articles_band2", "articles_band3"} <= tables
        store.record_article(article(0, 12345))
    assert store.closed
    with StateStore.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.find_hash(f"{0:016x}") == article(0, 12345)
        assert store.article_count() == 1


def test_migration_from_version_1_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    conn = connect(path)
    assert migrate(conn, target=1) == 1
    conn.execute(
        "INSERT INTO articles (seq, file, hash, simhash, band0, band1, band2, band3, url,"
        " canonical_url, site) VALUES (4, '004_00000000000000aa.txt', '00000000000000aa', 7,"
        " 7, 0, 0, 0, 'https://a.example/x', 'https://a.example/x', 'a')"
    )
    conn.execute("INSERT INTO urls (url, seq) VALUES ('https://a.example/x', 4)")
    conn.execute("UPDATE meta SET value = 5 WHERE key = 'next_sequence'")
    conn.close()

    with StateStore.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION >= 2
        assert store.find_hash("00000000000000aa").file == "004_00000000000000aa.txt"
        assert store.is_url_written("https://a.example/x")
        assert store.next_sequence() == 5
        store.put_validators("https://a.example/x", '"abc"', None)  # table added by version 2
        assert store.get_validators("https://a.example/x").etag == '"abc"'


def test_newer_schema_refused(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    StateStore.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StateError, match="newer than this crawler"):
        StateStore.open(path)


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StateError, match="not a crawler state database"):
        StateStore.open(path)


def test_sequence_persists_and_is_never_reused(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    with StateStore.open(path) as store:
        assert [store.next_sequence() for _ in range(3)] == [0, 1, 2]
    with StateStore.open(path) as store:
        assert store.peek_sequence() == 3
        assert store.next_sequence() == 3
        store.record_article(article(10))  # a recorded number moves the counter past it
        assert store.next_sequence() == 11
        store.forget_article(10)
        assert store.next_sequence() == 12
        store.reserve_through(5)  # never moves backwards
        assert store.next_sequence() == 13
        store.reserve_through(40)
        assert store.next_sequence() == 41


def test_find_hash_and_urls(tmp_path: Path) -> None:
    with StateStore.open(tmp_path / "s.sqlite") as store:
        a = article(0, url="https://A.example:443/news/0?utm_source=x#top",
                    canonical="https://a.example/2025/story/")
        store.record_article(a)
        assert store.find_hash(a.hash) == a
        assert store.find_hash("ffffffffffffffff") is None
        # both the fetched URL's canonical form and the declared canonical URL count as written
        assert store.is_url_written("https://a.example/news/0")
        assert store.is_url_written("https://a.example/2025/story/")
        assert store.find_url("https://a.example/news/0") == a.file
        assert not store.is_url_written("https://a.example/news/1")


def test_record_article_is_one_transaction(tmp_path: Path) -> None:
    with StateStore.open(tmp_path / "s.sqlite") as store:
        store.record_article(article(0, hash_="00000000000000aa"))
        clash = article(1, hash_="00000000000000aa", url="https://b.example/other",
                        canonical="https://b.example/other")
        with pytest.raises(sqlite3.IntegrityError):
            store.record_article(clash)
        assert store.article_count() == 1
        assert not store.is_url_written("https://b.example/other")


def test_batch_rolls_back_only_the_failing_write(tmp_path: Path) -> None:
    with StateStore.open(tmp_path / "s.sqlite") as store:
        with store.batch():
            store.record_article(article(0))
            with pytest.raises(sqlite3.IntegrityError):
                store.record_article(article(1, hash_=f"{0:016x}"))
            store.record_article(article(2))
        assert [a.seq for a in store.articles()] == [0, 2]
        with pytest.raises(RuntimeError), store.batch():
            store.record_article(article(3))
            raise RuntimeError("abort the batch")
        assert [a.seq for a in store.articles()] == [0, 2]


def test_bands() -> None:
    assert bands(0x0004_0003_0002_0001) == (1, 2, 3, 4)
    assert bands((1 << 64) - 1) == (0xFFFF,) * 4


def test_find_near_finds_everything_within_three_bits(tmp_path: Path) -> None:
    rng = random.Random(7)
    with StateStore.open(tmp_path / "s.sqlite") as store:
        stored = [rng.getrandbits(64) for _ in range(300)]
        with store.batch():
            for seq, value in enumerate(stored):
                store.record_article(article(seq, value))
        for seq, value in enumerate(stored):
            distance = seq % 4
            query = flip(value, rng.sample(range(64), distance))
            assert store.find_near(query, 3) == (f"{seq:03d}_{seq:016x}.txt", distance)
            assert store.find_near(query, 0) is None


def test_find_near_limits_and_ties(tmp_path: Path) -> None:
    base = 0x0123_4567_89AB_CDEF
    with StateStore.open(tmp_path / "s.sqlite") as store:
        store.record_article(article(0, flip(base, [0, 1])))  # distance 2
        store.record_article(article(1, flip(base, [2])))  # distance 1: the closest
        store.record_article(article(2, flip(base, [3])))  # distance 1 too, later file
        assert store.find_near(base, 3) == (f"001_{1:016x}.txt", 1)
        assert store.find_near(base, 1) == (f"001_{1:016x}.txt", 1)
        # one bit flipped in each band: distance 4, no band in common, beyond the guarantee
        far = flip(base, [5, 21, 37, 53])
        assert store.find_near(far, 3) is None


def test_simhash_above_2_63_round_trips(tmp_path: Path) -> None:
    value = (1 << 64) - 2
    with StateStore.open(tmp_path / "s.sqlite") as store:
        store.record_article(article(0, value))
        assert store.find_hash(f"{0:016x}").simhash == value
        assert store.find_near(value ^ 1, 3) == (f"000_{0:016x}.txt", 1)
        with pytest.raises(ValueError):
            store.record_article(article(1, 1 << 64))


def test_near_lookup_uses_the_band_indexes(tmp_path: Path) -> None:
    with StateStore.open(tmp_path / "s.sqlite") as store:
        plan = store.conn.execute("EXPLAIN QUERY PLAN " + _NEAR_CANDIDATES, (1, 2, 3, 4))
        details = " ".join(row[-1] for row in plan.fetchall())
        for i in range(4):
            assert f"USING COVERING INDEX articles_band{i}" in details
        assert "SCAN" not in details


def test_validators(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    with StateStore.open(path) as store:
        assert store.get_validators("https://a.example/feed") is None
        store.put_validators("https://a.example/feed", '"v1"', "Thu, 08 May 2025 10:00:00 GMT",
                             "2025-05-08T10:00:00+00:00")
        store.put_validators("https://a.example/feed", '"v2"', None, "2025-05-09T10:00:00+00:00")
    with StateStore.open(path) as store:
        v = store.get_validators("https://a.example/feed")
        assert (v.etag, v.last_modified, v.last_seen) == ('"v2"', None, "2025-05-09T10:00:00+00:00")
        store.put_validators("https://a.example/x", None, "lm")
        assert store.get_validators("https://a.example/x").last_seen.startswith("20")


def test_closed_store_refuses_use(tmp_path: Path) -> None:
    store = StateStore.open(tmp_path / "s.sqlite")
    store.close()
    store.close()  # idempotent
    with pytest.raises(StateError, match="closed"):
        store.find_hash("0" * 16)
