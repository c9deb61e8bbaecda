"""The agenda's forms: they only validate; agenda.actions does the work."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learnlink.exchange.models import Group, Thread
from learnlink.mentoring.agenda.actions import OPEN_STATES, default_stages
from learnlink.mentoring.agenda.dialogues import participants
from learnlink.mentoring.models import Synthesis, Topic, TopicState

CHOICES_SHOWN = 100  # threads, topics or syntheses offered in one list


class ProposeForm(forms.Form):
    title = forms.CharField(label=_("Topic"), max_length=200)
    description = forms.CharField(label=_("What do you want to learn, and why?"),
                                  required=False, widget=forms.Textarea(attrs={"rows": 3}))


class StateForm(forms.Form):
    state = forms.ChoiceField(label=_("New state"), choices=TopicState.choices)
    note = forms.CharField(label=_("Why (shown in the history)"), max_length=500,
                           required=False)


class LinkForm(forms.Form):
    """A thread and a topic of one group: from the topic page (the thread chosen) or from the
    thread page (the topic chosen)."""

    topic = forms.ModelChoiceField(label=_("Topic"), queryset=Topic.objects.none())
    thread = forms.ModelChoiceField(label=_("Thread"), queryset=Thread.objects.none())

    def __init__(self, group: Group, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = group.agenda_topics.all()  # type: ignore[attr-defined]
        self.fields["thread"].queryset = Thread.objects.filter(  # type: ignore[attr-defined]
            group=group)


def recent_threads(group: Group) -> list[Thread]:
    return list(Thread.objects.filter(group=group).order_by("-last_activity")[:CHOICES_SHOWN])


class SynthesisForm(forms.Form):
    synthesis = forms.ModelChoiceField(label=_("Synthesis"), queryset=Synthesis.objects.none())

    def __init__(self, group: Group, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["synthesis"].queryset = (  # type: ignore[attr-defined]
            Synthesis.objects.filter(group=group).order_by("-created"))


def group_syntheses(group: Group) -> list[Synthesis]:
    return list(Synthesis.objects.filter(group=group).order_by("-created")[:CHOICES_SHOWN])


class DialogueForm(forms.Form):
    opens = forms.DateField(label=_("Discussion opens"))
    synthesis_opens = forms.DateField(label=_("Synthesis opens"))
    feedback_opens = forms.DateField(label=_("Feedback and consensus open"))
    ends = forms.DateField(label=_("The dialogue ends"))

    @classmethod
    def with_defaults(cls) -> DialogueForm:
        """A month each, from today."""
        dates = default_stages(timezone.localdate())
        return cls(initial=dict(zip(["opens", "synthesis_opens", "feedback_opens", "ends"],
                                    dates, strict=True)))

    def stages(self) -> list[Any]:
        return [self.cleaned_data[name] for name in self.fields]


class WorkshopForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    place = forms.CharField(label=_("Place"), max_length=200)
    participants = forms.ModelMultipleChoiceField(
        label=_("Participants from the directory"), required=False,
        queryset=Topic.objects.none(), widget=forms.CheckboxSelectMultiple)
    others = forms.CharField(label=_("Other participants, one a line"), required=False,
                             widget=forms.Textarea(attrs={"rows": 3}))
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics of the agenda the workshop chose"), required=False,
        queryset=Topic.objects.none(), widget=forms.CheckboxSelectMultiple)
    new_topics = forms.CharField(label=_("New topics, one a line"), required=False,
                                 widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, group: Group, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = (  # type: ignore[attr-defined]
            participants(group).order_by("name"))
        self.fields["topics"].queryset = (  # type: ignore[attr-defined]
            group.agenda_topics.filter(state__in=[*OPEN_STATES, TopicState.PARKED])
            .order_by("title"))
