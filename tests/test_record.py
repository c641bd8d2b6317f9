"""`crawler record`: pages fetched from a real local server, saved as fixtures ready for a test."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

from crawler.extraction import extract
from crawler.fixtures import discover, load
from crawler.record import slug
from tests.conftest import FAST_SETTINGS, ROOT
from tests.replicas.base import Page, Replica
from tests.replicas.server import build_replica, served_headers, serving


def record(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "crawler", "record", *args]
    for setting in FAST_SETTINGS:
        command += ["-s", setting]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120,
                          check=False)


def first(replica: Replica, kind: str) -> Page:
    return next(p for p in replica.pages.values() if p.kind == kind and "?" not in p.path)


def test_record_saves_pages_as_served_with_expected_output(tmp_path: Path) -> None:
    with serving("alakhbar") as server:
        replica = server.replicas[0]
        article, listing = first(replica, "article"), first(replica, "section")
        urls = [replica.url(article.path), replica.url(listing.path)]
        workdir = tmp_path / "workdir"
        workdir.mkdir()
        proc = record("alakhbar", *urls, "--root", str(tmp_path), "-s", "ROBOTSTXT_OBEY=True",
                      cwd=workdir)
        robots_hits = [h for h in server.hits if h.path == "/robots.txt"]
    assert proc.returncode == 0, proc.stderr
    assert list(workdir.iterdir()) == [], "a recording created an output folder or state"
    assert robots_hits, "robots.txt was not asked for"
    assert all(h.user_agent.startswith("news-crawler/") for h in server.hits)

    folder = tmp_path / "alakhbar"
    saved = {f.url: f for f in discover(tmp_path) if f.site == "alakhbar"}
    assert set(saved) == set(urls)

    # The article: raw bytes as served, headers beside them, expected text written.
    fixture = saved[urls[0]]
    assert fixture.path == folder / f"{slug(urls[0])}.html"
    assert fixture.body() == article.body
    headers = {k.lower(): v for k, v in fixture.headers.items()}
    for name, value in served_headers(article).items():
        assert headers[name.lower()] == value
    assert fixture.kind == "article" and fixture.site == "alakhbar" and fixture.status == 200
    expected = extract(article.body, urls[0], "alakhbar", article.content_type).article
    assert expected is not None
    assert fixture.expected_path.read_text("utf-8") == expected.to_text()
    # ...and the saved fixture extracts to exactly that text, as tests/test_fixtures.py checks.
    assert fixture.extract().article.to_text() == expected.to_text()
    assert f"wrote {fixture.path} + .json + .expected.txt: article" in proc.stdout

    # The listing: saved as a non-article, no expected text.
    other = saved[urls[1]]
    assert other.body() == listing.body and other.kind == "other"
    assert not other.expected_path.exists()
    assert other.extract().article is None
    assert "not an article (listing)" in proc.stdout


def gzipped_page(origin: str) -> Replica:
    replica = build_replica("lodj", origin)
    page = first(replica, "article")
    replica.pages[page.path] = Page(page.path, gzip.compress(page.body), page.content_type,
                                    headers={"Content-Encoding": "gzip"}, kind="article")
    replica.add(Page("/ancien-lien", b"", status=301, kind="other",
                     headers={"Location": page.path}))
    return replica


def test_record_keeps_the_decoded_body_and_the_final_url(tmp_path: Path) -> None:
    with serving(builders=[gzipped_page]) as server:
        replica = server.replicas[0]
        page = first(replica, "article")
        proc = record("lodj", replica.url("/ancien-lien"), "--name", "article-gzip",
                      "--kind", "article", "--root", str(tmp_path), "-s", "ROBOTSTXT_OBEY=False")
    assert proc.returncode == 0, proc.stderr
    fixture = load(tmp_path / "lodj" / "article-gzip.html")
    assert fixture.body() == gzip.decompress(page.body)  # decompressed, never re-encoded
    assert fixture.url == replica.url(page.path)  # where the redirect led
    assert not {"content-encoding", "content-length"} & {k.lower() for k in fixture.headers}
    assert fixture.expected_path.exists()
    meta = json.loads(fixture.path.with_suffix(".json").read_text("utf-8"))
    assert meta["kind"] == "article" and meta["site"] == "lodj"


def private_site(origin: str) -> Replica:
    replica = Replica("private", origin)
    replica.add(Page("/robots.txt", b"User-agent: *\nDisallow: /private/\n", "text/plain",
                     kind="robots"))
    replica.add(Page("/private/page/", b"<html><body><p>secret</p></body></html>", kind="other"))
    return replica


def test_record_saves_error_pages_and_reports_what_it_could_not_fetch(tmp_path: Path) -> None:
    with serving(builders=[private_site]) as server:
        proc = record("generic", server.origin + "/no-such-page/",
                      server.origin + "/private/page/", "--root", str(tmp_path))
        private_hits = [h for h in server.hits if h.path.startswith("/private/")]
    assert proc.returncode == 1, proc.stderr
    fixture = load(tmp_path / "generic" / "no-such-page.html")
    assert fixture.status == 404 and fixture.site is None and fixture.kind == "other"
    assert "not an article" in proc.stdout
    # robots.txt is obeyed: the private page is never asked for, and nothing is saved for it.
    assert not private_hits
    assert not (tmp_path / "generic" / "private-page.html").exists()
    assert f"failed {server.origin}/private/page/" in proc.stderr
    assert "robots.txt" in proc.stderr


def test_record_refuses_bad_arguments(capsys) -> None:
    from crawler.cli import main

    assert main(["record", "no-such-site", "https://example.com/"]) == 2
    assert "unknown site" in capsys.readouterr().err
    assert main(["record", "lodj", "https://a.ma/1", "https://a.ma/2", "--name", "x"]) == 2
    assert "--name needs exactly one URL" in capsys.readouterr().err
    assert main(["record", "lodj", "ftp://a.ma/1"]) == 2
    assert main(["record", "lodj", "https://a.ma/x/", "https://a.ma/x"]) == 2
    assert "saved as x" in capsys.readouterr().err


def test_slugs_are_ascii_file_names() -> None:
    assert slug("https://a.ma/2025/05/08/plan-eau/") == "2025-05-08-plan-eau"
    assert slug("https://a.ma/546251.html") == "546251"
    assert slug("https://a.ma/") == "home"
    assert slug("https://a.ma/?p=12") == "p-12"
    arabic = slug("https://a.ma/2025/05/08/%D8%A7%D9%84%D9%85%D8%A7%D8%A1/")
    assert arabic.startswith("2025-05-08-") and arabic.isascii() and len(arabic) == 19
