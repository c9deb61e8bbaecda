"""Background work of the people app, run by the worker (Huey)."""

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from huey.contrib.djhuey import task

from learnlink.lib.links import absolute_url
from learnlink.people.accounts import make_login_token


@task(retries=3, retry_delay=60)
def send_login_link(user_id: int, address: str, language: str) -> None:
    """Mail a one-time sign-in link, in the language the person asked in."""
    user = User.objects.get(pk=user_id)
    token = make_login_token(user, address)
    link = absolute_url("login_link", token)
    context = {"user": user, "link": link, "minutes": settings.LOGIN_LINK_MAX_AGE // 60}
    with translation.override(language):
        subject = render_to_string("people/email/login_link_subject.txt", context).strip()
        body = render_to_string("people/email/login_link.txt", context)
    send_mail(subject, body, None, [address])
