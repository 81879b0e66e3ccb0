"""The learning room, under /leren/."""

from django.urls import path

from samenspel.learning import calendar_views, intervision_views, knowledge_views, plan_views, views

app_name = "learning"

urlpatterns = [
    path("", views.my_courses, name="mine"),
    path("cursus/<uuid:run_uuid>/", views.run_detail, name="run"),
    path("cursus/<uuid:run_uuid>/inschrijven/", views.enrol, name="enrol"),
    path("cursus/<uuid:run_uuid>/afmelden/", views.withdraw, name="withdraw"),
    path("cursus/<uuid:run_uuid>/agenda.ics", views.run_ics, name="run_ics"),
    path("cursus/<uuid:run_uuid>/presentie/", views.attendance, name="attendance"),
    path("cursus/<uuid:run_uuid>/presentie/<int:number>/", views.attendance_session, name="attendance_session"),
    path("cursus/<uuid:run_uuid>/certificaat/", views.certificate_make, name="certificate_make"),
    path("cursus/<uuid:run_uuid>/evaluatie/", views.evaluate, name="evaluate"),
    path("certificaat/<uuid:certificate_uuid>.pdf", views.certificate_pdf, name="certificate_pdf"),
    path("certificaat/<uuid:certificate_uuid>/", views.certificate_check, name="certificate_check"),
    path("cursus/<uuid:run_uuid>/intervisie/", intervision_views.intervision_start, name="intervision_start"),
    path("intervisie/<uuid:group_uuid>/", intervision_views.intervision_detail, name="intervision"),
    path("intervisie/<uuid:group_uuid>/meedoen/", intervision_views.intervision_join, name="intervision_join"),
    path("intervisie/<uuid:group_uuid>/bijeenkomst/", intervision_views.meeting_add, name="intervision_meeting"),
    path("intervisie/<uuid:group_uuid>/casus/", intervision_views.case_note_add, name="intervision_note"),
    path("materiaal/<uuid:material_uuid>/", views.material, name="material"),
    path("agenda/", calendar_views.training_calendar, name="calendar"),
    path("agenda.ics", calendar_views.training_calendar_ics, name="calendar_ics"),
    path("agenda/<slug:slug>/", calendar_views.training_calendar, name="calendar_sp"),
    path("agenda/<slug:slug>.ics", calendar_views.training_calendar_ics, name="calendar_sp_ics"),
    path("kennis/", knowledge_views.knowledge_index, name="knowledge"),
    path("kennis/nakijken/", knowledge_views.knowledge_review, name="knowledge_review"),
    path("kennis/nakijken/<uuid:edit_uuid>/", knowledge_views.knowledge_review_decide, name="knowledge_review_decide"),
    path("kennis/<slug:slug>/", knowledge_views.knowledge_page, name="knowledge_page"),
    path("kennis/<slug:slug>/bewerken/", knowledge_views.knowledge_edit, name="knowledge_edit"),
    path("plannen/", plan_views.plans, name="plans"),
    path("plan/<uuid:plan_uuid>/", plan_views.plan_detail, name="plan"),
    path("plan/<uuid:plan_uuid>/bewerken/", plan_views.plan_edit, name="plan_edit"),
    path("plan/<uuid:plan_uuid>/pdf/", plan_views.plan_pdf, name="plan_pdf"),
    path("plan/<uuid:plan_uuid>/begroting/", plan_views.budget_add, name="budget_add"),
    path("plan/<uuid:plan_uuid>/begroting/<int:line_id>/weg/", plan_views.budget_remove, name="budget_remove"),
    path("plan/<uuid:plan_uuid>/delen/", plan_views.plan_share, name="plan_share"),
    path("plan/<uuid:plan_uuid>/aanvraag/", plan_views.application_new, name="application_new"),
    path("aanvraag/<uuid:application_uuid>/", plan_views.application_update, name="application_update"),
    path("fondsen/", plan_views.fund_registry, name="funds"),
    path("steunpunt/<slug:slug>/fondsen/", plan_views.funds_manage, name="funds_manage"),
    path("steunpunt/<slug:slug>/", views.overview, name="overview"),
    path("steunpunt/<slug:slug>/sjabloon/<uuid:template_uuid>/", views.template_detail, name="template"),
    path("steunpunt/<slug:slug>/sjabloon/<uuid:template_uuid>/kopie/", views.template_copy, name="template_copy"),
    path("steunpunt/<slug:slug>/sjabloon/<uuid:template_uuid>/bewerken/", views.template_edit, name="template_edit"),
    path(
        "steunpunt/<slug:slug>/sjabloon/<uuid:template_uuid>/sessie/<int:number>/",
        views.session_edit,
        name="session_edit",
    ),
    path(
        "steunpunt/<slug:slug>/sjabloon/<uuid:template_uuid>/sessie/<int:number>/materiaal/",
        views.material_upload,
        name="material_upload",
    ),
    path("steunpunt/<slug:slug>/nieuw/<uuid:template_uuid>/", views.run_new, name="run_new"),
    path("steunpunt/<slug:slug>/cursus/<uuid:run_uuid>/", views.run_manage, name="run_manage"),
    path("steunpunt/<slug:slug>/cursus/<uuid:run_uuid>/status/", views.run_status, name="run_status"),
    path(
        "steunpunt/<slug:slug>/cursus/<uuid:run_uuid>/sessie/<int:number>/",
        views.run_session_change,
        name="run_session_change",
    ),
]
