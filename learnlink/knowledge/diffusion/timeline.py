"""The diffusion timeline as plain HTML: the years as headings, each a list of dated entries.

Chosen over an SVG because on a phone text reflows to the screen at the reader's own font
size, a screen reader announces the headings and list items and lets one jump year to year, it
prints and translates like the rest of the page, and it weighs only its words. It is also the
text alternative to the graph. Built with ElementTree so every name is escaped.
"""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET  # builds our own HTML, parses nothing
from itertools import groupby

from django.utils.translation import gettext as _

from learnlink.knowledge.diffusion.lineage import in_order
from learnlink.knowledge.diffusion.records import Diffusion
from learnlink.knowledge.diffusion.xmltext import xml_text


def timeline_html(diffusion: Diffusion, heading: int = 3) -> str:
    """A <div> of <h{heading}> years and <ol> entries, oldest first, the origin at the top."""
    origin = diffusion.origin
    keys = {adoption.key: adoption for adoption in diffusion.adoptions}
    entries = [(origin.date, _("%(organisation)s, %(place)s (%(country)s): the practice "
                               "begins.") % {"organisation": origin.organisation,
                                             "place": origin.place, "country": origin.country})]
    for adoption in in_order(diffusion.adoptions):
        teacher = keys.get(adoption.learned_from or "")
        said = _("%(organisation)s, %(place)s (%(country)s): %(status)s (how they heard of "
                 "it: %(channel)s).") % {
            "organisation": adoption.organisation, "place": adoption.place,
            "country": adoption.country, "status": diffusion.label(adoption.status),
            "channel": diffusion.label(adoption.channel)}
        if teacher is not None:
            said += " " + _("Learned from %(teacher)s.") % {"teacher": teacher.organisation}
        if adoption.adaptation:
            said += " " + adoption.adaptation
        entries.append((adoption.date, said))
    entries.sort(key=lambda entry: entry[0])  # stable: the origin stays first on its day
    root = ET.Element("div", {"class": "diffusion-timeline"})
    for year, dated in groupby(entries, key=lambda entry: entry[0].year):
        ET.SubElement(root, f"h{heading}").text = str(year)
        listed = ET.SubElement(root, "ol")
        for date, said in dated:
            _entry(ET.SubElement(listed, "li"), date, said)
    return ET.tostring(root, encoding="unicode", method="html")


def _entry(item: ET.Element, date: datetime.date, said: str) -> None:
    when = ET.SubElement(item, "time", {"datetime": date.isoformat()})
    when.text = date.isoformat()
    when.tail = " " + xml_text(said)
