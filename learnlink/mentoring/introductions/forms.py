"""The introduction form: who did it, who wants to learn it, why they should talk, and the
link that shows it. Its choices come from contacts.py; what it refuses, it says why."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from learnlink.mentoring.introductions import contacts
from learnlink.mentoring.introductions.evidence import Evidence, resolve_evidence
from learnlink.mentoring.models import Introduction
from learnlink.mentoring.permissions import AnyUser, may_open, person_may_open
from learnlink.people.models import Affiliation

CONTEXT_LENGTH = 2000


class IntroductionForm(forms.Form):
    peer = forms.TypedChoiceField(
        label=gettext_lazy("Who did it"), coerce=int,
        help_text=gettext_lazy("The organisation to learn from, and whom to write to there."))
    seeker = forms.TypedChoiceField(
        label=gettext_lazy("Who wants to learn it"), coerce=int,
        help_text=gettext_lazy("The organisation that wants to learn, and whom to write to."))
    context = forms.CharField(
        label=gettext_lazy("Why they should talk"), max_length=CONTEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("What one did that the other wants to learn, in a few lines. "
                               "Both sides read it."))
    evidence = forms.CharField(
        label=gettext_lazy("What shows it"), max_length=500,
        help_text=gettext_lazy("A link to a message, a thread, a group or a directory page of "
                               "Learnlink."))

    def __init__(self, *args: Any, user: AnyUser, peers: list[Affiliation],
                 seekers: list[Affiliation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.offered = {a.pk: a for a in [*peers, *seekers]}
        self.fields["peer"].choices = [  # type: ignore[attr-defined]
            ("", "—"), *contacts.choices(peers)]
        self.fields["seeker"].choices = [  # type: ignore[attr-defined]
            ("", "—"), *contacts.choices(seekers)]
        self.found: Evidence | None = None
        self.waiting: Introduction | None = None

    def clean_evidence(self) -> str:
        """A page of this site that the introducer may open (else it is as if there were
        none: the answer must not tell a private group's page from a missing one)."""
        url = self.cleaned_data["evidence"]
        found = resolve_evidence(url)
        if found is None or not may_open(self.user, found.group):
            raise forms.ValidationError(_("This is not a page of Learnlink that can be "
                                          "linked: link a message, a thread, a group or a "
                                          "directory page."))
        self.found = found
        return url

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        peer, seeker = self.offered.get(data.get("peer", 0)), self.offered.get(
            data.get("seeker", 0))
        if peer is None or seeker is None:
            return data
        if peer.organisation_id == seeker.organisation_id:
            raise forms.ValidationError(_("Choose two different organisations."))
        data["peer"], data["seeker"] = peer, seeker
        self._check_sides_may_open(peer, seeker)
        self._check_not_waiting(peer, seeker)
        return data

    def _check_sides_may_open(self, *sides: Affiliation) -> None:
        """The mail links the evidence for both sides: each must be able to open it."""
        if self.found is None or self.found.group is None:
            return
        for side in sides:
            if not person_may_open(side.person, self.found.group):
                self.add_error("evidence", _(
                    "%(person)s cannot read %(group)s, where this page is: link a page both "
                    "sides may open, or say in your own words what matters.") % {
                    "person": side.person.name, "group": self.found.group.name})

    def _check_not_waiting(self, *sides: Affiliation) -> None:
        """Two organisations are introduced once until one of them answers: a second mail
        would only repeat the first (the page has a reminder for that)."""
        waiting = Introduction.objects.open_between(*(s.organisation_id for s in sides)).first()
        if waiting:
            self.waiting = waiting
            raise forms.ValidationError(_(
                "%(first)s and %(second)s were introduced on %(date)s and neither has answered "
                "yet: send a reminder from that introduction's page instead.") % {
                "first": sides[0].organisation.name, "second": sides[1].organisation.name,
                "date": formats.date_format(waiting.sent, "DATE_FORMAT")})
