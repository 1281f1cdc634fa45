"""A local MongoDB-compatible server for development, tests and the demo (SecantusDB, a dev/test tool).

    python deploy/dev/localdb.py start   # starts it if needed (data in .local/mongo), prints MONGO_URI
    python deploy/dev/localdb.py uri     # prints MONGO_URI of the running server; exit 1 when none runs
    python deploy/dev/localdb.py stop    # stops it, saying what it stopped (or that nothing ran)

`make db-start`, `make db-uri` and `make db-stop` run these; `export MONGO_URI=$(make -s db-uri)` points hand-run
commands (`scrapy crawl`, `python -m kznews runs`) at the database `make run` and `make demo` started.

kznews itself only ever sees MONGO_URI; in production that points at a real mongod. This script starts
`secantusd-py` from the project's virtualenv as a separate process and waits until it answers a ping.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# KZNEWS_LOCALDB_DIR: another state directory (the tests' own, so they never touch a developer's database)
STATE = Path(os.environ.get("KZNEWS_LOCALDB_DIR") or ROOT / ".local")
DATA = STATE / "mongo"
PIDFILE = STATE / "mongo.pid"
PORTFILE = STATE / "mongo.port"
LOG = STATE / "mongo.log"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_binary() -> str:
    candidate = Path(sys.executable).parent / "secantusd-py"
    return str(candidate) if candidate.exists() else "secantusd-py"


def wait_for_ping(uri: str, timeout: float = 60.0) -> None:
    from pymongo import MongoClient

    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            with MongoClient(uri, serverSelectionTimeoutMS=1000) as client:
                client.admin.command("ping")
                return
        except Exception as error:  # not up yet
            last_error = error
            time.sleep(0.2)
    raise RuntimeError(f"the database at {uri} did not answer within {timeout:.0f}s: {last_error}")


def start_server(storage: Path | str, port: int | None = None, log: Path | None = None) -> tuple[subprocess.Popen, str]:
    """Start a server process on 127.0.0.1 and return it with its URI, once it answers."""
    port = port or free_port()
    if str(storage) != ":memory:":
        Path(storage).mkdir(parents=True, exist_ok=True)
    out = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115 - handed to the child process
    process = subprocess.Popen(
        [server_binary(), "--host", "127.0.0.1", "--port", str(port), "--storage-path", str(storage), "--standalone",
         "--log-level", "WARNING"],
        stdout=out,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    uri = f"mongodb://127.0.0.1:{port}"
    try:
        wait_for_ping(uri)
    except RuntimeError:
        process.kill()
        raise
    return process, uri


def _running_pid() -> int | None:
    try:
        pid = int(PIDFILE.read_text())
        os.kill(pid, 0)
        return pid
    except (OSError, ValueError):
        return None


def start() -> str:
    if _running_pid() and PORTFILE.exists():
        uri = f"mongodb://127.0.0.1:{PORTFILE.read_text().strip()}"
        wait_for_ping(uri, timeout=10)
        return uri
    STATE.mkdir(exist_ok=True)
    port = free_port()
    process, uri = start_server(DATA, port, LOG)
    PIDFILE.write_text(str(process.pid))
    PORTFILE.write_text(str(port))
    return uri


def running_uri() -> str | None:
    """The URI of the server this checkout started, when it runs."""
    if not _running_pid() or not PORTFILE.exists():
        return None
    return f"mongodb://127.0.0.1:{PORTFILE.read_text().strip()}"


def stop() -> str:
    """Stop the server; returns what was done, for the operator."""
    pid, uri = _running_pid(), running_uri()
    PIDFILE.unlink(missing_ok=True)
    if not pid:
        return "no local database was running"
    os.killpg(pid, signal.SIGTERM)
    return f"stopped the local database {uri or ''} (pid {pid}; its data stays in {DATA})".replace("  ", " ")


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "start"
    if command == "start":
        print(start())
    elif command == "stop":
        print(stop())
    elif command == "uri":
        uri = running_uri()
        if not uri:
            print("no local database is running (make db-start starts one)", file=sys.stderr)
            return 1
        print(uri)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
