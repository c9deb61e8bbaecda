"""People, the organisations they belong to, and their email addresses over time.

An address is never deleted when a person changes it: it gets an end date, so mail sent from it
years ago (or still sent from it by habit) is attributed to the right person.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PersonQuerySet(models.QuerySet["Person"]):
    def for_page(self, with_contacts: bool) -> PersonQuerySet:
        """A person's page: their place and organisations, and their addresses for those who
        may see contact details."""
        found = self.select_related("place__parent__parent").prefetch_related(
            models.Prefetch("affiliations", Affiliation.objects.select_related("organisation")))
        return found.prefetch_related("email_addresses") if with_contacts else found


class Person(models.Model):
    """Someone in the network: a learner, a mentor, a coordinator, a buyer's contact."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    place = models.ForeignKey("people.Place", verbose_name=_("place"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="people")
    organisations = models.ManyToManyField("people.Organisation", through="people.Affiliation",
                                           related_name="people", blank=True)
    languages = models.CharField(_("languages"), max_length=100, blank=True,
                                 help_text=_("Language codes separated by commas, e.g. sw, en"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    about = models.TextField(_("about"), blank=True)
    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("user account"),
                                null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="person")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("people:person", args=[self.slug])

    def language_codes(self) -> list[str]:
        return [code.strip() for code in self.languages.split(",") if code.strip()]

    def primary_address(self) -> EmailAddress | None:
        """The address to write to: the current primary one, else any current one."""
        current = [a for a in self.email_addresses.all() if a.is_current()]
        return next((a for a in current if a.primary), current[0] if current else None)


class Affiliation(models.Model):
    """A person's place in an organisation: chairperson, secretary, member, extension officer."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="affiliations")
    organisation = models.ForeignKey("people.Organisation", on_delete=models.CASCADE,
                                     related_name="affiliations")
    role = models.CharField(_("role"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["person", "organisation"],
                                    name="affiliation_unique_person_organisation"),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.organisation}"


class EmailAddressQuerySet(models.QuerySet["EmailAddress"]):
    def current(self, on: datetime.date | None = None) -> EmailAddressQuerySet:
        """Addresses in use on a day (today by default)."""
        day = on or timezone.localdate()
        return self.filter(Q(active_from__lte=day) | Q(active_from__isnull=True)).filter(
            Q(active_to__isnull=True) | Q(active_to__gt=day)
        )

    def matching(self, address: str) -> EmailAddressQuerySet:
        return self.filter(address=normalise_address(address))

    def troubled(self) -> EmailAddressQuerySet:
        """The contacts to fix: current addresses that bounced or were disabled, with their
        person and any new address suggested for them, the worst first."""
        return (self.current().filter(Q(disabled__isnull=False) | Q(bounce_score__gt=0))
                .select_related("person").prefetch_related("person__address_suggestions")
                .order_by("-disabled", "-last_bounce"))


class EmailAddress(models.Model):
    """One address of one person over a span of time; the history is never thrown away."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="email_addresses")
    address = models.EmailField(_("address"), max_length=254)
    primary = models.BooleanField(_("primary"), default=False)
    verified = models.BooleanField(_("verified"), default=False)
    active_from = models.DateField(_("in use from"), null=True, blank=True)
    active_to = models.DateField(_("in use until"), null=True, blank=True,
                                 help_text=_("Empty while the address is still in use"))
    bounce_score = models.DecimalField(_("bounce score"), max_digits=5, decimal_places=2,
                                       default=0)
    last_bounce = models.DateTimeField(_("last bounce"), null=True, blank=True)
    bounce_text = models.TextField(_("what the last bounce said"), blank=True)
    disabled = models.DateTimeField(
        _("no mail sent since"), null=True, blank=True,
        help_text=_("Set when bounces pass the threshold; a probe mail's link clears it"))
    bounce_warned = models.DateTimeField(
        _("owner warned"), null=True, blank=True,
        help_text=_("When its owner was told, at their other addresses, that mail to it "
                    "would stop; cleared with the bounce score"))
    created = models.DateTimeField(auto_now_add=True)

    objects = EmailAddressQuerySet.as_manager()

    class Meta:
        verbose_name = _("email address")
        verbose_name_plural = _("email addresses")
        ordering = ["-primary", "active_to", "address"]
        constraints = [
            models.UniqueConstraint(Lower("address"), condition=Q(active_to__isnull=True),
                                    name="email_address_one_current_holder"),
            models.CheckConstraint(
                condition=Q(active_to__isnull=True) | Q(active_from__isnull=True)
                | Q(active_to__gte=models.F("active_from")),
                name="email_address_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.address

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.address = normalise_address(self.address)
        super().save(*args, **kwargs)

    def is_current(self, on: datetime.date | None = None) -> bool:
        day = on or timezone.localdate()
        started = self.active_from is None or self.active_from <= day
        return started and (self.active_to is None or self.active_to > day)


def normalise_address(address: str) -> str:
    """Addresses compare case-insensitively in practice; store and look them up in lower case."""
    return address.strip().lower()


class AddressSuggestion(models.Model):
    """A new address a mentor found for someone (by phone, at a workshop). It is only a
    suggestion until the person opens the link mailed to it: until then their mail still goes
    to their own address, and the mentor sees it waiting."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE,
                               related_name="address_suggestions")
    address = models.EmailField(_("address"), max_length=254)
    suggested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("suggested address")
        verbose_name_plural = _("suggested addresses")
        constraints = [models.UniqueConstraint(fields=["person", "address"],
                                               name="address_suggestion_unique")]

    def __str__(self) -> str:
        return f"{self.address} for {self.person}"
