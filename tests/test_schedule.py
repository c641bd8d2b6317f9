"""`crawler schedule`: intervals, due times, and real scheduled passes against the replicas.

The end-to-end tests run `python -m crawler schedule ...` in a subprocess (which runs each crawl
in a subprocess of its own) against replica sites served on 127.0.0.1, and read the server's hit
log, the output folder and OUTPUT/.crawler/runs.jsonl.
"""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from crawler.extraction import extract
from crawler.schedule import (
    Target,
    format_interval,
    next_batch,
    next_start,
    parse_interval,
    read_records,
    run_line,
)
from crawler.state import StateStore
from crawler.text import simhash
from tests.conftest import FAST_SETTINGS, ROOT
from tests.replicas import generic_feed, nabae24
from tests.replicas.base import ARTICLE, Page, Replica
from tests.replicas.server import Hit, ReplicaServer, serving

NEAR = 3  # bits: the dedupe pipeline's near-duplicate distance

# --- intervals and due times ------------------------------------------------------------------


@pytest.mark.parametrize(("text", "seconds"), [
    ("45s", 45), ("30m", 1800), ("2h", 7200), ("1h30m", 5400), ("1.5h", 5400), (" 10M ", 600),
    ("1h 30m", 5400), ("0.5s", 0.5),
])
def test_parse_interval(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "5", "5x", "m", "1d", "-5m", "0s", "0h0m", "1h30", "h1"])
def test_parse_interval_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="interval"):
        parse_interval(text)


def test_format_interval() -> None:
    assert [format_interval(s) for s in (3600, 5400, 45, 1.5, 90, 0)] == [
        "1h", "1h30m", "45s", "1.5s", "1m30s", "0s"]


def test_next_start_is_one_interval_after_the_previous_start() -> None:
    assert next_start(100.0, 60.0, now=130.0) == 160.0
    # Overdue (the run took longer than the interval, or others ran first): now, once.
    assert next_start(100.0, 60.0, now=400.0) == 400.0


def target(label: str, next_at: float = 0.0, runs: int = 0, alone: bool = False) -> Target:
    return Target(label, 60.0, (label,), next_start=next_at, runs=runs, alone=alone)


def test_next_batch_takes_every_site_due() -> None:
    a, b, c = target("a", 10), target("b", 10), target("c", 50)
    assert next_batch([a, b, c], now=5) == []
    assert next_batch([a, b, c], now=10) == [a, b]
    assert next_batch([a, b, c], now=60) == [a, b, c]


def test_next_batch_respects_max_runs_and_lone_sites() -> None:
    a, b, c = target("a", 0, runs=2), target("b", 5, alone=True), target("c", 1)
    assert next_batch([a, b, c], now=10, max_runs=2) == [c]
    c.runs = 2
    assert next_batch([a, b, c], now=10, max_runs=2) == [b]
    # The batch waiting longest goes first: a lone site is not starved by the others.
    d, e = target("d", 3), target("e", 2, alone=True)
    assert next_batch([d, e], now=10) == [e]


def test_run_line_from_stats_and_for_a_crash() -> None:
    start, end = datetime(2025, 5, 8, 10, 0), datetime(2025, 5, 8, 10, 1)
    record = {"site": "a", "reason": "finished", "stats": {
        "response_received_count": 12, "files/written": 3, "dedupe/exact_duplicate": 1,
        "dedupe/near_duplicate": 1, "dedupe/url_seen": 1, "seen/skipped": 4,
        "errors/total": 2, "blocked/total": 1, "conditional/not_modified": 5,
        "downloader/response_bytes": 2048, "downloader/request_count": 19,
        "discovery/unchanged": 7}}
    line = run_line("a", start.astimezone(), end.astimezone(), 0, record)
    assert {k: line[k] for k in ("pages", "articles", "duplicates", "seen", "errors", "blocked",
                                 "not_modified", "bytes", "requests", "unchanged",
                                 "exit_status", "finish_reason")} == {
        "pages": 12, "articles": 3, "duplicates": 3, "seen": 4, "errors": 2, "blocked": 1,
        "not_modified": 5, "bytes": 2048, "requests": 19, "unchanged": 7, "exit_status": 0,
        "finish_reason": "finished"}
    assert line["start"].endswith("+00:00") and "error" not in line
    crashed = run_line("a", start.astimezone(), end.astimezone(), -9, None, "killed")
    assert (crashed["exit_status"], crashed["finish_reason"], crashed["error"]) == (
        -9, None, "killed")
    assert crashed["pages"] == crashed["requests"] == 0


