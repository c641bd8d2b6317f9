"""`crawler crawl [SITE ...]`: crawl configured sites (all when none is named) and/or any URL."""

from __future__ import annotations

import argparse
import sys
from typing import Any

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
    parser.add_argument("sites", nargs="*", metavar="SITE",
                        help="configured sites to crawl (see `crawler list`); default: all")
    parser.add_argument("--url", action="append", default=[], metavar="URL",
                        help="also crawl this site with the generic spider (repeatable)")
    parser.add_argument("--out", metavar="DIR", help="output folder (CRAWLER_OUTPUT_DIR)")
    parser.add_argument("--state", metavar="PATH",
                        help="state file (default: DIR/.crawler/state.sqlite)")
    parser.add_argument("--base-url", metavar="URL",
                        help="crawl the one named site from another origin (mirror, replica)")
    parser.add_argument("--since", metavar="AGE",
                        help="skip articles older than this: 7d, 36h, 90m or an ISO date")
    parser.add_argument("--max-articles", type=int, metavar="N",
                        help="stop each spider after N articles written")
    parser.add_argument("--contact", metavar="URL",
                        help="contact URL put in the User-Agent (CRAWLER_CONTACT_URL)")
    parser.add_argument("--warc", metavar="FILE",
                        help="archive every response in this WARC file, .warc or .warc.gz "
                             "(CRAWLER_WARC_PATH); `crawler replay FILE` writes the articles again")
    parser.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE",
                        dest="settings", help="any Scrapy or CRAWLER_ setting (repeatable)")
    parser.add_argument("-L", "--log-level", metavar="LEVEL",
                        help="log level (LOG_LEVEL): DEBUG, INFO, WARNING, ERROR")
    parser.set_defaults(func=run)


def _fail(message: str) -> int:
    print(f"crawler crawl: error: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    # Imported here: `crawler --help` and other subcommands need no Scrapy start-up.
    from crawler import runner
    from crawler.sites import all_sites
    from spiders.generic import site_for

    try:
        overrides: dict[str, Any] = dict(runner.parse_setting(s) for s in args.settings)
    except ValueError as exc:
        return _fail(str(exc))
    for option, setting in (("out", "CRAWLER_OUTPUT_DIR"), ("state", "CRAWLER_STATE_PATH"),
                            ("contact", "CRAWLER_CONTACT_URL"), ("log_level", "LOG_LEVEL"),
                            ("warc", "CRAWLER_WARC_PATH")):
        if getattr(args, option):
            overrides[setting] = getattr(args, option)
    settings = runner.project_settings(overrides)

    configured = all_sites()
    unknown = [name for name in args.sites if name not in configured]
    if unknown:
        return _fail(f"unknown site(s) {', '.join(unknown)}; configured: "
                     f"{', '.join(configured) or 'none'}")
    names = list(dict.fromkeys(args.sites)) or ([] if args.url else list(configured))
    if args.base_url and (len(names) != 1 or args.url):
        return _fail("--base-url needs exactly one SITE (and no --url)")
    if args.max_articles is not None and args.max_articles <= 0:
        return _fail("--max-articles must be positive")
    if args.since:
        try:
            parse_since(args.since)
        except ValueError as exc:
            return _fail(str(exc))
    if not names and not args.url:
        return _fail("no site configured and no --url given")

    common: dict[str, Any] = {}
    if args.since:
        common["since"] = args.since
    if args.max_articles:
        common["max_articles"] = args.max_articles
    jobs = [runner.Job(name, name, {**common, **({"base_url": args.base_url}
                                                 if args.base_url else {})})
            for name in names]
    for url in args.url:
        try:
            label = site_for(url).name
        except ValueError as exc:
            return _fail(str(exc))
        jobs.append(runner.Job("generic", label, {**common, "start_url": url}))

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
