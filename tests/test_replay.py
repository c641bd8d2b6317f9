"""`crawler replay`: saved responses through extraction and the item pipelines, offline.

Replays run as subprocesses (a fresh Twisted reactor each), like crawls.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import brotli

from crawler.fixtures import Fixture, discover
from crawler.warc import KIND, SITE, ArchiveWriter, Exchange
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
SITES = ("alakhbar", "lodj")


@dataclass
class ReplayRun:
    returncode: int
    stdout: str
    stderr: str
    out: Path
    stats: dict[str, Any] = field(default_factory=dict)

    def files(self) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in sorted(self.out.glob("[0-9][0-9][0-9]*_*.txt"))}

    def manifest(self) -> list[dict[str, Any]]:
        path = self.out / "manifest.jsonl"
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]

    def count(self, prefix: str) -> int:
        return sum(v for k, v in self.stats.items() if k.startswith(prefix))

    def describe(self) -> str:
        return f"exit {self.returncode}\nSTDOUT:\n{self.stdout}\nSTDERR:\n{self.stderr[-6000:]}"


def replay(*paths: Path, out: Path, timeout: float = 120) -> ReplayRun:
    """`python -m crawler replay PATHS --out OUT` from the project folder, with its stats."""
    stats_file = out.parent / f"{out.name}-stats.jsonl"
    stats_file.unlink(missing_ok=True)
    command = [sys.executable, "-m", "crawler", "replay", *map(str, paths), "--out", str(out),
               "-s", f"CRAWLER_STATS_FILE={stats_file}", "-L", "INFO"]
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout,
                          check=False)
    stats = {}
    if stats_file.exists():
        stats = json.loads(stats_file.read_text("utf-8").splitlines()[-1])["stats"]
    return ReplayRun(proc.returncode, proc.stdout, proc.stderr, out, stats)


def site_fixtures(*sites: str) -> list[Fixture]:
    return [f for site in sites for f in discover(FIXTURES) if f.site == site]


def test_replaying_fixture_folders_writes_one_file_per_article_fixture(tmp_path: Path) -> None:
    run = replay(*(FIXTURES / site for site in SITES), out=tmp_path / "out")
    assert run.returncode == 0, run.describe()
    fixtures = site_fixtures(*SITES)
    articles = [f for f in fixtures if f.kind == "article"]
    others = [f for f in fixtures if f.kind != "article"]
    assert articles and others

    # One file per article fixture, holding exactly its reviewed expected text, in path order.
    files = run.files()
    assert sorted(files.values()) == sorted(f.expected_path.read_bytes() for f in articles)
    manifest = run.manifest()
    assert [m["url"] for m in manifest] == [f.url for f in articles]
    assert [m["file"] for m in manifest] == list(files)
    for line in manifest:
        assert line["file"] == f"{line['file'][:3]}_{line['hash']}.txt"
        assert line["site"] in SITES
    assert [int(m["file"][:3]) for m in manifest] == list(range(len(articles)))

    # Listings and tags are counted, never written.
    assert not {f.url for f in others} & {m["url"] for m in manifest}
    assert run.count("replay/not_article/") == len(others)
    assert run.stats["replay/records"] == len(fixtures)
    assert run.stats["replay/articles"] == len(articles)
    assert f"{len(fixtures)} responses read, {len(articles)} articles written" in run.stdout


def test_replaying_the_same_folder_twice_writes_nothing_new(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = replay(FIXTURES / "nabae24", out=out)
    assert first.returncode == 0, first.describe()
    written = first.files()
    assert written
    second = replay(FIXTURES / "nabae24", out=out)
    assert second.returncode == 0, second.describe()
    assert second.files() == written
    assert len(second.manifest()) == len(written)
    assert second.stats.get("files/written", 0) == 0
    assert second.stats["dedupe/url_seen"] == len(written)
    assert "0 articles written" in second.stdout


def test_replaying_one_fixture(tmp_path: Path) -> None:
    fixture = next(f for f in site_fixtures("assahafa") if f.kind == "article")
    run = replay(fixture.path, out=tmp_path / "out")
    assert run.returncode == 0, run.describe()
    assert list(run.files().values()) == [fixture.expected_path.read_bytes()]


# --- damaged WARC files -------------------------------------------------------------------------


def exchange(fixture: Fixture, encoding: str | None = None) -> Exchange:
    body = fixture.body()
    headers = [("Content-Type", fixture.content_type or "text/html")]
    if encoding == "gzip":
        body = gzip.compress(body)
    elif encoding == "br":
        body = brotli.compress(body)
    if encoding:
        headers.append(("Content-Encoding", encoding))
    return Exchange(url=fixture.url, method="GET", request_headers=[("Accept", "*/*")],
                    request_body=b"", status=200, response_headers=headers, body=body,
                    context={SITE: fixture.site, KIND: "article"})


def write_warc(path: Path, fixtures: list[Fixture], encodings: list[str | None]) -> list[int]:
    """A WARC as a crawl writes it (response, then the item marker); the offset of each group."""
    writer = ArchiveWriter.open(path)
    offsets = []
    try:
        writer.write_warcinfo({"software": "tests"})
        for fixture, encoding in zip(fixtures, encodings, strict=True):
            offsets.append(path.stat().st_size)
            writer.write_exchange(exchange(fixture, encoding))
            writer.write_item_marker(fixture.url, fixture.extract().article.content_hash)
    finally:
        writer.close()
    return offsets


def test_a_truncated_warc_is_a_counted_skip(tmp_path: Path) -> None:
    articles = [f for f in site_fixtures("anniyapress") if f.kind == "article"][:3]
    for suffix in (".warc.gz", ".warc"):
        warc = tmp_path / f"crawl{suffix}"
        offsets = write_warc(warc, articles, ["gzip", "br", None])
        # A crash in the middle of the last response: its group is cut short.
        data = warc.read_bytes()
        warc.write_bytes(data[: offsets[-1] + (len(data) - offsets[-1]) // 2])
        run = replay(warc, out=tmp_path / f"out{suffix}")
        assert run.returncode == 0, run.describe()
        assert sorted(run.files().values()) == sorted(
            f.expected_path.read_bytes() for f in articles[:2])
        assert run.count("replay/skipped/") == 1, run.stats
        assert run.stats.get("replay/changed", 0) == 0


def test_an_unreadable_warc_is_a_counted_skip(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.warc.gz"
    garbage.write_bytes(b"\x1f\x8b\x08\x00not a gzip member at all" * 50)
    plain = tmp_path / "plain.warc"
    plain.write_bytes(b"<html>this is no WARC</html>\n" * 20)
    run = replay(garbage, plain, out=tmp_path / "out")
    assert run.returncode == 0, run.describe()
    assert run.files() == {}
    assert run.stats["replay/skipped/corrupt-warc"] == 2
    assert "0 responses read, 0 articles written" in run.stdout


def test_replay_refuses_what_it_cannot_read_before_starting(tmp_path: Path, capsys) -> None:
    from crawler.cli import main

    assert main(["replay", str(tmp_path / "missing.warc"), "--out", str(tmp_path)]) == 2
    assert "no such file" in capsys.readouterr().err
    notes = tmp_path / "notes.txt"
    notes.write_text("x")
    assert main(["replay", str(notes), "--out", str(tmp_path)]) == 2
    assert "not a fixture folder" in capsys.readouterr().err
