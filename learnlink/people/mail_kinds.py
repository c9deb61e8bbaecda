"""The mail the people app writes, for the catalogue (learnlink.lib.emails): sign-in links and
the mail about a person's address, with samples of the demo network's Halima Omari, built
without the database. Their links carry no real token: they act for nobody."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from learnlink.lib.emails import Kind
from learnlink.lib.links import absolute_url
from learnlink.people.address_links import UNDO_DAYS, VALID_DAYS
from learnlink.people.models import Person

OLD, NEW = "halima@example.org", "halima.omari@example.net"


def _about_address(days: int = VALID_DAYS, link: str = "address_link") -> dict[str, Any]:
    return {"person": Person(name="Halima Omari"), "address": NEW, "days": days,
            "mentor": "Zuhura Shemdoe",
            "link": absolute_url(link, "SAMPLE")}


def _login_link() -> dict[str, Any]:
    return {"person": Person(name="Halima Omari"), "minutes": settings.LOGIN_LINK_MAX_AGE // 60,
            "link": absolute_url("login_link", "SAMPLE")}


def _bounce_warning() -> dict[str, Any]:
    return {"person": Person(name="Halima Omari"), "address": OLD, "stopped": False,
            "reason": "550 5.1.1 <halima@example.org>: Recipient address rejected: User "
                      "unknown in virtual mailbox table",
            "page": absolute_url("me:home"), "new_address": absolute_url("change_address")}


KINDS = [Kind("people", name, to, sample) for name, to, sample in [
    ("login_link", _("whoever asks to sign in"), _login_link),
    ("new_address", _("the new address a person asked for"), _about_address),
    ("suggested_address", _("the new address a mentor found for a person"), _about_address),
    ("address_suggested", _("a person's address, when a mentor suggests a new one"),
     _about_address),
    ("probe", _("an address that bounced, to ask whether it works again"), _about_address),
    ("bounce_warning", _("a person's other addresses, when mail to one of them bounces "
                         "and is about to stop"), _bounce_warning),
    ("address_changed", _("a person's old address, when it is replaced"),
     lambda: _about_address(UNDO_DAYS, "address_undo")),
]]
