"""An honest User-Agent that names the crawler and where to reach its operator."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.settings import SETTINGS_PRIORITIES

from crawler import __version__

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request
    from scrapy.crawler import Crawler


def user_agent(contact: str) -> str:
    contact = contact.strip()
    return f"news-crawler/{__version__} (+{contact})" if contact else f"news-crawler/{__version__}"


class ContactUserAgentMiddleware:
    """Replaces Scrapy's UserAgentMiddleware: the UA is built from CRAWLER_CONTACT_URL.

    A USER_AGENT given on the command line (`-s USER_AGENT=...`) still wins, as Scrapy users
    expect; the one in the project settings is only the default for the default contact.
    """

    def __init__(self, agent: str) -> None:
        self.agent = agent

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        explicit = (settings.getpriority("USER_AGENT") or 0) > SETTINGS_PRIORITIES["project"]
        if explicit:
            return cls(settings["USER_AGENT"])
        return cls(user_agent(settings.get("CRAWLER_CONTACT_URL", "")))

    def process_request(self, request: Request) -> None:
        request.headers.setdefault(b"User-Agent", self.agent)
