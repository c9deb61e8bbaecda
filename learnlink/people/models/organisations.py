"""Organisations: farmer groups, service providers, associations, and those who work with them."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    FARMER_GROUP = "farmer_group", _("farmer group")
    PMG = "pmg", _("producer marketing group")
    SERVICE_PROVIDER = "service_provider", _("service provider")
    ASSOCIATION = "association", _("association or cooperative")
    NGO = "ngo", _("NGO")
    RESEARCH = "research", _("research institute")
    BUYER = "buyer", _("buyer or processor")
    DONOR = "donor", _("donor")


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    def for_directory(self) -> OrganisationQuerySet:
        """What the directory list shows, fetched in a fixed number of queries whatever the page."""
        return self.select_related("place", "parent").prefetch_related("enterprises")


class Organisation(models.Model):
    """A group that learns or helps others learn; an umbrella association is a parent of others."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    place = models.ForeignKey("people.Place", verbose_name=_("place"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="organisations")
    enterprises = models.ManyToManyField("people.Enterprise", verbose_name=_("enterprises"),
                                         blank=True, related_name="organisations")
    parent = models.ForeignKey(
        "self", verbose_name=_("umbrella organisation"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="members",
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("people:organisation", args=[self.slug])
