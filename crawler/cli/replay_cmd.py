"""`crawler replay PATH ...`: saved responses (fixtures, WARC files) through extraction and the
item pipelines into an output folder, offline."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

EPILOG = """\
examples:
  crawler replay crawl.warc.gz --out replayed     the articles of an archived crawl, again
  crawler replay tests/fixtures/alakhbar --out /tmp/fx
  crawler replay page.html --out /tmp/one         one fixture (page.json beside it)
"""


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "replay", help="write the articles of saved responses (fixtures, WARC) without network",
        description=__doc__, epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", type=Path,
                        help="fixture folder, fixture .html, or WARC file (.warc, .warc.gz)")
    parser.add_argument("--out", metavar="DIR", help="output folder (CRAWLER_OUTPUT_DIR)")
    parser.add_argument("--state", metavar="PATH",
                        help="state file (default: DIR/.crawler/state.sqlite)")
    parser.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE",
                        dest="settings", help="any Scrapy or CRAWLER_ setting (repeatable)")
    parser.add_argument("-L", "--log-level", metavar="LEVEL",
                        help="log level (LOG_LEVEL): DEBUG, INFO, WARNING, ERROR")
    parser.set_defaults(func=run)


def _fail(message: str) -> int:
    print(f"crawler replay: error: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from crawler import replay, runner

    missing = [str(p) for p in args.paths if not p.exists()]
    if missing:
        return _fail(f"no such file or folder: {', '.join(missing)}")
    unknown = [str(p) for p in args.paths if not replay.is_source(p)]
    if unknown:
        return _fail(f"not a fixture folder, fixture (.html with .json) or WARC file: "
                     f"{', '.join(unknown)}")
    try:
        overrides: dict[str, Any] = dict(runner.parse_setting(s) for s in args.settings)
    except ValueError as exc:
        return _fail(str(exc))
    for option, setting in (("out", "CRAWLER_OUTPUT_DIR"), ("state", "CRAWLER_STATE_PATH"),
                            ("log_level", "LOG_LEVEL")):
        if getattr(args, option):
            overrides[setting] = getattr(args, option)
    # A replay archives nothing: the responses are already saved.
    overrides["CRAWLER_WARC_PATH"] = ""
    outcome = replay.run(args.paths, runner.project_settings(overrides))
    if not outcome.started:
        print(f"crawler replay: failed to start ({outcome.reason})", file=sys.stderr)
        return 1
    print(f"replay: {outcome.summary()}")
    for outcome_kind, label in (("not_article", "not articles"), ("skipped", "skipped")):
        reasons = outcome.reasons(outcome_kind)
        if reasons:
            print(f"  {label}: {reasons}")
    if outcome.stats.get("replay/changed"):
        print(f"  extraction changed since the crawl for {outcome.stats['replay/changed']} "
              f"responses")
    return 130 if outcome.reason == "shutdown" else 0
