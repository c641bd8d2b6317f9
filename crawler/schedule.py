"""`crawler schedule`: crawl each site again and again, each on its own interval, in one
long-running process.

Every run is a real `crawler crawl` in a subprocess (`python -m crawler crawl ...`): a crash, even
a hard one, ends that run and not the scheduler, and each run gets a fresh Twisted reactor.

- A site is due `interval` after its previous run started, or at once when that moment passed
  while another run was going on: missed runs are not caught up, they collapse into one.
- Runs never overlap: one crawl per output folder at a time (the output lock is exclusive between
  processes), so the sites due at the same moment go into one crawl, side by side. A crawl that
  crashes with several sites in it is not repeated that way: its sites are crawled one per
  subprocess from then on, so that one site cannot keep taking the others down.
- After each site's run: one summary line in the log and one JSON line in
  `OUTPUT/.crawler/runs.jsonl` (`run_line`), crashed runs included.
- SIGINT or SIGTERM: the running crawl gets one SIGINT (Scrapy stops gracefully: items in flight
  are written, pipelines closed, state saved), is waited for up to `grace` seconds and only then
  killed; its lines are written and the scheduler exits 0. A second signal is forwarded too
  (Scrapy then stops at once). No crawl starts after a signal. Crawls run in their own process
  group, so a Ctrl-C in the terminal reaches them only through the scheduler, once.
"""

from __future__ import annotations

import json
import logging
import os
import re
import select
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Any, TextIO

from crawler.progress import Summary
from crawler.state import STATE_DIRNAME

logger = logging.getLogger("crawler.schedule")

RUNS_NAME = "runs.jsonl"
DEFAULT_INTERVAL = 3600.0  # generic-spider targets (`--url`) without `--every`
DEFAULT_GRACE = 60.0
_UNITS = {"s": 1.0, "m": 60.0, "h": 3600.0}
_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)\s*([smh])", re.I)
# Exit statuses of `crawler crawl` that are answers, not crashes: done, a spider did not start,
# interrupted.
_ANSWERS = (0, 1, 130)


def parse_interval(text: str) -> float:
    """Seconds in `45s`, `30m`, `2h`, `1.5h` or `1h30m`; ValueError for anything else or zero."""
    compact = text.strip()
    parts = list(_INTERVAL.finditer(compact))
    if not parts or "".join(p[0] for p in parts).replace(" ", "") != compact.replace(" ", ""):
        raise ValueError(f"cannot read interval {text!r}: use a number and a unit s, m or h "
                         "(45s, 30m, 2h, 1h30m)")
    seconds = sum(float(p[1]) * _UNITS[p[2].lower()] for p in parts)
    if seconds <= 0:
        raise ValueError(f"interval {text!r} must be longer than zero")
    return seconds


def format_interval(seconds: float) -> str:
    """`1h30m`, `45s`, `1.5s`: intervals as people write them."""
    if seconds < 60 and seconds != int(seconds):
        return f"{seconds:g}s"
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    text = "".join(f"{n}{u}" for n, u in ((hours, "h"), (minutes, "m"), (secs, "s")) if n)
    return text or "0s"


def next_start(previous_start: float, interval: float, now: float) -> float:
    """When a site is due again: `interval` after its previous start, or now if that has passed
    (however many intervals were missed, the site runs once)."""
    return max(previous_start + interval, now)


@dataclass
class Target:
    """One site the scheduler crawls: a configured site or a generic-spider URL."""

    label: str  # the site name the crawl's stats carry (a generic target's host)
    interval: float  # seconds
    args: tuple[str, ...]  # what selects it on the `crawler crawl` command line
    next_start: float = 0.0  # time.monotonic() at which it is due
    runs: int = 0
    alone: bool = False  # crawled in its own subprocess (after a crash shared with others)


