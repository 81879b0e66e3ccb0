"""Open data: the HSDS API (django-ninja, under /api/), Meeting Guide feed, iCalendar feeds, the HSDS profile."""

from django.urls import path

from samenspel.finder.page_cache import Kind, cached_page
from samenspel.opendata import views
from samenspel.opendata.api import api

# No app_name: the ninja API brings its own namespace ("api"); the plain views are named opendata_*.
urlpatterns = [
    # Public feeds: cached whole until the map changes, like the public pages (finder/page_cache.py).
    path("meeting-guide.json", cached_page(Kind.FILE)(views.meeting_guide), name="opendata_meeting_guide"),
    path("calendar.ics", cached_page(Kind.FILE)(views.calendar), name="opendata_calendar"),
    path("hsds/profile/", views.profile, name="opendata_profile"),
    path("hsds/profile/<slug:name>.json", views.profile_schema, name="opendata_profile_schema"),
    path("", api.urls),
]
