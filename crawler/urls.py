"""Canonical form of an article URL: the key under which the state remembers what was written.

`canonical_url` maps the variants a crawl meets for one article (tracking parameters, AMP copies,
fragments, default ports, host case, query order, percent-encoding case) to one string. Paths are
otherwise kept as they are: `/a/` and `/a` or `/a/index.html` stay different URLs, because sites
really do serve different pages under them. Percent-encoding, query sorting and fragment removal are
w3lib's `canonicalize_url` (a Scrapy dependency), so the result matches what Scrapy requests.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

# Query parameters that only identify a campaign or a click, never the page (compared lowercased).
TRACKING_PARAMS: tuple[str, ...] = (
    "fbclid",  # Facebook
    "gclid", "dclid", "gbraid", "wbraid",  # Google Ads
    "msclkid",  # Microsoft Ads
    "yclid",  # Yandex
    "twclid",  # X / Twitter
    "igshid",  # Instagram
    "mc_cid", "mc_eid",  # Mailchimp
    "_ga", "_gl",  # Google Analytics cross-domain linker
    "ref", "ref_src", "ref_url",  # referrer tags (?ref=..., X's ref_src)
    "ocid", "cmpid",  # MSN / campaign ids
)
# Any parameter starting with one of these prefixes is dropped too (utm_source, utm_medium...).
TRACKING_PREFIXES: tuple[str, ...] = ("utm_",)

_DEFAULT_PORTS = {"http": "80", "https": "443"}
_AMP_FLAG_VALUES = ("", "1", "true")


def canonical_url(url: str) -> str:
    """The canonical form of an http(s) URL; other URLs are returned stripped, unchanged.

    - scheme and host lowercased, credentials and default port (80/443) dropped, `amp.` host
      prefix dropped (`amp.example.com` -> `example.com`);
    - fragment dropped;
    - tracking parameters dropped (`TRACKING_PARAMS`, `TRACKING_PREFIXES`), AMP switches dropped
      (`amp`, `amp=1`, `amp=true`, `outputType=amp`), the remaining parameters sorted;
    - an AMP last path segment dropped: `/slug/amp/` -> `/slug/`, `/news/12/amp` -> `/news/12`;
    - percent-encoding normalised (non-ASCII path characters encoded as UTF-8, `%xx` uppercased).
    """
    url = url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        return url
    netloc = _netloc(scheme, parts.netloc)
    path = _strip_amp_path(parts.path)
    query = _clean_query(parts.query)
    return canonicalize_url(urlunsplit((scheme, netloc, path, query, "")))


def _netloc(scheme: str, netloc: str) -> str:
    host_port = netloc.rpartition("@")[2].lower()  # credentials never identify an article
    if host_port.startswith("["):  # IPv6 literal: [::1]:8080
        host, _, rest = host_port.partition("]")
        host, port = host + "]", rest.removeprefix(":")
    else:
        host, _, port = host_port.partition(":")
    host = host.rstrip(".")
    if host.startswith("amp.") and "." in host[4:]:
        host = host[4:]
    if port and port != _DEFAULT_PORTS[scheme]:
        return f"{host}:{port}"
    return host


def _strip_amp_path(path: str) -> str:
    lowered = path.lower()
    if lowered.endswith("/amp/"):
        return path[:-4]  # "/slug/amp/" -> "/slug/"
    if lowered.endswith("/amp"):
        return path[:-4] or "/"  # "/news/12/amp" -> "/news/12"
    return path


def _clean_query(query: str) -> str:
    """Drop tracking and AMP parameters, keeping the others byte for byte (w3lib sorts them)."""
    kept = []
    for piece in query.split("&"):
        if not piece:
            continue
        raw_key, _, raw_value = piece.partition("=")
        key = unquote(raw_key.replace("+", " ")).strip().lower()
        value = unquote(raw_value.replace("+", " ")).strip().lower()
        if key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIXES):
            continue
        if key == "amp" and value in _AMP_FLAG_VALUES:
            continue
        if key == "outputtype" and value == "amp":
            continue
        kept.append(piece)
    return "&".join(kept)
