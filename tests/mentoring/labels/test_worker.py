"""The worker labels new posts: mail that arrived through the real mail server is labelled in
the worker's next round, with the answers of another organisation marked as answers."""

from learnlink.exchange.models import Message
from learnlink.mentoring.labels.labelling import label_new_messages
from learnlink.mentoring.labels.tasks import label_new_posts
from learnlink.mentoring.models import MessageLabels, labels_of
from tests.conftest import email_from
from tests.mentoring.labels.conftest import archived

GROUP = "muheza-oranges@learnlink.localhost"


def test_the_worker_labels_a_post_that_came_through_the_mail_server(mail_server, oranges,
                                                                      network):
    mail_server.send(email_from(
        "halima@example.org", GROUP, "Tunataka kupima machungwa",
        "Habari wenzetu,\n\nMsimu ujao tutanunua mizani yetu wenyewe.\n"
        "Mizani ya kilo 100 inauzwa wapi Muheza?\n\nHalima\n",
        message_id="<plan.labels@example.org>"), GROUP)
    mail_server.send(email_from(
        "kilulu.growers@example.org", GROUP, "Re: Tunataka kupima machungwa",
        "Halima, duka la Mzee Juma karibu na stendi ya Muheza linauza mizani ya kilo 100 "
        "kwa shilingi 180,000. Simu yake ni 0713 000 452.\n",
        message_id="<reply.labels@example.org>", In_Reply_To="<plan.labels@example.org>",
        References="<plan.labels@example.org>"), GROUP)
    asked, answered = (Message.objects.get(message_id=f"{name}.labels@example.org")
                       for name in ("plan", "reply"))
    assert not MessageLabels.objects.exists(), "labelled by the worker, not on arrival"

    label_new_posts()

    assert labels_of([asked.pk, answered.pk]) == {
        asked.pk: {"plan", "question"}, answered.pk: {"information", "answer"}}
    row = MessageLabels.objects.get(message=answered)
    assert (row.labeller, row.replies_to_question, row.corrected) == ("baseline", True, None)


def test_a_round_labels_a_bounded_batch_and_the_next_one_goes_on(oranges):
    archived(oranges, ["Tumeuza tani 3.", "Tutauza Jumamosi.", "Mnauza wapi?"])

    assert label_new_messages(limit=2) == 2
    assert label_new_messages(limit=2) == 1
    assert label_new_messages(limit=2) == 0


def test_a_message_that_arrives_after_its_replies_is_labelled_too(mail_server, oranges):
    """Its placeholder's pk is older than the replies' pks: the worker still finds it."""
    mail_server.send(email_from("kilulu.growers@example.org", GROUP, "Re: Bei",
                                "Tunauza kwa shilingi 200 kwa chungwa moja.",
                                In_Reply_To="<late.labels@example.org>",
                                References="<late.labels@example.org>"), GROUP)
    label_new_posts()
    mail_server.send(email_from("halima@example.org", GROUP, "Bei",
                                "Mnauza machungwa kwa bei gani?",
                                message_id="<late.labels@example.org>"), GROUP)

    label_new_posts()

    late = Message.objects.get(message_id="late.labels@example.org")
    assert labels_of([late.pk]) == {late.pk: {"question"}}


def test_the_labels_of_many_messages_come_in_one_query(oranges, django_assert_num_queries):
    messages = archived(oranges, ["Tumeuza tani 3 za mahindi.", "Tutauza Jumamosi.",
                                  "Mnauza wapi?", "Asante."])
    label_new_messages()
    chosen = Message.objects.filter(group=oranges)

    with django_assert_num_queries(1):
        found = labels_of(chosen)
    with django_assert_num_queries(1):
        tally = MessageLabels.objects.of(chosen).tally()

    assert found[messages[3].pk] == frozenset()
    assert tally == {"information": 0, "plan": 1, "achievement": 1, "question": 1, "answer": 0}
