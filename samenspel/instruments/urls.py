"""The instruments: the public matrix conversation, and its counts in the workspace."""

from django.urls import include, path

from samenspel.instruments import inventory_views, selfcheck_views, survey_views, views

app_name = "instruments"

urlpatterns = [
    path("deelname-gesprek/", views.conversation, name="conversation"),
    path("deelname-gesprek/pdf/", views.result_pdf, name="result_pdf"),
    path("deelname-gesprek/meetellen/", views.contribute, name="contribute"),
    path("deelname-gesprek/<slug:slug>/", views.conversation, name="conversation_sp"),
    path("deelname-gesprek/<slug:slug>/pdf/", views.result_pdf, name="result_pdf_sp"),
    path("deelname-gesprek/<slug:slug>/meetellen/", views.contribute, name="contribute_sp"),
    path("werkplek/<slug:slug>/deelnamefactoren/", views.figures, name="figures"),
    path("vragenlijst/", survey_views.survey_start, name="survey_start"),
    path("vragenlijst/<str:code>/", survey_views.survey, name="survey"),
    path("werkplek/groep/<uuid:group_uuid>/vragenlijst/", survey_views.group_survey, name="group_survey"),
    path("werkplek/<slug:slug>/vragenlijst/", survey_views.support_point_survey, name="survey_overview"),
    path("werkplek/gemeente/<slug:slug>/vragenlijst/", survey_views.municipality_survey, name="survey_municipality"),
    path("werkplek/groep/<uuid:group_uuid>/inventarisatie/", inventory_views.group_inventory, name="group_inventory"),
    path("werkplek/<slug:slug>/inventarisatie/", inventory_views.support_point_inventory, name="inventory_overview"),
    path("werkplek/groep/<uuid:group_uuid>/zelftoets/", selfcheck_views.group_selfcheck, name="group_selfcheck"),
    path("werkplek/<slug:slug>/zelftoets/<str:kind>/", selfcheck_views.support_point_selfcheck, name="selfcheck"),
    path("", include("samenspel.instruments.reports.urls")),
]
