"""The mentoring part of the JSON API. Every endpoint asks `permissions`, as the web does."""

from ninja import Router

router = Router(tags=["mentoring"])
