"""The address the impact app answers to: sales@ the mail domain, where a PMG's secretary
reports sales by email."""

from learnlink.mail.models import InboundMessage
from learnlink.mail.routing import Route

SALES_ADDRESS = "sales"


def record_by_email(inbound: InboundMessage) -> None:
    from learnlink.impact.by_email import process  # loaded on use, as the exchange mail routes do

    process(inbound)


SALES = Route(SALES_ADDRESS, accepts=lambda local, _domain: local == SALES_ADDRESS,
              process=record_by_email)