def test_read_records_skips_a_line_cut_short(tmp_path: Path) -> None:
    path = tmp_path / "stats.jsonl"
    path.write_text('{"site": "a", "reason": "finished", "stats": {}}\n{"site": "b", "rea')
    assert list(read_records(path)) == ["a"]
    assert read_records(tmp_path / "missing.jsonl") == {}


# --- the command line ---------------------------------------------------------------------------


def test_bad_arguments_exit_2_with_a_clear_message(capsys: pytest.CaptureFixture[str]) -> None:
    from crawler.cli import main

    assert main(["schedule", "--every", "5x"]) == 2
    err = capsys.readouterr().err
    assert "crawler schedule: error: --every: cannot read interval '5x'" in err
    assert "30m" in err  # says what it expects
    assert main(["schedule", "--every", "0m"]) == 2
    assert "longer than zero" in capsys.readouterr().err
    assert main(["schedule", "--for", "soon"]) == 2
    assert "--for" in capsys.readouterr().err
    assert main(["schedule", "no-such-site"]) == 2
    assert "unknown site" in capsys.readouterr().err
    assert main(["schedule", "--url", "not-a-url"]) == 2
    assert "start_url" in capsys.readouterr().err
    assert main(["schedule", "--base-url", "http://127.0.0.1:1", "--url", "https://x.ma/"]) == 2
    assert "--base-url needs exactly one SITE" in capsys.readouterr().err
    assert main(["schedule", "--once", "--max-runs", "2", "--url", "https://x.ma/"]) == 2
    assert main(["schedule", "--url", "https://x.ma/a", "--url", "https://www.x.ma/b"]) == 2
    assert "both be called x.ma" in capsys.readouterr().err


