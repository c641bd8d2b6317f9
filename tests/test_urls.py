import pytest

from crawler.urls import TRACKING_PARAMS, canonical_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # scheme and host case, default ports, credentials, fragment
        ("HTTPS://WWW.Example.COM/Path/To", "https://www.example.com/Path/To"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("http://example.com:443/a", "http://example.com:443/a"),
        ("https://user:secret@example.com/a", "https://example.com/a"),
        ("https://example.com/a#comments", "https://example.com/a"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com./a", "https://example.com/a"),
        # tracking parameters
        ("https://example.com/a?utm_source=fb&utm_medium=social&utm_campaign=x",
         "https://example.com/a"),
        ("https://example.com/a?UTM_Source=fb", "https://example.com/a"),
        ("https://example.com/a?fbclid=IwAR0abc&id=7", "https://example.com/a?id=7"),
        ("https://example.com/a?gclid=1&mc_cid=2&mc_eid=3&igshid=4&ref=home",
         "https://example.com/a"),
        ("https://example.com/?p=123&utm_source=rss", "https://example.com/?p=123"),
        # remaining parameters sorted, kept byte for byte
        ("https://example.com/s?q=b&page=2&cat=1", "https://example.com/s?cat=1&page=2&q=b"),
        ("https://example.com/s?tag=&x=1", "https://example.com/s?tag=&x=1"),
        # AMP variants
        ("https://example.com/2025/05/08/slug/amp/", "https://example.com/2025/05/08/slug/"),
        ("https://example.com/news/1234/amp", "https://example.com/news/1234"),
        ("https://example.com/news/1234/AMP", "https://example.com/news/1234"),
        ("https://example.com/news/1234?amp=1", "https://example.com/news/1234"),
        ("https://example.com/news/1234?amp", "https://example.com/news/1234"),
        ("https://example.com/news/1234?amp=true&id=2", "https://example.com/news/1234?id=2"),
        ("https://example.com/news/1234?outputType=amp", "https://example.com/news/1234"),
        ("https://amp.example.com/news/1234", "https://example.com/news/1234"),
        ("https://amp.example.com/news/1234/amp/?amp=1&utm_source=x#top",
         "https://example.com/news/1234/"),
        # not AMP: a word containing amp, an amp parameter with another value, a host "amp.com"
        ("https://example.com/camp/", "https://example.com/camp/"),
        ("https://example.com/a?amp=0", "https://example.com/a?amp=0"),
        ("https://amp.com/a", "https://amp.com/a"),
        # paths otherwise untouched: trailing slash and index.html are kept
        ("https://example.com/a/", "https://example.com/a/"),
        ("https://example.com/a/index.html", "https://example.com/a/index.html"),
        # percent-encoding: non-ASCII encoded as UTF-8, escapes uppercased
        ("https://example.com/مقال/", "https://example.com/%D9%85%D9%82%D8%A7%D9%84/"),
        ("https://example.com/%d9%85%d9%82%d8%a7%d9%84/",
         "https://example.com/%D9%85%D9%82%D8%A7%D9%84/"),
        # IDN host in punycode, IPv6 literal with default port
        ("https://münchen.de/x", "https://xn--mnchen-3ya.de/x"),
        ("http://[::1]:80/x", "http://[::1]/x"),
        ("http://127.0.0.1:8123/x?utm_term=a", "http://127.0.0.1:8123/x"),
    ],
)
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


def test_encoded_and_raw_forms_agree() -> None:
    raw = "https://example.com/2025/05/الرباط-مدريد/?utm_source=x"
    encoded = "https://example.com/2025/05/%D8%A7%D9%84%D8%B1%D8%A8%D8%A7%D8%B7-%D9%85%D8%AF%D8%B1%D9%8A%D8%AF/"
    assert canonical_url(raw) == canonical_url(encoded)


def test_idempotent() -> None:
    for url in ("https://amp.Example.com:443/a/amp/?b=2&a=1&utm_x=1#f", "https://e.com/مقال?q=عربي"):
        once = canonical_url(url)
        assert canonical_url(once) == once


def test_non_http_urls_unchanged() -> None:
    assert canonical_url(" mailto:desk@example.com ") == "mailto:desk@example.com"


def test_tracking_params_documented_lowercase() -> None:
    assert all(p == p.lower() for p in TRACKING_PARAMS)
    assert {"fbclid", "gclid", "mc_cid", "mc_eid", "igshid", "ref"} <= set(TRACKING_PARAMS)
