"""Forms of stories, news and interviews: they validate, nothing more. The photo is checked
and made small here (`photos.process`), so a bad upload is a form error and nothing is saved;
an interview's questions and answers are a formset of plain repeated fields, without
JavaScript: a few empty pairs at the end of the form, more after each save."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from learnlink.knowledge import photos
from learnlink.knowledge.forms import check_translation, refuse_remote_images
from learnlink.knowledge.models import Practice, Question, Story, StoryKind
from learnlink.people.models import Person

EMPTY_QUESTIONS = 3


class StoryForm(forms.ModelForm):
    photo = forms.FileField(label=_("Photo"), required=False, help_text=_(
        "JPEG, PNG, GIF or WebP, at most 10 MB. It is made small (30 KB at most) and its "
        "location and camera data are removed."))
    remove_photo = forms.BooleanField(label=_("Remove the photo"), required=False)
    field_order = ["kind", "title", "date", "author", "byline", "summary", "body", "language",
                   "translation_of", "organisations", "practices", "photo", "photo_alt"]

    class Meta:
        model = Story
        fields = ["kind", "title", "date", "author", "byline", "summary", "body", "language",
                  "translation_of", "organisations", "practices", "photo_alt"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3}),
                   "body": forms.Textarea(attrs={"rows": 10}),
                   "date": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        originals = Story.objects.filter(translation_of__isnull=True).defer("photo")
        if self.instance.pk:
            originals = originals.exclude(pk=self.instance.pk)
        else:
            del self.fields["remove_photo"]
        self.fields["translation_of"].queryset = originals.order_by("title")  # type: ignore[attr-defined]
        self.fields["translation_of"].help_text = _(
            "Leave empty for an original; choose the original for a translation.")
        self.fields["author"].queryset = Person.objects.order_by("name")  # type: ignore[attr-defined]
        self.fields["practices"].queryset = (  # type: ignore[attr-defined]
            Practice.objects.published().order_by("title"))
        self.fields["body"].help_text = _("Markdown. Images only from this site.")

    def clean_photo(self) -> bytes | None:
        """The processed bytes of a new photo, or None when none was sent."""
        upload = self.cleaned_data.get("photo")
        if not upload:
            return None
        try:
            return photos.process(upload, upload.size)
        except photos.PhotoError as error:
            raise forms.ValidationError(str(error)) from error

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        refuse_remote_images(self, data, ["body"])
        check_translation(self, data, gettext(
            "This piece has translations of its own, so it stays an original."))
        keeps_photo = self.instance.has_photo and not data.get("remove_photo")
        if (data.get("photo") or keeps_photo) and not data.get("photo_alt", "").strip():
            self.add_error("photo_alt", gettext(
                "Say in a few words what the photo shows, for readers who cannot see it."))
        if not data.get("author") and not data.get("byline", "").strip():
            self.add_error("byline", gettext("Choose the author, or write the byline."))
        return data


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["question", "answer"]
        widgets = {"question": forms.Textarea(attrs={"rows": 2}),
                   "answer": forms.Textarea(attrs={"rows": 4})}


Questions = forms.inlineformset_factory(
    Story, Question, form=QuestionForm, extra=EMPTY_QUESTIONS, can_delete=True)


def interview_errors(form: StoryForm,
                     questions: forms.BaseInlineFormSet[Question, Story, QuestionForm]) -> None:
    """An interview without one question and its answer is refused, on the form."""
    if form.cleaned_data.get("kind") != StoryKind.INTERVIEW:
        return
    kept = [f for f in questions.forms
            if f.cleaned_data.get("question") and not f.cleaned_data.get("DELETE")]
    if not kept:
        form.add_error("kind", gettext("An interview needs at least one question and its "
                                       "answer."))