def next_batch(targets: Sequence[Target], now: float, max_runs: int | None = None,
               ) -> list[Target]:
    """The targets to crawl now, in one subprocess; empty when none is due.

    Due targets go together, except those to be crawled alone; of these batches, the one waiting
    longest goes first, so a site whose crawls outlast its interval cannot starve the others.
    """
    due = [t for t in targets if t.next_start <= now
           and (max_runs is None or t.runs < max_runs)]
    batches = [[t for t in due if not t.alone]] + [[t] for t in due if t.alone]
    batches = [b for b in batches if b]
    if not batches:
        return []
    return min(batches, key=lambda batch: min(t.next_start for t in batch))


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def run_line(site: str, start: datetime, end: datetime, exit_status: int | None,
             record: dict[str, Any] | None, error: str | None = None) -> dict[str, Any]:
    """The runs.jsonl line of one site's run, from the crawl's CRAWLER_STATS_FILE record."""
    stats: dict[str, Any] = (record or {}).get("stats") or {}
    summary = Summary.from_stats(stats)
    line: dict[str, Any] = {
        "site": site,
        "start": _iso(start),
        "end": _iso(end),
        "pages": summary.pages,
        "articles": summary.written,
        "duplicates": summary.duplicates,  # dropped: exact, near, URL already written
        "seen": summary.seen,  # not fetched: written by an earlier run
        "unchanged": int(stats.get("discovery/unchanged", 0)),
        "errors": summary.errors,
        "blocked": summary.blocked,
        "not_modified": int(stats.get("conditional/not_modified", 0)),
        "bytes": int(stats.get("downloader/response_bytes", 0)),
        "requests": int(stats.get("downloader/request_count", 0)),
        "exit_status": exit_status,
        "finish_reason": (record or {}).get("reason"),
    }
    if error:
        line["error"] = error
    return line


def summary_text(line: dict[str, Any], seconds: float) -> str:
    """The one log line of a run."""
    head = f"{line['site']}: {line['finish_reason'] or 'failed'} after {seconds:.1f} s"
    if line.get("error"):
        return f"{head} (exit status {line['exit_status']}): {line['error']}"
    return (f"{head}: {line['pages']} pages, {line['articles']} articles written, "
            f"{line['duplicates']} duplicates, {line['not_modified']} not modified, "
            f"{line['unchanged']} unchanged entries, {line['errors']} errors, "
            f"{line['blocked']} blocked; {line['requests']} requests, "
            f"{line['bytes'] / 1024:.1f} KiB")


def read_records(path: Path) -> dict[str, dict[str, Any]]:
    """CRAWLER_STATS_FILE records by site label (the last one when a site appears twice)."""
    records: dict[str, dict[str, Any]] = {}
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return records
    for raw in text.splitlines():
        try:
            record = json.loads(raw)
        except json.JSONDecodeError:
            continue  # a line cut short by a killed crawl
        records[str(record.get("site"))] = record
    return records


class Waker:
    """Sleeps that a signal cuts short: the C-level handler writes to a pipe `select` watches."""

    def __init__(self) -> None:
        self._read, self._write = os.pipe()
        os.set_blocking(self._read, False)
        os.set_blocking(self._write, False)
        self._previous = signal.set_wakeup_fd(self._write)

    def wait(self, timeout: float) -> None:
        if timeout > 0:
            select.select([self._read], [], [], timeout)
        try:
            while os.read(self._read, 512):
                pass
        except BlockingIOError:
            pass

    def close(self) -> None:
        signal.set_wakeup_fd(self._previous)
        os.close(self._read)
        os.close(self._write)


