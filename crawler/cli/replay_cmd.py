"""`crawler replay PATH ...`: saved responses (fixtures, WARC files) through extraction and the
item pipelines into an output folder, offline."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from crawler.cli.options import UsageError, add_scrapy_options, fail, overrides

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
    add_scrapy_options(parser)
    parser.set_defaults(func=run)


def _fail(message: str) -> int:
    return fail("replay", message)


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
        settings = overrides(args, {"out": "CRAWLER_OUTPUT_DIR", "state": "CRAWLER_STATE_PATH",
                                    "log_level": "LOG_LEVEL"})
    except UsageError as exc:
        return _fail(str(exc))
    # A replay archives nothing: the responses are already saved.
    settings["CRAWLER_WARC_PATH"] = ""
    outcome = replay.run(args.paths, runner.project_settings(settings))
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
