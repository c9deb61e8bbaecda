"""The library's part of `learnlink demo`: resources drawn from the demo network's own threads
and directory (what the groups told each other, in their words, and the one outside expert who
wrote to a group), attached to the threads they came from or answer. Nothing here is a result
or a figure the threads do not give. Loading it again changes nothing."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from learnlink.exchange.models import Attachment, Thread
from learnlink.mentoring.models import Resource, ResourceKind, Theme
from learnlink.mentoring.resources.library import attach, save_resource
from learnlink.people.models import Enterprise


@dataclass(frozen=True)
class Item:
    kind: str
    title: str
    text: str
    enterprises: list[str]
    themes: list[str]
    by: str  # the mentor who added it
    threads: list[tuple[str, str]] = field(default_factory=list)  # (group, subject)
    extra: dict[str, str] = field(default_factory=dict)  # url, organisation, email
    attachment: str = ""  # a file of the archive, as (group slug)/(file name)


WAREHOUSE = ("warehouse-receipts", "How do the Mbonzo warehouse receipts work?")
SONGEA_BANK = ("warehouse-receipts", "Songea: benki imeuliza kuhusu stoo yetu")
SOROTI = ("warehouse-receipts", "Soroti asking: could receipts work for dried sweet potato chips?")
GABRIEL, ELISANTE = "gabriel.mwakalinga@example.org", "elisante.massawe@example.org"
ZUHURA, GRACE = "zuhura.shemdoe@example.org", "grace.mwangi@example.org"

LIBRARY = [
    Item(ResourceKind.GUIDE, "How the Mbonzo warehouse receipts work", """\
Told by Mbonzo Cooperative and Mbeya Warehouse Services in the warehouse-receipts group.

On the day a farmer brings maize, the warehouse:
- weighs every bag on its scale, with the farmer watching;
- checks moisture and cleanliness (maize that is too wet goes back to be dried);
- grades it, and writes name, weight and grade on the receipt, with a copy in its book;
- stores it, treats it against weevils and keeps a record for each lot.

With the receipt the farmer can wait for a better price instead of selling at harvest. If she
needs cash meanwhile, she borrows from the SACCO against the receipt; when the maize is sold, the
loan is paid back first and she gets the rest. The storage fee is paid when the maize is sold.

The Mbonzo Women's Maize Group decides together when to sell, because a big buyer wants one big
lot. The hardest part was learning to read the receipt and trust it: they read the receipts
together in their meeting.

It works because the lender and the farmers trust the warehouse's weights and records. In a
season when the price rose less than hoped, members felt they had gained little after the fee;
the group now looks at past seasons' prices before deciding how long to wait, and nobody is
forced to keep maize in the store.""", ["warehouse receipts", "maize"], ["warehouse-receipts"],
         GABRIEL, [WAREHOUSE, SONGEA_BANK]),
    Item(ResourceKind.GUIDE, "Before a warehouse stores a new crop: four questions", """\
What Mbeya Warehouse Services would ask a group that comes with a crop it has never stored
(asked by the sweet potato chip growers of Soroti):

1. How dry is dry? You need a simple test everyone agrees on, like the moisture check for maize.
2. What damages the crop in store (insects, damp), and how do you protect it?
3. Are there buyers who will take a graded lot from a store, and what grade do they want?
4. Is there a lender who will accept the receipt? Talk to them early.

The warehouse has stored only maize and some beans, so it cannot say another crop will work. A
visit to Mbonzo before the next harvest may help a group's leaders see the weighing and the
records.""", ["warehouse receipts", "sweet potato"], ["warehouse-receipts", "new-enterprises"],
         GABRIEL, [SOROTI]),
    Item(ResourceKind.LINK, "Warehouse Receipt Regulatory Board (Tanzania)", """\
The public board that regulates Tanzania's warehouse receipt system: it licenses and inspects
warehouses and their operators. A group that wants to issue receipts like Mbonzo's, or a bank
that asks about them, can find there what a licensed warehouse needs.""",
         ["warehouse receipts"], ["warehouse-receipts"], GABRIEL, [SONGEA_BANK],
         extra={"url": "https://www.wrrb.go.tz/"}),
    Item(ResourceKind.DOCUMENT, "Fomu ya bei ya mashushushu wa Mufindi", """\
Fomu ambayo mashushushu wa masoko wa Mufindi wanaijaza kila siku ya soko: tarehe, soko, zao,
kipimo, bei ya chini na ya juu, chanzo na maelezo. Safu za bei ziko wazi: andika bei
ulizoambiwa, usikisie. (The Mufindi market spies' price form, shared in the market-spies
group.)""", ["market information", "maize", "potatoes"], ["market-information"], ELISANTE,
         [("market-spies", "Ruaha Mbuyuni: tunataka mashushushu wa bei ya vitunguu")],
         attachment="market-spies/fomu-ya-bei.csv"),
    Item(ResourceKind.GUIDE, "Mashushushu wa masoko na mbao za bei vijijini", """\
Kutoka kwa mashushushu wa Mufindi na Babati, kwenye kundi la market-spies.

Mufindi:
- Kila siku ya soko mmoja anakwenda soko la Mafinga, mwingine Makambako, kuangalia magunia
  yanavyouzwa na kuuliza bei.
- Wanapiga simu kwa wafanyabiashara na wasafirishaji wanaowafahamu.
- Wanaandika kwenye fomu moja, na kulinganisha watu wawili au watatu kabla ya kutuma bei.
- Wanatuma bei kwa SMS kwa viongozi wa vikundi, nao wanawaambia wanachama.
- Vikundi vinavyopokea bei vinachangia kidogo kila mwezi kwa ajili ya vocha.

