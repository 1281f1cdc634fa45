"""deploy/scheduler.py against a fake scrapyd: the edge cases a real one cannot be made to show on demand
(a job that stays pending, authentication failures, a node that is down). tests/test_scrapyd.py runs it
against a real scrapyd."""

import base64
import importlib.util
import json
import logging
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.conftest import ROOT

SCHEDULER = ROOT / "deploy" / "scheduler.py"
spec = importlib.util.spec_from_file_location("kznews_scheduler", SCHEDULER)
scheduler = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = scheduler  # dataclasses look their module up
spec.loader.exec_module(scheduler)

USER, PASSWORD = "ops", "s3cret-pw"


class FakeScrapyd:
    def __init__(self, spiders, pending=(), running=(), finished=(), project="kznews"):
        self.project = project
        self.spiders = list(spiders)
        self.jobs = {"pending": [{"id": f"p-{s}", "spider": s, "project": project} for s in pending],
                     "running": [{"id": f"r-{s}", "spider": s, "project": project} for s in running],
                     "finished": [{"id": f"f-{s}", "spider": s, "project": project} for s in finished]}
        self.scheduled: list[dict] = []
        self.requests: list[tuple[str, str]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def reply(self, status, payload):
                body = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def authorized(self):
                expected = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
                if self.headers.get("Authorization") != expected:
                    self.send_response(401)
                    self.send_header("WWW-Authenticate", 'Basic realm="Scrapyd"')
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return False
                return True

            def do_GET(self):
                parts = urlsplit(self.path)
                fake.requests.append(("GET", parts.path))
                if not self.authorized():
                    return
                query = parse_qs(parts.query)
                if query.get("project") != [fake.project]:
                    return self.reply(200, {"status": "error", "message": "project not found"})
                if parts.path == "/listspiders.json":
                    return self.reply(200, {"status": "ok", "spiders": fake.spiders})
                if parts.path == "/listjobs.json":
                    return self.reply(200, {"status": "ok", **fake.jobs})
                self.reply(404, {"status": "error"})

            def do_POST(self):
                fake.requests.append(("POST", self.path))
                if not self.authorized():
                    return
                length = int(self.headers.get("Content-Length", 0))
                form = parse_qs(self.rfile.read(length).decode())
                if self.path != "/schedule.json":
                    return self.reply(404, {"status": "error"})
                job = f"job-{len(fake.scheduled) + 1}"
                fake.scheduled.append({**form, "jobid": job})
                fake.jobs["pending"].append({"id": job, "spider": form["spider"][0], "project": fake.project})
                self.reply(200, {"status": "ok", "jobid": job})

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def fake():
    server = FakeScrapyd(["tengrinews", "zakon", "kazinform", "24kz"], pending=["zakon"], running=["kazinform"],
                         finished=["24kz"])
    yield server
    server.close()


@pytest.fixture
def auth_env(monkeypatch):
    monkeypatch.setenv("SCRAPYD_USERNAME", USER)
    monkeypatch.setenv("SCRAPYD_PASSWORD", PASSWORD)
    for name in ("SCRAPYD_URL", "KZNEWS_SCHEDULE_ARGS", "KZNEWS_SCHEDULE_SETTINGS", "KZNEWS_SCHEDULE_SPIDERS"):
        monkeypatch.delenv(name, raising=False)


def test_once_schedules_every_listed_spider_except_pending_or_running_ones(fake, auth_env, caplog):
    caplog.set_level(logging.INFO, logger="kznews.scheduler")
    code = scheduler.main(["--url", fake.url, "--once", "-a", "since=2d", "-a", "max_pages=3,lang=ru",
                           "-s", "KZNEWS_MAX_PAGES=3"])
    assert code == 0
    scheduled = {job["spider"][0]: job for job in fake.scheduled}
    assert set(scheduled) == {"tengrinews", "24kz"}  # a finished job does not block the next one
    job = scheduled["tengrinews"]
    assert job["project"] == ["kznews"] and job["setting"] == ["KZNEWS_MAX_PAGES=3"]
    assert (job["since"], job["max_pages"], job["lang"]) == (["2d"], ["3"], ["ru"])
    assert "skip zakon: previous job p-zakon (pending)" in caplog.text
    assert "skip kazinform: previous job r-kazinform (running)" in caplog.text
    assert PASSWORD not in caplog.text
    assert [path for _, path in fake.requests[:2]] == ["/listspiders.json", "/listjobs.json"]

    # the next cycle finds the jobs it queued still pending and schedules nothing
    fake.scheduled.clear()
    assert scheduler.main(["--url", fake.url, "--once"]) == 0
    assert fake.scheduled == []


def test_spider_filter_and_environment_configuration(fake, auth_env, monkeypatch):
    monkeypatch.setenv("SCRAPYD_URL", fake.url + "/")  # a trailing slash is tolerated here
    monkeypatch.setenv("KZNEWS_SCHEDULE_SPIDERS", "tengrinews,zakon,nosuch")
    monkeypatch.setenv("KZNEWS_SCHEDULE_ARGS", "since=6h")
    # a mistyped name fails the cycle (exit 2, so that cron notices); the spiders that exist are still scheduled
    assert scheduler.main(["--once"]) == 2
    assert [(j["spider"], j["since"]) for j in fake.scheduled] == [(["tengrinews"], ["6h"])]
    monkeypatch.setenv("KZNEWS_SCHEDULE_SPIDERS", "24kz")
    assert scheduler.main(["--once"]) == 0


def test_wrong_credentials_or_a_dead_node_fail_the_cycle_without_leaking_the_password(fake, monkeypatch, caplog):
    monkeypatch.setenv("SCRAPYD_USERNAME", USER)
    monkeypatch.setenv("SCRAPYD_PASSWORD", "wrong-password")
    assert scheduler.main(["--url", fake.url, "--once"]) == 1
    assert "401 unauthorized" in caplog.text and fake.scheduled == []

    # credentials in the URL work and are not logged; a second, dead node is reported and does not stop the first
    monkeypatch.delenv("SCRAPYD_USERNAME")
    monkeypatch.delenv("SCRAPYD_PASSWORD")
    with_auth = fake.url.replace("http://", f"http://{USER}:{PASSWORD}@")
    caplog.clear()
    assert scheduler.main(["--url", with_auth, "--url", "http://127.0.0.1:9", "--once"]) == 1
    assert {j["spider"][0] for j in fake.scheduled} == {"tengrinews", "24kz"}
    assert "http://127.0.0.1:9: listspiders.json: ConnectionRefusedError" in caplog.text
    assert PASSWORD not in caplog.text


def test_interval_loop_runs_cycles_and_stops_on_its_event(fake, auth_env):
    stop = threading.Event()
    codes = []
    thread = threading.Thread(target=lambda: codes.append(scheduler.main(
        ["--url", fake.url, "--interval", "0.05", "--jitter", "0.05", "--cycles", "3"], stop=stop)))
    thread.start()
    thread.join(timeout=20)
    assert codes == [0]
    listings = [path for method, path in fake.requests if path == "/listspiders.json"]
    assert len(listings) == 3 and len(fake.scheduled) == 2  # later cycles skip the jobs still pending


def test_runs_as_a_plain_script_with_the_standard_library_only(fake, tmp_path):
    # -I: isolated mode, no site-packages of ours on the path; -S: not even site
    result = subprocess.run(
        [sys.executable, "-I", "-S", str(SCHEDULER), "--once", "--url", fake.url.replace("http://", f"http://{USER}:{PASSWORD}@")],
        capture_output=True, text=True, timeout=60, cwd=tmp_path, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "scheduled tengrinews as job" in result.stderr and PASSWORD not in result.stderr
