"""Forms of the library: they validate, nothing more. The filter form reads the library's query
string; the practice form refuses images from other sites and a translation that cannot be."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from learnlink.knowledge.markdown import remote_images
from learnlink.knowledge.models import Adoption, Practice, PracticeOrigin, PracticeState
from learnlink.knowledge.models.practices import BODY_PARTS
from learnlink.mentoring.models import Theme
from learnlink.people.models import Enterprise, Place


def _place_choices() -> list[tuple[str, str]]:
    """The places practices are about and the places around them (a region, a country), each
    with its path, for a short menu."""
    places = Place.objects.with_path()
    parents = {p.pk: p.parent_id for p in places}
    kept: set[int] = set()
    for used in set(Practice.objects.values_list("place_id", flat=True)):
        step: int | None = used
        while step is not None and step not in kept:
            kept.add(step)
            step = parents.get(step)
    return [("", "")] + [(str(p.pk), p.path) for p in places if p.pk in kept]


class LibraryFilter(forms.Form):
    enterprise = forms.ModelChoiceField(
        Enterprise.objects.filter(practices__isnull=False).distinct(), required=False,
        label=_("Enterprise"), to_field_name="slug")
    theme = forms.ModelChoiceField(Theme.objects.all(), required=False, label=_("Theme"),
                                   to_field_name="slug")
    place = forms.TypedChoiceField(required=False, label=_("Place"), coerce=int,
                                   empty_value=None)
    lang = forms.ChoiceField(required=False, label=_("Language"),
                             choices=[("", ""), *settings.LANGUAGES])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["place"].choices = _place_choices()  # type: ignore[attr-defined]


class PracticeForm(forms.ModelForm):
    class Meta:
        model = Practice
        fields = ["title", "summary", "language", "translation_of", "enterprises", "themes",
                  "place", "organisations", *BODY_PARTS]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3}),
                   "enterprises": forms.CheckboxSelectMultiple,
                   "themes": forms.CheckboxSelectMultiple,
                   **{part: forms.Textarea(attrs={"rows": 6}) for part in BODY_PARTS}}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        originals = Practice.objects.filter(translation_of__isnull=True).order_by("title")
        if self.instance.pk:
            originals = originals.exclude(pk=self.instance.pk)
        self.fields["translation_of"].queryset = originals  # type: ignore[attr-defined]
        self.fields["translation_of"].help_text = _(
            "Leave empty for an original; choose the original for a translation.")
        self.fields["place"].queryset = (  # type: ignore[attr-defined]
            Place.objects.filter(kind__in=["district", "region"]))
        for part in BODY_PARTS:
            self.fields[part].help_text = _("Markdown. Images only from this site.")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        refuse_remote_images(self, data, BODY_PARTS)
        check_translation(self, data, gettext(
            "This practice has translations of its own, so it stays an original."))
        return data


def refuse_remote_images(form: forms.ModelForm, data: dict[str, Any], fields: list[str]) -> None:
    """An error on each Markdown field that shows an image from another site."""
    for name in fields:
        for address in remote_images(data.get(name) or ""):
            form.add_error(name, gettext(
                "Images from other sites are not shown here (%(address)s): they would cost "
                "readers money and tell that site who reads. Leave the image out.")
                % {"address": address})


def check_translation(form: forms.ModelForm, data: dict[str, Any], has_own: str) -> None:
    """A translation is of an original in another language; an original that has translations
    stays one (`has_own` says so for this kind of text)."""
    original = data.get("translation_of")
    if original is None:
        return
    if form.instance.pk and form.instance.translations.exists():
        form.add_error("translation_of", has_own)
    elif original.language == data.get("language"):
        form.add_error("language", gettext(
            "A translation is in another language than its original."))


class StateForm(forms.Form):
    state = forms.ChoiceField(label=_("State"), choices=PracticeState.choices)


class OriginForm(forms.ModelForm):
    """Where the practice began; `PracticeOrigin.clean` refuses a date after an adoption."""

    class Meta:
        model = PracticeOrigin
        fields = ["organisation", "place", "date"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"})}


class AdoptionForm(forms.ModelForm):
    """One adoption; `Adoption.clean` refuses a date before the origin and a circle."""

    class Meta:
        model = Adoption
        fields = ["organisation", "place", "date", "status", "channel", "adaptation",
                  "learned_from"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}),
                   "adaptation": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["learned_from"].queryset = (  # type: ignore[attr-defined]
            Adoption.objects.filter(practice_id=self.instance.practice_id)
            .select_related("organisation"))
