from __future__ import annotations

from django import template
from django.http import QueryDict

from samenspel.directory.disclosure import PublicPlace, public_place
from samenspel.directory.models import Location

register = template.Library()


@register.filter(name="public_place")
def public_place_filter(location: Location | None) -> PublicPlace:
    return public_place(location)


@register.simple_tag(takes_context=True)
def query_with(context: template.Context, **changes: object) -> str:
    """The current query string with some parameters changed, for paging links."""
    params: QueryDict = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = str(value)
    return params.urlencode()
