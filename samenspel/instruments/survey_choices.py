"""The answers a participant can choose in the anonymous survey: shown on the public survey form, in the
participant's language (a public module for the translations)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Route(models.TextChoices):
    """How a participant found the group (seed 002, Tabel 4; more than one may be ticked)."""

    GP = "gp", _("Through my GP")
    FORMAL = "formal", _("Through another professional (mental health care, social work...)")
    OTHER_HELPER = "other_helper", _("Through another kind of helper")
    PEOPLE = "people", _("Through friends, family or colleagues")
    INTERNET = "internet", _("Through the internet")
    MEDIA = "media", _("Through newspaper, radio or television")
    OTHER = "other", _("Another way")


class Brings(models.TextChoices):
    """What the group brings (the matrix's effects, 000:1563-1594)."""

    RECOGNITION = "recognition", _("I am not the only one")
    SUPPORT = "support", _("Support and comfort")
    TIPS = "tips", _("Practical tips and information")
    ACCEPTANCE = "acceptance", _("Accepting my situation")
    CONTACTS = "contacts", _("New contacts")
    STRENGTH = "strength", _("More grip on my life")
    # Seed 003:297-307 (Depressie Vereniging 2017): the outcome the group's participants named third most.
    LESS_LONELY = "less_lonely", _("I feel less lonely")


class Condition(models.TextChoices):
    """What makes a peer group work, as participants name it (seed 003:309-320): the outcome items' conditions."""

    SAFE = "safe", _("I feel safe in the group")
    ACCEPTED = "accepted", _("I am accepted as I am; nobody judges me")
    DYNAMICS = "dynamics", _("The people in the group get on well")
    ROOM = "room", _("There is enough room to share")
    AGREEMENTS = "agreements", _("The group has clear agreements")


class AgeBand(models.TextChoices):
    """The seed's age bands (002, Tabel 1)."""

    UNDER_21 = "0-20", _("20 or younger")
    FROM_21 = "21-35", _("21 to 35")
    FROM_36 = "36-50", _("36 to 50")
    FROM_51 = "51-65", _("51 to 65")
    FROM_66 = "66+", _("66 or older")


class SurveyGender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    OTHER = "other", _("Other")
