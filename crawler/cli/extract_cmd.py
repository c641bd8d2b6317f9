"""`crawler extract PATH|-`: print exactly the text the article's file would hold."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from crawler.extraction import extract
from crawler.sites import get_site

EXIT_ARTICLE, EXIT_UNREADABLE, EXIT_NOT_ARTICLE = 0, 2, 3


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("extract", help="extract the article of one saved page")
    parser.add_argument("path", help="raw page bytes, or - (a fixture .html brings its .json)")
    parser.add_argument("--url", help="the page's URL (default: the fixture's, else file://PATH)")
    parser.add_argument("--site", help="configured site whose boilerplate rules apply")
    parser.add_argument("--content-type", help="the HTTP Content-Type header as served")
    parser.add_argument("--json", action="store_true", help="print the article's fields as JSON")
    parser.set_defaults(func=run)


def _sidecar(path: Path) -> dict:
    meta_path = path.with_suffix(".json")
    if path.suffix in (".html", ".htm") and meta_path.exists():
        try:
            return json.loads(meta_path.read_text(encoding="utf-8"))
        except ValueError:
            return {}
    return {}


def run(args: argparse.Namespace) -> int:
    meta: dict = {}
    try:
        if args.path == "-":
            body = sys.stdin.buffer.read()
        else:
            path = Path(args.path)
            body = path.read_bytes()
            meta = _sidecar(path)
    except OSError as exc:
        print(f"crawler extract: cannot read {args.path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    site_name = args.site or meta.get("site")
    try:
        site = get_site(site_name) if site_name else None
    except KeyError as exc:
        print(f"crawler extract: {exc.args[0]}", file=sys.stderr)
        return EXIT_UNREADABLE
    headers = {k.lower(): v for k, v in meta.get("headers", {}).items()}
    url = args.url or meta.get("url") or (
        "stdin:" if args.path == "-" else Path(args.path).resolve().as_uri())
    result = extract(body, url, site, args.content_type or headers.get("content-type"))
    if result.article is None:
        print(f"crawler extract: not an article ({result.reason})", file=sys.stderr)
        return EXIT_NOT_ARTICLE
    if args.json:
        print(json.dumps(result.article.to_dict(), ensure_ascii=False, indent=2))
    else:
        sys.stdout.buffer.write(result.article.to_text().encode("utf-8"))
    return EXIT_ARTICLE
