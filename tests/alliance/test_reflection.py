"""Reflection and feedback: each partner's answers at the end of a cycle, written by its own
people or a coordinator until the synthesis is published; the drafter that groups the points
and credits the partners; and a coordinator running the demo alliance through the end of a
cycle on the web (feedback, synthesis, an evaluation and a contribution)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from learnlink.alliance.demo.review import load_review
from learnlink.alliance.models import (
    Alliance,
    Contribution,
    Criterion,
    Evaluation,
    PerformanceAction,
    Reflection,
    Synthesis,
)
from learnlink.alliance.reflection.reviews import publish_synthesis, save_reflection, save_synthesis
from learnlink.alliance.reflection.synthesis import draft, group_points, recurring_themes
from learnlink.drafting.sentences import answer_points
from learnlink.people.roles import grant_role
from tests.alliance.conftest import sign_in
from tests.alliance.small import Small, client_for, small  # noqa: F401

SLUG = "/alliances/ciat-crs-east-africa"


def test_the_drafter_merges_near_duplicates_and_credits_every_partner() -> None:
    points = group_points([
        ("CRS Kenya", "Market surveys worked when farmers did the interviews themselves. "
                      "Greengram buyers came to Mbeere."),
        ("CRS Uganda", "- Market surveys worked well when the farmers did interviews themselves"
                       "\n- Bean traders agreed to buy graded beans"),
        ("CRS Ethiopia", "Market surveys worked when farmers did the interviews themselves, in "
                         "Amharic."),
    ])
    assert points[0].text == "Market surveys worked when farmers did the interviews themselves."
    assert points[0].partners == ["CRS Kenya", "CRS Uganda", "CRS Ethiopia"]
    assert [p.partners for p in points[1:]] == [["CRS Kenya"], ["CRS Uganda"]]
    assert points[0].credit().endswith("(CRS Kenya, CRS Uganda, CRS Ethiopia)")


def test_a_point_shared_in_the_first_clause_is_merged_and_the_rest_kept_apart() -> None:
    points = group_points([
        ("CRS Burundi", "Bulking failed where there was no store: farmers sold beans at harvest."),
        ("CRS Ethiopia", "Bulking failed where there was no store, and traders would not wait."),
        ("CRS Eritrea", "Government extension staff left after the first course."),
        ("CRS Sudan", "Government extension staff left the project area after the harvest."),
    ])
    assert [(p.text, p.partners) for p in points] == [
        ("Bulking failed where there was no store", ["CRS Burundi", "CRS Ethiopia"]),
        ("Government extension staff left after the first course.",
         ["CRS Eritrea", "CRS Sudan"]),
        ("Farmers sold beans at harvest.", ["CRS Burundi"]),
        ("Traders would not wait.", ["CRS Ethiopia"])]


def test_sentences_are_split_and_bullets_dropped() -> None:
    assert answer_points("One thing worked. Another did not!\n* a third point; and a fourth one"
                         ) == ["One thing worked.", "Another did not!", "a third point",
                               "and a fourth one"]


def test_recurring_themes_are_meaningful_words_of_several_partners_in_any_language() -> None:
    themes = recurring_themes([
        ("Burundi", "Les équipes francophones avaient besoin des guides en français."),
        ("Rwanda", "Sans guides en français, une seule personne traduisait tout."),
        ("Tanzania", "Maafisa ugani wa serikali waliondoka na wakulima walibaki bila msaada."),
        ("Kenya", "Maafisa ugani waliondoka baada ya mafunzo."),
        ("Uganda", "The bean traders paid on time."),
    ])
    phrases = {theme.phrase: theme.partners for theme in themes}
    assert phrases["guides"] == ["Burundi", "Rwanda"]
    assert phrases["maafisa ugani"] == ["Tanzania", "Kenya"]
    assert "maafisa" not in phrases  # the phrase that contains it is used as often
    for stop in ("en", "des", "na", "wa", "the", "on"):
        assert stop not in phrases


def test_the_draft_prefills_every_answer_of_the_form() -> None:
    proposal = draft({"worked": [("A", "Bulking in the store worked."),
                                 ("B", "Bulking in the group store worked well.")],
                      "did_not_work": [("A", "Transport was too costly.")],
                      "will_change": []})
    initial = proposal.initial()
    assert initial["worked"] == "- Bulking in the store worked. (A, B)"
    assert initial["did_not_work"] == "- Transport was too costly. (A)"
    assert initial["will_change"] == ""
    assert "bulking" in initial["themes"].splitlines()


@pytest.mark.django_db
def test_a_partner_answers_for_itself_until_the_synthesis_is_published(
        small: Small) -> None:  # noqa: F811
    ian, olga = client_for(small.implementer), client_for(small.other_implementer)
    url = f"/alliances/beans/cycles/1/reflection/{small.kenya.pk}/"
    answers = {"worked": "Farmers interviewed traders.", "did_not_work": "Rain.",
               "will_change": "Survey in the dry season."}
    assert ian.post(url, answers).status_code == 302
    refused = olga.post(url, answers | {"worked": "Nothing"})
    assert refused.status_code == 403
    assert "Only the people of Team Kenya" in refused.content.decode()
    assert ian.post(url, {"worked": "", "did_not_work": "", "will_change": ""}).status_code == 400
    assert client_for(small.outsider).get("/alliances/beans/cycles/1/reflection/"
                                          ).status_code == 404
    assert Client().get("/alliances/beans/cycles/1/reflection/").status_code == 404
    page = olga.get("/alliances/beans/cycles/1/reflection/").content.decode()
    assert "Farmers interviewed traders." in page  # partners learn from each other's answers
    assert client_for(small.coordinator).post(url, answers | {"worked": "Edited"}
                                              ).status_code == 302
    assert olga.get("/alliances/beans/cycles/1/synthesis/").status_code == 404
    synthesis = save_synthesis(small.cycle(1), {"worked": "Interviews.", "themes": "rain"},
                               small.coordinator.person)
    publish_synthesis(synthesis)
    closed = ian.post(url, answers | {"worked": "Changed after publishing"})
    assert closed.status_code == 302
    assert Reflection.objects.get(partner=small.kenya).worked == "Edited"
    with pytest.raises(ValidationError, match="synthesis of this cycle is published"):
        save_reflection(small.cycle(1), small.uganda, answers, small.other_implementer.person)


@pytest.mark.django_db
def test_a_mentor_taking_part_may_write_the_synthesis(small: Small) -> None:  # noqa: F811
    grant_role(small.facilitator, "mentor")
    assert client_for(small.facilitator).get(
        "/alliances/beans/cycles/1/synthesis/").status_code == 200
    grant_role(small.outsider, "mentor")
    assert client_for(small.outsider).get(
        "/alliances/beans/cycles/1/synthesis/").status_code == 404


@pytest.mark.django_db
def test_the_demo_has_feedback_evaluations_and_costs_and_loads_twice(demo: Alliance) -> None:
    load_review(demo)
    assert Reflection.objects.filter(cycle__alliance=demo).count() == 27
    assert list(Synthesis.objects.filter(cycle__alliance=demo, published__isnull=False)
                .values_list("cycle__number", flat=True)) == [1, 2]
    assert Criterion.objects.filter(alliance=demo).count() == 4
    assert Evaluation.objects.filter(cycle__alliance=demo).count() == 33
    assert PerformanceAction.objects.get().evaluation.participant.person.name == (
        "Tesfay Gebremedhin")
    currencies = set(Contribution.objects.values_list("currency", flat=True))
    assert currencies == {"USD", "KES", "UGX", "TZS", "ETB", "RWF", "BIF", "MGF", "MGA", "ERN",
                          "SDD"}
    assert demo.budget_lines.count() == 4
    dashboard = Client().get(f"{SLUG}/").content.decode()
    assert "Feedback themes" not in dashboard  # insiders only
    costs = sign_in("moses.okello@example.org").get(f"/api{SLUG}/costs").json()
    assert costs["totals"]["committed_usd"] > costs["totals"]["contributed_usd"] > 0


@pytest.mark.django_db
def test_the_coordinator_runs_the_end_of_a_cycle_on_the_web(demo: Alliance) -> None:
    annet = sign_in("annet.kyomuhendo@example.org")
    ciat = demo.partners.get(organisation__name="CIAT Africa Agro-enterprise Programme")
    page = annet.get(f"{SLUG}/cycles/3/reflection/").content.decode()
    assert "The rented store allowed bulking of beans" in page
    assert annet.post(f"{SLUG}/cycles/3/reflection/{ciat.pk}/", {
        "worked": "The third course in Arusha ran on time.",
        "did_not_work": "Government extension staff left in two countries.",
        "will_change": "We will adapt the monitoring guide."}).status_code == 302

    form = annet.get(f"{SLUG}/cycles/3/synthesis/").content.decode()
    assert "Government extension staff left" in form
    assert "CRS Rwanda" in form and "CIAT Africa Agro-enterprise Programme" in form
    assert annet.post(f"{SLUG}/cycles/3/synthesis/", {
        "worked": "Stores and written agreements made bulking work.",
        "did_not_work": "Extension staff left; traders broke contracts.",
        "will_change": "Two buyers per product.", "themes": "stores\nextension staff left"},
    ).status_code == 302
    assert annet.post(f"{SLUG}/cycles/3/synthesis/publish/").status_code == 302
    assert demo.cycles.get(number=3).synthesis.published is not None
    moses = sign_in("moses.okello@example.org")
    dashboard = moses.get(f"{SLUG}/").content.decode()
    assert "Feedback themes" in dashboard and "extension staff left" in dashboard
    uganda = demo.partners.get(organisation__name="CRS Uganda")
    moses.post(f"{SLUG}/cycles/3/reflection/{uganda.pk}/", {"worked": "Too late"})
    assert Reflection.objects.get(cycle__number=3, partner=uganda).worked.startswith("Group")

    peter = demo.participants.get(person__email_addresses__address="peter.kilonzo@example.org")
    criteria = {f"score_{c.pk}": "4" for c in Criterion.objects.filter(alliance=demo)}
    assert annet.post(f"{SLUG}/evaluations/{peter.pk}/cycles/4/",
                      criteria | {"comment": "Kenya's groups sell to two buyers."}
                      ).status_code == 302
    assert "Kenya&#x27;s groups sell to two buyers." in sign_in(
        "peter.kilonzo@example.org").get(f"{SLUG}/evaluations/{peter.pk}/").content.decode()
    for address in ("jc.habimana@example.org", "moses.okello@example.org"):
        other = sign_in(address)
        assert other.get(f"{SLUG}/evaluations/{peter.pk}/").status_code == 404
        assert "Peter Mutua Kilonzo" not in other.get(f"{SLUG}/evaluations/").content.decode()
        refused = other.post(f"{SLUG}/evaluations/{peter.pk}/cycles/4/", criteria)
        assert refused.status_code == 403
        assert "Annet Kyomuhendo, Margaret Achieng Otieno" in refused.content.decode()

    kenya = demo.partners.get(organisation__name="CRS Kenya")
    line = demo.budget_lines.get(name="In-country monitoring visits")
    assert annet.post(f"{SLUG}/costs/contributions/new/", {
        "partner": kenya.pk, "budget_line": line.pk, "day": "2004-09-20", "amount": "39750",
        "currency": "KES", "kind": "in_kind", "description": "Hosting the last visit"},
    ).status_code == 302
    given = Contribution.objects.get(description="Hosting the last visit")
    assert given.amount_usd == Decimal("500.00")  # 39,750 KES at 79.5 a US$ from July 2004
