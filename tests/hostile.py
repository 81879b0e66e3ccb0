"""Hostile input, shared by the form, API and importer tests: bidi controls, lone surrogates, NUL,
10,000-character values, "nan"/"inf" and format strings, alone and mixed with ordinary text.

Django's test client encodes text strictly and cannot send a lone surrogate; `post_raw` and `get_raw`
encode as a browser or a script would send such bytes (UTF-8 with surrogates passed through).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from django.http import HttpResponse
from django.test import Client
from hypothesis import strategies as st

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
LONE_SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff", "\ud83d"]  # the last: half of an emoji
SPECIAL_VALUES = [
    "nan",
    "NaN",
    "inf",
    "-inf",
    "Infinity",
    "1e309",
    "%s%n{0}",
    "%(message)s{0!r}{}",
    "\x00",
    "a\x00b",
    *LONE_SURROGATES,
    "\u2066061234567\u2069",
    "\u202e8765432160",
    "x" * 10_000,
]

_piece = st.one_of(
    st.sampled_from(SPECIAL_VALUES),
    st.text(alphabet=st.sampled_from([*BIDI_CONTROLS, *LONE_SURROGATES, "\x00", "0", "6", "+", " "]), max_size=6),
    st.text(max_size=12),
)
#: One hostile value: special values, mixtures of controls and digits, ordinary text around them.
hostile_text = st.one_of(
    st.sampled_from(SPECIAL_VALUES),
    st.lists(_piece, min_size=1, max_size=5).map("".join),
    _piece.map(lambda s: ((s or "x") * (10_000 // max(len(s), 1) + 1))[:10_000]),
)


def _encode(value: str) -> str:
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


def form_body(data: dict[str, str]) -> str:
    return "&".join(f"{_encode(k)}={_encode(v)}" for k, v in data.items())


def post_raw(client: Client, path: str, data: dict[str, str]) -> HttpResponse:
    """POST a form as bytes, whatever the values hold."""
    return client.post(path, data=form_body(data), content_type="application/x-www-form-urlencoded")


def get_raw(client: Client, path: str, data: dict[str, str]) -> HttpResponse:
    return client.get(path, QUERY_STRING=form_body(data))


def post_json(client: Client, path: str, document: Any, **extra: Any) -> HttpResponse:
    """JSON with lone surrogates as \\uXXXX escapes, which is valid JSON."""
    return client.post(path, data=json.dumps(document), content_type="application/json", **extra)
