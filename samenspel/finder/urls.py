"""The public pages for citizens. No account anywhere here."""

from django.urls import path

from samenspel.finder.views import flyer, group, question, search

app_name = "finder"

urlpatterns = [
    path("", search.search, name="search"),
    path("lijst/", search.print_list, name="print_list"),
    path("groep/<slug:slug>/", group.group_detail, name="group"),
    path("groep/<slug:slug>/agenda.ics", group.group_ics, name="group_ics"),
    path("groep/<slug:slug>/vraag/", question.ask, name="question"),
    path("groep/<slug:slug>/vraag/verstuurd/", question.sent, name="question_sent"),
    path("groep/<slug:slug>/flyer/", flyer.flyer, name="flyer"),
    path("groep/<slug:slug>/flyer.pdf", flyer.flyer_pdf, name="flyer_pdf"),
]
