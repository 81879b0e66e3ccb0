"""The public pages for citizens. No account anywhere here."""

from django.urls import path

from samenspel.finder.page_cache import Kind, cached_page
from samenspel.finder.views import flyer, group, question, search

app_name = "finder"

urlpatterns = [
    path("", cached_page(Kind.SEARCH)(search.search), name="search"),
    path("lijst/", cached_page(Kind.SEARCH)(search.print_list), name="print_list"),
    path("groep/<slug:slug>/", cached_page(Kind.PAGE)(group.group_detail), name="group"),
    path("groep/<slug:slug>/agenda.ics", cached_page(Kind.FILE)(group.group_ics), name="group_ics"),
    path("groep/<slug:slug>/vraag/", question.ask, name="question"),
    path("groep/<slug:slug>/vraag/verstuurd/", question.sent, name="question_sent"),
    path("groep/<slug:slug>/flyer/", cached_page(Kind.PAGE)(flyer.flyer), name="flyer"),
    path("groep/<slug:slug>/flyer.pdf", cached_page(Kind.FILE)(flyer.flyer_pdf), name="flyer_pdf"),
]
