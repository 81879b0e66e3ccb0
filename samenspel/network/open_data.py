"""The help services of the key persons' social map as HSDS services in the open data (opendata/extra.py).

What goes out is what a service says publicly: its name, what it offers, for whom (conditions), how to apply,
the area, the languages spoken, its website and its role address and phone. The named first contact person, their
direct line and work address, and the tips for key persons never leave the network: an HSDS contact here is the
role ("Contact point") with the service's own address. A support point can keep a service out altogether
(open_data off). The Samenspel profile marks these services with service_kind "help_service" and help_topic.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from samenspel.network.models import HelpService
from samenspel.opendata import hsds, ids

Json = dict[str, Any]


def _query() -> Any:
    return HelpService.objects.open_data().select_related("provider").prefetch_related("languages").order_by("pk")


def service(help_service: HelpService, url_for: hsds.UrlFor, texts: hsds.Texts) -> Json:
    service_id = str(help_service.uuid)
    contact_id = ids.derived("contact", service_id)
    phones = [hsds.phone(help_service.role_phone, service_id, service_id=service_id)] if help_service.role_phone else []
    result = hsds.compact(
        {
            "id": service_id,
            "organization_id": str(help_service.provider.uuid),
            "name": help_service.name,
            "description": help_service.description,
            "url": help_service.website,
            "email": help_service.role_email,
            "status": "active",
            "application_process": help_service.procedure,
            "eligibility_description": help_service.conditions,
            "last_modified": hsds.timestamp(help_service.updated_at),
            # Samenspel profile: what it requires of every service, as it holds for a service of an institution
            # (for the people it concerns, everyone, get in touch first, active), and what marks this kind.
            "audience": "affected",
            "gender": "everyone",
            "intake": "contact_first",
            "lifecycle_stage": "active",
            "service_kind": "help_service",
            "help_topic": help_service.topic,
            "service_area": help_service.area,
        }
    )
    result["organization"] = hsds.organization(help_service.provider)
    if phones:
        result["phones"] = phones
    result["contacts"] = (
        [
            hsds.compact(
                {
                    "id": contact_id,
                    "service_id": service_id,
                    "name": texts.contact_point,  # the role, never the named person (they stay in the network)
                    "email": help_service.role_email,
                    "phones": [hsds.phone(help_service.role_phone, contact_id, contact_id=contact_id)]
                    if help_service.role_phone
                    else [],
                }
            )
        ]
        if help_service.role_email or help_service.role_phone
        else []
    )
    result["service_at_locations"] = []
    result["schedules"] = []
    result["languages"] = [hsds.language(lang, service_id) for lang in help_service.languages.all()]
    result["attributes"] = []
    return result


def every(url_for: hsds.UrlFor, texts: hsds.Texts) -> Iterator[Json]:
    for help_service in _query().iterator(chunk_size=500):
        yield service(help_service, url_for, texts)


def one(service_id: str, url_for: hsds.UrlFor, texts: hsds.Texts) -> Json | None:
    found = _query().filter(uuid=service_id).first()
    return service(found, url_for, texts) if found is not None else None
