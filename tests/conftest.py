"""Shared fixtures. `crawl`: a real crawl in a subprocess (a fresh Twisted reactor each time)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Replicas answer at once; politeness delays would only slow the tests down.
FAST_SETTINGS = ("AUTOTHROTTLE_ENABLED=False", "DOWNLOAD_DELAY=0",
                 "CONCURRENT_REQUESTS_PER_DOMAIN=8", "REMOTE_CONTROL_ENABLED=False")


@dataclass
class CrawlRun:
    returncode: int
    stdout: str
    stderr: str
    out: Path  # CRAWLER_OUTPUT_DIR
    items: list[dict[str, Any]] = field(default_factory=list)  # items that left the pipelines
    spiders: list[dict[str, Any]] = field(default_factory=list)  # CRAWLER_STATS_FILE records

    @property
    def stats(self) -> dict[str, Any]:
        """Stats of the (last) spider of the run."""
        return self.spiders[-1]["stats"] if self.spiders else {}

    def files(self) -> list[Path]:
        return sorted(self.out.glob("[0-9][0-9][0-9]*_*.txt"))

    def manifest(self) -> list[dict[str, Any]]:
        path = self.out / "manifest.jsonl"
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]

    def describe(self) -> str:
        return (f"exit {self.returncode}\nSTDOUT:\n{self.stdout[-3000:]}\n"
                f"STDERR:\n{self.stderr[-6000:]}")


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


@pytest.fixture
def crawl(tmp_path: Path) -> Callable[..., CrawlRun]:
    """`crawl(*args)` runs `python -m crawler crawl *args` (or `scrapy *args` with scrapy=True)
    from the project folder, with fast settings, an output folder under tmp_path, the exported
    items and each spider's stats. Several calls share the output folder (and so the state)."""
    calls = 0

    def run(*args: str, scrapy: bool = False, timeout: float = 180) -> CrawlRun:
        nonlocal calls
        calls += 1
        out = tmp_path / "out"
        items = tmp_path / f"items-{calls}.jsonl"
        stats = tmp_path / f"stats-{calls}.jsonl"
        settings = [*FAST_SETTINGS, f"CRAWLER_OUTPUT_DIR={out}", f"CRAWLER_STATS_FILE={stats}"]
        if scrapy:
            command = [sys.executable, "-m", "scrapy", *args]
        else:
            feeds = json.dumps({str(items): {"format": "jsonlines"}})
            command = [sys.executable, "-m", "crawler", "crawl", *args, "-s", f"FEEDS={feeds}"]
        for setting in settings:
            command += ["-s", setting]
        proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True,
                              timeout=timeout, check=False)
        return CrawlRun(proc.returncode, proc.stdout, proc.stderr, out,
                        items=_read_jsonl(items), spiders=_read_jsonl(stats))

    return run
