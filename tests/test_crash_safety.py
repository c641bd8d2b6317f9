"""Atomic writes, reconciliation of every crash point, the output lock, and a real SIGKILL test."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from crawler.state import StateStore, WrittenArticle, default_state_path
from crawler.text import content_hash
from crawler.urls import canonical_url
from pipelines.dedupe import DuplicateArticle
from pipelines.files import OutputBusyError, OutputLock
from pipelines.manifest import (
    FILE_RE,
    MANIFEST_NAME,
    TMP_PREFIX,
    atomic_write,
    manifest_record,
    reconcile,
)
from tests.test_pipelines import Run, item, manifest, numbered, written

PROJECT = Path(__file__).resolve().parents[1]


def assert_consistent(out: Path) -> None:
    """Every file has exactly one manifest line and one state row, and the other way round."""
    assert not [p.name for p in out.iterdir() if p.name.startswith(TMP_PREFIX)]
    raw = (out / MANIFEST_NAME).read_bytes()
    assert raw == b"" or raw.endswith(b"\n")
    lines = manifest(out)
    names = written(out)
    assert all(FILE_RE.match(n) for n in names)
    assert sorted(line["file"] for line in lines) == names  # no duplicates, none missing
    with StateStore.open(default_state_path(out)) as store:
        state = {a.file: a for a in store.articles()}
        assert sorted(state) == names
        for line in lines:
            assert manifest_record(state[line["file"]]) == line
            assert line["file"].split("_")[1] == line["hash"] + ".txt"
        seqs = [a.seq for a in state.values()]
        assert store.peek_sequence() > max(seqs, default=-1)


def three_written(tmp_path: Path) -> Run:
    with Run(tmp_path) as run:
        for i in range(3):
            run.process(item(f"https://alpha.example/n/{i}", numbered(i)))
    return run


def reopen(tmp_path: Path) -> Run:
    """Open and close the pipelines once: `open_spider` reconciles."""
    with Run(tmp_path) as run:
        pass
    return run


# --- atomic writes ----------------------------------------------------------------------------


def test_atomic_write_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "000_0123456789abcdef.txt"
    atomic_write(target, "نص المقال\n".encode())
    atomic_write(target, b"replaced whole\n")
    assert target.read_bytes() == b"replaced whole\n"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_failed_atomic_write_removes_its_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "001_0123456789abcdef.txt"
    target.mkdir()  # os.replace of a file over a directory fails
    with pytest.raises(IsADirectoryError):
        atomic_write(target, b"data")
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_pipeline_writes_leave_no_temp_files(tmp_path: Path) -> None:
    run = three_written(tmp_path)
    assert len(written(run.out)) == 3
    assert_consistent(run.out)


# --- reconciliation, one test per crash point -------------------------------------------------


def test_crash_during_file_write_leaves_temp_file(tmp_path: Path) -> None:
    run = three_written(tmp_path)
    with StateStore.open(default_state_path(run.out)) as store:
        seq = store.next_sequence()  # step 1 done
    it = item("https://alpha.example/n/3", numbered(3))
    (run.out / f"{TMP_PREFIX}{seq:03d}_{it['hash']}.txt.4242").write_bytes(b"half an art")
    with Run(tmp_path) as run:
        run.process(it)
    assert written(run.out)[-1] == f"004_{it['hash']}.txt"  # 003 was burnt, never reused
    assert_consistent(run.out)


def test_crash_between_file_and_state(tmp_path: Path) -> None:
    run = three_written(tmp_path)
    it = item("https://alpha.example/n/3", numbered(3))
    with StateStore.open(default_state_path(run.out)) as store:
        seq = store.next_sequence()
    orphan = run.out / f"{seq:03d}_{it['hash']}.txt"
    orphan.write_bytes(it["text"].encode())  # file renamed in place, state never recorded
    with Run(tmp_path) as run:
        assert not orphan.exists()
        run.process(it)  # the URL was not recorded: the article is written again, once
    assert written(run.out)[-1] == f"004_{it['hash']}.txt"
    assert_consistent(run.out)


def test_crash_between_state_and_manifest(tmp_path: Path) -> None:
    run = three_written(tmp_path)
    path = run.out / MANIFEST_NAME
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[:-1]))  # the last append never happened
    report_run = reopen(tmp_path)
    assert path.read_bytes().splitlines(keepends=True) == lines
    assert_consistent(report_run.out)


def test_truncated_last_manifest_line(tmp_path: Path) -> None:
    run = three_written(tmp_path)
    path = run.out / MANIFEST_NAME
    original = path.read_bytes()
    last_start = original.rindex(b"\n", 0, len(original) - 1) + 1
    path.write_bytes(original[: last_start + 57])  # cut inside the line (and maybe a character)
    with StateStore.open(default_state_path(run.out)) as store:
        report = reconcile(run.out, store)
    assert report.truncated_line_removed
    assert report.lines_restored_from_state == 1
    assert path.read_bytes() == original
    assert_consistent(run.out)


def test_line_without_file(tmp_path: Path) -> None:
    run = three_written(tmp_path)
    deleted = written(run.out)[1]
    url = manifest(run.out)[1]["url"]
    (run.out / deleted).unlink()
    with StateStore.open(default_state_path(run.out)) as store:
        report = reconcile(run.out, store)
        assert report.lines_without_file_removed == 1
        assert report.state_rows_without_file_removed == 1
        assert not store.is_url_written(url)  # the article may be fetched again
    assert deleted not in [line["file"] for line in manifest(run.out)]
    assert_consistent(run.out)


def test_state_row_without_file(tmp_path: Path) -> None:
    run = three_written(tmp_path)
    ghost = item("https://alpha.example/n/9", numbered(9))
    with StateStore.open(default_state_path(run.out)) as store:
        store.record_article(WrittenArticle(
            seq=7, file=f"007_{ghost['hash']}.txt", hash=ghost["hash"], simhash=1,
            url=ghost["url"], canonical_url=ghost["url"],
        ))
        report = reconcile(run.out, store)
        assert report.state_rows_without_file_removed == 1
        assert store.find_hash(ghost["hash"]) is None
        assert store.peek_sequence() == 8  # the number stays used
    assert_consistent(run.out)


def test_file_and_line_without_state_rebuild_the_state(tmp_path: Path) -> None:
    run = three_written(tmp_path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{default_state_path(run.out)}{suffix}").unlink(missing_ok=True)
    with Run(tmp_path) as run:
        assert run.files.store.article_count() == 3
        with pytest.raises(DuplicateArticle):
            run.process(item("https://beta.example/copy", numbered(1), site="beta"))
        run.process(item("https://alpha.example/n/3", numbered(3)))
    assert written(run.out)[-1].startswith("003_")
    assert_consistent(run.out)


def test_reconcile_is_idempotent_and_quiet_on_a_clean_folder(tmp_path: Path) -> None:
    run = three_written(tmp_path)
    (run.out / f"{TMP_PREFIX}manifest.jsonl.99").write_bytes(b"{")  # interrupted rewrite
    with StateStore.open(default_state_path(run.out)) as store:
        first = reconcile(run.out, store)
        assert first.changed and first.temp_files_removed == 1
        second = reconcile(run.out, store)
        assert not second.changed
        assert second.next_sequence == 3
    assert_consistent(run.out)


def test_sequence_never_reused_after_file_deletion(tmp_path: Path) -> None:
    run = three_written(tmp_path)
    (run.out / written(run.out)[-1]).unlink()  # 002, the highest number
    with Run(tmp_path) as run:
        run.process(item("https://alpha.example/n/7", numbered(7)))
    assert [n[:3] for n in written(run.out)] == ["000", "001", "003"]
    # even with the state file gone too, the manifest keeps the numbers it listed
    (run.out / written(run.out)[-1]).unlink()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{default_state_path(run.out)}{suffix}").unlink(missing_ok=True)
    with Run(tmp_path) as run:
        run.process(item("https://alpha.example/n/8", numbered(8)))
    assert [n[:3] for n in written(run.out)] == ["000", "001", "004"]
    assert_consistent(run.out)


# --- the output lock --------------------------------------------------------------------------

ITEMS_SPIDER = '''
import json
from pathlib import Path

import scrapy

from crawler.article import Article
from crawler.items import article_item


def body(i):  # two paragraphs of 100 words; one word changed stays within 3 bits
    return tuple(" ".join(f"w{(i * 7919 + k * 104729) % 100003}" for k in range(j, j + 100))
                 for j in (0, 100))


class ItemsSpider(scrapy.Spider):
    name = "items"
    custom_settings = {"ROBOTSTXT_OBEY": False, "REMOTE_CONTROL_ENABLED": False}

    def __init__(self, stats_file, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stats_file = stats_file

    async def start(self):
        for i in range(3):
            yield article_item(Article(url=f"https://a.example/{i}", title=f"T{i}", body=body(i),
                                       site="a"))
        yield article_item(Article(url="https://b.example/copy", title="T", body=body(0),
                                   site="b"))
        near = body(1)[:1] + (body(1)[1].replace("w", "v", 1),)
        yield article_item(Article(url="https://b.example/near", title="T", body=near, site="b"))
        yield article_item(Article(url="https://a.example/2?utm_source=x", title="T",
                                   body=body(5), site="a"))

    def closed(self, reason):
        Path(self.stats_file).write_text(json.dumps(self.crawler.stats.get_stats(), default=str))
'''


def run_scrapy(spider_source: str, tmp_path: Path, out: Path, *args: str, timeout: float = 120,
               **settings: object) -> subprocess.CompletedProcess[str]:
    spider = tmp_path / "spider_under_test.py"
    spider.write_text(spider_source)
    command = [sys.executable, "-m", "scrapy", "runspider", str(spider),
               "-s", f"CRAWLER_OUTPUT_DIR={out}", *args]
    for key, value in settings.items():
        command += ["-s", f"{key}={value}"]
    return subprocess.run(command, cwd=PROJECT, capture_output=True, text=True, timeout=timeout)


def _other_process_can_lock(out: Path) -> bool:
    probe = ("import sys; from pathlib import Path; from pipelines.files import OutputLock\n"
             "try:\n    OutputLock(Path(sys.argv[1])).acquire()\nexcept Exception:\n"
             "    sys.exit(1)\n")
    done = subprocess.run([sys.executable, "-c", probe, str(out)], cwd=PROJECT, timeout=60)
    return done.returncode == 0


def test_lock_is_shared_in_process_and_exclusive_between_processes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first, second = OutputLock(out), OutputLock(out)
    assert first.acquire() is True  # the first holder of this process reconciles
    assert second.acquire() is False  # a second spider of the same process shares it
    first.release()
    assert not _other_process_can_lock(out)  # still held by the second spider
    second.release()
    assert _other_process_can_lock(out)


def test_second_crawl_fails_with_a_clear_message(tmp_path: Path) -> None:
    out = tmp_path / "out"
    holder = OutputLock(out)
    holder.acquire()  # this test process is the first crawl
    try:
        result = run_scrapy(ITEMS_SPIDER, tmp_path, out, "-a", f"stats_file={tmp_path / 's'}")
    finally:
        holder.release()
    message = f"output folder {out.resolve()} is in use by another crawl (pid {os.getpid()})"
    assert result.returncode == 1
    assert f"ERROR: {message}" in result.stderr
    assert not written(out)
    assert not (out / MANIFEST_NAME).exists()


def test_second_crawl_waits_for_the_lock(tmp_path: Path) -> None:
    out = tmp_path / "out"
    holder = OutputLock(out)
    holder.acquire()
    timer = threading.Timer(1.5, holder.release)
    timer.start()
    try:
        started = time.monotonic()
        result = run_scrapy(ITEMS_SPIDER, tmp_path, out, "-a", f"stats_file={tmp_path / 's'}",
                            CRAWLER_LOCK_TIMEOUT=30)
    finally:
        timer.join()
    assert result.returncode == 0, result.stderr[-3000:]
    assert time.monotonic() - started >= 1.5
    assert len(written(out)) == 3
    # the drops of a real crawl, with Scrapy's own per-exception counters
    stats = json.loads((tmp_path / "s").read_text())
    assert stats["files/written"] == 3
    assert stats["dedupe/exact_duplicate"] == 1
    assert stats["dedupe/near_duplicate"] == 1
    assert stats["dedupe/url_seen"] == 1
    assert stats["item_dropped_reasons_count/DuplicateArticle"] == 1
    assert stats["item_dropped_reasons_count/NearDuplicateArticle"] == 1
    assert stats["item_dropped_reasons_count/UrlAlreadyWritten"] == 1
    assert_consistent(out)


def test_killed_holder_leaves_no_stale_lock(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code = ("import sys, time; from pathlib import Path; from pipelines.files import OutputLock;"
            f"OutputLock(Path({str(out)!r})).acquire(); print('held', flush=True); time.sleep(60)")
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=PROJECT, stdout=subprocess.PIPE,
                            text=True)
    try:
        assert proc.stdout.readline().strip() == "held"
        with pytest.raises(OutputBusyError, match=f"pid {proc.pid}"):
            OutputLock(out).acquire()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
    lock = OutputLock(out)
    lock.acquire()
    lock.release()


# --- a real crash: SIGKILL in the middle of a crawl, three times, then a full run --------------

ARTICLES = 200
COPIES = range(0, ARTICLES, 10)  # the same dispatch under a second site: exact duplicates
TRACKED = range(5, ARTICLES, 40)  # article URLs with a tracking parameter: the same URL
DELAY = 0.03

CRAWL_SPIDER = '''
import json
from pathlib import Path

import scrapy

from crawler.article import Article
from crawler.items import article_item


class CrashSpider(scrapy.Spider):
    name = "crash"
    custom_settings = {
        "ROBOTSTXT_OBEY": True,  # robots.txt must get through the seen-URL filter
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "CONCURRENT_REQUESTS": 4,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 4,
        "RETRY_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,
    }

    def __init__(self, base, stats_file, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.base = base
        self.stats_file = stats_file

    async def start(self):
        yield scrapy.Request(self.base + "/list", callback=self.parse_list)

    def parse_list(self, response):
        for href in response.css("a::attr(href)").getall():
            yield response.follow(href, callback=self.parse_article)

    def parse_article(self, response):
        yield article_item(Article(
            url=response.url,
            title=response.css("h1::text").get(),
            body=tuple(response.css("p::text").getall()),
            site=response.css("meta[name=site]::attr(content)").get(),
            language="ar",
        ))

    def closed(self, reason):
        Path(self.stats_file).write_text(json.dumps(self.crawler.stats.get_stats(), default=str))
'''


def article_body(i: int) -> tuple[str, ...]:
    rng = random.Random(i)
    words = [f"كلمة{rng.randrange(5000)}" for _ in range(90)]
    return tuple(" ".join(words[k : k + 30]) for k in range(0, 90, 30))


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a killed crawler leaves broken pipes behind


class ArticleServer:
    """Serves /robots.txt, a /list page and slow article pages; logs every path requested."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server.hits.append(self.path)
                path = self.path.split("?")[0]
                if path == "/robots.txt":
                    self.reply(b"User-agent: *\nAllow: /\n", "text/plain")
                elif path == "/list":
                    links = [f"/article/{i}" for i in range(ARTICLES)]
                    links += [f"/copy/{i}" for i in COPIES]
                    links += [f"/article/{i}?utm_source=newsletter" for i in TRACKED]
                    html = "".join(f'<a href="{href}">x</a>' for href in links)
                    self.reply(f"<html><body>{html}</body></html>".encode())
                elif path.startswith(("/article/", "/copy/")):
                    time.sleep(DELAY)
                    i = int(path.rsplit("/", 1)[1])
                    site = "copysite" if path.startswith("/copy/") else "origin"
                    paragraphs = "".join(f"<p>{p}</p>" for p in article_body(i))
                    self.reply(
                        f'<html><head><meta name="site" content="{site}"></head><body>'
                        f"<h1>Article {i}</h1>{paragraphs}</body></html>".encode()
                    )
                else:
                    self.send_error(404)

            def reply(self, body: bytes, content_type: str = "text/html; charset=utf-8") -> None:
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"


