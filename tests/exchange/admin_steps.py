"""What staff do to the archive in the admin, as a browser would post it."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from learnlink.exchange.models import Message


def as_staff(client: Client) -> Client:
    client.force_login(User.objects.create_superuser("root", "root@example.org", "x"))
    return client


def correct_text(client: Client, message: Message, text: str) -> HttpResponse:
    """The admin's change form, sent with `text` as the message's new text."""
    return as_staff(client).post(
        reverse("admin:exchange_message_change", args=[message.pk]),
        {"subject": message.subject, "sender_name": message.sender_name, "text": text,
         "quoted": "", "signature": ""})


def remove(client: Client, message: Message) -> HttpResponse:
    """The admin's delete, confirmed."""
    return client.post(reverse("admin:exchange_message_delete", args=[message.pk]),
                       {"post": "yes"})
