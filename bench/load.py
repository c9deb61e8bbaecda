"""What `load.sh` needs from Django: the archive ready, and the pages to load.

    .venv/bin/python bench/load.py pages     # builds the archive on first use (minutes)
    .venv/bin/python bench/load.py machine   # the machine line

`pages` prints shell lines: `folder PATH` (the archive's LEARNLINK_VAR_DIR, for gunicorn), then
one `page NAME PATH [COOKIE]` a line: a 100-message thread's page, its group's page, a search
and the home page as a guest, and the same thread as a member signed in (a session cookie).
The archive is `_setup.archive_django`'s with the practices of `public_pages.py` on the home
page, the one the other benchmarks share.
"""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING

from _setup import archive_django, machine_speed
from public_pages import library

if TYPE_CHECKING:
    from learnlink.exchange.models import Group

MEMBER = "load.member@example.org"


def pages() -> None:
    folder = archive_django()
    library(folder)
    from learnlink.exchange.models import Thread

    thread = (Thread.objects.filter(message_count__gte=100).order_by("message_count", "pk")
              .select_related("group").first())
    assert thread is not None, "the archive holds no thread of 100 messages"
    word = re.findall(r"[a-z]{5,}", thread.subject.lower())[0]
    print(f"folder {folder}")
    print(f"page thread {thread.get_absolute_url()}")
    print(f"page group /groups/{thread.group.slug}/")
    print(f"page search /search/?q={word}")
    print("page home /")
    print(f"page member-thread {thread.get_absolute_url()} {_member_cookie(thread.group)}")


def _member_cookie(group: Group) -> str:
    """A session cookie of a learner in `group` (a session as the sign-in page makes)."""
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.test import Client

    from learnlink.exchange.membership import add_member

    user, _created = User.objects.get_or_create(username=MEMBER, defaults={"email": MEMBER})
    person = add_member(group, MEMBER, name="Load Member").person
    if person.user_id != user.pk:
        person.user = user
        person.save(update_fields=["user"])
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


if __name__ == "__main__":
    if sys.argv[1:] == ["pages"]:
        pages()
    elif sys.argv[1:] == ["machine"]:
        print(machine_speed())
    else:
        sys.exit(__doc__)