Babati (Magugu):
- Bei ya mpunga na ya mahindi inaandikwa kwa chaki, pamoja na tarehe, kwenye ubao katikati ya
  kijiji, ili mkulima auone kabla mfanyabiashara hajafika.
- Wakulima wanaangalia ubao kabla ya kuuza; bei ya mjini ikiwa bora wanakodi gari pamoja.
- Chama cha wakulima wa mpunga kinawasaidia mashushushu kwa vocha na nauli.

Kuanza: watu wawili kwa kila kituo, mmoja mwenye simu na mwingine anayekwenda sokoni, watu
wanaoaminika kijijini; anzeni na soko moja mnalouzia zaidi. Redio ikisoma bei: itaje tarehe na
soko ilipotoka.""", ["market information", "rice", "maize"], ["market-information"], ELISANTE,
         [("market-spies", "Ubao wa bei kijijini Magugu"),
          ("market-spies", "Ruaha Mbuyuni: tunataka mashushushu wa bei ya vitunguu")]),
    Item(ResourceKind.CONTACT, "Hussein Lema", """\
Runs a farmers' programme on the community radio in Babati. He asked to read the Magugu price
board's weekly prices on air, with their date and market, for farmers in villages far from
Magugu.""", ["market information", "rice"], ["market-information"], ELISANTE,
         [("market-spies", "Redio ya jamii: tunaweza kusoma bei zenu hewani?")],
         extra={"organisation": "Community radio, Babati", "email": "hussein.lema@example.com"}),
    Item(ResourceKind.GUIDE, "Brokering a deal with a big buyer: the Muheza way", """\
How Kicheba Orange Growers and their service provider in Muheza sold to a buyer from Tanga,
from the oranges-muheza group.

What the service provider does:
- finds big buyers and asks what quality, how much and when they want;
- brings the buyer to the group in the village, not to an office in town, so that the members
  hear for themselves;
- helps both sides write the agreement: the grades, the collection day, the price of each grade,
  who pays for transport and when payment is made;
- is at the scale and the count on collection day;
- agrees the commission with the group before the sale.

What the group does:
- grades its oranges itself before the lorry comes; rotten or split fruit is not loaded;
- brings them to one place on the agreed day, so the lorry comes once; the secretary writes down
  what each member brought;
- asks other buyers before accepting a price;
- loads only a small part on the first lorry, and more once the buyer has paid as agreed.

When the buyer once paid late, they added the payment date to the agreement. Members who needed
cash early were not forced to wait; many joined the next season.""",
         ["oranges", "market linkage"], ["brokering-deals-with-buyers",
                                        "bulking-and-joint-marketing"], ZUHURA,
         [("oranges-muheza", "Songea: tunataka kujaribu njia ya Muheza kwa mahindi"),
          ("oranges-muheza", "Babati: mpunga nao unaweza kupangwa madaraja?")]),
    Item(ResourceKind.GUIDE, "Paying members through the association's bank account", """\
How Muheza Fruit Growers Association pays its groups, told in the oranges-muheza group:
the association opened a bank account; the buyer pays into it, and the association pays each
group from the list its secretary keeps. The payment date is written in the agreement, and the
next lorry is not loaded until the previous payment has arrived. It took time to explain to
members, but they now trust the secretary's list more than promises.""", ["oranges"],
         ["bulking-and-joint-marketing", "brokering-deals-with-buyers"], ZUHURA,
         [("oranges-muheza", "Sumbawanga: ufuta na mnunuzi wa Dar es Salaam")]),
    Item(ResourceKind.GUIDE, "Clean handling at a collection shed", """\
What Mount Kenya Fresh Exports made the snow pea growers of Nyeri do, as they told the moringa
and meat groups of Kakamega:
- a shed used only for the produce, swept every day, with no animals or chemicals inside;
- produce never on the bare ground, always on raised tables or racks;
- clean hands, and the same few people handling it;
- a record of which member brought what and when, so that a problem can be traced; the group
  fills it in at the shed, not at home.

The exporter's field buyer checks the size and shape of the pods, that they are packed in the
exporter's crates, that every crate can be traced to its grower, and the spraying records. A
service provider in Limuru adds: the records let a buyer answer their own customers when
something goes wrong, so a group that keeps them is easier to deal with.""",
         ["snow peas", "moringa", "export"], ["collaboration-along-a-market-chain"], GRACE,
         [("moringa-kakamega", "Moringa leaf powder: keeping it clean and dry"),
          ("moringa-kakamega", "What the exporter checks at our collection shed")]),
]


def load_demo() -> str:
    loaded = attached = 0
    for item in LIBRARY:
        resource = _resource(item)
        loaded += 1
        for slug, subject in item.threads:
            thread = Thread.objects.filter(group__slug=slug, subject=subject).first()
            user = User.objects.filter(username=item.by).first()
            if thread is not None and user is not None:
                attach(thread, resource, user)
                attached += 1
    return f"mentoring: library of resources={loaded} resources, {attached} attached to threads"


def _resource(item: Item) -> Resource:
    resource = (Resource.objects.filter(kind=item.kind, title=item.title).first()
                or Resource(kind=item.kind, title=item.title,
                            added_by=User.objects.filter(username=item.by).first()))
    resource.description = item.text
    for name, value in item.extra.items():
        setattr(resource, name, value)
    return save_resource(resource, Enterprise.objects.filter(name__in=item.enterprises),
                         Theme.objects.filter(slug__in=item.themes), _file(item))


def _file(item: Item) -> ContentFile | None:
    """The archive's own copy of a file a group sent, as the library's document."""
    if not item.attachment:
        return None
    slug, name = item.attachment.split("/")
    sent = Attachment.objects.filter(message__group__slug=slug, filename=name).first()
    if sent is None:
        return None
    with default_storage.open(sent.storage_name) as stored:
        return ContentFile(stored.read(), name=name)
