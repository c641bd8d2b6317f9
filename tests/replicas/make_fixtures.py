"""Save every replica page marked as a fixture into tests/fixtures/<site>/, as served.

    python -m tests.replicas.make_fixtures [SITE ...]   then   crawler fixtures --diff

Pages are built for the site's real origin, so fixture URLs are the real URLs.
"""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

from crawler import fixtures
from crawler.sites import get_site
from tests.replicas.server import SITE_NAMES, build_replica, served_headers

ROOT = Path(__file__).resolve().parents[1] / "fixtures"


def available(names: tuple[str, ...]) -> list[str]:
    return [n for n in names if importlib.util.find_spec(f"tests.replicas.{n}") is not None
            and importlib.util.find_spec(f"spiders.{n}") is not None]


def write(name: str, root: Path = ROOT) -> int:
    replica = build_replica(name, get_site(name).base_url)
    count = 0
    for path, page in sorted(replica.pages.items()):
        if page.fixture:
            fixtures.save(root / name, page.fixture, page.body, url=replica.url(path), site=name,
                          headers=served_headers(page), status=page.status, kind=page.kind)
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sites", nargs="*", default=list(SITE_NAMES))
    args = parser.parse_args()
    for name in available(tuple(args.sites)):
        print(f"{name}: {write(name)} fixtures")


if __name__ == "__main__":
    main()
