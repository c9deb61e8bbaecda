"""The mentors' own documents as evidence: published write-ups and syntheses. They are few
beside the messages (one per coached experience, one per long thread), so the newest of them
are read whole and scored here word by word, as the directory's entries are."""

from __future__ import annotations

from collections.abc import Collection

from learnlink.exchange.models import Message
from learnlink.mentoring.models import Synthesis, WriteUp
from learnlink.mentoring.peers.question import Question
from learnlink.mentoring.peers.sources import Evidence
from learnlink.mentoring.syntheses.showing import shown_at as synthesis_shown_at
from learnlink.search.query import parse_query
from learnlink.search.snippets import make_snippet
from learnlink.search.text import words

# How many of the newest documents of each kind are read for one question: every one a
# network of a few hundred groups writes in years, and a bound should it ever write more.
NEWEST = 500


def term_score(question: Question, text: str) -> float:
    """The question's words the text says, each once: a word asked counts 1, the same thing
    in another language (an enterprise's name) a half."""
    said = set(words(text))
    asked = sum(1.0 for term in question.terms if said.intersection(term.forms))
    return asked + sum(0.5 for term in question.also if said.intersection(term.forms))


def writeup_evidence(question: Question, group_ids: Collection[int],
                     limit: int) -> list[Evidence]:
    """Published write-ups (public by the learner's consent, so every asker reads them), each
    speaking for its learner and their organisation."""
    query = parse_query(question.search_text)
    found = []
    for writeup in WriteUp.objects.published().order_by("-approved")[:NEWEST]:
        score = term_score(question, f"{writeup.title} {writeup.text}")
        if score:
            found.append(Evidence(
                score, writeup.get_absolute_url(), writeup.title,
                make_snippet(writeup.text, query).text, writeup.approved,
                people=(writeup.learner_id,),
                organisations=(writeup.organisation_id,) if writeup.organisation_id else ()))
    return sorted(found, key=lambda evidence: -evidence.score)[:limit]


def synthesis_evidence(question: Question, group_ids: Collection[int],
                       limit: int) -> list[Evidence]:
    """Published syntheses of the groups the asker may read, each speaking for the people
    whose messages its points of what was learned come from."""
    query = parse_query(question.search_text)
    scored = []
    for synthesis in (Synthesis.objects.published().filter(group_id__in=group_ids)
                      .with_latest().order_by("-published")[:NEWEST]):
        original = next((v for v in synthesis.versions.all()
                         if v.language == synthesis.language), None)
        if original is None:
            continue
        text = " ".join([original.standing, *(point["text"] for point in original.learned)])
        score = term_score(question, f"{original.title} {text}")
        if score:
            scored.append((score, synthesis, original, text))
    scored.sort(key=lambda found: -found[0])
    shown_at = synthesis_shown_at([synthesis.pk for _score, synthesis, _v, _t in scored[:limit]])
    cited = {point["message_id"] for _score, _s, version, _t in scored[:limit]
             for point in version.learned if point.get("message_id")}
    senders: dict[tuple[int, str], int] = {
        (group, message_id): sender for group, message_id, sender in
        Message.objects.filter(message_id__in=cited, sender__isnull=False)
        .values_list("group_id", "message_id", "sender_id")}
    return [Evidence(score, shown_at[synthesis.pk], version.title,
                     make_snippet(text, query).text, synthesis.published,
                     people=tuple(dict.fromkeys(
                         senders[key] for point in version.learned
                         if (key := (synthesis.group_id, point.get("message_id", "")))
                         in senders)))
            for score, synthesis, version, text in scored[:limit] if synthesis.pk in shown_at]

