"""The demo network's practices, drawn from the network's briefing notes: what each group did,
where it began and how it travelled (dates 2003-2008). Data only; `demo` loads it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

# Where the demo's districts lie (the directory's places have no coordinates of their own):
# the district's main town, in decimal degrees, from public gazetteers.
COORDINATES = {
    "Tanzania / Tanga / Muheza": (-5.1667, 38.7833),
    "Tanzania / Tanga / Muheza / Amani": (-5.1000, 38.6333),
    "Tanzania / Ruvuma / Songea": (-10.6833, 35.6500),
    "Tanzania / Manyara / Babati": (-4.2167, 35.7500),
    "Tanzania / Manyara / Babati / Magugu": (-4.0000, 35.7667),
    "Tanzania / Rukwa / Sumbawanga": (-7.9667, 31.6167),
    "Tanzania / Iringa / Mufindi": (-8.6000, 35.3000),
    "Tanzania / Mbeya / Mbeya": (-8.9000, 33.4500),
    "Tanzania / Kilimanjaro / Hai": (-3.3333, 37.2500),
    "Tanzania / Arusha / Arumeru / Usa River": (-3.3667, 36.8500),
    "Tanzania / Morogoro / Morogoro": (-6.8167, 37.6667),
    "Kenya / Nyeri / Nyeri": (-0.4167, 36.9500),
    "Kenya / Nyeri / Nyeri / Kiganjo": (-0.3833, 37.0000),
    "Kenya / Kiambu / Limuru": (-1.1000, 36.6333),
    "Kenya / Kakamega / Kakamega": (0.2833, 34.7500),
    "Uganda / Eastern / Soroti": (1.7167, 33.6167),
    "Uganda / Western / Bushenyi": (-0.5333, 30.1833),
}


@dataclass(frozen=True)
class Took:
    """One adoption: who, where (a path of COORDINATES), when, how, what they changed."""

    organisation: str
    place: str
    date: datetime.date
    status: str
    channel: str
    adaptation: str
    learned_from: str = ""  # the organisation of an earlier adoption of the same practice


@dataclass(frozen=True)
class Story:
    title: str
    summary: str
    enterprises: tuple[str, ...]
    themes: tuple[str, ...]
    origin: tuple[str, str, datetime.date]  # organisation, place path, date
    problem: str
    done: str
    results: str
    lessons: str
    adoptions: tuple[Took, ...] = field(default=())


D = datetime.date
STORIES = (
    Story(
        "Brokering deals with big buyers",
        "Muheza's orange growers stopped waiting for middlemen at the farm gate: a local service "
        "provider found a big buyer in Tanga and brokered a contract for graded fruit.",
        ("oranges", "maize", "rice", "black pepper", "simsim"),
        ("brokering-deals-with-buyers", "collaboration-along-a-market-chain"),
        ("Muheza Fruit Growers Association", "Tanzania / Tanga / Muheza", D(2003, 6, 1)),
        "Middlemen set the price of oranges at the farm gate, and half the fruit rotted in good "
        "years.",
        "1. Muheza Agri-Business Service Providers met Green House Investments in Tanga.\n"
        "2. The groups agreed on three grades and one collection day a week.\n"
        "3. The association signed a season's contract for graded fruit.",
        "| | before | after |\n|---|---|---|\n| price per crate (TSh) | 1,500 | 3,200 |\n"
        "| fruit lost | about half | under a fifth |",
        "A buyer pays for what he can count on: grades and a fixed day matter more than volume.",
        (
            Took("Amani Black Pepper Group", "Tanzania / Tanga / Muheza / Amani", D(2004, 2, 1),
                 "adopted", "visit", "Pepper is dried and bagged by the group before the broker "
                 "calls the buyer."),
            Took("Songea Maize Producers Marketing Group", "Tanzania / Ruvuma / Songea",
                 D(2004, 8, 1), "adapted", "workshop", "Maize sold to a Dar es Salaam miller "
                 "through Ruvuma Farm Services, bulked in the village store first."),
            Took("Babati Rice Farmers Association", "Tanzania / Manyara / Babati",
                 D(2005, 3, 1), "adapted", "thread", "Rice graded by variety; the association "
                 "itself brokers, without a service provider."),
            Took("Sumbawanga Simsim Growers Group", "Tanzania / Rukwa / Sumbawanga",
                 D(2006, 5, 1), "adapted", "thread", "Simsim for Mohamed Enterprises, with a "
                 "moisture test at the collection point.",
                 learned_from="Songea Maize Producers Marketing Group"),
        ),
    ),
    Story(
        "Market spies",
        "Mufindi's farmers chose young people to watch the markets and bring back prices; "
        "Babati reinvented them with village billboards and market information centres.",
        ("market information", "maize", "potatoes"),
        ("market-information",),
        ("Mufindi Market Spies Group", "Tanzania / Iringa / Mufindi", D(2004, 9, 1)),
        "Traders knew the town prices; the farmers did not, and sold at whatever was offered.",
        "Each village sends a spy to the big markets every week; the spy reports prices, "
        "buyers' demands and quality at the village meeting.",
        "Farmers of the spies' villages sold potatoes at 30% above the earlier farm-gate price.",
        "A price is only useful to someone who can act on it the same week.",
        (
            Took("Babati Market Spies", "Tanzania / Manyara / Babati", D(2006, 2, 1), "adapted",
                 "visit", "Prices written on village billboards and kept at market information "
                 "centres, so everyone reads them, not only the meeting."),
            Took("Magugu Rice Producers Group", "Tanzania / Manyara / Babati / Magugu",
                 D(2006, 10, 1), "adopted", "workshop", "Rice prices from Arusha and Dodoma "
                 "added to the board.", learned_from="Babati Market Spies"),
        ),
    ),
    Story(
        "Warehouse receipts",
        "Farmers store their grain in a certified warehouse after harvest and borrow against "
        "the receipt, instead of selling when prices are lowest.",
        ("warehouse receipts", "maize", "rice"),
        ("warehouse-receipts",),
        ("Mbonzo Cooperative", "Tanzania / Mbeya / Mbeya", D(2005, 5, 1)),
        "Everyone sold maize at harvest to pay school fees, when the price is lowest.",
        "Mbeya Warehouse Services weighs and grades each farmer's bags and issues a receipt; a "
        "bank lends 60% of its value until prices rise.",
        "Members who waited four months earned about 40% more per bag.",
        "The receipt must be trusted by the bank: weighing and grading in public builds it.",
        (
            Took("Babati Rice Farmers Association", "Tanzania / Manyara / Babati",
                 D(2006, 6, 1), "adopted", "thread", "Paddy instead of maize, in the "
                 "association's own store."),
            Took("Teso Agro-enterprise Services", "Uganda / Eastern / Soroti", D(2007, 8, 1),
                 "adapted", "visit", "With no certified warehouse nearby, the groups built their "
                 "own system: a group store, receipts signed by the association, credit from a "
                 "savings group. They will not be identical systems.",
                 learned_from="Babati Rice Farmers Association"),
        ),
    ),
    Story(
        "Umbrella associations for bulking and joint marketing",
        "Small groups join an umbrella association that bulks their produce and sells it in "
        "one lot, as the snow pea groups around Nyeri did.",
        ("snow peas", "citrus", "dairy", "maize"),
        ("bulking-and-joint-marketing",),
        ("Mount Kenya Snow Pea Producers Association", "Kenya / Nyeri / Nyeri",
         D(2003, 3, 1)),
        "Each group was too small for an exporter to deal with.",
        "Twelve groups formed one association with a board, a collection schedule and one bank "
        "account for sales.",
        "The association sells about 20 tonnes a month, where no single group sold two.",
        "The groups keep their own meetings; the umbrella only does what they cannot do alone.",
        (
            Took("Soroti Citrus Growers Association", "Uganda / Eastern / Soroti",
                 D(2005, 7, 1), "adapted", "workshop", "Citrus groups bulk at two collection "
                 "points and sell to juice processors."),
            Took("Bushenyi Dairy Farmers Association", "Uganda / Western / Bushenyi",
                 D(2006, 1, 1), "adopted", "visit", "Milk bulked at a cooling centre owned by "
                 "the association."),
            Took("Mbonzo Cooperative", "Tanzania / Mbeya / Mbeya", D(2006, 9, 1), "adapted",
                 "thread", "Maize groups joined the cooperative, which now runs their "
                 "warehouse receipts too."),
        ),
    ),
    Story(
        "Snow peas for export from Mount Kenya",
        "Smallholders on the slopes of Mount Kenya grow snow peas under contract for an "
        "exporter, meeting European standards together.",
        ("snow peas", "export"),
        ("new-enterprises", "collaboration-along-a-market-chain"),
        ("Mount Kenya Fresh Exports", "Kenya / Nyeri / Nyeri", D(2003, 1, 1)),
        "Export buyers need records of every spray, which one farmer alone cannot keep.",
        "Groups keep one spray record and one grading shed; the exporter trains a scout per "
        "group.",
        "Farmers earn about KSh 40 a kilo, three times the local price of beans.",
        "Standards are easier to meet together than alone.",
        (
            Took("Kiganjo Snow Pea Group", "Kenya / Nyeri / Nyeri / Kiganjo", D(2004, 4, 1),
                 "adopted", "visit", "A shared grading shed by the road."),
            Took("Limuru Vegetable Growers Group", "Kenya / Kiambu / Limuru", D(2006, 3, 1),
                 "interested", "thread", ""),
        ),
    ),
    Story(
        "Growing mushrooms",
        "Hai's mushroom growers turned banana leaves and maize stalks into a cash crop grown "
        "in a small dark room.",
        ("mushrooms",),
        ("new-enterprises",),
        ("Hai Mushroom Growers Group", "Tanzania / Kilimanjaro / Hai", D(2004, 2, 1)),
        "Young people had no land for a new crop.",
        "The group grows oyster mushrooms on pasteurised maize stalks in a mud-brick room and "
        "sells fresh to Moshi hotels.",
        "Twelve members sell about 30 kg a week.",
        "Clean spawn decides everything: buy it from one trusted source.",
        (
            Took("Usa River Mushroom Group", "Tanzania / Arusha / Arumeru / Usa River",
                 D(2005, 1, 1), "adopted", "visit", "Sold dried, to reach Arusha shops."),
            Took("Tujikomboe Group", "Tanzania / Morogoro / Morogoro", D(2007, 4, 1),
                 "trying", "introduction", "Rice straw instead of maize stalks."),
        ),
    ),
    Story(
        "Moringa from farmer field schools",
        "The Kakamega farmer field school network grows moringa and sells the dried leaves as "
        "a food supplement.",
        ("moringa",),
        ("new-enterprises",),
        ("Kakamega Moringa Growers Group", "Kenya / Kakamega / Kakamega", D(2006, 4, 1)),
        "Families needed a crop that grows in the dry months and feeds the children.",
        "Field schools tried spacing and drying; the group packs leaf powder for local shops.",
        "About 200 households grow it; a kilo of powder sells for KSh 600.",
        "Drying in the shade keeps the colour and the price.",
        (
            Took("Songea Maize Producers Marketing Group", "Tanzania / Ruvuma / Songea",
                 D(2008, 2, 1), "interested", "thread", "Asked for seed and a visit."),
        ),
    ),
)

# The Kiswahili translation of the first practice, so that the library shows both languages.
SWAHILI = ("Kufanya mikataba na wanunuzi wakubwa",
           "Wakulima wa machungwa wa Muheza waliacha kusubiri walanguzi shambani: mtoa huduma "
           "wa hapa alimpata mnunuzi mkubwa Tanga na kuwasaidia kupata mkataba wa matunda "
           "yaliyopangwa kwa madaraja.")
