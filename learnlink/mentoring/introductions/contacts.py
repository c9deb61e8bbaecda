"""Whom the introduction form offers: an organisation's people who can be written to, among
the few organisations that matter to this introduction.

A select of the whole directory would weigh more than a page may on a slow line, so the form
offers the organisation asked for (`?organisation=`, from the peer finder), those whose people
wrote in the thread it starts from, the introducer's own, and those a search by name found
(`?find=`). Each choice is one person of one organisation (an Affiliation): the mail goes to
that person, in the name of the organisation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.http import QueryDict

from learnlink.exchange.models import Message, Thread
from learnlink.mentoring.permissions import AnyUser, introduces_anyone, own_organisations
from learnlink.people.models import Affiliation, EmailAddress, Organisation, Person

FOUND_AT_MOST = 15  # organisations one search by name adds
SEARCHES_AT_MOST = 2  # searches kept (`find` given again keeps the earlier results)
THREAD_AT_MOST = 20  # organisations of a thread's writers
CONTACTS_AT_MOST = 120  # people offered in one select: the page stays light


@dataclass
class Offer:
    """The form's choices for one introducer: `peers` whom to learn from, `seekers` who
    learns (for a learner: their own organisation's people only)."""

    peers: list[Affiliation]
    seekers: list[Affiliation]
    asked: int | None = None  # the organisation the link asked for
    finds: list[str] = field(default_factory=list)

    @classmethod
    def for_request(cls, user: AnyUser, query: QueryDict, thread: Thread | None) -> Offer:
        asked = _number(query.get("organisation", ""))
        finds = [name.strip()[:100] for name in query.getlist("find") if name.strip()]
        finds = finds[-SEARCHES_AT_MOST:]
        own = list(own_organisations(user).values_list("organisation_id", flat=True))
        ids = {*own, *([asked] if asked else []),
               *(thread_organisations(thread) if thread else []),
               *(pk for name in finds for pk in found_organisations(name))}
        everyone = list(contacts_of(ids)[:CONTACTS_AT_MOST])
        seekers = everyone if introduces_anyone(user) else [
            a for a in everyone if a.organisation_id in own]
        return cls(everyone, seekers, asked, finds)

    def initial(self, introducer: Person, evidence: str) -> dict[str, Any]:
        """The asked-for organisation's first contact as who did it; the introducer's own
        affiliation as who learns, when they are offered."""
        peer = next((a.pk for a in self.peers if a.organisation_id == self.asked), None)
        seeker = next((a.pk for a in self.seekers if a.person_id == introducer.pk), None)
        return {"peer": peer, "seeker": seeker, "evidence": evidence}


def _number(value: str) -> int | None:
    return int(value) if value.isdigit() else None


def reachable(affiliations: QuerySet[Affiliation]) -> QuerySet[Affiliation]:
    """Those whose person has a current address that bounces have not disabled, in the
    directory's order within each organisation (its first contact first)."""
    addresses = EmailAddress.objects.current().filter(disabled__isnull=True)
    return (affiliations.filter(person__email_addresses__in=addresses).distinct()
            .select_related("person", "organisation")
            .order_by("organisation__name", "pk"))


def contacts_of(organisation_ids: Iterable[int]) -> QuerySet[Affiliation]:
    return reachable(Affiliation.objects.filter(organisation_id__in=list(organisation_ids)))


def thread_organisations(thread: Thread) -> list[int]:
    """The organisations of the people who wrote in the thread."""
    found = (Message.objects.filter(thread=thread, sender__isnull=False)
             .exclude(sender__affiliations__isnull=True).order_by()
             .values_list("sender__affiliations__organisation", flat=True).distinct())
    return list(found[:THREAD_AT_MOST])


def found_organisations(name: str) -> list[int]:
    name = name.strip()
    if not name:
        return []
    found = Organisation.objects.filter(name__icontains=name).order_by("name")
    return list(found.values_list("pk", flat=True)[:FOUND_AT_MOST])


Choices = list[tuple[str, list[tuple[int, str]]]]


def choices(affiliations: Iterable[Affiliation]) -> Choices:
    """A select's choices, grouped by organisation: "Yohana Mgimwa (market spy)" under
    "Mufindi Market Spies Group"."""
    grouped: dict[str, list[tuple[int, str]]] = {}
    for affiliation in affiliations:
        who = affiliation.person.name
        if affiliation.role:
            who = f"{who} ({affiliation.role})"
        grouped.setdefault(affiliation.organisation.name, []).append((affiliation.pk, who))
    return list(grouped.items())
