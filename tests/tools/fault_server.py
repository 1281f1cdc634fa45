"""A local HTTP server that serves pages as if from the news sites and injects faults into chosen URLs.

Same addressing as tests.tools.site_server (GET /<host><path>; spiders reach it through KZNEWS_HOST_MAP), plus a
fault per URL: an HTTP status (with or without Retry-After), a hang longer than the client's timeout, a connection
reset, a body cut short (three ways), an empty 200, a redirect, a challenge page, a very large body, latency, a
gzip bomb (Content-Encoding) or an encoding that does not decode. A fault hits the first `times` requests for the URL (transient) or every request (`times=None`, permanent); after
that the URL's real page is served. Every request is logged with its time, so tests can check that retries waited.

Nothing here touches the network: the server listens on 127.0.0.1 only.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

from tests.tools.site_server import Resource

KINDS = (
    "status",  # `status` with `headers` (e.g. Retry-After) and a small body
    "hang",  # wait `seconds` (longer than DOWNLOAD_TIMEOUT), then close without answering
    "reset",  # TCP reset right after the request is read
    "truncate-length",  # Content-Length of the whole page, half of it sent, connection closed
    "truncate-chunked",  # chunked encoding, half of the page in chunks, closed without the last chunk
    "truncate-close",  # no length at all (ends at close, HTTP/1.0 style): half of the page, then close
    "empty",  # 200 with an empty body
    "redirect",  # `status` (302) to `location`
    "challenge",  # `status` (200) with `body` and `headers`: a bot-protection page
    "large",  # 200 with a body of `size` bytes (the real page, padded), `chunked` or with a Content-Length
    "latency",  # the real page after `seconds`
    "gzip-bomb",  # 200, Content-Encoding: gzip, a body of a few MB that unpacks to `size` bytes
    "bad-encoding",  # 200, Content-Encoding: gzip, a body that is not gzip
)


@dataclass
class Fault:
    kind: str
    times: int | None = None  # the first N requests for the URL; None: every request
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)  # a value may be a callable (computed per response)
    body: bytes = b""
    seconds: float = 0.0
    location: str = ""
    size: int = 0
    chunked: bool = False

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; known: {', '.join(KINDS)}")


@cache
def _gzip_bomb(size: int) -> bytes:
    from tests.data.hostile.gzipbomb import zeros

    return zeros(size, b"<html><body>")


def _key(url: str) -> str:
    parts = urlsplit(url)
    return unquote(parts.netloc + (parts.path or "/") + (("?" + parts.query) if parts.query else ""))


class FaultServer:
    def __init__(self, routes: dict[str, Resource] | None = None, latency: float = 0.0):
        # `routes` may be shared with another server object (tests.tools.gensite keeps its routes up to date).
        self.routes: dict[str, Resource] = routes if routes is not None else {}
        self.faults: dict[str, Fault] = {}
        self.latency = latency  # seconds before every answer (slows a crawl down for mid-crawl events)
        self.hits: Counter[str] = Counter()
        self.sent: Counter[str] = Counter()  # body bytes the client accepted, per key (for "large")
        self.log: dict[str, list[tuple[float, str]]] = defaultdict(list)  # key -> [(monotonic time, outcome)]
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                key = unquote(self.path.lstrip("/"))
                with server._lock:
                    server.hits[key] += 1
                    number = server.hits[key]
                resource = server.lookup(key)
                fault = server.faults.get(key) or server.faults.get(server._alternative(key))
                active = fault is not None and (fault.times is None or number <= fault.times)
                outcome = fault.kind if active else ("ok" if resource else "404")
                with server._lock:
                    server.log[key].append((time.monotonic(), outcome))
                if server.latency:
                    time.sleep(server.latency)
                if resource is None:
                    resource = Resource(b"<html><body>Not found</body></html>", status=404)
                try:
                    if active:
                        self.fault(fault, resource)
                    else:
                        self.send(resource.status, resource.body, resource.content_type, resource.headers)
                except (BrokenPipeError, ConnectionResetError, OSError):
                    self.close_connection = True  # the client gave up (maxsize, timeout): fine

            def send(self, status, body, content_type="text/html; charset=utf-8", headers=None, length=None):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body) if length is None else length))
                for name, value in (headers or {}).items():
                    self.send_header(name, value() if callable(value) else value)  # callable: computed now
                self.end_headers()
                self.wfile.write(body)

            def fault(self, fault: Fault, resource: Resource):
                body = resource.body
                kind = fault.kind
                if kind == "status":
                    text = f"<html><body><h1>{fault.status}</h1></body></html>".encode()
                    self.send(fault.status, fault.body or text, headers=fault.headers)
                elif kind == "hang":
                    time.sleep(fault.seconds)
                    self.close_connection = True
                elif kind == "reset":
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    self.close_connection = True
                    self.connection.close()
                elif kind == "truncate-length":
                    self.close_connection = True
                    self.send(200, body[: len(body) // 2], resource.content_type, length=len(body))
                elif kind == "truncate-chunked":
                    self.close_connection = True
                    self.send_response(200)
                    self.send_header("Content-Type", resource.content_type)
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    half = body[: len(body) // 2]
                    for start in range(0, len(half), 1024):
                        chunk = half[start : start + 1024]
                        self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                    self.wfile.flush()
                elif kind == "truncate-close":
                    self.close_connection = True
                    self.send_response(200)
                    self.send_header("Content-Type", resource.content_type)
                    self.send_header("Connection", "close")
                    self.end_headers()
                    self.wfile.write(body[: len(body) // 2])
                    self.wfile.flush()
                elif kind == "empty":
                    self.send(200, b"", resource.content_type)
                elif kind == "redirect":
                    self.send(fault.status or 302, b"", headers={"Location": fault.location, **fault.headers})
                elif kind == "challenge":
                    self.send(fault.status or 200, fault.body, "text/html; charset=utf-8", fault.headers)
                elif kind == "large":
                    self.large(fault, body, resource.content_type)
                elif kind == "latency":
                    time.sleep(fault.seconds)
                    self.send(resource.status, body, resource.content_type, resource.headers)
                elif kind == "gzip-bomb":
                    self.send(200, _gzip_bomb(fault.size), resource.content_type, {"Content-Encoding": "gzip"})
                elif kind == "bad-encoding":
                    self.send(200, b"\x1f\x8b\x08\x00" + body[:2000], resource.content_type, {"Content-Encoding": "gzip"})

            def large(self, fault: Fault, body: bytes, content_type: str):
                # The real page with a long HTML comment before </body>, streamed: never built in memory.
                cut = body.rfind(b"</body>")
                head, tail = (body[:cut], body[cut:]) if cut >= 0 else (body, b"")
                filler = max(0, fault.size - len(body) - 7)
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                if fault.chunked:
                    self.send_header("Transfer-Encoding", "chunked")
                else:
                    self.send_header("Content-Length", str(len(head) + 4 + filler + 3 + len(tail)))
                self.end_headers()
                block = b"x" * 65536

                def parts():
                    yield head + b"<!--"
                    left = filler
                    while left > 0:
                        yield block[: min(left, len(block))]
                        left -= len(block)
                    yield b"-->" + tail

                key = unquote(self.path.lstrip("/"))
                for part in parts():
                    if fault.chunked:
                        self.wfile.write(f"{len(part):x}\r\n".encode() + part + b"\r\n")
                    else:
                        self.wfile.write(part)
                    with server._lock:
                        server.sent[key] += len(part)
                if fault.chunked:
                    self.wfile.write(b"0\r\n\r\n")

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            block_on_close = False

            def handle_error(self, request, client_address):  # resets and aborted clients are the point
                pass

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @staticmethod
    def _alternative(key: str) -> str:
        return key[:-1] if key.endswith("/") else key + "/"

    def lookup(self, key: str) -> Resource | None:
        if key in self.routes:
            return self.routes[key]
        # /path and /path/ are the same page, as on most sites
        return self.routes.get(self._alternative(key))

    def add(self, url: str, resource: Resource) -> None:
        self.routes[_key(url)] = resource

    def fault(self, url: str, fault: Fault) -> None:
        self.faults[_key(url)] = fault

    def hits_for(self, url: str) -> int:
        key = _key(url)
        return self.hits.get(key, 0) + self.hits.get(self._alternative(key), 0)

    def bytes_sent_for(self, url: str) -> int:
        key = _key(url)
        return self.sent.get(key, 0) + self.sent.get(self._alternative(key), 0)

    def times_for(self, url: str) -> list[tuple[float, str]]:
        key = _key(url)
        return sorted(self.log.get(key, []) + self.log.get(self._alternative(key), []))

    @property
    def host_map(self) -> dict[str, str]:
        return {"*": f"http://127.0.0.1:{self.port}/{{host}}"}

    def start(self) -> FaultServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
