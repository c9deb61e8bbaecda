"""The demo's learning agenda, in Muheza's orange group, drawn from what its members discussed:

- Halima Mbwambo proposes by mail how to sell together to a big buyer like the Tanga buyer
  Kicheba found; after the workshop it is active, and once Zuhura's synthesis of that thread
  names it, it is learned.
- Agnes Mbawala proposes by mail how Songea and Sumbawanga could try Muheza's way for maize
  and simsim; the workshop makes it active and it runs as a dialogue, now in its synthesis
  stage, over the two groups' threads.
- Joseph Bura proposes market spies who bring Tanga's prices each week: proposed, supported by
  Babati, Magugu and Kicheba (Halima's association counts once, through Athumani).
- Crispin Nchimbi proposes warehouse receipts for Songea's maize: Zuhura parks it until the
  Mbeya visit.
- Emmanuel Sikazwe's mail with no subject is answered with why nothing was proposed.
- Zuhura records the Muheza workshop, which adds shared transport to Tanga.

Proposals come by mail through the real inbox and route; the rest through the same functions
as the web. Loading again changes nothing."""

from __future__ import annotations

import datetime
import email.utils
from email.mime.text import MIMEText

from django.utils import timezone

from learnlink.exchange.models import Group, Thread
from learnlink.mail.inbox import process, receive
from learnlink.mail.models import InboundMessage, Source
from learnlink.mentoring.agenda import actions
from learnlink.mentoring.models import Synthesis, Topic, TopicState
from learnlink.people.addresses import person_for_address
from learnlink.people.models import Person

GROUP = "oranges-muheza"
MENTOR = "zuhura.shemdoe@example.org"
DAY = datetime.timedelta(days=1)
BUYER, TRYING, SPIES, RECEIPTS = (
    "Kuuza pamoja kwa mnunuzi mkubwa kama wa Tanga",
    "Njia ya Muheza kwa mahindi ya Songea na ufuta wa Sumbawanga",
    "Mashushushu wa masoko: bei za Tanga kila wiki",
    "Stakabadhi za ghala kwa mahindi ya Songea")
# (sender, subject, text, days ago)
PROPOSALS = [
    ("halima.mbwambo@example.net", BUYER,
     "Kicheba walimpata mnunuzi wa Tanga kwa kukusanya machungwa sehemu moja na kupanga "
     "madaraja. Tujifunze wote jinsi ya kukubaliana bei ya msimu mzima na mnunuzi mkubwa.", 75),
    ("agnes.mbawala@example.net", TRYING,
     "Songea tunataka kujaribu njia ya Muheza kwa mahindi, na Sumbawanga kwa ufuta. Tuanze na "
     "nini kwanza: madaraja, kituo cha kukusanyia au mkataba na mnunuzi?", 70),
    ("joseph.bura@example.net", SPIES,
     "Babati tuna mashushushu wanaoleta bei za soko. Je, vikundi vya machungwa vinaweza kupata "
     "bei za Tanga kila wiki kwa njia hiyo, na nani atawalipa?", 66),
    ("crispin.nchimbi@example.net", RECEIPTS,
     "Benki ya Songea imeuliza kama tunaweza kuhifadhi mahindi ghalani na kupata stakabadhi "
     "kama Mbeya. Tujifunze hilo kwenye ajenda.", 64),
    ("emmanuel.sikazwe@example.net", "",
     "Habari, tungependa kujadili bei ya ufuta mwaka huu.", 63),
]
# (topic, supporters' addresses)
SUPPORTS = [
    (BUYER, ["kicheba.oranges@example.net", "bakari.mhina@example.net",
             "agnes.mbawala@example.net"]),
    (TRYING, ["agnes.mbawala@example.net", "emmanuel.sikazwe@example.net",
              "crispin.nchimbi@example.net", "theresia.mwanisawa@example.net"]),
    (SPIES, ["joseph.bura@example.net", "magugu.rice@example.net",
             "kicheba.oranges@example.net"]),
]
WORKSHOP_PEOPLE = ["halima.mbwambo@example.net", "kicheba.oranges@example.net",
                   "bakari.mhina@example.net", "agnes.mbawala@example.net",
                   "omari.semboja@example.net", "emmanuel.sikazwe@example.net"]
