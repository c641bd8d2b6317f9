"""What the subcommands that start Scrapy share: -s/-L options, settings, target selection."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from typing import Any


class UsageError(ValueError):
    """Bad command-line input: reported in one line, exit status 2."""


def fail(command: str, message: str) -> int:
    print(f"crawler {command}: error: {message}", file=sys.stderr)
    return 2


def add_scrapy_options(parser: argparse.ArgumentParser, *, settings_help: str =
                       "any Scrapy or CRAWLER_ setting (repeatable)",
                       log_help: str = "log level (LOG_LEVEL): DEBUG, INFO, WARNING, ERROR",
                       log_default: str | None = None) -> None:
    parser.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE",
                        dest="settings", help=settings_help)
    parser.add_argument("-L", "--log-level", metavar="LEVEL", default=log_default, help=log_help)


def add_site_options(parser: argparse.ArgumentParser, *, since_help: str) -> None:
    """SITE ..., --url, --out, --state, --base-url, --since, --contact (crawl and schedule)."""
    parser.add_argument("sites", nargs="*", metavar="SITE",
                        help="configured sites to crawl (see `crawler list`); default: all")
    parser.add_argument("--url", action="append", default=[], metavar="URL",
                        help="also crawl this site with the generic spider (repeatable)")
    parser.add_argument("--out", metavar="DIR", help="output folder (CRAWLER_OUTPUT_DIR)")
    parser.add_argument("--state", metavar="PATH",
                        help="state file (default: DIR/.crawler/state.sqlite)")
    parser.add_argument("--base-url", metavar="URL",
                        help="crawl the one named site from another origin (mirror, replica)")
    parser.add_argument("--since", metavar="AGE", help=since_help)
    parser.add_argument("--contact", metavar="URL",
                        help="contact URL put in the User-Agent (CRAWLER_CONTACT_URL)")


def overrides(args: argparse.Namespace, options: Mapping[str, str]) -> dict[str, Any]:
    """`-s NAME=VALUE` pairs, then each option of `options` (attribute -> setting) that was given.

    Raises UsageError for a malformed `-s`.
    """
    from crawler.runner import parse_setting

    try:
        found: dict[str, Any] = dict(parse_setting(s) for s in args.settings)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    for attribute, setting in options.items():
        if value := getattr(args, attribute, None):
            found[setting] = value
    return found


def site_names(args: argparse.Namespace) -> list[str]:
    """The configured sites named on the command line (all when none and no --url), checked
    against --base-url. Raises UsageError."""
    from crawler.sites import all_sites

    configured = all_sites()
    unknown = [name for name in args.sites if name not in configured]
    if unknown:
        raise UsageError(f"unknown site(s) {', '.join(unknown)}; configured: "
                         f"{', '.join(configured) or 'none'}")
    names = list(dict.fromkeys(args.sites)) or ([] if args.url else list(configured))
    if args.base_url and (len(names) != 1 or args.url):
        raise UsageError("--base-url needs exactly one SITE (and no --url)")
    if not names and not args.url:
        raise UsageError("no site configured and no --url given")
    return names


def generic_label(url: str) -> str:
    """The name a generic-spider target gets (its host). Raises UsageError for a bad URL."""
    from spiders.generic import site_for

    try:
        return site_for(url).name
    except ValueError as exc:
        raise UsageError(str(exc)) from None
