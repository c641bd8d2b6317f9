import pytest

from crawler.dates import parse_date_text, parse_iso


@pytest.mark.parametrize(("text", "expected"), [
    ("الثلاثاء 7 يناير 2025 - 10:15", "2025-01-07"),
    ("28 يونيو 2023", "2023-06-28"),
    ("8 مايو 2025", "2025-05-08"),
    ("الاربعاء 16 أبريل 2025", "2025-04-16"),
    ("الأربعاء 30 أبريل 2025 - 14:52", "2025-04-30"),
    ("12 شتنبر 2024", "2024-09-12"),
    ("٣ دجنبر ٢٠٢٤", "2024-12-03"),
    ("1er mars 2024", "2024-03-01"),
    ("November 19, 2019", "2019-11-19"),
    ("19/11/2019", "2019-11-19"),
    ("منذ سنة واحدة", None),
    ("31 فبراير 2024", None),
])
def test_visible_dates(text, expected):
    assert parse_date_text(text) == expected


def test_iso():
    assert parse_iso("2025-05-08T10:00:00+01:00") == "2025-05-08"
    assert parse_iso("not a date") is None
