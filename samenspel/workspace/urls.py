"""The workspace for support points and group contact persons, under /werkplek/.

Fixed paths come before `<slug>/`, so a support point's slug cannot shadow them. The person's home (/werkplek/),
sign-in (samenspel.accounts) and the API-key page (samenspel.opendata) share the /werkplek/ prefix but are
mounted by samenspel/urls.py, ahead of this file.
"""

from django.urls import path

from samenspel.workspace.views import check, dashboard, group, imports, people, platform, questions, support

app_name = "workspace"

urlpatterns = [
    path("nieuw-steunpunt/", platform.support_point_new, name="support_point_new"),
    path("check/<str:token>/", check.freshness_check, name="check"),
    path("check/wijzigen/<str:token>/", check.check_edit, name="check_edit"),
    path("groep/<uuid:group_uuid>/", group.group_detail, name="group"),
    path("groep/<uuid:group_uuid>/bewerken/", group.group_edit, name="group_edit"),
    path("groep/<uuid:group_uuid>/status/", group.group_status, name="group_status"),
    path("groep/<uuid:group_uuid>/vertalen/", group.group_translate, name="group_translate"),
    path("groep/<uuid:group_uuid>/gebeurtenis/", group.group_event, name="group_event"),
    path("groep/<uuid:group_uuid>/bevestigen/", group.group_verify_now, name="group_verify"),
    path("groep/<uuid:group_uuid>/ondersteuning/", support.facilitation_create, name="facilitation_create"),
    path("ondersteuning/<uuid:request_uuid>/status/", support.facilitation_status, name="facilitation_status"),
    path("groep/<uuid:group_uuid>/contactpersonen/", people.contact_add, name="contact_add"),
    path("groep/<uuid:group_uuid>/contactpersonen/<int:user_id>/weg/", people.contact_remove, name="contact_remove"),
    path("wijziging/<uuid:change_uuid>/", group.change_detail, name="change"),
    path("wijziging/<uuid:change_uuid>/goedkeuren/", group.change_approve, name="change_approve"),
    path("wijziging/<uuid:change_uuid>/afwijzen/", group.change_reject, name="change_reject"),
    path("vraag/<str:ref>/", questions.question_detail, name="question"),
    path("vraag/<str:ref>/antwoorden/", questions.question_answer, name="question_answer"),
    path("vraag/<str:ref>/status/", questions.question_status, name="question_status"),
    path("<slug:slug>/", dashboard.dashboard, name="dashboard"),
    path("<slug:slug>/wijzigingen/", dashboard.review_queue, name="review_queue"),
    path("<slug:slug>/vertalingen/", dashboard.translation_wanted, name="translation_wanted"),
    path("<slug:slug>/vragen/", questions.inbox, name="inbox"),
    path("<slug:slug>/ondersteuning/", support.facilitation_list, name="facilitation_list"),
    path("<slug:slug>/voorlichtingen/", support.information_sessions, name="information_sessions"),
    path(
        "<slug:slug>/voorlichtingen/<uuid:session_uuid>/aantal/",
        support.information_session_attendees,
        name="information_session_attendees",
    ),
    path("<slug:slug>/import/", imports.import_upload, name="import_upload"),
    path("<slug:slug>/import/<uuid:batch_uuid>/", imports.import_batch, name="import_batch"),
    path("<slug:slug>/import/<uuid:batch_uuid>/status.json", imports.import_status, name="import_status"),
    path("<slug:slug>/import/<uuid:batch_uuid>/verslag.csv", imports.import_report, name="import_report"),
    path("<slug:slug>/import/sjabloon.<str:kind>", imports.import_template, name="import_template"),
    path("<slug:slug>/export/groepen.csv", imports.export_groups, name="export_groups"),
    path("<slug:slug>/mensen/", people.members, name="members"),
    path("<slug:slug>/mensen/<int:user_id>/weg/", people.member_remove, name="member_remove"),
    path("<slug:slug>/instellingen/", dashboard.settings_page, name="settings"),
]
