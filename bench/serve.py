"""Start bin/serve (migrate, collectstatic, gunicorn) in a subprocess, wait until it answers, and stop it again.

One way to run the production server for the smoke test (bench/smoke.py) and the production tests
(tests/production/).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class ServeError(RuntimeError):
    """bin/serve stopped or did not answer; the message ends with its log."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str, timeout: float = 10) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body; an HTTP error status is an answer too."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.status, dict(resp.headers.items()), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers.items()), err.read()


@contextmanager
def serve(tmp_path: Path, database_url: str, *, start_seconds: float = 180, **env: str) -> Iterator[str]:
    """bin/serve on a free loopback port; yields its base URL. Production settings: DEBUG off, a secret key."""
    port = free_port()
    environ = {
        k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environ.update(
        {
            "DATABASE_URL": database_url,
            "SECRET_KEY": "production-test-key-" + "x" * 40,
            "SAMENSPEL_VAR_DIR": str(tmp_path / "var"),
            "STATIC_ROOT": str(tmp_path / "static"),
            "BIND": f"127.0.0.1:{port}",
            "WEB_WORKERS": "1",
            "WEB_THREADS": "2",
            "WEB_ACCESS_LOG": "/dev/null",
            "PYTHON": str(ROOT / ".venv" / "bin" / "python"),
        }
    )
    environ.update(env)
    log = (tmp_path / "serve.log").open("wb")
    process = subprocess.Popen(
        [str(ROOT / "bin" / "serve")],
        cwd=ROOT,
        env=environ,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_seconds
        while True:
            if process.poll() is not None:
                raise ServeError("bin/serve stopped:\n" + (tmp_path / "serve.log").read_text()[-3000:])
            try:
                if get(base + "/healthz", timeout=2)[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise ServeError("bin/serve did not answer:\n" + (tmp_path / "serve.log").read_text()[-3000:])
            time.sleep(0.3)
        yield base
    finally:
        # gunicorn stops its workers on TERM; the whole session, in case migrate or collectstatic still runs.
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        log.close()
