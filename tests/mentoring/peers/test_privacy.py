"""Evidence from a private group never shows to someone who cannot read the group: not on the
page, not through the API, not in an answer by mail."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.mentoring.peers.conftest import post

QUESTION = "Who has made cocoa fermentation boxes?"
SECRET = "Our fermentation boxes for cocoa cost 40,000 shillings from the Tanga carpenter."
PEERS = "peers@learnlink.localhost"


@pytest.fixture
def private_evidence(peers):
    """Halima wrote about cocoa in the mentors' room only; the public groups never did."""
    post(peers.private, "halima@example.org", "Cocoa boxes", SECRET)
    return peers


def token_for(address: str) -> str:
    out = StringIO()
    call_command("create_token", address, stdout=out)
    return out.getvalue().split()[-1]


def page(client) -> str:
    return client.get(reverse("mentoring:peers"), {"q": QUESTION}).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "sees"), [
    (None, False), ("outsider", False), ("learner", True), ("mentor", True)])
def test_the_page_shows_private_evidence_only_to_those_who_read_the_group(
        client, private_evidence, persona, sees, request):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    html = page(client)
    assert ("Halima Omari" in html) is sees
    assert ("40,000 shillings" in html) is sees
    if not sees:
        assert "Nobody was found" in html


@pytest.mark.django_db
def test_the_api_shows_private_evidence_only_to_a_token_that_reads_the_group(
        client, private_evidence):
    anonymous = client.get("/api/peers", {"q": QUESTION}).json()
    assert anonymous["items"] == []

    token = token_for("halima@example.org")
    member = client.get("/api/peers", {"q": QUESTION},
                        HTTP_AUTHORIZATION=f"Bearer {token}").json()
    assert member["items"][0]["name"] == "Halima Omari"
    assert "40,000 shillings" in member["items"][0]["evidence"][0]["snippet"]


def test_an_answer_by_mail_shows_private_evidence_only_to_a_member_address(
        mail_server, private_evidence, smtp_sink):
    from tests.conftest import email_from

    mail_server.send(email_from("stranger@example.com", PEERS, QUESTION, ""), PEERS)
    mail_server.send(email_from("halima@example.org", PEERS, QUESTION, ""), PEERS)

    [stranger] = smtp_sink.to("stranger@example.com")
    [member] = smtp_sink.to("halima@example.org")
    assert "Halima Omari" not in stranger.get_content()
    assert "40,000 shillings" not in stranger.get_content()
    assert "Nobody was found" in stranger.get_content()
    assert "Halima Omari" in member.get_content() and "40,000 shillings" in member.get_content()
