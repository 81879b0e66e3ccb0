"""Start Django for a benchmark run as `python -m bench.<name>`: import this first.

The production settings (not the test settings): benchmarks measure what a server does.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def start(*, default_database_url: str = "") -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samenspel.settings")
    os.environ.setdefault("SECRET_KEY", "bench")
    if default_database_url:
        os.environ.setdefault("DATABASE_URL", default_database_url)
    import django

    django.setup()
