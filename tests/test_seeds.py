"""The five seed scrapes (../shared/seeds) against our extraction of the same articles.

Each seed holds the article followed (and sometimes preceded) by page furniture. Our file must
hold the seed's title, then exactly the seed's body lines in order, and none of the rest.
"""

from pathlib import Path

import pytest

from crawler.boilerplate import fold
from crawler.fixtures import load

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
FIXTURES = Path(__file__).parent / "fixtures"

# site fixture, seed file, first and last body line of the article (by prefix)
CASES = [
    ("anniyapress/article-hammouchi", "000_1d9e75fe08376a78.txt", "يبرز عبد اللطيف", "تعكس الجهود"),
    ("nabae24/article-hammouchi-bilan", "001_4a8808ae0183cf92.txt", "لا يختلف اثنان",
     "وتأسيسا على ما ذكر"),
    ("lodj/article-chouraka-amniya", "002_d4497cf97e8eb60f.txt", "في ظل التحديات الأمنية",
     "في الختام، يمثل"),
    ("alakhbar/article-hammouchi-europe", "003_771e1424d74f8935.txt", "تثبت المملكة المغربية",
     "جدير بالذكر"),
    ("assahafa/article-amn-istikhbarat", "004_27fb3b80176e4b1d.txt", "أضحت المملكة المغربية",
     "وبذلك، تظل"),
]


def seed_lines(name: str) -> list[str]:
    if not SEEDS.is_dir():
        pytest.fail(f"seed folder {SEEDS} is missing (shared/ must sit beside the repository)")
    text = (SEEDS / name).read_text(encoding="utf-8")
    return [fold(line) for line in text.splitlines() if fold(line)]


@pytest.mark.parametrize(("fixture", "seed", "first", "last"), CASES, ids=[c[0] for c in CASES])
def test_seed_article_body_and_nothing_else(fixture, seed, first, last):
    lines = seed_lines(seed)
    start = next(i for i, line in enumerate(lines) if line.startswith(first))
    end = next(i for i, line in enumerate(lines) if line.startswith(last))
    article = load(FIXTURES / f"{fixture}.html").extract().article
    assert article is not None
    assert article.title in lines[:3]
    assert list(article.body) == lines[start : end + 1]
