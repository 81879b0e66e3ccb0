"""The API's response shapes, for the OpenAPI document.

They describe what hsds.py produces (HSDS 3.0 plus the Samenspel profile);
extra fields are allowed, as in HSDS itself. The conformance tests check the
real output against the official HSDS JSON Schemas.
"""

from __future__ import annotations

from typing import Any

from ninja import Schema
from pydantic import ConfigDict, Field


class Open(Schema):
    model_config = ConfigDict(extra="allow")


class ApiInfo(Schema):
    version: str = Field(description="HSDS version of this API.")
    profile: str = Field(description="URL of the Samenspel HSDS profile.")
    openapi_url: str = Field(description="URL of the OpenAPI document of this API.")


class PageEnvelope(Schema):
    total_items: int
    total_pages: int
    page_number: int
    size: int
    first_page: bool
    last_page: bool
    empty: bool


class Phone(Open):
    id: str
    number: str


class Address(Open):
    id: str
    address_1: str
    city: str
    state_province: str
    postal_code: str
    country: str
    address_type: str


class Location(Open):
    id: str
    location_type: str
    name: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    disclosure: str = Field(description="Samenspel profile: public, area, on_request or online.")
    addresses: list[Address] = []


class ServiceAtLocation(Open):
    id: str
    service_id: str
    location_id: str
    location: Location


class Taxonomy(Open):
    id: str
    name: str
    description: str
    version: str | None = None


class TaxonomyTerm(Open):
    id: str
    code: str | None = None
    name: str
    description: str
    parent_id: str | None = None
    taxonomy_id: str | None = None
    translations: dict[str, dict[str, str]] = {}


class Organization(Open):
    id: str
    name: str
    description: str
    email: str | None = None
    website: str | None = None
    phones: list[Phone] = []
    translations: dict[str, dict[str, str]] = {}


class Service(Open):
    id: str
    name: str
    status: str
    organization_id: str | None = None
    description: str | None = None
    url: str | None = None
    email: str | None = None
    minimum_age: int | None = None
    maximum_age: int | None = None
    last_modified: str | None = None
    translations: dict[str, dict[str, str]] = Field(default={}, description="Samenspel profile.")
    audience: str = Field(description="Samenspel profile: affected, relatives or both.")
    gender: str = Field(description="Samenspel profile: everyone, women, men or described.")
    intake: str = Field(description="Samenspel profile: just_come, contact_first, trial or set_moments.")
    lifecycle_stage: str = Field(description="Samenspel profile: looking, active or paused on the public map.")


class ServiceFull(Service):
    organization: Organization | None = None
    contacts: list[dict[str, Any]] = []
    phones: list[Phone] = []
    schedules: list[dict[str, Any]] = []
    service_at_locations: list[ServiceAtLocation] = []
    languages: list[dict[str, Any]] = []
    attributes: list[dict[str, Any]] = []


class ServicePage(PageEnvelope):
    contents: list[Service]


class OrganizationPage(PageEnvelope):
    contents: list[Organization]


class ServiceAtLocationPage(PageEnvelope):
    contents: list[ServiceAtLocation]


class TaxonomyPage(PageEnvelope):
    contents: list[Taxonomy]


class TaxonomyTermPage(PageEnvelope):
    contents: list[TaxonomyTerm]


class Message(Schema):
    detail: Any


class MeetingGuideMeeting(Open):
    name: str
    slug: str
    day: int
    time: str
    end_time: str
    types: list[str]
    updated: str
    url: str


class ImportProblem(Schema):
    record_type: str = Field(description="services, organization, location, schedule, taxonomy_term, ...")
    record_id: str
    field: str
    message: str


class UnknownTerm(Schema):
    id: str
    code: str
    name: str
    suggestions: list[str] = Field(description="Slugs of Samenspel themes that look alike.")


class ImportReport(Schema):
    dry_run: bool
    committed: bool = Field(description="True only when everything was written (one transaction).")
    created: dict[str, int]
    updated: dict[str, int]
    unchanged: dict[str, int] = Field(
        default_factory=dict, description="Of the updated records, those the file did not change (nothing written)."
    )
    errors: list[ImportProblem] = Field(description="Any error means nothing was written.")
    warnings: list[ImportProblem]
    unknown_terms: list[UnknownTerm] = Field(description="Map each with map=TERM=THEME before committing.")
