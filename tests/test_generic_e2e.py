"""The generic spider end to end: real crawls of the generic replicas over HTTP on 127.0.0.1."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from tests.replicas import generic_feed, generic_links
from tests.replicas.base import ARTICLE
from tests.replicas.server import ReplicaServer, serving


def paths(urls: list[str]) -> set[str]:
    out = set()
    for url in urls:
        parts = urlsplit(url)
        out.add(parts.path + (f"?{parts.query}" if parts.query else ""))
    return out


def item_paths(run: object) -> set[str]:
    return paths([item["url"] for item in run.items])  # type: ignore[attr-defined]


def requested(server: ReplicaServer, path: str) -> int:
    return sum(1 for hit in server.hits if hit.path == path)


def test_links_only_site_finds_articles_and_nothing_else(crawl):
    with serving(builders=[generic_links.build]) as server:
        run = crawl("--url", server.origin + "/")
    assert run.returncode == 0, run.describe()
    expected = {s.path for s in generic_links.STORIES} - {generic_links.DEEP.path}
    assert item_paths(run) == expected
    # Every item is an article page of the replica: no about, contact, tag or author page.
    for path in item_paths(run):
        assert server.lookup(path).kind == ARTICLE
    # One file per article, listed in the manifest.
    assert len(run.files()) == len(expected)
    assert paths([r["url"] for r in run.manifest()]) == expected
    # Non-HTML links are skipped before any request.
    assert run.stats["skipped/non_html"] >= 2
    assert requested(server, "/docs/rapport-annuel-2024.pdf") == 0
    assert requested(server, "/images/une.jpg") == 0
    # Nothing was fetched twice (the canonical form deduplicates requests).
    page_hits = [h.path for h in server.hits if h.path != "/robots.txt"]
    assert len(page_hits) == len(set(page_hits))
    assert "127.0.0.1" in run.stdout and "written" in run.stdout  # the summary table


def test_depth_and_page_limits_are_settings(crawl):
    with serving(builders=[generic_links.build]) as server:
        deeper = crawl("--url", server.origin + "/", "-s", "CRAWLER_GENERIC_DEPTH=4")
        assert deeper.returncode == 0, deeper.describe()
        assert generic_links.DEEP.path in item_paths(deeper)
        hits_before = len(server.hits)
        small = crawl("--url", server.origin + "/", "-s", "CRAWLER_GENERIC_MAX_PAGES=3",
                      "-s", "CRAWLER_SKIP_SEEN_URLS=False",
                      "-s", "CRAWLER_CONDITIONAL_REQUESTS=False")
        new_hits = server.hits[hits_before:]
    assert small.returncode == 0, small.describe()
    html_pages = [h for h in new_hits if h.path != "/robots.txt"
                  and urlsplit(h.path).path not in {"/feed/", "/rss", "/rss.xml", "/feed.xml",
                                                     "/atom.xml", "/index.xml"}]
    assert len(html_pages) <= 3
    assert small.stats["discovery/page_limit"] >= 1


def test_second_run_writes_nothing_new(crawl):
    with serving(builders=[generic_links.build]) as server:
        first = crawl("--url", server.origin + "/")
        second = crawl("--url", server.origin + "/", "-s", "CRAWLER_CONDITIONAL_REQUESTS=False")
    assert first.returncode == 0 and second.returncode == 0, second.describe()
    assert len(first.items) == 5
    assert second.items == []
    assert second.stats.get("seen/skipped", 0) >= 1
    assert len(second.files()) == 5


def test_max_articles_stops_the_crawl(crawl):
    with serving(builders=[generic_links.build]) as server:
        run = crawl("--url", server.origin + "/", "--max-articles", "2")
    assert run.returncode == 0, run.describe()
    assert len(run.items) == 2
    assert len(run.files()) == 2
    assert run.spiders[0]["reason"] == "closespider_itemcount"


def test_feed_only_site_announced_feed(crawl):
    with serving(builders=[generic_feed.build]) as server:
        run = crawl("--url", server.origin + "/")
    assert run.returncode == 0, run.describe()
    assert item_paths(run) == {item.path for item in generic_feed.ITEMS}
    assert run.stats["discovery/feeds_announced"] == 1
    assert run.stats["discovery/offsite"] == 1  # the feed item on another site
    assert requested(server, "/comments/feed/") == 0
    # Feed dates reach the items when the page has no machine-readable date of its own.
    dates = {urlsplit(i["url"]).path: i["date"] for i in run.items}
    assert dates["/akhbar/101"] == "2025-05-08"


def test_feed_only_site_since_skips_old_entries(crawl):
    with serving(builders=[generic_feed.build]) as server:
        run = crawl("--url", server.origin + "/", "--since", "2025-01-01")
    assert run.returncode == 0, run.describe()
    assert generic_feed.OLD.path not in item_paths(run)
    assert len(run.items) == len(generic_feed.ITEMS) - 1
    assert run.stats["discovery/too_old"] == 1
    assert requested(server, generic_feed.OLD.path) == 0


def test_feed_found_by_probing_usual_paths(crawl):
    builder = partial(generic_feed.build, announce=False, feed_path="/rss.xml")
    with serving(builders=[builder]) as server:
        run = crawl("--url", server.origin + "/")
    assert run.returncode == 0, run.describe()
    assert item_paths(run) == {item.path for item in generic_feed.ITEMS}
    assert run.stats.get("discovery/feeds_announced", 0) == 0
    assert run.stats["discovery/probe_missing"] == 5  # the other usual feed paths: 404


def test_scrapy_crawl_generic_with_contact_and_export(crawl, tmp_path: Path):
    """The Scrapy way: `scrapy crawl generic -a start_url=... -O items.jsonl -s ...`."""
    export = tmp_path / "export.jsonl"
    contact = "https://example.org/our-crawler"
    with serving(builders=[generic_feed.build]) as server:
        run = crawl("crawl", "generic", "-a", f"start_url={server.origin}/", "-O", str(export),
                    "-s", f"CRAWLER_CONTACT_URL={contact}", scrapy=True)
    assert run.returncode == 0, run.describe()
    items = [json.loads(line) for line in export.read_text("utf-8").splitlines()]
    assert paths([i["url"] for i in items]) == {item.path for item in generic_feed.ITEMS}
    agents = {hit.user_agent for hit in server.hits}
    assert agents and all(contact in agent and "news-crawler/" in agent for agent in agents)


def test_two_sites_crawled_side_by_side_into_one_folder(crawl):
    """One process, two spiders at once, one output folder: both sites' articles land there."""
    with serving(builders=[generic_links.build]) as links, \
            serving(builders=[generic_feed.build]) as feed:
        run = crawl("--url", links.origin + "/", "--url", feed.origin + "/")
    assert run.returncode == 0, run.describe()
    assert len(run.spiders) == 2
    starts = sorted(s["stats"]["start_time"] for s in run.spiders)
    finishes = sorted(s["stats"]["finish_time"] for s in run.spiders)
    assert starts[1] < finishes[0]  # the second started before the first finished
    hosts = {urlsplit(r["url"]).netloc for r in run.manifest()}
    assert hosts == {urlsplit(links.origin).netloc, urlsplit(feed.origin).netloc}
    names = [f.name for f in run.files()]
    assert [int(n.split("_")[0]) for n in names] == list(range(len(names)))
    assert len(run.manifest()) == len(names)
