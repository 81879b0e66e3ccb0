"""No table holds a client's contact details without a consent flag and a deletion date; details are encrypted."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, connection, models
from django.test import override_settings
from django.utils import timezone

from samenspel.core import crypto
from samenspel.referral.models import Handover, HandoverKind, HandoverStatus, ReferralCount
from samenspel.referral.services import handover_set_status

# Field names that would hold who a client is, in any app: they may only exist as encrypted fields.
CLIENT_FIELD_WORDS = ("client", "patient")


def _encrypted_fields(model: type[models.Model]) -> list[str]:
    return [f.name for f in model._meta.get_fields() if isinstance(f, crypto.EncryptedTextField)]


# People who chose to be known to a support point for as long as they take part (a volunteer in a trial or a role)
# have no deletion date while they do; their constraint sets one the moment they stop (volunteering/models.py).
KEPT_WHILE_ACTIVE = {"Volunteer"}


def test_every_model_with_client_details_has_consent_and_a_deletion_date() -> None:
    with_details = [model for model in apps.get_models() if _encrypted_fields(model)]
    assert Handover in with_details, "the handover's details must be encrypted fields"
    for model in with_details:
        fields = {f.name: f for f in model._meta.get_fields()}
        checks = [str(c.condition) for c in model._meta.constraints if isinstance(c, models.CheckConstraint)]
        consent_at = fields.get("consent_at")
        if isinstance(consent_at, models.DateTimeField):
            # Consent recorded with its moment: a row cannot exist without it.
            assert not consent_at.null, f"{model.__name__} may lack its consent"
        else:
            assert isinstance(fields.get("consent"), models.BooleanField), f"{model.__name__} has no consent flag"
            assert any("consent" in c for c in checks), f"{model.__name__} does not require consent"
        delete_after = fields.get("delete_after")
        assert isinstance(delete_after, models.DateField), f"{model.__name__} has no deletion date"
        if model.__name__ in KEPT_WHILE_ACTIVE:
            assert any("delete_after" in c for c in checks), f"{model.__name__} may stop without a deletion date"
        else:
            assert not delete_after.null, f"{model.__name__} may lack a deletion date"


def test_no_other_table_has_a_field_named_after_a_client() -> None:
    for model in apps.get_models():
        for field in model._meta.get_fields():
            name = field.name.lower()
            if any(word in name for word in CLIENT_FIELD_WORDS):
                pytest.fail(f"{model._meta.label}.{field.name} looks like it holds a client")


def test_the_referral_app_keeps_no_plain_personal_field_outside_the_handover() -> None:
    """Counts, codes, shortlists: none of them has room for a name, phone number or e-mail of a client."""
    for model in apps.get_app_config("referral").get_models():
        if model is Handover:
            continue
        text_fields = {
            f.name
            for f in model._meta.get_fields()
            if isinstance(f, (models.CharField, models.TextField)) and not f.choices
        }
        # Professionals' own organisation, support points' role address and domains, and codes are not clients.
        assert text_fields <= {"organisation", "domain", "email", "phone", "note", "code"}, model.__name__
        if text_fields & {"email", "phone", "note"}:
            assert model._meta.model_name == "referralcontact"


@pytest.mark.django_db
def test_the_details_are_encrypted_in_the_database(handover: Handover) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT contact_name, contact_phone, contact_email, note FROM referral_handover WHERE id = %s",
            [handover.pk],
        )
        raw = cursor.fetchone()
    assert all(value.startswith(crypto.PREFIX) for value in raw)
    joined = " ".join(raw)
    for secret in ("Mehmet", "612345678", "mehmet@example.com", "avonds"):
        assert secret not in joined
    fresh = Handover.objects.get(pk=handover.pk)
    assert (fresh.contact_name, fresh.contact_phone) == ("Mehmet", "+31612345678")


@pytest.mark.django_db
def test_a_handover_cannot_be_stored_without_consent(handover: Handover) -> None:
    with pytest.raises(IntegrityError):
        Handover.objects.create(group=handover.group, role="gp", consent=False, kind=HandoverKind.MAY_CONTACT_YOU)


@pytest.mark.django_db
def test_closing_deletes_the_details_at_once_and_keeps_the_count(handover: Handover, personas: dict[str, Any]) -> None:
    handover_set_status(handover=handover, status=HandoverStatus.CLOSED, actor=personas["contact"])
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT contact_name, contact_phone, contact_email, note, preferred_language "
            "FROM referral_handover WHERE id = %s",
            [handover.pk],
        )
        assert cursor.fetchone() == ("", "", "", "", "")
    assert Handover.objects.get(pk=handover.pk).wiped_at is not None
    assert ReferralCount.objects.get(kind="handover").count == 1


@pytest.mark.django_db
def test_the_audit_log_holds_no_details(handover: Handover, personas: dict[str, Any]) -> None:
    from samenspel.core.models import AuditEntry

    handover_set_status(handover=handover, status=HandoverStatus.CONTACTED, actor=personas["contact"])
    logged = " ".join(f"{e.object_repr} {e.changes}" for e in AuditEntry.objects.all())
    assert "handover.sent" in {e.action for e in AuditEntry.objects.all()}
    for secret in ("Mehmet", "612345678", "mehmet@example.com"):
        assert secret not in logged


def test_a_dedicated_key_is_used_and_a_bad_one_stops_start_up() -> None:
    from cryptography.fernet import Fernet

    key = Fernet.generate_key().decode()
    with override_settings(REFERRAL_ENCRYPTION_KEY=key):
        token = crypto.encrypt("Mehmet")
        assert Fernet(key.encode()).decrypt(token[len(crypto.PREFIX) :].encode()) == b"Mehmet"
    with override_settings(REFERRAL_ENCRYPTION_KEY="not-a-key"), pytest.raises(ImproperlyConfigured):
        crypto.check_key()


def test_without_a_dedicated_key_the_key_comes_from_secret_key() -> None:
    with override_settings(REFERRAL_ENCRYPTION_KEY="", SECRET_KEY="one-secret"):
        token = crypto.encrypt("Mehmet")
        assert crypto.decrypt(token) == "Mehmet"
    with override_settings(REFERRAL_ENCRYPTION_KEY="", SECRET_KEY="another-secret"), pytest.raises(ValueError):
        crypto.decrypt(token)


@pytest.mark.django_db
def test_retention_follows_the_setting(handover: Handover) -> None:
    assert handover.delete_after == timezone.localdate() + datetime.timedelta(days=30)
    with override_settings(REFERRAL_RETENTION_DAYS=7):
        made = Handover.objects.create(group=handover.group, role="gp", consent=True, kind="may_contact_you")
    assert made.delete_after == timezone.localdate() + datetime.timedelta(days=7)
