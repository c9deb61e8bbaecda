"""From a peer-finder result to an introduction: the result links to the introduction form,
prefilled with the organisation found and the evidence that found it."""

import re

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_a_member_asks_for_an_introduction_to_an_organisation_the_finder_found(
        client, network, oranges, learner):
    client.force_login(learner)
    finder = client.get(reverse("mentoring:peers"), {"q": "who grades oranges"}).content.decode()
    start = reverse("mentoring:introduction_new")
    assert f'href="{start}?organisation=' in finder

    link = finder.split(f'href="{start}', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    assert f"organisation={network['growers'].pk}" in link
    form = client.get(start + link).content.decode()
    peer_choices = form.split('name="peer"', 1)[1].split("</select>", 1)[0]
    chosen = re.search(r'<option value="\d+" selected>([^<]*)', peer_choices)
    assert chosen and "Mwanaisha Shabani" in chosen.group(1), "Kilulu's chairperson, chosen"


@pytest.mark.django_db
def test_a_guest_gets_no_introduction_link(client, network, oranges):
    finder = client.get(reverse("mentoring:peers"), {"q": "who grades oranges"}).content.decode()
    assert reverse("mentoring:introduction_new") not in finder


@pytest.mark.django_db
def test_the_mentor_dashboard_leads_to_every_tool(client, mentor, oranges):
    client.force_login(mentor)
    page = client.get(reverse("mentoring:dashboard")).content.decode()
    for tool in ("mentoring:syntheses", "mentoring:writeups:list", "mentoring:introductions",
                 "mentoring:peers", "mentoring:resources"):
        assert f'href="{reverse(tool)}"' in page, tool
