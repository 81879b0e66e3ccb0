"""Translated template fields (django-modeltranslation): nl and en shipped; other languages as a support point writes them."""

from modeltranslation.translator import TranslationOptions, register

from samenspel.learning.models import CourseTemplate, KnowledgePage, SessionTemplate


@register(CourseTemplate)
class CourseTemplateTranslation(TranslationOptions):
    fields = ("title", "description", "entry_conditions")


@register(SessionTemplate)
class SessionTemplateTranslation(TranslationOptions):
    fields = ("title", "goals", "content", "homework")


@register(KnowledgePage)
class KnowledgePageTranslation(TranslationOptions):
    fields = ("title", "summary", "body")
