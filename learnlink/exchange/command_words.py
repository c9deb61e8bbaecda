"""The words of the email commands, in English, Kiswahili and French, and where in a mail they
are read: anywhere on the first line of a request (SLUG-request@), or, in a mail to the group
itself, only as a line of their own in an otherwise nearly empty mail (Mailman's administrivia
check: "unsubscribe" sent to everyone is a command, not a post held for moderation)."""

from __future__ import annotations

import re
import unicodedata

from learnlink.exchange.models import DeliveryMode
from learnlink.mail.parsing import ParsedMessage, first_line

MODES = {"each": DeliveryMode.EACH, "digest": DeliveryMode.DAILY, "daily": DeliveryMode.DAILY,
         "weekly": DeliveryMode.WEEKLY, "monthly": DeliveryMode.MONTHLY,
         "nomail": DeliveryMode.NONE}
JOIN, LEAVE, HELP, CONFIRM = ("subscribe", "join"), ("unsubscribe", "leave"), "help", "confirm"
MUTE, FOLLOW = "mute", "follow"  # the thread a mail replies to
# Whether digests come as plain text only (True: one part, the lightest mail) or also in HTML.
TEXT_FORMATS = {"plain": True, "html": False}
WORDS = {*MODES, *JOIN, *LEAVE, HELP, MUTE, FOLLOW, *TEXT_FORMATS}  # also SLUG+WORD@ addresses
# SLUG-request@ and Mailman's addresses of one command each (its -subscribe and -unsubscribe
# forms too), which no group's own name may end with.
SUFFIXES = {"-join": "subscribe", "-subscribe": "subscribe", "-leave": "unsubscribe",
            "-unsubscribe": "unsubscribe", "-request": ""}

# What people write for the commands a group's own address answers, without accents
# (phones often drop them): Kiswahili, then French. Not "join" or "leave": "Join?" from a
# stranger, or "Leave" (of absence), is a message for a moderator to read.
SAYINGS = {
    "subscribe": {"subscribe", "jisajili", "jiunge", "nijiunge", "abonner", "s'abonner",
                  "m'abonner", "abonnement", "inscrire", "s'inscrire", "inscription"},
    "unsubscribe": {"unsubscribe", "jiondoe", "niondoe", "jitoe", "desabonner",
                    "se desabonner", "me desabonner", "desabonnement", "desinscrire",
                    "se desinscrire", "desinscription"},
    "help": {"help", "msaada", "usaidizi", "aide"},
    "mute": {"mute", "nyamazisha", "nyamaza", "sourdine", "mettre en sourdine"},
    "follow": {"follow", "unmute", "fuatilia", "fuata tena", "suivre", "suivre a nouveau"},
}
# Commands only SLUG-request@ reads, some followed by what they act on:
# `address new@example.org`, `language sw`; `restart` after bounces stopped the mail; "plain"
# and "html" too: written to the group itself they would be a post's first word.
ADDRESS, LANGUAGE, RESTART = "address", "language", "restart"
REQUEST_SAYINGS = {ADDRESS: {"address", "new address", "anwani", "anwani mpya", "adresse",
                             "nouvelle adresse"},
                   LANGUAGE: {"language", "lugha", "langue"},
                   RESTART: {"restart", "anza tena", "reprendre", "redemarrer"},
                   "plain": {"plain", "plain text", "text", "maandishi", "maandishi matupu",
                             "matupu", "texte", "texte brut", "texte seul"},
                   "html": {"html", "rich", "rangi", "maandishi na rangi", "mise en forme",
                            "texte enrichi"}}
_SAID = {saying: command for command, sayings in SAYINGS.items() for saying in sayings}
_REQUEST_SAID = {saying: command for command, sayings in REQUEST_SAYINGS.items()
                 for saying in sayings}
_REPLY = re.compile(r"^\s*(re|aw|sv|jibu)\s*:", re.IGNORECASE)
OTHER_WORDS = 5  # a greeting, a name or a phone's signature beside the command


