"""Background work of the people app, run by the worker (Huey)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from huey.contrib.djhuey import task

from learnlink.lib.links import absolute_url
from learnlink.people.accounts import make_login_token
from learnlink.people.models import Person


@task(retries=3, retry_delay=60)
def send_login_link(person_id: int, address: str, language: str) -> None:
    """Mail a one-time sign-in link, in the language the person asked in."""
    person = Person.objects.select_related("user").get(pk=person_id)
    token = make_login_token(person, address)
    link = absolute_url("login_link", token)
    context = {"person": person, "link": link, "minutes": settings.LOGIN_LINK_MAX_AGE // 60}
    with translation.override(language):
        subject = render_to_string("people/email/login_link_subject.txt", context).strip()
        body = render_to_string("people/email/login_link.txt", context)
    send_mail(subject, body, None, [address])
