"""The demo's write-ups, the two the mentors' room names as ready ("Reflection meeting: which
practices are ready to write up?"): how Kicheba grade and bulk their oranges and agree terms
with their buyer (Zuhura: "Athumani and Bakari have read the draft"), approved and published;
and the Mbonzo warehouse receipts "told from the farmer's side and the warehouse's side"
(Gabriel), sent to Jackson Mwasomola and waiting for his answer.

Both quote the demo threads' own messages, and Athumani's approval comes through the real mail
path: his reply to the draft's reply address is stored and routed like any other mail.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from learnlink.exchange.models import Message
from learnlink.mail.inbox import process, receive
from learnlink.mail.models import Source
from learnlink.mentoring.models import WriteUp, WriteUpState
from learnlink.mentoring.writeups import actions
from learnlink.mentoring.writeups.reply_address import reply_address
from learnlink.people.accounts import account_for
from learnlink.people.addresses import current_holder
from learnlink.people.models import Organisation


@dataclass(frozen=True)
class Story:
    learner: str  # addresses, as the demo directory has them
    organisation: str
    mentor: str
    title: str
    language: str
    quoted: tuple[str, ...]  # Message-IDs of the demo threads' messages


KICHEBA = Story(
    "kicheba.oranges@example.net", "Kicheba Orange Growers Group", "zuhura.shemdoe@example.org",
    "Kicheba: kupanga madaraja, kukusanya pamoja na kukubaliana na mnunuzi wa Tanga", "sw",
    ("20030719120500.a98a7f37@example.net", "20030722163000.300d4436@example.com"))
MBONZO = Story(
    "jackson.mwasomola@example.net", "Mbonzo Cooperative", "gabriel.mwakalinga@example.org",
    "Warehouse receipts at Mbonzo, from the farmer's side and the warehouse's", "en",
    ("20031010130000.8562d669@example.net", "20031013104000.ea8830bb@example.net",
     "20031104123000.f29e9035@example.net"))
DEMO_DIR = Path(__file__).with_name("demo")
# Zuhura's own summary in the thread, which she put at the top of the draft.
SUMMARY_ID = "20030730201500.9669a5c6@example.net"


def load_writeups() -> str:
    """Idempotent: a story already written up is left as it is."""
    kicheba = _start(KICHEBA)
    if kicheba is not None:
        zuhura = _mentor(KICHEBA)
        actions.edit(kicheba, kicheba.title, f"{_summary()}\n\n{kicheba.text}", zuhura)
        actions.send_to_learner(kicheba, zuhura)
        _reply(kicheba, "kicheba-approves.eml")
    mbonzo = _start(MBONZO)
    if mbonzo is not None:
        actions.send_to_learner(mbonzo, _mentor(MBONZO))
    return (f"write-ups: {WriteUp.objects.count()} ({WriteUp.objects.published().count()} "
            f"published, {WriteUp.objects.filter(state=WriteUpState.WITH_LEARNER).count()} with "
            f"the learner)")


def _start(story: Story) -> WriteUp | None:
    """The story's draft, quoting its messages; None when it is written up already, or when
    the directory or the archive loaded is not the demo's own (a test's small directory)."""
    messages = list(Message.objects.filter(message_id__in=story.quoted)
                    .select_related("thread__group", "sender", "group")
                    .prefetch_related("sender__affiliations__organisation").order_by("date"))
    learner, mentor = current_holder(story.learner), current_holder(story.mentor)
    organisation = Organisation.objects.filter(name=story.organisation).first()
    if not (messages and learner and mentor and organisation) or WriteUp.objects.filter(
            thread=messages[0].thread, learner=learner).exists():
        return None
    thread = messages[0].thread
    start = actions.Start(thread.group, learner, organisation, story.title, story.language)
    return actions.start_from_thread(start, thread, messages, _mentor(story))


def _mentor(story: Story) -> actions.Actor:
    person = current_holder(story.mentor)
    if person is None:
        raise LookupError(f"the demo directory has nobody at {story.mentor}")
    return actions.Actor.on_web(account_for(person))


def _summary() -> str:
    """The points of Zuhura's "Tulipofikia" (where we stand), without its greeting and its
    next question."""
    text = Message.objects.get(message_id=SUMMARY_ID).text
    points = text.partition("Tulipofikia:")[2].partition("Swali linalofuata")[0]
    return points.strip()


def _reply(writeup: WriteUp, name: str) -> None:
    """The learner's answer as his mail program sent it (demo/NAME), to the draft's reply
    address, stored and routed as any mail is."""
    address = reply_address(writeup)
    raw = (DEMO_DIR / name).read_bytes().replace(b"REPLY_ADDRESS", address.encode())
    for inbound in receive(raw, [address], Source.PIPE, process=False):
        process(inbound)
