"""./run's steps on an empty database, and settings that fail closed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Each test runs ./run or imports the settings in a process of its own, on its own SQLite file: the same on both passes.
pytestmark = pytest.mark.own_database


def clean_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "SECRET_KEY"}}
    env.update({"SAMENSPEL_VAR_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path / 'run.sqlite3'}"})
    env.update(extra)
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_run_sets_up_an_empty_database_serves_the_demo_region_and_is_idempotent(tmp_path: Path) -> None:
    env = clean_env(tmp_path, RUN_NO_SERVER="1")
    first = subprocess.run(["./run"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr[-2000:]
    assert "http://127.0.0.1:8000/" in first.stdout
    assert "user 'beheer', password '" in first.stdout
    password = first.stdout.split("password '")[1].split("'")[0]

    again = subprocess.run(["./run"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr[-2000:]
    assert "already has groups" in again.stdout
    assert f"password '{password}'" in again.stdout  # the same login, not a new one

    port = free_port()
    server = subprocess.Popen(
        ["./run"], cwd=ROOT, env=clean_env(tmp_path, PORT=str(port)), stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        body = ""
        for _ in range(60):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as resp:
                    body = resp.read().decode()
                break
            except OSError:
                time.sleep(0.5)
        assert 'class="search-form"' in body
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/?q=rouw&place=Eindhoven", timeout=5) as resp:
            results = resp.read().decode()
        assert 'class="result"' in results  # the demo region is searchable
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DEBUG": "0"}, "SECRET_KEY is not set"),
        ({"DEBUG": "1", "ALLOWED_HOSTS": "samenspel.nl"}, "DEBUG is on while ALLOWED_HOSTS"),
    ],
)
def test_production_settings_fail_closed(tmp_path: Path, env: dict[str, str], message: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import samenspel.settings"],
        cwd=ROOT,
        env=clean_env(tmp_path, **env),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert message in result.stderr


def test_production_settings_start_with_a_secret_and_no_debug(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import samenspel.settings as s; print(s.DEBUG, s.SESSION_COOKIE_SECURE)"],
        cwd=ROOT,
        env=clean_env(tmp_path, SECRET_KEY="x" * 50, ALLOWED_HOSTS="samenspel.nl"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False True"