class Crawl:
    """One `crawler crawl` subprocess; its log is passed through, and its end kept for errors."""

    def __init__(self, command: Sequence[str], log: TextIO) -> None:
        self.command = list(command)
        self.tail: deque[str] = deque(maxlen=40)
        # Own process group: a terminal's Ctrl-C reaches the crawl only through the scheduler.
        self.proc = subprocess.Popen(self.command, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     process_group=0)
        self._pump = threading.Thread(target=self._pass_log, args=(log,), daemon=True)
        self._pump.start()

    def _pass_log(self, log: TextIO) -> None:
        assert self.proc.stderr is not None
        for raw in self.proc.stderr:
            line = raw.decode("utf-8", errors="replace")
            self.tail.append(line.rstrip("\n"))
            try:
                log.write(line)
                log.flush()
            except (OSError, ValueError):
                pass  # our stderr went away; keep draining so the crawl never blocks on it

    def finish(self) -> int:
        code = self.proc.wait()
        self._pump.join(timeout=5)
        return code

    def last_error(self) -> str:
        """The crawl's last error line (or last line), for the run line of a failed run."""
        for line in reversed(self.tail):
            if "ERROR" in line or "Error" in line or "error:" in line:
                return line.strip()[-500:]
        return self.tail[-1].strip()[-500:] if self.tail else ""


