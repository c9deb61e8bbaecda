"""A group's learning agenda: the topics its learners want to learn about, who supports each
(one vote per organisation), every change of state kept with who, when and why, the common
agenda a face-to-face workshop agreed on, and the topics run as time-boxed dialogues.

A topic's state is changed only through `agenda.actions`, which writes the change beside it in
the same transaction, so the history is the topic's whole story: the first change has no
`from_state` (the proposal)."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from learnlink.exchange.models import Group, Thread


class TopicState(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    ACTIVE = "active", _("active")
    LEARNED = "learned", _("learned")
    PARKED = "parked", _("parked")
    DROPPED = "dropped", _("dropped")


class Via(models.TextChoices):
    WEB = "web", _("on the web")
    MAIL = "mail", _("by mail")
    WORKSHOP = "workshop", _("at a workshop")


class TopicQuerySet(models.QuerySet["Topic"]):
    def for_agenda(self, with_history: bool = False) -> TopicQuerySet:
        """The agenda page and the API: each topic with who proposed it, its dialogue and its
        supporters (and, for the API, its history), the most supported first: a fixed number of
        queries for any number of topics."""
        supports = Support.objects.select_related("person", "organisation").order_by("created",
                                                                                     "pk")
        found = (self.select_related("group", "proposed_by", "dialogue")
                 .prefetch_related(Prefetch("supports", supports))
                 .annotate(organisations=Count("supports", distinct=True))
                 .order_by("-organisations", "-created", "-pk"))
        return found.prefetch_related(Prefetch("changes", TopicChange.objects.history())) \
            if with_history else found


class Topic(models.Model):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="agenda_topics")
    title = models.CharField(_("topic"), max_length=200)
    description = models.TextField(_("what the group wants to learn"), blank=True)
    state = models.CharField(_("state"), max_length=10, choices=TopicState.choices,
                             default=TopicState.PROPOSED)
    proposed_by = models.ForeignKey("people.Person", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    via = models.CharField(_("proposed"), max_length=10, choices=Via.choices, default=Via.WEB)
    created = models.DateTimeField(_("proposed on"))
    threads = models.ManyToManyField(Thread, blank=True, related_name="agenda_topics")

    objects = TopicQuerySet.as_manager()

    class Meta:
        verbose_name = _("agenda topic")
        verbose_name_plural = _("agenda topics")
        indexes = [models.Index(fields=["group", "state"], name="topic_group_state")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("mentoring:agenda_topic", args=[self.group.slug, self.pk])


class Cause(models.TextChoices):
    """What moved a topic besides a mentor's own choice, said in each reader's language."""

    WORKSHOP = "workshop", _("chosen at a workshop")
    DIALOGUE = "dialogue", _("runs as a dialogue")


class TopicChangeQuerySet(models.QuerySet["TopicChange"]):
    def history(self) -> TopicChangeQuerySet:
        return self.select_related("by", "workshop").order_by("when", "pk")


class TopicChange(models.Model):
    """One move of a topic: `from_state` "" is its proposal."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="changes")
    by = models.ForeignKey("people.Person", null=True, blank=True, on_delete=models.SET_NULL,
                           related_name="+")
    when = models.DateTimeField(_("when"))
    from_state = models.CharField(_("from"), max_length=10, choices=TopicState.choices,
                                  blank=True)
    to_state = models.CharField(_("to"), max_length=10, choices=TopicState.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)
    cause = models.CharField(_("cause"), max_length=10, choices=Cause.choices, blank=True)
    workshop = models.ForeignKey("mentoring.Workshop", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")

    objects = TopicChangeQuerySet.as_manager()

    class Meta:
        verbose_name = _("change of an agenda topic")
        verbose_name_plural = _("changes of agenda topics")

    def __str__(self) -> str:
        return f"{self.topic}: {self.from_state or '-'} -> {self.to_state}"


class Support(models.Model):
    """An organisation's vote for a topic, given by one of its people; `organisation` None is
    a member who belongs to no organisation, voting for themselves."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="supports")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey("people.Organisation", null=True, blank=True,
                                     on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField(_("supported on"))

    class Meta:
        verbose_name = _("support for a topic")
        verbose_name_plural = _("supports for topics")
        constraints = [
            models.UniqueConstraint(fields=["topic", "organisation"],
                                    name="support_one_per_organisation"),
            models.UniqueConstraint(fields=["topic", "person"],
                                    condition=Q(organisation__isnull=True),
                                    name="support_one_per_unaffiliated_person"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation or self.person} supports {self.topic}"


class Workshop(models.Model):
    """The common agenda a face-to-face workshop agreed on, as a mentor recorded it."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="workshops")
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200)
    participants = models.ManyToManyField("people.Person", blank=True, related_name="+")
    others = models.TextField(_("other participants"), blank=True,
                              help_text=_("People not in the directory, one a line."))
    topics = models.ManyToManyField(Topic, related_name="workshops")
    recorded_by = models.ForeignKey("people.Person", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    created = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")

    def __str__(self) -> str:
        return f"{self.place}, {self.date}"


class Stage(models.TextChoices):
    DISCUSSION = "discussion", _("discussion")
    SYNTHESIS = "synthesis", _("synthesis")
    FEEDBACK = "feedback", _("feedback and consensus")


class Dialogue(models.Model):
    """A topic run as a time-boxed dialogue: each stage opens on its date, the last ends on
    `ends`; it is closed by a mentor with a published synthesis of the topic."""

    topic = models.OneToOneField(Topic, on_delete=models.CASCADE, related_name="dialogue")
    opens = models.DateField(_("discussion opens"))
    synthesis_opens = models.DateField(_("synthesis opens"))
    feedback_opens = models.DateField(_("feedback opens"))
    ends = models.DateField(_("ends"))
    started_by = models.ForeignKey("people.Person", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    closed = models.DateTimeField(_("closed"), null=True, blank=True)
    synthesis = models.ForeignKey("mentoring.Synthesis", null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("dialogue")
        verbose_name_plural = _("dialogues")
        constraints = [models.CheckConstraint(
            condition=Q(opens__lt=models.F("synthesis_opens"))
            & Q(synthesis_opens__lt=models.F("feedback_opens"))
            & Q(feedback_opens__lt=models.F("ends")), name="dialogue_stages_in_order")]

    def __str__(self) -> str:
        return str(self.topic)

    def stages(self) -> list[tuple[Stage, datetime.date, datetime.date]]:
        """Each stage with its first day and the day after its last."""
        return [(Stage.DISCUSSION, self.opens, self.synthesis_opens),
                (Stage.SYNTHESIS, self.synthesis_opens, self.feedback_opens),
                (Stage.FEEDBACK, self.feedback_opens, self.ends)]

    def stage_on(self, day: datetime.date) -> tuple[Stage, datetime.date, datetime.date] | None:
        """The stage running on `day`: None before it opens or once closed; after `ends` the
        feedback stage stays until a mentor closes it with a synthesis."""
        if self.closed is not None or day < self.opens:
            return None
        return next((stage for stage in self.stages() if day < stage[2]), self.stages()[-1])


class DialogueReminder(models.Model):
    """A participant told that a stage opened, recorded in the transaction that queues the
    mail, so that a worker running twice tells them once."""

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="reminders")
    stage = models.CharField(max_length=10, choices=Stage.choices)
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    sent = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("dialogue reminder")
        verbose_name_plural = _("dialogue reminders")
        constraints = [models.UniqueConstraint(fields=["dialogue", "stage", "person"],
                                               name="dialogue_reminder_once")]

    def __str__(self) -> str:
        return f"{self.dialogue}: {self.stage} to {self.person_id}"

