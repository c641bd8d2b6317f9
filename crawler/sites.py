"""Registry of configured sites, collected from the spider modules in `spiders/`."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from crawler.site import Site

SPIDER_PACKAGE = "spiders"


@cache
def all_sites() -> dict[str, Site]:
    """Every `Site` declared as a spider's `site` attribute, by name."""
    package = importlib.import_module(SPIDER_PACKAGE)
    found: dict[str, Site] = {}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{SPIDER_PACKAGE}.{info.name}")
        for value in vars(module).values():
            site = getattr(value, "site", None)
            if isinstance(site, Site) and isinstance(value, type):
                found[site.name] = site
    return dict(sorted(found.items()))


def get_site(name: str) -> Site:
    sites = all_sites()
    try:
        return sites[name]
    except KeyError:
        known = ", ".join(sites) or "none"
        raise KeyError(f"unknown site {name!r} (configured: {known})") from None


def site_for_url(url: str) -> Site | None:
    """The configured site whose domains cover the URL's host, if any."""
    from urllib.parse import urlsplit

    host = (urlsplit(url).hostname or "").lower()
    for site in all_sites().values():
        for domain in site.allowed_domains:
            if host == domain or host.endswith("." + domain):
                return site
    return None
