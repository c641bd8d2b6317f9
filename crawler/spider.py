"""The base spider every site spider subclasses: site data in, article items out."""

from __future__ import annotations

from typing import Any, ClassVar

import scrapy

from crawler.site import Site


class NewsSpider(scrapy.Spider):
    site: ClassVar[Site]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        site = cls.__dict__.get("site")
        if isinstance(site, Site):
            cls.name = site.name
            cls.allowed_domains = list(site.allowed_domains)
