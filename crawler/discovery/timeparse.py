"""Timestamps of sitemaps and feeds, and the `since` argument of a crawl."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime

_RELATIVE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$", re.I)
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
# W3C datetime allows a bare year or year-month; fromisoformat does not.
_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def _aware(value: datetime) -> datetime:
    # Feeds and sitemaps without an offset are read as UTC: off by hours at most, never by days.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def parse_timestamp(text: str | None) -> datetime | None:
    """A timezone-aware datetime from W3C/ISO 8601 or RFC 822 text; None when unreadable."""
    if not text:
        return None
    text = text.strip()
    if not text:
        return None
    if partial := _PARTIAL.match(text):
        return datetime(int(partial[1]), int(partial[2] or 1), 1, tzinfo=UTC)
    iso = text.replace("Z", "+00:00").replace("z", "+00:00")
    try:
        return _aware(datetime.fromisoformat(iso))
    except ValueError:
        pass
    try:
        return _aware(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        return None


def parse_since(value: str, now: datetime | None = None) -> datetime:
    """`7d`, `36h`, `90m`, `2w`, `3600s` before now, or an ISO date/datetime (UTC if naive).

    Raises ValueError for anything else, so a typo stops the crawl instead of widening it.
    """
    now = now or datetime.now(UTC)
    if match := _RELATIVE.match(value):
        amount = float(match[1])
        return now - timedelta(**{_UNITS[match[2].lower()]: amount})
    text = value.strip()
    try:
        return datetime.combine(date.fromisoformat(text), datetime.min.time(), UTC)
    except ValueError:
        pass
    parsed = parse_timestamp(text)
    if parsed is None or not re.match(r"^\d{4}-\d{2}", text):
        raise ValueError(f"cannot read since={value!r}: use 7d, 36h, 90m, 2w or an ISO date")
    return parsed
