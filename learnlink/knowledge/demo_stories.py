"""The demo network's stories, news and interviews, told from the briefing notes' experiences
(the same ones `demo_practices` records as practices): nothing in them beyond what those notes
say. They have no photos: the network gave us none, and a stock photo would pretend to show
groups it does not. Data only; `demo` loads it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

D = datetime.date


@dataclass(frozen=True)
class Piece:
    kind: str
    title: str
    date: datetime.date
    author: str  # a person of the directory
    summary: str
    body: str
    organisations: tuple[str, ...]
    practices: tuple[str, ...] = ()  # titles of the demo's practices
    questions: tuple[tuple[str, str], ...] = field(default=())


PIECES = (
    Piece(
        "story", "Muheza's orange growers stop waiting at the farm gate", D(2004, 3, 15),
        "Zuhura Shemdoe",
        "Middlemen used to set the price of Muheza's oranges, and half the fruit rotted in good "
        "years. Then a local service provider found a big buyer in Tanga.",
        "Muheza Agri-Business Service Providers met Green House Investments in Tanga. The "
        "growers' groups agreed on three grades and one collection day a week, and the Muheza "
        "Fruit Growers Association signed a season's contract for graded fruit.\n\n"
        "A crate that fetched TSh 1,500 at the farm gate now sells for TSh 3,200. "
        "\"A buyer pays for what he can count on\", the growers say: grades and a fixed day "
        "matter more than volume.\n\n"
        "Their neighbours took note: the Amani Black Pepper Group now dries and bags its pepper "
        "before the broker calls the buyer.",
        ("Muheza Fruit Growers Association", "Muheza Agri-Business Service Providers",
         "Green House Investments", "Amani Black Pepper Group"),
        ("Brokering deals with big buyers",)),
    Piece(
        "story", "Warehouse receipts travel from Mbeya to Soroti", D(2007, 9, 10),
        "Gabriel Mwakalinga",
        "Farmers around Mbeya store their maize after harvest and borrow against the receipt. "
        "Babati's rice farmers took up the idea, and Soroti's groups in Uganda built their own.",
        "Everyone used to sell maize at harvest to pay school fees, when the price is lowest. "
        "At Mbonzo, Mbeya Warehouse Services weighs and grades each farmer's bags in public and "
        "issues a receipt; a bank lends 60% of its value until prices rise.\n\n"
        "The Babati Rice Farmers Association stores paddy in its own store. In Soroti there "
        "was no certified warehouse nearby, so the groups built their own system: a group "
        "store, receipts signed by the association, credit from a savings group. \"They will "
        "not be identical systems\", and they need not be.",
        ("Mbonzo Cooperative", "Mbeya Warehouse Services", "Babati Rice Farmers Association",
         "Teso Agro-enterprise Services"),
        ("Warehouse receipts",)),
    Piece(
        "news", "Tujikomboe group in Morogoro tries growing mushrooms", D(2007, 4, 20),
        "Elisante Massawe",
        "After an introduction to Hai's mushroom growers, the Tujikomboe group near Morogoro "
        "is trying oyster mushrooms, on rice straw instead of maize stalks.",
        "Hai's mushroom growers grow oyster mushrooms on pasteurised maize stalks in a "
        "mud-brick room. Their advice to Tujikomboe: clean spawn decides everything, so buy it "
        "from one trusted source.",
        ("Tujikomboe Group", "Hai Mushroom Growers Group"),
        ("Growing mushrooms",)),
    Piece(
        "news", "Songea asks Kakamega for moringa seed", D(2008, 2, 12), "Grace Wanjiku Mwangi",
        "The Songea Maize Producers Marketing Group read about the Kakamega farmer field "
        "schools' moringa in the exchange, and asked for seed and a visit.",
        "The Kakamega Moringa Growers Group grows moringa through the dry months and packs "
        "the dried leaf powder for local shops. Their tip for Songea: dry the leaves in the "
        "shade to keep the colour and the price.",
        ("Songea Maize Producers Marketing Group", "Kakamega Moringa Growers Group"),
        ("Moringa from farmer field schools",)),
    Piece(
        "news", "Mbonzo's maize groups join their cooperative as an umbrella", D(2006, 9, 25),
        "Joseph Opolot",
        "Following the snow pea groups around Nyeri, the maize groups of Mbeya joined the "
        "Mbonzo Cooperative, which now runs their warehouse receipts too.",
        "Around Nyeri, twelve snow pea groups formed one association with a board, a "
        "collection schedule and one bank account, and sell to Mount Kenya's exporters in one "
        "lot. Soroti's citrus groups and Bushenyi's dairy farmers built umbrellas of their own; "
        "now Mbonzo's maize groups have one too. The groups keep their own meetings: the "
        "umbrella only does what they cannot do alone.",
        ("Mbonzo Cooperative", "Mount Kenya Snow Pea Producers Association",
         "Soroti Citrus Growers Association", "Bushenyi Dairy Farmers Association"),
        ("Umbrella associations for bulking and joint marketing",
         "Snow peas for export from Mount Kenya")),
    Piece(
        "interview", "Daudi Tlatla, market spy in Babati", D(2006, 5, 8), "Elisante Massawe",
        "Babati's market spies learned from Mufindi's, then made the idea their own: the "
        "prices go on village billboards for every farmer to read.",
        "",
        ("Babati Market Spies", "Mufindi Market Spies Group", "Magugu Rice Producers Group"),
        ("Market spies",),
        (("What does a market spy do?",
          "I call the traders in the town markets and write the day's rice prices on the "
          "village billboard, so every farmer sees them before a trader comes."),
         ("Where did the idea come from?",
          "From Mufindi. Their spies visit the big markets every week and report the prices "
          "at the village meeting. We went to see them."),
         ("What did Babati change?",
          "Not everyone comes to the meeting. So we write the prices on billboards in the "
          "villages and keep them at market information centres, where everyone can read "
          "them."),
         ("Who else took it up?",
          "The Magugu rice producers: they added the rice prices from Arusha and Dodoma to "
          "the board."))),
)

# The Kiswahili translation of the first story, so that the list shows both languages.
SWAHILI = ("Wakulima wa machungwa wa Muheza waacha kusubiri shambani",
           "Zamani walanguzi ndio walipanga bei ya machungwa ya Muheza, na nusu ya matunda "
           "yalioza katika miaka ya mavuno mazuri. Kisha mtoa huduma wa hapa alimpata mnunuzi "
           "mkubwa Tanga.")
