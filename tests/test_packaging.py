"""The project is installable: pyproject.toml declares the package, its dependencies (requirements.txt) and the
`kznews` command, which then works from any directory; scrapyd-deploy's eggs carry the dependencies' names and
the settings entry point scrapyd needs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent


def project_copy(tmp_path: Path) -> Path:
    """What a fresh clone holds for building (built apart, so no build/ or egg-info lands in the checkout)."""
    source = tmp_path / "src"
    shutil.copytree(ROOT / "kznews", source / "kznews", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "requirements.txt", "scrapy.cfg"):
        shutil.copy(ROOT / name, source / name)
    return source


def requirement_names() -> set[str]:
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    return {line.split("==")[0].strip().lower() for line in lines if line.strip() and not line.startswith("#")}


def test_installed_kznews_command_works_from_any_directory(tmp_path):
    source, site = project_copy(tmp_path), tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                    "--disable-pip-version-check", "--target", str(site), str(source)],
                   check=True, capture_output=True, text=True, timeout=300)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("SCRAPY_SETTINGS_MODULE",)}
    env["PYTHONPATH"] = str(site)  # the installed copy, not the checkout
    listed = subprocess.run([str(site / "bin" / "kznews"), "sites"], cwd=elsewhere, env=env, capture_output=True,
                            text=True, timeout=120, check=False)
    assert listed.returncode == 0, listed.stderr
    assert "tengrinews" in listed.stdout and "liter" in listed.stdout
    # the crawl command finds the project's settings without a scrapy.cfg nearby: a bad setting is refused by
    # kznews' own check, which only runs with kznews' settings module
    refused = subprocess.run([str(site / "bin" / "kznews"), "crawl", "--sites", "tengrinews", "-s",
                              "MONGO_BATCH_SIZE=abc"], cwd=elsewhere, env=env, capture_output=True, text=True,
                             timeout=120, check=False)
    assert refused.returncode == 2 and "MONGO_BATCH_SIZE='abc'" in refused.stderr, refused.stderr
    where = subprocess.run([sys.executable, "-c", "import kznews; print(kznews.__file__)"], cwd=elsewhere, env=env,
                           capture_output=True, text=True, timeout=60, check=True)
    assert where.stdout.startswith(str(site))
    metadata = next(site.glob("kznews-*.dist-info"))
    requires = {line.split(":", 1)[1].strip().split("==")[0].lower()
                for line in (metadata / "METADATA").read_text().splitlines() if line.startswith("Requires-Dist:")}
    assert requires == requirement_names()
    entry_points = (metadata / "entry_points.txt").read_text()
    assert "kznews = kznews.cli:main" in entry_points and "settings = kznews.settings" in entry_points


def test_scrapyd_egg_carries_the_dependencies_names_and_the_settings_entry_point(tmp_path):
    source = project_copy(tmp_path)
    egg = tmp_path / "kznews.egg"
    built = subprocess.run([str(BIN / "scrapyd-deploy"), "--build-egg", str(egg)], cwd=source, capture_output=True,
                           text=True, timeout=300, check=False)
    assert built.returncode == 0, built.stderr
    with zipfile.ZipFile(egg) as archive:
        requires = archive.read("EGG-INFO/requires.txt").decode()
        entry_points = archive.read("EGG-INFO/entry_points.txt").decode()
        names = archive.namelist()
    assert {line.split("==")[0].lower() for line in requires.split() if line} == requirement_names()
    assert "[scrapy]" in entry_points and "settings = kznews.settings" in entry_points
    assert "kznews/settings/__init__.py" in names and "kznews/sites/tengrinews.py" in names


def test_make_setup_installs_the_kznews_command_into_the_virtualenv(tmp_path):
    """After `make setup` (pip install -e . --no-deps): `.venv/bin/kznews` works from any directory."""
    command = BIN / "kznews"
    if not command.exists():
        pytest.skip("the package is not installed in this virtualenv yet: `make setup` installs it")
    listed = subprocess.run([str(command), "sites"], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                            check=False, env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"})
    assert listed.returncode == 0, listed.stderr
    assert "tengrinews" in listed.stdout
