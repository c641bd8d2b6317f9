"""`crawler crawl --warc`: every raw response archived, and replaying the archive into an empty
folder writes the same files as the crawl (names, sequence and bytes)."""

from __future__ import annotations

import gzip
import itertools
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import brotli
import pytest
from backports import zstd
from warcio.archiveiterator import ArchiveIterator

from crawler.sites import get_site
from crawler.warc import (
    ITEM,
    KIND,
    ArchiveWriter,
    Exchange,
    UnsupportedEncoding,
    decode_content,
    parse_fields,
    scan,
)
from tests.replicas.base import Replica
from tests.replicas.server import build_replica, serving
from tests.test_replay import ReplayRun, replay

HTML_KINDS = ("article", "home", "section")


def read_warc(path: Path) -> list[dict[str, Any]]:
    """Every record as warcio's ArchiveIterator reads it."""
    records = []
    with path.open("rb") as fh:
        for record in ArchiveIterator(fh):
            headers = record.rec_headers
            entry: dict[str, Any] = {
                "type": record.rec_type, "uri": headers.get_header("WARC-Target-URI"),
                "id": headers.get_header("WARC-Record-ID"),
                "concurrent": headers.get_header("WARC-Concurrent-To"),
            }
            if record.http_headers is not None and record.rec_type == "response":
                entry["status"] = int(record.http_headers.get_statuscode())
                entry["encoding"] = record.http_headers.get_header("Content-Encoding")
                entry["body"] = record.raw_stream.read()
            elif record.rec_type in ("metadata", "warcinfo"):
                entry["fields"] = parse_fields(record.content_stream().read())
            records.append(entry)
    return records


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def crawl_and_replay(crawl: Callable[..., Any], tmp_path: Path, name: str, warc: Path,
                     builders: list[Callable[[str], Replica]] | None = None,
                     ) -> tuple[Any, ReplayRun, Any]:
    with serving(*([] if builders else [name]), builders=builders) as server:
        run = crawl(name, "--base-url", server.origin, "--warc", str(warc))
    assert run.returncode == 0, run.describe()
    replayed = replay(warc, out=tmp_path / "replayed")
    assert replayed.returncode == 0, replayed.describe()
    return run, replayed, server


def assert_same_output(run: Any, replayed: ReplayRun) -> None:
    crawled = {f.name: f.read_bytes() for f in run.files()}
    assert crawled, run.describe()
    assert replayed.files() == crawled  # names (sequence and hash) and bytes
    assert [m["hash"] for m in replayed.manifest()] == [m["hash"] for m in run.manifest()]
    assert replayed.stats.get("replay/changed", 0) == 0


@pytest.mark.parametrize(("name", "suffix"), [("alakhbar", ".warc.gz"), ("lodj", ".warc")])
def test_replaying_the_warc_of_a_crawl_writes_the_same_files(name: str, suffix: str, crawl,
                                                             tmp_path: Path) -> None:
    warc = tmp_path / f"{name}{suffix}"
    run, replayed, server = crawl_and_replay(crawl, tmp_path, name, warc)
    assert_same_output(run, replayed)

    records = read_warc(warc)
    assert records[0]["type"] == "warcinfo" and records[0]["fields"]["ispartof"] == name
    responses = [r for r in records if r["type"] == "response"]
    requests = {r["concurrent"] for r in records if r["type"] == "request"}
    assert {r["id"] for r in responses} == requests  # one request record per response
    assert len(responses) == run.stats["response_received_count"] == run.stats["warc/responses"]
    # Data, listings and articles alike, each with what the crawl asked it for.
    context = {r["concurrent"]: r["fields"] for r in records
               if r["type"] == "metadata" and r["concurrent"]}
    kinds = {(path_of(r["uri"]), context.get(r["id"], {}).get(KIND)) for r in responses}
    site = get_site(name)
    expected = {("/robots.txt", "robots"), ("/", "home")}
    expected |= {(path, "sitemap") for path in site.sitemaps}
    expected |= {(path, "feed") for path in site.feeds}
    expected |= {(path, "section") for path in site.sections}
    expected |= {(path_of(i["url"]), "article") for i in run.items}
    assert expected <= kinds
    served = {path_of(r["uri"]): r["body"] for r in responses if r["status"] == 200}
    assert all(served[path] == server.lookup(path).body for path in served)

    # One item marker per item that entered the pipelines, in the order they were written.
    markers = [r["fields"][ITEM] for r in records if r["type"] == "metadata"
               and ITEM in r["fields"]]
    assert len(markers) == run.stats["warc/item_markers"]
    written = {m["hash"] for m in run.manifest()}
    assert [h for h in markers if h in written] == [m["hash"] for m in run.manifest()]

    # Replay read every response and made an article of exactly those the crawl wrote.
    assert replayed.stats["replay/records"] == len(responses)
    assert replayed.stats["replay/articles"] == len(markers)
    assert replayed.count("replay/skipped/") + replayed.count("replay/not_article/") == (
        len(responses) - len(markers))


