"""Reflection and feedback: each partner's answers at the end of a cycle, the synthesis drawn
from them, and the feedback themes the dashboard and the export show."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from learnlink.alliance.models import Alliance, Cycle, Partner, Reflection, Synthesis
from learnlink.alliance.models.reflection import QUESTIONS
from learnlink.alliance.reflection.synthesis import Draft, draft
from learnlink.lib.spreadsheets import Table
from learnlink.people.models import Person

ANSWER_FIELDS = [key for key, _question in QUESTIONS]


def is_published(cycle: Cycle) -> bool:
    return Synthesis.objects.filter(cycle=cycle, published__isnull=False).exists()


def answers_by_partner(cycle: Cycle) -> list[tuple[Partner, Reflection | None]]:
    """Every partner of the alliance with its answers for the cycle, or None if it has none."""
    given = {r.partner_id: r for r in Reflection.objects.filter(cycle=cycle)}
    partners = Partner.objects.of(cycle.alliance_id)
    return [(partner, given.get(partner.pk)) for partner in partners]


@transaction.atomic
def save_reflection(cycle: Cycle, partner: Partner, answers: dict[str, str],
                    author: Person | None) -> Reflection:
    """Write a partner's answers; refused (ValidationError) once the synthesis is published."""
    reflection = (Reflection.objects.select_for_update().filter(cycle=cycle, partner=partner)
                  .first() or Reflection(cycle=cycle, partner=partner))
    for key in ANSWER_FIELDS:
        setattr(reflection, key, answers.get(key, "").strip())
    reflection.author = author
    reflection.full_clean()
    if reflection.pk:
        reflection.save(update_fields=[*ANSWER_FIELDS, "author", "updated"])
    else:
        reflection.save()
    return reflection


def draft_for(cycle: Cycle) -> Draft:
    """The drafter's proposal from the partners' answers so far."""
    answers: dict[str, list[tuple[str, str]]] = {key: [] for key in ANSWER_FIELDS}
    for reflection in Reflection.objects.filter(cycle=cycle).select_related(
            "partner__organisation").order_by("partner__organisation__name"):
        for key in ANSWER_FIELDS:
            text = getattr(reflection, key)
            if text.strip():
                answers[key].append((reflection.partner.organisation.name, text))
    return draft(answers)


def save_synthesis(cycle: Cycle, texts: dict[str, str], author: Person | None) -> Synthesis:
    synthesis = Synthesis.objects.filter(cycle=cycle).first() or Synthesis(cycle=cycle)
    if synthesis.published:
        raise ValidationError(_("This synthesis is already published."))
    for key in [*ANSWER_FIELDS, "themes"]:
        setattr(synthesis, key, texts.get(key, "").strip())
    synthesis.author = author
    if synthesis.pk:
        synthesis.save(update_fields=[*ANSWER_FIELDS, "themes", "author", "updated"])
    else:
        synthesis.save()
    return synthesis


def publish_synthesis(synthesis: Synthesis) -> None:
    """Publish: every insider reads it, and the partners' answers are closed."""
    if synthesis.published is None:
        synthesis.published = timezone.now()
        synthesis.save(update_fields=["published", "updated"])


def feedback_block(alliance: Alliance) -> dict[str, Any]:
    """The dashboard's "Feedback themes": for each cycle, how many partners answered and the
    themes of its published synthesis."""
    cycles = list(alliance.cycles.order_by("number"))
    answered: dict[int, int] = {}
    for cycle_id in Reflection.objects.of(alliance).values_list("cycle_id", flat=True):
        answered[cycle_id] = answered.get(cycle_id, 0) + 1
    syntheses = {s.cycle_id: s for s in Synthesis.objects.of(alliance)}
    rows = []
    for cycle in cycles:
        synthesis = syntheses.get(cycle.pk)
        published = synthesis if synthesis and synthesis.published else None
        rows.append({"cycle": cycle, "answered": answered.get(cycle.pk, 0),
                     "themes": published.theme_list() if published else [],
                     "published": published is not None})
    return {"rows": rows, "partners": alliance.partners.count()}


def feedback_sheets(alliance: Alliance) -> dict[str, Table]:
    reflections = Reflection.objects.of(alliance).select_related(
        "cycle", "partner__organisation").order_by("cycle__number", "partner__organisation__name")
    syntheses = (Synthesis.objects.of(alliance).filter(published__isnull=False)
                 .select_related("cycle").order_by("cycle__number"))
    return {
        _("Feedback"): Table(
            [_("Cycle"), _("Partner"), _("What worked well"), _("What did not work"),
             _("What they will change")],
            [[r.cycle.number, r.partner.organisation.name, r.worked, r.did_not_work,
              r.will_change] for r in reflections]),
        _("Syntheses"): Table(
            [_("Cycle"), _("Published"), _("What worked well"), _("What did not work"),
             _("What partners will change"), _("Recurring themes")],
            [[s.cycle.number, timezone.localtime(s.published).date(), s.worked,
              s.did_not_work, s.will_change, "; ".join(s.theme_list())] for s in syntheses]),
    }
