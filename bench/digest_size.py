"""The size of a daily digest of 50 messages of the benchmark archive, in both forms.

    .venv/bin/python bench/digest_size.py [--messages N]

A learner on a metered connection pays for every kilobyte, so the goal is at most 60 KB for
the whole message as a member receives it (headers, text and HTML parts, footer with their own
token), and less again for a member who chose plain text only. The LTP archive is a kernel
list: long patches, deep quotes and signatures, the hardest case for a light digest. Its
first messages are imported as history would be, then digested for two members, one per form.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
from pathlib import Path

from _setup import LTP, fresh_django

READ = 4  # mails read from the archive per digested message: enough for N real messages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=50)
    args = parser.parse_args()
    if not LTP.exists():
        sys.exit(f"the benchmark archive is missing: {LTP}")
    fresh_django("digest-size")
    from learnlink.exchange.digests import build
    from learnlink.exchange.importing import import_mbox
    from learnlink.exchange.membership import add_member, create_group
    from learnlink.exchange.models import DeliveryMode, Message
    from learnlink.exchange.subscriptions import choose_plain_text
    from learnlink.mail.mbox import read_messages, write_mbox
    from learnlink.mail.models import Delivery

    group = create_group("ltp", "Linux Test Project")
    add_member(group, "full@example.org", mode=DeliveryMode.DAILY)
    choose_plain_text(add_member(group, "plain@example.org", mode=DeliveryMode.DAILY), True)
    mbox = Path(tempfile.mkdtemp(prefix="learnlink-bench-digest-")) / "ltp-start.mbox"
    write_mbox(mbox, itertools.islice(read_messages(LTP), args.messages * READ))
    import_mbox(group, mbox, processes=1)
    messages = list(Message.objects.filter(group=group, is_placeholder=False)
                    .select_related("thread", "sender").order_by("pk")[:args.messages])
    written = sum(len(m.text) + len(m.quoted) + len(m.signature) for m in messages)
    print(f"{len(messages)} LTP messages: {written / 1024:.0f} KB as written, quotes and "
          f"signatures included")
    build(group, DeliveryMode.DAILY, messages)
    for address, form in (("full@example.org", "text and HTML"),
                          ("plain@example.org", "plain text only")):
        delivery = Delivery.objects.select_related("outgoing").get(address=address)
        size = len(delivery.outgoing.bytes_for(delivery.token))
        print(f"daily digest of {len(messages)} messages, {form}: {size / 1024:.1f} KB "
              f"({size:,} bytes) as sent")


if __name__ == "__main__":
    main()
