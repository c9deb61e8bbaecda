"""A mentor introduces two organisations from the web: one mail reaches both sides and the
mentor through the outbox and the real relay, says why they should talk and links what shows
it, and "Reply all" reaches both sides and the introduction's own address."""

from __future__ import annotations

import email.utils
import re

from django.urls import reverse

from learnlink.lib.links import absolute
from learnlink.mentoring.introductions.sending import introduce
from learnlink.mentoring.models import Introduction
from learnlink.people.models import Affiliation
from tests.mentoring.introductions.conftest import (
    BURA,
    CONTEXT,
    HALIMA,
    JOSEPH,
    KILULU,
    introduced,
    mail_to,
)


def form_url(sides) -> str:
    """As the peer finder links it, with a search for the other side by its name."""
    return (f"{reverse('mentoring:introduction_new')}?organisation={sides.growers.pk}"
            f"&evidence={absolute(sides.message.get_absolute_url())}&thread={sides.thread.pk}"
            f"&find=Babati")


def addresses(header) -> list[str]:
    return [address for _name, address in email.utils.getaddresses([str(header)])]


def send_from_web(client, sides) -> Introduction:
    client.force_login(sides.mentor)
    response = client.post(form_url(sides), {
        "peer": sides.peer.pk, "seeker": sides.seeker.pk, "context": CONTEXT,
        "evidence": absolute(sides.message.get_absolute_url())})
    introduction = Introduction.objects.get()
    assert response.status_code == 302 and response["Location"] == \
        introduction.get_absolute_url()
    return introduction


def test_the_form_is_prefilled_from_the_peer_finders_link(client, sides):
    client.force_login(sides.mentor)
    html = client.get(form_url(sides)).content.decode()
    assert f'<option value="{sides.peer.pk}" selected>Mwanaisha Shabani (chairperson)' in html
    assert f'value="{absolute(sides.message.get_absolute_url())}"' in html
    assert "From the discussion" in html and "Grading oranges" in html


def test_one_mail_reaches_both_sides_and_the_mentor_with_the_context_and_the_evidence(
        client, sides, mailboxes):
    introduction = send_from_web(client, sides)

    copies = [mail_to(mailboxes, address) for address in (BURA, KILULU, JOSEPH)]
    assert [len(copy) for copy in copies] == [1, 1, 1]
    assert len({str(copy[0]["Message-ID"]) for copy in copies}) == 1, "one mail to all three"
    mail = copies[0][0]
    assert addresses(mail["To"]) == [BURA]
    assert addresses(mail["Cc"]) == [KILULU, JOSEPH]
    assert addresses(mail["Reply-To"]) == [BURA, KILULU, introduction.address]
    assert re.fullmatch(r"intro-[0-9a-f]{16}@learnlink\.localhost", introduction.address)
    assert email.utils.parseaddr(str(mail["From"])) == (
        "Joseph Mshana (Learnlink)", "learnlink@learnlink.localhost")
    assert str(mail["Subject"]) == ("Introduction: Babati Rice Farmers Association and "
                                    "Kilulu Orange Growers")
    text = mail.get_content()
    assert "Joseph Mshana introduces you to each other" in text
    assert "- Joseph Bura, chairperson, Babati Rice Farmers Association (Babati, Manyara, " \
           "Tanzania)" in text
    assert "Mwanaisha Shabani, chairperson, Kilulu Orange Growers (Muheza, Tanga, " \
           "Tanzania)" in text
    assert " ".join(CONTEXT.split()) in " ".join(text.split())
    assert "What shows it: Grading oranges – Halima Omari" in text
    assert text.replace("\r\n", "\n") == introduction.text, "the page shows it as sent"


def test_the_mail_carries_no_link_that_signs_in_or_acts_for_anyone(client, sides, mailboxes):
    introduction = send_from_web(client, sides)
    text = mail_to(mailboxes, BURA)[0].get_content()
    links = re.findall(r"https?://\S+", text)
    assert links == [absolute(sides.message.get_absolute_url()),
                     absolute(introduction.get_absolute_url())]
    client.logout()
    assert client.get(introduction.get_absolute_url()).status_code == 302, "asks to sign in"
    assert introduction.token not in text, "the token is only in the Reply-To address"


def test_sides_sharing_no_language_each_read_the_mail_in_their_own(sides, mailboxes):
    sides.bura.languages = "fr"
    sides.bura.save()
    sides.chair.languages = "sw"
    sides.chair.save()
    introduced(sides)
    [mail] = mail_to(mailboxes, BURA, "Mise en relation :")
    text = mail.get_content()
    assert "Joseph Mshana vous présente l’un à l’autre" in text
    assert "Joseph Mshana anawatambulisha ninyi kwa ninyi" in text
    assert text.index("vous présente") < text.index("anawatambulisha"), "the seeker's first"


def test_a_learner_introducing_their_own_organisation_gets_it_once(sides, mailboxes):
    """Halima asks to meet Babati's rice farmers for Kilulu's growers: she is the seeker."""
    halima = sides.learner.person
    introduce(halima, Affiliation.objects.get(person=halima), sides.seeker, CONTEXT, None)
    [mail] = mail_to(mailboxes, HALIMA)
    assert addresses(mail["To"]) == [HALIMA] and addresses(mail["Cc"]) == [BURA]
