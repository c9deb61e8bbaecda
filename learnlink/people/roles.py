"""Roles are Django groups; these names are the whole list and the migrations create them."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, Group
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


def roles_of(user: AbstractBaseUser | AnonymousUser) -> set[str]:
    """The user's roles, read once per request and kept on the user object."""
    if not user.is_authenticated:
        return set()
    cached: set[str] | None = getattr(user, "_learnlink_roles", None)
    if cached is None:
        cached = set(Group.objects.filter(user=user, name__in=ROLES).values_list("name", flat=True))
        user._learnlink_roles = cached  # type: ignore[union-attr]
    return cached


def grant_role(user: AbstractBaseUser, role: str) -> None:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; roles are {', '.join(ROLES)}")
    group, _created = Group.objects.get_or_create(name=role)
    group.user_set.add(user)  # type: ignore[attr-defined]
    user.__dict__.pop("_learnlink_roles", None)
