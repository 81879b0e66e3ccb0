from django.contrib import admin
from django.urls import include, path

from samenspel import home
from samenspel.opendata import workspace_views as opendata_workspace_views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", include("samenspel.core.urls")),
    path("api/", include("samenspel.opendata.urls")),
    # Pages that belong to no one room share the workspace's /werkplek/ prefix, where people and their mailed
    # links already go. They come before the workspace, whose `<slug>/` would otherwise take "inloggen/".
    path("werkplek/", home.home, name="home"),
    path("werkplek/", include("samenspel.accounts.urls")),
    path("werkplek/<slug:slug>/api-sleutels/", opendata_workspace_views.api_keys, name="api_keys"),
    path("werkplek/", include("samenspel.workspace.urls")),
    path("verwijzen/", include("samenspel.referral.urls")),
    path("gemeente/", include("samenspel.insight.urls")),
    path("", include("samenspel.finder.urls")),
]
