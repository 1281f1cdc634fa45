"""A local HTTP server that serves pages as if from the news sites: GET /<host><path>?<query>.

Spiders reach it through KZNEWS_HOST_MAP (tests/tools/loopback.py), so they request the
real site URLs and never touch the network. Every request is logged for assertions ("fetched exactly once").
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class Resource:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (to order responses in a test)


def page(path: str | Path, content_type: str = "text/html; charset=utf-8") -> Resource:
    return Resource(Path(path).read_bytes(), content_type)


class SiteServer:
    def __init__(self, routes: dict[str, Resource] | None = None):
        # keys: "tengrinews.kz/news/" (host + path [+ "?" + query]), as in the site's URLs
        self.routes: dict[str, Resource] = dict(routes or {})
        self.hits: Counter[str] = Counter()
        self.order: list[tuple[float, str]] = []  # (when, what) of every request, in arrival order
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                key = self.path.lstrip("/")
                with server._lock:
                    server.hits[key] += 1
                    server.order.append((round(time.monotonic(), 3), key))
                resource = server.lookup(key)
                if resource is None:
                    resource = Resource(b"<html><body>Not found</body></html>", status=404)
                if resource.delay:
                    time.sleep(resource.delay)
                self.send_response(resource.status)
                self.send_header("Content-Type", resource.content_type)
                self.send_header("Content-Length", str(len(resource.body)))
                for name, value in resource.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(resource.body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def lookup(self, key: str) -> Resource | None:
        key = unquote(key)
        if key in self.routes:
            return self.routes[key]
        # /path and /path/ are the same page, as on most sites
        alternative = key[:-1] if key.endswith("/") else key + "/"
        return self.routes.get(alternative)

    def add(self, url: str, resource: Resource) -> None:
        parts = urlsplit(url)
        key = parts.netloc + (parts.path or "/") + (("?" + parts.query) if parts.query else "")
        self.routes[unquote(key)] = resource

    @property
    def host_map(self) -> dict[str, str]:
        return {"*": f"http://127.0.0.1:{self.port}/{{host}}"}

    def start(self) -> SiteServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
