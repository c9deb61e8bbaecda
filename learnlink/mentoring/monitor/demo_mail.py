"""The demo's mail of the last two months, written by the learners of the contract groups, so
that the monitor judges what the network really did: the orange growers of Kicheba plan their
grading shed and sell together, Amani asks about drying pepper and Muheza's service providers
answer, the market spies post the week's prices, the mushroom growers of Hai sell dried
mushrooms in Moshi, Kakamega's moringa and meat groups report. Some groups stay quiet, as some
do. Each goes through the real inbox, dated in its month (`months_ago` 1 is last month)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mail:
    key: str  # its Message-ID's left part, so loading twice posts it once
    group: str
    sender: str
    months_ago: int
    day: int
    subject: str
    body: str
    reply_to: str = ""  # the key of the message it answers


MAIL = (
    Mail("kicheba-plan", "oranges-muheza", "kicheba.oranges@example.net", 2, 6,
         "Mpango wetu: kibanda cha kupanga madaraja",
         "Habari wenzetu,\n\nTumepanga kujenga kibanda cha kupanga machungwa kwa madaraja "
         "matatu kabla ya mavuno ya Desemba. Kila mwanachama atachangia shilingi 5,000 na siku "
         "mbili za kazi. Tutawaeleza tukimaliza.\n\nKicheba"),
    Mail("amani-question", "oranges-muheza", "omari.semboja@example.net", 2, 14,
         "Kukausha pilipili manga",
         "Ndugu zetu,\n\nMnakausha pilipili manga kwa siku ngapi juani kabla ya kuuza? "
         "Mnunuzi wa Tanga analalamika kuhusu unyevu.\n\nOmari, Amani"),
    Mail("muheza-answer", "oranges-muheza", "bakari.mhina@example.net", 1, 3,
         "Re: Kukausha pilipili manga",
         "Omari,\n\nWakulima wa Kwafungo hukausha siku saba juu ya turubai, si chini, na "
         "kugeuza kila asubuhi. Pilipili ikivunjika kwa kidole imekauka.\n\nBakari",
         "amani-question"),
    Mail("kicheba-sold", "oranges-muheza", "kicheba.oranges@example.net", 1, 18,
         "Tumeuza pamoja tani 12",
         "Habari njema,\n\nKibanda kimekamilika na tumeuza tani 12 za machungwa kwa mnunuzi "
         "wa Dar kwa shilingi 350 kwa kilo, badala ya 200 tuliyopata mwaka jana.\n\nKicheba"),
    Mail("muheza-fruit-news", "oranges-muheza", "halima.mbwambo@example.net", 1, 22,
         "Mkutano wa chama mwezi ujao",
         "Wanachama,\n\nChama kitakutana Muheza mjini tarehe 10. Vikundi vinavyouza pamoja "
         "vitaeleza jinsi vilivyopanga madaraja.\n\nHalima"),
    Mail("mufindi-prices", "market-spies", "yohana.mgimwa@example.net", 1, 5,
         "Bei za wiki hii Mafinga",
         "Bei za leo soko la Mafinga: viazi mviringo gunia shilingi 45,000, mahindi debe "
         "12,000, maharage kilo 2,600. Tumeziandika kwenye mbao za bei za vijiji vitatu.\n\n"
         "Yohana"),
    Mail("babati-prices", "market-spies", "daudi.tlatla@example.net", 1, 12,
         "Mbao mpya ya bei Magugu",
         "Tumeweka mbao mpya ya bei sokoni Magugu. Mpunga kilo 1,200, mchele 2,300. Wakulima "
         "watano wameshauza kwa bei ya mbao badala ya ya dalali.\n\nDaudi"),
    Mail("ruaha-question", "market-spies", "musa.kalinga@example.net", 1, 15,
         "Bei ya vitunguu Dar",
         "Habari,\n\nKuna mtu anajua bei ya vitunguu soko la Kariakoo wiki hii? Tunataka "
         "kujua kama inalipa kusafirisha wenyewe.\n\nMusa, Ruaha Mbuyuni"),
    Mail("babati-rice-plan", "market-spies", "joseph.bura@example.net", 2, 20,
         "Tunapanga kuhifadhi mpunga",
         "Tunapanga kuhifadhi mpunga ghalani mpaka Februari bei ikipanda. Tutawaambia "
         "itakavyokwenda.\n\nJoseph, Babati"),
    Mail("hai-sold", "mushrooms", "eliaichi.mushi@example.net", 1, 9,
         "Tumeuza uyoga mkavu Moshi",
         "Habari wenzetu,\n\nTumeuza kilo 40 za uyoga mkavu kwa maduka mawili ya Moshi. "
         "Kukausha kwenye kivuli kwa siku nne kumefanya rangi ibaki nzuri.\n\nEliaichi"),
    Mail("usa-plan", "mushrooms", "naomi.pallangyo@example.net", 2, 11,
         "Nyumba ya pili ya uyoga",
         "Tunapanga kujenga nyumba ya pili ya uyoga kwa nyasi na udongo, kama ya Hai, ili "
         "tuvune kila wiki.\n\nNaomi, Usa River"),
    Mail("moringa-powder", "moringa-kakamega", "rose.lumumba@example.net", 1, 7,
         "First moringa powder sold in Kakamega town",
         "Dear all,\n\nWe sold our first 25 packets of moringa powder to two shops in "
         "Kakamega town. Drying the leaves in the shade kept them green.\n\nRose"),
    Mail("meat-plan", "moringa-kakamega", "patrick.shikuku@example.net", 1, 16,
         "Plan: weighing goats before the sale",
         "We plan to weigh every goat on the scale at the market before we agree a price "
         "with the butchers, as the snow pea growers grade before they sell.\n\nPatrick"),
)
