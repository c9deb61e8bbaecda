"""The demo alliance itself: goal, partners, people, objectives, the four cycles and the guide
they follow. Organisations and people come from the directory demo (learnlink/people/demo)."""

from __future__ import annotations

import datetime

from learnlink.alliance.models import (
    Alliance,
    Cycle,
    Guide,
    GuideStep,
    Objective,
    Participant,
    Partner,
    Stage,
    Visibility,
)
from learnlink.exchange.membership import create_group
from learnlink.exchange.models import DeliveryMode, Membership, Role
from learnlink.people.models import Organisation, Person, Place

SLUG = "ciat-crs-east-africa"
COUNTRIES = ["Burundi", "Eritrea", "Ethiopia", "Kenya", "Madagascar", "Rwanda", "Sudan",
             "Tanzania", "Uganda"]
GOAL = ("Rural communities in nine countries of East and Central Africa earn more from farming "
        "by organising to sell together to better markets, supported by country teams that "
        "have learnt the territorial approach to agro-enterprise development by practising it.")

GUIDE_STEPS = [
    ("Forming a team and selecting the territory",
     "Bring together the service providers and community organisations of one territory and "
     "agree where to work and with whom."),
    ("Market opportunity identification",
     "Study with farmers what buyers want, in which quantity, quality and season, and at what "
     "price, before choosing what to produce."),
    ("Enterprise selection",
     "Choose with the communities the products with a market, a margin and a fit to their "
     "land, labour and skills."),
    ("Business planning",
     "Plan production, bulking, quality, transport and sales of the chosen products with the "
     "producer marketing groups, with costs and expected income."),
    ("Market chain intervention",
     "Work with traders, processors and service providers to remove what blocks the chain: "
     "grading, storage, credit, information."),
    ("Monitoring",
     "Follow volumes, values and members of each group, and feed what is learnt back into "
     "planning."),
]

# (number, theme, start, end, stage dates for goal, learn, practice, reflect)
CYCLES = [
    (1, "Forming teams, selecting territories and finding market opportunities",
     "2003-03-01", "2003-07-31",
     [("2003-03-01", "2003-03-09"), ("2003-03-10", "2003-03-14"), ("2003-03-15", "2003-07-15"),
      ("2003-07-16", "2003-07-31")]),
    (2, "Selecting enterprises and planning the business", "2003-08-01", "2003-12-31",
     [("2003-08-01", "2003-08-10"), ("2003-08-11", "2003-08-15"), ("2003-08-16", "2003-12-15"),
      ("2003-12-16", "2003-12-31")]),
    (3, "Intervening in the market chain", "2004-01-01", "2004-05-31",
     [("2004-01-01", "2004-02-08"), ("2004-02-09", "2004-02-13"), ("2004-02-14", "2004-05-15"),
      ("2004-05-16", "2004-05-31")]),
    (4, "Monitoring, evaluation and scaling up", "2004-06-01", "2004-10-31",
     [("2004-06-01", "2004-06-13"), ("2004-06-14", "2004-06-18"), ("2004-06-19", "2004-10-10"),
      ("2004-10-11", "2004-10-31")]),
]
STEPS = ["goal", "learn", "practice", "reflect"]

# (organisation, stated by, the need in their words, the objective drawn from it)
OBJECTIVES = [
    ("CRS Kenya", "peter.kilonzo@example.org",
     "Our farmers sell greengrams one tin at a time to middlemen at the farm gate and never "
     "know the town price.",
     "Organise farmers into producer marketing groups that bulk, grade and sell together to "
     "larger buyers."),
    ("CRS Ethiopia", "almaz.tadesse@example.org",
     "Our staff know relief and crop production, not markets; we do not know how to start.",
     "Give every country team the skills to identify market opportunities with farmers."),
    ("CIAT Africa Agro-enterprise Programme", "annet.kyomuhendo@example.org",
     "The agro-enterprise guides were written for Latin America and need testing here.",
     "Adapt the territorial approach guides to each country and feed the lessons back into "
     "them."),
    ("Catholic Relief Services East Africa", "margaret.otieno@example.org",
     "We must show our donors what market linkage changes in household income.",
     "Measure, per territory, the households reached, the groups formed and the value of "
     "what they sell."),
]


def _day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def _person(address: str) -> Person:
    return Person.objects.get(email_addresses__address=address)


