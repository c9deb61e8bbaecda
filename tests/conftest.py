"""Fixtures shared by every test: named personas, a small directory, a real SMTP sink."""

from __future__ import annotations

import datetime
import email
import email.policy
import email.utils
import errno
import functools
import os
import smtplib
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any, TypeVar

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test.utils import override_settings
from django.utils.text import slugify
from huey.contrib.djhuey import HUEY

from learnlink.people.models import EmailAddress, Enterprise, Organisation, Person, Place
from learnlink.people.roles import grant_role

OUTPUT_DIR = Path(__file__).resolve().parent.parent / "test-output"
# CI runs the suite twice, on SQLite and on PostgreSQL. A test of the machinery around
# Learnlink (Postfix, Redis, a full disk) that does not depend on the database engine runs in
# the first pass only, to keep CI's time in bounds.
SQLITE_PASS_ONLY = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="runs in the SQLite pass: it does not depend on the database engine")
TEST_DATA = Path(__file__).resolve().parent / "data"  # our mail and other projects' (README)
PASSWORD = "a-long-test-password-42"


def pytest_report_header() -> list[str]:
    """Say which engines this run uses, so a CI log shows SQLite and PostgreSQL runs apart."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    return [f"learnlink database: {database['ENGINE'].rsplit('.', 1)[-1]} "
            f"{database.get('HOST') or database['NAME']}",
            f"learnlink task queue: {settings.HUEY['huey_class']}, "
            f"cache: {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}"]


@pytest.fixture(scope="session", autouse=True)
def _static_files() -> None:
    """Pages link the stylesheet through the manifest storage that production uses."""
    call_command("collectstatic", "--noinput", verbosity=0)


@pytest.fixture(scope="session", autouse=True)
def _fast_passwords() -> Iterator[None]:
    """Test accounts hash their passwords with MD5: production's PBKDF2 takes half a second
    per password on purpose, which made every test with a signed-in person slow."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    """Cached fragments of one test must not show up in the next one's pages."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english_after_each_test() -> Iterator[None]:
    """A request in French leaves French active in the thread: the next test starts in the
    site's own language, whatever order the tests run in."""
    from django.conf import settings
    from django.utils import translation

    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _tasks_run_at_once() -> Iterator[None]:
    """Tasks run inside the request, so tests see their effect; test_worker covers the queue."""
    HUEY.immediate = True
    yield
    HUEY.immediate = False


@pytest.fixture
def output_dir(request: pytest.FixtureRequest) -> Path:
    """Where a test leaves what a person may want to look at (screenshots)."""
    folder = OUTPUT_DIR / request.node.name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass
class Sink:
    """What a real SMTP server on loopback received."""

    messages: list[EmailMessage] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        with self.lock:
            self.messages.append(message)
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        with self.lock:
            return [m for m in self.messages if address in str(m["To"])]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


Served = TypeVar("Served", bound=Controller)
PORT_TRIES = 5


def started(make: Callable[[int], Served]) -> Served:
    """An aiosmtpd controller started on a free loopback port. Choosing a port and binding it
    are two steps, and two choices in a row may even give the same port, so a port taken in
    between is no failure of the code under test: try another."""
    for attempt in range(PORT_TRIES):
        server = make(free_port())
        try:
            server.start()
        except OSError as error:
            if error.errno != errno.EADDRINUSE or attempt == PORT_TRIES - 1:
                raise
        else:
            return server
    raise AssertionError("unreachable")


@pytest.fixture
def smtp_sink(settings: Any, transactional_db: None) -> Iterator[Sink]:
    """An aiosmtpd server that Learnlink's outgoing mail really goes to: through the outbox
    and the sender, as in production. Transactions really commit, so the outbox is sent."""
    sink = Sink()
    controller = started(lambda port: Controller(sink, hostname="127.0.0.1", port=port))
    relay_to(settings, controller.port)
    yield sink
    controller.stop()


def relay_to(settings: Any, port: int) -> None:
    settings.EMAIL_BACKEND = "learnlink.mail.backend.OutboxBackend"
    settings.LEARNLINK_RELAY = True
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.LEARNLINK_SMTP_TIMEOUT = 5


def make_person(name: str, address: str | None, organisation: Organisation | None = None,
                role: str = "", **fields: Any) -> Person:
    person = Person.objects.create(name=name, slug=slugify(name), **fields)
    if address:
        EmailAddress.objects.create(person=person, address=address, primary=True,
                                    active_from=datetime.date(2003, 1, 1))
    if organisation:
        person.affiliations.create(organisation=organisation, role=role)
    return person


def make_member(role: str | None, name: str, address: str) -> User:
    """A person with a user account; `role` None is an outsider with an account but no role."""
    person = make_person(name, address)
    user = User.objects.create_user(username=address, email=address, password=PASSWORD,
                                     first_name=name)
    if role:
        grant_role(user, role)
    person.user = user
    person.save(update_fields=["user"])
    return user


