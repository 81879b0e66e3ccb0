"""A web process hides its long-lived objects from the garbage collector after its first requests (core/memory.py),
so that no visitor's request waits for a full collection of them."""

from __future__ import annotations

import gc
import itertools
from collections.abc import Iterator

import pytest
from django.test import Client

from samenspel.core import memory


@pytest.fixture
def fresh_process(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This test process as if it had just started: nothing counted, nothing frozen; unfrozen again afterwards."""
    gc.unfreeze()
    monkeypatch.setattr(memory, "_served", itertools.count(1))
    yield
    gc.unfreeze()


@pytest.mark.django_db
def test_after_its_first_requests_a_process_freezes_what_it_keeps_and_only_once(
    client: Client, settings, fresh_process: None
) -> None:
    settings.GC_FREEZE_AFTER_REQUESTS = 3
    kept = object()  # something the process holds on to, like a compiled template
    gc.collect()
    client.get("/healthz")
    client.get("/healthz")
    assert gc.get_freeze_count() == 0
    client.get("/healthz")
    frozen = gc.get_freeze_count()
    assert frozen > 1000  # the process's objects, not a handful
    made_later = [{"n": n} for n in range(5000)]  # objects of later requests stay the collector's to handle
    for _ in range(3):
        client.get("/healthz")
    assert gc.get_freeze_count() < frozen + len(made_later)  # frozen once per process, not every third request
    assert kept is not None


@pytest.mark.django_db
def test_with_zero_nothing_is_ever_frozen(client: Client, settings, fresh_process: None) -> None:
    settings.GC_FREEZE_AFTER_REQUESTS = 0
    for _ in range(5):
        client.get("/healthz")
    assert gc.get_freeze_count() == 0
