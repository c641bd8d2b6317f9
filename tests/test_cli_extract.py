"""`crawler extract` as a user runs it: a real subprocess, real exit codes."""

import json
import subprocess
import sys

from tests.test_extraction import article_page

PAGE = article_page(head='<meta property="og:type" content="article">'
                         '<meta property="article:published_time" content="2025-03-12">')


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "crawler", "extract", *args], input=stdin,
                          capture_output=True, timeout=60)


def test_article_prints_file_text(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(PAGE.encode("cp1256", errors="ignore").replace(b"utf-8", b"windows-1256"))
    done = run(str(page), "--url", "https://news.example.ma/2025/03/12/story/")
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode("utf-8")
    assert text.startswith("المغرب وإسبانيا") and "\n\n2025-03-12\n\n" in text
    assert text.endswith(".\n") and "\ufffd" not in text


def test_json_output_from_stdin():
    done = run("-", "--url", "https://news.example.ma/a/", "--json", stdin=PAGE.encode())
    assert done.returncode == 0
    fields = json.loads(done.stdout)
    assert fields["date"] == "2025-03-12" and len(fields["hash"]) == 16 and fields["body"]


def test_not_an_article_exits_3_with_reason():
    done = run("-", "--url", "https://news.example.ma/tag/x/", stdin=PAGE.encode())
    assert done.returncode == 3 and done.stdout == b""
    assert b"not an article (listing)" in done.stderr


def test_unreadable_input_and_unknown_site_exit_2(tmp_path):
    assert run(str(tmp_path / "missing.html")).returncode == 2
    done = run("-", "--site", "no-such-site", stdin=PAGE.encode())
    assert done.returncode == 2 and b"unknown site" in done.stderr
