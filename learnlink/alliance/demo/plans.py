"""The demo alliance's learning spaces and action plans: the four 5-day residential courses
(one per cycle, in its learn stage), in-country monitoring visits and an online exchange
between them, who came, and per country team per cycle an action plan of two to four tasks
with a realistic mix of on time, late, dropped and (in the last cycle) open ones."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from learnlink.alliance.models import (
    ActionPlan,
    Alliance,
    Attendance,
    Cycle,
    Guide,
    LearningSpace,
    Participant,
    Partner,
    Task,
    TaskStatus,
)
from learnlink.people.models import Person, Place

FACILITATORS = ["jc.habimana@example.org", "sarah.nabukeera@example.org"]

# cycle number: (title, place, first day, last day, guide step numbers, countries absent)
COURSES = {
    1: ("First residential course: forming teams and finding market opportunities", "Kampala",
        "2003-03-10", "2003-03-14", [1, 2], ["Sudan"]),
    2: ("Second residential course: choosing enterprises and planning the business",
        "Nairobi", "2003-08-11", "2003-08-15", [3, 4], ["Eritrea"]),
    3: ("Third residential course: intervening in the market chain", "Arusha",
        "2004-02-09", "2004-02-13", [5], []),
    4: ("Fourth residential course: monitoring, evaluation and scaling up", "Kigali",
        "2004-06-14", "2004-06-18", [6], ["Madagascar"]),
}

# (cycle, country, place, first day, last day)
VISITS = [
    (1, "Kenya", "Embu", "2003-05-19", "2003-05-21"),
    (1, "Uganda", "Soroti", "2003-06-09", "2003-06-11"),
    (2, "Tanzania", "Babati", "2003-10-13", "2003-10-15"),
    (2, "Ethiopia", "Wolayta Sodo", "2003-11-03", "2003-11-05"),
    (3, "Rwanda", "Gitarama", "2004-03-22", "2004-03-24"),
    (3, "Madagascar", "Antsirabe", "2004-04-19", "2004-04-21"),
    (4, "Burundi", "Ngozi", "2004-07-12", "2004-07-14"),
    (4, "Eritrea", "Hamelmalo", "2004-08-16", "2004-08-18"),
]

ONLINE = ("Online exchange: business plans of the producer marketing groups", 2,
          "2003-09-01", "2003-11-30", [4])

# country: (territory, product, district town, big market, producer marketing groups)
TERRITORIES = {
    "Burundi": ("Ngozi", "bananas", "Ngozi", "Bujumbura", 6),
    "Eritrea": ("Hamelmalo", "onions", "Keren", "Asmara", 4),
    "Ethiopia": ("Wolayta", "haricot beans", "Sodo", "Addis Ababa", 7),
    "Kenya": ("Mbeere", "greengrams", "Embu", "Nairobi", 9),
    "Madagascar": ("Vakinankaratra", "potatoes", "Antsirabe", "Antananarivo", 5),
    "Rwanda": ("Gitarama", "passion fruit", "Gitarama", "Kigali", 6),
    "Sudan": ("North Kordofan", "groundnuts", "El Obeid", "Khartoum", 4),
    "Tanzania": ("Babati", "rice", "Babati", "Arusha", 8),
    "Uganda": ("Teso", "sweet potatoes", "Soroti", "Kampala", 9),
}

# cycle: [(title, due, deliverable, guide step)]
TASKS = {
    1: [("Form the {territory} territory team with the district agricultural office",
         "2003-04-15", "List of team members, their organisations and roles", 1),
        ("Market opportunity survey of {product} in {town} and {market}", "2003-06-15",
         "Survey report with buyers, volumes, grades and prices", 2),
        ("Inventory of service providers working in {territory}", "2003-05-15",
         "Inventory of service providers", 1),
        ("Select the first producer groups in {territory} with the territory team",
         "2003-07-10", "List of groups and their members", 1)],
    2: [("Enterprise selection workshop with farmers in {territory}", "2003-09-30",
         "Ranked list of enterprises with margins", 3),
        ("Business plan with {groups} producer marketing groups", "2003-11-30",
         "One business plan per group", 4),
        ("Agree bulking points for {product} with the groups", "2003-10-31",
         "Map of bulking points", 4),
        ("Train group leaders in record keeping", "2003-12-10", "Training report", 4)],
    3: [("Meet {product} traders in {market} to agree on grades and prices", "2004-03-31",
         "Minutes of the meeting with traders", 5),
        ("First collective sale of {product} by the groups", "2004-04-30",
         "Sales record: volume, price and buyer", 5),
        ("Grading and storage training for {product}", "2004-03-15", "Training report", 5),
        ("Link the groups with a savings and credit cooperative in {town}", "2004-05-10",
         "Agreement with the cooperative", 5)],
    4: [("Monitoring sheets for the volumes and values sold by each group", "2004-07-31",
         "Filled monitoring sheets", 6),
        ("Write the case study of {territory} for the guide", "2004-09-30",
         "Case study, 4 to 6 pages", 6),
        ("Present the results to the district stakeholders in {town}", "2004-10-08",
         "Presentation and list of participants", 6),
        ("Plan scaling up to a second territory", "2004-10-05", "Scaling-up plan", 6)],
}

DROP_REASONS = [
    "The district office changed its staff and the meeting could not be held this cycle.",
    "Heavy rains cut the road to the territory for six weeks.",
    "The groups chose to wait for the next harvest; moved to the next cycle's plan.",
    "Insecurity in the territory stopped field work for two months.",
]


def _day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def _place(name: str) -> Place | None:
    return Place.objects.filter(name=name).order_by("pk").first()


def _space(cycle: Cycle, title: str, kind: str, place: str, first: str, last: str,
           steps: list[int], guide: Guide, facilitators: list[Person]) -> LearningSpace:
    found = _place(place)
    space, created = LearningSpace.objects.get_or_create(cycle=cycle, title=title, defaults={
        "kind": kind, "place": found, "place_name": "" if found else place,
        "start": _day(first), "end": _day(last)})
    if created:
        space.facilitators.set(facilitators)
        space.steps.set(guide.steps.filter(number__in=steps))
    return space


def _invite(space: LearningSpace, people: Sequence[tuple[Person, Partner | None]],
            absent: set[int]) -> None:
    for person, partner in people:
        Attendance.objects.get_or_create(space=space, person=person, defaults={
            "partner": partner, "attended": person.pk not in absent})


def _status(country: int, cycle: int, index: int, due: datetime.date) -> dict[str, object]:
    """A fixed mix: most tasks on time, some late, a few dropped, the last cycle's partly open."""
    k = (country * 7 + cycle * 3 + index) % 10
    if k == 7:
        return {"status": TaskStatus.DROPPED,
                "drop_reason": DROP_REASONS[(country + cycle) % len(DROP_REASONS)]}
    if k in (5, 6) or (k == 8 and cycle < 4):
        return {"status": TaskStatus.DONE, "done_on": due + datetime.timedelta(days=9 + k)}
    if k in (8, 9) and cycle == 4:
        return {"status": TaskStatus.OPEN}
    return {"status": TaskStatus.DONE, "done_on": due - datetime.timedelta(days=k + 1)}


