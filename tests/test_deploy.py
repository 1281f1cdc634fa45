"""The deployment files: the compose file parsed and validated by docker-compose (no Docker engine needed), the
scrapyd configuration and its start script, the Dockerfile, the systemd units, the MongoDB users, scrapy.cfg's
deploy target and the build leftovers git ignores."""

import configparser
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

DEPLOY = ROOT / "deploy"
COMPOSE = DEPLOY / "docker-compose.yml"


def compose_config(env: dict[str, str], *extra: str) -> subprocess.CompletedProcess:
    binary = shutil.which("docker-compose")
    assert binary, "docker-compose is missing: `make system-packages` installs Debian's docker-compose"
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("MONGO", "KZNEWS", "SCRAPYD", "REDIS"))}
    return subprocess.run([binary, "-f", str(COMPOSE), *extra, "config"], env={**clean, **env},
                          capture_output=True, text=True, timeout=120, check=False, cwd=DEPLOY)


def yaml_to_json(text: str) -> dict:
    """docker-compose is a Python program with a YAML parser: its own interpreter reads its output."""
    shebang = Path(shutil.which("docker-compose")).read_text(errors="replace").splitlines()[0]
    python = shebang.lstrip("#!").strip().split()[0]
    result = subprocess.run([python, "-c", "import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))"],
                            input=text, capture_output=True, text=True, timeout=60, check=True)
    return json.loads(result.stdout)


def env_example() -> dict[str, str]:
    pairs = {}
    for line in (DEPLOY / "env.example").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, value = line.split("=", 1)
            pairs[name] = value
    return pairs


# --- docker-compose ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def compose():
    result = compose_config(env_example())
    assert result.returncode == 0, result.stderr
    return yaml_to_json(result.stdout)


def test_compose_has_mongodb_with_authentication_scrapyd_and_the_scheduler(compose):
    services = compose["services"]
    assert set(services) == {"mongo", "scrapyd", "scheduler"}

    mongo = services["mongo"]
    assert re.fullmatch(r"mongo:\d+(\.\d+)*", mongo["image"])  # the official image
    assert "--auth" in mongo["command"]
    assert mongo["environment"]["MONGO_INITDB_ROOT_PASSWORD"] == "change-me-root"
    assert any(v.endswith(":/docker-entrypoint-initdb.d:ro") for v in mongo["volumes"])
    assert all(str(p).startswith("127.0.0.1:") for p in mongo["ports"])

    scrapyd = services["scrapyd"]
    assert scrapyd["build"]["dockerfile"] == "deploy/Dockerfile" and Path(scrapyd["build"]["context"]) == ROOT
    env = scrapyd["environment"]
    # the crawler connects as its own least-privilege user, never as root
    assert env["MONGO_URI"] == "mongodb://kznews:change-me-crawler@mongo:27017/kznews?authSource=kznews"
    assert (env["SCRAPYD_USERNAME"], env["SCRAPYD_PASSWORD"]) == ("kznews", "change-me-scrapyd")
    assert all(str(p).startswith("127.0.0.1:") for p in scrapyd["ports"])
    assert scrapyd["depends_on"]["mongo"]["condition"] == "service_healthy"

    scheduler = services["scheduler"]
    assert scheduler["command"][-1] == "/opt/kznews/scheduler.py"
    assert scheduler["environment"]["SCRAPYD_URL"] == "http://scrapyd:6800"  # no trailing slash
    assert any(v.startswith(str(DEPLOY / "scheduler.py")) for v in scheduler["volumes"])
    assert set(compose["volumes"]) == {"mongo-data", "scrapyd-dbs", "scrapyd-logs"}


def test_compose_holds_no_secret_and_refuses_to_start_without_passwords():
    text = COMPOSE.read_text()
    for value in env_example().values():
        if "change-me" in value:
            assert value not in text
    result = compose_config({})
    assert result.returncode != 0
    assert "in deploy/.env" in result.stderr and "PASSWORD" in result.stderr


def test_mongo_init_gives_the_crawler_read_write_on_its_database_only():
    script = (DEPLOY / "mongo-init" / "10-kznews-users.js").read_text()
    roles = re.findall(r'role:\s*"(\w+)"', script)
    assert roles == ["readWrite", "read"]
    assert "process.env.KZNEWS_MONGO_PASSWORD" in script and "db: dbName" in script
    for broad in ("root", "dbOwner", "dbAdmin", "userAdmin", "clusterAdmin", "AnyDatabase"):
        assert broad not in re.sub(r"//.*", "", script)


# --- scrapyd ------------------------------------------------------------------------------------------------


