"""`make demo`: serve every replica written so far on 127.0.0.1 (one server per site), crawl each
with `crawler crawl SITE --base-url ... --out output`, then list the files that appeared.

The generic replicas are crawled too, through `crawler crawl --url`. Politeness delays are turned
off: the servers are local. Run it again and nothing new is written: the state remembers.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
from pathlib import Path

from tests.replicas import generic_feed, generic_links
from tests.replicas.server import SITE_NAMES, serving

ROOT = Path(__file__).resolve().parents[2]
LOCAL = ("-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0",
         "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8", "-L", "WARNING")


def available_sites() -> list[str]:
    """Seed sites whose replica and spider both exist."""
    return [name for name in SITE_NAMES
            if importlib.util.find_spec(f"tests.replicas.{name}") is not None
            and importlib.util.find_spec(f"spiders.{name}") is not None]


def crawl(args: list[str], out: Path) -> int:
    command = [sys.executable, "-m", "crawler", "crawl", *args, "--out", str(out), *LOCAL]
    print("$ crawler crawl " + " ".join([*args, "--out", str(out)]), flush=True)
    return subprocess.run(command, cwd=ROOT, check=False).returncode


def article_files(out: Path) -> set[Path]:
    return set(out.glob("[0-9][0-9][0-9]*_*.txt")) if out.exists() else set()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.replicas.demo", description=__doc__)
    parser.add_argument("--out", default="output", type=Path, help="output folder (./output)")
    args = parser.parse_args(argv)
    out: Path = args.out if args.out.is_absolute() else Path.cwd() / args.out
    before = article_files(out)
    failures = 0
    sites = available_sites()
    if not sites:
        print("no seed-site replica available yet")
    for name in sites:
        with serving(name) as server:
            failures += crawl([name, "--base-url", server.origin], out) != 0
    for module in (generic_links, generic_feed):
        with serving(builders=[module.build]) as server:
            failures += crawl(["--url", server.origin + "/"], out) != 0
    new = sorted(article_files(out) - before)
    print(f"\n{len(new)} new article file(s) in {out}:")
    for path in new:
        title = path.read_text("utf-8").split("\n", 1)[0]
        print(f"  {path.name}  {title}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
