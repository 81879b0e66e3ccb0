"""Volunteering: the public page and the volunteer's own link, and the support point's pages under /werkplek/.

Mounted by samenspel/urls.py before the workspace, whose `<slug>/` would take these paths otherwise.
"""

from django.urls import path

from samenspel.volunteering.views import public, workspace

app_name = "volunteering"

urlpatterns = [
    path("steunpunt/<slug:slug>/vrijwilliger-worden/", public.volunteer, name="volunteer"),
    path("steunpunt/<slug:slug>/vrijwilliger-worden/verstuurd/", public.sent, name="sent"),
    path("vrijwilliger/mijn-gegevens/<str:token>/", public.own_data, name="own_data"),
    path("werkplek/<slug:slug>/vrijwilligers/", workspace.queue, name="queue"),
    path("werkplek/<slug:slug>/vrijwilligers/rollen/", workspace.roles, name="roles"),
    path("werkplek/<slug:slug>/vrijwilligers/rollen/<uuid:role_uuid>/", workspace.role_edit, name="role"),
    path("werkplek/vrijwilliger/<uuid:volunteer_uuid>/", workspace.volunteer_detail, name="volunteer_detail"),
    path("werkplek/vrijwilliger/<uuid:volunteer_uuid>/gegevens.json", workspace.volunteer_export, name="export"),
    path("werkplek/vrijwilliger/<uuid:volunteer_uuid>/bedankbrief.pdf", workspace.thank_you_letter, name="letter"),
]
