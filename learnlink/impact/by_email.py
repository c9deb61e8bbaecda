"""Sales by email, for a PMG secretary with a phone and no computer.

A mail to sales@ the mail domain holds one sale per line:

    SALE <pmg> <product> <quantity> <unit> <value> <currency> [<date>] [<buyer>]
    SALE Siakago PMG greengrams 40 bags 108000 KES 2004-07-14 Kitui Millers

Each line is read and checked as the web form checks a sale; the reply lists what was
recorded (with its tonnes and US$) and every line not understood, with why and an example.
The sender must be one of the PMG's people or take part in the alliance. The inbound mail
ends done (with what was recorded) or quarantined (nobody to answer, or a sender Learnlink
does not know, who is told so).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from learnlink.impact.models import Sale, SaleSource, Territory
from learnlink.impact.permissions import may_report_by_email
from learnlink.impact.sales import SaleChecker, SaleInput, SaleRejected, record_sale
from learnlink.impact.units import unit_example, unit_named
from learnlink.lib.fields import fitted
from learnlink.lib.money import MissingRate
from learnlink.mail.inbox import finish, quarantine, request_to_answer
from learnlink.mail.models import InboundMessage, State
from learnlink.mail.parsing import ParsedMessage
from learnlink.people.addresses import person_for_address
from learnlink.people.models import Enterprise, Organisation, OrganisationKind, Person

LANGUAGES = ("en", "sw", "fr")
EXAMPLE = "SALE Siakago PMG greengrams 40 bags 108000 KES 2004-07-14 Kitui Millers"
SALE = re.compile(r"^\s*SALE\b(?P<rest>.*)$", re.IGNORECASE)
NUMBER = r"-?\d[\d,]*(?:\.\d+)?"
FIELDS = re.compile(
    rf"^(?P<names>.+?)\s+(?P<quantity>{NUMBER})\s+(?P<unit>.+?)\s+(?P<value>{NUMBER})\s+"
    r"(?P<currency>[A-Za-z]{3})(?:\s+(?P<date>\d{4}-\d{1,2}-\d{1,2}))?(?:\s+(?P<buyer>.+))?$")


class NotUnderstood(ValueError):
    """A line that cannot be recorded; the message says why."""


@dataclass(frozen=True)
class LineResult:
    line: str
    sale: Sale | None = None
    problem: str = ""


def process(inbound: InboundMessage) -> None:
    parsed = request_to_answer(inbound)
    if parsed is None:
        return
    person = person_for_address(parsed.from_address)
    language = (person.language_codes() or ["en"])[0] if person else "en"
    with translation.override(language if language in LANGUAGES else "en"):
        if person is None:
            _reply(parsed, _("Sales not recorded"),
                   render_to_string("impact/email/unknown_sender.txt",
                                    {"address": parsed.from_address, "example": EXAMPLE}))
            quarantine(inbound, f"sales from {parsed.from_address}, an address nobody in the "
                                "directory has; answered")
            return
        received = timezone.localdate(inbound.received)
        lines = [line.strip() for line in parsed.new_text.splitlines() if SALE.match(line)]
        results = [read_line(line, person, received) for line in lines]
        recorded = [r.sale for r in results if r.sale is not None]
        problems = [r for r in results if r.sale is None]
        body = render_to_string("impact/email/sales_reply.txt", {
            "recorded": recorded, "problems": problems, "no_lines": not lines,
            "example": EXAMPLE, "units": unit_example()})
        subject = (_("Sales recorded: %(count)s") % {"count": len(recorded)} if recorded
                   else _("Sales not recorded"))
        _reply(parsed, subject, body)
    finish(inbound, State.DONE, f"sales by email: {len(recorded)} recorded, {len(problems)} "
                                f"lines not understood{'; no SALE line' if not lines else ''}")


def _reply(parsed: ParsedMessage, subject: str, body: str) -> None:
    headers = {"In-Reply-To": f"<{parsed.message_id}>", "Auto-Submitted": "auto-replied"}
    EmailMessage(subject[:200], body, None, [parsed.from_address], headers=headers).send()


def read_line(line: str, person: Person, received: datetime.date) -> LineResult:
    try:
        sale = parse_line(line, person, received)
        checker = SaleChecker(sale.territory.alliance, [sale.currency])
        return LineResult(line, sale=record_sale(sale, SaleSource.EMAIL, checker))
    except NotUnderstood as error:
        return LineResult(line, problem=str(error))
    except (SaleRejected, MissingRate) as error:
        return LineResult(line, problem=str(error))


def parse_line(line: str, person: Person, received: datetime.date) -> SaleInput:
    match = SALE.match(line)
    fields = FIELDS.match(match.group("rest").strip()) if match else None
    if fields is None:
        raise NotUnderstood(_("Could not find the quantity, unit, value and currency."))
    pmg, product_name = _pmg_and_product(fields.group("names"))
    # Named in any of its languages: a Swahili speaker writes "machungwa" for oranges.
    product = Enterprise.objects.filter(Q(name__iexact=product_name)
                                        | Q(name_sw__iexact=product_name)
                                        | Q(name_fr__iexact=product_name)).first()
    if product is None:
        raise NotUnderstood(_("Unknown product %(product)r.") % {"product": product_name})
    unit = unit_named(fields.group("unit"))
    if unit is None:
        raise NotUnderstood(_("Unknown unit %(unit)r; use one of %(units)s.")
                            % {"unit": fields.group("unit"), "units": unit_example()})
    day = _date(fields.group("date"), received)
    territory = _territory(pmg, day)
    if not may_report_by_email(person, pmg, territory.alliance):
        raise NotUnderstood(_("Your address is not one of %(pmg)s's; ask your coordinator to "
                              "add it.") % {"pmg": pmg.name})
    return SaleInput(territory=territory, pmg=pmg, product=product, date=day,
                     quantity=_number(fields.group("quantity")), unit=unit.value,
                     value=_number(fields.group("value")),
                     currency=fields.group("currency").upper(),
                     buyer=fitted(Sale, "buyer", (fields.group("buyer") or "").strip()))


def _pmg_and_product(names: str) -> tuple[Organisation, str]:
    """The longest PMG name the words start with; the rest is the product."""
    text = " ".join(names.strip().strip('"').split())
    words = text.split(" ")
    candidates = [" ".join(words[:end]) for end in range(len(words) - 1, 0, -1)]
    named = Q()
    for candidate in candidates:
        named |= Q(name__iexact=candidate)
    found = {org.name.casefold(): org for org in
             Organisation.objects.filter(named, kind=OrganisationKind.PMG)} if candidates else {}
    for candidate in candidates:
        if candidate.casefold() in found:
            return found[candidate.casefold()], text[len(candidate):].strip().strip('"')
    raise NotUnderstood(_("No PMG called %(name)r.") % {"name": text})


def _number(text: str) -> Decimal:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise NotUnderstood(_("%(number)r is not a number.") % {"number": text}) from None


def _date(text: str | None, received: datetime.date) -> datetime.date:
    if not text:
        return received
    try:
        return datetime.date.fromisoformat("-".join(part.zfill(2) for part in text.split("-")))
    except ValueError:
        raise NotUnderstood(_("%(date)r is not a date like 2004-07-14.") % {"date": text}) \
            from None


def _territory(pmg: Organisation, day: datetime.date) -> Territory:
    """The territory the PMG's place lies in; if several alliances work there, the one
    running on the sale's day, else the latest."""
    place = pmg.place
    if place is None:
        raise NotUnderstood(_("%(pmg)s has no place in the directory.") % {"pmg": pmg.name})
    places = [place.pk, *(p.pk for p in place.ancestors())]
    territories = list(Territory.objects.filter(place__in=places)
                       .select_related("alliance", "place").order_by("-alliance__start"))
    running = [t for t in territories if t.alliance.start <= day <= t.alliance.end]
    found = running or territories
    if not found:
        raise NotUnderstood(_("%(pmg)s is in no alliance's territory.") % {"pmg": pmg.name})
    return found[0]
