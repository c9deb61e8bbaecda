"""Forms of the exchange app: they validate, nothing more."""

import datetime
from typing import Any

from django import forms
from django.core.validators import RegexValidator
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from learnlink.exchange.file_kinds import CHOICES
from learnlink.exchange.models import DeliveryMode, Group, HeldNotices, Subscription
from learnlink.lib.spreadsheets.uploads import UploadForm


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Reason, sent to the sender"), max_length=1000,
                             widget=forms.Textarea(attrs={"rows": 3}))


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=200)
    group = forms.ChoiceField(label=_("Group"), required=False)
    sender = forms.CharField(label=_("From"), required=False, max_length=100)
    since = forms.DateField(label=_("Since"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("Until"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, groups: QuerySet[Group], **kwargs: Any) -> None:
        """`groups`: those the user may read, the only ones offered."""
        super().__init__(*args, **kwargs)
        self.fields["group"].choices = [  # type: ignore[attr-defined]
            ("", _("All groups")), *groups.order_by("name").values_list("slug", "name")]
        for name in ("group", "sender", "since", "until"):
            # Drawn after the results, outside the form, yet sent with it (see search.html).
            self.fields[name].widget.attrs["form"] = "search"


class JoinForm(forms.Form):
    address = forms.EmailField(label=_("Your email address"), max_length=254)


class AskToJoinForm(forms.Form):
    """Asking to join a members-only group: who, and a few plain words for its mentors."""

    address = forms.EmailField(label=_("Your email address"), max_length=254)
    name = forms.CharField(label=_("Your name"), max_length=200)
    message = forms.CharField(
        label=_("Why you would like to join"), max_length=Subscription.MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A few sentences for the group's mentors, who decide."))


class RefuseJoinForm(forms.Form):
    reason = forms.CharField(label=_("Reason, sent to them (optional)"), max_length=500,
                             required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ModeForm(forms.Form):
    mode = forms.ChoiceField(label=_("How mail arrives"), choices=DeliveryMode.choices,
                             widget=forms.RadioSelect)
    plain_text = forms.BooleanField(
        label=_("Digests in plain text only (the lightest mail, for a metered connection)"),
        required=False)


class HeldNoticesForm(forms.Form):
    held_notices = forms.ChoiceField(label=_("Messages held for moderation"),
                                     choices=HeldNotices.choices, widget=forms.RadioSelect)


class FilesFilter(forms.Form):
    """A group's files by kind and month; a month field, not a list of months, so that the
    page asks the database nothing to draw it."""

    kind = forms.ChoiceField(label=_("Kind"), choices=CHOICES, required=False)
    month = forms.CharField(label=_("Month"), required=False, max_length=7,
                            validators=[RegexValidator(r"^\d{4}-(0[1-9]|1[0-2])$",
                                                       _("A month as 2004-09."))],
                            widget=forms.TextInput(attrs={"type": "month",
                                                          "placeholder": "2004-09"}))

    def chosen_month(self) -> datetime.date | None:
        month = self.cleaned_data.get("month")
        if not month:
            return None
        year, number = month.split("-")
        return datetime.date(int(year), int(number), 1)


class PostForm(forms.Form):
    """A new topic (subject required) or a reply (subject taken from the message answered)."""

    subject = forms.CharField(label=_("Subject"), max_length=300)
    text = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 10}))
    attachment = forms.FileField(label=_("Attach a file (optional)"), required=False)

    def __init__(self, *args: Any, reply: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if reply:
            del self.fields["subject"]


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"))

    def __init__(self, *args: Any, roles: list[tuple[str, Any]], **kwargs: Any) -> None:
        """`roles`: those the moderator may give (permissions.roles_to_give)."""
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = roles  # type: ignore[attr-defined]


class HoldForm(forms.Form):
    hold = forms.BooleanField(label=_("Hold this member's posts for review"), required=False)


class InvitationsUpload(UploadForm):
    """500 rows of addresses and names weigh well under a megabyte, in either format."""

    largest = 2 * 1024 * 1024
