"""Real mail servers on loopback for tests: a sink that keeps what it receives, and one that hangs.

The sink is aiosmtpd's SMTP server (the reference asyncio implementation), so messages go over a real socket
with Django's SMTP backend, as in production.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.test import override_settings


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Sink:
    port: int
    messages: list[Message] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.content)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 OK"

    def to(self, address: str) -> list[Message]:
        return [m for m in self.messages if address in m["X-Envelope-To"]]


def smtp_settings(port: int) -> override_settings:
    return override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
        EMAIL_HOST_USER="",
        EMAIL_HOST_PASSWORD="",
        EMAIL_TIMEOUT=2,
    )


@pytest.fixture
def smtp_sink() -> Iterator[Sink]:
    """A real SMTP server on loopback; Django sends to it. `sink.messages` holds what arrived."""
    sink = Sink(port=_free_port())
    controller = Controller(sink, hostname="127.0.0.1", port=sink.port)
    controller.start()
    try:
        with smtp_settings(sink.port):
            yield sink
    finally:
        controller.stop()


@dataclass
class HangingServer:
    port: int
    connections: int = 0
    stop: threading.Event = field(default_factory=threading.Event)


@pytest.fixture
def hanging_smtp() -> Iterator[HangingServer]:
    """A mail server that accepts connections and never answers, like one that hangs."""
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.2)
    server = HangingServer(port=int(listener.getsockname()[1]))
    held: list[socket.socket] = []

    def accept() -> None:
        while not server.stop.is_set():
            try:
                conn, _addr = listener.accept()
            except TimeoutError:
                continue
            server.connections += 1
            held.append(conn)  # never answered, never closed until the end

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        with smtp_settings(server.port):
            yield server
    finally:
        server.stop.set()
        thread.join(timeout=2)
        for conn in held:
            conn.close()
        listener.close()
