"""The demo alliance's reflection, evaluations and shared costs: end-of-cycle feedback from the
nine country teams (cycles 1 to 3) with published syntheses of cycles 1 and 2, evaluations of
the facilitators and implementers with one poor performer and the action taken, and the
cost-share ledger in ten currencies at dated 2003-2004 rates. Safe to run again."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from learnlink.alliance.demo.rates import load_rates
from learnlink.alliance.demo.review_text import FEEDBACK, SYNTHESES
from learnlink.alliance.evaluation.performance import record_evaluation
from learnlink.alliance.models import (
    Alliance,
    BudgetLine,
    Commitment,
    Contribution,
    Criterion,
    Evaluation,
    Participant,
    Partner,
    PerformanceAction,
    Reflection,
    Synthesis,
)
from learnlink.people.models import Person

DAY = datetime.date.fromisoformat
ANNET = "annet.kyomuhendo@example.org"
MARGARET = "margaret.otieno@example.org"

CRITERIA = [
    ("Facilitation", "Prepares and runs sessions so that every participant takes part."),
    ("Timely reporting", "Sends the monthly report and the action plan's figures on time."),
    ("Application in the field", "Puts each step of the guide into practice with the "
                                 "communities between courses."),
    ("Team work", "Works with the territory team, the other country teams and the "
                  "coordinators."),
]

# address -> scores per cycle (facilitation, reporting, application, team work) and a comment
EVALUATIONS: dict[str, dict[int, tuple[tuple[int, int, int, int], str]]] = {
    "jc.habimana@example.org": {
        1: ((4, 3, 4, 4), "Ran the French sessions alone; needs the guides in French."),
        2: ((5, 4, 4, 5), "The French guides made his sessions much stronger."),
        3: ((5, 4, 5, 5), "Backstopped Burundi and Rwanda in the field."),
    },
    "sarah.nabukeera@example.org": {
        1: ((3, 4, 3, 4), "Good preparation; sessions ran over time."),
        2: ((4, 4, 4, 4), "Kept to time; strong on business planning."),
        3: ((4, 5, 4, 4), "Reports to the coordinators always on time."),
    },
    "pascasie.ndayishimiye@example.org": {
        1: ((3, 3, 3, 4), ""), 2: ((4, 3, 4, 4), ""), 3: ((4, 4, 4, 4), "")},
    "tesfay.gebremedhin@example.org": {
        1: ((3, 3, 3, 3), "A slow start after the extension staff left."),
        2: ((3, 2, 2, 2), "Reports two months late; the business plans stayed on paper; "
                          "the team did not meet."),
        3: ((3, 4, 3, 4), "Reports on time since February; groups selling vegetables."),
    },
    "almaz.tadesse@example.org": {
        1: ((4, 4, 3, 4), ""), 2: ((4, 4, 4, 4), ""), 3: ((4, 4, 4, 5), "")},
    "peter.kilonzo@example.org": {
        1: ((4, 4, 5, 4), "Greengram buyers in Mbeere within the cycle."),
        2: ((4, 4, 5, 4), ""), 3: ((5, 4, 5, 5), "")},
    "hery.rakotomalala@example.org": {
        1: ((3, 4, 3, 4), ""), 2: ((4, 4, 3, 4), ""), 3: ((4, 4, 4, 4), "")},
    "immaculee.mukamana@example.org": {
        1: ((4, 3, 3, 4), ""), 2: ((4, 4, 3, 4), ""), 3: ((4, 4, 4, 4), "")},
    "abdelrahman.osman@example.org": {
        1: ((3, 3, 3, 4), "Work went on despite insecurity."),
        2: ((3, 3, 4, 4), ""), 3: ((4, 3, 4, 4), "")},
    "neema.mushi@example.org": {
        1: ((4, 4, 4, 4), ""), 2: ((4, 5, 4, 4), ""), 3: ((4, 5, 4, 5), "")},
    "moses.okello@example.org": {
        1: ((4, 3, 4, 4), ""), 2: ((4, 3, 5, 4), ""), 3: ((5, 4, 5, 4), "")},
}
POOR = ("tesfay.gebremedhin@example.org", 2)
ACTION = ("Monthly call with the co-coordinator; one person in the Eritrea team named to "
          "send the monthly report; Sarah Nabukeera joins the business planning with the two "
          "vegetable groups in January.",
          "Margaret Achieng Otieno with the CRS Eritrea team leader",
          "2004-01-31",
          "Reporting person named in January; reports on time from February 2004; cycle 3 "
          "average 3.5.")

COURSES = "Four 5-day residential courses"
MONITORING = "In-country monitoring visits"
GUIDES = "Guide translation and printing"
COORDINATION = "Coordination"
BUDGET = [(COURSES, "96000"), (MONITORING, "40500"), (GUIDES, "14000"), (COORDINATION, "30000")]
CIAT = "CIAT Africa Agro-enterprise Programme"
CRS = "Catholic Relief Services East Africa"
STAFF_TIME = "Staff time"

# (partner, line, amount, currency, kind, note)
COMMITMENTS = [
    (CIAT, COURSES, "48000", "USD", "cash", "Trainers, venues and course materials."),
    (CIAT, GUIDES, "7000", "USD", "cash", "French translation of the guides."),
    (CIAT, COORDINATION, "15000", "USD", "in_kind",
     "Staff time of the coordinator and the two facilitators."),
    (CRS, COURSES, "48000", "USD", "cash", "Travel and lodging of the country teams."),
    (CRS, MONITORING, "27000", "USD", "cash", "Travel of the coordinators to the countries."),
    (CRS, GUIDES, "7000", "USD", "cash", "Printing of the guides."),
    (CRS, COORDINATION, "15000", "USD", "in_kind", "Staff time of the co-coordinator."),
    ("CRS Burundi", MONITORING, "1620000", "BIF", "in_kind", STAFF_TIME),
    ("CRS Eritrea", MONITORING, "20700", "ERN", "in_kind", STAFF_TIME),
    ("CRS Ethiopia", MONITORING, "12900", "ETB", "in_kind", STAFF_TIME),
    ("CRS Kenya", MONITORING, "114000", "KES", "in_kind", STAFF_TIME),
    ("CRS Madagascar", MONITORING, "9300000", "MGF", "in_kind", STAFF_TIME),
    ("CRS Rwanda", MONITORING, "805000", "RWF", "in_kind", STAFF_TIME),
    ("CRS Sudan", MONITORING, "390000", "SDD", "in_kind", STAFF_TIME),
    ("CRS Tanzania", MONITORING, "1560000", "TZS", "in_kind", STAFF_TIME),
    ("CRS Uganda", MONITORING, "2940000", "UGX", "in_kind", STAFF_TIME),
]
HOSTING = "Staff time hosting the monitoring visit"

# (partner, line, day, amount, currency, kind, description)
CONTRIBUTIONS = [
    (CIAT, COURSES, "2003-03-14", "12000", "USD", "cash", "Course 1, Kampala: trainers, venue"),
    (CRS, COURSES, "2003-03-14", "12500", "USD", "cash", "Course 1: travel and lodging"),
    (CIAT, COURSES, "2003-08-15", "11800", "USD", "cash", "Course 2, Nairobi: trainers, venue"),
    (CRS, COURSES, "2003-08-15", "12600", "USD", "cash", "Course 2: travel and lodging"),
    (CIAT, COURSES, "2004-02-13", "12200", "USD", "cash", "Course 3, Arusha: trainers, venue"),
    (CRS, COURSES, "2004-02-13", "12400", "USD", "cash", "Course 3: travel and lodging"),
    (CIAT, COURSES, "2004-06-18", "11500", "USD", "cash", "Course 4, Kampala: trainers, venue"),
    (CRS, COURSES, "2004-06-18", "12000", "USD", "cash", "Course 4: travel and lodging"),
    (CIAT, GUIDES, "2003-06-30", "3400", "USD", "cash", "French translation of the market "
                                                        "opportunity guide"),
    (CRS, GUIDES, "2004-01-20", "2900", "USD", "cash", "Printing 400 guides, English and French"),
    (CRS, MONITORING, "2003-06-10", "4300", "USD", "cash", "Visits to Kenya and Tanzania"),
    (CRS, MONITORING, "2003-10-20", "5200", "USD", "cash", "Visits to Burundi, Rwanda, Sudan"),
    (CRS, MONITORING, "2004-04-26", "6100", "USD", "cash", "Second round of country visits"),
    (CIAT, COORDINATION, "2003-12-31", "7500", "USD", "in_kind", "Staff time, 2003"),
    (CRS, COORDINATION, "2003-12-31", "7000", "USD", "in_kind", "Staff time, 2003"),
    ("CRS Kenya", MONITORING, "2003-06-12", "38000", "KES", "in_kind", HOSTING),
    ("CRS Kenya", MONITORING, "2004-04-20", "39000", "KES", "in_kind", HOSTING),
    ("CRS Uganda", MONITORING, "2003-06-20", "980000", "UGX", "in_kind", HOSTING),
    ("CRS Uganda", MONITORING, "2004-04-15", "950000", "UGX", "in_kind", HOSTING),
    ("CRS Tanzania", MONITORING, "2003-06-25", "520000", "TZS", "in_kind", HOSTING),
    ("CRS Tanzania", MONITORING, "2004-04-28", "545000", "TZS", "in_kind", HOSTING),
    ("CRS Ethiopia", MONITORING, "2003-07-03", "4300", "ETB", "in_kind", HOSTING),
    ("CRS Ethiopia", MONITORING, "2004-05-05", "4350", "ETB", "in_kind", HOSTING),
    ("CRS Rwanda", MONITORING, "2003-10-08", "270000", "RWF", "in_kind", HOSTING),
    ("CRS Rwanda", MONITORING, "2004-04-22", "285000", "RWF", "in_kind", HOSTING),
    ("CRS Burundi", MONITORING, "2003-10-14", "545000", "BIF", "in_kind", HOSTING),
    ("CRS Burundi", MONITORING, "2004-05-11", "550000", "BIF", "in_kind", HOSTING),
    ("CRS Madagascar", MONITORING, "2003-07-10", "3050000", "MGF", "in_kind", HOSTING),
    ("CRS Madagascar", MONITORING, "2004-05-18", "820000", "MGA", "in_kind", HOSTING),
    ("CRS Eritrea", MONITORING, "2003-11-05", "6900", "ERN", "in_kind", HOSTING),
    ("CRS Sudan", MONITORING, "2003-11-20", "130000", "SDD", "in_kind", HOSTING),
    ("CRS Sudan", MONITORING, "2004-09-15", "129000", "SDD", "in_kind", HOSTING),
]


def _person(address: str) -> Person:
    return Person.objects.get(email_addresses__address=address)


def _partner(alliance: Alliance, name: str) -> Partner:
    return alliance.partners.get(organisation__name=name)


def _feedback(alliance: Alliance) -> None:
    for number, answers in FEEDBACK.items():
        cycle = alliance.cycles.get(number=number)
        for country, (worked, did_not_work, will_change) in answers.items():
            partner = _partner(alliance, f"CRS {country}")
            author = Participant.objects.filter(partner=partner).select_related("person").first()
            Reflection.objects.get_or_create(cycle=cycle, partner=partner, defaults={
                "worked": worked, "did_not_work": did_not_work, "will_change": will_change,
                "author": author.person if author else None})
    for number, (worked, did_not_work, will_change, themes) in SYNTHESES.items():
        cycle = alliance.cycles.get(number=number)
        published = datetime.datetime.combine(cycle.end + datetime.timedelta(days=14),
                                              datetime.time(10), tzinfo=datetime.UTC)
        Synthesis.objects.get_or_create(cycle=cycle, defaults={
            "worked": worked, "did_not_work": did_not_work, "will_change": will_change,
            "themes": themes, "author": _person(ANNET),
            "published": timezone.localtime(published)})


def _evaluations(alliance: Alliance) -> None:
    criteria = []
    for order, (name, description) in enumerate(CRITERIA, start=1):
        criteria.append(Criterion.objects.get_or_create(alliance=alliance, name=name, defaults={
            "description": description, "order": order})[0])
    for address, cycles in EVALUATIONS.items():
        participant = Participant.objects.filter(
            alliance=alliance, person=_person(address),
            role__in=["facilitator", "implementer"]).first()
        if participant is None:
            continue
        for number, (scores, comment) in cycles.items():
            cycle = alliance.cycles.get(number=number)
            if Evaluation.objects.filter(cycle=cycle, participant=participant).exists():
                continue
            evaluator = _person(MARGARET if number == 2 else ANNET)
            record_evaluation(cycle, participant, evaluator,
                              dict(zip(criteria, scores, strict=True)), comment)
    address, number = POOR
    evaluation = Evaluation.objects.get(cycle__alliance=alliance, cycle__number=number,
                                        participant__person=_person(address))
    what, by_whom, by_when, outcome = ACTION
    PerformanceAction.objects.get_or_create(evaluation=evaluation, defaults={
        "what": what, "by_whom": by_whom, "by_when": DAY(by_when), "outcome": outcome,
        "recorded_by": _person(MARGARET)})


def _costs(alliance: Alliance) -> None:
    load_rates()
    lines = {}
    for order, (name, amount) in enumerate(BUDGET, start=1):
        lines[name] = BudgetLine.objects.get_or_create(alliance=alliance, name=name, defaults={
            "amount_usd": Decimal(amount), "order": order})[0]
    for partner, line, amount, currency, kind, note in COMMITMENTS:
        Commitment.objects.get_or_create(
            partner=_partner(alliance, partner), budget_line=lines[line], kind=kind,
            defaults={"amount": Decimal(amount), "currency": currency, "note": note,
                      "agreed_on": alliance.start})
    recorder = _person(MARGARET)
    for partner, line, day, amount, currency, kind, description in CONTRIBUTIONS:
        Contribution.objects.get_or_create(
            partner=_partner(alliance, partner), budget_line=lines[line], day=DAY(day),
            description=description,
            defaults={"amount": Decimal(amount), "currency": currency, "kind": kind,
                      "recorded_by": recorder})


def load_review(alliance: Alliance) -> None:
    _feedback(alliance)
    _evaluations(alliance)
    _costs(alliance)
