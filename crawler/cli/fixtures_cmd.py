"""`crawler fixtures`: regenerate every expected output from the saved bytes (review the diff)."""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from crawler.fixtures import DEFAULT_ROOT, discover, regenerate


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("fixtures", help="regenerate expected outputs of fixtures")
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--diff", action="store_true", help="print a unified diff of each change")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    changed = total = 0
    for fixture in discover(args.root):
        old, new = regenerate(fixture)
        if fixture.kind != "article":
            continue
        total += 1
        if old == new:
            continue
        changed += 1
        state = "removed" if new is None else "new" if old is None else "changed"
        print(f"{state}: {fixture.expected_path}")
        if args.diff:
            sys.stdout.writelines(difflib.unified_diff(
                (old or "").splitlines(keepends=True), (new or "").splitlines(keepends=True),
                f"a/{fixture.expected_path}", f"b/{fixture.expected_path}"))
    print(f"{total} article fixtures, {changed} expected outputs written")
    return 0
