"""Online group spaces under /ruimte/. Mounted by samenspel/urls.py."""

from django.urls import path

from samenspel.spaces import manage, views

app_name = "spaces"

urlpatterns = [
    path("meedoen/", views.join_code, name="join_code"),
    path("meedoen/<str:code>/", views.join_link, name="join_link"),
    path("terug/", views.come_back, name="come_back"),
    path("terug/link/<str:token>/", views.sign_in_link, name="link"),
    path("beheer/groep/<uuid:group_uuid>/", manage.group_space, name="manage_group"),
    path("beheer/steunpunt/<slug:slug>/", manage.theme_spaces, name="manage_themes"),
    path("beheer/<uuid:space_uuid>/", manage.manage, name="manage"),
    path("beheer/<uuid:space_uuid>/code/", manage.make_code, name="make_code"),
    path("beheer/<uuid:space_uuid>/sluiten/", manage.close, name="close"),
    path("<uuid:space_uuid>/", views.space, name="space"),
    path("<uuid:space_uuid>/aanmelden/", views.join, name="join"),
    path("<uuid:space_uuid>/welkom/", views.welcome, name="welcome"),
    path("<uuid:space_uuid>/gesprek/<int:thread_id>/", views.thread, name="thread"),
    path("<uuid:space_uuid>/gesprek/<int:thread_id>/stand.json", views.thread_state, name="thread_state"),
    path("<uuid:space_uuid>/bericht/<int:post_id>/melden/", views.report, name="report"),
    path("<uuid:space_uuid>/ik/", views.me, name="me"),
    path("<uuid:space_uuid>/ik/mijn-berichten.json", views.export, name="export"),
    path("<uuid:space_uuid>/ik/verwijderen/", views.leave, name="leave"),
    path("<uuid:space_uuid>/ik/uitloggen/", views.sign_out, name="sign_out"),
    path("<uuid:space_uuid>/moderatie/", views.moderation, name="moderation"),
    path("<uuid:space_uuid>/moderatie/bericht/<int:post_id>/", views.moderate_post, name="moderate_post"),
    path("<uuid:space_uuid>/moderatie/lid/<int:member_id>/", views.moderate_member, name="moderate_member"),
]
