"""Each night the worker trains a classifier on mentors' corrections and keeps it only if it
labels the held-out corrections better than the baseline."""

import itertools

from django.urls import reverse

from learnlink.drafting.labels import label
from learnlink.mentoring.labels.labelling import label_new_messages
from learnlink.mentoring.labels.tasks import retrain_labeller
from learnlink.mentoring.models import LabellerRun, MessageLabels
from tests.exchange.admin_steps import as_staff
from tests.mentoring.labels.conftest import archived, corrected
from tests.mentoring.labels.testset import examples

ITEMS = ["mbegu kilo 20 za mahindi", "mifuko 200 ya PICS", "chupa 10 za chanjo ya kideri",
         "miche 300 ya michungwa", "mizani moja ya kilo 100", "turubai 6 za kukaushia"]
GIVERS = ["ASA Morogoro", "ofisi ya kilimo ya wilaya", "SACCOS yetu", "Farm Concern"]
SOLD = ["magunia 40 ya mpunga", "tani 3 za mahindi", "kilo 80 za uyoga mkavu",
        "machungwa 5,000", "debe 60 za ufuta", "kreti 25 za nyanya"]
BUYERS = ["Babati Millers", "Green House Investments", "NFRA Songea", "hoteli za Moshi"]


def received_and_sold() -> tuple[list[str], list[set[str]]]:
    """What mentors of a network read differently from the baseline: receiving seed or bags
    from a project is news (information), not something the group achieved; selling is."""
    texts, labels = [], []
    for item, giver in itertools.islice(itertools.product(ITEMS, GIVERS), 24):
        texts.append(f"Tumepokea {item} kutoka {giver} wiki hii.")
        labels.append({"information"})
    for item, buyer in itertools.islice(itertools.product(SOLD, BUYERS), 24):
        texts.append(f"Tumeuza {item} kwa {buyer} mwezi huu.")
        labels.append({"achievement"})
    return texts, labels


def test_too_few_corrections_train_nothing(group, mentor):
    messages = archived(group, ["Tumeuza tani 3 za mahindi."] * 5)
    corrected(messages, [{"achievement"}] * 5, mentor)

    retrain_labeller()

    run = LabellerRun.objects.get()
    assert (run.corrections, run.chosen, run.model, run.baseline) == (5, "baseline", None, None)


def test_the_baseline_stays_when_the_classifier_does_not_beat_it(group, mentor):
    cases = examples()[:60]
    messages = archived(group, [case.text for case in cases])
    corrected(messages, [label(case.text) for case in cases], mentor)  # mentors agreed

    retrain_labeller()

    run = LabellerRun.objects.get()
    assert run.chosen == "baseline" and run.model is None
    assert run.corrections == 60 and run.held_out > 0
    assert run.baseline["micro_f1"] == 1.0
    assert run.classifier["micro_f1"] <= 1.0, "the classifier was scored too, and recorded"
    [new] = archived(group, ["Tumepokea mbegu kilo 50 kutoka ASA Morogoro."])
    label_new_messages()
    assert MessageLabels.objects.get(message=new).labeller == "baseline"


def test_the_classifier_takes_over_when_it_beats_the_baseline(group, mentor):
    texts, labels = received_and_sold()
    corrected(archived(group, texts), labels, mentor)
    [new_received, new_sold] = archived(group, [
        "Tumepokea mbegu kilo 50 za maharage kutoka ofisi ya kilimo.",
        "Tumeuza tani 2 za maharage kwa NFRA Songea."])
    assert label(new_received.text) == {"achievement"}, "what the baseline would say"

    retrain_labeller()

    run = LabellerRun.objects.get()
    assert run.chosen == "classifier" and run.model is not None
    assert run.classifier["micro_f1"] > run.baseline["micro_f1"]
    label_new_messages()
    received, sold = (MessageLabels.objects.get(message=m) for m in (new_received, new_sold))
    assert (received.labeller, received.labels()) == ("classifier", {"information"})
    assert sold.labels() == {"achievement"}


def test_only_the_latest_run_keeps_its_model_and_every_run_keeps_its_scores(group, mentor):
    texts, labels = received_and_sold()
    corrected(archived(group, texts), labels, mentor)

    retrain_labeller()
    retrain_labeller()

    first, latest = LabellerRun.objects.order_by("pk")
    assert first.model is None and latest.model is not None
    assert first.classifier == latest.classifier


def test_the_evaluations_are_read_in_the_admin(client, group, mentor):
    texts, labels = received_and_sold()
    corrected(archived(group, texts), labels, mentor)
    retrain_labeller()
    as_staff(client)

    html = client.get(reverse("admin:mentoring_labellerrun_changelist")).content.decode()

    run = LabellerRun.objects.get()
    assert "classifier" in html and f"{run.classifier['micro_f1']:.2f}" in html
