"""What changes a story, a news item or an interview: saving the form with its photo and its
questions, and publishing or withdrawing it. Each writes in one transaction."""

from __future__ import annotations

from django.db import transaction
from django.forms import BaseInlineFormSet
from django.utils import timezone

from learnlink.exchange import page_generations
from learnlink.knowledge.models import PracticeState, Question, Story
from learnlink.knowledge.photos import digest
from learnlink.knowledge.story_forms import QuestionForm, StoryForm


@transaction.atomic
def save_story(form: StoryForm,
               questions: BaseInlineFormSet[Question, Story, QuestionForm]) -> Story:
    """The form's piece, its photo as `photos` made it, and its questions in the form's order
    (an emptied or ticked pair is removed)."""
    story = form.save(commit=False)
    photo = form.cleaned_data.get("photo")
    if photo:
        story.photo, story.photo_digest = photo, digest(photo)
    elif form.cleaned_data.get("remove_photo"):
        story.photo, story.photo_digest, story.photo_alt = None, "", ""
    story.save()
    form.save_m2m()
    _save_questions(story, questions)
    return story


def _save_questions(story: Story,
                    questions: BaseInlineFormSet[Question, Story, QuestionForm]) -> None:
    questions.instance = story
    questions.save(commit=False)
    for gone in questions.deleted_objects:
        gone.delete()
    kept = [f.instance for f in questions.forms
            if f.cleaned_data.get("question") and not f.cleaned_data.get("DELETE")]
    for position, question in enumerate(kept, start=1):
        question.story, question.position = story, position
        question.save()


def publish(story: Story) -> None:
    """A piece is dated the first time it is published, and keeps that date."""
    story.state = PracticeState.PUBLISHED
    if story.published is None:
        story.published = timezone.now()
    story.save(update_fields=["state", "published", "updated"])
    page_generations.forget_site()  # the home page lists the latest


def withdraw(story: Story) -> None:
    """Back to a draft: gone from the public pages and feeds, kept for its writers."""
    story.state = PracticeState.DRAFT
    story.save(update_fields=["state", "updated"])
    page_generations.forget_site()