@contextmanager
def article_server() -> Iterator[ArticleServer]:
    server = ArticleServer()
    thread = threading.Thread(target=server.httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()


def crawl_command(spider: Path, base: str, out: Path, stats: Path, log: Path) -> list[str]:
    return [sys.executable, "-m", "scrapy", "runspider", str(spider), "-a", f"base={base}",
            "-a", f"stats_file={stats}", "-s", f"CRAWLER_OUTPUT_DIR={out}", "-s", f"LOG_FILE={log}"]


def manifest_lines(out: Path) -> int:
    try:
        return (out / MANIFEST_NAME).read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def complete_lines(out: Path) -> list[dict]:
    """Manifest lines that reconciliation must keep: complete, with their file present."""
    try:
        raw = (out / MANIFEST_NAME).read_bytes()
    except FileNotFoundError:
        return []
    kept = []
    for line in raw.split(b"\n")[:-1]:
        record = json.loads(line)
        if (out / record["file"]).exists():
            kept.append(record)
    return kept


def test_sigkill_mid_crawl_then_resume(tmp_path: Path) -> None:
    spider = tmp_path / "crash_spider.py"
    spider.write_text(CRAWL_SPIDER)
    out = tmp_path / "out"
    with article_server() as server:
        # Kill a few milliseconds after the n-th manifest line, so that the kill lands at
        # various points of the next article's write sequence.
        for run, (kill_after, jitter) in enumerate(((30, 0.004), (80, 0.011), (130, 0.017))):
            command = crawl_command(spider, server.base, out, tmp_path / f"stats{run}.json",
                                    tmp_path / f"log{run}.txt")
            proc = subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 60
            while manifest_lines(out) < kill_after and time.monotonic() < deadline:
                assert proc.poll() is None, (tmp_path / f"log{run}.txt").read_text()[-3000:]
                time.sleep(0.005)
            time.sleep(jitter)
            assert proc.poll() is None, "the crawl ended before it could be killed"
            proc.send_signal(signal.SIGKILL)
            assert proc.wait() == -signal.SIGKILL
            assert not (tmp_path / f"stats{run}.json").exists()

        before_final = {record["url"] for record in complete_lines(out)}
        assert len(before_final) >= 130
        hits_before = len(server.hits)
        log = tmp_path / "log_final.txt"
        stats_file = tmp_path / "stats_final.json"
        result = subprocess.run(crawl_command(spider, server.base, out, stats_file, log),
                                cwd=PROJECT, capture_output=True, text=True, timeout=180)
        assert result.returncode == 0, log.read_text()[-3000:]
        final_hits = server.hits[hits_before:]

    stats = json.loads(stats_file.read_text())
    assert "Spider closed (finished)" in log.read_text()
    assert "log_count/ERROR" not in stats, log.read_text()[-3000:]

    # Every article written exactly once, complete, and nothing else in the folder.
    assert {p.name for p in out.iterdir()} - set(written(out)) == {MANIFEST_NAME, ".crawler"}
    titles = Counter()
    for name in written(out):
        text = (out / name).read_text("utf-8")
        title, _, body = text.partition("\n\n")
        i = int(title.removeprefix("Article "))
        titles[i] += 1
        assert body == "\n\n".join(article_body(i)) + "\n"
        assert name.split("_")[1] == content_hash("\n\n".join(article_body(i))) + ".txt"
    assert titles == Counter(range(ARTICLES))
    assert_consistent(out)
    sequences = [int(n.split("_")[0]) for n in written(out)]
    assert len(set(sequences)) == len(sequences)

    # The final run did not fetch again what the earlier runs had written.
    assert stats["seen/skipped"] >= len(before_final)
    written_before = {canonical_url(url) for url in before_final}
    refetched = [p for p in final_hits if canonical_url(server.base + p) in written_before]
    assert not refetched
    assert "/robots.txt" in final_hits and "/list" in final_hits


def test_crawl_command_into_a_busy_folder_says_so_in_one_line(tmp_path: Path) -> None:
    out = tmp_path / "out"
    holder = OutputLock(out)
    holder.acquire()
    try:
        done = subprocess.run([sys.executable, "-m", "crawler", "crawl", "--url",
                               "http://127.0.0.1:9/", "--out", str(out)],
                              cwd=PROJECT, capture_output=True, text=True, timeout=120)
    finally:
        holder.release()
    assert done.returncode == 1
    assert done.stderr == (f"crawler crawl: output folder {out.resolve()} is in use by another"
                           f" crawl (pid {os.getpid()})\n")
    assert not out.joinpath("manifest.jsonl").exists()
