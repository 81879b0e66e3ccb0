"""Public notes: the public forms and mailed links, and their workspace pages under /werkplek/.

Mounted by samenspel/urls.py before the workspace and the finder: its paths are more specific than theirs.
"""

from django.urls import path

from samenspel.public_notes.views import public, workspace

app_name = "public_notes"

urlpatterns = [
    path("groep/<slug:slug>/klopt-er-iets-niet/", public.correction, name="correction_form"),
    path("groep/<slug:slug>/klopt-er-iets-niet/verstuurd/", public.correction_sent, name="correction_sent"),
    path("laat-het-me-weten/", public.wish, name="wish"),
    path("laat-het-me-weten/verstuurd/", public.wish_sent, name="wish_sent"),
    path("laat-het-me-weten/bevestigen/<str:token>/", public.wish_confirm, name="wish_confirm"),
    path("laat-het-me-weten/stoppen/<str:token>/", public.wish_withdraw, name="wish_withdraw"),
    path("groep-aanmelden/", public.register, name="register"),
    path("groep-aanmelden/verstuurd/", public.register_sent, name="register_sent"),
    path("groep-aanmelden/bevestigen/<str:token>/", public.registration_confirm, name="registration_confirm"),
    path("werkplek/aanmelding/<uuid:registration_uuid>/", workspace.registration_detail, name="registration"),
    path("werkplek/<slug:slug>/nieuwe-groepen/", workspace.registration_queue, name="registrations"),
    path("werkplek/correctie/<uuid:correction_uuid>/", workspace.correction_detail, name="correction"),
    path("werkplek/groep/<uuid:group_uuid>/correcties/", workspace.group_corrections, name="group_corrections"),
    path("werkplek/<slug:slug>/correcties/", workspace.support_point_corrections, name="corrections"),
    path("werkplek/<slug:slug>/wensen/", workspace.wish_overview, name="wishes"),
    path("werkplek/<slug:slug>/wensen/schrijven/", workspace.wish_broadcast, name="wish_broadcast"),
]