# Content codings Scrapy decodes in a crawl: each HTML page of the replica gets one in turn.
ENCODERS: dict[str, Callable[[bytes], bytes]] = {
    "gzip": gzip.compress, "br": brotli.compress, "deflate": zlib.compress,
    "zstd": zstd.compress,
}


def encoded(name: str, originals: dict[str, bytes]) -> Callable[[str], Replica]:
    def build(origin: str) -> Replica:
        replica = build_replica(name, origin)
        codings = itertools.cycle(ENCODERS)
        for page in replica.pages.values():
            if page.kind in HTML_KINDS:
                coding = next(codings)
                originals[page.path] = page.body
                page.body = ENCODERS[coding](page.body)
                page.headers = {**page.headers, "Content-Encoding": coding}
        return replica

    return build


def test_the_warc_keeps_bodies_as_served_and_replay_decodes_them(crawl, tmp_path: Path) -> None:
    originals: dict[str, bytes] = {}
    warc = tmp_path / "nabae24.warc.gz"
    run, replayed, server = crawl_and_replay(crawl, tmp_path, "nabae24", warc,
                                             builders=[encoded("nabae24", originals)])
    assert_same_output(run, replayed)
    pages = [r for r in read_warc(warc) if r["type"] == "response" and r["status"] == 200
             and path_of(r["uri"]) in originals]
    assert {r["encoding"] for r in pages} == set(ENCODERS)
    for record in pages:
        path = path_of(record["uri"])
        assert record["body"] == server.lookup(path).body  # compressed, as sent
        assert decode_content(record["body"], record["encoding"]) == originals[path]


# --- units: order and decoding ------------------------------------------------------------------


def page(url: str) -> Exchange:
    return Exchange(url=url, method="GET", request_headers=[], request_body=b"", status=200,
                    response_headers=[("Content-Type", "text/html")], body=b"<p>x</p>",
                    context={KIND: "article"})


def test_replay_order_is_the_order_items_entered_the_pipelines(tmp_path: Path) -> None:
    warc = tmp_path / "order.warc.gz"
    writer = ArchiveWriter.open(warc)
    for url in ("http://h/a", "http://h/b", "http://h/c"):
        writer.write_exchange(page(url))
    # c's item entered the pipelines before a's; b never became an item.
    writer.write_item_marker("http://h/c", "c" * 16)
    writer.write_item_marker("http://h/a", "a" * 16)
    writer.write_item_marker("http://h/gone", "0" * 16)
    writer.close()
    index = scan(warc)
    assert [r.url for r in index.responses] == ["http://h/b", "http://h/c", "http://h/a"]
    assert [r.item_hash for r in index.responses] == [None, "c" * 16, "a" * 16]
    assert index.unmatched_markers == 1 and not index.error


def test_content_codings_are_undone_as_scrapy_does() -> None:
    body = "<html><body><p>نص عربي</p></body></html>".encode()
    for coding, encode in ENCODERS.items():
        assert decode_content(encode(body), coding) == body
    raw_deflate = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    sent = raw_deflate.compress(body) + raw_deflate.flush()
    assert decode_content(sent, "deflate") == body
    assert decode_content(brotli.compress(gzip.compress(body)), "gzip, br") == body
    assert decode_content(body, None) == decode_content(body, "identity") == body
    with pytest.raises(UnsupportedEncoding):
        decode_content(body, "compress")
