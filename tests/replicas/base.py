"""What a replica site is: pages (raw bytes plus headers) keyed by path, built for an origin."""

from __future__ import annotations

from dataclasses import dataclass, field
from email.utils import formatdate

# Kinds of page. Only "article" pages must extract to an article.
ARTICLE = "article"
NON_ARTICLE_KINDS = ("home", "section", "tag", "author", "search", "error", "other")
DATA_KINDS = ("robots", "sitemap", "feed")


@dataclass
class Page:
    path: str  # path plus query as requested, e.g. "/2025/05/08/slug/" or "/?p=12"
    body: bytes  # exactly the bytes served
    content_type: str = "text/html; charset=UTF-8"
    kind: str = ARTICLE
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)  # extra headers
    # Fixture name when this page is saved under tests/fixtures/<site>/ (None: not a fixture).
    fixture: str | None = None
    # When the page last changed (Unix time), for Last-Modified / ETag.
    modified: float = 1_746_700_000.0

    def response_headers(self) -> dict[str, str]:
        headers = {"Content-Type": self.content_type} if self.content_type else {}
        headers["Last-Modified"] = formatdate(self.modified, usegmt=True)
        headers.update(self.headers)
        return headers


@dataclass
class Replica:
    name: str  # the spider/site name, e.g. "alakhbar"
    origin: str  # e.g. "https://alakhbar.press.ma" or "http://127.0.0.1:8123"
    pages: dict[str, Page] = field(default_factory=dict)

    def add(self, page: Page) -> Page:
        if page.path in self.pages:
            raise ValueError(f"{self.name}: duplicate path {page.path}")
        self.pages[page.path] = page
        return page

    def url(self, path: str) -> str:
        return self.origin.rstrip("/") + path

    def articles(self) -> list[Page]:
        return [p for p in self.pages.values() if p.kind == ARTICLE]


# Share widgets and newsletters link articles with tracking parameters; crawlers must collapse them.
TRACKING_SUFFIXES = (
    "?utm_source=facebook&utm_medium=social&utm_campaign=share",
    "?fbclid=IwAR2x7QeGkq0",
    "?utm_source=newsletter&utm_medium=email",
)


def link_tracking_duplicates(replica: Replica, count: int = 3) -> list[str]:
    """Add a "most shared" widget to the home page linking articles with tracking parameters.

    Returns the tracking URLs it linked.
    """
    home = replica.pages["/"]
    charset = home.content_type.partition("charset=")[2].strip() or "utf-8"
    targets = sorted(p.path for p in replica.articles()
                     if "?" not in p.path and "amp" not in p.path)
    urls = [replica.url(path) + TRACKING_SUFFIXES[i % len(TRACKING_SUFFIXES)]
            for i, path in enumerate(targets[:count])]
    items = "".join(f'<li><a href="{url.replace("&", "&amp;")}">{i + 1}</a></li>'
                    for i, url in enumerate(urls))
    widget = f'<div class="widget most-shared"><h3>الأكثر مشاركة</h3><ol>{items}</ol></div>'
    home.body = home.body.replace(b"</body>", widget.encode(charset) + b"</body>", 1)
    return urls
