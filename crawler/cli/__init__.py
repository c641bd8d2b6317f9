"""`crawler` command line: one module per subcommand, each exposing `add_parser(subparsers)`."""

from __future__ import annotations

import argparse
import importlib
import sys

# Subcommand modules under crawler.cli; each defines add_parser(subparsers) setting `func`.
COMMANDS = ("extract", "crawl", "list", "fixtures", "record", "replay", "schedule")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="crawler", description=__doc__)
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"crawler.cli.{name}_cmd")
        except ModuleNotFoundError as exc:
            if exc.name != f"crawler.cli.{name}_cmd":
                raise
            continue
        module.add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
