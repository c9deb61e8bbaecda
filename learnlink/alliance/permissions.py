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
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from learnlink.alliance.models import (
    Alliance,
    Cycle,
    DueDateRequest,
    LearningSpace,
    Participant,
    ParticipantRole,
    Partner,
    Task,
    Visibility,
)
from learnlink.alliance.models.evaluation import coordinators_named
from learnlink.exchange.models import Group
from learnlink.exchange.permissions import visible_groups
from learnlink.people.models import Person
from learnlink.people.roles import COORDINATOR, MENTOR, STAFF, roles_of

AnyUser = User | AnonymousUser


class Refused(Exception):
    """A signed-in person asked to do what is not theirs to do in an alliance they can see:
    the page says who may instead of pretending the page does not exist (403, not 404)."""

    def __init__(self, alliance: Alliance, reason: str) -> None:
        super().__init__(reason)
        self.alliance = alliance
        self.reason = reason


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


def may_evaluate(user: AnyUser, alliance: Alliance) -> bool:
    """Scores people and sees every evaluation: the alliance's own coordinators only; staff
    rights alone are not enough to evaluate people or to see their evaluations."""
    person = person_of(user)
    return person is not None and Participant.objects.filter(
        alliance=alliance, person=person, role=ParticipantRole.COORDINATOR).exists()


def is_coordinator(user: AnyUser, alliance: Alliance) -> bool:
    """Runs the alliance (cycles, tasks, costs, syntheses): its own coordinators, and staff."""
    return is_staff(user) or may_evaluate(user, alliance)


def may_see_evaluations_of(user: AnyUser, alliance: Alliance, evaluated: Person) -> bool:
    """The alliance's own coordinators and the person evaluated; not staff as such."""
    person = person_of(user)
    return person is not None and (person == evaluated or may_evaluate(user, alliance))


def readable_group(user: AnyUser, alliance: Alliance) -> Group | None:
    """The alliance's exchange group, to link, if its archive lets the user in."""
    return visible_groups(user).filter(alliances=alliance).first()


def readable_alliance(user: AnyUser, slug: str) -> Alliance:
    """The alliance if the user may read its overview; 404 otherwise, so private ones stay
    unlisted. The web passes the session's user, the API its token's."""
    alliance = visible_alliances(user).filter(slug=slug).first()
    if alliance is None:
        raise Http404
    return alliance


def insiders_alliance(user: AnyUser, slug: str) -> Alliance:
    """The alliance if the user takes part in it (tasks, plans, costs); 404 otherwise."""
    alliance = readable_alliance(user, slug)
    if not is_insider(user, alliance):
        raise Http404
    return alliance


def alliance_for_reader(request: HttpRequest, slug: str) -> Alliance:
    return readable_alliance(request.user, slug)


def alliance_for_insider(request: HttpRequest, slug: str) -> Alliance:
    return insiders_alliance(request.user, slug)


def alliance_for_coordinator(request: HttpRequest, slug: str) -> Alliance:
    alliance = alliance_for_reader(request, slug)
    if not is_coordinator(request.user, alliance):
        raise Http404
    return alliance


# Reflection, evaluation and costs.

def alliance_for_evaluator(request: HttpRequest, slug: str) -> Alliance:
    """Criteria and the poor-performance line: the alliance's own coordinators; 404 to anyone
    else."""
    alliance = alliance_for_reader(request, slug)
    if not may_evaluate(request.user, alliance):
        raise Http404
    return alliance


def alliance_for_recording_evaluations(request: HttpRequest, slug: str) -> Alliance:
    """Recording a score or an action: a signed-in person who may not is told who may."""
    alliance = alliance_for_reader(request, slug)
    if may_evaluate(request.user, alliance):
        return alliance
    if not request.user.is_authenticated:
        raise Http404
    raise Refused(alliance, _(
        "Only the coordinators of %(alliance)s may evaluate facilitators and implementers: "
        "%(names)s. Ask one of them to record it.") % {
            "alliance": alliance, "names": coordinators_named(alliance)})


def evaluated_visible_to(user: AnyUser, alliance: Alliance) -> QuerySet[Participant]:
    """The facilitators and implementers whose evaluations the user may see: all of them for a
    coordinator of the alliance, the user's own roles for anyone else."""
    evaluated = Participant.objects.filter(
        alliance=alliance, role__in=[ParticipantRole.FACILITATOR, ParticipantRole.IMPLEMENTER])
    if may_evaluate(user, alliance):
        return evaluated
    person = person_of(user)
    if person is None:
        return evaluated.none()
    return evaluated.filter(person=person)


def partner_for_answer(request: HttpRequest, alliance: Alliance, pk: int) -> Partner:
    """The partner team whose reflection the user may write; told who may otherwise."""
    team = get_object_or_404(Partner.objects.select_related("organisation"), alliance=alliance,
                             pk=pk)
    if not may_act_for_team(request.user, team):
        raise Refused(alliance, _("Only the people of %(partner)s and the alliance's "
                                  "coordinators write its answers.") % {"partner": team})
    return team


def may_synthesise(user: AnyUser, alliance: Alliance) -> bool:
    """Writes and publishes the synthesis of a cycle's reflections: a coordinator, or a mentor
    of the network who takes part in the alliance."""
    return is_coordinator(user, alliance) or (MENTOR in roles_of(user)
                                              and is_insider(user, alliance))


def alliance_for_synthesis_writer(request: HttpRequest, slug: str) -> Alliance:
    alliance = alliance_for_insider(request, slug)
    if not may_synthesise(request.user, alliance):
        raise Http404
    return alliance


def may_run_costs(user: AnyUser, alliance: Alliance) -> bool:
    """Budget lines, commitments, contributions, rates and responsibilities."""
    return is_coordinator(user, alliance)


