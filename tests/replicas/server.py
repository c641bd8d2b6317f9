"""A real HTTP server on 127.0.0.1 serving a replica site: conditional GET and a request log."""

from __future__ import annotations

import hashlib
import importlib
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from tests.replicas.base import Page, Replica

SITE_NAMES = ("anniyapress", "nabae24", "lodj", "alakhbar", "assahafa")


def build_replica(name: str, origin: str) -> Replica:
    """Build the named replica (module `tests.replicas.<name>`, function `build(origin)`)."""
    module = importlib.import_module(f"tests.replicas.{name}")
    return module.build(origin)


@dataclass
class Hit:
    method: str
    path: str
    status: int
    size: int
    conditional: bool
    user_agent: str


class ReplicaServer:
    """Serves one or more replicas built for this server's own origin.

    Query strings the page table does not know (tracking parameters) are ignored, as real sites do.
    """

    def __init__(self, builders: list[Callable[[str], Replica]] | None = None,
                 names: tuple[str, ...] = ()) -> None:
        self._builders = list(builders or []) + [
            (lambda origin, n=n: build_replica(n, origin)) for n in names
        ]
        self.hits: list[Hit] = []
        self.pages: dict[str, Page] = {}
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self.replicas = [build(self.origin) for build in self._builders]
        for replica in self.replicas:
            for path, page in replica.pages.items():
                if path in self.pages:
                    raise ValueError(f"two replicas serve {path}")
                self.pages[path] = page
        self._thread: threading.Thread | None = None

    def lookup(self, raw_path: str) -> Page | None:
        if raw_path in self.pages:
            return self.pages[raw_path]
        return self.pages.get(urlsplit(raw_path).path)

    def hits_for(self, kind: str) -> list[Hit]:
        return [h for h in self.hits if (p := self.lookup(h.path)) is not None and p.kind == kind]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_HEAD(self) -> None:
                self._serve(body=False)

            def do_GET(self) -> None:
                self._serve(body=True)

            def _serve(self, body: bool) -> None:
                page = server.lookup(self.path)
                conditional = bool(
                    self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since")
                )
                if page is None:
                    status, headers, payload = 404, {"Content-Type": "text/html"}, b"<h1>404</h1>"
                else:
                    status, headers, payload = page.status, served_headers(page), page.body
                    if status == 200 and _not_modified(self.headers, headers):
                        status, payload = 304, b""
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if body:
                    self.wfile.write(payload)
                with server._lock:
                    server.hits.append(Hit(self.command, self.path, status, len(payload),
                                           conditional, self.headers.get("User-Agent", "")))

        return Handler

    def start(self) -> ReplicaServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def served_headers(page: Page) -> dict[str, str]:
    """The page's response headers as the server sends them, validators included."""
    headers = page.response_headers()
    headers.setdefault("ETag", '"' + hashlib.sha1(page.body).hexdigest()[:16] + '"')
    return headers


def _not_modified(request_headers, response_headers: dict[str, str]) -> bool:
    if_none_match = request_headers.get("If-None-Match")
    if if_none_match:
        return if_none_match.strip() == response_headers.get("ETag")
    since = request_headers.get("If-Modified-Since")
    modified = response_headers.get("Last-Modified")
    if since and modified:
        try:
            return parsedate_to_datetime(modified) <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
    return False


@contextmanager
def serving(*names: str, builders: list[Callable[[str], Replica]] | None = None,
            ) -> Iterator[ReplicaServer]:
    server = ReplicaServer(builders=builders, names=names).start()
    try:
        yield server
    finally:
        server.stop()
