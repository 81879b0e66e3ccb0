"""What a group offers is searched, as a filter and in own words (#14, point 7): "rolstoel" finds the groups
whose place is wheelchair accessible, "jongeren" the groups for young people, in Dutch and in English."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from samenspel.directory import search
from samenspel.directory.demo import Generator
from samenspel.directory.models import Group, Intake, SearchDocument
from samenspel.directory.search import Filters
from samenspel.directory.search_index import feature_bits, welcomes_new
from tests.conftest import built_once

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 22)


def _build_region() -> None:
    Generator(groups=150, seed=2015, today=TODAY).run()


# The demo region the class below searches: built once for it, each test in a savepoint inside it. Class-scoped: the
# module's last test starts from an empty database with its own group.
_region_rows, region = built_once(_build_region, name="region", scope="class")


def having(feature: str) -> set[int]:
    bit = feature_bits([feature])
    return {d.group_id for d in SearchDocument.objects.all() if (d.feature_mask or 0) & bit}


class TestTheDemoRegion:
    """The demo region's groups and what they offer, searched."""

    @pytest.mark.parametrize(
        ("raw", "language", "feature"),
        [
            ("rolstoel", "nl", "wheelchair"),
            ("ringleiding", "nl", "hearingloop"),
            ("kinderopvang", "nl", "childcare"),
            ("jongeren", "nl", "young"),
            ("ouderen", "nl", "older"),
            ("stilteruimte", "nl", "quietroom"),
            ("hybride", "nl", "hybrid"),
            ("maatje", "nl", "onetoone"),
            ("telefonisch", "nl", "phone"),
            ("koken", "nl", "cooking"),
            ("wheelchair accessible", "en", "wheelchair"),
            ("hearing loop", "en", "hearingloop"),
            ("childcare", "en", "childcare"),
            ("young people", "en", "young"),
            ("one-to-one", "en", "onetoone"),
        ],
    )
    def test_a_word_for_what_a_group_offers_finds_exactly_the_groups_that_offer_it(
        self, region: None, raw: str, language: str, feature: str
    ) -> None:
        expected = having(feature)
        assert expected, f"the demo has no group with {feature}"
        results = search.search(raw, Filters(distance=None), interface_language=language, page_size=500)
        assert results.query.features == (feature,)
        assert {h.group.pk for h in results.hits} == expected

    def test_beside_a_theme_a_wished_feature_ranks_groups_that_offer_it_first_and_keeps_the_others(
        self, region: None
    ) -> None:
        plain = search.search("depressie", Filters(distance=None), page_size=500)
        wished = search.search("depressie rolstoel", Filters(distance=None), page_size=500)
        assert {h.group.pk for h in wished.hits} == {h.group.pk for h in plain.hits}
        accessible = having("wheelchair")
        first = [h.group.pk in accessible for h in wished.hits]
        assert first[0] and any(not f for f in first)

    def test_a_parent_word_is_still_read_as_a_relative_and_not_as_older_people(self, region: None) -> None:
        parsed = search.parse("mijn ouder heeft dementie")
        assert parsed.relatives and not parsed.features

    @pytest.mark.parametrize(
        "feature",
        ["wheelchair", "hearingloop", "quietroom", "childcare", "young", "older", "walking", "onetoone", "hybrid"],
    )
    def test_the_search_form_filters_on_what_groups_offer_without_javascript(
        self, region: None, client: Client, feature: str
    ) -> None:
        response = client.get("/", {"feature": feature, "distance": "any"})
        assert response.status_code == 200
        shown = {h.group.pk for h in response.context["results"].hits}
        expected = having(feature)
        assert shown and shown <= expected
        assert len(shown) == min(len(expected), search.PAGE_SIZE)

    def test_a_group_taking_members_at_set_moments_welcomes_them_now_when_its_next_intake_is_near(
        self, region: None
    ) -> None:
        group = Group.objects.filter(status="active").first()
        assert group is not None
        group.intake = Intake.SET_MOMENTS
        group.next_intake_date = None
        assert not welcomes_new(group)
        group.next_intake_date = datetime.date.today() + datetime.timedelta(days=10)
        assert welcomes_new(group)
        group.next_intake_date = datetime.date.today() + datetime.timedelta(days=200)
        assert not welcomes_new(group)


def test_the_daily_job_makes_a_group_welcome_new_members_as_its_next_intake_comes_near(group) -> None:
    from django.core.management import call_command

    from samenspel.directory import search_index

    group.intake = Intake.SET_MOMENTS
    group.next_intake_date = datetime.date.today() + datetime.timedelta(days=200)
    group.save()
    search_index.index_groups([group.pk])
    assert not SearchDocument.objects.get(group=group).welcomes_new
    # Time passes: the stored date is now two weeks away, as it will be one day.
    Group.objects.filter(pk=group.pk).update(next_intake_date=datetime.date.today() + datetime.timedelta(days=14))
    assert not SearchDocument.objects.get(group=group).welcomes_new
    call_command("reindex_intakes", stdout=open("/dev/null", "w"))
    assert SearchDocument.objects.get(group=group).welcomes_new