def alliance_for_treasurer(request: HttpRequest, slug: str) -> Alliance:
    """Keeping the cost-share ledger: 404 to anyone who may not run its costs."""
    alliance = alliance_for_reader(request, slug)
    if not may_run_costs(request.user, alliance):
        raise Http404
    return alliance


# Learning spaces, action plans and tasks.

def team_people(partner: Partner) -> QuerySet[Person]:
    """A partner's team: the alliance's participants in it and the people of the organisation."""
    return Person.objects.filter(
        Q(alliance_roles__partner=partner)
        | Q(affiliations__organisation_id=partner.organisation_id)).distinct()


def is_team_member(user: AnyUser, partner: Partner) -> bool:
    person = person_of(user)
    return person is not None and team_people(partner).filter(pk=person.pk).exists()


def own_team_ids(user: AnyUser, alliance: Alliance) -> set[int]:
    """The partner teams the user takes part in as a participant ("your team" on its pages)."""
    person = person_of(user)
    if person is None:
        return set()
    return set(alliance.participants.filter(person=person).values_list("partner_id", flat=True))


def may_act_for_team(user: AnyUser, partner: Partner) -> bool:
    """Writes for a partner team (its action plan, its tasks, its reflection): the team's own
    members and the alliance's coordinators."""
    return is_coordinator(user, partner.alliance) or is_team_member(user, partner)


def may_write_for_team_by_mail(person: Person, partner: Partner) -> bool:
    """A reply for a team (its reflection, its plan): the people who may write for it on the
    web, its own people and the alliance's coordinators; only the sender's address says who."""
    return team_people(partner).filter(pk=person.pk).exists() or may_decide_due_date_by_mail(
        person, partner.alliance)


def may_answer_task_by_mail(person: Person, task: Task) -> bool:
    """Done, drop or a new date by reply to a reminder: the task's owner, their team and the
    alliance's coordinators, as on the web."""
    return person.pk == task.owner_id or may_write_for_team_by_mail(person, task.plan.partner)


def may_decide_due_date_by_mail(person: Person, alliance: Alliance) -> bool:
    """The alliance's own coordinators (staff have no mail of the alliance to answer)."""
    return Participant.objects.filter(alliance=alliance, person=person,
                                      role=ParticipantRole.COORDINATOR).exists()


def may_decide_due_date(user: AnyUser, alliance: Alliance) -> bool:
    """Confirming an owner's new due date: the alliance's coordinators (and staff)."""
    return is_coordinator(user, alliance)


def may_record_attendance(user: AnyUser, space: LearningSpace) -> bool:
    """Who came: the alliance's coordinators and the space's own facilitators."""
    person = person_of(user)
    return is_coordinator(user, space.cycle.alliance) or (
        person is not None and space.facilitators.filter(pk=person.pk).exists())


def plan_for_editor(request: HttpRequest, slug: str, number: int, partner_pk: int) -> tuple[
        Alliance, Cycle, Partner]:
    """The alliance, cycle and partner team whose plan the user may edit; 404 otherwise."""
    alliance = alliance_for_insider(request, slug)
    cycle = Cycle.objects.filter(alliance=alliance, number=number).first()
    partner = Partner.objects.filter(alliance=alliance, pk=partner_pk).select_related(
        "organisation", "alliance").first()
    if cycle is None or partner is None or not may_act_for_team(request.user, partner):
        raise Http404
    return alliance, cycle, partner


def task_for_editor(request: HttpRequest, slug: str, pk: int) -> Task:
    alliance = alliance_for_insider(request, slug)
    task = Task.objects.select_related(
        "plan__cycle__alliance", "plan__partner__organisation", "plan__partner__alliance",
        "owner").filter(plan__cycle__alliance=alliance, pk=pk).first()
    if task is None or not may_act_for_team(request.user, task.plan.partner):
        raise Http404
    return task


def date_request_for_coordinator(request: HttpRequest, slug: str, pk: int,
                                 request_pk: int) -> DueDateRequest:
    """An undecided request for a new due date, if the user may confirm it; 404 otherwise."""
    task = task_for_editor(request, slug, pk)
    asked = task.date_requests.filter(pk=request_pk, decided__isnull=True).first()
    if asked is None or not may_decide_due_date(request.user, task.plan.cycle.alliance):
        raise Http404
    asked.task = task
    return asked


def space_for_reader(request: HttpRequest, slug: str, pk: int) -> LearningSpace:
    alliance = alliance_for_reader(request, slug)
    space = LearningSpace.objects.select_related("cycle__alliance", "place").filter(
        cycle__alliance=alliance, pk=pk).first()
    if space is None:
        raise Http404
    return space


def space_for_attendance(request: HttpRequest, slug: str, pk: int) -> LearningSpace:
    space = space_for_reader(request, slug, pk)
    if not may_record_attendance(request.user, space):
        raise Http404
    return space


# Calendar feeds: a link signed for one alliance or one person stands in for signing in.

def alliance_for_feed(slug: str, token: str | None) -> tuple[Alliance, bool]:
    """The alliance and whether the feed may show insiders' dates (tasks). Without a valid
    token only a public alliance answers, with its spaces and stages; a private one is 404."""
    from learnlink.alliance.calendar.links import alliance_token_valid

    alliance = Alliance.objects.filter(slug=slug).first()
    if alliance is None:
        raise Http404
    if token is not None:
        if not alliance_token_valid(alliance, token):
            raise Http404
        return alliance, True
    if alliance.visibility != Visibility.PUBLIC:
        raise Http404
    return alliance, False


def person_for_feed(token: str) -> Person:
    from learnlink.alliance.calendar.links import person_from_token

    person = person_from_token(token)
    if person is None:
        raise Http404
    return person
