"""A local, non-root trial of the scrapyd deployment (`make scrapyd-local`, docs/operations.md):

    python deploy/dev/scrapyd_local.py [--spider tengrinews] [--warc tests/fixtures/warc] [--keep]

It starts scrapyd through deploy/scrapyd-start on 127.0.0.1 with deploy/scrapyd.conf moved into a temporary home
(a free port; eggs, queue and logs in that home) and throwaway credentials, deploys the project with
scrapyd-deploy (the egg as production builds it), schedules one job that replays a WARC archive (an absolute
path: scrapyd runs its jobs in its own home, where a relative one means nothing), waits for it, prints the job's
outcome and its articles in MongoDB, and stops scrapyd. MONGO_URI comes from the environment, else the local
database of `make db-start` (started if needed). Offline: the replay answers every request.

Exit status: 0 the job finished and stored articles; 1 otherwise (the job's log says why); 2 bad arguments.
"""

from __future__ import annotations

import argparse
import base64
import configparser
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from localdb import free_port, running_uri
from localdb import start as start_localdb

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


class Scrapyd:
    def __init__(self, url: str, user: str, password: str):
        self.url, self.user, self.password = url, user, password

    def api(self, endpoint: str, params: dict | None = None, *, post: bool = False) -> dict:
        query = urllib.parse.urlencode(params or {}, doseq=True)
        request = urllib.request.Request(f"{self.url}/{endpoint}" + ("" if post or not query else "?" + query),
                                         data=query.encode() if post else None)
        token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode()
        request.add_header("Authorization", "Basic " + token)
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())


def write_config(home: Path, port: int) -> None:
    config = configparser.ConfigParser()
    config.read(ROOT / "deploy" / "scrapyd.conf")
    config["scrapyd"].update({"http_port": str(port), "eggs_dir": str(home / "eggs"), "dbs_dir": str(home / "dbs"),
                              "logs_dir": str(home / "logs"), "poll_interval": "1", "max_proc": "1"})
    with open(home / "scrapyd.conf", "w") as stream:  # scrapyd reads a scrapyd.conf in its working directory
        config.write(stream)


def deploy(home: Path, url: str, env: dict) -> dict:
    """scrapyd-deploy from a copy of the project whose deploy target is this scrapyd (credentials from env)."""
    project = home / "project"
    shutil.copytree(ROOT / "kznews", project / "kznews", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "requirements.txt"):
        shutil.copy(ROOT / name, project / name)
    config = configparser.ConfigParser(interpolation=None)
    config.read(ROOT / "scrapy.cfg")
    config["deploy"]["url"] = url
    with open(project / "scrapy.cfg", "w") as stream:
        config.write(stream)
    done = subprocess.run([str(BIN / "scrapyd-deploy")], cwd=project, env=env, capture_output=True, text=True,
                          timeout=300, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"scrapyd-deploy failed: {(done.stderr or done.stdout).strip()[-500:]}")
    return json.loads(done.stdout)


def wait_until_up(scrapyd: Scrapyd, process: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if scrapyd.api("daemonstatus.json")["status"] == "ok":
                return
        except (urllib.error.URLError, ConnectionError):
            pass
        if process.poll() is not None:
            raise RuntimeError(f"scrapyd exited ({process.returncode}): {log.read_text()[-800:]}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"scrapyd did not answer within {timeout:.0f}s; its log: {log}")
        time.sleep(0.3)


def wait_for_job(scrapyd: Scrapyd, job: str, timeout: float) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        jobs = scrapyd.api("listjobs.json", {"project": "kznews"})
        for finished in jobs["finished"]:
            if finished["id"] == job:
                return finished
        time.sleep(1)
    raise RuntimeError(f"job {job} did not finish within {timeout:.0f}s")


def stored_articles(uri: str, database: str, spider: str, job: str) -> tuple[int, dict | None]:
    from pymongo import MongoClient

    with MongoClient(uri, tz_aware=True, serverSelectionTimeoutMS=5000) as client:
        db = client[database]
        return db.articles.count_documents({"site": spider}), db.runs.find_one({"_id": job})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scrapyd_local", description=__doc__.split("\n\n")[0])
    parser.add_argument("--spider", default="tengrinews")
    parser.add_argument("--warc", default=str(ROOT / "tests" / "fixtures" / "warc"),
                        help="WARC file or directory to replay (default: the recorded demo pages)")
    parser.add_argument("--database", default="kznews_scrapyd_local")
    parser.add_argument("--timeout", type=float, default=300, help="seconds to wait for the job")
    parser.add_argument("--keep", action="store_true", help="keep scrapyd's temporary home (eggs, logs)")
    args = parser.parse_args(argv)
    warc = Path(args.warc).resolve()  # scrapyd's jobs run in its home: only an absolute path reaches the archive
    if not warc.exists():
        print(f"scrapyd-local: --warc {args.warc}: no such file or directory", file=sys.stderr)
        return 2

    uri = os.environ.get("MONGO_URI") or running_uri() or start_localdb()
    home = Path(tempfile.mkdtemp(prefix="kznews-scrapyd-"))
    port = free_port()
    write_config(home, port)
    user, password = "kznews-local", secrets.token_urlsafe(16)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "WARC_REPLAY", "WARC_RECORD")}
    env.update({"SCRAPYD_USERNAME": user, "SCRAPYD_PASSWORD": password, "SCRAPYD_HOME": str(home),
                "PYTHON": sys.executable, "MONGO_URI": uri, "MONGO_DATABASE": args.database,
                "KZNEWS_PROFILE": "local"})
    log = home / "scrapyd.log"
    url = f"http://127.0.0.1:{port}"
    scrapyd = Scrapyd(url, user, password)
    print(f"scrapyd: {url}, home {home}, database {args.database} at the local MongoDB", flush=True)
    with open(log, "wb") as output:
        process = subprocess.Popen([str(ROOT / "deploy" / "scrapyd-start")], cwd=ROOT, env=env, stdout=output,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    status = 1
    try:
        wait_until_up(scrapyd, process, log)
        deployed = deploy(home, url, env)
        print(f"deployed: project {deployed['project']} version {deployed['version']}, "
              f"{deployed['spiders']} spiders", flush=True)
        job = scrapyd.api("schedule.json", {"project": "kznews", "spider": args.spider, "since": "2000-01-01",
                                            "setting": [f"WARC_REPLAY={warc}"]}, post=True)["jobid"]
        print(f"scheduled {args.spider} as job {job}, replaying {warc}", flush=True)
        finished = wait_for_job(scrapyd, job, args.timeout)
        job_log = home / "logs" / "kznews" / args.spider / f"{job}.log"
        closed = [line for line in job_log.read_text(errors="replace").splitlines() if "Spider closed" in line]
        articles, run = stored_articles(uri, args.database, args.spider, job)
        print(f"finished: {finished['end_time']}; {closed[-1].split('] ', 1)[-1] if closed else 'no close line'}")
        print(f"articles of {args.spider} in {args.database}: {articles}; run recorded: "
              f"{'healthy' if run and run.get('healthy') else 'unhealthy' if run else 'none'}")
        status = 0 if closed and "(finished)" in closed[-1] and articles else 1
        if status:
            print("the job's last log lines:\n" + "\n".join(job_log.read_text(errors="replace").splitlines()[-20:]))
    except (RuntimeError, urllib.error.URLError, KeyError) as error:
        print(f"scrapyd-local: {error}", file=sys.stderr)
    finally:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            process.kill()
        print("scrapyd stopped" + (f"; its home is kept: {home}" if args.keep else ""))
        if not args.keep:
            shutil.rmtree(home, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
