from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", include("samenspel.core.urls")),
    path("api/", include("samenspel.opendata.urls")),
    path("werkplek/", include("samenspel.workspace.urls")),
    path("verwijzen/", include("samenspel.referral.urls")),
    path("gemeente/", include("samenspel.insight.urls")),
    path("", include("samenspel.finder.urls")),
]
