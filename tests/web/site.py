"""The whole demo site, for the tests that walk every page as each kind of visitor: the
directory, groups and their archives (each with a message held for a moderator and one in
quarantine), the learning alliance and its impact tables, the mentors' records."""

from __future__ import annotations

from django.contrib.auth.models import User

from tests.conftest import email_from

# Who walks the site: a visitor, someone signed in with no role, and the demo's accounts.
PERSONAS = (None, "outsider", "learner", "mentor", "coordinator", "staff")


def load_site() -> dict[str | None, User | None]:
    """Load every demo, and in each group hold a message from a stranger and quarantine a
    looping one; the user of each persona."""
    from learnlink.alliance.demo import load_demo as load_alliance
    from learnlink.exchange.demo import load_demo as load_exchange
    from learnlink.exchange.models import Group
    from learnlink.impact.demo import load_demo as load_impact
    from learnlink.mail.inbox import receive
    from learnlink.mail.models import Source
    from learnlink.mentoring.demo import load_demo as load_mentoring
    from learnlink.people.demo import load_demo

    accounts = load_demo().accounts
    load_exchange()
    load_alliance()
    load_impact()
    load_mentoring()
    for group in Group.objects.all():
        held = email_from("stranger@example.net", group.address, "Prices at Muheza market",
                          "What do buyers pay for a crate of oranges this week?")
        looped = email_from("stranger@example.net", group.address, "Out of office",
                            "I am away.", List_Id=f"<{group.list_id}>")
        for message in (held, looped):
            receive(message.as_bytes(), [group.address], Source.PIPE)
    users: dict[str | None, User | None] = {None: None, "outsider": _outsider()}
    for account in accounts:
        users.setdefault(account.role, User.objects.get(username=account.sign_in))
    assert set(PERSONAS) <= set(users), users
    return users


def _outsider() -> User:
    return User.objects.create_user(username="someone@example.com", email="someone@example.com")

