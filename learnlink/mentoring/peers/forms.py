"""The peer finder's question and filters, for the web page and the API alike."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from learnlink.people.models import Enterprise, Place, PlaceKind


class _ByName(forms.ModelChoiceField):
    """A choice by its value in the menu, or (for the API and typed links) by its name in any
    case: "Tanzania", "maize", "mahindi"."""

    def to_python(self, value: Any) -> Any:
        if value in self.empty_values:
            return None
        try:
            return super().to_python(value)
        except ValidationError:
            found = (self.queryset.filter(self.named(str(value).strip())).first()
                     if self.queryset is not None else None)
            if found is None:
                raise
            return found

    def named(self, name: str) -> Q:
        return Q(name__iexact=name)


class _EnterpriseField(_ByName):
    def named(self, name: str) -> Q:
        return Q(name__iexact=name) | Q(name_sw__iexact=name) | Q(name_fr__iexact=name)


class _QuestionField(forms.CharField):
    """Text with any NUL characters dropped: mail and copied text carry them, and a question
    is still a question without them."""

    def to_python(self, value: Any) -> str:
        return str(super().to_python(value)).replace("\x00", "")


class PeerForm(forms.Form):
    """Every field may be empty; a question the finder cannot use still gets an answer
    saying why, so the question has no length limit here (the finder reads its start)."""

    q = _QuestionField(label=_("Question"), required=False, widget=forms.TextInput(
        attrs={"type": "search", "placeholder": _("who has done warehouse receipts?")}))
    country = _ByName(label=_("Country"), required=False, empty_label=_("All countries"),
                      queryset=Place.objects.filter(kind=PlaceKind.COUNTRY))
    enterprise = _EnterpriseField(label=_("Enterprise"), required=False,
                                  empty_label=_("All enterprises"), to_field_name="slug",
                                  queryset=Enterprise.objects.all())