def test_scrapyd_conf_binds_localhost_and_keeps_no_credentials():
    config = configparser.ConfigParser()
    config.read(DEPLOY / "scrapyd.conf")
    section = config["scrapyd"]
    assert section["bind_address"] == "127.0.0.1" and section["http_port"] == "6800"
    assert section["username"] == "" and section["password"] == ""  # SCRAPYD_USERNAME/SCRAPYD_PASSWORD
    for key in ("eggs_dir", "dbs_dir", "logs_dir"):
        assert section[key].startswith("/")
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    assert section["eggs_dir"] + "/kznews/" in dockerfile
    for key in ("dbs_dir", "logs_dir"):
        assert section[key] in dockerfile


def test_scrapyd_start_refuses_to_run_without_authentication(tmp_path):
    env = {"PATH": os.environ["PATH"], "SCRAPYD_HOME": str(tmp_path)}
    result = subprocess.run([str(DEPLOY / "scrapyd-start")], env=env, capture_output=True, text=True, timeout=30,
                            check=False)
    assert result.returncode == 64 and "SCRAPYD_USERNAME" in result.stderr
    result = subprocess.run([str(DEPLOY / "scrapyd-start")], capture_output=True, text=True, timeout=30, check=False,
                            env={**env, "SCRAPYD_USERNAME": "a:b", "SCRAPYD_PASSWORD": "x"})
    assert result.returncode == 64 and "':'" in result.stderr


def test_scrapyd_start_creates_its_home_and_resolves_a_relative_python_before_changing_directory(tmp_path):
    """docs/operations.md as written: SCRAPYD_HOME that does not exist yet, PYTHON=.venv/bin/python."""
    workdir = tmp_path / "checkout"
    (workdir / ".venv" / "bin").mkdir(parents=True)
    # a stand-in interpreter that records where and how scrapyd-start ran it
    fake = workdir / ".venv" / "bin" / "python"
    fake.write_text('#!/bin/sh\nprintf "%s\\n" "$(pwd)" "$@" > "$SCRAPYD_HOME/ran"\n')
    fake.chmod(0o755)
    home = tmp_path / "var" / "lib" / "scrapyd"
    env = {"PATH": os.environ["PATH"], "SCRAPYD_HOME": str(home), "SCRAPYD_USERNAME": "ops", "SCRAPYD_PASSWORD": "x",
           "PYTHON": ".venv/bin/python"}
    result = subprocess.run([str(DEPLOY / "scrapyd-start")], cwd=workdir, env=env, capture_output=True, text=True,
                            timeout=30, check=False)
    assert result.returncode == 0, result.stderr
    cwd, *args = (home / "ran").read_text().splitlines()
    assert cwd == str(home) and args[:2] == ["-m", "scrapyd"]
    missing = subprocess.run([str(DEPLOY / "scrapyd-start")], cwd=tmp_path, env=env, capture_output=True, text=True,
                             timeout=30, check=False)
    assert missing.returncode == 64 and "is not an executable interpreter" in missing.stderr
    (tmp_path / "locked").mkdir(mode=0o500)
    if os.geteuid() != 0:  # root writes anywhere
        denied = subprocess.run([str(DEPLOY / "scrapyd-start")], cwd=workdir, capture_output=True, text=True,
                                timeout=30, check=False, env={**env, "SCRAPYD_HOME": str(tmp_path / "locked" / "x")})
        assert denied.returncode == 73 and "cannot create or write SCRAPYD_HOME" in denied.stderr


def test_scrapy_cfg_deploy_target_has_no_trailing_slash_and_credentials_from_the_environment(monkeypatch):
    from scrapyd_client.utils import _get_targets

    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("SCRAPYD_USERNAME", "ops")
    monkeypatch.setenv("SCRAPYD_PASSWORD", "pw")
    target = _get_targets()["default"]
    assert target["url"] == "http://127.0.0.1:6800" and not target["url"].endswith("/")
    assert (target["project"], target["username"], target["password"]) == ("kznews", "ops", "pw")


def test_scrapyd_deploy_leftovers_are_ignored_by_git():
    paths = ["setup.py", "build/lib/kznews/settings.py", "project.egg-info/PKG-INFO", "kznews.egg-info/x",
             "deploy/.env"]
    result = subprocess.run(["git", "check-ignore", *paths], cwd=ROOT, capture_output=True, text=True, check=False)
    assert sorted(result.stdout.split()) == sorted(paths)


