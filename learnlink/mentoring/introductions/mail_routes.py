"""The mail address the introductions answer to: intro-TOKEN@ the mail domain, one per
introduction (replies.py says what becomes of each message)."""

from learnlink.mail.routing import Route
from learnlink.mentoring.introductions.replies import introduction_at, receive_answer

ROUTE = Route("introductions", accepts=lambda local, _domain: introduction_at(local) is not None,
              process=receive_answer)
