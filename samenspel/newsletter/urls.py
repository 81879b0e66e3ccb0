"""The newsletter: the public sign-up, confirm and unsubscribe pages, and the support point's pages under /werkplek/.

Mounted by samenspel/urls.py before the workspace, whose `<slug>/` would take these paths otherwise.
"""

from django.urls import path

from samenspel.newsletter import views

app_name = "newsletter"

urlpatterns = [
    path("steunpunt/<slug:slug>/nieuwsbrief/", views.subscribe, name="subscribe"),
    path("steunpunt/<slug:slug>/nieuwsbrief/aangemeld/", views.subscribed, name="subscribed"),
    path("nieuwsbrief/bevestigen/<str:token>/", views.confirm, name="confirm"),
    path("nieuwsbrief/afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("werkplek/<slug:slug>/nieuwsbrief/", views.issues, name="issues"),
    path("werkplek/<slug:slug>/nieuwsbrief/nieuw/", views.compose, name="compose"),
    path("werkplek/nieuwsbrief/<uuid:issue_uuid>/", views.issue_detail, name="issue"),
    path("werkplek/nieuwsbrief/<uuid:issue_uuid>/krant.pdf", views.issue_pdf, name="issue_pdf"),
]
