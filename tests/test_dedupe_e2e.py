"""Deduplication proven by real crawls of the seed-site replicas into one output folder."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.replicas.base import ARTICLE
from tests.replicas.common import SYNDICATED, SYNDICATED_EDITED
from tests.replicas.server import SITE_NAMES, serving


def article_hits(server) -> list[str]:
    return [h.path for h in server.hits if (p := server.lookup(h.path)) and p.kind == ARTICLE]


# Re-polling on (the default): listings, feeds and sitemaps answer 304, nothing is re-read.
# Re-polling off: everything is re-read and the seen-URL filter alone keeps articles unfetched.
MODES = {
    "repolling": ((), "conditional/not_modified"),
    "seen-filter": (("-s", "CRAWLER_CONDITIONAL_REQUESTS=False",
                     "-s", "CRAWLER_SKIP_UNCHANGED=False"), "seen/skipped"),
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", SITE_NAMES)
def test_second_run_writes_nothing_and_fetches_no_saved_article(name, mode, crawl):
    options, mechanism = MODES[mode]
    with serving(name) as server:
        first = crawl(name, "--base-url", server.origin)
        assert first.returncode == 0, first.describe()
        written = {f.name: f.read_bytes() for f in first.files()}
        assert written
        # Tracking-parameter links on the home page were collapsed, never requested.
        assert not [h.path for h in server.hits if "utm_" in h.path or "fbclid" in h.path]
        server.hits.clear()
        second = crawl(name, "--base-url", server.origin, *options)
    assert second.returncode == 0, second.describe()
    assert {f.name: f.read_bytes() for f in second.files()} == written
    assert len(second.manifest()) == len(written)
    saved = {urlsplit(m["url"]).path for m in first.manifest()}
    assert not saved & set(article_hits(server)), "an article already saved was fetched again"
    assert second.stats.get(mechanism, 0) >= 1


def story_lines(run, story) -> list[dict]:
    return [m for m in run.manifest() if m["title"] == story.title]


def test_agency_story_once_across_templates_and_edited_copy_dropped(crawl):
    with serving("alakhbar") as alakhbar, serving("assahafa") as assahafa, \
            serving("nabae24") as nabae24:
        first = crawl("alakhbar", "--base-url", alakhbar.origin)
        second = crawl("assahafa", "--base-url", assahafa.origin)
        third = crawl("nabae24", "--base-url", nabae24.origin)
    for run in (first, second, third):
        assert run.returncode == 0, run.describe()
    # The same dispatch under a second template: an exact duplicate, not a second file.
    assert len(story_lines(first, SYNDICATED)) == 1
    assert second.stats.get("dedupe/exact_duplicate", 0) >= 1
    # The desk-edited copy: a near duplicate, dropped and recorded against the first file.
    assert third.stats.get("dedupe/near_duplicate", 0) == 1
    lines = story_lines(third, SYNDICATED)
    assert len(lines) == 1 and lines[0]["site"] == "alakhbar"
    assert f"near duplicate of {lines[0]['file']}" in third.stderr
    edited_only = SYNDICATED_EDITED.paragraphs[-1]
    assert not [f for f in third.files() if edited_only in f.read_text("utf-8")]