def load_guide() -> Guide:
    guide, _created = Guide.objects.get_or_create(slug="territorial-agro-enterprise", defaults={
        "title": "Territorial approach to rural agro-enterprise development",
        "summary": "The agro-enterprise process in six steps, from forming a team in a "
                   "territory to monitoring the groups' sales.",
        "source": "CIAT Rural Agro-enterprise Development Project, 2004"})
    for number, (title, description) in enumerate(GUIDE_STEPS, start=1):
        GuideStep.objects.get_or_create(guide=guide, number=number, defaults={
            "title": title, "description": description})
    return guide


_RESPONSIBILITIES = {
    "research": "Prepares and runs the four residential courses, adapts the guides, "
                "backstops the country teams and pays its staff time.",
    "development_agency": "Co-ordinates the country teams, pays their travel to the courses "
                          "and organises the in-country monitoring visits.",
    "country_team": "Sends a team of three to every course, puts each step into practice "
                    "with its partners and communities, reports on its action plan and "
                    "hosts a monitoring visit.",
}


def _partners(alliance: Alliance) -> None:
    roles = {"CIAT Africa Agro-enterprise Programme": "research",
             "Catholic Relief Services East Africa": "development_agency"}
    roles.update({f"CRS {country}": "country_team" for country in COUNTRIES})
    for name, role in roles.items():
        country = name.removeprefix("CRS ") if name.startswith("CRS ") else None
        place = (Place.objects.filter(name=country, parent=None).first() if country else None)
        Partner.objects.get_or_create(
            alliance=alliance, organisation=Organisation.objects.get(name=name),
            defaults={"role": role, "country": place,
                      "responsibilities": _RESPONSIBILITIES.get(role, "")})


def _participants(alliance: Alliance) -> None:
    coordinators = ["annet.kyomuhendo@example.org", "margaret.otieno@example.org"]
    facilitators = ["jc.habimana@example.org", "sarah.nabukeera@example.org"]
    for address in coordinators:
        Participant.objects.get_or_create(alliance=alliance, person=_person(address),
                                          role="coordinator")
    for address in facilitators:
        Participant.objects.get_or_create(alliance=alliance, person=_person(address),
                                          role="facilitator")
    for partner in alliance.partners.filter(role="country_team").select_related("organisation"):
        for person in Person.objects.filter(affiliations__organisation=partner.organisation):
            Participant.objects.get_or_create(alliance=alliance, person=person,
                                              role="implementer",
                                              defaults={"partner": partner})


def _objectives(alliance: Alliance) -> None:
    for organisation, address, need, text in OBJECTIVES:
        Objective.objects.get_or_create(alliance=alliance, text=text, defaults={
            "need": need, "stated_by": _person(address),
            "partner": alliance.partners.get(organisation__name=organisation)})


def _cycles(alliance: Alliance) -> None:
    for number, theme, start, end, stages in CYCLES:
        cycle, _created = Cycle.objects.get_or_create(alliance=alliance, number=number, defaults={
            "theme": theme, "start": _day(start), "end": _day(end)})
        for step, (first, last) in zip(STEPS, stages, strict=True):
            Stage.objects.get_or_create(cycle=cycle, step=step, defaults={
                "start": _day(first), "end": _day(last)})


def demo_alliance() -> Alliance:
    """The alliance row alone, for demos of other apps that need nothing else of it."""
    alliance, _created = Alliance.objects.get_or_create(slug=SLUG, defaults={
        "name": "CIAT–CRS East Africa Learning Alliance", "goal": GOAL,
        "start": datetime.date(2003, 3, 1), "end": datetime.date(2004, 10, 31),
        "visibility": Visibility.PUBLIC})
    return alliance


def _exchange_group(alliance: Alliance) -> None:
    """The private group the partners write to between learning spaces: coordinators and
    facilitators read each message, the country teams a daily digest."""
    group = create_group(
        "ciat-crs-alliance", "CIAT–CRS alliance: between the courses", private=True,
        description="Where the nine country teams, CIAT and CRS ask each other how the last "
                    "course's steps are going in practice, between the residential courses.")
    for participant in alliance.participants.select_related("person"):
        runs = participant.role != "implementer"
        Membership.objects.get_or_create(group=group, person=participant.person, defaults={
            "role": Role.MENTOR if runs else Role.LEARNER,
            "mode": DeliveryMode.EACH if runs else DeliveryMode.DAILY})
    if alliance.group_id != group.pk:
        alliance.group = group
        alliance.save(update_fields=["group"])


def load_core() -> Alliance:
    alliance = demo_alliance()
    load_guide()
    _partners(alliance)
    _participants(alliance)
    _exchange_group(alliance)
    _objectives(alliance)
    _cycles(alliance)
    return alliance
