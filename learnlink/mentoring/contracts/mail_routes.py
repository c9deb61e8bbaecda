"""The address each contract offer's agreements come back to: `contract-TOKEN@` the mail domain
(replies.py says what becomes of each message)."""

from learnlink.mail.routing import Route
from learnlink.mentoring.contracts.replies import is_offer_address, take_reply

ROUTE = Route("contract-replies", accepts=is_offer_address, process=take_reply)
