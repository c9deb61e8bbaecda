"""Organisations: farmer groups, service providers, associations, and those who work with them."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from learnlink.people.models.places import Enterprise, Place


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
    def for_directory(self, q: str = "", place: int | None = None, kind: str = "",
                      enterprise: Enterprise | None = None) -> OrganisationQuerySet:
        """What the directory list shows, narrowed by its filters (each optional: a place
        includes the places below it), in a fixed number of queries whatever the page."""
        found = self.select_related("place", "parent").prefetch_related("enterprises")
        if q:
            found = found.filter(name__icontains=q)
        if place:
            found = found.filter(place__in=Place.objects.descendant_ids(Place(pk=place)))
        if kind:
            found = found.filter(kind=kind)
        if enterprise:
            found = found.filter(enterprises=enterprise)
        return found

    def for_page(self) -> OrganisationQuerySet:
        """An organisation's page: where it is, its umbrella, enterprises and groups."""
        return (self.select_related("place__parent__parent", "parent")
                .prefetch_related("enterprises", "members"))

    def recently_joined(self) -> OrganisationQuerySet:
        """The home page's newcomers to the directory, with their place."""
        return self.select_related("place").order_by("-created", "name")


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
