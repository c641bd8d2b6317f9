"""`crawler record SITE URL ...`: fetch pages as a crawl does and save them as fixtures, with
their expected output."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from crawler.cli.options import UsageError, add_scrapy_options, fail, overrides
from crawler.fixtures import DEFAULT_ROOT

KINDS = ("article", "home", "section", "tag", "author", "search", "error", "other")
EPILOG = """\
examples:
  crawler record alakhbar https://www.alakhbar.press.ma/546251.html
  crawler record alakhbar https://www.alakhbar.press.ma/tag/hammouchi/ --kind tag --name tag-x
  crawler record generic https://example.com/2025/05/08/story/ --root /tmp/fixtures

Then review the new .expected.txt (or `crawler fixtures --diff`) and commit: each fixture is a
test in tests/test_fixtures.py. Without --kind, a page is an article when it extracts to one.
"""


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "record", help="fetch pages and save them as fixtures with their expected output",
        description=__doc__, epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("site", metavar="SITE", help="a configured site, or generic")
    parser.add_argument("urls", nargs="+", metavar="URL", help="pages to fetch")
    parser.add_argument("--name", help="fixture name (one URL only; default: a slug of the path)")
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT,
                        help=f"fixtures folder (default: {DEFAULT_ROOT})")
    parser.add_argument("--kind", choices=KINDS,
                        help="what the page is (default: article when it extracts to one)")
    add_scrapy_options(parser, log_default="WARNING",
                       log_help="log level (LOG_LEVEL; default WARNING)")
    parser.set_defaults(func=run)


def _fail(message: str) -> int:
    return fail("record", message)


def run(args: argparse.Namespace) -> int:
    from crawler import record, runner
    from crawler.sites import all_sites

    if args.site != record.GENERIC and args.site not in all_sites():
        return _fail(f"unknown site {args.site!r}; configured: "
                     f"{', '.join(all_sites()) or 'none'} (or {record.GENERIC})")
    bad = [u for u in args.urls if not u.startswith(("http://", "https://"))]
    if bad:
        return _fail(f"not an http(s) URL: {', '.join(bad)}")
    if args.name and len(args.urls) > 1:
        return _fail("--name needs exactly one URL")
    names = [args.name] if args.name else [record.slug(u) for u in args.urls]
    clashes = sorted({n for n in names if names.count(n) > 1})
    if clashes:
        return _fail(f"two URLs would be saved as {', '.join(clashes)}")
    try:
        settings = overrides(args, {"log_level": "LOG_LEVEL"})
    except UsageError as exc:
        return _fail(str(exc))
    results = record.run(args.urls, args.site, args.root, runner.project_settings(settings),
                         names=names, kind=args.kind)
    failed = 0
    for result in results:
        if result.error or result.path is None:
            failed += 1
            print(f"failed {result.url}: {result.error}", file=sys.stderr)
            continue
        moved = f" (from {result.url})" if result.final_url != result.url else ""
        what = f"{result.path} + .json"
        if result.expected:
            print(f"wrote {what} + .expected.txt: {result.kind} {result.final_url}{moved}")
            print(f"  {result.title}")
        elif result.kind == "article":
            print(f"wrote {what}: {result.final_url}{moved}")
            print(f"  kind article, but not an article ({result.reason}): its fixture test "
                  f"fails until extraction handles it")
        else:
            print(f"wrote {what}: {result.kind} {result.final_url}{moved}")
            if result.title:
                print(f"  recorded as {result.kind}, though it extracts to an article: "
                      f"{result.title}")
            else:
                print(f"  not an article ({result.reason or 'unknown'})")
    return 1 if failed else 0
