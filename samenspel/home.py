"""A person's home: every room they hold, each room asked through its own small access function.

It lives at project level because it looks into every room (workspace, referral, insight; later key persons
and learning), and no room may look into its peers. Each room shows its part with its own template, so the
page's shell (accounts/home.html) names no room. Mounted at /werkplek/ by samenspel/urls.py.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from samenspel.insight.access import municipalities_for_user
from samenspel.network.access import key_person_of
from samenspel.referral.access import professional_of
from samenspel.workspace.access import contacts_for_user, memberships_for_user
from samenspel.workspace.decorators import signed_in

# The rooms' parts, in the order the page shows them.
ROOMS = [
    "workspace/_home.html",
    "volunteering/_home.html",
    "facilities/_home.html",
    "insight/_home.html",
    "referral/_home.html",
    "network/_home.html",
    "spaces/_home.html",
    "learning/_home.html",
    "instruments/_home.html",
    "instruments/reports/_home.html",
]


@signed_in
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    memberships = list(memberships_for_user(user))
    contacts = list(contacts_for_user(user))
    professional = professional_of(user)
    municipalities = list(municipalities_for_user(user))
    key_person = key_person_of(user)
    context = {
        "rooms": ROOMS,
        "memberships": memberships,
        "contacts": contacts,
        "professional": professional,
        "municipalities": municipalities,
        "key_person": key_person,
        "holds_nothing": not (memberships or contacts or professional or municipalities or key_person),
    }
    return render(request, "accounts/home.html", context)
