"""The form of a group's settings page: it validates, nothing more (group_settings changes)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from learnlink.exchange.group_settings import SETTINGS
from learnlink.exchange.models import Group

MB = 1024 * 1024


def _in_mb(size: int) -> Decimal:
    return (Decimal(size) / MB).quantize(Decimal("0.1"))


def _size_field() -> forms.DecimalField:
    """Megabytes with one decimal, from 0.1 (about 100 KB) to what the mail server takes at
    all: a mentor thinks of photos and documents, not of bytes."""
    largest = _in_mb(settings.LEARNLINK_SERVER_SIZE_LIMIT)
    return forms.DecimalField(
        label=_("Largest message (MB)"), min_value=Decimal("0.1"), max_value=largest,
        decimal_places=1, max_digits=5,
        widget=forms.NumberInput(attrs={"step": "0.1"}),
        error_messages={"min_value": _("At least 0.1 MB (about 100 KB)."),
                        "max_value": _("The mail server takes no message over %(limit_value)s "
                                       "MB.")},
        help_text=_("With its attachments. A phone photo weighs 1 to 3 MB; 0.5 is half a "
                    "megabyte. Larger mail waits in the quarantine for a mentor."))


class GroupSettingsForm(forms.ModelForm):
    class Meta:
        model = Group
        fields = [name for name in SETTINGS if name != "size_limit"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}),
                   "footer": forms.Textarea(attrs={"rows": 4}),
                   "posting_policy": forms.RadioSelect, "reply_to": forms.RadioSelect}
        help_texts = {
            "posting_policy": _("Members only: mail from anyone else waits for a mentor. "
                                "Moderated: every member's post waits for a mentor. "
                                "Open: anyone may post."),
            "reply_to": _("Where a member's Reply sends the answer: to everyone, or only to "
                          "the person who wrote."),
            "language": _("Of the group's footer, notices and digests."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["size_mb"] = _size_field()
        self.initial.setdefault("size_mb", _in_mb(self.instance.size_limit))
        self.order_fields([*SETTINGS[:SETTINGS.index("size_limit")], "size_mb"])

    def clean_subject_prefix(self) -> str:
        """Runs of spaces made one; a line break stays, for the model to refuse."""
        return re.sub(" {2,}", " ", self.cleaned_data["subject_prefix"])

    def clean_footer(self) -> str:
        """Lines as mail carries them, without the spaces a browser keeps at their ends."""
        lines = self.cleaned_data["footer"].splitlines()
        return "\n".join(line.rstrip() for line in lines).strip("\n")

    def changes(self) -> dict[str, object]:
        """What the form asks for, as group_settings takes it. An unchanged size in megabytes
        keeps the bytes it stood for (10.0 MB shown for 10,400,000 bytes stays 10,400,000)."""
        changes = {name: self.cleaned_data[name] for name in self._meta.fields or ()}
        size = self.cleaned_data["size_mb"]
        changes["size_limit"] = (self.instance.size_limit if size == self.initial["size_mb"]
                                 else int(size * MB))
        return changes
