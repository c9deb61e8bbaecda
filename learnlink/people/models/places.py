"""Places (a tree: country, region, district, ward, village) and enterprises (lines of business)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class PlaceKind(models.TextChoices):
    COUNTRY = "country", _("country")
    REGION = "region", _("region")
    DISTRICT = "district", _("district")
    WARD = "ward", _("ward")
    VILLAGE = "village", _("village")


class PlaceQuerySet(models.QuerySet["Place"]):
    def descendant_ids(self, place: Place) -> set[int]:
        """The place and every place below it, found from one query of the whole (small) tree."""
        children: dict[int | None, list[int]] = {}
        for pk, parent_id in self.values_list("pk", "parent_id"):
            children.setdefault(parent_id, []).append(pk)
        found, stack = set(), [place.pk]
        while stack:
            pk = stack.pop()
            if pk not in found:
                found.add(pk)
                stack.extend(children.get(pk, []))
        return found

    def with_path(self) -> list[Place]:
        """Every place with its `path` attribute filled, sorted by path, for filter menus."""
        places = {p.pk: p for p in self.all()}
        for place in places.values():
            names: list[str] = []
            seen: set[int] = set()
            node: Place | None = place
            while node is not None and node.pk not in seen:
                seen.add(node.pk)
                names.append(node.name)
                node = places.get(node.parent_id) if node.parent_id else None
            place.path = " / ".join(reversed(names))
        return sorted(places.values(), key=lambda p: p.path)


class Place(models.Model):
    """A country, region, district or smaller place; districts sit inside regions and so on."""

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=PlaceKind.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("inside"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="children",
    )
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5,
                                   null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5,
                                    null=True, blank=True)

    objects = PlaceQuerySet.as_manager()
    path: str

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["parent", "name"], name="place_unique_in_parent"),
            models.UniqueConstraint(fields=["name"], condition=models.Q(parent__isnull=True),
                                    name="place_unique_top_level"),
        ]

    def __str__(self) -> str:
        return self.name

    def ancestors(self) -> list[Place]:
        """From the country down to this place's parent; a handful of queries at most."""
        chain: list[Place] = []
        node = self.parent
        while node is not None and node not in chain:
            chain.insert(0, node)
            node = node.parent
        return chain

    def full_name(self) -> str:
        return ", ".join(p.name for p in [self, *reversed(self.ancestors())])


class Enterprise(models.Model):
    """A product or line of business: oranges, maize, honey, warehouse receipts, market spies."""

    name = models.CharField(_("name"), max_length=120, unique=True,
                            help_text=_("In English; shown where no name in the reader's "
                                        "language is given."))
    name_sw = models.CharField(_("name in Kiswahili"), max_length=120, blank=True)
    name_fr = models.CharField(_("name in French"), max_length=120, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.local_name

    @property
    def local_name(self) -> str:
        """The name in the reader's language ("machungwa", "oranges"), else the English one."""
        return local_name(self.name, self.name_sw, self.name_fr)


def local_name(name: str, name_sw: str, name_fr: str) -> str:
    """Of an enterprise's names, the one in the current language, else the English `name`:
    also for lists read as values() rather than as objects (the impact tables)."""
    return {"sw": name_sw, "fr": name_fr}.get(get_language() or "", "") or name
