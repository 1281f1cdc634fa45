"""scrapyd end to end: start scrapyd from the project's environment with deploy/scrapyd.conf (its directories and
port moved into a temp dir) through deploy/scrapyd-start, deploy the project with scrapyd-deploy, let
deploy/scheduler.py enqueue tengrinews in WARC replay mode, wait for the job to finish and find its articles and
its run in the database."""

import base64
import configparser
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
from pymongo import MongoClient

from kznews.sites import SITES
from tests.conftest import ROOT
from tests.tools import minisite

pytestmark = pytest.mark.slow

USER, PASSWORD = "kznews-ops", f"pw-{uuid.uuid4().hex[:12]}"
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def api(url: str, endpoint: str, params: dict | None = None, *, auth=True, post=False) -> dict:
    query = urllib.parse.urlencode(params or {})
    request = urllib.request.Request(
        f"{url}/{endpoint}" + ("" if post or not query else "?" + query),
        data=query.encode() if post else None,
    )
    if auth:
        request.add_header("Authorization", "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode())
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def scrapyd(tmp_path_factory, mongo_uri):
    home = tmp_path_factory.mktemp("scrapyd")
    config = configparser.ConfigParser()
    config.read(ROOT / "deploy" / "scrapyd.conf")
    port = free_port()
    config["scrapyd"].update({
        "http_port": str(port),
        "eggs_dir": str(home / "eggs"),
        "dbs_dir": str(home / "dbs"),
        "logs_dir": str(home / "logs"),
        "poll_interval": "0.5",
        "max_proc": "1",
    })
    with open(home / "scrapyd.conf", "w") as stream:
        config.write(stream)
    database = f"kznews_test_scrapyd_{uuid.uuid4().hex[:8]}"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KZNEWS_HOST_MAP", "WARC_RECORD")}
    env.update({
        "SCRAPYD_USERNAME": USER,
        "SCRAPYD_PASSWORD": PASSWORD,
        "SCRAPYD_HOME": str(home),
        "PYTHON": sys.executable,
        # scrapyd hands its environment to the spider processes
        "MONGO_URI": mongo_uri,
        "MONGO_DATABASE": database,
        "KZNEWS_PROFILE": "local",
        "WARC_REPLAY": str(ROOT / "tests" / "fixtures" / "warc"),
    })
    log = open(home / "scrapyd.log", "wb")  # noqa: SIM115 - closed at teardown
    process = subprocess.Popen([str(ROOT / "deploy" / "scrapyd-start")], cwd=home, env=env, stdout=log,
                               stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            assert api(url, "daemonstatus.json")["status"] == "ok"
            break
        except (urllib.error.URLError, ConnectionError):
            assert process.poll() is None, (home / "scrapyd.log").read_text()
            assert time.monotonic() < deadline, "scrapyd did not answer daemonstatus.json"
            time.sleep(0.3)
    yield {"url": url, "home": home, "database": database, "env": env}
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()
    with MongoClient(mongo_uri) as client:
        client.drop_database(database)


def deploy(scrapyd, tmp_path) -> subprocess.CompletedProcess:
    """scrapyd-deploy from a copy of the project whose scrapy.cfg targets this scrapyd (the repository's target
    with only its URL changed; credentials still come from the environment)."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "kznews", project / "kznews", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "requirements.txt"):  # the egg's metadata, as a clone builds it
        shutil.copy(ROOT / name, project / name)
    config = configparser.ConfigParser(interpolation=None)
    config.read(ROOT / "scrapy.cfg")
    config["deploy"]["url"] = scrapyd["url"]  # no trailing slash
    with open(project / "scrapy.cfg", "w") as stream:
        config.write(stream)
    env = {k: v for k, v in scrapyd["env"].items() if k != "PYTHONPATH"}
    return subprocess.run([str(BIN / "scrapyd-deploy"), "-v", "1000"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=180, check=False)


def schedule_once(scrapyd, *extra):
    env = {**scrapyd["env"], "SCRAPYD_URL": scrapyd["url"]}
    return subprocess.run(
        [sys.executable, str(ROOT / "deploy" / "scheduler.py"), "--once", "--spiders", "tengrinews",
         "-a", "since=2000-01-01", *extra],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )


def test_scrapyd_requires_authentication(scrapyd):
    with pytest.raises(urllib.error.HTTPError) as error:
        api(scrapyd["url"], "daemonstatus.json", auth=False)
    assert error.value.code == 401
    with pytest.raises(urllib.error.HTTPError):
        api(scrapyd["url"], "schedule.json", {"project": "kznews", "spider": "tengrinews"}, auth=False, post=True)


def test_deploy_schedule_and_the_job_stores_its_articles_and_its_run(scrapyd, tmp_path):
    url = scrapyd["url"]
    deployed = deploy(scrapyd, tmp_path)
    assert deployed.returncode == 0, deployed.stdout + deployed.stderr
    answer = json.loads(deployed.stdout)
    assert answer["status"] == "ok" and answer["project"] == "kznews" and answer["spiders"] == len(SITES)
    assert api(url, "listprojects.json")["projects"] == ["kznews"]
    assert set(api(url, "listspiders.json", {"project": "kznews"})["spiders"]) == set(SITES)

    first = schedule_once(scrapyd)
    assert first.returncode == 0, first.stderr
    assert "scheduled tengrinews as job" in first.stderr
    job = first.stderr.split("scheduled tengrinews as job ")[1].split()[0]
    # the job is still pending or running: the next cycle leaves it alone
    second = schedule_once(scrapyd)
    assert second.returncode == 0 and "skip tengrinews: previous job " + job in second.stderr, second.stderr

    deadline = time.monotonic() + 180
    while True:
        jobs = api(url, "listjobs.json", {"project": "kznews"})
        if any(j["id"] == job for j in jobs["finished"]):
            break
        assert time.monotonic() < deadline, jobs
        time.sleep(0.5)
    log = next((scrapyd["home"] / "logs" / "kznews" / "tengrinews").glob(f"{job}.log")).read_text()
    assert "Spider closed (finished)" in log and PASSWORD not in log

    with MongoClient(scrapyd["env"]["MONGO_URI"], tz_aware=True) as client:
        db = client[scrapyd["database"]]
        assert {d["url"] for d in db.articles.find()} == set(minisite.expected_articles("tengrinews"))
        run = db.runs.find_one({"_id": job})
    assert run is not None, "the job recorded no run"
    assert run["job"] == job and run["spider"] == "tengrinews" and run["healthy"] is True, run["failures"]
    assert run["counts"]["replayed"] > 0 and run["counts"]["items"] == 8 and run["profile"] == "local"
    assert run["args"]["since"] == "2000-01-01"


def test_make_scrapyd_local_runs_a_replayed_job_without_root(tmp_path, mongo_uri):
    """deploy/dev/scrapyd_local.py (`make scrapyd-local`): its own scrapyd, the egg, one job replaying the WARC by
    an absolute path (given relative here, from another directory), its outcome, scrapyd stopped."""
    database = f"kznews_test_scrapyd_local_{uuid.uuid4().hex[:8]}"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KZNEWS_HOST_MAP", "WARC_REPLAY")}
    env.update({"MONGO_URI": mongo_uri, "TMPDIR": str(tmp_path)})
    warc = os.path.relpath(ROOT / "tests" / "fixtures" / "warc", tmp_path)
    try:
        done = subprocess.run([sys.executable, str(ROOT / "deploy" / "dev" / "scrapyd_local.py"), "--warc", warc,
                               "--database", database], cwd=tmp_path, env=env, capture_output=True, text=True,
                              timeout=600, check=False)
        assert done.returncode == 0, done.stdout + done.stderr
        assert f"replaying {ROOT / 'tests' / 'fixtures' / 'warc'}" in done.stdout
        assert "Spider closed (finished)" in done.stdout
        assert f"articles of tengrinews in {database}: 8; run recorded: healthy" in done.stdout
        assert done.stdout.rstrip().endswith("scrapyd stopped")
        assert not list(tmp_path.glob("kznews-scrapyd-*"))  # its temporary home is gone
    finally:
        with MongoClient(mongo_uri) as client:
            client.drop_database(database)
    bad = subprocess.run([sys.executable, str(ROOT / "deploy" / "dev" / "scrapyd_local.py"), "--warc", "nowhere"],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60, check=False)
    assert bad.returncode == 2 and "--warc nowhere: no such file or directory" in bad.stderr
