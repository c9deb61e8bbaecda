"""The mail the exchange app writes, for the catalogue (learnlink.lib.emails): each kind with
who receives it and a sample from the demo network's orange growers of Muheza, built without
the database (unsaved rows, plain values), so the catalogue page and its test show every kind
on any installation."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from learnlink.exchange.command_words import decision_words
from learnlink.exchange.digest_leads import Lead
from learnlink.exchange.held_notices import EXAMPLE_REASON
from learnlink.exchange.list_mail import footer
from learnlink.exchange.member_links import settings_url
from learnlink.exchange.models import DeliveryMode, Group, HeldMessage, Subscription
from learnlink.exchange.moderate_by_email import approved
from learnlink.exchange.posting import NOT_A_MEMBER
from learnlink.exchange.subscriptions import command_list
from learnlink.lib.emails import Kind
from learnlink.lib.links import absolute_url

SUBJECT = "Mlivyompata mnunuzi wa machungwa wa Tanga"
TEXT = ("Bakari Mhina, mtoa huduma hapa Muheza, ndiye alimleta mtu wa Green House kijijini.\n"
        "Tulikubaliana madaraja matatu na siku moja ya kukusanya machungwa.")
SENDER = {"name": "Athumani Kaniki", "address": "kicheba.oranges@example.net"}
SAMPLE_KEY = "SAMPLE"  # links in samples act for nobody


def group() -> Group:
    return Group(slug="oranges-muheza", name="Machungwa Muheza: kuuza pamoja", language="sw",
                 description="Jinsi wakulima wa machungwa wa Muheza walivyopanga madaraja.")


def _with_group(**context: Any) -> dict[str, Any]:
    """What `subscriptions.tell` adds to every notice: the group and its commands."""
    oranges = group()
    return {"group": oranges, "commands": command_list(oranges), **context}


def _link(name: str) -> str:
    return absolute_url(name, SAMPLE_KEY)


def _held() -> HeldMessage:
    return HeldMessage(sender_address=SENDER["address"], sender_name=SENDER["name"],
                       subject=SUBJECT, reason=NOT_A_MEMBER,
                       created=timezone.now() - datetime.timedelta(hours=3))


def _held_notice() -> dict[str, Any]:
    """What `held_notices.send_notices` gives a mentor (built in the notice's language)."""
    return _with_group(held=_held(), quoted=f"> {TEXT}".replace("\n", "\n> "), cut=False,
                       words=decision_words(translation.get_language() or "en"),
                       example_reason=EXAMPLE_REASON,
                       queue=absolute_url("exchange:moderation", "oranges-muheza"))


def _message() -> dict[str, Any]:
    """A message as the mail templates read it (an archived Message in use)."""
    return {"subject": SUBJECT, "sender_label": SENDER["name"], "text": TEXT, "pk": 123,
            "date": timezone.now() - datetime.timedelta(days=2), "group": group(),
            "attachments": {"all": [{"filename": "bei-za-machungwa.xlsx", "pk": 45}]}}


def _service(name: str) -> str:
    return f"{name}@{settings.LEARNLINK_MAIL_DOMAIN}"


def _digest() -> dict[str, Any]:
    oranges, message = group(), _message()
    url = absolute_url("exchange:group", oranges.slug)
    return {"group": oranges, "mode": DeliveryMode.DAILY.label, "message_count": 2,
            "footer": footer(oranges, SAMPLE_KEY), "archive": url,
            # What another app puts first (digest_leads): here a mentor's synthesis.
            "leads": [Lead("Muhtasari: Jinsi Muheza walivyompata mnunuzi wa Tanga",
                           "Tulikubaliana madaraja matatu na siku moja ya kukusanya machungwa.",
                           url)],
            "threads": [{"subject": SUBJECT, "url": url, "items": [
                {"sender": SENDER["name"], "date": message["date"], "text": TEXT, "cut": False,
                 "url": url},
                {"sender": "Zuhura Shemdoe", "date": message["date"], "cut": True, "url": url,
                 "text": "Asanteni. Wenzetu wa Songea wanauliza kuhusu madaraja …"}]}]}


def _search() -> dict[str, Any]:
    message = _message()
    return {"query": "machungwa madaraja", "get": _service("get"),
            "search": _service("search"),
            "results": {"total_display": "2", "hits": [{
                "message": message, "snippet_text": "Tulikubaliana madaraja matatu",
                "url": absolute_url("exchange:group", "oranges-muheza")}]}}


KINDS = [Kind("exchange", name, to, sample) for name, to, sample in [
    ("confirm_join", _("an address asked to join a group"),
     lambda: _with_group(link=_link("membership:join"), days=7, to_mentors=False)),
    ("invitation", _("an address a group's mentor invited"),
     lambda: _with_group(link=_link("membership:join"), days=7, inviter="Joseph Mshana")),
    ("join_request", _("a members-only group's mentors, when someone asks to join"),
     lambda: _with_group(link=absolute_url("exchange:join_requests", "oranges-muheza"),
                         words=decision_words(translation.get_language() or "en"),
                         request=Subscription(name="Daudi Mbwana", message=(
                             "Mimi ni mkulima wa machungwa wa Kilulu; nataka kujifunza "
                             "kuhusu madaraja.")))),
    ("welcome", _("a new member"),
     lambda: _with_group(settings_url=settings_url(SAMPLE_KEY))),
    ("goodbye", _("a member who left"), _with_group),
    ("mode_changed", _("a member who changed how mail arrives"),
     lambda: _with_group(mode=DeliveryMode.DAILY.label, settings_url=settings_url(SAMPLE_KEY))),
    ("confirm_change", _("a member, by a mail whose sender was not verified"),
     lambda: _with_group(leave=False, mode=DeliveryMode.WEEKLY.label, days=7,
                         link=_link("membership:confirm_change"))),
    ("command_reply", _("whoever sent an email command"),
     lambda: _with_group(outcome=_("You are already a member."))),
    ("held", _("the sender of a message held for a moderator"),
     lambda: _with_group(held=_held())),
    ("held_notice", _("a group's moderators, at once, when a message is held for them"),
     _held_notice),
    ("moderation_answer", _("a moderator who replied to the notice of a held message"),
     lambda: {"held": _held(), "outcome": approved({"subject": SUBJECT,
                                                    "sender": SENDER["address"]}),
              "queue": absolute_url("exchange:moderation", "oranges-muheza")}),
    ("rejected", _("the sender of a rejected message"),
     lambda: _with_group(held=_held(), reason="Jiunge na kikundi kwanza, kisha utume tena.")),
    ("to_mentors", _("a group's mentors, when someone writes to its mentors' address"),
     lambda: _with_group(parsed={"subject": SUBJECT, "from_name": SENDER["name"],
                                 "from_address": SENDER["address"], "text": TEXT})),
    ("not_read", _("whoever writes to the address Learnlink's notices come from"),
     lambda: {"groups": [group()], "example": f"SLUG-owner@{settings.LEARNLINK_MAIL_DOMAIN}"}),
    ("search_results", _("whoever searches by email"), _search),
    ("get_message", _("whoever asks for a message by email"),
     lambda: {"message": _message(), "get": _service("get")}),
    ("get_file", _("whoever asks for a file by email"),
     lambda: {"attachment": {"filename": "bei-za-machungwa.xlsx"}}),
    ("get_unknown", _("whoever asks by email for something that is not there"),
     lambda: {"asked": "M999"}),
    ("too_many", _("whoever asks by email too often"),
     lambda: {"asked": "machungwa", "minutes": 60}),
    ("digest", _("members who take a daily, weekly or monthly digest"), _digest),
]]
