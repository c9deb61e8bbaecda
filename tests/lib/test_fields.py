"""learnlink.lib.fields: a value is cut to the length its model declares, not to a copied number."""

import pytest

from learnlink.exchange.models import Subscription
from learnlink.impact.models import Sale
from learnlink.lib.fields import fitted, max_length
from learnlink.mail.models import Delivery, InboundMessage


def test_a_value_is_cut_to_the_length_its_column_declares() -> None:
    assert max_length(Delivery, "address") == 320
    assert fitted(Sale, "buyer", "Kakuzi " * 50) == ("Kakuzi " * 50)[:200]
    assert fitted(Subscription, "name", "Asha Mwema") == "Asha Mwema"


def test_a_column_without_a_length_is_refused_rather_than_guessed() -> None:
    with pytest.raises(ValueError, match=r"InboundMessage\.reason has no max_length"):
        fitted(InboundMessage, "reason", "text")
