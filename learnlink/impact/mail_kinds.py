"""The mail the impact app writes, for the catalogue (learnlink.lib.emails): the answers to
sales sent by email, with samples from the demo alliance's Kenyan PMGs, built without the
database."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

from learnlink.impact.by_email import EXAMPLE, LineResult
from learnlink.impact.models import Sale
from learnlink.impact.units import Unit, unit_example
from learnlink.lib.emails import Kind
from learnlink.people.models import Enterprise, Organisation


def _sales_reply() -> dict[str, Any]:
    sale = Sale(pmg=Organisation(name="Rangwe PMG"), date=datetime.date(2003, 5, 23),
                product=Enterprise(name="groundnuts", name_sw="karanga", name_fr="arachides"),
                quantity=Decimal(120), unit=Unit.BAG_90KG, tonnes=Decimal("10.8"),
                value=Decimal(602580), currency="KES", value_usd=Decimal("7725.38"),
                buyer="Kisumu Oil Mills")
    problem = LineResult("SALE Asego PMG sweet potato 150 gunia 188310 KES",
                         problem=_("Unknown unit %(unit)r; use one of %(units)s.")
                         % {"unit": "gunia", "units": unit_example()})
    return {"recorded": [sale], "problems": [problem], "no_lines": False, "example": EXAMPLE,
            "units": unit_example()}


KINDS = [
    Kind("impact", "sales_reply", _("whoever sends sales by email"), _sales_reply),
    Kind("impact", "unknown_sender", _("an unknown address that sent sales by email"),
         lambda: {"address": "hola.pmg@example.net", "example": EXAMPLE}),
]
