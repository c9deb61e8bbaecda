"""Muting a thread on the web: the page a footer's mute link opens (no sign-in: the link is
the permission, and it can only mute or follow that thread for that person), and the buttons
on the thread page for signed-in members. GET only asks, since mail scanners open links."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from learnlink.exchange.member_views import refusing_bad_links
from learnlink.exchange.models import Group, Thread
from learnlink.exchange.muting import follow, is_muted, mute
from learnlink.exchange.permissions import member_person, thread_for_mute_link, thread_for_muting
from learnlink.exchange.thread_blocks import Block


@refusing_bad_links
@require_http_methods(["GET", "POST"])
def mute_by_link(request: HttpRequest, token: str) -> HttpResponse:
    person, thread = thread_for_mute_link(request, token)
    if request.method == "POST":
        mute(person, thread)
    return render(request, "exchange/mute.html", {
        "thread": thread, "group": thread.group, "token": token,
        "muted": is_muted(person, thread), "done": request.method == "POST"})


@refusing_bad_links
@require_POST
def follow_by_link(request: HttpRequest, token: str) -> HttpResponse:
    person, thread = thread_for_mute_link(request, token)
    follow(person, thread)
    return render(request, "exchange/mute.html", {
        "thread": thread, "group": thread.group, "token": token, "muted": False,
        "done": True})


@require_POST
def mute_thread(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    person, thread = thread_for_muting(request, slug, pk)
    mute(person, thread)
    return redirect(thread)


@require_POST
def follow_thread(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    person, thread = thread_for_muting(request, slug, pk)
    follow(person, thread)
    return redirect(thread)


def _block_context(request: HttpRequest, group: Group, thread: Thread) -> dict[str, Any] | None:
    """The thread page's button, for a signed-in person the group sends its mail to."""
    person = member_person(request.user, group)
    return None if person is None else {"muted": is_muted(person, thread)}


BLOCK = Block("mute", "exchange/mute_block.html", _block_context, "bottom")