@pytest.fixture
def network(db: None) -> dict[str, Any]:
    """A slice of the demo network: Muheza's orange growers and their service provider."""
    tanzania = Place.objects.create(name="Tanzania", kind="country")
    tanga = Place.objects.create(name="Tanga", kind="region", parent=tanzania)
    muheza = Place.objects.create(name="Muheza", kind="district", parent=tanga)
    manyara = Place.objects.create(name="Manyara", kind="region", parent=tanzania)
    babati = Place.objects.create(name="Babati", kind="district", parent=manyara)
    oranges = Enterprise.objects.create(name="oranges", slug="oranges")
    pepper = Enterprise.objects.create(name="black pepper", slug="black-pepper")
    rice = Enterprise.objects.create(name="rice", slug="rice")
    union = Organisation.objects.create(
        name="Muheza Fruit Growers Association", slug="muheza-fruit-growers-association",
        kind="association", place=muheza)
    growers = Organisation.objects.create(
        name="Kilulu Orange Growers", slug="kilulu-orange-growers", kind="farmer_group",
        place=muheza, parent=union, description="Sells oranges together to buyers from Dar.")
    growers.enterprises.set([oranges, pepper])
    spies = Organisation.objects.create(
        name="Babati Market Spies", slug="babati-market-spies", kind="service_provider",
        place=babati)
    spies.enterprises.set([rice])
    chair = make_person("Mwanaisha Shabani", "kilulu.growers@example.org", growers,
                        "chairperson", phone="+255 700 000 101", place=muheza)
    return {"muheza": muheza, "tanga": tanga, "babati": babati, "growers": growers,
            "union": union, "spies": spies, "chair": chair, "oranges": oranges}


@pytest.fixture
def learner(db: None) -> User:
    return make_member("learner", "Halima Omari", "halima@example.org")


@pytest.fixture
def mentor(db: None) -> User:
    return make_member("mentor", "Joseph Mshana", "joseph.mshana@example.org")


@pytest.fixture
def coordinator(db: None) -> User:
    return make_member("coordinator", "Grace Wanjiku", "grace.wanjiku@example.org")


@pytest.fixture
def staff(db: None) -> User:
    user = make_member("staff", "Admin Person", "admin@example.org")
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    return user


@pytest.fixture
def outsider(db: None) -> User:
    return make_member(None, "Someone Else", "someone@example.com")


@pytest.fixture
def oranges(network: dict[str, Any], learner: User, mentor: User) -> Any:
    """A public group: Halima a learner, Joseph its mentor, and Kilulu's growers as one member."""
    from learnlink.exchange.membership import add_member, create_group
    from learnlink.exchange.models import Membership

    group = create_group("muheza-oranges", "Muheza orange growers",
                         description="Selling oranges together, grading, buyers.")
    add_member(group, "halima@example.org")
    add_member(group, "joseph.mshana@example.org", role="mentor")
    Membership.objects.create(group=group, organisation=network["growers"])
    return group


@dataclass
class MailServer:
    lmtp_port: int
    smtp_port: int

    def lmtp(self) -> smtplib.LMTP:
        return smtplib.LMTP("127.0.0.1", self.lmtp_port)

    def smtp(self) -> smtplib.SMTP:
        return smtplib.SMTP("127.0.0.1", self.smtp_port)

    def send(self, message: EmailMessage | bytes, to: str, sender: str = "") -> None:
        """Deliver over LMTP as Postfix would (lines end in CRLF on the wire), raising if any
        recipient is refused."""
        raw = wire_format(message if isinstance(message, bytes) else message.as_bytes())
        with self.lmtp() as client:
            refused = client.sendmail(sender or "bounce@example.net", [to], raw)
        assert not refused, refused


def sign_in_on(phone: Any, site: str, address: str, password: str = PASSWORD) -> None:
    """Sign in through the real sign-in page of `site`, as a person types it."""
    phone.goto(site + "/accounts/login/")
    phone.get_by_label("Email address or user name").fill(address)
    phone.get_by_label("Password").fill(password)
    phone.get_by_role("button", name="Sign in").click()


def wire_format(raw: bytes) -> bytes:
    """SMTP and LMTP carry lines ending in CRLF, whatever the file on disk used."""
    return raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


@pytest.fixture
def mail_server(transactional_db: None) -> Iterator[MailServer]:
    """Learnlink's own LMTP and SMTP servers on loopback, storing into the test database."""
    from learnlink.mail.models import Source
    from learnlink.mail.server import controller

    servers = [started(functools.partial(controller, source, "127.0.0.1"))
               for source in (Source.LMTP, Source.SMTP)]
    yield MailServer(servers[0].port, servers[1].port)
    for server in servers:
        server.stop()


def email_from(sender: str, to: str, subject: str, body: str, **headers: str) -> EmailMessage:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, to, subject
    message["Date"] = email.utils.format_datetime(datetime.datetime(2004, 9, 14, 10, 21,
                                                                    tzinfo=datetime.UTC))
    message["Message-ID"] = headers.pop("message_id", email.utils.make_msgid("learnlink-test"))
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return message


# A real browser: Debian's Chromium through Playwright, JavaScript off.

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's Chromium is missing: install it with 'apt-get install -y chromium'")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the test's own database
    # calls are still synchronous, so Django's guard against async misuse does not apply.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def phone(chromium: Any, settings: Any) -> Iterator[Any]:
    # The test server finds static files by their plain names, not the hashed production ones.
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    context = chromium.new_context(java_script_enabled=False,
                                   viewport={"width": 360, "height": 740})
    yield context.new_page()
    context.close()
