"""The demo's syntheses: two of the demo network's own discussions (the Mbonzo warehouse
receipts, and how the Kicheba orange growers found their buyer), written by their mentors from
what the messages say, each point linked to its message; the Swahili group's in Swahili with an
English translation. Published, and sent to the group as the mentors would.

Idempotent: a thread that already has a synthesis of its own is left as it is."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User

from learnlink.exchange.models import Thread
from learnlink.mentoring.models import Synthesis
from learnlink.mentoring.syntheses import services
from learnlink.mentoring.syntheses.content import Content, Item
from learnlink.mentoring.syntheses.sending import CannotSend, send_to_group
from learnlink.people.addresses import person_for_address

DEMO = Path(__file__).resolve().parents[1] / "demo" / "syntheses.json"


def load_syntheses() -> str:
    made = [_load(entry) for entry in json.loads(DEMO.read_text(encoding="utf-8"))]
    return f"syntheses: {sum(made)} published, {len(made) - sum(made)} already there"


def _load(entry: dict[str, Any]) -> bool:
    thread = (Thread.objects.select_related("group")
              .filter(group__slug=entry["group"], subject=entry["thread"]).first())
    if thread is None or Synthesis.objects.of_thread(thread).exists():
        return False
    person = person_for_address(entry["mentor"])
    mentor: User | None = person.user if person is not None else None
    original = entry["versions"][entry["language"]]
    synthesis = services.start(thread.group, [thread], title=original["title"],
                               language=entry["language"], content=_content(original),
                               by=mentor)
    for language, version in entry["versions"].items():
        if language != entry["language"]:
            services.save_version(synthesis, language, version["title"], _content(version),
                                  mentor)
    services.publish(synthesis)
    if entry.get("send") and mentor is not None:
        # A mentor without an address in the directory: published, not sent.
        with contextlib.suppress(CannotSend):
            send_to_group(synthesis, mentor)
    return True


def _content(version: dict[str, Any]) -> Content:
    return Content([Item(text, message_id) for text, message_id in version["learned"]],
                   version["standing"],
                   [Item(text, message_id) for text, message_id in version["next_questions"]])
