"""Introducing two organisations, and reminding them once: the state changes the web form,
the reminder button and the demo all call.

One mail goes to both sides, To the side that wants to learn and Cc the side that did it and
the introducer, so that each sees who else has it. Its Reply-To names both sides and the
introduction's own address: "Reply" as well as "Reply all" reaches the other side, and
Learnlink gets a copy to record (replies.py). The mail is in a language both sides read, or,
when they share none that Learnlink speaks, in each one's own, one after the other. It links
to the introduction's page, which asks whoever opens it to sign in; it carries no token that
signs anyone in or acts for them.
"""

from __future__ import annotations

import datetime
from email.utils import formataddr, make_msgid
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from learnlink.exchange.models import Group, Thread
from learnlink.exchange.owner_mail import not_read_address
from learnlink.lib import emails
from learnlink.lib.fields import fitted
from learnlink.lib.links import absolute, absolute_url
from learnlink.mentoring.introductions.evidence import Evidence
from learnlink.mentoring.models import Introduction
from learnlink.mentoring.models.introductions import UNANSWERED_AFTER
from learnlink.people.addresses import delivery_address
from learnlink.people.models import Affiliation, Organisation, Person

INTRODUCTION = "mentoring.introduction"
REMINDER = "mentoring.introduction_reminder"


def languages_for(seeker: Person, peer: Person) -> list[str]:
    """The first language of the seeker's that the peer reads too; else each one's own (a
    person whose languages Learnlink does not speak reads the site's default)."""
    offered = dict(settings.LANGUAGES)

    def spoken(person: Person) -> list[str]:
        return [c for c in person.language_codes() if c in offered] or [settings.LANGUAGE_CODE]

    first, second = spoken(seeker), spoken(peer)
    shared = [code for code in first if code in second]
    return shared[:1] or [first[0], second[0]]


def group_of(introducer: Person, thread: Thread | None, evidence: Evidence | None) -> \
        Group | None:
    """The group whose mentors follow the introduction up: its thread's, else its evidence's,
    else the first of the introducer's groups (by name), else none."""
    if thread is not None:
        return thread.group
    if evidence is not None and evidence.group is not None:
        return evidence.group
    return (Group.objects.filter(Q(memberships__person=introducer)
                                 | Q(memberships__organisation__affiliations__person=introducer))
            .order_by("name").first())


@transaction.atomic
def introduce(introducer: Person, seeker: Affiliation, peer: Affiliation, context: str,
              evidence: Evidence | None, thread: Thread | None = None,
              sent: datetime.datetime | None = None) -> Introduction:
    """Record the introduction and mail it to both sides. `sent` is for the demo, which dates
    its introductions among its threads."""
    introduction = Introduction(
        introducer=introducer, seeker_organisation=seeker.organisation, seeker=seeker.person,
        peer_organisation=peer.organisation, peer=peer.person, context=context.strip(),
        evidence_url=evidence.path if evidence else "",
        evidence_label=evidence.label if evidence else "",
        evidence_group=evidence.group if evidence else None, thread=thread,
        group=group_of(introducer, thread, evidence),
        message_id=make_msgid(domain=settings.LEARNLINK_MAIL_DOMAIN).strip("<>"),
        languages=",".join(languages_for(seeker.person, peer.person)),
        sent=sent or timezone.now())
    introduction.save()  # the mail links its page
    context_ = mail_context(introduction, seeker.role, peer.role)
    rendered = emails.render(INTRODUCTION, context_, introduction.languages.split(",")[0])
    introduction.subject = fitted(Introduction, "subject", rendered.subject)
    introduction.text = rendered.text
    introduction.save(update_fields=["subject", "text"])
    _mail(introduction, INTRODUCTION, context_, {"Message-ID": f"<{introduction.message_id}>"})
    return introduction


def remind(introduction: Introduction) -> bool:
    """Mail both sides once more, as an answer to the introduction: once, when it has waited
    UNANSWERED_AFTER for an answer. False when it is not due, answered or already reminded."""
    now = timezone.now()
    with transaction.atomic():
        claimed = Introduction.objects.filter(
            pk=introduction.pk, answered__isnull=True, reminded__isnull=True,
            sent__lte=now - UNANSWERED_AFTER).update(reminded=now)
        if not claimed:
            return False
        introduction.reminded = now
        roles = _roles(introduction)
        _mail(introduction, REMINDER,
              {**mail_context(introduction, *roles), "reminder": True},
              {"In-Reply-To": f"<{introduction.message_id}>",
               "References": f"<{introduction.message_id}>"})
    return True


def _roles(introduction: Introduction) -> tuple[str, str]:
    """Each side's contact's role in their organisation, as the directory says today."""
    pairs = [(introduction.seeker_id, introduction.seeker_organisation_id),
             (introduction.peer_id, introduction.peer_organisation_id)]
    roles = {(person, organisation): role for person, organisation, role in
             Affiliation.objects.filter(Q(person=pairs[0][0], organisation=pairs[0][1])
                                        | Q(person=pairs[1][0], organisation=pairs[1][1]))
             .values_list("person_id", "organisation_id", "role")}
    return roles.get(pairs[0], ""), roles.get(pairs[1], "")


def mail_context(introduction: Introduction, seeker_role: str, peer_role: str) -> dict[str, Any]:
    """What the mail templates read: names, places, the context, the evidence's absolute link
    and the introduction's page."""
    seeker = _side(introduction.seeker, seeker_role, introduction.seeker_organisation)
    peer = _side(introduction.peer, peer_role, introduction.peer_organisation)
    evidence = ({"label": introduction.evidence_label, "url": absolute(introduction.evidence_url)}
                if introduction.evidence_url else None)
    return {"introducer": introduction.introducer.name, "seeker": seeker, "peer": peer,
            "sides": [seeker, peer], "context": introduction.context, "evidence": evidence,
            "page": absolute_url("mentoring:introduction", introduction.pk),
            "languages": introduction.languages.split(","), "sent": introduction.sent,
            "reminder": False}


def _side(person: Person, role: str, organisation: Organisation) -> dict[str, str]:
    place = organisation.place.full_name() if organisation.place else ""
    return {"name": person.name, "role": role, "organisation": organisation.name, "place": place}


def _mail(introduction: Introduction, key: str, context: dict[str, Any],
          headers: dict[str, str]) -> None:
    seeker, peer = _address(introduction.seeker), _address(introduction.peer)
    if not (seeker and peer):  # the form offers only people who can be written to
        raise ValueError(f"introduction {introduction.pk}: a side has no working address")
    introducer = _address(introduction.introducer)
    copies = [peer] + ([introducer] if introducer and introducer not in (seeker, peer) else [])
    sender = formataddr((f"{introduction.introducer.name} (Learnlink)", not_read_address()))
    emails.send(key, seeker, context, introduction.languages.split(",")[0],
                from_address=sender, cc=copies,
                reply_to=", ".join([seeker, peer, introduction.address]), headers=headers)


def _address(person: Person) -> str:
    """The person's name and address for a header; '' when none of their addresses works."""
    address = delivery_address(person)
    return formataddr((person.name, address)) if address else ""
