"""`crawler schedule [SITE ...]`: crawl sites again and again, each on its own interval.

Each run is a `crawler crawl` subprocess; each site's run leaves a summary line in the log and a
JSON line in OUTPUT/.crawler/runs.jsonl. SIGINT or SIGTERM stops the running crawl gracefully and
exits 0.
"""

from __future__ import annotations

import argparse
import logging
import sys
from typing import Any

from crawler.cli.options import (
    UsageError,
    add_scrapy_options,
    add_site_options,
    fail,
    generic_label,
    overrides,
    site_names,
)

EPILOG = """\
examples:
  crawler schedule                             every configured site, each on its own interval
  crawler schedule alakhbar lodj --every 30m   two sites, every 30 minutes
  crawler schedule --url https://example.com/ --every 2h
  crawler schedule --once                      every site once, then exit (for cron)
"""


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "schedule", help="crawl sites again and again, each on its own interval",
        description=__doc__, epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_site_options(parser, since_help="every run skips articles older than this: 7d, 36h or "
                                        "an ISO date")
    parser.add_argument("--every", metavar="INTERVAL",
                        help="one interval for all sites: 45s, 30m, 2h, 1h30m (default: each "
                             "site's own, 1h for --url)")
    add_scrapy_options(parser, settings_help="any Scrapy or CRAWLER_ setting for the crawls",
                       log_help="log level of the scheduler and the crawls (default: INFO for "
                                "the scheduler, WARNING for the crawls)")
    parser.add_argument("--once", action="store_true",
                        help="crawl each site once and exit (status 1 if a run failed)")
    parser.add_argument("--max-runs", type=int, metavar="N",
                        help="exit after each site ran N times")
    parser.add_argument("--for", dest="duration", metavar="DURATION",
                        help="stop after this long (30m, 8h), as on SIGTERM")
    parser.add_argument("--grace", type=float, default=60.0, help=argparse.SUPPRESS)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except UsageError as exc:
        return fail("schedule", str(exc))


def _run(args: argparse.Namespace) -> int:
    # Imported here: `crawler --help` and other subcommands need no Scrapy start-up.
    from crawler import runner
    from crawler.discovery.timeparse import parse_since
    from crawler.schedule import DEFAULT_INTERVAL, Scheduler, Target, parse_interval
    from crawler.sites import all_sites
    from crawler.state import paths_from_settings

    settings_overrides = overrides(args, {"out": "CRAWLER_OUTPUT_DIR"})
    every = duration = None
    for option, value in (("--every", args.every), ("--for", args.duration),
                          ("--since", args.since)):
        if not value:
            continue
        try:
            if option == "--since":
                parse_since(value)
            elif option == "--every":
                every = parse_interval(value)
            else:
                duration = parse_interval(value)
        except ValueError as exc:
            raise UsageError(f"{option}: {exc}") from None
    if args.once and args.max_runs is not None:
        raise UsageError("--once and --max-runs do not go together")
    max_runs = 1 if args.once else args.max_runs
    if max_runs is not None and max_runs <= 0:
        raise UsageError("--max-runs must be positive")
    if args.grace < 0:
        raise UsageError("--grace must not be negative")

    names = site_names(args)
    configured = all_sites()

    targets: list[Target] = []
    for name in names:
        try:
            interval = every or parse_interval(configured[name].interval)
        except ValueError as exc:
            raise UsageError(f"site {name}: {exc}") from None
        selector = (name, "--base-url", args.base_url) if args.base_url else (name,)
        targets.append(Target(name, interval, selector))
    for url in dict.fromkeys(args.url):
        targets.append(Target(generic_label(url), every or DEFAULT_INTERVAL, ("--url", url)))
    labels = [t.label for t in targets]
    twice = sorted({x for x in labels if labels.count(x) > 1})
    if twice:
        raise UsageError(f"two targets would both be called {', '.join(twice)}: runs and state "
                         "are kept per site name")

    output_dir, _ = paths_from_settings(runner.project_settings(settings_overrides))
    crawl_args = ["--out", str(output_dir)]
    for option, value in (("--state", args.state), ("--since", args.since),
                          ("--contact", args.contact)):
        if value:
            crawl_args += [option, value]
    for setting in args.settings:
        crawl_args += ["-s", setting]
    if args.log_level:
        crawl_args += ["-s", f"LOG_LEVEL={args.log_level}"]
    elif "LOG_LEVEL" not in settings_overrides:
        # The scheduler's line per run says what happened; the crawls add only what went wrong.
        crawl_args += ["-s", "LOG_LEVEL=WARNING"]

    logging.basicConfig(level=(args.log_level or "INFO").upper(), stream=sys.stderr,
                        format="%(asctime)s [%(name)s] %(levelname)s: %(message)s")
    scheduler = Scheduler(targets, output_dir, crawl_args, max_runs=max_runs, duration=duration,
                          grace=args.grace)
    status = scheduler.run()
    if args.once and scheduler.failed_runs:
        return 1
    return status