TRANSPORT = "Kusafirisha machungwa pamoja hadi Tanga"


def load_demo() -> str:
    group = Group.objects.filter(slug=GROUP).first()
    mentor = person_for_address(MENTOR)
    if group is None or mentor is None:
        return "agenda: left out: its group or mentor is not in this demo"
    if not group.agenda_topics.exists():
        _tell(group, mentor)
    topics = group.agenda_topics.all()
    refused = InboundMessage.objects.filter(recipient=group.command_address("agenda"),
                                            state="rejected").count()
    return (f"agenda: {topics.count()} topics in {group.slug} "
            f"({topics.filter(state=TopicState.LEARNED).count()} learned, "
            f"{topics.filter(dialogue__closed__isnull=True).exclude(dialogue=None).count()} "
            f"running as a dialogue, {topics.filter(state=TopicState.PARKED).count()} parked), "
            f"{group.workshops.count()} workshop, {refused} proposal by mail refused")


def _tell(group: Group, mentor: Person) -> None:
    now = timezone.now()
    for sender, subject, text, days_ago in PROPOSALS:
        _mail(group, sender, subject, text, now - days_ago * DAY)
    topic = {t.title: t for t in group.agenda_topics.all()}
    for title, supporters in SUPPORTS:
        for days, address in enumerate(supporters):
            actions.support(topic[title], person_for_address(address),
                            when=topic[title].created + (days + 1) * DAY)
    actions.change_state(topic[RECEIPTS], TopicState.PARKED, mentor,
                         "Tusubiri ziara ya Mbeya; kwanza tufuatilie kikundi cha stakabadhi "
                         "za ghala.", when=now - 60 * DAY)
    workshop_day = now - 50 * DAY
    actions.record_workshop(actions.WorkshopRecord(
        group, workshop_day.date(), "Muheza, ukumbi wa FTC",
        [p for a in WORKSHOP_PEOPLE if (p := person_for_address(a))],
        "Mwakilishi wa kiwanda cha juisi cha Tanga\nAfisa ugani wa wilaya ya Muheza",
        [topic[BUYER], topic[TRYING]], [TRANSPORT]), mentor, when=workshop_day)
    _link(topic[BUYER], group, "Mlivyompata mnunuzi wa machungwa wa Tanga")
    _link(topic[TRYING], group, "Songea: tunataka kujaribu njia ya Muheza kwa mahindi",
          "Sumbawanga: ufuta na mnunuzi wa Dar es Salaam")
    actions.start_dialogue(topic[TRYING], mentor,
                           actions.default_stages((now - 40 * DAY).date()), when=now - 40 * DAY)
    synthesis = (Synthesis.objects.published().filter(group=group, threads__agenda_topics=
                                                      topic[BUYER]).first())
    if synthesis is not None:
        actions.name_topic(synthesis, topic[BUYER])
        actions.change_state(topic[BUYER], TopicState.LEARNED, mentor,
                             "Muhtasari umechapishwa: tunajua jinsi ya kumpata mnunuzi.",
                             when=now - 10 * DAY)


def _mail(group: Group, sender: str, subject: str, text: str,
          written: datetime.datetime) -> None:
    """A learner's mail to the agenda's address, through the inbox and its route, arrived
    when it was written in the demo's dated history."""
    person = person_for_address(sender)
    mail = MIMEText(text, "plain", "utf-8")
    mail["From"] = email.utils.formataddr((person.name if person else "", sender))
    mail["To"] = address = group.command_address("agenda")
    mail["Subject"] = subject
    mail["Date"] = email.utils.format_datetime(written)
    mail["Message-ID"] = email.utils.make_msgid("agenda", "example.net")
    [inbound] = receive(mail.as_bytes(), [address], Source.PIPE, process=False)
    inbound.received = written
    inbound.save(update_fields=["received"])
    process(inbound)


def _link(topic: Topic, group: Group, *subjects: str) -> None:
    for thread in Thread.objects.filter(group=group, subject__in=subjects):
        actions.link_thread(topic, thread)
