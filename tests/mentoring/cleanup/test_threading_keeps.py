"""What a mentor placed stays placed: threading new mail, `reparse` and re-importing an archive
respect the mark the clean-up leaves on the exchange's messages (placed_by_hand)."""

from io import StringIO

from django.core.management import call_command

from learnlink.exchange.importing import import_messages
from learnlink.exchange.models import Message
from learnlink.mentoring.cleanup import actions
from tests.conftest import email_from
from tests.mentoring.cleanup.conftest import post


def reparse(slug: str) -> str:
    out = StringIO()
    call_command("reparse", "--group", slug, "--processes", "1", stdout=out)
    return out.getvalue()


def forget_references(message: Message) -> None:
    """What an older parser would have stored: the References read differently now, so
    reparse threads the message again by them."""
    Message.objects.filter(pk=message.pk).update(references="")


def test_reparse_keeps_a_moved_message_where_the_mentor_put_it(talk, mentor):
    grading = talk.thread(talk.grading)
    actions.move_message(mentor, talk.answer, grading)
    forget_references(talk.answer)

    assert "rethreaded=1" in reparse(talk.group.slug)

    moved = talk.fresh(talk.answer)
    assert (moved.thread_id, moved.parent_id) == (grading.pk, talk.grading.pk)
    assert talk.fresh(talk.follow_up).thread_id == grading.pk


def test_reparse_does_not_offer_again_a_suggestion_the_mentor_dismissed(talk, mentor):
    lost = post(talk.group, "Re: Grading before the lorry", "Four sizes for the Dar buyer.",
                "lost@example.org")
    assert lost.suggested_thread_id == talk.grading.thread_id
    actions.dismiss_suggestion(mentor, lost)
    Message.objects.filter(pk=lost.pk).update(references="old-parser@example.org")

    assert "rethreaded=1" in reparse(talk.group.slug)

    assert talk.fresh(lost).suggested_thread_id is None


def mail(subject: str, body: str, message_id: str, *references: str) -> bytes:
    headers = {"In_Reply_To": f"<{references[-1]}>",
               "References": " ".join(f"<{ref}>" for ref in references)} if references else {}
    return email_from("halima@example.org", "muheza-oranges@learnlink.localhost", subject,
                      body, message_id=f"<{message_id}>", **headers).as_bytes()


def test_a_split_thread_stays_apart_when_the_archive_is_imported_again_with_more(
        oranges, mentor):
    archive = [mail("Selling oranges together", "Who sold to Dar?", "q@example.org"),
               mail("Re: Selling oranges together", "Mangoes sell better, by the way.",
                    "m@example.org", "q@example.org"),
               mail("Re: Selling oranges together", "Which mangoes?", "w@example.org",
                    "q@example.org", "m@example.org")]
    import_messages(oranges, archive[:2], processes=1)
    mangoes = Message.objects.get(message_id="m@example.org")
    actions.split_thread(mentor, mangoes)

    stats = import_messages(oranges, archive, processes=1)

    assert (stats.imported, stats.duplicates) == (1, 2)
    question, mangoes, which = (Message.objects.get(message_id=f"{n}@example.org")
                                for n in "qmw")
    assert which.thread_id == mangoes.thread_id != question.thread_id
    assert mangoes.parent_id is None
    assert question.thread.message_count == 1 and mangoes.thread.message_count == 2


def test_new_mail_naming_a_split_off_message_and_its_old_ancestors_joins_the_split_thread(
        talk, mentor):
    actions.split_thread(mentor, talk.answer)

    late = post(talk.group, "Re: Selling oranges together", "Three sizes.", "late@example.org",
                talk.fresh(talk.follow_up))

    assert late.thread_id == talk.thread(talk.answer).pk != talk.thread(talk.question).pk
    assert talk.fresh(talk.answer).parent_id is None
