"""Site spiders end to end: real crawls of the seed-site replicas (`--base-url`), and the hostile
behaviours (429 + Retry-After, blocks and challenges, redirect loops, non-HTML) on a small site
built here."""

from __future__ import annotations

import importlib.util
import threading
import time
from html import escape
from typing import Any
from urllib.parse import urlsplit

import pytest

from crawler.extraction import extract
from crawler.text import simhash
from crawler.urls import canonical_url
from tests.replicas.base import ARTICLE, Page, Replica
from tests.replicas.server import SITE_NAMES, ReplicaServer, serving

NEAR = 3  # bits: the dedupe pipeline's default near-duplicate distance


def missing_modules(name: str) -> list[str]:
    modules = (f"tests.replicas.{name}", f"spiders.{name}")
    return [m for m in modules if importlib.util.find_spec(m) is None]


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _distance(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def unfound_articles(replica: Replica, site: str, items: list[dict[str, Any]]) -> list[str]:
    """Article pages of the replica represented by no item: neither the page itself (by canonical
    URL) nor an article with the same or a near-identical body (a duplicate the pipeline dropped).
    """
    by_url = {canonical_url(u) for i in items for u in (i["url"], i["canonical_url"]) if u}
    hashes = {i["hash"] for i in items}
    signatures = [simhash("\n\n".join(i["body"])) for i in items]
    missing = []
    for page in replica.articles():
        url = replica.url(page.path)
        if canonical_url(url) in by_url:
            continue
        result = extract(page.body, url, site, page.content_type)
        if result.article is None:
            missing.append(f"{page.path} (extraction: {result.reason})")
            continue
        article = result.article
        signature = simhash(article.body_text)
        if article.content_hash in hashes or any(_distance(signature, s) <= NEAR
                                                  for s in signatures):
            continue
        missing.append(f"{page.path} (not crawled)")
    return missing


@pytest.mark.parametrize("name", SITE_NAMES)
def test_seed_site_crawl(name: str, crawl) -> None:
    missing = missing_modules(name)
    if missing:
        pytest.skip(f"{name}: replica or spider not written yet ({', '.join(missing)} missing)")
    with serving(name) as server:
        run = crawl(name, "--base-url", server.origin)
    assert run.returncode == 0, run.describe()
    replica = server.replicas[0]
    items = run.items
    assert items, run.describe()

    # No listing, tag, author, search or error page became an item.
    not_articles = [i["url"] for i in items
                    if (page := server.lookup(path_of(i["url"]))) is None or page.kind != ARTICLE]
    assert not not_articles, f"non-article pages written: {not_articles}"

    # Each article once: no two items for one canonical URL or one body.
    canonical = [canonical_url(i["url"]) for i in items]
    assert len(canonical) == len(set(canonical)), "an article URL was written twice"
    assert len({i["hash"] for i in items}) == len(items), "one body was written twice"

    # Every article page of the replica is found (itself or as a duplicate of a written one).
    assert unfound_articles(replica, name, items) == []

    # The output folder holds exactly these articles.
    assert len(run.files()) == len(items)
    assert {m["url"] for m in run.manifest()} == {i["url"] for i in items}
    assert all(i["site"] == name for i in items)
    assert run.stats.get("blocked/total", 0) == 0


# --- hostile behaviours ----------------------------------------------------------------------

HTML = "text/html; charset=UTF-8"


def article_html(title: str, seed: str) -> bytes:
    paragraphs = "".join(
        f"<p>{escape(seed)} — paragraphe {n}. Les autorités locales ont présenté mardi un plan "
        f"d'action détaillé portant sur {escape(seed)}, avec un calendrier précis, des moyens "
        f"budgétaires identifiés et des indicateurs de suivi publiés chaque trimestre.</p>"
        for n in range(1, 5)
    )
    return (f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="og:type" content="article"></head><body><article><h1>{title}</h1>'
            f"{paragraphs}</article></body></html>").encode()


class Flaky(Page):
    """429 with Retry-After for the first `failures` requests, then the real page.

    The server reads `status`, then `response_headers()`, then `body` for each request.
    """

    def __init__(self, path: str, body: bytes, failures: int, retry_after: str) -> None:
        self.failures, self.retry_after = failures, retry_after
        self.served = 0
        self.times: list[float] = []
        self._lock = threading.Lock()
        super().__init__(path=path, body=body)

    @property  # type: ignore[override]
    def status(self) -> int:
        with self._lock:
            self.served += 1
            self.times.append(time.monotonic())
            return 429 if self.limited else 200

    @status.setter
    def status(self, value: int) -> None:
        pass

    @property
    def limited(self) -> bool:
        return self.served <= self.failures

    def response_headers(self) -> dict[str, str]:
        headers = super().response_headers()
        if self.limited:
            headers["Retry-After"] = self.retry_after
        return headers


CLOUDFLARE_403 = (b"<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title>"
                  b"</head><body><div id='cf-error-details'>Sorry, you have been blocked</div>"
                  b"</body></html>")
CLOUDFLARE_503 = (b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
                  b"<div id='challenge'></div><script>window._cf_chl_opt={cvId:'3'};</script>"
                  b"</body></html>")
CAPTCHA_200 = (b"<!DOCTYPE html><html><head><title>Verification</title></head><body>"
               b"<form><div class='g-recaptcha' data-sitekey='x'></div></form></body></html>")

NORMAL = "/2025/05/01/le-conseil-regional-adopte-son-plan-pour-l-eau/"
LIMITED = "/2025/05/02/la-ville-ouvre-trois-nouvelles-bibliotheques-de-quartier/"
ALWAYS_429 = "/2025/05/03/un-article-que-le-serveur-refuse-toujours-de-servir/"
BLOCKED_403 = "/2025/05/04/un-article-derriere-un-pare-feu-applicatif/"
CHALLENGE_503 = "/2025/05/05/un-article-derriere-un-defi-javascript/"
CAPTCHA = "/2025/05/06/un-article-derriere-un-captcha-google/"
LOOP = "/boucle/a"
CHAIN = "/chaine/1"
DOWNLOAD = "/telecharger?id=7"
REDIRECT_TO_PDF = "/dernier-rapport"
PDF = "/fichiers/rapport-2024.pdf"


def hostile_site(origin: str) -> Replica:
    replica = Replica("hostile", origin)
    links = [NORMAL, LIMITED, ALWAYS_429, BLOCKED_403, CHALLENGE_503, CAPTCHA, LOOP, CHAIN,
             DOWNLOAD, REDIRECT_TO_PDF]
    home = "".join(f'<li><a href="{escape(link)}">{escape(link)}</a></li>' for link in links)
    replica.add(Page("/robots.txt", b"User-agent: *\nAllow: /\n", "text/plain", kind="robots"))
    replica.add(Page("/", f"<html><body><ul>{home}</ul></body></html>".encode(), kind="home"))
    replica.add(Page(NORMAL, article_html("Le plan régional pour l'eau", "la gestion de l'eau")))
    replica.add(Flaky(LIMITED, article_html("Trois bibliothèques", "la lecture publique"),
                      failures=2, retry_after="1"))
    replica.add(Flaky(ALWAYS_429, article_html("Refusé", "un sujet refusé"), failures=99,
                      retry_after="0"))
    replica.add(Page(BLOCKED_403, CLOUDFLARE_403, status=403, kind="other",
                     headers={"Server": "cloudflare"}))
    replica.add(Page(CHALLENGE_503, CLOUDFLARE_503, status=503, kind="other"))
    replica.add(Page(CAPTCHA, CAPTCHA_200, kind="other"))
    replica.add(Page(LOOP, b"", status=302, kind="other", headers={"Location": "/boucle/b"}))
    replica.add(Page("/boucle/b", b"", status=302, kind="other", headers={"Location": LOOP}))
    for n in range(1, 10):
        replica.add(Page(f"/chaine/{n}", b"", status=301, kind="other",
                         headers={"Location": f"/chaine/{n + 1}"}))
    replica.add(Page(DOWNLOAD, b"%PDF-1.4\n" + b"0" * 4096, "application/pdf", kind="other"))
    replica.add(Page(REDIRECT_TO_PDF, b"", status=302, kind="other", headers={"Location": PDF}))
    replica.add(Page(PDF, b"%PDF-1.4\n", "application/pdf", kind="other"))
    return replica


def hits(server: ReplicaServer, path: str) -> int:
    return sum(1 for hit in server.hits if hit.path == path)


def test_hostile_site_behaviours(crawl) -> None:
    with serving(builders=[hostile_site]) as server:
        run = crawl("--url", server.origin + "/", "-s", "RETRY_TIMES=2",
                    "-s", "CRAWLER_RETRY_BACKOFF_BASE=0.1")
    assert run.returncode == 0, run.describe()
    pages = server.pages
    stats = run.stats

    # Articles: the normal one, and the one served after two 429s.
    assert {path_of(i["url"]) for i in run.items} == {NORMAL, LIMITED}

    # 429: retried after the Retry-After delay (1 s), without blocking other downloads.
    limited = pages[LIMITED]
    assert isinstance(limited, Flaky) and limited.served == 3
    gaps = [b - a for a, b in zip(limited.times, limited.times[1:], strict=False)]
    assert all(gap >= 0.9 for gap in gaps), gaps
    assert stats["retry/retry_after"] >= 2
    # A 429 that never ends: RETRY_TIMES retries, then counted as blocked.
    assert hits(server, ALWAYS_429) == 3
    assert stats["blocked/http_429"] == 1

    # Blocks and challenges: counted by reason, logged with their URL, never articles.
    assert stats["blocked/cloudflare"] == 2  # the 403 page and the 503 challenge
    assert stats["blocked/captcha"] == 1
    assert stats["blocked/total"] == 4
    assert hits(server, CHALLENGE_503) == 1  # a challenge is not retried
    for path in (BLOCKED_403, CHALLENGE_503, CAPTCHA, ALWAYS_429):
        assert f"{server.origin}{path}" in run.stderr
    assert "WARNING: Blocked (cloudflare, HTTP 403)" in run.stderr

    # Redirects: a loop and an over-long chain end as logged errors.
    assert stats["errors/redirect_loop"] == 1
    assert stats["errors/redirect_limit"] == 1
    assert "ERROR: Redirect loop" in run.stderr and "ERROR: Too many redirects" in run.stderr
    assert hits(server, "/chaine/7") == 0  # REDIRECT_MAX_TIMES = 5

    # Non-HTML: by Content-Type after the request, by extension before it.
    assert stats["skipped/non_html"] == 2
    assert hits(server, DOWNLOAD) == 1
    assert hits(server, PDF) == 0

    # The summary table shows the blocks and the errors.
    row = next(line for line in run.stdout.splitlines() if line.startswith("127.0.0.1"))
    assert row.split()[1:8] == [str(stats["response_received_count"]), "2", "0", "0", "0", "4",
                                str(stats["errors/total"])]


# --- the command line ---------------------------------------------------------------------------


def test_crawl_exits_non_zero_when_a_spider_cannot_start(crawl) -> None:
    # The spider itself refuses a base URL that is not http(s): it never opens.
    run = crawl("nabae24", "--base-url", "ftp://127.0.0.1/")
    assert run.returncode == 1, run.describe()
    assert "failed to start: nabae24" in run.stderr
    assert "base_url must be an http(s) URL" in run.stderr
    assert "not started" in run.stdout
    assert not run.files()


def test_crawl_refuses_bad_arguments_before_starting(capsys) -> None:
    from crawler.cli import main

    assert main(["crawl", "no-such-site"]) == 2
    assert "unknown site" in capsys.readouterr().err
    assert main(["crawl", "--since", "last tuesday", "--url", "https://x.ma/"]) == 2
    assert "since" in capsys.readouterr().err
    assert main(["crawl", "--base-url", "http://127.0.0.1:1", "--url", "https://x.ma/"]) == 2
    assert "--base-url needs exactly one SITE" in capsys.readouterr().err
    assert main(["crawl", "--url", "not-a-url"]) == 2


def test_list_shows_sites_with_their_discovery_sources(capsys) -> None:
    from crawler.cli import main
    from crawler.sites import all_sites

    assert main(["list"]) == 0
    out = capsys.readouterr().out
    for name, site in all_sites().items():
        assert name in out and site.title in out
        for path in (*site.sitemaps, *site.feeds, *site.sections):
            assert site.absolute(path) in out
    assert main(["list", "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(all_sites())
