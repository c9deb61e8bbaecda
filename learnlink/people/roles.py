"""Roles are Django groups; these names are the whole list and the migrations create them."""

from django.contrib.auth.models import AnonymousUser, Group, User
from django.utils.translation import gettext_lazy as _

LEARNER = "learner"
MENTOR = "mentor"
COORDINATOR = "coordinator"
STAFF = "staff"
ROLES = {
    LEARNER: _("learner"),
    MENTOR: _("mentor"),
    COORDINATOR: _("coordinator"),
    STAFF: _("staff"),
}
_CACHE = "_learnlink_roles"


def roles_of(user: User | AnonymousUser) -> frozenset[str]:
    """The user's roles, read once per request and kept on the user object."""
    if not user.is_authenticated:
        return frozenset()
    cached: frozenset[str] | None = getattr(user, _CACHE, None)
    if cached is None:
        names = Group.objects.filter(user=user, name__in=ROLES).values_list("name", flat=True)
        cached = frozenset(names)
        setattr(user, _CACHE, cached)
    return cached


def grant_role(user: User, role: str) -> None:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; roles are {', '.join(ROLES)}")
    Group.objects.get_or_create(name=role)[0].user_set.add(user)
    user.__dict__.pop(_CACHE, None)
