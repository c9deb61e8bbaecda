"""The SMTP side of sending: `connections` threads, each with its own smtplib connection to the
relay, taking jobs from one queue and giving an outcome for every one, whatever the relay does.
The database side (what is due, what happened) is mail/sending.py's, in the calling thread:
Django's ORM may not be shared with these threads."""

from __future__ import annotations

import datetime
import queue
import smtplib
import ssl
import threading
import time
from dataclasses import dataclass

BATCH = 200  # deliveries claimed at once, and results written together at most
GROUP_WINDOW = 0.05  # seconds: how long results wait to be written together
CONNECTION = "connection: "  # how a connection lost in the middle of a message is recorded
UNREACHABLE = "unreachable: "  # and a relay that could not be reached at all


@dataclass(frozen=True)
class Relay:
    host: str
    port: int
    use_tls: bool = False  # STARTTLS after EHLO
    use_ssl: bool = False  # TLS from the first byte (port 465)
    username: str = ""
    password: str = ""
    timeout: float = 60.0  # seconds for each read or write on the connection


@dataclass(frozen=True)
class Job:
    pk: int
    sender: str
    recipient: str
    data: bytes
    queued: datetime.datetime


@dataclass(frozen=True)
class Outcome:
    job: Job
    error: str = ""
    permanent: bool = False
    refused_recipient: bool = False  # at RCPT: the address is the problem, not the message


_GREETING_STAGES = {smtplib.SMTPConnectError: "connect", smtplib.SMTPHeloError: "EHLO",
                    smtplib.SMTPAuthenticationError: "AUTH"}


class Pipeline:
    """`connections` threads, each with its own SMTP connection, taking jobs from one queue."""

    def __init__(self, target: Relay, connections: int) -> None:
        self.relay = target
        self.jobs: queue.Queue[Job | None] = queue.Queue()
        self.outcomes: queue.Queue[Outcome] = queue.Queue()
        self.threads = [threading.Thread(target=self._worker, name=f"smtp-{number}", daemon=True)
                        for number in range(connections)]

    def __enter__(self) -> Pipeline:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        for _thread in self.threads:
            self.jobs.put(None)
        for thread in self.threads:
            thread.join(self.relay.timeout + 10)

    def submit(self, jobs: list[Job]) -> None:
        for job in jobs:
            self.jobs.put(job)

    def results(self) -> list[Outcome]:
        """What finished within a few milliseconds of the first result: one transaction per
        group keeps the database from becoming the bottleneck, and the window is short."""
        finished = [self.outcomes.get()]
        deadline = time.monotonic() + GROUP_WINDOW
        while len(finished) < BATCH and (left := deadline - time.monotonic()) > 0:
            try:
                finished.append(self.outcomes.get(timeout=left))
            except queue.Empty:
                break
        return finished

    def _worker(self) -> None:
        smtp: smtplib.SMTP | None = None
        while (job := self.jobs.get()) is not None:
            smtp = self._deliver(smtp, job)
        if smtp is not None:
            _close(smtp)

    def _deliver(self, smtp: smtplib.SMTP | None, job: Job) -> smtplib.SMTP | None:
        """Send one job; the connection that can carry the next one, or None. Every job gives
        an outcome, whatever the relay does, or `results` would wait for it for ever."""
        try:
            if smtp is None:
                smtp = _reach(self.relay)
            smtp.sendmail(job.sender, [job.recipient], job.data, _options(smtp, job))
            self.outcomes.put(Outcome(job))
            return smtp
        except smtplib.SMTPRecipientsRefused as refused:
            code, text = next(iter(refused.recipients.values()))
            self.outcomes.put(Outcome(job, _reply(code, text, "RCPT"), code >= 500, True))
        except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as refusal:
            stage = "MAIL" if isinstance(refusal, smtplib.SMTPSenderRefused) else "DATA"
            self.outcomes.put(Outcome(job, _reply(refusal.smtp_code, refusal.smtp_error, stage),
                                      refusal.smtp_code >= 500))
        except (smtplib.SMTPConnectError, smtplib.SMTPHeloError,
                smtplib.SMTPAuthenticationError) as refusal:
            # The relay refuses us, not this message: tried again later, nobody's bounce.
            stage = _GREETING_STAGES[type(refusal)]
            self.outcomes.put(Outcome(job, _reply(refusal.smtp_code, refusal.smtp_error, stage)))
            smtp = None
        except Unreachable as error:
            self.outcomes.put(Outcome(job, f"{UNREACHABLE}{error}"))
            return None
        except Exception as error:
            # Timeouts, resets, a reply that is not SMTP: tried again later.
            self.outcomes.put(Outcome(job, f"{CONNECTION}{_cause(error)}"))
            if smtp is not None:
                _close(smtp)
            return None
        return _reusable(smtp)


class Unreachable(Exception):
    """No SMTP conversation with the relay at all: refused, timed out or cut before EHLO."""


def _reach(relay: Relay) -> smtplib.SMTP:
    """`connect`, with the relay's absence told apart from its answers (a refusal in its own
    words, or nonsense), which keep their own handling."""
    try:
        return connect(relay)
    except smtplib.SMTPResponseException:
        raise
    except OSError as error:  # smtplib's own errors are OSErrors too: a disconnection
        raise Unreachable(_cause(error)) from error


def connect(relay: Relay) -> smtplib.SMTP:
    """An SMTP connection that has said EHLO, with TLS and AUTH if the relay wants them."""
    smtp: smtplib.SMTP
    if relay.use_ssl:
        smtp = smtplib.SMTP_SSL(relay.host, relay.port, timeout=relay.timeout,
                                context=ssl.create_default_context())
    else:
        smtp = smtplib.SMTP(relay.host, relay.port, timeout=relay.timeout)
    try:
        smtp.ehlo()
        if relay.use_tls:
            smtp.starttls(context=ssl.create_default_context())
            smtp.ehlo()
        if relay.username:
            smtp.login(relay.username, relay.password)
    except Exception:
        smtp.close()
        raise
    return smtp


def crlf(data: bytes) -> bytes:
    """CRLF line ends, as SMTP wants and smtplib leaves bytes: once per rendered message, not
    once per recipient (smtplib doubles leading dots itself)."""
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def _options(smtp: smtplib.SMTP, job: Job) -> list[str]:
    """SMTPUTF8 for an address in Unicode, which the relay must then offer."""
    if (job.sender + job.recipient).isascii():
        return []
    if not smtp.has_extn("smtputf8"):
        raise smtplib.SMTPSenderRefused(553, b"the relay takes no address in Unicode "
                                             b"(no SMTPUTF8)", job.sender)
    return ["SMTPUTF8"]


def _reply(code: int, text: bytes | str, stage: str) -> str:
    words = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return f"{code} {words} (after {stage})"


def _cause(error: Exception) -> str:
    """smtplib reports a timeout or a reset as a disconnection: name what happened."""
    if isinstance(error, smtplib.SMTPServerDisconnected) and isinstance(error.__context__,
                                                                        OSError):
        error = error.__context__
    return f"{type(error).__name__}: {error}"


def _reusable(smtp: smtplib.SMTP | None) -> smtplib.SMTP | None:
    """After a refused transaction, RSET and go on; after 421 (smtplib then closes) or a failed
    RSET, the next job connects again."""
    if smtp is None or smtp.sock is None:
        return None
    try:
        smtp.rset()
        return smtp
    except Exception:
        _close(smtp)
        return None


def _close(smtp: smtplib.SMTP) -> None:
    try:
        smtp.quit()
    except Exception:
        smtp.close()
