"""How often the threading suggestions a mentor is offered are right, on the real corpora of
../shared/data: threading's own ("Re: X" without references), replies to a digest, and "was:"
subject changes (a thread suggested, or a split).

    .venv/bin/python bench/cleanup_suggestions.py [--limit N] [--trials N]

Each corpus is imported into a fresh group through the real import (parse, thread, archive,
the on_archive hooks that make the digest and "was:" suggestions). What "right" means depends
on what the corpus can tell (its README):

- imaptest: its scripts' expected THREAD=REFERENCES answers. RFC 5256 merges "Re: foo" with
  "foo" by subject where Learnlink only suggests: a suggestion is right when the expected
  answer puts the message in the thread suggested.
- quote (mailbox-perl, notmuch, LTP; their expected trees thread by headers only, and LTP has
  no ground truth): of the messages of the 60 days before a suggested message, the one its
  quoted text holds most of (by tenths of that message's word 5-grams, at least half of them
  or 30; among equals the latest, as a quote holds the quotes of the quote and a patch's v2
  repeats its v1) names the right thread. The suggestion is right when that thread is the one
  suggested, or of its family (a probable reply of a probable reply, as the group page lists
  them together), wrong otherwise; a message that quotes no message is not judged.
- split (a "was:" reply inside a thread): right when the message it answers (its References)
  is about the old topic it names (same subject, list tags and "Re:" aside): a split there
  parts the old topic from the new one. A "was:" reply that answers a message already on the
  new topic is never flagged.
- hold-out (LTP): the ground truth is the archive's own References. A second import of the
  same list rewrites a sample of real replies as they arrive: References and In-Reply-To taken
  out ("subject": a webmail that drops them; "was": the "was:" messages that had them); or
  made a digest reader's reply ("digest-trimmed": subject "Re: ltp Digest, Vol 1, Issue N",
  no References, the quote the Mailman digest entry of the message it answered; "digest-whole":
  the quote the whole digest of that day). The suggestion made as it arrives is right when it
  is the thread of the message its References named, or of its family (a rewritten reply
  suggested the thread of an earlier rewritten reply, itself a probable reply of that
  thread). The text is the real reply's; only the headers and the quote are rewritten: the
  list never ran digests (no digest reply is in any corpus), so this is how digest replies
  are measured.
"""

from __future__ import annotations

import argparse
import datetime
import email
import email.policy
import email.utils
import itertools
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from pathlib import Path

from _setup import LTP, ROOT, fresh_django, machine_speed

SHARED = ROOT.parent / "shared" / "data" / "threading"
WINDOW = datetime.timedelta(days=60)
_ID = re.compile(r"<([^<>]*)>")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0, help="read only the first N of LTP")
    parser.add_argument("--trials", type=int, default=300, help="hold-out replies per kind")
    args = parser.parse_args()
    fresh_django("cleanup")
    sys.path.insert(0, str(ROOT))
    started = time.monotonic()
    for name, group in small_corpora():
        report(name, judged_real(group, imaptest_judge(name, group)
                                 if name.startswith("imaptest") else None))
    if LTP.exists():
        ltp = load("ltp", ltp_messages(args.limit))
        report("ltp", judged_real(ltp))
        for kind, results in holdout(ltp, args.trials, args.limit).items():
            tried(f"ltp hold-out {kind}", results)
    else:
        print(f"the benchmark archive is missing: {LTP}")
    print(f"seconds={time.monotonic() - started:.0f}")
    print(machine_speed())


# Corpora ---------------------------------------------------------------------------------

def load(slug: str, messages: Iterable[bytes]):  # type: ignore[no-untyped-def]
    from learnlink.exchange.importing import import_messages
    from learnlink.exchange.membership import create_group

    group = create_group(slug, slug)
    stats = import_messages(group, messages)
    print(f"{slug}: {stats.line()}")
    return group


