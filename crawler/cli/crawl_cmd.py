"""`crawler crawl [SITE ...]`: crawl configured sites (all when none is named) and/or any URL."""

from __future__ import annotations

import argparse
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
from crawler.discovery.timeparse import parse_since
from crawler.state import paths_from_settings
from pipelines.files import OutputBusyError, OutputLock

EPILOG = """\
examples:
  crawler crawl                              every configured site into ./output
  crawler crawl alakhbar --since 2d          one site, articles of the last two days
  crawler crawl --url https://example.com/   any news site through the generic spider
  crawler crawl lodj --base-url http://127.0.0.1:8000 --max-articles 20 -s LOG_LEVEL=WARNING
"""


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "crawl", help="crawl sites and write each new article once as a text file",
        description=__doc__, epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_site_options(parser, since_help="skip articles older than this: 7d, 36h, 90m or an "
                                        "ISO date")
    parser.add_argument("--max-articles", type=int, metavar="N",
                        help="stop each spider after N articles written")
    parser.add_argument("--warc", metavar="FILE",
                        help="archive every response in this WARC file, .warc or .warc.gz "
                             "(CRAWLER_WARC_PATH); `crawler replay FILE` writes the articles again")
    add_scrapy_options(parser)
    parser.set_defaults(func=run)


SETTING_OPTIONS = {"out": "CRAWLER_OUTPUT_DIR", "state": "CRAWLER_STATE_PATH",
                   "contact": "CRAWLER_CONTACT_URL", "log_level": "LOG_LEVEL",
                   "warc": "CRAWLER_WARC_PATH"}


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except UsageError as exc:
        return fail("crawl", str(exc))


def _run(args: argparse.Namespace) -> int:
    # Imported here: `crawler --help` and other subcommands need no Scrapy start-up.
    from crawler import runner

    settings = runner.project_settings(overrides(args, SETTING_OPTIONS))
    names = site_names(args)
    if args.max_articles is not None and args.max_articles <= 0:
        raise UsageError("--max-articles must be positive")
    if args.since:
        try:
            parse_since(args.since)
        except ValueError as exc:
            raise UsageError(str(exc)) from None

    common: dict[str, Any] = {}
    if args.since:
        common["since"] = args.since
    if args.max_articles:
        common["max_articles"] = args.max_articles
    jobs = [runner.Job(name, name, {**common, **({"base_url": args.base_url}
                                                 if args.base_url else {})})
            for name in names]
    for url in args.url:
        jobs.append(runner.Job("generic", generic_label(url), {**common, "start_url": url}))

    busy = _output_in_use(settings)
    if busy:
        print(f"crawler crawl: {busy}", file=sys.stderr)
        return 1
    outcomes = runner.run(jobs, settings)
    print(runner.table(outcomes))
    failed = [o.job.label for o in outcomes if not o.started]
    if failed:
        print(f"crawler crawl: failed to start: {', '.join(failed)}", file=sys.stderr)
        return 1
    if any(not o.ran or o.reason == "shutdown" for o in outcomes):
        return 130  # interrupted
    return 0


def _output_in_use(settings: Any) -> str:
    """Say so before starting when another crawl holds the output folder (after waiting
    CRAWLER_LOCK_TIMEOUT), rather than through Scrapy's start-up traceback. The pipeline takes
    the lock for real when the spiders open."""
    lock = OutputLock(paths_from_settings(settings)[0])
    try:
        lock.acquire(settings.getfloat("CRAWLER_LOCK_TIMEOUT", 0.0))
    except OutputBusyError as exc:
        return str(exc)
    lock.release()
    return ""