@dataclass
class Scheduler:
    """The run loop: one crawl at a time, each site as often as its interval says."""

    targets: list[Target]
    output_dir: Path
    crawl_args: list[str] = field(default_factory=list)  # passed to every `crawler crawl`
    max_runs: int | None = None  # per target; None: forever
    duration: float | None = None  # stop (as on SIGTERM) after this many seconds
    grace: float = DEFAULT_GRACE  # seconds a stopped crawl gets before SIGKILL
    python: str = sys.executable
    log: TextIO = field(default_factory=lambda: sys.stderr)
    clock: Callable[[], float] = time.monotonic
    stop_reason: str | None = None  # why the scheduler stops: a signal's name, "time limit"
    failed_runs: int = 0  # runs without stats: crashed, killed, did not start
    _signals: int = field(default=0, init=False, repr=False)
    _waker: Waker | None = field(default=None, init=False, repr=False)

    @property
    def runs_path(self) -> Path:
        return self.output_dir / STATE_DIRNAME / RUNS_NAME

    def command(self, batch: Iterable[Target], stats_file: Path) -> list[str]:
        command = [self.python, "-m", "crawler", "crawl"]
        for target in batch:
            command += target.args
        return [*command, *self.crawl_args, "-s", f"CRAWLER_STATS_FILE={stats_file}"]

    # --- signals -----------------------------------------------------------------------------

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        self._signals += 1
        if self.stop_reason is None:
            self.stop_reason = signal.Signals(signum).name

    def _install(self) -> list[tuple[int, Any]]:
        self._waker = Waker()
        return [(s, signal.signal(s, self._on_signal)) for s in (signal.SIGINT, signal.SIGTERM)]

    def _sleep(self, seconds: float) -> None:
        if self._waker is not None:
            self._waker.wait(seconds)
        else:
            time.sleep(max(seconds, 0))

    # --- the loop ----------------------------------------------------------------------------

    def done(self) -> bool:
        return self.max_runs is not None and all(t.runs >= self.max_runs for t in self.targets)

    def run(self) -> int:
        """Crawl until every target ran `max_runs` times, the duration is over, or a signal."""
        handlers = self._install() if threading.current_thread() is threading.main_thread() else []
        deadline = self.clock() + self.duration if self.duration is not None else None
        for target in self.targets:
            logger.info("%s: every %s", target.label, format_interval(target.interval))
        try:
            while not self.done():
                now = self.clock()
                if deadline is not None and now >= deadline and self.stop_reason is None:
                    self.stop_reason = "time limit"
                if self.stop_reason is not None:
                    break
                batch = next_batch(self.targets, now, self.max_runs)
                if batch:
                    self.run_batch(batch, deadline)
                    continue
                pending = [t.next_start for t in self.targets
                           if self.max_runs is None or t.runs < self.max_runs]
                wake = min([*pending, *([deadline] if deadline is not None else [])])
                self._sleep(min(wake - now, 60.0))
        finally:
            for signum, previous in handlers:
                signal.signal(signum, previous)
            if self._waker is not None:
                self._waker.close()
                self._waker = None
        if self.stop_reason is not None:
            logger.info("Stopped (%s)", self.stop_reason)
        return 0

    def run_batch(self, batch: list[Target], deadline: float | None = None) -> None:
        started, t0 = datetime.now(UTC), self.clock()
        code: int | None = None
        records: dict[str, dict[str, Any]] = {}
        with tempfile.TemporaryDirectory(prefix="crawler-schedule-") as tmp:
            stats_file = Path(tmp) / "stats.jsonl"
            if self.stop_reason is not None:
                return  # a signal came after the loop looked: start nothing
            try:
                crawl = Crawl(self.command(batch, stats_file), self.log)
            except OSError as exc:
                failure = f"cannot start the crawl: {exc}"
            else:
                logger.info("Crawling %s (pid %d)", ", ".join(t.label for t in batch),
                            crawl.proc.pid)
                code, stopped, killed = self._wait(crawl, deadline)
                records = read_records(stats_file)
                failure = self._error(crawl, code, stopped, killed)
        ended, took = datetime.now(UTC), self.clock() - t0
        crashed = code not in _ANSWERS
        for target in batch:
            record = records.get(target.label)
            line = run_line(target.label, started, ended, code, record,
                            None if record is not None else failure)
            self._append(line)
            target.runs += 1
            target.next_start = next_start(t0, target.interval, self.clock())
            if record is None:
                self.failed_runs += 1
                if crashed and len(batch) > 1 and self.stop_reason is None:
                    target.alone = True
            self._report(target, line, took)

    def _wait(self, crawl: Crawl, deadline: float | None) -> tuple[int, bool, bool]:
        """Wait for the crawl; stop it gracefully on a signal or at the deadline, kill it after
        the grace period. Returns (exit status, asked to stop, killed)."""
        forwarded, stopping_since = 0, None
        while crawl.proc.poll() is None:
            now = self.clock()
            if deadline is not None and now >= deadline and self.stop_reason is None:
                self.stop_reason = "time limit"
            wanted = max(self._signals, 1 if self.stop_reason else 0)
            if forwarded < min(wanted, 2):
                crawl.proc.send_signal(signal.SIGINT)
                forwarded += 1
                if stopping_since is None:
                    stopping_since = now
                logger.info("%s: asked the crawl (pid %d) to stop%s", self.stop_reason,
                            crawl.proc.pid, " at once" if forwarded > 1 else "")
            if stopping_since is not None and now - stopping_since > self.grace:
                logger.error("The crawl (pid %d) did not stop within %g s: killed",
                             crawl.proc.pid, self.grace)
                crawl.proc.kill()
                return crawl.finish(), True, True
            self._sleep(0.2)
        return crawl.finish(), forwarded > 0, False

    def _error(self, crawl: Crawl, code: int, stopped: bool, killed: bool) -> str:
        """Why a site of this crawl has no stats."""
        if killed:
            return f"killed after the {self.grace:g} s grace period"
        if stopped:
            # Scrapy closes no spider when the stop comes before the crawl got going.
            return "stopped before the crawl began"
        if code < 0:
            return f"crawl killed by {signal.Signals(-code).name}"
        detail = crawl.last_error()
        if code == 0:
            return "the crawl wrote no stats for this site" + (f": {detail}" if detail else "")
        return f"crawl exited with status {code}" + (f": {detail}" if detail else "")

    def _append(self, line: dict[str, Any]) -> None:
        try:
            self.runs_path.parent.mkdir(parents=True, exist_ok=True)
            with self.runs_path.open("a", encoding="utf-8") as out:
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
        except OSError as exc:
            logger.error("Cannot append to %s: %s", self.runs_path, exc)

    def _report(self, target: Target, line: dict[str, Any], took: float) -> None:
        text = summary_text(line, took)
        more = self.stop_reason is None and (self.max_runs is None or target.runs < self.max_runs)
        if more:
            wait = max(target.next_start - self.clock(), 0.0)
            at = datetime.fromtimestamp(time.time() + wait, UTC).strftime("%H:%M:%S")
            text += f"; next run at {at} UTC"
        logger.log(logging.ERROR if line.get("error") else logging.INFO, "%s", text)