def by_date(files: Iterable[Path]) -> list[bytes]:
    """Maildir files in the order they were written, as a list would have received them."""
    raws = [path.read_bytes() for path in files]

    def written(raw: bytes) -> datetime.datetime:
        try:
            date = email.utils.parsedate_to_datetime(BytesHeaderParser().parsebytes(raw)["Date"])
        except (TypeError, ValueError):
            return datetime.datetime.min.replace(tzinfo=datetime.UTC)
        return date if date.tzinfo else date.replace(tzinfo=datetime.UTC)
    return sorted(raws, key=written)


def small_corpora() -> Iterator[tuple[str, object]]:
    from learnlink.mail.mbox import read_messages

    for path in sorted((SHARED / "imaptest").glob("*.mbox")):
        yield f"imaptest/{path.stem}", load(f"imaptest-{path.stem}", read_messages(path))
    yield "mailbox-perl", load("mailbox-perl", read_messages(SHARED / "mailbox-perl" / "mbox.src"))
    for folder in sorted(p for p in (SHARED / "notmuch" / "corpora").iterdir() if p.is_dir()):
        files = [p for p in folder.rglob("*") if p.is_file()]
        yield f"notmuch/{folder.name}", load(f"notmuch-{folder.name}", by_date(files))


def ltp_messages(limit: int) -> Iterator[bytes]:
    from learnlink.mail.mbox import read_messages

    return itertools.islice(read_messages(LTP), limit or None)


# Judging the suggestions an import made ------------------------------------------------

def kind_of(message, group) -> str:  # type: ignore[no-untyped-def]
    from learnlink.mentoring.cleanup.suggestions import is_digest_reply, was

    if is_digest_reply(message.subject, group):
        return "digest"
    return "was" if was(message.subject) else "subject"


def judged_real(group, judge=None) -> dict[str, list[bool | None]]:  # type: ignore[no-untyped-def]
    """Each suggestion of the group, by kind: right, wrong, or None (not judged)."""
    from learnlink.exchange.models import Message
    from learnlink.exchange.probable_replies import thread_families
    from learnlink.mentoring.models import SplitSuggestion

    results: defaultdict[str, list[bool | None]] = defaultdict(list)
    heads = thread_families(group).head_of
    for message in Message.objects.filter(group=group, suggested_thread__isnull=False):
        results[kind_of(message, group)].append(
            judge(message) if judge else quote_judge(message, heads))
    for split in SplitSuggestion.objects.filter(group=group).select_related("message__parent"):
        results["was-split"].append(split_judge(split.message))
    return results


def quote_judge(message, heads: dict[int, int]) -> bool | None:  # type: ignore[no-untyped-def]
    """Right when the message its quote holds most of is in the suggested thread's family."""
    from learnlink.exchange.models import Message
    from learnlink.mentoring.cleanup.suggestions import shingles

    quote = shingles(message.quoted)
    if not quote or message.date is None:
        return None
    quoted = []
    for thread, text, date in (Message.objects.filter(
            group=message.group_id, is_placeholder=False, date__lte=message.date,
            date__gte=message.date - WINDOW).exclude(thread=message.thread_id)
            .values_list("thread_id", "text", "date")):
        own = shingles(text)
        shared = len(own & quote)
        if own and (shared / len(own) >= 0.5 or shared >= 30):
            quoted.append((int(10 * shared / len(own)), date, thread))
    if not quoted:
        return None
    answered = max(quoted)[2]
    return heads.get(answered, answered) == heads.get(message.suggested_thread_id,
                                                      message.suggested_thread_id)


def split_judge(message) -> bool | None:  # type: ignore[no-untyped-def]
    from learnlink.mentoring.cleanup.suggestions import subject_key, was

    changed = was(message.subject)
    parent = message.parent
    if changed is None or parent is None or parent.is_placeholder:
        return None
    old, answered = subject_key(changed.old), subject_key(parent.subject)
    return bool(old) and (answered == old or answered.startswith(old) or old.startswith(answered))


