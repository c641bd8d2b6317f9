"""`crawler list`: the configured sites, their domains and where their articles are found."""

from __future__ import annotations

import argparse
import json
from typing import Any

from crawler.site import Site


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser("list", help="list the configured sites", description=__doc__)
    parser.add_argument("--json", action="store_true", help="one JSON object per site")
    parser.set_defaults(func=run)


def describe(site: Site) -> dict[str, Any]:
    return {
        "name": site.name,
        "title": site.title,
        "base_url": site.base_url,
        "domains": list(site.allowed_domains),
        "sitemaps": [site.absolute(p) for p in site.sitemaps],
        "feeds": [site.absolute(p) for p in site.feeds],
        "sections": [site.absolute(p) for p in site.sections],
        "article_pattern": site.article_pattern,
        "interval": site.interval,
    }


def render(site: Site) -> str:
    info = describe(site)
    lines = [f"{site.name}  {site.title}  ({', '.join(info['domains'])})"]
    # robots.txt and the home page are read for every site; the rest is declared per site.
    lines.append(f"  robots.txt  {site.absolute('/robots.txt')}")
    for kind in ("sitemaps", "feeds", "sections"):
        for url in info[kind]:
            lines.append(f"  {kind[:-1]:<10}  {url}")
    if site.article_pattern:
        lines.append(f"  articles    {site.article_pattern}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from crawler.sites import all_sites

    sites = all_sites()
    if args.json:
        for site in sites.values():
            print(json.dumps(describe(site), ensure_ascii=False))
        return 0
    if not sites:
        print("no sites configured (spiders/<site>.py)")
        return 0
    print("\n\n".join(render(site) for site in sites.values()))
    return 0
