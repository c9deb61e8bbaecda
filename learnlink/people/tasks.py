"""Background work of the people app, run by the worker (Huey)."""

from django.conf import settings
from huey.contrib.djhuey import task

from learnlink.lib import emails
from learnlink.lib.links import absolute_url
from learnlink.people.accounts import make_login_token
from learnlink.people.models import Person


@task(retries=3, retry_delay=60)
def send_login_link(person_id: int, address: str, language: str) -> None:
    """Mail a one-time sign-in link, in the language the person asked in."""
    person = Person.objects.select_related("user").get(pk=person_id)
    token = make_login_token(person, address)
    link = absolute_url("login_link", token)
    emails.send("people.login_link", address, {
        "person": person, "link": link, "minutes": settings.LOGIN_LINK_MAX_AGE // 60}, language)