def plain_words(line: str) -> list[str]:
    """The line's words in lower case, without accents or surrounding punctuation."""
    text = unicodedata.normalize("NFKD", line.replace("\u2019", "'")).lower()
    text = "".join(c for c in text if not unicodedata.combining(c))
    return [plain for word in text.split() if (plain := word.strip(".,;:!?\"()[]"))]


def _plain(line: str) -> str:
    """Lower case, accents and surrounding punctuation gone, one space between words."""
    return " ".join(plain_words(line))


def command_of(line: str) -> str:
    """The command a line is, said in any of our languages; '' if it is none."""
    plain = _plain(line)
    return _SAID.get(plain) or _REQUEST_SAID.get(plain) or (plain if plain in WORDS else "")


def written_command(parsed: ParsedMessage) -> str:
    """The command that begins the subject or the body's first line, for SLUG-request@ (the
    only address that reads `address`); '' means help. Later lines are never read: "Each of
    us..." in a letter is not a command."""
    for line in (parsed.subject, parsed.first_line):
        words = _plain(line).split()
        for length in (2, 1):
            found = command_of(" ".join(words[:length])) if len(words) >= length else ""
            if found:
                return found
    return ""


def administrivia(parsed: ParsedMessage) -> str:
    """The command a mail to the group itself is ("subscribe", "unsubscribe", "help", or
    "mute" and "follow" for the thread it replies to), when one line of it (the subject or a
    line of new text) says only that and the rest holds at most OTHER_WORDS words; '' for a
    post. "Help" as the subject of a real question is a post. A reply's subject ("Re: ...")
    is the thread's, not the sender's words: "mute" in reply to a long subject is still a
    command."""
    subject = "" if _REPLY.match(parsed.subject) else parsed.subject
    lines = [line for line in (subject, *parsed.new_text.splitlines()) if line.strip()]
    for number, line in enumerate(lines):
        said = _SAID.get(_plain(line), "")
        if said:
            others = [word for other in lines[:number] + lines[number + 1:]
                      for word in other.split()]
            return said if len(others) <= OTHER_WORDS else ""
    return ""


# A moderator's answer to the notice of a held message (moderate_by_email): the first line of
# the reply's own text, the word first, then for `reject` the reason the sender is told.
APPROVE, ADD, REJECT, BAN = "approve", "add", "reject", "ban"
DECISIONS = {
    APPROVE: {"approve", "kubali", "idhinisha", "ruhusu", "approuver",
              "approuve", "accepter", "valider"},
    ADD: {"add", "approve add", "ongeza", "kubali ongeza", "ajouter", "approuver ajouter"},
    REJECT: {"reject", "kataa", "rejeter", "rejette", "refuser", "refuse"},
    BAN: {"ban", "zuia", "piga marufuku", "bannir", "interdire"},
}
# The word each language's notice shows for each decision (every word above works in any).
DECISION_WORDS = {"en": {APPROVE: "approve", ADD: "add", REJECT: "reject", BAN: "ban"},
                  "sw": {APPROVE: "kubali", ADD: "ongeza", REJECT: "kataa", BAN: "zuia"},
                  "fr": {APPROVE: "approuver", ADD: "ajouter", REJECT: "rejeter",
                         BAN: "bannir"}}


def decision_words(language: str) -> dict[str, str]:
    """The words a notice in `language` shows (English for a language we do not speak)."""
    return DECISION_WORDS.get(language[:2], DECISION_WORDS["en"])


_DECIDED = {saying: word for word, sayings in DECISIONS.items() for saying in sayings}


def decision_of(text: str) -> tuple[str, str]:
    """(APPROVE, ADD, REJECT or BAN, and what follows the word) from the first line of `text` that
    says anything; ('', that line) when it is none of them. Only one line is read: a
    moderator's "ok, but ..." in a later paragraph decides nothing."""
    line = first_line(text)[:1000]
    words = line.split()
    for length in (2, 1):
        said = _DECIDED.get(_plain(" ".join(words[:length]))) if len(words) >= length else None
        if said:
            rest = " ".join(words[length:]).lstrip(":-–— ").strip()
            return said, rest
    return "", line
