"""Sign in by password or by a one-time link by e-mail; two-factor for whom a room requires it (support-point staff)."""

from __future__ import annotations

import base64
from typing import Any
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, get_user_model, login, logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.encoding import force_str
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from samenspel.accounts.decorators import signed_in_without_second_factor
from samenspel.accounts.forms import LanguageForm, MagicLinkForm, PasswordSignInForm, TokenForm
from samenspel.accounts.links import link_minutes, send_sign_in_link
from samenspel.accounts.services import language_of, language_set
from samenspel.accounts.tokens import magic_link_tokens
from samenspel.core import ratelimit

# Only tries that do not sign anyone in count (wrong passwords, link requests), per account and per network
# address separately: a town hall or a support point's office signs in many colleagues from one address, so the
# address gets a higher limit than one account; one person's mistyping never locks out the office.
SIGN_IN_ACCOUNT_LIMIT = 10
SIGN_IN_ADDRESS_LIMIT = 50
SIGN_IN_WINDOW_SECONDS = 15 * 60
# Two-factor codes, per signed-in person.
OTP_LIMIT = 10


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _user_by_email(email: str) -> Any:
    return get_user_model().objects.filter(email__iexact=email, is_active=True).order_by("id").first()


def _address_key(request: HttpRequest) -> str:
    return f"signin:address:{ratelimit.client_key(request)}"


def _account_key(email: str) -> str:
    # The address as typed, whether or not it has an account: the limit itself must not tell who has one.
    return f"signin:account:{ratelimit.hashed(email.strip().lower())}"


def _may_try(request: HttpRequest, email: str | None) -> bool:
    """Whether this address, and the account tried if any, are still under their limits of failed tries."""
    if not ratelimit.within(_address_key(request), SIGN_IN_ADDRESS_LIMIT, SIGN_IN_WINDOW_SECONDS):
        return False
    return email is None or ratelimit.within(_account_key(email), SIGN_IN_ACCOUNT_LIMIT, SIGN_IN_WINDOW_SECONDS)


def _count_failed_try(request: HttpRequest, email: str) -> None:
    ratelimit.hit(_address_key(request), SIGN_IN_ADDRESS_LIMIT, SIGN_IN_WINDOW_SECONDS)
    ratelimit.hit(_account_key(email), SIGN_IN_ACCOUNT_LIMIT, SIGN_IN_WINDOW_SECONDS)


def sign_in(request: HttpRequest) -> HttpResponse:
    password_form = PasswordSignInForm(prefix="pw")
    link_form = MagicLinkForm(prefix="link")
    status = 200
    error = ""
    too_many = _("Too many tries. Wait a quarter of an hour and try again.")
    if request.method == "POST":
        if not _may_try(request, None):
            error = too_many
            status = 429
        elif "send_link" in request.POST:
            link_form = MagicLinkForm(request.POST, prefix="link")
            if link_form.is_valid():
                email = link_form.cleaned_data["email"]
                # Checked and counted alike for known and unknown addresses, so the answer tells nothing; every
                # request counts, which also caps how many links one mailbox can be sent.
                if not _may_try(request, email):
                    error = too_many
                    status = 429
                else:
                    _count_failed_try(request, email)
                    user = _user_by_email(email)
                    if user is not None:
                        _send_magic_link(request, user, _next_url(request))
                    # The same answer whether or not the address is known: no one learns who has an account.
                    return render(request, "accounts/link_sent.html", {"minutes": link_minutes()})
        else:
            password_form = PasswordSignInForm(request.POST, prefix="pw")
            if password_form.is_valid() and not _may_try(request, password_form.cleaned_data["email"]):
                error = too_many
                status = 429
            elif password_form.is_valid():
                found = _user_by_email(password_form.cleaned_data["email"])
                user = (
                    authenticate(
                        request, username=found.get_username(), password=password_form.cleaned_data["password"]
                    )
                    if found
                    else None
                )
                if user is not None:
                    login(request, user)
                    return redirect(_next_url(request))
                _count_failed_try(request, password_form.cleaned_data["email"])
                error = _("That e-mail address and password do not match.")
                status = 400
    context = {"password_form": password_form, "link_form": link_form, "error": error, "next": _next_url(request)}
    return render(request, "accounts/sign_in.html", context, status=status)


def _send_magic_link(request: HttpRequest, user: Any, next_url: str) -> None:
    send_sign_in_link(
        request, user, next_url=next_url, intro=_("Open this link to sign in to the Samenspel workspace:")
    )


def _user_for_link(uidb64: str, token: str) -> Any:
    try:
        pk = force_str(urlsafe_base64_decode(uidb64))
        user = get_user_model().objects.filter(pk=pk, is_active=True).first()
    except (ValueError, TypeError, OverflowError):
        return None
    return user if user is not None and magic_link_tokens.check_token(user, token) else None


def sign_in_link(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """GET shows a button; only POST signs in, because mail scanners open links and would use them up."""
    user = _user_for_link(uidb64, token)
    if user is None:
        return render(request, "accounts/link_invalid.html", {"minutes": link_minutes()}, status=400)
    if request.method == "POST":
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect(_next_url(request))
    return render(request, "accounts/link_confirm.html", {"next": _next_url(request)})


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect(settings.LOGIN_URL)


@signed_in_without_second_factor
def otp_setup(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    if user_has_device(user):
        return redirect(f"{reverse('accounts:otp_verify')}?{urlencode({'next': _next_url(request)})}")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Samenspel", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", _("That code is not right. Check the time on your phone and try again."))
    secret = _base32(device.bin_key)
    qr = segno.make(device.config_url, error="m").svg_inline(scale=4, title=_("QR code for your app"))
    context = {"form": form, "secret": secret, "qr": qr, "next": _next_url(request)}
    return render(request, "accounts/otp_setup.html", context)


def _base32(key: bytes) -> str:
    raw = base64.b32encode(key).decode().rstrip("=")
    # Groups of four are easier to type over from a screen.
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


@signed_in_without_second_factor
def otp_verify(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    if not user_has_device(user):
        return redirect(f"{reverse('accounts:otp_setup')}?{urlencode({'next': _next_url(request)})}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not ratelimit.hit(f"otp:{user.pk}", OTP_LIMIT, SIGN_IN_WINDOW_SECONDS):
            form.add_error("token", _("Too many tries. Wait a quarter of an hour and try again."))
        else:
            for device in TOTPDevice.objects.filter(user=user, confirmed=True):
                if device.verify_token(form.cleaned_data["token"]):
                    otp_login(request, device)
                    return redirect(_next_url(request))
            form.add_error("token", _("That code is not right. Check the time on your phone and try again."))
    return render(request, "accounts/otp_verify.html", {"form": form, "next": _next_url(request)})


@signed_in_without_second_factor
def language_page(request: HttpRequest) -> HttpResponse:
    """The person's own choice of the language Samenspel e-mails them in (invitations, notices)."""
    form = LanguageForm(request.POST or None, initial={"language": language_of(request.user)})
    if request.method == "POST" and form.is_valid():
        language_set(user=request.user, language=form.cleaned_data["language"])
        messages.success(request, _("Saved. Samenspel now e-mails you in this language."))
        return redirect("accounts:language")
    return render(request, "accounts/language.html", {"form": form})
