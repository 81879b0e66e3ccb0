"""What the public may see of a group: one place for the disclosure rules.

Every public page, feed and export asks these functions, so an area-only or
on-request address never leaks through a second code path.
"""

from __future__ import annotations

import dataclasses

from django.utils.translation import gettext as _

from samenspel.directory.models import Disclosure, Location


@dataclasses.dataclass(frozen=True)
class PublicPlace:
    label: str  # one line for lists: "Buurthuis De Boog, Eindhoven" / "Eindhoven (area)" / "Online"
    street: str = ""  # only for public addresses
    postcode: str = ""  # full postcode only for public addresses, else empty
    municipality: str = ""
    latitude: float | None = None  # exact only for public addresses; area: rounded to about 1 km
    longitude: float | None = None
    on_request: bool = False
    online: bool = False
    accessibility: tuple[str, ...] = ()


def public_place(location: Location | None) -> PublicPlace:
    if location is None or location.disclosure == Disclosure.ONLINE:
        return PublicPlace(label=_("Online"), online=True)
    features = tuple(
        text
        for flag, text in (
            (location.wheelchair_accessible, _("Wheelchair accessible")),
            (location.hearing_loop, _("Hearing loop")),
            (location.quiet_room, _("Quiet room")),
            (location.childcare, _("Childcare")),
        )
        if flag
    )
    if location.disclosure == Disclosure.PUBLIC:
        return PublicPlace(
            label=", ".join(p for p in (location.name, location.municipality) if p),
            street=location.street,
            postcode=location.postcode,
            municipality=location.municipality,
            latitude=location.latitude,
            longitude=location.longitude,
            accessibility=features,
        )
    # Area-only and on request: the place name and a blurred point, the address from the contact point.
    blurred = location.public_coordinates()
    if location.disclosure == Disclosure.AREA:
        label = _("In %(place)s (exact address from the contact point)")
    else:
        label = _("Location on request, near %(place)s")
    return PublicPlace(
        label=label % {"place": location.municipality},
        municipality=location.municipality,
        latitude=blurred[0],
        longitude=blurred[1],
        on_request=True,
        accessibility=features,
    )
