"""Mail printed on the console of a development run, whole, as the outgoing mail page shows it:
the person trying Learnlink with `make run` reads the sign-in link or the confirmation a
message of theirs brought back in the terminal they started it from."""

from __future__ import annotations

import sys

from learnlink.mail.models import Outgoing
from learnlink.mail.readable import readable

RULE = "-" * 72


def echo(outgoing: Outgoing) -> None:
    message = readable(outgoing, whole=True)
    recipients = list(outgoing.deliveries.order_by("pk").values_list("address", flat=True)[:4])
    count = outgoing.deliveries.count()
    more = f" and {count - len(recipients)} more" if count > len(recipients) else ""
    lines = [RULE, f"Learnlink mail {outgoing.pk} to {', '.join(recipients)}{more}"]
    lines += [f"{name}: {value}" for name, value in message.headers]
    for text in message.texts:
        lines += ["", text.rstrip("\n")]
    sys.stdout.write("\n".join([*lines, RULE, ""]))
    sys.stdout.flush()
