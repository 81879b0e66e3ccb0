from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from samenspel import home
from samenspel.core import views as core_views
from samenspel.opendata import workspace_views as opendata_workspace_views

urlpatterns = [
    path("admin/", admin.site.urls),
    # The language switch needs no CSRF token: choosing a language is no harm to anyone, and a token would
    # make every public page differ per visitor and so uncacheable (finder/page_cache.py).
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("healthz", include("samenspel.core.urls")),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("api/", include("samenspel.opendata.urls")),
    # Pages that belong to no one room share the workspace's /werkplek/ prefix, where people and their mailed
    # links already go. They come before the workspace, whose `<slug>/` would otherwise take "inloggen/".
    path("werkplek/", home.home, name="home"),
    # Public notes: public forms and their workspace queues; more specific paths than the workspace's and finder's.
    path("", include("samenspel.public_notes.urls")),
    # Volunteers of a support point: its public page and its workspace pages; more specific than the workspace's.
    path("", include("samenspel.volunteering.urls")),
    path("", include("samenspel.cooperation.urls")),  # support points together: forwarding, neighbours, national list
    path("", include("samenspel.facilities.urls")),  # rooms: /werkplek/<slug>/zalen/ and requests
    path(
        "", include("samenspel.presentations.urls")
    ),  # presentations for teams: /presentaties/, /werkplek/<slug>/presentaties/
    path(
        "", include("samenspel.newsletter.urls")
    ),  # newsletter: /steunpunt/<slug>/nieuwsbrief/, /nieuwsbrief/, /werkplek/
    path("", include("samenspel.instruments.urls")),
    path("werkplek/", include("samenspel.accounts.urls")),
    path("werkplek/<slug:slug>/api-sleutels/", opendata_workspace_views.api_keys, name="api_keys"),
    path("werkplek/", include("samenspel.workspace.urls")),
    path("verwijzen/", include("samenspel.referral.urls")),
    path("gemeente/", include("samenspel.insight.urls")),
    path("netwerk/", include("samenspel.network.urls")),
    path("ruimte/", include("samenspel.spaces.urls")),
    path("leren/", include("samenspel.learning.urls")),
    path("", include("samenspel.finder.urls")),
]
