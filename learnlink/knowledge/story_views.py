"""The pages of stories, news and interviews: the list by kind, a piece with its photo and its
questions, the photo itself, and the mentors' forms. Every view asks `permissions` first."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.forms import BaseInlineFormSet
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_POST

from learnlink.exchange.permissions import person_id
from learnlink.knowledge import permissions, story_actions
from learnlink.knowledge.markdown import render as markdown
from learnlink.knowledge.models import Question, Story, StoryKind
from learnlink.knowledge.story_forms import (
    QuestionForm,
    Questions,
    StoryForm,
    interview_errors,
)
from learnlink.knowledge.translations import versions

YEAR = 365 * 24 * 3600


def stories(request: HttpRequest) -> HttpResponse:
    """Open to everyone: a guest sees what is published, filtered by kind."""
    kind = request.GET.get("kind", "")
    found = permissions.readable_stories(request.user).for_list()
    if kind in StoryKind.values:
        found = found.filter(kind=kind)
    page = Paginator(found, settings.LEARNLINK_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "knowledge/stories/list.html", {
        "page": page, "query": f"kind={kind}" if kind in StoryKind.values else "",
        "kind": kind, "kinds": StoryKind.choices,
        "may_write": permissions.may_write_stories(request.user)})


def story(request: HttpRequest, pk: int) -> HttpResponse:
    item = permissions.story_for_reader(request, pk)
    return render(request, "knowledge/stories/story.html", {
        "story": item, "body": markdown(item.body),
        "organisations": item.organisations.order_by("name"),
        "practices": item.practices.published().order_by("title"),
        "questions": item.questions.all(),
        **versions(item, permissions.readable_stories(request.user).defer("photo")),
        "may_write": permissions.may_write_stories(request.user)})


def photo(request: HttpRequest, pk: int) -> HttpResponse:
    """The stored JPEG; its digest is the ETag, and the page's link carries it, so a browser
    keeps a public photo a year and asks again only when the piece gets a new one."""
    item = permissions.photo_for_reader(request, pk)
    etag = f'"{item.photo_digest}"'
    response: HttpResponse
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(bytes(item.photo or b""), content_type="image/jpeg")
    response["ETag"] = etag
    if item.is_public:
        patch_cache_control(response, public=True, max_age=YEAR, immutable=True)
    else:
        patch_cache_control(response, private=True, no_cache=True)
    return response


def new(request: HttpRequest) -> HttpResponse:
    permissions.story_writer_or_refuse(request)
    return _edited(request, Story(kind=request.GET.get("kind", StoryKind.STORY),
                                  translation_of_id=_number(request.GET.get("translation_of")),
                                  author_id=person_id(request.user)))


def edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _edited(request, permissions.story_for_writer(request, pk))


def _edited(request: HttpRequest, item: Story) -> HttpResponse:
    """The form and its questions; saved together when both are valid."""
    posted = request.method == "POST"
    form = StoryForm(request.POST or None, request.FILES or None, instance=item)
    questions = Questions(request.POST or None, instance=item, prefix="questions")
    if posted and _valid(form, questions):
        return redirect(story_actions.save_story(form, questions))
    return render(request, "knowledge/stories/edit.html", {
        "form": form, "questions": questions, "story": item if item.pk else None})


def _valid(form: StoryForm,
           questions: BaseInlineFormSet[Question, Story, QuestionForm]) -> bool:
    """Both are checked, and an interview for its questions, so every error shows at once."""
    checked = [form.is_valid(), questions.is_valid()]
    if all(f.is_valid() for f in questions.forms):
        interview_errors(form, questions)
    return all(checked) and form.is_valid()


@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    item = permissions.story_for_writer(request, pk)
    if request.POST.get("withdraw"):
        story_actions.withdraw(item)
    else:
        story_actions.publish(item)
    return redirect(item)


def _number(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None
