"""One test per saved response: exact expected text, no furniture, non-articles are None.

Expected outputs are regenerated with `crawler fixtures --diff` and reviewed as diffs.
"""

from pathlib import Path

import pytest

from crawler.fixtures import Fixture, discover
from tests.boilerplate_phrases import LINES, PHRASES

ROOT = Path(__file__).parent / "fixtures"
FIXTURES = list(discover(ROOT))
ARTICLES = [f for f in FIXTURES if f.kind == "article"]
OTHERS = [f for f in FIXTURES if f.kind != "article"]


def ids(fixtures: list[Fixture]) -> list[str]:
    return [f.name for f in fixtures]


def test_every_seed_site_has_three_articles_a_listing_and_a_tag_page():
    for site in ("anniyapress", "nabae24", "lodj", "alakhbar", "assahafa"):
        kinds = [f.kind for f in FIXTURES if f.site == site]
        assert kinds.count("article") >= 3, site
        assert "section" in kinds and "tag" in kinds, site


@pytest.mark.parametrize("fixture", ARTICLES, ids=ids(ARTICLES))
def test_article_matches_expected_text(fixture: Fixture):
    article = fixture.extract().article
    assert article is not None, fixture.extract().reason
    assert fixture.expected_path.exists(), "run `crawler fixtures` and review the diff"
    assert article.to_text() == fixture.expected_path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fixture", ARTICLES, ids=ids(ARTICLES))
def test_article_is_clean(fixture: Fixture):
    article = fixture.extract().article
    assert article is not None
    text = article.to_text()
    assert "\ufffd" not in text
    assert not [p for p in PHRASES if p in text]
    assert not [line for line in article.body if line in LINES]
    assert article.body[0] != article.title
    assert article.date and len(article.date) == 10
    assert article.site == fixture.site and article.language in ("ar", "fr")


@pytest.mark.parametrize("fixture", OTHERS, ids=ids(OTHERS))
def test_non_article_is_none(fixture: Fixture):
    result = fixture.extract()
    assert result.article is None and result.reason
