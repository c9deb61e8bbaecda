"""Whom a write-up may be about: the people of a group (its members, and the people of its
member organisations), the thread's authors first. Each is offered once per organisation they
belong to, so that one choice names both the learner and the organisation the write-up
speaks for, on a page that needs no script."""

from __future__ import annotations

from django.db.models import Q

from learnlink.exchange.models import Group, Membership, Message, Thread
from learnlink.people.models import Affiliation, Organisation, Person

# The list is a select on a phone's page (under 50 KB with the messages to quote): the
# thread's authors come first, then the group's people by name, this many at most.
MOST = 150


def candidates(group: Group, thread: Thread | None = None) -> list[tuple[str, str]]:
    """(value, label) pairs: "PERSON:ORGANISATION" (or "PERSON:" for someone with none)."""
    authors = list(dict.fromkeys(
        Message.objects.filter(thread=thread, sender__isnull=False).order_by("date", "pk")
        .values_list("sender_id", flat=True))) if thread else []
    members = Membership.objects.filter(group=group, person__isnull=False).values("person_id")
    staff = Affiliation.objects.filter(
        organisation__memberships__group=group).values("person_id")
    people = Person.objects.prefetch_related("affiliations__organisation")
    order = {pk: number for number, pk in enumerate(authors)}
    found = sorted(people.filter(pk__in=authors[:MOST]), key=lambda p: order[p.pk]) + list(
        people.filter(Q(pk__in=members) | Q(pk__in=staff)).exclude(pk__in=authors)
        .order_by("name")[:max(0, MOST - len(authors))])
    choices = []
    for person in found:
        organisations = [a.organisation for a in person.affiliations.all()]
        choices += ([(f"{person.pk}:{o.pk}", f"{person.name} — {o.name}") for o in organisations]
                    or [(f"{person.pk}:", person.name)])
    return choices


def chosen(value: str) -> tuple[Person, Organisation | None]:
    """The person and organisation of a value `candidates` offered."""
    person_pk, _colon, organisation_pk = value.partition(":")
    person = Person.objects.get(pk=int(person_pk))
    organisation = Organisation.objects.get(pk=int(organisation_pk)) if organisation_pk else None
    return person, organisation
