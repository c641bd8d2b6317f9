"""Per-site configuration: plain data, declared once per site in `spiders/<name>.py`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit


@dataclass(frozen=True, slots=True)
class Site:
    name: str  # spider name, e.g. "alakhbar"
    title: str  # how the site names itself
    base_url: str  # origin of the site, e.g. "https://alakhbar.press.ma"
    domains: tuple[str, ...] = ()
    language: str = "ar"
    cms: str = ""
    # Discovery sources, as paths or absolute URLs relative to base_url.
    sitemaps: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    # Regex searched in an URL's path (and query) that marks an article page.
    article_pattern: str = ""
    # CSS selector of the element holding the article body, where the CMS has a stable one:
    # extraction then looks only inside it (headings and all), as Fundus parsers do.
    body_selector: str = ""
    # CSS selectors of site furniture removed before extraction.
    boilerplate_selectors: tuple[str, ...] = ()
    # Exact lines (after whitespace folding) that are never article text on this site.
    boilerplate_lines: tuple[str, ...] = ()
    # Default interval between scheduled crawls ("30m", "2h").
    interval: str = "1h"

    @property
    def allowed_domains(self) -> tuple[str, ...]:
        return self.domains or (urlsplit(self.base_url).hostname or "",)

    def rebased(self, base_url: str) -> Site:
        """The same site served from another origin (a mirror or a local replica)."""
        from dataclasses import replace

        host = urlsplit(base_url).hostname or ""
        return replace(self, base_url=base_url.rstrip("/"), domains=(host,))

    def is_article_url(self, url: str) -> bool:
        """Whether the URL's path (and query) has the shape of this site's articles."""
        if not self.article_pattern:
            return True
        parts = urlsplit(url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        return re.search(self.article_pattern, target) is not None

    def absolute(self, path: str) -> str:
        return urljoin(self.base_url.rstrip("/") + "/", path)
