"""The network report: which published practices travelled furthest and fastest, across how
many countries, and what led groups to take them up; each practice's diffusion and the whole
network's as CSV and GraphML. A draft is in none of it, for a guest; the report reads a
thousand practices in as many queries as one."""

from __future__ import annotations

import csv
import datetime
import io
import xml.etree.ElementTree as ET  # parses our own GraphML

from django.urls import reverse

from learnlink.knowledge.journeys import record_adoption, record_origin
from learnlink.knowledge.models import Adoption, Practice, PracticeOrigin
from learnlink.people.models import Place
from tests.knowledge.conftest import posted

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def place_on_the_map(network) -> None:
    Place.objects.filter(pk=network["muheza"].pk).update(latitude=-5.17, longitude=38.78)
    Place.objects.filter(pk=network["babati"].pk).update(latitude=-4.21, longitude=35.75)


def with_origin(network, title: str, state: str = "published") -> Practice:
    practice = Practice.objects.create(title=title, summary="How it went.", language="en",
                                       place=network["babati"], state=state)
    record_origin(PracticeOrigin(practice=practice, organisation=network["spies"],
                                 place=network["babati"], date=datetime.date(2008, 1, 1)))
    return practice


def rows(answer) -> list[dict[str, str]]:
    assert answer["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(answer.content.decode("utf-8-sig"))))


def graphs(answer) -> list[ET.Element]:
    assert answer["Content-Type"] == "application/graphml+xml"
    return ET.fromstring(answer.content).findall(f"{GRAPHML}graph")  # noqa: S314


def test_the_report_shows_how_far_and_fast_practices_travelled(client, network, published,
                                                               draft, oranges):
    place_on_the_map(network)
    thread = posted(oranges, "Grading rice like oranges")
    Adoption.objects.filter(organisation=network["spies"]).update(thread=thread)
    record_origin(PracticeOrigin(practice=draft, organisation=network["spies"],
                                 place=network["babati"], date=datetime.date(2010, 1, 1)))

    page = client.get(reverse("knowledge:report")).content.decode()

    assert "Brokering deals with big buyers" in page and draft.title not in page
    assert "<td>Babati Market Spies</td><td>352</td><td>201</td><td>1</td>" in page
    assert "<td>a discussion thread</td><td>1</td>" in page
    assert "<td>a visit</td><td>1</td>" in page
    assert f'href="{thread.get_absolute_url()}">Grading rice like oranges</a>' in page


def test_a_practice_page_links_its_downloads_and_they_parse(client, network, published):
    page = client.get(published.get_absolute_url()).content.decode()
    csv_link = reverse("knowledge:diffusion_csv", args=[published.pk])
    graphml_link = reverse("knowledge:diffusion_graphml", args=[published.pk])
    assert f'href="{csv_link}"' in page and f'href="{graphml_link}"' in page

    found = rows(client.get(csv_link))
    assert [row["organisation"] for row in found] == ["Babati Market Spies",
                                                      "Kilulu Orange Growers"]
    assert {row["origin_organisation"] for row in found} == {"Muheza Fruit Growers Association"}
    [graph] = graphs(client.get(graphml_link))
    assert len(graph.findall(f"{GRAPHML}node")) == 3
    assert len(graph.findall(f"{GRAPHML}edge")) == 2


def test_a_drafts_downloads_are_its_readers_only(client, network, draft, learner):
    record_origin(PracticeOrigin(practice=draft, organisation=network["spies"],
                                 place=network["babati"], date=datetime.date(2010, 1, 1)))
    address = reverse("knowledge:diffusion_csv", args=[draft.pk])

    assert client.get(address).status_code == 302  # a guest is asked to sign in
    client.force_login(learner)
    assert client.get(address).status_code == 200


def test_the_whole_networks_downloads_hold_every_published_practice_and_no_draft(
        client, network, published, draft):
    record_origin(PracticeOrigin(practice=draft, organisation=network["spies"],
                                 place=network["babati"], date=datetime.date(2010, 1, 1)))
    second = with_origin(network, "Market spies")
    record_adoption(Adoption(practice=second, organisation=network["growers"],
                             place=network["muheza"], date=datetime.date(2009, 5, 1),
                             status="adapted", channel="introduction"))

    found = rows(client.get(reverse("knowledge:report_csv")))
    assert sorted({row["practice"] for row in found}) == ["Brokering deals with big buyers",
                                                         "Market spies"]
    titles = [graph.find(f"{GRAPHML}data").text
              for graph in graphs(client.get(reverse("knowledge:report_graphml")))]
    assert sorted(titles) == ["Brokering deals with big buyers", "Market spies"]


def test_the_report_reads_many_practices_in_as_many_queries_as_one(
        client, network, published, django_assert_max_num_queries):
    with django_assert_max_num_queries(9):
        client.get(reverse("knowledge:report"))
    for n in range(30):
        with_origin(network, f"Practice {n}")
    with django_assert_max_num_queries(9):
        page = client.get(reverse("knowledge:report"))
    assert "Page 1 of 2" in page.content.decode()
    assert "Brokering deals with big buyers" in page.content.decode()


def test_the_library_links_the_report(client, published):
    page = client.get(reverse("knowledge:practices")).content.decode()
    assert f'href="{reverse("knowledge:report")}"' in page
