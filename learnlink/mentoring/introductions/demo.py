"""The demo's introductions, drawn from what its groups said: each puts in touch an
organisation that asked with one that told how it did it, the evidence being that message.

- Elisante Massawe introduces Babati's rice farmers, who wonder how to keep paying their
  market spies after the season, to Mufindi's spies, whose groups pay their airtime: Yohana
  answers by mail, through the introduction's address, as anyone would.
- Joseph Opolot introduces Soroti's Abuket sweet potato association to the Mbeya warehouse
  that offered a visit: nobody has answered for three weeks, so it is on the dashboard.
- Gabriel Mwakalinga introduces Songea's maize group, whose bank asked about receipts, to the
  Mbonzo cooperative: sent two days ago, waiting.

They go through the same functions as the web form and the mail server (the mail is queued
in the outbox); loading again changes nothing.
"""

from __future__ import annotations

import datetime
import email.utils
from dataclasses import dataclass
from email.mime.text import MIMEText

from django.utils import timezone

from learnlink.exchange.models import Message
from learnlink.mail.inbox import process, receive
from learnlink.mail.models import Source
from learnlink.mentoring.introductions.evidence import resolve_evidence
from learnlink.mentoring.introductions.sending import introduce
from learnlink.mentoring.models import Introduction
from learnlink.people.models import Affiliation, Person

DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Story:
    introducer: str
    seeker: tuple[str, str]  # person, organisation
    peer: tuple[str, str]
    evidence: str  # the Message-ID of the message that shows it
    thread_of: str  # the Message-ID of a message of the thread it starts from
    context: str
    days_ago: int | None  # when it was sent; None: the day after the thread's last message
    answer: str = ""  # the peer's answer, days after the introduction


STORIES = [
    Story("Elisante Massawe", ("Joseph Bura", "Babati Rice Farmers Association"),
          ("Yohana Mgimwa", "Mufindi Market Spies Group"),
          "20030514111500.9db33500@example.net", "20031125140000.07fe7370@example.net",
          "Joseph, Babati Rice Farmers Association mnajadili jinsi ya kuwalipa mashushushu ili "
          "kazi iendelee baada ya msimu. Yohana, kwenu Mufindi vikundi vinavyopokea bei "
          "vinachangia kidogo kila mwezi kwa ajili ya vocha, na mnapanda gari moja na "
          "wanaokwenda kuuza. Zungumzeni moja kwa moja: michango hiyo inakusanywa vipi?",
          None,
          "Asante Elisante. Joseph, karibu sana. Nitakupigia simu Jumamosi tuzungumze kuhusu "
          "michango ya vocha. Fomu yetu ya bei iko kwenye ujumbe wangu wa kwanza kwenye "
          "kundi.\n\nYohana"),
    Story("Joseph Opolot", ("Stephen Ekwaru", "Abuket Sweet Potato Association"),
          ("Atupele Mwakyusa", "Mbeya Warehouse Services"),
          "20040720111000.f6338dbf@example.net", "20040712093000.77037572@example.net",
          "Stephen, Abuket wants to know whether a receipt could work for the chips the "
          "Arapai group dries. Atupele runs the weighing, grading and records of the Mbeya "
          "warehouse, and suggested that your leaders visit Mbonzo before your next harvest. "
          "Please agree between you when a visit could happen, and what Abuket should have "
          "ready first: a dryness test everyone agrees on, and a lender to talk to.",
          21),
    Story("Gabriel Mwakalinga", ("Agnes Mbawala", "Songea Maize Producers Marketing Group"),
          ("Jackson Mwasomola", "Mbonzo Cooperative"),
          "20031010130000.8562d669@example.net", "20050404120000.c82dc79e@example.net",
          "Agnes, afisa wa benki ameuliza kama Songea mnaweza kutoa stakabadhi kama Mbonzo. "
          "Jackson, ulieleza jinsi mwanachama anavyopata stakabadhi na kukopa SACCO. "
          "Zungumzeni moja kwa moja: Mbonzo mlianza na nini kwanza, mizani, kitabu cha "
          "kumbukumbu au makubaliano na benki?",
          2),
]


def load_demo() -> str:
    made = [introduction for story in STORIES if (introduction := _told(story))]
    answered = sum(1 for introduction in made if introduction.answered)
    skipped = len(STORIES) - len(made)
    return (f"introductions: {len(made)} ({answered} answered)"
            + (f"; {skipped} left out: their people or messages are not in this demo"
               if skipped else ""))


def _told(story: Story) -> Introduction | None:
    try:
        introducer = Person.objects.get(name=story.introducer)
        seeker, peer = _affiliation(*story.seeker), _affiliation(*story.peer)
        evidence = Message.objects.select_related("group").get(message_id=story.evidence)
        thread = Message.objects.select_related("thread__group").get(
            message_id=story.thread_of).thread
    except (Person.DoesNotExist, Affiliation.DoesNotExist, Message.DoesNotExist):
        return None  # a demo directory or archive of someone's own
    done = Introduction.objects.filter(introducer=introducer, seeker=seeker.person,
                                       peer=peer.person).first()
    if done:
        return done
    introduction = introduce(introducer, seeker, peer, story.context,
                             resolve_evidence(evidence.get_absolute_url()), thread,
                             sent=_when(story, thread.last_activity))
    if story.answer:
        _answer(introduction, story.answer)
    return introduction


def _affiliation(person: str, organisation: str) -> Affiliation:
    return Affiliation.objects.select_related("person", "organisation").get(
        person__name=person, organisation__name=organisation)


def _when(story: Story, last_activity: datetime.datetime) -> datetime.datetime:
    """`days_ago`, but never before the day after the thread's last message."""
    now = timezone.now()
    after_thread = min(last_activity + DAY, now)
    return after_thread if story.days_ago is None else max(now - story.days_ago * DAY,
                                                           after_thread)


def _answer(introduction: Introduction, text: str) -> None:
    """The peer answers with "Reply all", which copies the introduction's address; it goes
    through the inbox and the mail route like any answer."""
    address = introduction.peer.email_addresses.current().get(primary=True).address
    answer = MIMEText(text, "plain", "utf-8")
    answer["From"] = email.utils.formataddr((introduction.peer.name, address))
    answer["To"] = introduction.seeker.email_addresses.current().get(primary=True).address
    answer["Cc"] = introduction.address
    answer["Subject"] = f"Re: {introduction.subject}"
    written = min(introduction.sent + 3 * DAY, timezone.now())
    answer["Date"] = email.utils.format_datetime(written)
    answer["Message-ID"] = email.utils.make_msgid("answer", "example.net")
    answer["In-Reply-To"] = answer["References"] = f"<{introduction.message_id}>"
    [inbound] = receive(answer.as_bytes(), [introduction.address], Source.PIPE, process=False)
    inbound.received = written  # it arrived when it was written, in the demo's dated history
    inbound.save(update_fields=["received"])
    process(inbound)
    introduction.refresh_from_db()
