"""Two of a person's own settings by mail to SLUG-request@, as on their page (/me/):
`language sw` (or `lugha kiswahili`, `langue français`) and `restart`, for mail that bounces
stopped.

`language` changes only what Learnlink writes to the sender, and its answer goes to the
sender's address in the new language, so a forged one is seen and undone at once. `restart`
sends group mail to an address again: like a change of address, it acts only when our MTA
verified the sender's domain, since it undoes what bounces decided for that very address.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from learnlink.exchange.command_words import plain_words
from learnlink.exchange.models import Group
from learnlink.exchange.subscriptions import tell
from learnlink.lib.links import absolute_url
from learnlink.mail.authentication import Verdict
from learnlink.mail.parsing import ParsedMessage
from learnlink.people.addresses import current_holder, enable
from learnlink.people.models import EmailAddress
from learnlink.people.person_language import language_for_address, set_language

# How people name our languages after the word, in each of them (accents gone, lower case).
LANGUAGE_NAMES = {
    "en": {"en", "english", "kiingereza", "anglais"},
    "sw": {"sw", "swahili", "kiswahili", "souahili"},
    "fr": {"fr", "french", "kifaransa", "francais"},
}


def language_named(parsed: ParsedMessage) -> str:
    """The first of our languages named in the subject or the first line; '' if none."""
    for word in plain_words(f"{parsed.subject} {parsed.first_line}"):
        for code, names in LANGUAGE_NAMES.items():
            if word in names and code in dict(settings.LANGUAGES):
                return code
    return ""


def language_command(group: Group, parsed: ParsedMessage) -> str:
    """Make the named language the sender's; returns what was done."""
    sender, code = parsed.from_address, language_named(parsed)
    person = current_holder(sender)
    if person is not None and code:
        set_language(person, code)
    with translation.override(language_for_address(sender, group.language)):
        if person is None:
            outcome, done = _("This address is not known to Learnlink: write from the address "
                              "you receive the group's mail at."), "unknown sender"
        elif not code:
            outcome, done = _("Write the language after the word: language sw (Kiswahili), "
                              "language fr (Français) or language en (English)."), "no language"
        else:
            outcome, done = _("Learnlink writes to you in %(language)s from now on.") % {
                "language": dict(settings.LANGUAGES)[code]}, f"language {code}"
    tell(group, sender, "command_reply", {"outcome": outcome})
    return done


def restart_command(group: Group, parsed: ParsedMessage, verdict: Verdict) -> str:
    """Deliver to the sender's address again, its bounces forgotten; returns what was done."""
    sender = parsed.from_address
    stopped = EmailAddress.objects.current().filter(address__iexact=sender,
                                                    disabled__isnull=False).first()
    if stopped is not None and verdict.authenticated:
        enable(stopped)
    with translation.override(language_for_address(sender, group.language)):
        if stopped is None:
            outcome, done = _("Learnlink had not stopped sending to %(address)s: nothing to "
                              "restart.") % {"address": sender}, "not stopped"
        elif not verdict.authenticated:
            outcome, done = _("We could not verify that this email really came from your "
                              "address, so nothing was changed. Sign in and restart it at "
                              "%(link)s.") % {"link": absolute_url("me:home")}, "not verified"
        else:
            outcome, done = _("Learnlink sends your mail to %(address)s again.") % {
                "address": sender}, "restarted"
    tell(group, sender, "command_reply", {"outcome": outcome})
    return done
