"""The public site's answers to crawlers: robots.txt. (The sitemap is Django's own view over
`sitemaps.SITEMAPS`; the feeds are in `feeds`.)"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

# Pages of people and their mail, never of the public: no crawler needs them. The mentors'
# workbench is among them, but the published write-ups and the resources under it are public.
PRIVATE = ("/accounts/", "/mentoring/", "/me/", "/membership/", "/outbox/", "/admin/")
PUBLIC_UNDER_PRIVATE = ("/mentoring/writeups/", "/mentoring/resources/")


def robots_txt(request: HttpRequest) -> HttpResponse:
    return render(request, "knowledge/robots.txt", {
        "private": PRIVATE, "public": PUBLIC_UNDER_PRIVATE,
        "sitemap": request.build_absolute_uri(reverse("sitemap"))},
        content_type="text/plain; charset=utf-8")
