"""How well the baseline agrees with a mentor on the labelled test set. The figures are printed
(pytest -s shows them); the floors are those the baseline reached when it was written, less a
margin, so that a change of rules that reads worse fails here."""

from learnlink.drafting.labels import LABELS, label
from learnlink.mentoring.labels.scores import score
from tests.mentoring.labels.testset import examples, rows

MICRO_F1 = 0.80
EXACT = 0.55
PER_LABEL = 0.65  # precision and recall of every label


def test_the_set_is_big_enough_in_every_language():
    found = rows()
    assert len(found) >= 150
    for language in ("en", "sw", "fr"):
        assert sum(1 for row in found if row["lang"] == language) >= 40
    for name in LABELS:
        assert sum(1 for row in found if name in row["labels"]) >= 25
    assert all(set(row["labels"]) <= set(LABELS) for row in found)


def test_the_baseline_agrees_with_the_mentor_on_most_labels():
    cases = examples()
    result = score([e.labels for e in cases],
                   [label(e.text, e.replies_to_question) for e in cases])
    print("\nbaseline on tests/data/labels/messages.jsonl:", *result.lines(), sep="\n")

    assert result.micro_f1 >= MICRO_F1
    assert result.exact >= EXACT
    for each in result.per_label:
        assert each.precision >= PER_LABEL and each.recall >= PER_LABEL, each


def test_it_reads_each_language_about_as_well():
    cases = examples()
    language = {row["id"]: row["lang"] for row in rows()}
    for code in ("en", "sw", "fr"):
        mine = [e for e in cases if language[e.key] == code]
        result = score([e.labels for e in mine],
                       [label(e.text, e.replies_to_question) for e in mine])
        print(f"\n{code}: {result.lines()[0]}")
        assert result.micro_f1 >= MICRO_F1 - 0.05, code
