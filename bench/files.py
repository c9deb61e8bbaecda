"""A group's page of files and the files API over the 100,000-message archive.

    .venv/bin/python bench/files.py [--requests 20]

The archive is `_setup.archive_django`'s (three copies of the LTP list, 35,000 messages and
about 600 files in each group). Measured in process as a guest, with Django's test client:
the whole list, one kind, one month, and the API's first page. The page counts and pages the
files through the message_group_files index and loads only the 25 it shows.
"""

from __future__ import annotations

import argparse

from _setup import archive_django, machine_speed, timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    archive_django()
    from django.test import Client

    from learnlink.exchange.models import Attachment, Group

    group = Group.objects.get(slug="ltp-1")
    print(machine_speed())
    print(f"{group.slug}: {group.messages.count():,} messages, "
          f"{Attachment.objects.for_files_page(group).count():,} files")
    client = Client(HTTP_HOST="127.0.0.1")
    page = f"/groups/{group.slug}/files/"
    for label, url in [("page of files", page), ("images", f"{page}?kind=images"),
                       ("one month", f"{page}?month=2022-05"),
                       ("other files of a month", f"{page}?kind=other&month=2022-05"),
                       ("API, first 50", f"/api/groups/{group.slug}/files?limit=50")]:
        figures = timed(client, url, args.requests)
        print(f"{label:24} median {figures['median']:6.1f} ms, p95 {figures['p95']:6.1f} ms, "
              f"{figures['queries']} queries, {figures['kb']:.1f} KB")


if __name__ == "__main__":
    main()
