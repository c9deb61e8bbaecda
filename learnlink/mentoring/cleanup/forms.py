"""The clean-up forms. A thread to move to or merge into is chosen among the group's latest
threads, or given by its number (the one in its address, /threads/NUMBER/), which also reaches
a thread of another group the mentor mentors."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from learnlink.exchange.models import Message, Thread
from learnlink.exchange.permissions import AnyUser, visible_groups

CHOICES = 30  # latest threads offered in a list


class ThreadChoiceForm(forms.Form):
    thread = forms.TypedChoiceField(label=_("Thread"), coerce=int, required=False,
                                    empty_value=None)
    number = forms.IntegerField(label=_("or its number"), required=False, min_value=1,
                                help_text=_("The number in the thread's address: "
                                            "…/threads/NUMBER/"))

    def __init__(self, user: AnyUser, current: Thread, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        latest = Thread.objects.latest_in(current.group).exclude(pk=current.pk).only(
            "subject")[:CHOICES]
        self.fields["thread"].choices = [  # type: ignore[attr-defined]
            ("", "—"), *((t.pk, t.subject) for t in latest)]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        number = data.get("number") or data.get("thread")
        if number is None:
            raise forms.ValidationError(_("Choose a thread or give its number."))
        found = Thread.objects.select_related("group").filter(
            pk=number, group__in=visible_groups(self.user)).first()
        if found is None:
            raise forms.ValidationError(_("There is no thread with this number."))
        data["target"] = found
        return data


class MoveForm(ThreadChoiceForm):
    with_replies = forms.BooleanField(label=_("With its replies"), required=False, initial=True)

    def __init__(self, user: AnyUser, message: Message, *args: Any, **kwargs: Any) -> None:
        super().__init__(user, message.thread, *args, **kwargs)


class MergeForm(ThreadChoiceForm):
    pass


class RenameForm(forms.Form):
    subject = forms.CharField(label=_("New name"), max_length=500)


class RemoveForm(forms.Form):
    reason = forms.CharField(label=_("Reason, which members read in its place"), max_length=300)