def imaptest_judge(name: str, group):  # type: ignore[no-untyped-def]
    """Right when the script's expected THREAD answer has the message in the thread suggested
    (its numbers are 1-based mbox positions)."""
    from learnlink.exchange.models import Message
    from learnlink.mail.mbox import read_messages

    script = (SHARED / "imaptest" / name.split("/")[1]).read_text()
    expected = re.search(r"^\* thread (.*)$", script, re.IGNORECASE | re.MULTILINE)
    groups = _top_level_groups(expected.group(1)) if expected else []
    ids = [(_ID.findall(BytesHeaderParser().parsebytes(raw)["Message-ID"] or "") or [""])[0]
           for raw in read_messages(SHARED / "imaptest" / f"{name.split('/')[1]}.mbox")]
    position = {message_id: n + 1 for n, message_id in enumerate(ids)}

    def judge(message) -> bool | None:  # type: ignore[no-untyped-def]
        together = next((g for g in groups if position.get(message.message_id) in g), set())
        threads = set(Message.objects.filter(
            group=group, message_id__in=[ids[n - 1] for n in together]).values_list(
            "thread_id", flat=True))
        return message.suggested_thread_id in threads if together else None
    return judge


def _top_level_groups(answer: str) -> list[set[int]]:
    groups, depth, current = [], 0, ""
    for char in answer:
        depth += char == "("
        depth -= char == ")"
        current += char
        if depth == 0 and current.strip():
            groups.append({int(n) for n in re.findall(r"\d+", current)})
            current = ""
    return groups


# The hold-out ----------------------------------------------------------------------------

KINDS = ("subject", "was", "digest-trimmed", "digest-whole")


def holdout(reference, trials: int, limit: int) -> dict[str, list[bool | None]]:  # type: ignore[no-untyped-def]
    """Import the list again with a sample of replies rewritten as they arrive; each rewritten
    reply's suggestion, recorded as it is archived, against its parent's thread then."""
    from learnlink.exchange import on_archive
    from learnlink.exchange.models import Message
    from learnlink.exchange.probable_replies import thread_families
    from learnlink.mentoring.models import SplitSuggestion

    rows = {m.message_id: m for m in Message.objects.filter(group=reference, is_placeholder=False)
            .only("message_id", "references", "subject", "text", "date", "sender_name")}
    plan = sample(rows, trials)
    outcomes: defaultdict[str, list[bool | None]] = defaultdict(list)

    def record(group, messages) -> None:  # type: ignore[no-untyped-def]
        for message in messages:
            if message.message_id not in plan:
                continue
            kind, parent = plan[message.message_id]
            thread = Message.objects.filter(group=group, message_id=parent).values_list(
                "thread_id", flat=True).first()
            heads = thread_families(group).head_of
            suggested = message.suggested_thread_id
            if SplitSuggestion.objects.filter(message=message).exists():
                outcomes[kind].append(False)  # a split flag where a thread was wanted
            elif suggested is None:
                outcomes[kind].append(None)
            else:
                outcomes[kind].append(heads.get(suggested, suggested) == heads.get(thread, thread))
    on_archive.register("bench-record", record)
    load("ltp-holdout", rewritten(ltp_messages(limit), plan, rows))
    return {kind: outcomes[kind] for kind in KINDS}


