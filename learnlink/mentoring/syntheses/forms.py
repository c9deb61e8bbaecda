"""The forms of a synthesis: its three parts as plain text (one point a line, "[m123]" for the
message a point comes from: see content.py), its title and, for a new one, its language."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from learnlink.exchange.models import Group, Thread
from learnlink.mentoring.syntheses.content import MOST_STANDING, Content, Links, limited
from learnlink.mentoring.syntheses.drafting import threads_of_month

MOST_THREADS = 50  # threads a mentor may tick for one synthesis

POINTS_HELP = _("One point a line. “[m123]” at the end of a line links the point to message "
                "123 of the discussion (the number its link on the thread page ends with).")


class SynthesisForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    learned = forms.CharField(label=_("What has been learned"), required=False,
                              help_text=POINTS_HELP,
                              widget=forms.Textarea(attrs={"rows": 10}))
    standing = forms.CharField(label=_("Where we stand"), required=False,
                               max_length=MOST_STANDING, widget=forms.Textarea(attrs={"rows": 4}))
    next_questions = forms.CharField(label=_("The next questions"), required=False,
                                     help_text=POINTS_HELP,
                                     widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args: Any, links: Links, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.links = links

    @classmethod
    def initial_of(cls, title: str, content: Content, links: Links) -> dict[str, str]:
        """The form's fields for a draft or a version."""
        return {"title": title, "learned": links.as_text(content.learned),
                "standing": content.standing,
                "next_questions": links.as_text(content.next_questions)}

    def clean_learned(self) -> list[Any]:
        return self.links.read(self.cleaned_data["learned"])

    def clean_next_questions(self) -> list[Any]:
        return self.links.read(self.cleaned_data["next_questions"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors:
            try:
                data["content"] = limited(Content(data["learned"], data["standing"].strip(),
                                                  data["next_questions"]))
            except ValidationError as error:
                self.add_error(None, error)
        return data


class NewSynthesisForm(SynthesisForm):
    """A new synthesis also says which language it is written in (its translations follow)."""

    language = forms.ChoiceField(label=_("Written in"), choices=settings.LANGUAGES)
    drafted_by = forms.ChoiceField(required=False, widget=forms.HiddenInput,
                                   choices=[("", ""), ("extractive", ""), ("llm", "")])
    field_order = ["title", "language"]


class PickForm(forms.Form):
    """Which threads of a group a synthesis covers: those the mentor ticked ("thread", the
    threads' numbers, repeated), or those started in a month ("month", YYYY-MM)."""

    month = forms.CharField(required=False, max_length=7)

    def __init__(self, data: QueryDict, *, group: Group) -> None:
        super().__init__(data)
        self.query = data
        self.group = group

    def clean_month(self) -> datetime.date | None:
        value = self.cleaned_data["month"]
        if not value:
            return None
        year, _dash, month = value.partition("-")
        try:
            return datetime.date(int(year), int(month), 1)
        except ValueError as error:
            raise ValidationError(_("A month is written YYYY-MM.")) from error

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        month = data.get("month")
        if month:
            data["threads"] = threads_of_month(self.group, month)
        else:
            ids = [int(v) for v in self.query.getlist("thread") if v.isdigit()][:MOST_THREADS]
            data["threads"] = list(Thread.objects.filter(group=self.group, pk__in=ids)
                                   .order_by("started", "pk"))
        if not data["threads"]:
            raise ValidationError(_("Choose at least one thread of the group, or a month in "
                                    "which threads started."))
        return data
