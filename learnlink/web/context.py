"""Template context of the web app: whether the menu offers the mentor dashboard."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from learnlink.mentoring.permissions import is_mentor


def mentor_menu(request: HttpRequest) -> dict[str, object]:
    """Read only by pages that show the menu to someone signed in: a guest costs no query."""
    return {"mentors": SimpleLazyObject(lambda: is_mentor(request.user))}
