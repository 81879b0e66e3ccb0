import logging

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database answers; 503 with a reason when it does not, so a load balancer takes the
    instance out of rotation instead of showing visitors an error page."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as exc:  # a pool timeout is not a DatabaseError, and any failure here means "not healthy"
        logger.warning("health check: database unavailable: %s", exc)
        # A broken connection must not be reused by the next request on this thread.
        if isinstance(exc, DatabaseError):
            connection.close_if_unusable_or_obsolete()
        return JsonResponse({"status": "unavailable", "reason": "database", "detail": type(exc).__name__}, status=503)
    return JsonResponse({"status": "ok"})


# What search engines may read: the public map, yes; anything behind a sign-in, a person's own answers and the
# online spaces, no. Pages there also say noindex themselves; this keeps polite crawlers from asking at all.
ROBOTS = "\n".join(
    [
        "User-agent: *",
        "Disallow: /werkplek/",
        "Disallow: /admin/",
        "Disallow: /ruimte/",
        "Disallow: /deelname-gesprek/",
        "Disallow: /vragenlijst/",
        "",
    ]
)


def robots_txt(request: HttpRequest) -> HttpResponse:
    return HttpResponse(ROBOTS, content_type="text/plain; charset=utf-8")
