"""The forms of write-up coaching: they validate, nothing more."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from learnlink.exchange.models import Message
from learnlink.lib.dates import shown
from learnlink.mentoring.models import WriteUp
from learnlink.mentoring.writeups.drafts import GUIDE
from learnlink.mentoring.writeups.learners import chosen
from learnlink.people.models import Organisation, Person

EXCERPT = 100


class StartForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    language = forms.ChoiceField(label=_("Language of the write-up"), choices=settings.LANGUAGES)
    learner = forms.ChoiceField(label=_("The learner, and the organisation they speak for"))

    def __init__(self, *args: Any, learners: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["learner"].choices = learners  # type: ignore[attr-defined]

    def learner_and_organisation(self) -> tuple[Person, Organisation | None]:
        return chosen(self.cleaned_data["learner"])


class FromThreadForm(StartForm):
    messages = forms.MultipleChoiceField(label=_("Messages to quote"),
                                         widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, messages: list[Message], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["messages"].choices = [  # type: ignore[attr-defined]
            (str(m.pk), _label(m)) for m in messages]

    def chosen_messages(self, messages: list[Message]) -> list[Message]:
        picked = set(self.cleaned_data["messages"])
        return [m for m in messages if str(m.pk) in picked]


def _label(message: Message) -> str:
    text = " ".join(message.text.split())
    cut = f"{text[:EXCERPT]}…" if len(text) > EXCERPT else text
    return f"{message.sender_label()}, {shown(message.date)}: {cut or '—'}"


class FromGuideForm(StartForm):
    """The interview guide's questions, each optional; at least one must be answered."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, heading, question in GUIDE:
            self.fields[name] = forms.CharField(
                label=heading, help_text=question, required=False, max_length=10_000,
                widget=forms.Textarea(attrs={"rows": 4}))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any(data.get(name, "").strip() for name, _heading, _question in GUIDE):
            raise forms.ValidationError(_("Write down at least one answer of the interview."))
        return data

    def answers(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name, "") for name, _heading, _question in GUIDE}


class EditForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(
        label=_("Text"), max_length=100_000, widget=forms.Textarea(attrs={"rows": 20}),
        help_text=_("Plain text, as the learner reads it in their mail: a blank line between "
                    "paragraphs, “## ” before a heading, “> ” before quoted lines."))

    @classmethod
    def of(cls, writeup: WriteUp) -> EditForm:
        return cls(initial={"title": writeup.title, "text": writeup.text})


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Your comment"), max_length=4000,
                           widget=forms.Textarea(attrs={"rows": 4}))


class PublishForm(forms.Form):
    publish = forms.TypedChoiceField(
        label=_("May it be published?"), widget=forms.RadioSelect,
        coerce=lambda value: value == "yes",
        choices=[("yes", _("Yes: anyone may read it on the website")),
                 ("no", _("No: only the mentors and I read it"))])
