"""Signals a room may send for another to count, without either importing the other.

`search_done`: the public finder ran a search for a visitor (sent once per results page, not for cached pages).
Keyword arguments: `results` (directory.search.Results) and `language` (the visitor's interface language). A
receiver must keep nothing of the words typed (instruments/demand.py counts recognised themes only).
"""

from __future__ import annotations

from django.dispatch import Signal

search_done = Signal()
