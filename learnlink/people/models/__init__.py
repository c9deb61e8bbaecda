"""The directory: where people and organisations are, what they do, and how to reach them."""

from learnlink.people.models.organisations import Organisation, OrganisationKind
from learnlink.people.models.persons import (
    AddressSuggestion,
    Affiliation,
    EmailAddress,
    Person,
)
from learnlink.people.models.places import Enterprise, Place, PlaceKind
from learnlink.people.models.tokens import ApiToken

__all__ = [
    "AddressSuggestion",
    "Affiliation",
    "ApiToken",
    "EmailAddress",
    "Enterprise",
    "Organisation",
    "OrganisationKind",
    "Person",
    "Place",
    "PlaceKind",
]
