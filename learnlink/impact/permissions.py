"""Who may do what with an alliance's impact figures. The decisions are the alliance app's
(`alliance.permissions`); this module says which one applies to which impact action.

- the report, charts and exports: whoever may read the alliance (anyone for a public one;
  for a private one, its people; to anyone else it is 404);
- recording a sale on the web: the alliance's insiders (participants and partners' people);
- importing a spreadsheet and editing the conversion table: its coordinators and staff;
- recording a sale by email: the PMG's own people, and the alliance's insiders.
"""

from __future__ import annotations

from django.http import HttpRequest

from learnlink.alliance.models import Alliance
from learnlink.alliance.permissions import (
    alliance_for_coordinator,
    alliance_for_insider,
    alliance_for_reader,
    is_coordinator,
    is_insider,
    takes_part,
)
from learnlink.people.models import Organisation, Person


def alliance_for_report(request: HttpRequest, slug: str) -> Alliance:
    return alliance_for_reader(request, slug)


def alliance_for_sales(request: HttpRequest, slug: str) -> Alliance:
    return alliance_for_insider(request, slug)


def alliance_for_import(request: HttpRequest, slug: str) -> Alliance:
    return alliance_for_coordinator(request, slug)


def may_record_sales(request: HttpRequest, alliance: Alliance) -> bool:
    return is_insider(request.user, alliance)


def may_import(request: HttpRequest, alliance: Alliance) -> bool:
    return is_coordinator(request.user, alliance)


def may_report_by_email(person: Person | None, pmg: Organisation, alliance: Alliance) -> bool:
    if person is None:
        return False
    return pmg.affiliations.filter(person=person).exists() or takes_part(person, alliance)