def load_plans(alliance: Alliance) -> None:
    guide = Guide.objects.get(slug="territorial-agro-enterprise")
    facilitators = list(Person.objects.filter(email_addresses__address__in=FACILITATORS)
                        .order_by("name"))
    implementers = {p.partner.organisation.name.removeprefix("CRS "): (p.person, p.partner)
                    for p in Participant.objects.filter(alliance=alliance, role="implementer")
                    .select_related("person", "partner__organisation")
                    if p.partner is not None}
    coordinators = [(p.person, None) for p in Participant.objects.filter(
        alliance=alliance, role="coordinator").select_related("person")]
    cycles = {cycle.number: cycle for cycle in alliance.cycles.all()}
    for number, (title, place, first, last, steps, absent) in COURSES.items():
        space = _space(cycles[number], title, "residential_course", place, first, last, steps,
                       guide, facilitators)
        people = [implementers[c] for c in sorted(implementers)] + coordinators
        _invite(space, people, {implementers[c][0].pk for c in absent if c in implementers})
    for index, (number, country, place, first, last) in enumerate(VISITS):
        if country not in implementers:
            continue
        _space(cycles[number], f"Monitoring visit to CRS {country} in {place}",
               "monitoring_visit", place, first, last, [], guide,
               [facilitators[index % len(facilitators)]])
        space = LearningSpace.objects.get(cycle=cycles[number],
                                          title=f"Monitoring visit to CRS {country} in {place}")
        _invite(space, [implementers[country]], set())
    title, number, first, last, steps = ONLINE
    space = _space(cycles[number], title, "online_exchange", "online", first, last, steps,
                   guide, facilitators)
    _invite(space, [implementers[c] for c in sorted(implementers)], set())
    _action_plans(alliance, guide, implementers, cycles)


def _action_plans(alliance: Alliance, guide: Guide,
                  implementers: dict[str, tuple[Person, Partner]],
                  cycles: dict[int, Cycle]) -> None:
    steps = {step.number: step for step in guide.steps.all()}
    for country_index, country in enumerate(sorted(implementers)):
        owner, partner = implementers[country]
        territory, product, town, market, groups = TERRITORIES.get(
            country, ("the territory", "the chosen product", "the district town",
                      "the capital", 5))
        words = {"territory": territory, "product": product, "town": town, "market": market,
                 "groups": groups}
        for number, cycle in cycles.items():
            templates = TASKS.get(number, [])
            count = 2 + (country_index + number) % 3
            plan, _created = ActionPlan.objects.get_or_create(partner=partner, cycle=cycle,
                                                              defaults={
                "summary": f"In {territory}, put into practice what cycle {number} taught: "
                           f"{cycle.theme.lower()}, with {product} as the lead product."})
            if _created:
                plan.steps.set({steps[step] for *_rest, step in templates[:count]})
            for index, (title, due, deliverable, step) in enumerate(templates[:count]):
                due_day = _day(due)
                Task.objects.get_or_create(plan=plan, title=title.format(**words), defaults={
                    "owner": owner, "due": due_day, "deliverable": deliverable,
                    "step": steps.get(step),
                    **_status(country_index, number, index, due_day)})
