"""Posting on the web: a new topic from the group's page, a reply from a thread's page.

The view asks `permissions` who may post, and `web_posting` does the rest, exactly as mail.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from learnlink.exchange.forms import PostForm
from learnlink.exchange.models import Group, Message, Thread
from learnlink.exchange.permissions import group_for_poster
from learnlink.exchange.web_posting import NoAddress, TooLarge, post_on_web
from learnlink.mail.composing import Upload
from learnlink.people.models import Person


def new_topic(request: HttpRequest, slug: str) -> HttpResponse:
    group, person = group_for_poster(request, slug)
    return _post(request, group, person, None, None)


def reply(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A reply to the thread's latest message, or to the one named by ?to=MESSAGE_ID."""
    group, person = group_for_poster(request, slug)
    thread = get_object_or_404(group.threads, pk=pk)
    answered = thread.messages.filter(is_placeholder=False, removed__isnull=True)
    to = request.GET.get("to", "")
    parent = (get_object_or_404(answered, pk=int(to)) if to.isdigit()
              else answered.order_by("-date", "-pk").first())
    return _post(request, group, person, thread, parent)


def _post(request: HttpRequest, group: Group, person: Person, thread: Thread | None,
          parent: Message | None) -> HttpResponse:
    form = PostForm(request.POST or None, request.FILES or None, reply=thread is not None)
    if request.method == "POST" and form.is_valid():
        try:
            outcome = post_on_web(person, group, form.cleaned_data.get("subject", ""),
                                  form.cleaned_data["text"], parent, _upload(request))
        except TooLarge as error:
            form.add_error(None, _("This post weighs %(size)s bytes with its file; the group "
                                   "takes at most %(limit)s bytes. Send a smaller file.")
                           % {"size": f"{error.size:,}", "limit": f"{error.limit:,}"})
        except NoAddress:
            form.add_error(None, _("Mail cannot reach any of your addresses: add one on "
                                   "your page first."))
        else:
            if outcome.message is not None:
                return redirect(outcome.message.get_absolute_url())
            if outcome.held is not None:
                return render(request, "exchange/post_held.html", {"group": group})
            return redirect(thread or group)
    return render(request, "exchange/post_form.html", {
        "group": group, "thread": thread, "parent": parent, "form": form,
        "limit": f"{group.size_limit:,}"})


def _upload(request: HttpRequest) -> Upload | None:
    file = request.FILES.get("attachment")
    if file is None:
        return None
    return Upload(file.name or "attachment", file.content_type or "", file.read())
