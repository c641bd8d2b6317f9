"""One discovered URL with what its source said about it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Entry:
    url: str
    published: datetime | None = None  # news:publication_date, pubDate, Atom published
    updated: datetime | None = None  # sitemap lastmod, Atom updated
    title: str | None = None

    @property
    def date(self) -> datetime | None:
        """The best date known for the entry: publication first, then last modification."""
        return self.published or self.updated

    def older_than(self, since: datetime | None) -> bool:
        """True only when the entry carries a date and that date is before `since`."""
        date = self.date
        return since is not None and date is not None and date < since
