"""Services beside the peer groups that other rooms add to the open data as HSDS services.

A room (for example network/, the help around a key person's question: debt help, language, housing) registers
a source in its AppConfig.ready(). The export (ndjson, JSON, CSV) carries what the sources yield after the groups,
and the API's /hsds/services/{id} finds them by id. The paged /hsds/services list stays the peer groups: its
filters and ranking are the map's. Each source decides what is public; this module only passes it on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from samenspel.opendata.hsds import Texts, UrlFor

Json = dict[str, Any]
# (url_for, texts) -> every public service, fully nested as hsds.service_full builds them
AllServices = Callable[["UrlFor", "Texts"], Iterable[Json]]
# (id, url_for, texts) -> that one service, or None
OneService = Callable[[str, "UrlFor", "Texts"], Json | None]

_sources: list[tuple[AllServices, OneService]] = []


def register(every: AllServices, one: OneService) -> None:
    if (every, one) not in _sources:
        _sources.append((every, one))


def services(url_for: UrlFor, texts: Texts) -> Iterator[Json]:
    for every, _one in _sources:
        yield from every(url_for, texts)


def service(service_id: str, url_for: UrlFor, texts: Texts) -> Json | None:
    for _every, one in _sources:
        found = one(service_id, url_for, texts)
        if found is not None:
            return found
    return None
