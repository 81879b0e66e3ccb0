"""Demand without surveillance: searches and questions counted as they happen, never their words (step 4)."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from samenspel.directory.models import Theme
from samenspel.directory.search_index import rebuild
from samenspel.finder.models import Question
from samenspel.finder.questions import question_create
from samenspel.instruments import demand
from samenspel.instruments.models import DemandCount, QuestionCount

pytestmark = pytest.mark.django_db

# Every field the demand counts keep. A new field must be added here, after asking: could it point at someone?
FIELDS = {
    DemandCount: {"id", "day", "theme", "pc2", "language", "found", "count"},
    QuestionCount: {"id", "month", "group", "support_point", "count"},
}


def test_the_demand_counts_keep_no_words_address_or_visitor() -> None:
    for model, fields in FIELDS.items():
        assert {f.name for f in model._meta.concrete_fields} == fields


def test_a_search_is_counted_by_theme_area_and_language_and_its_words_are_not_kept(client, group) -> None:
    rebuild()
    client.get("/", {"q": "depressie Marieke", "place": "5612"})
    row = DemandCount.objects.get()
    assert (row.theme.slug, row.pc2, row.language, row.found, row.count) == ("depression", "56", "en", True, 1)
    assert row.day == timezone.localdate()
    for values in DemandCount.objects.values():
        assert "Marieke" not in str(values) and "5612" not in str(values)
    # The next page of the same search is not another search.
    client.get("/", {"q": "depressie Marieke", "place": "5612", "page": 2})
    assert DemandCount.objects.get().count == 1


def test_searches_are_gathered_in_the_process_and_written_together(client, group, settings) -> None:
    rebuild()
    settings.DEMAND_FLUSH_SECONDS = 3600
    demand.flush_searches()  # start with nothing pending and a fresh clock
    client.get("/", {"q": "depressie", "place": "5612"})
    client.get("/", {"q": "depressief", "place": "5613"})
    assert not DemandCount.objects.exists()  # the searches did not wait for a write
    assert demand.flush_searches() == 1
    assert DemandCount.objects.get().count == 2  # the same theme, area, language and day: one row
    assert demand.flush_searches() == 0  # written once, not twice


def test_a_search_that_finds_nothing_is_counted_as_such(client, group) -> None:
    rebuild()
    client.get("/", {"q": "zzqx onbekend"})
    row = DemandCount.objects.get()
    assert (row.theme, row.pc2, row.language, row.found) == (None, "", "en", False)


def test_the_count_of_questions_survives_the_purge_of_the_questions(group) -> None:
    for i in range(3):
        question_create(
            question=Question(message=f"Mag ik komen? {i}", reply_email="a@example.org"),
            group=group,
            group_url="https://example.org/groep/",
        )
    assert QuestionCount.objects.get().count == 3
    Question.objects.update(delete_after=datetime.date(2000, 1, 1))
    call_command("purge_expired_questions")
    assert not Question.objects.exists()
    row = QuestionCount.objects.get()
    assert (row.count, row.group, row.support_point) == (3, group, group.support_point)
    assert row.month == timezone.localdate().replace(day=1)


def test_the_themes_searched_most_in_a_municipality_or_plainly_not_enough_data(db, reference) -> None:
    since = timezone.localdate() - datetime.timedelta(days=30)
    assert demand.top_themes("Eindhoven", since=since) is None
    depression, grief = Theme.objects.get(slug="depression"), Theme.objects.get(slug="grief")
    for theme, n, pc2 in ((depression, 17, "56"), (grief, 3, "56"), (depression, 40, "10")):
        DemandCount.objects.create(day=timezone.localdate(), theme=theme, pc2=pc2, language="nl", found=True, count=n)
    top = demand.top_themes("Eindhoven", since=since)
    assert top is not None
    assert [(theme.slug, str(figure)) for theme, figure in top] == [("depression", "17"), ("grief", "<5")]
