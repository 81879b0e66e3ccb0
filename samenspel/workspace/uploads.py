"""Refuse an upload that is too big while it streams in, before it is received in full or stored.

Two doors, both before any byte of the file is kept:
- the declared length of the request (Content-Length) is checked before the body is read at all;
- the bytes of every file are counted as they arrive, and the upload stops at the limit (for a request
  whose declared length is just within bounds while its file is not).
"""

from __future__ import annotations

from typing import Any

from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest

# Room for the other form fields and the multipart boundaries around the file.
FORM_OVERHEAD_BYTES = 64 * 1024


class UploadLimit(FileUploadHandler):
    """First in the chain of upload handlers: passes each chunk on, and stops the upload past the limit."""

    def __init__(self, request: HttpRequest, *, limit: int) -> None:
        super().__init__(request)
        self.limit = limit
        self.received = 0
        self.too_big = False

    def declared_too_big(self) -> bool:
        try:
            declared = int(self.request.META.get("CONTENT_LENGTH") or 0)  # type: ignore[union-attr]
        except ValueError:
            declared = 0
        self.too_big = declared > self.limit + FORM_OVERHEAD_BYTES
        return self.too_big

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received += len(raw_data)
        if self.received > self.limit:
            self.too_big = True
            # Stop reading the request: the rest of the file is never received. The handlers after this
            # one close (and so delete) what they began to store.
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size: int) -> Any:
        return None  # the next handler (memory or temporary file) makes the file
