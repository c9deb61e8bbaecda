"""A contract offered to one organisation: when, to whom, and the reply address its "I agree"
comes back to.

The token names this offer and does one thing: record that organisation's agreement to that
contract (contracts/replies.py). It signs nobody in, and it takes agreements only while the
contract runs: agreeing to a cycle that is over means nothing.
"""

from __future__ import annotations

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learnlink.mentoring.models.contracts import ContractAgreement

ADDRESS_PREFIX = "contract-"
# An offer nobody answered this long is the dashboard's concern.
UNANSWERED_AFTER = datetime.timedelta(days=14)


def new_token() -> str:
    """80 random bits in lower case (mail programs change the case of addresses)."""
    return secrets.token_hex(10)


class ContractOfferQuerySet(models.QuerySet["ContractOffer"]):
    def unanswered_since(self, moment: datetime.datetime) -> ContractOfferQuerySet:
        """Offered before `moment`, to an organisation that has not agreed, of a contract that
        still runs: the dashboard's concern, oldest first."""
        agreed = models.Exists(ContractAgreement.objects.filter(
            contract=models.OuterRef("contract"), organisation=models.OuterRef("organisation")))
        return (self.filter(sent__lte=moment, contract__ends__gte=timezone.localdate(moment))
                .exclude(agreed).order_by("sent", "pk"))


class ContractOffer(models.Model):
    contract = models.ForeignKey("mentoring.Contract", on_delete=models.CASCADE,
                                 related_name="offers")
    organisation = models.ForeignKey("people.Organisation", on_delete=models.CASCADE,
                                     related_name="contract_offers")
    token = models.CharField(max_length=32, unique=True, default=new_token, editable=False)
    sent = models.DateTimeField(_("offered"))
    sent_to = models.CharField(_("sent to"), max_length=1000)

    objects = ContractOfferQuerySet.as_manager()

    class Meta:
        ordering = ["contract", "organisation__name"]
        constraints = [models.UniqueConstraint(fields=["contract", "organisation"],
                                               name="one_offer_per_organisation")]

    def __str__(self) -> str:
        return f"{self.contract} → {self.organisation}"

    @property
    def address(self) -> str:
        return f"{ADDRESS_PREFIX}{self.token}@{settings.LEARNLINK_MAIL_DOMAIN}"

    def takes_agreements_until(self) -> datetime.datetime:
        """The end of the contract's last day, in the site's time."""
        last = datetime.datetime.combine(self.contract.ends, datetime.time.max)
        return timezone.make_aware(last)