def test_dockerfile_builds_scrapyd_with_chromium_and_the_project():
    text = (DEPLOY / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.11-slim-bookworm$", text, re.M)
    assert re.search(r"apt-get install[^\n]*\bchromium\b", text)
    assert "-r requirements.txt scrapyd scrapyd-client -c constraints.txt" in text
    assert "scrapyd-deploy --build-egg" in text and "COPY kznews ./kznews" in text
    assert "COPY deploy/scrapyd.conf /etc/scrapyd/scrapyd.conf" in text and 'CMD ["scrapyd-start"]' in text
    assert re.search(r"^USER scrapyd$", text, re.M)
    for source in re.findall(r"^COPY (\S+(?: \S+)*) \S+$", text, re.M):
        for path in source.split():
            assert (ROOT / path).exists(), path
    pins = (ROOT / "constraints.txt").read_text()
    assert "scrapyd==" in pins and "scrapyd-client==" in pins


# --- systemd ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("unit", ["scrapyd.service", "kznews-scheduler.service"])
def test_systemd_units(unit):
    config = configparser.ConfigParser(strict=False, interpolation=None)
    config.optionxform = str
    config.read(DEPLOY / "systemd" / unit)
    assert {"Unit", "Service", "Install"} <= set(config.sections())
    service = config["Service"]
    assert service["User"] == "kznews" and service["EnvironmentFile"] == "/etc/kznews/kznews.env"
    script = service["ExecStart"].split()[-1]
    assert script.startswith("/opt/kznews/") and (ROOT / script.removeprefix("/opt/kznews/")).exists()
    assert service["Restart"] in ("on-failure", "always")
    assert config["Install"]["WantedBy"] == "multi-user.target"


def test_system_packages_target_installs_what_the_tests_use():
    makefile = (ROOT / "Makefile").read_text()
    target = makefile.split("system-packages:", 1)[1].split("\n\n", 1)[0]
    for package in ("chromium", "redis-server", "docker-compose"):
        assert f"command -v {package}" in target and f"apt-get install -y -qq {package}" in target


def test_the_virtualenv_is_created_after_debians_python3_venv_is_installed():
    makefile = (ROOT / "Makefile").read_text()
    recipe = makefile.split("$(STAMP): $(REQS)", 1)[1].split("\n\n", 1)[0]
    installs, creates = recipe.index("apt-get install -y -qq python3-venv"), recipe.index("python3 -m venv $(VENV)")
    assert 'python3 -c "import ensurepip, venv"' in recipe and installs < creates
    # then the package itself, editable and without touching the pinned requirements (tests/test_packaging.py)
    assert recipe.index("-r requirements-dev.txt") < recipe.index("--no-deps --no-build-isolation -e .")


def test_every_make_target_the_readme_lists_exists():
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text()
    listed = set(re.findall(r"`make ([a-z][a-z-]*)`", readme))
    defined = set(re.findall(r"^([a-z][a-z-]*):", makefile, re.MULTILINE))
    assert listed and listed <= defined, listed - defined


def test_reprint_sweep_timer():
    service = configparser.ConfigParser(strict=False, interpolation=None)
    service.optionxform = str
    service.read(DEPLOY / "systemd" / "kznews-link-reprints.service")
    assert service["Service"]["Type"] == "oneshot" and service["Service"]["User"] == "kznews"
    command = service["Service"]["ExecStart"].split()
    assert command[1:4] == ["-m", "kznews", "link-reprints"]
    timer = configparser.ConfigParser(strict=False, interpolation=None)
    timer.read(DEPLOY / "systemd" / "kznews-link-reprints.timer")
    assert timer["Timer"]["OnCalendar"] == "hourly" and timer["Install"]["WantedBy"] == "timers.target"


@pytest.mark.slow
def test_localdb_start_uri_and_stop_say_what_they_did(tmp_path):
    """`make db-start` / `make db-uri` / `make db-stop` (deploy/dev/localdb.py) in a state directory of the test's own."""
    import sys

    env = {**os.environ, "KZNEWS_LOCALDB_DIR": str(tmp_path / "state")}

    def localdb(command: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, str(DEPLOY / "dev" / "localdb.py"), command], env=env,
                              capture_output=True, text=True, timeout=120, check=False)

    nothing = localdb("uri")
    assert nothing.returncode == 1 and "no local database is running" in nothing.stderr and nothing.stdout == ""
    started = localdb("start")
    try:
        assert started.returncode == 0 and re.fullmatch(r"mongodb://127\.0\.0\.1:\d+\n", started.stdout), started
        assert localdb("uri").stdout == started.stdout  # hand-run commands reach the same database
        assert localdb("start").stdout == started.stdout  # already running: the same one, not a second
    finally:
        stopped = localdb("stop")
    assert stopped.returncode == 0 and stopped.stdout.startswith("stopped the local database " + started.stdout.strip())
    again = localdb("stop")
    assert again.returncode == 0 and again.stdout == "no local database was running\n"
    assert localdb("uri").returncode == 1
