"""schemathesis fuzzes the JSON API from its own schema (/api/openapi.json) over the whole demo
network, as a guest and with a mentor's Bearer token: no request, however odd, gets a server
error, and no answer breaks the schema the API publishes.

The Django app is called through WSGI in this process (no server, no port): it shares the
test's database transaction, so it sees the demo the test loaded. Each operation gets a dozen
examples per caller, drawn from three kinds: input the schema allows, the same with path
parameters that exist in the demo (a random slug only ever finds nothing), and input the schema
forbids (which must be refused, not crash). Always the same examples (derandomized), so CI runs
are stable; both database engines run it, as their queries differ (search above all)."""

import re
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings, strategies
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import response_schema_conformance

from tests.web.site import load_site

EXAMPLES = 12  # per operation and caller: under a minute for both callers on this machine
CHECKS = [not_a_server_error, response_schema_conformance]


@pytest.fixture
def _connection_kept_open() -> Iterator[None]:
    """Django closes the database connection around each request, as a server must; here the
    test's transaction lives on it, so it stays open, as Django's own test client keeps it."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.usefixtures("_connection_kept_open")
def test_no_request_to_the_api_breaks_the_server_or_the_schema() -> None:
    from learnlink.knowledge.demo import load_demo as load_knowledge
    from learnlink.people.models import ApiToken

    users = load_site()
    load_knowledge()
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
    # The test client would not unzip what GZipMiddleware zips: ask for plain answers.
    plain = {"Accept-Encoding": "identity"}
    callers = {"guest": plain, "mentor": {
        **plain, "Authorization": f"Bearer {ApiToken.issue(users['mentor'])}"}}
    existing = _existing_path_parameters()
    failures: dict[str, str] = {}
    operations = []
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), f"the schema is broken: {result.err()}"
        operations.append(result.ok())
    assert len(operations) > 20, "the schema lost its operations"
    for operation in operations:
        for caller, headers in callers.items():
            try:
                _fuzz(operation, headers, existing)
            except (Exception, BaseExceptionGroup) as error:  # every operation is reported
                failures[f"{caller} {operation.label}"] = str(error)[:2000]
    assert not failures, "\n\n".join(f"{where}: {what}" for where, what in failures.items())


def _fuzz(operation: Any, headers: dict[str, str], existing: dict[str, Any]) -> None:
    """A dozen requests to one operation as one caller; raises what schemathesis finds."""
    known = {**existing, "slug": existing["alliance" if operation.path.startswith(
        "/api/alliances/") else "group"]}
    named = {name: known[name] for name in re.findall(r"{(\w+)}", operation.path)}
    cases = strategies.one_of(operation.as_strategy(),
                              operation.as_strategy(path_parameters=named),
                              operation.as_strategy(GenerationMode.NEGATIVE))

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=cases)
    def check(case: Any) -> None:
        case.call_and_validate(headers=headers, checks=CHECKS)

    check()


def _existing_path_parameters() -> dict[str, Any]:
    """A group, a thread of it, an alliance and a practice of the demo, by their addresses."""
    from learnlink.alliance.models import Alliance
    from learnlink.exchange.models import Thread
    from learnlink.knowledge.models import Practice

    thread = Thread.objects.order_by("pk").select_related("group").first()
    assert thread is not None
    alliance = Alliance.objects.order_by("pk").first()
    practice = Practice.objects.order_by("pk").first()
    assert alliance is not None and practice is not None
    return {"group": thread.group.slug, "thread_id": thread.pk, "n": 1,
            "alliance": alliance.slug, "pk": practice.pk}
