"""Forms of the people app: they validate, nothing more."""

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from learnlink.people.models import Enterprise, OrganisationKind, Place


class LoginLinkForm(forms.Form):
    email = forms.EmailField(label=_("Your email address"))


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("My language"), choices=settings.LANGUAGES,
                                 widget=forms.RadioSelect)


class NewAddressForm(forms.Form):
    address = forms.EmailField(label=_("New address"))


class DirectoryFilterForm(forms.Form):
    """The directory's filters; every field is optional and an empty form shows everything."""

    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    place = forms.TypedChoiceField(label=_("Place"), required=False, coerce=int,
                                   empty_value=None)
    kind = forms.ChoiceField(label=_("Kind"), required=False,
                             choices=[("", _("All kinds")), *OrganisationKind.choices])
    enterprise = forms.ModelChoiceField(label=_("Enterprise"), queryset=Enterprise.objects.all(),
                                        required=False, empty_label=_("All enterprises"),
                                        to_field_name="slug")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.places = Place.objects.with_path()
        self.fields["place"].choices = [  # type: ignore[attr-defined]
            ("", _("All places")), *((p.pk, p.path) for p in self.places)
        ]
