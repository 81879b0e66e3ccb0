"""Admin for platform staff: the shipped course templates and the knowledge pages (every language), funds.

Who took part is not edited here: enrolments, attendance, certificates and evaluations have no admin page, so the
anonymous evaluation and the participants' data are only seen where the access rules allow.
"""

from __future__ import annotations

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from samenspel.core.admin import AuditedAdminMixin
from samenspel.learning.models import CourseTemplate, Fund, KnowledgePage, SessionTemplate


class SessionInline(TranslationStackedInline):
    model = SessionTemplate
    extra = 0


@admin.register(CourseTemplate)
class CourseTemplateAdmin(AuditedAdminMixin, TranslationAdmin):
    list_display = ("title", "slug", "support_point", "min_sessions_attended")
    list_filter = ("support_point",)
    inlines = [SessionInline]
    exclude = ("copied_from",)


@admin.register(KnowledgePage)
class KnowledgePageAdmin(AuditedAdminMixin, TranslationAdmin):
    list_display = ("title", "audience", "position", "published", "updated_at")
    list_filter = ("audience", "published")


@admin.register(Fund)
class FundAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("name", "support_point", "max_amount", "deadline")
    list_filter = ("support_point",)
