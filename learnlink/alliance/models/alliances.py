"""An alliance, the organisations that are its partners and the people who run and do its work."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    PUBLIC = "public", _("public: anyone reads its goal, partners and impact")
    PRIVATE = "private", _("private: its partners' people, coordinators and staff only")


class Alliance(models.Model):
    """Mutual learning between research and development organisations and rural communities,
    run over 12 to 18 months as cycles of learning spaces towards one common goal."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    goal = models.TextField(_("common goal"))
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    visibility = models.CharField(_("visibility"), max_length=10, choices=Visibility.choices,
                                  default=Visibility.PRIVATE)
    group = models.ForeignKey("exchange.Group", verbose_name=_("exchange group"), null=True,
                              blank=True, on_delete=models.SET_NULL, related_name="alliances",
                              help_text=_("Where partners exchange between learning spaces."))
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("learning alliance")
        verbose_name_plural = _("learning alliances")
        ordering = ["-start", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("alliance:alliance", args=[self.slug])

    def clean(self) -> None:
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The end must come after the start.")})


class PartnerRole(models.TextChoices):
    RESEARCH = "research", _("research")
    DEVELOPMENT_AGENCY = "development_agency", _("development agency")
    COUNTRY_TEAM = "country_team", _("country team")
    COMMUNITY_ORGANISATION = "community_organisation", _("community organisation")
    DONOR = "donor", _("donor")


class PartnerQuerySet(models.QuerySet["Partner"]):
    def of(self, alliance: Alliance | int) -> PartnerQuerySet:
        """The alliance's partners (given it or its key), with the organisation each is."""
        return self.filter(alliance=alliance).select_related("organisation")


class Partner(models.Model):
    """An organisation in the alliance, with what it agreed at the start to be responsible for."""

    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey("people.Organisation", verbose_name=_("organisation"),
                                     on_delete=models.PROTECT, related_name="alliance_partners")
    role = models.CharField(_("role"), max_length=30, choices=PartnerRole.choices)
    country = models.ForeignKey("people.Place", verbose_name=_("country"), null=True,
                                blank=True, on_delete=models.PROTECT,
                                related_name="alliance_partners")
    responsibilities = models.TextField(_("responsibilities agreed at the start"), blank=True)

    objects = PartnerQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["organisation__name"]
        constraints = [models.UniqueConstraint(fields=["alliance", "organisation"],
                                               name="partner_once_per_alliance")]

    def __str__(self) -> str:
        return str(self.organisation)


class ParticipantRole(models.TextChoices):
    COORDINATOR = "coordinator", _("coordinator")
    FACILITATOR = "facilitator", _("facilitator")
    IMPLEMENTER = "implementer", _("implementer")


class Participant(models.Model):
    """A person with a role in the alliance; implementers belong to a partner's team."""

    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey("people.Person", verbose_name=_("person"),
                               on_delete=models.PROTECT, related_name="alliance_roles")
    role = models.CharField(_("role"), max_length=20, choices=ParticipantRole.choices)
    partner = models.ForeignKey(Partner, verbose_name=_("partner team"), null=True, blank=True,
                                on_delete=models.CASCADE, related_name="participants")

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["role", "person__name"]
        constraints = [models.UniqueConstraint(fields=["alliance", "person", "role"],
                                               name="participant_role_once")]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"

    def clean(self) -> None:
        partner = self.partner if self.partner_id else None
        if partner is not None and partner.alliance_id != self.alliance_id:
            raise ValidationError({"partner": _("This partner is in another alliance.")})
