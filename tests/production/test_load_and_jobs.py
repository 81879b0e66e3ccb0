"""bench/load.py sends load to loopback only; deploy/daily is safe to run twice."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench import load

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.mark.parametrize(
    "base", ["http://10.0.0.1:8000", "http://192.0.2.1", "https://127.0.0.1:8000", "ftp://localhost"]
)
def test_the_load_generator_refuses_targets_off_this_machine(base: str) -> None:
    with pytest.raises(load.NotLoopback):
        load.loopback_target(base)
    assert load.main(["--base", base, "--seconds", "1"]) == 2


def test_the_load_generator_accepts_loopback_and_bounds_its_run() -> None:
    assert load.loopback_target("http://127.0.0.1:8000") == ("127.0.0.1", 8000)
    assert load.loopback_target("http://localhost:9") == ("localhost", 9)
    with pytest.raises(ValueError, match="seconds up to"):
        load.run("http://127.0.0.1:9", clients=1, seconds=load.MAX_SECONDS + 1)


@pytest.mark.own_database  # on its own SQLite file
def test_the_daily_jobs_run_twice_without_harm(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DEBUG"}}
    env.update(
        {
            "DATABASE_URL": f"sqlite:///{tmp_path / 'daily.sqlite3'}",
            "SECRET_KEY": "daily-test-key-" + "x" * 40,
            "SAMENSPEL_VAR_DIR": str(tmp_path),
            "PYTHON": sys.executable,
        }
    )
    subprocess.run([sys.executable, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True, timeout=300)
    for _ in range(2):
        result = subprocess.run(
            [str(ROOT / "deploy" / "daily")], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
        )
        assert result.returncode == 0, result.stderr[-3000:]
