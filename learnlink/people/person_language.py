"""Which language Learnlink speaks to a person: on its pages and in the mail it sends them.

A person's language is the first of their profile's languages that Learnlink offers (the
directory fills `Person.languages`, and "My Learnlink" puts the chosen one first). Mail goes
out in the recipient's language, never in that of whoever or whatever caused it. Pages speak
it once they sign in, or when they open their membership page from a footer, until they press
one of the language buttons: that choice holds for the rest of the browser session.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from learnlink.people.addresses import person_for_address
from learnlink.people.models import Person

CHOSEN = "learnlink_language_chosen"


def language_of(person: Person | None) -> str:
    """The person's language, or '' when their profile names none that Learnlink offers."""
    return first_offered(person.languages) if person else ""


def first_offered(languages: str) -> str:
    """The first of a `Person.languages` value's codes that Learnlink offers, or ''."""
    offered = dict(settings.LANGUAGES)
    return next((c for c in (code.strip() for code in languages.split(",")) if c in offered),
                "")


def language_for_address(address: str, default: str) -> str:
    """The language of whoever uses or used `address`; `default` for a stranger."""
    return language_of(person_for_address(address)) or default


def set_language(person: Person, code: str) -> None:
    """Make `code` the person's language: first of their languages, the others kept."""
    others = [c for c in person.language_codes() if c != code]
    person.languages = ", ".join([code, *others])[:100]
    person.save(update_fields=["languages", "updated"])


def speak_to(request: HttpRequest, person: Person | None) -> None:
    """Answer this request in the person's language, unless the visitor chose one (or the
    profile names none: then the browser's language stands)."""
    if request.session.get(CHOSEN):
        return
    language = language_of(person)
    if language:
        translation.activate(language)
        request.LANGUAGE_CODE = language


def forget_choice(request: HttpRequest) -> None:
    """Signing in starts again from the profile's language."""
    request.session.pop(CHOSEN, None)


def remember_choice(request: HttpRequest) -> None:
    request.session[CHOSEN] = True


class PersonLanguageMiddleware:
    """After LocaleMiddleware and authentication: a signed-in person's pages speak their
    language (LocaleMiddleware's cookie and Accept-Language are a guest's)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            speak_to(request, getattr(request.user, "person", None))
        return self.get_response(request)
