from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from samenspel.directory.models import Group


def home(request: HttpRequest) -> HttpResponse:
    groups = Group.objects.public().select_related("location").prefetch_related("themes")[:50]
    return render(request, "core/home.html", {"groups": groups, "count": Group.objects.public().count()})


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
