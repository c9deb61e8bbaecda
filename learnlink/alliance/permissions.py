"""Every permission decision of the alliance app, in one place.

Public alliances: anyone reads the overview (goal, partners, cycles, impact). Private ones:
the people of their partner organisations, their participants, the network's coordinators and
staff; to anyone else a private alliance does not exist (404). Running an alliance (cycles,
tasks, costs, syntheses) is for its coordinators and staff. Evaluations of a person are seen
by the alliance's coordinators and by that person, never by anyone else.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from learnlink.alliance.models import Alliance, Participant, ParticipantRole, Partner, Visibility
from learnlink.people.models import Person
from learnlink.people.roles import COORDINATOR, MENTOR, STAFF, roles_of

AnyUser = User | AnonymousUser


def person_of(user: AnyUser) -> Person | None:
    if not user.is_authenticated:
        return None
    return getattr(user, "person", None)


def is_staff(user: AnyUser) -> bool:
    return user.is_superuser or STAFF in roles_of(user)


def may_create(user: AnyUser) -> bool:
    """Starting a new alliance: the network's coordinators and staff."""
    return is_staff(user) or COORDINATOR in roles_of(user)


def _involved(person: Person) -> Q:
    return (Q(participants__person=person)
            | Q(partners__organisation__affiliations__person=person))


def visible_alliances(user: AnyUser) -> QuerySet[Alliance]:
    if is_staff(user) or COORDINATOR in roles_of(user):
        return Alliance.objects.all()
    person = person_of(user)
    if person is None:
        return Alliance.objects.filter(visibility=Visibility.PUBLIC)
    return Alliance.objects.filter(Q(visibility=Visibility.PUBLIC) | _involved(person)).distinct()


def is_insider(user: AnyUser, alliance: Alliance) -> bool:
    """Takes part (or is staff): sees tasks, plans, feedback and costs, not just the overview."""
    if is_staff(user):
        return True
    person = person_of(user)
    return person is not None and takes_part(person, alliance)


def takes_part(person: Person, alliance: Alliance) -> bool:
    """A participant, or one of a partner organisation's people: also for mail, where only the
    sender's address says who it is."""
    return Alliance.objects.filter(_involved(person), pk=alliance.pk).exists()


def is_coordinator(user: AnyUser, alliance: Alliance) -> bool:
    if is_staff(user):
        return True
    person = person_of(user)
    return person is not None and Participant.objects.filter(
        alliance=alliance, person=person, role=ParticipantRole.COORDINATOR).exists()


def may_see_evaluations_of(user: AnyUser, alliance: Alliance, evaluated: Person) -> bool:
    """The alliance's own coordinators and the person evaluated; not staff as such."""
    person = person_of(user)
    return person is not None and (person == evaluated or coordinates(user, alliance))


def alliance_for_reader(request: HttpRequest, slug: str) -> Alliance:
    """The alliance if the user may read its overview; 404 otherwise, so private ones stay
    unlisted."""
    alliance = visible_alliances(request.user).filter(slug=slug).first()
    if alliance is None:
        raise Http404
    return alliance


def alliance_for_insider(request: HttpRequest, slug: str) -> Alliance:
    alliance = alliance_for_reader(request, slug)
    if not is_insider(request.user, alliance):
        raise Http404
    return alliance


def alliance_for_coordinator(request: HttpRequest, slug: str) -> Alliance:
    alliance = alliance_for_reader(request, slug)
    if not is_coordinator(request.user, alliance):
        raise Http404
    return alliance


# Reflection, evaluation and costs (issue 5, items 5 to 7).

def coordinates(user: AnyUser, alliance: Alliance) -> bool:
    """Is one of the alliance's own coordinators: staff rights alone are not enough to evaluate
    people or to see their evaluations."""
    person = person_of(user)
    return person is not None and Participant.objects.filter(
        alliance=alliance, person=person, role=ParticipantRole.COORDINATOR).exists()


def may_evaluate(user: AnyUser, alliance: Alliance) -> bool:
    return coordinates(user, alliance)


def evaluated_visible_to(user: AnyUser, alliance: Alliance) -> QuerySet[Participant]:
    """The facilitators and implementers whose evaluations the user may see: all of them for a
    coordinator of the alliance, the user's own roles for anyone else."""
    evaluated = Participant.objects.filter(
        alliance=alliance, role__in=[ParticipantRole.FACILITATOR, ParticipantRole.IMPLEMENTER])
    if coordinates(user, alliance):
        return evaluated
    person = person_of(user)
    if person is None:
        return evaluated.none()
    return evaluated.filter(person=person)


def may_answer_for(user: AnyUser, partner: Partner) -> bool:
    """Writes a partner's reflection: the partner's own people and the alliance's coordinators."""
    if is_coordinator(user, partner.alliance):
        return True
    person = person_of(user)
    return person is not None and (
        Participant.objects.filter(partner=partner, person=person).exists()
        or person.affiliations.filter(organisation_id=partner.organisation_id).exists())


def may_synthesise(user: AnyUser, alliance: Alliance) -> bool:
    """Writes and publishes the synthesis of a cycle's reflections: a coordinator, or a mentor
    of the network who takes part in the alliance."""
    return is_coordinator(user, alliance) or (MENTOR in roles_of(user)
                                              and is_insider(user, alliance))


def may_run_costs(user: AnyUser, alliance: Alliance) -> bool:
    """Budget lines, commitments, contributions, rates and responsibilities."""
    return is_coordinator(user, alliance)
