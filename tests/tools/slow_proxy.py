"""Test support: a TCP proxy in front of the test database that makes it slow, or dead, on demand.

`SlowProxy(target_port, latency=0.05)` listens on a free loopback port and forwards every connection to the
target; each chunk the client sends waits `latency` seconds before it is forwarded, so every database operation
(a write, a find, a ping) takes at least that long: a database that is slow but alive. `cut()` closes every
open connection and refuses (accepts and closes at once) every new one from then on: a database that is down.
`cut_after=N` does the same by itself once N client chunks have been forwarded, for a crawl in another process.

Runs on threads, so a test can keep it up while a crawl runs in a subprocess:

    with SlowProxy(port, latency=0.05) as proxy:
        run(..., MONGO_URI=proxy.uri)
"""

from __future__ import annotations

import contextlib
import socket
import sys
import threading
import time


class SlowProxy:
    def __init__(self, target_port: int, *, latency: float = 0.0, cut_after: int | None = None,
                 target_host: str = "127.0.0.1"):
        self.target = (target_host, target_port)
        self.latency = latency
        self.cut_after = cut_after
        self.forwarded = 0  # client chunks forwarded to the database
        self.refused = 0  # connections refused after the cut
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._sockets: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._cut = threading.Event()
        self._closed = threading.Event()
        self._acceptor = threading.Thread(target=self._accept, name="slow-proxy-accept", daemon=True)

    @property
    def uri(self) -> str:
        return f"mongodb://127.0.0.1:{self.port}"

    def __enter__(self) -> SlowProxy:
        self._acceptor.start()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def cut(self) -> None:
        """The database goes down: open connections are closed, new ones refused."""
        self._cut.set()
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)

    def close(self) -> None:
        self._closed.set()
        self.cut()
        self._listener.close()
        self._acceptor.join(timeout=5)

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self._cut.is_set():
                self.refused += 1
                _shut(client)
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=10)
            except OSError:
                _shut(client)
                continue
            upstream.settimeout(None)
            with self._lock:
                self._sockets.update((client, upstream))
            threading.Thread(target=self._pump, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, False), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket, from_client: bool) -> None:
        try:
            while not self._cut.is_set():
                chunk = source.recv(65536)
                if not chunk:
                    break
                if from_client:
                    if self.latency:
                        time.sleep(self.latency)
                    with self._lock:
                        self.forwarded += 1
                        cut_now = self.cut_after is not None and self.forwarded > self.cut_after
                    if cut_now:
                        self.cut()
                        break
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            with self._lock:
                self._sockets.discard(source)
                self._sockets.discard(sink)
            _shut(source)
            _shut(sink)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()


if __name__ == "__main__":  # by hand: python tests/tools/slow_proxy.py TARGET_PORT LATENCY
    proxy = SlowProxy(int(sys.argv[1]), latency=float(sys.argv[2]))
    with proxy:
        print(proxy.uri, flush=True)
        threading.Event().wait()
