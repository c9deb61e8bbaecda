"""The library's pages: the list with its filters and search, a resource's page and its file,
the mentors' forms to add, edit and remove, and the buttons that attach a resource to a
thread. Every view asks `mentoring.permissions` first."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learnlink.exchange.permissions import visible_groups
from learnlink.lib.requests import AuthenticatedHttpRequest
from learnlink.mentoring.models import Resource, ResourceKind
from learnlink.mentoring.permissions import (
    is_mentor,
    mentor_or_refuse,
    mentored_thread,
    readable_resources,
    resource_for_editor,
    resource_for_reader,
    sees_expert_contacts,
    thread_for_mentor,
)
from learnlink.mentoring.resources import library
from learnlink.mentoring.resources.forms import FORMS, LibraryFilter, ResourceForm


def resource_list(request: HttpRequest) -> HttpResponse:
    """Open to everyone. With `?thread=N` from a thread's page, a mentor of its group gets a
    button to attach each resource to it."""
    resources = readable_resources(request.user)
    form = LibraryFilter(request.GET or None)
    form.is_valid()
    filters = getattr(form, "cleaned_data", {})
    page = Paginator(library.filtered(resources, filters),
                     settings.LEARNLINK_PAGE_SIZE).get_page(request.GET.get("page"))
    thread_id = request.GET.get("thread", "")
    thread = mentored_thread(request.user, int(thread_id)) if thread_id.isdigit() else None
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "mentoring/resources/list.html", {
        "form": form, "page": page, "query": query.urlencode(), "thread": thread,
        "may_add": is_mentor(request.user), "kinds": ResourceKind.choices})


def resource(request: HttpRequest, pk: int) -> HttpResponse:
    item = resource_for_reader(request, pk)
    threads = (item.threads.filter(thread__group__in=visible_groups(request.user))
               .select_related("thread__group").order_by("-attached")[:20])
    return render(request, "mentoring/resources/resource.html", {
        "resource": item, "threads": [t.thread for t in threads],
        "contacts": sees_expert_contacts(request.user), "may_edit": is_mentor(request.user)})


def resource_file(request: HttpRequest, pk: int, filename: str) -> HttpResponseBase:
    """Always a download, never shown by the browser, as the archive's attachments."""
    item = resource_for_reader(request, pk)
    if item.kind != ResourceKind.DOCUMENT or not item.sha256 or filename != item.filename:
        raise Http404
    response = FileResponse(default_storage.open(item.storage_name), as_attachment=True,
                            filename=item.filename, content_type="application/octet-stream")
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def add(request: AuthenticatedHttpRequest, kind: str) -> HttpResponse:
    mentor_or_refuse(request)
    form_class = FORMS.get(kind)
    if form_class is None:
        raise Http404
    form = form_class(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        item = form.save(commit=False)
        item.kind, item.added_by = form_class.kind, request.user
        _save(form, item)
        messages.success(request, _("“%(title)s” is in the library.") % {"title": item.title})
        return redirect(item)
    return render(request, "mentoring/resources/form.html", {
        "form": form, "kind": ResourceKind(form_class.kind)})


def edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = resource_for_editor(request, pk)
    form = FORMS[item.kind](request.POST or None, request.FILES or None, instance=item)
    if request.method == "POST" and form.is_valid():
        _save(form, form.save(commit=False))
        messages.success(request, _("“%(title)s” is saved.") % {"title": item.title})
        return redirect(item)
    return render(request, "mentoring/resources/form.html", {
        "form": form, "kind": ResourceKind(item.kind), "resource": item})


def _save(form: ResourceForm, item: Resource) -> None:
    data = form.cleaned_data
    library.save_resource(item, data["enterprises"], data["themes"], data.get("file"))


@require_POST
def remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = resource_for_editor(request, pk)
    library.remove_resource(item)
    messages.success(request, _("“%(title)s” is out of the library.") % {"title": item.title})
    return redirect("mentoring:resources")


@require_POST
def attach(request: AuthenticatedHttpRequest, thread_pk: int, pk: int) -> HttpResponse:
    thread = thread_for_mentor(request, thread_pk)
    library.attach(thread, get_object_or_404(Resource, pk=pk), request.user)
    return redirect(thread.get_absolute_url() + "#resources")


@require_POST
def detach(request: AuthenticatedHttpRequest, thread_pk: int, pk: int) -> HttpResponse:
    thread = thread_for_mentor(request, thread_pk)
    library.detach(thread, get_object_or_404(Resource, pk=pk))
    return redirect(thread.get_absolute_url() + "#resources")