def sample(rows, trials: int) -> dict[str, tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Replies whose nearest reference is in the archive and that no later message names (a
    later reply's References would join them to their thread before anyone read the
    suggestion), every k-th for each kind (the "was:" ones all), with the Message-ID of the
    message they answer."""
    from learnlink.exchange.thread_headers import has_reply_prefix
    from learnlink.mentoring.cleanup.suggestions import was

    named = {ref for m in rows.values() for ref in m.references.split()}
    replies = sorted((m for m in rows.values() if m.references and has_reply_prefix(m.subject)
                      and m.references.split()[-1] in rows and m.date is not None
                      and m.message_id not in named), key=lambda m: m.date)
    changed = [m for m in replies if was(m.subject)]
    plain = [m for m in replies if not was(m.subject)]
    plan = {m.message_id: ("was", m.references.split()[-1]) for m in changed}
    step = max(1, len(plain) // (trials * (len(KINDS) - 1)))
    kinds = itertools.cycle([kind for kind in KINDS if kind != "was"])
    for m in plain[::step][:trials * (len(KINDS) - 1)]:
        plan[m.message_id] = (next(kinds), m.references.split()[-1])
    return plan


def rewritten(messages: Iterable[bytes], plan, rows) -> Iterator[bytes]:  # type: ignore[no-untyped-def]
    issue = itertools.count(1)
    for raw in messages:
        ids = _ID.findall(BytesHeaderParser().parsebytes(raw)["Message-ID"] or "")
        found = plan.get(ids[0]) if ids else None
        if found is None:
            yield raw
        elif found[0] in ("subject", "was"):
            yield without_references(raw)
        else:
            yield digest_reply(rows[ids[0]], rows, found, next(issue))


def without_references(raw: bytes) -> bytes:
    mail = email.message_from_bytes(raw, policy=email.policy.compat32)
    del mail["References"], mail["In-Reply-To"]
    return mail.as_bytes()


def digest_reply(reply, rows, found, issue: int) -> bytes:  # type: ignore[no-untyped-def]
    """The real reply's own text, sent by a digest reader: the digest's subject, no
    References, the digest (its entry of the parent, or all of that day) quoted below."""
    kind, parent_id = found
    parent = rows[parent_id]
    if kind == "digest-whole":
        day = [m for m in rows.values() if m.date is not None
               and abs(m.date - parent.date) <= datetime.timedelta(hours=12)
               and m.date < reply.date]
        entries = sorted(day, key=lambda m: m.date)[:25]
        if parent not in entries:
            entries.append(parent)
    else:
        entries = [parent]
    digest = "\n".join(
        f"Message: {n}\nDate: {m.date:%a, %d %b %Y %H:%M:%S %z}\nFrom: {m.sender_name}\n"
        f"Subject: {m.subject}\n\n{m.text}\n\n------------------------------\n"
        for n, m in enumerate(entries, 1))
    quoted = "\n".join(f"> {row}" if row else ">" for row in digest.splitlines())
    mail = EmailMessage()
    mail["From"] = f"{reply.sender_name or 'A reader'} <reader@example.org>"
    mail["To"] = "ltp@lists.linux.it"
    mail["Subject"] = f"Re: ltp Digest, Vol 1, Issue {issue}"
    mail["Date"] = email.utils.format_datetime(reply.date)
    mail["Message-ID"] = f"<{reply.message_id}>"
    mail.set_content(f"{reply.text}\n\nOn {parent.date:%a, %d %b %Y}, "
                     f"ltp-request@lists.linux.it wrote:\n{quoted}\n")
    return mail.as_bytes()


# Printing --------------------------------------------------------------------------------

def report(corpus: str, results: dict[str, list[bool | None]]) -> None:
    judge = "expected RFC 5256 threads" if corpus.startswith("imaptest") else "quote"
    if not results:
        print(f"{corpus:<28} no suggestions")
    for kind, found in sorted(results.items()):
        line(f"{corpus} {kind}", found, "parent's subject" if kind == "was-split" else judge)


def line(name: str, found: list[bool | None], judge: str) -> None:
    """Suggestions made, how many could be judged, how many of those were right."""
    counts = Counter(found)
    judged = counts[True] + counts[False]
    precision = f"{counts[True] / judged:.2f}" if judged else "n/a"
    print(f"{name:<28} suggestions={len(found)} judged={judged} right={counts[True]} "
          f"precision={precision} (judge: {judge})")


def tried(name: str, found: list[bool | None]) -> None:
    """Rewritten replies, how many got a suggestion, how many of those were right."""
    counts = Counter(found)
    made = counts[True] + counts[False]
    precision = f"{counts[True] / made:.2f}" if made else "n/a"
    print(f"{name:<28} tried={len(found)} suggestions={made} right={counts[True]} "
          f"precision={precision} (judge: References of the real archive)")


if __name__ == "__main__":
    main()
