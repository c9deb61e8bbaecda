"""Learning contracts: a group's organisations commit to share with their peers (information,
plans, achievements, answers, monthly exchange). A contract runs for a cycle and is renewed as
a new contract that names the one before, so each cycle's agreements stay as they were signed.

The commitments are editable text; `kind` says which figure of the contract monitor shows
whether an organisation keeps it (blank: a commitment no figure measures)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CommitmentKind(models.TextChoices):
    INFORMATION = "information", _("share any useful information")
    PLANS = "plans", _("share plans for trying out new ideas")
    ACHIEVEMENTS = "achievements", _("share achievements at each step")
    ANSWERS = "answers", _("answer other groups' questions")
    MONTHLY = "monthly", _("exchange at least monthly over the internet")


class AgreedVia(models.TextChoices):
    MAIL = "mail", _("by mail")
    WEB = "web", _("on the web")


class Contract(models.Model):
    """One group's contract for one cycle (`starts` to `ends`)."""

    group = models.ForeignKey("exchange.Group", on_delete=models.CASCADE,
                              related_name="contracts")
    title = models.CharField(_("title"), max_length=200)
    starts = models.DateField(_("starts"))
    ends = models.DateField(_("ends"))
    renews = models.OneToOneField("self", verbose_name=_("renews"), null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="renewal")
    created_by = models.ForeignKey("people.Person", on_delete=models.PROTECT,
                                   related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["group", "-starts"]
        constraints = [
            models.UniqueConstraint(fields=["group", "starts"], name="one_contract_per_start"),
            models.CheckConstraint(condition=models.Q(ends__gt=models.F("starts")),
                                   name="contract_ends_after_it_starts"),
        ]

    def __str__(self) -> str:
        return self.title


class ContractCommitment(models.Model):
    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="commitments")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(_("commitment"), max_length=300)
    kind = models.CharField(_("measured by"), max_length=20, choices=CommitmentKind.choices,
                            blank=True)

    class Meta:
        ordering = ["contract", "position", "pk"]

    def __str__(self) -> str:
        return self.text


class ContractAgreement(models.Model):
    """An organisation's yes to a contract: who said it, when, and how."""

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="agreements")
    organisation = models.ForeignKey("people.Organisation", on_delete=models.PROTECT,
                                     related_name="contract_agreements")
    agreed_by = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    agreed = models.DateTimeField(_("agreed"))
    via = models.CharField(max_length=10, choices=AgreedVia.choices)

    class Meta:
        ordering = ["contract", "agreed", "pk"]
        constraints = [models.UniqueConstraint(fields=["contract", "organisation"],
                                               name="one_agreement_per_organisation")]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.contract}"
