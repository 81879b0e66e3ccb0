"""Sign-in for everyone. Mounted by samenspel/urls.py under /werkplek/, where the links already mailed point."""

from django.urls import path

from samenspel.accounts import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.sign_in, name="login"),
    path("inloggen/link/<str:uidb64>/<str:token>/", views.sign_in_link, name="login_link"),
    path("uitloggen/", views.sign_out, name="logout"),
    path("tweestaps/instellen/", views.otp_setup, name="otp_setup"),
    path("tweestaps/", views.otp_verify, name="otp_verify"),
    path("mijn-taal/", views.language_page, name="language"),
]
