"""Forms of the library of resources: they validate, nothing more. Each kind of resource has
its own form, with only the fields that kind uses, so the page needs no script to hide the
others; the filter form reads the library's list from the query string."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from learnlink.mentoring.models import Resource, ResourceKind, Theme
from learnlink.people.models import Enterprise

TAGS = ["enterprises", "themes"]
TAG_WIDGETS = {"enterprises": forms.CheckboxSelectMultiple,
               "themes": forms.CheckboxSelectMultiple}


class ResourceForm(forms.ModelForm):
    kind: str

    class Meta:
        model = Resource
        fields = ["title", "description", *TAGS]
        widgets = {"description": forms.Textarea(attrs={"rows": 4}), **TAG_WIDGETS}


class DocumentForm(ResourceForm):
    kind = ResourceKind.DOCUMENT
    file = forms.FileField(label=_("File"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit = filesizeformat(settings.LEARNLINK_RESOURCE_SIZE_LIMIT)
        self.fields["file"].help_text = _("At most %(limit)s.") % {"limit": limit}
        if self.instance.pk:
            self.fields["file"].required = False
            self.fields["file"].help_text += " " + _("Leave empty to keep %(name)s.") % {
                "name": self.instance.filename}

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        limit = settings.LEARNLINK_RESOURCE_SIZE_LIMIT
        if upload is not None and upload.size > limit:
            raise forms.ValidationError(
                _("This file is %(size)s; the library takes files of at most %(limit)s."),
                params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)})
        return upload


class LinkForm(ResourceForm):
    kind = ResourceKind.LINK
    url = forms.URLField(label=_("address on the web"), max_length=500, assume_scheme="https")

    class Meta(ResourceForm.Meta):
        fields = ["title", "url", "description", *TAGS]



class GuideForm(ResourceForm):
    kind = ResourceKind.GUIDE

    class Meta(ResourceForm.Meta):
        labels = {"description": _("The guide")}
        widgets = {**ResourceForm.Meta.widgets, "description": forms.Textarea(attrs={"rows": 14})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["description"].required = True


class ContactForm(ResourceForm):
    """An outside expert: who, where they work, what they know, and how to reach them."""

    kind = ResourceKind.CONTACT

    class Meta(ResourceForm.Meta):
        fields = ["title", "organisation", "description", "email", "phone", *TAGS]
        labels = {"title": _("Name"), "description": _("Expertise")}
        help_texts = {"email": _("Shown only to members of the network."),
                      "phone": _("Shown only to members of the network.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["description"].required = True

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean()
        if cleaned is not None and not (cleaned.get("email") or cleaned.get("phone")):
            raise forms.ValidationError(_("Give an email address or a phone number: a contact "
                                          "nobody can reach does not help."))
        return cleaned


FORMS: dict[str, type[ResourceForm]] = {form.kind: form for form in
                                        (DocumentForm, LinkForm, GuideForm, ContactForm)}


class LibraryFilter(forms.Form):
    """The library's filters, read from the query string (a bookmark keeps them)."""

    q = forms.CharField(label=_("Words"), required=False, max_length=200)
    enterprise = forms.ModelChoiceField(label=_("Enterprise"), required=False,
                                        queryset=Enterprise.objects.none(), to_field_name="slug",
                                        empty_label=_("All enterprises"))
    theme = forms.ModelChoiceField(label=_("Theme"), required=False, queryset=Theme.objects.all(),
                                   to_field_name="slug", empty_label=_("All themes"))
    kind = forms.ChoiceField(label=_("Kind"), required=False,
                             choices=[("", _("All kinds")), *ResourceKind.choices])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Only the enterprises some resource is tagged with: the others would find nothing."""
        super().__init__(*args, **kwargs)
        self.fields["enterprise"].queryset = (  # type: ignore[attr-defined]
            Enterprise.objects.filter(resources__isnull=False).distinct().order_by("name"))
