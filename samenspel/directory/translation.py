"""Translated content fields (django-modeltranslation): one column per language, falling back to nl, then en."""

from modeltranslation.translator import TranslationOptions, register

from samenspel.directory.models import Group, Language, Location, Organisation, Schedule, Theme


@register(Language)
class LanguageTranslation(TranslationOptions):
    fields = ("name",)


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("label",)


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("description",)


@register(Location)
class LocationTranslation(TranslationOptions):
    fields = ("accessibility_note",)


@register(Group)
class GroupTranslation(TranslationOptions):
    fields = ("name", "description", "first_visit", "house_rules")


@register(Schedule)
class ScheduleTranslation(TranslationOptions):
    fields = ("note",)
