"""The mail app's tables: the durable inbox, and the outbox with one row per recipient."""

from learnlink.mail.models.budget import ReminderMail
from learnlink.mail.models.inbound import InboundMessage, Source, State
from learnlink.mail.models.outbox import Delivery, DeliveryState, Outgoing

__all__ = ["Delivery", "DeliveryState", "InboundMessage", "Outgoing", "ReminderMail", "Source",
           "State"]
