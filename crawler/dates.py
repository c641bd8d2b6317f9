"""Publication dates as ISO YYYY-MM-DD: machine formats and Arabic/French visible dates."""

from __future__ import annotations

import re
from datetime import date

# Maghrebi (يناير.. / ماي، يوليوز، غشت، شتنبر، نونبر، دجنبر) and Mashriqi (كانون الثاني..) names.
_MONTHS: dict[str, int] = {}
for number, names in enumerate(
    (
        "يناير جانفي janvier january jan كانون_الثاني",
        "فبراير فيفري février fevrier february feb شباط",
        "مارس mars march mar آذار",
        "أبريل ابريل إبريل أفريل avril april apr نيسان",
        "ماي مايو may mai أيار",
        "يونيو يونيه جوان juin june jun حزيران",
        "يوليوز يوليو جويلية juillet july jul تموز",
        "غشت أغسطس اغسطس أوت août aout august aug آب",
        "شتنبر سبتمبر septembre september sep sept أيلول",
        "أكتوبر اكتوبر octobre october oct تشرين_الأول",
        "نونبر نوفمبر novembre november nov تشرين_الثاني",
        "دجنبر ديسمبر décembre decembre december dec كانون_الأول",
    ),
    start=1,
):
    for name in names.split():
        _MONTHS[name.replace("_", " ")] = number

_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_MONTH_ALT = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_DMY_WORDS = re.compile(rf"(\d{{1,2}})\s*(?:er\s+)?({_MONTH_ALT})\s*,?\s*(\d{{4}})", re.I)
_MDY_WORDS = re.compile(rf"({_MONTH_ALT})\s+(\d{{1,2}}),?\s+(\d{{4}})", re.I)
_EARLIEST_YEAR = 1990


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    return value.isoformat() if year >= _EARLIEST_YEAR else None


def parse_iso(value: str | None) -> str | None:
    """The date part of an ISO 8601 / W3C datetime (`2025-05-08T10:00:00+01:00`)."""
    if not value:
        return None
    match = _ISO.search(value.translate(_ARABIC_DIGITS))
    return _valid(int(match[1]), int(match[2]), int(match[3])) if match else None


def parse_date_text(text: str | None) -> str | None:
    """A date written out in Arabic, French or English, or as ISO / DD/MM/YYYY digits."""
    if not text:
        return None
    text = text.translate(_ARABIC_DIGITS)
    if iso := parse_iso(text):
        return iso
    lowered = text.lower()
    if match := _DMY_WORDS.search(lowered):
        return _valid(int(match[3]), _MONTHS[match[2]], int(match[1]))
    if match := _MDY_WORDS.search(lowered):
        return _valid(int(match[3]), _MONTHS[match[1]], int(match[2]))
    if match := _DMY_NUMERIC.search(text):
        return _valid(int(match[3]), int(match[2]), int(match[1]))
    return None