def test_bad_every_exits_2_from_the_shell() -> None:
    proc = subprocess.run([sys.executable, "-m", "crawler", "schedule", "--every", "often"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 2
    assert "--every: cannot read interval 'often'" in proc.stderr


# --- end to end ---------------------------------------------------------------------------------


def schedule_command(out: Path, *args: str) -> list[str]:
    command = [sys.executable, "-m", "crawler", "schedule", *args, "--out", str(out)]
    for setting in FAST_SETTINGS:
        command += ["-s", setting]
    return command


def run_schedule(out: Path, *args: str, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    return subprocess.run(schedule_command(out, *args), cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, check=False)


def runs(out: Path) -> list[dict[str, Any]]:
    path = out / ".crawler" / "runs.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]


def manifest(out: Path) -> list[dict[str, Any]]:
    path = out / "manifest.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]


def files(out: Path) -> list[Path]:
    return sorted(out.glob("[0-9][0-9][0-9]*_*.txt"))


def assert_consistent(out: Path) -> None:
    """Every file has one manifest line and one state row, and nothing half-written is left."""
    lines = manifest(out)
    assert sorted(line["file"] for line in lines) == [p.name for p in files(out)]
    with StateStore.open(out / ".crawler" / "state.sqlite") as store:
        assert sorted(a.file for a in store.articles()) == [p.name for p in files(out)]
    leftovers = [p.name for p in out.rglob("*") if p.name.startswith(".tmp-")]
    assert leftovers == []


def page_kind(server: ReplicaServer, hit: Hit) -> str:
    page = server.lookup(hit.path)
    return page.kind if page is not None else "missing"


def describe(proc: subprocess.CompletedProcess[str] | None, out: Path) -> str:
    text = f"runs: {json.dumps(runs(out), indent=1)}\n"
    if proc is not None:
        text += f"exit {proc.returncode}\nSTDERR:\n{proc.stderr[-6000:]}"
    return text


def unique_articles(replica: Replica, site: str) -> list[tuple[str, int]]:
    """(content hash, SimHash) of the replica's distinct articles, duplicates left out."""
    found: list[tuple[str, int]] = []
    for page in replica.articles():
        article = extract(page.body, replica.url(page.path), site, page.content_type).article
        if article is None:
            continue
        signature = simhash(article.body_text)
        if any(h == article.content_hash or (s ^ signature).bit_count() <= NEAR
               for h, s in found):
            continue
        found.append((article.content_hash, signature))
    return found


def test_two_scheduled_passes_the_second_is_conditional_and_cheap(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with serving("nabae24") as server:
        proc = run_schedule(out, "nabae24", "--base-url", server.origin, "--every", "1s",
                            "--max-runs", "2")
        hits = list(server.hits)
    assert proc.returncode == 0, describe(proc, out)
    first, second = runs(out)
    assert first["finish_reason"] == second["finish_reason"] == "finished", describe(proc, out)
    print(f"\nfirst pass:  {first['requests']} requests, {first['bytes']} bytes"
          f"\nsecond pass: {second['requests']} requests, {second['bytes']} bytes")

    # The hits of each pass: every request of a crawl reached this server, pass after pass.
    assert len(hits) == first["requests"] + second["requests"]
    pass1, pass2 = hits[:first["requests"]], hits[first["requests"]:]

    # First pass: plain requests, one file per distinct article of the replica.
    assert not any(hit.conditional for hit in pass1)
    expected = unique_articles(server.replicas[0], "nabae24")
    written = manifest(out)
    assert len(written) == len(expected) == first["articles"] > 0
    for content_hash, signature in expected:
        assert any(line["hash"] == content_hash
                   or (int(line["simhash"], 16) ^ signature).bit_count() <= NEAR
                   for line in written)
    assert_consistent(out)

    # Second pass: feeds, sitemaps and listings asked for conditionally, all answered 304; no
    # article page fetched again, no file written.
    by_kind: dict[str, list[Hit]] = {}
    for hit in pass2:
        by_kind.setdefault(page_kind(server, hit), []).append(hit)
    assert {"feed", "sitemap", "home", "section"} <= set(by_kind), by_kind.keys()
    for kind in ("feed", "sitemap", "home", "section"):
        assert all(h.conditional and h.status == 304 for h in by_kind[kind]), by_kind[kind]
    assert set(by_kind) == {"robots", "feed", "sitemap", "home", "section"}, by_kind.keys()
    assert ARTICLE not in by_kind
    assert second["articles"] == 0 and len(manifest(out)) == len(written)
    assert second["not_modified"] == sum(1 for h in pass2 if h.status == 304) > 0
    assert second["errors"] == 0
    assert second["requests"] < first["requests"] and second["bytes"] * 20 < first["bytes"]


NEW_POST = replace(
    nabae24.POSTS[0],
    key="new", post_id=43001, slug="ouverture-nouvelle-ligne-tramway",
    title="افتتاح خط جديد للترامواي يربط وسط المدينة بالأحياء الشرقية",
    categories=("sport",), tags=(), fixture=None, amp=False, read_also=None,
    blocks=(
        ("p", "أعلنت الشركة المفوض لها تدبير النقل الحضري، صباح اليوم، عن افتتاح خط جديد للترامواي "
              "يربط وسط المدينة بالأحياء الشرقية، على طول اثني عشر كيلومترا وبخمس عشرة محطة."),
        ("p", "وأوضح بلاغ للشركة أن الخط الجديد سيؤمن رحلة كل ثماني دقائق في أوقات الذروة، وأن "
              "ثمن التذكرة سيبقى في مستواه الحالي، مع اعتماد اشتراكات مخفضة لفائدة الطلبة."),
        ("p", "ويرتقب أن ينقل الخط، حسب الدراسات التقنية، أزيد من خمسين ألف راكب يوميا، وأن يخفف "
              "الضغط على الطرق الرئيسية التي تعرف اكتظاظا كبيرا خلال ساعات الصباح والمساء."),
        ("p", "وكانت أشغال إنجاز هذا المشروع قد انطلقت قبل ثلاث سنوات، بكلفة إجمالية فاقت ثلاثة "
              "ملايير درهم، ساهمت فيها الدولة والجماعة الترابية والجهة بحصص متفاوتة."),
    ),
)


def with_new_post(origin: str) -> tuple[Replica, str]:
    """The replica after one more post, published now (feeds, sitemaps and listings change),
    and the new post's path."""
    now = datetime.now(nabae24.TZ)
    post = replace(NEW_POST, date=now.strftime("%Y-%m-%d"), time=now.strftime("%H:%M:%S"),
                   modified=now.strftime("%Y-%m-%d %H:%M:%S"))
    posts = nabae24.POSTS
    nabae24.POSTS = (post, *posts)
    try:
        return nabae24.build(origin), nabae24.permalink(post)
    finally:
        nabae24.POSTS = posts


def test_a_change_between_passes_is_picked_up(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with serving(builders=[nabae24.build]) as server:
        first = run_schedule(out, "nabae24", "--base-url", server.origin, "--once")
        assert first.returncode == 0, describe(first, out)
        before = {line["url"] for line in manifest(out)}
        changed, new_path = with_new_post(server.origin)
        server.pages.clear()
        server.pages.update(changed.pages)
        mark = len(server.hits)
        second = run_schedule(out, "nabae24", "--base-url", server.origin, "--once")
        pass2 = server.hits[mark:]
    assert second.returncode == 0, describe(second, out)
    added = [line for line in manifest(out) if line["url"] not in before]
    assert [line["url"] for line in added] == [server.origin + new_path], describe(second, out)
    assert runs(out)[-1]["articles"] == 1
    # Only the new article page was fetched; the changed feed and sitemaps came in full.
    assert [h.path for h in pass2 if page_kind(server, h) == ARTICLE] == [new_path]
    feed = [h for h in pass2 if h.path == "/feed/"]
    assert [(h.conditional, h.status) for h in feed] == [(True, 200)]
    assert_consistent(out)


class SlowPage(Page):
    """A page the server takes `delay` seconds to read (twice per request: ETag and body)."""

    delay = 0.5

    @property  # type: ignore[override]
    def body(self) -> bytes:
        time.sleep(self.delay)
        return self._body

    @body.setter
    def body(self, value: bytes) -> None:
        self._body = value


def slowed(build: Callable[[str], Replica]) -> Callable[[str], Replica]:
    def builder(origin: str) -> Replica:
        replica = build(origin)
        for path, page in list(replica.pages.items()):
            if page.kind == ARTICLE:
                replica.pages[path] = SlowPage(page.path, page.body, page.content_type, page.kind,
                                               page.status, page.headers, page.fixture,
                                               page.modified)
        return replica
    return builder


def wait_for(condition: Callable[[], bool], proc: subprocess.Popen[str], timeout: float,
             what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            _, err = proc.communicate()
            raise AssertionError(f"{what} did not happen (exit {proc.returncode}):\n{err[-4000:]}")
        time.sleep(0.02)


def test_sigterm_stops_the_running_crawl_gracefully_and_exits_0(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with serving(builders=[slowed(nabae24.build)]) as server:
        # One request at a time, so that the signal finds articles still waiting: Scrapy finishes
        # the downloads in flight. (CONCURRENT_REQUESTS_PER_DOMAIN does not cap anything with
        # DOWNLOAD_DELAY=0 in Scrapy 2.19: a slot's queue is emptied in one go.)
        command = schedule_command(out, "nabae24", "--base-url", server.origin, "--every", "1s",
                                   "--max-runs", "3", "-s", "CONCURRENT_REQUESTS=1")
        proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        wait_for(lambda: len(manifest(out)) >= 1, proc, 120, "a first article")
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=120)
        hits_at_exit = len(server.hits)
        time.sleep(1.5)  # nothing starts after the signal
        assert len(server.hits) == hits_at_exit
        interrupted = {line["url"] for line in manifest(out)}
        assert_consistent(out)  # as the interrupted crawl left it, before any reconciliation

        # The next run re-polls in full (a 304 would hide what the interrupted run left) and
        # fetches only the articles still missing.
        after = run_schedule(out, "nabae24", "--base-url", server.origin, "--once")
        next_hits = server.hits[hits_at_exit:]
    assert proc.returncode == 0, err[-4000:]
    assert "Stopped (SIGTERM)" in err
    first = runs(out)[0]
    assert first["finish_reason"] == "shutdown" and first["exit_status"] == 130, first
    assert 1 <= first["articles"] == len(interrupted) < len(server.replicas[0].articles())

    assert after.returncode == 0, describe(after, out)
    lines = runs(out)
    assert len(lines) == 2, lines  # the interrupted run's line, then the next run's
    assert not any(h.conditional for h in next_hits)
    refetched = [h.path for h in next_hits if server.origin + h.path in interrupted]
    assert refetched == []
    assert len(manifest(out)) == len(unique_articles(server.replicas[0], "nabae24"))
    assert lines[1]["articles"] == len(manifest(out)) - len(interrupted)
    assert_consistent(out)


def children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except (FileNotFoundError, ProcessLookupError):
        return []


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_crashing_run_does_not_stop_the_other_sites_runs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    unreachable = f"http://localhost:{closed_port()}/"
    with serving(builders=[slowed(generic_feed.build)]) as server:
        command = schedule_command(out, "--url", server.origin + "/", "--url", unreachable,
                                   "--every", "1s", "--max-runs", "2", "-s", "RETRY_TIMES=1",
                                   "-s", "CRAWLER_RETRY_BACKOFF_BASE=0.1")
        proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        # A hard crash of the crawl process in the middle of its first run.
        wait_for(lambda: bool(children(proc.pid)) and any(
            page_kind(server, h) == ARTICLE for h in server.hits), proc, 120, "a first article hit")
        crawl_pid = children(proc.pid)[0]
        subprocess.run(["kill", "-KILL", str(crawl_pid)], check=True)
        _, err = proc.communicate(timeout=180)
    assert proc.returncode == 0, err[-4000:]
    lines = runs(out)
    assert [line["site"] for line in lines[:2]] == ["127.0.0.1", "localhost"], lines
    for line in lines[:2]:
        assert line["exit_status"] == -signal.SIGKILL and line["finish_reason"] is None
        assert line["error"] == "crawl killed by SIGKILL"
    # The scheduler went on: each site's second run, now in a subprocess of its own.
    later = {line["site"]: line for line in lines[2:]}
    assert len(lines) == 4 and set(later) == {"127.0.0.1", "localhost"}, lines
    reachable, failing = later["127.0.0.1"], later["localhost"]
    assert reachable["finish_reason"] == "finished" and reachable["exit_status"] == 0
    assert reachable["articles"] == len(generic_feed.ITEMS)
    assert failing["finish_reason"] == "finished" and failing["errors"] > 0
    assert failing["pages"] == 0 and failing["articles"] == 0
    assert lines[2]["end"] <= lines[3]["start"]  # one after the other
    assert_consistent(out)


def test_for_duration_stops_by_itself(tmp_path: Path) -> None:
    out = tmp_path / "out"
    began = time.monotonic()
    proc = run_schedule(out, "--url", f"http://localhost:{closed_port()}/", "--every", "1h",
                        "--for", "4s", "-s", "RETRY_TIMES=0")
    assert proc.returncode == 0, describe(proc, out)
    assert time.monotonic() - began < 60
    lines = runs(out)
    assert len(lines) == 1 and lines[0]["finish_reason"] == "finished" and lines[0]["errors"] > 0
    assert "Stopped (time limit)" in proc.stderr
    assert "next run at" in proc.stderr
