"""Self-checks: answers kept with a date so progress shows; each hindering answer links to a suggestion from the seeds."""

from __future__ import annotations

import datetime
import json

import pytest
from django.urls import reverse

from samenspel.core.models import AuditEntry
from samenspel.directory.data_files import DataFileError
from samenspel.instruments.matrix import DATA_DIR
from samenspel.instruments.models import SelfCheck
from samenspel.instruments.selfchecks import FILE, parse, self_checks
from samenspel.instruments.services import instruments_purge, selfcheck_create
from tests.personas import sign_in

pytestmark = pytest.mark.django_db

COFFEE = "mogen.e.informal-support-points.paying-for-coffee-and-tea"
STEERING = "mogen.e.informal-support-points.too-much-steering"


def test_the_support_points_check_holds_the_nfk_checklist_and_its_opportunity_factors() -> None:
    check = self_checks()["support_point"]
    labels = [item.labels["nl"] for item in check.items]
    assert labels[0] == "Is de folder van uw organisatie in meerdere talen verkrijgbaar?"
    assert len([item for item in check.items if item.key.startswith("nfk.")]) == 5
    assert "Eigen bijdrage koffie en thee" in labels and "Te veel sturing" in labels
    assert all(item.suggestions for item in check.items), "every point of a support point's check has a suggestion"
    group = self_checks()["group"]
    assert not any(item.key.startswith("nfk.") for item in group.items)


def test_a_hindering_answer_is_one_that_stands_in_the_way_whichever_way_the_question_is_put() -> None:
    items = {item.key: item for item in self_checks()["support_point"].items}
    assert items["nfk.folder"].stands_in_the_way("no") and items["nfk.folder"].stands_in_the_way("partly")
    assert not items["nfk.folder"].stands_in_the_way("yes")
    assert items[COFFEE].stands_in_the_way("yes") and not items[COFFEE].stands_in_the_way("no")
    assert [s.key for s in items[COFFEE].suggestions] == ["free_coffee"]
    assert [s.key for s in items["nfk.folder"].suggestions] == ["folders"]


def test_a_broken_suggestion_link_fails_naming_it() -> None:
    raw = json.loads((DATA_DIR / FILE).read_text(encoding="utf-8"))
    raw["checklist"][0]["suggestions"] = ["free_beer"]
    with pytest.raises(DataFileError, match="unknown suggestion 'free_beer'"):
        parse(raw)


def test_a_support_point_does_the_check_twice_and_sees_its_progress_and_suggestions(client, personas, support_point):
    sign_in(client, personas["editor"])
    url = reverse("instruments:selfcheck", kwargs={"slug": support_point.slug, "kind": "support_point"})
    assert client.get(url).status_code == 200
    response = client.post(url, {"nfk.folder": "no", COFFEE: "yes", STEERING: "no", "nfk.known": "yes"})
    assert response.status_code == 302
    first = SelfCheck.objects.get()
    assert first.answers == {"nfk.folder": "no", COFFEE: "yes", STEERING: "no", "nfk.known": "yes"}
    assert AuditEntry.objects.filter(object_type="instruments.selfcheck", action="created").count() == 1
    html = client.get(url).content.decode()
    assert "2 points to work on" in html
    assert "Do not charge for coffee and tea." in html
    assert "Simple, short folders in the languages of the area" in html
    # The form starts from the last answers.
    assert f'name="{COFFEE}" value="yes" checked' in html
    SelfCheck.objects.update(filled_on=datetime.date(2025, 11, 1))
    client.post(url, {"nfk.folder": "yes", COFFEE: "no", STEERING: "no", "nfk.known": "yes"})
    html = client.get(url).content.decode()
    assert "Nothing stands in the way in your last check." in html
    progress = html.split("Progress")[1]
    assert "<td>1 November 2025</td><td>4</td><td>2</td>" in progress
    assert "<td>4</td><td>0</td>" in progress


def test_a_group_contact_checks_their_group(client, personas, group):
    sign_in(client, personas["contact"])
    url = reverse("instruments:group_selfcheck", kwargs={"group_uuid": group.uuid})
    client.post(url, {"mogen.e.the-peer-group.a-place-that-is-hard-to-reach": "partly"})
    check = SelfCheck.objects.get()
    assert (check.kind, check.group, check.support_point) == ("group", group, group.support_point)
    assert "Choose a place that is easy to reach" in client.get(url).content.decode()


def test_an_empty_check_is_not_kept(client, personas, support_point):
    sign_in(client, personas["editor"])
    url = reverse("instruments:selfcheck", kwargs={"slug": support_point.slug, "kind": "team"})
    assert client.post(url, {}).status_code == 200
    assert not SelfCheck.objects.exists()


def test_self_checks_are_purged_after_the_retention_years(settings, support_point, personas):
    settings.INSTRUMENTS_SELFCHECK_RETENTION_YEARS = 2
    old = selfcheck_create(support_point=support_point, kind="team", answers={}, actor=None)
    SelfCheck.objects.filter(pk=old.pk).update(filled_on=datetime.date(2020, 1, 1))
    selfcheck_create(support_point=support_point, kind="team", answers={}, actor=None)
    assert instruments_purge()["self_checks"] == 1
    assert SelfCheck.objects.count() == 1


def test_a_members_home_links_to_the_instruments(client, personas, support_point):
    sign_in(client, personas["viewer"])
    html = client.get(reverse("home")).content.decode()
    assert reverse("instruments:figures", kwargs={"slug": support_point.slug}) in html
    assert reverse("instruments:selfcheck", kwargs={"slug": support_point.slug, "kind": "team"}) in html
