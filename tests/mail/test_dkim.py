"""With a DKIM key configured, every copy leaves signed, and the signature verifies against
the public key a domain would publish: footers differ per member, so each copy is signed."""

import base64
import subprocess

import dkim
import pytest

from learnlink.mail.outbox import enqueue, new_marker
from learnlink.mail.sending import send_due
from tests.conftest import email_from


@pytest.fixture
def dkim_key(tmp_path, settings):
    """A fresh 2048-bit key made with openssl, and the TXT record its domain would publish."""
    private = tmp_path / "dkim.pem"
    subprocess.run(["openssl", "genrsa", "-out", str(private), "2048"], check=True,
                   capture_output=True)
    public = subprocess.run(["openssl", "rsa", "-in", str(private), "-pubout", "-outform",
                             "DER"], check=True, capture_output=True).stdout
    settings.DKIM_KEY_FILE, settings.DKIM_SELECTOR = str(private), "ll2026"
    return b"v=DKIM1; k=rsa; p=" + base64.b64encode(public)


def received_bytes(message) -> bytes:
    return message.as_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def test_each_copy_is_signed_and_verifies(smtp_sink, dkim_key):
    marker = new_marker()
    mail = email_from("muheza-oranges@learnlink.localhost", "muheza-oranges@learnlink.localhost",
                      "Prices this week", f"Oranges at 300 a kilo.\nYour page: {marker}\n")
    enqueue(mail.as_bytes(), [("halima@example.org", "token-halima"),
                              ("joseph.mshana@example.org", "token-joseph")],
            channel="muheza-oranges", marker=marker)
    send_due()

    def dns(name, timeout=5):
        return dkim_key if name == b"ll2026._domainkey.learnlink.localhost." else None

    assert len(smtp_sink.messages) == 2
    for token in ["token-halima", "token-joseph"]:
        [copy] = [m for m in smtp_sink.messages if token in m.get_content()]
        assert "d=learnlink.localhost" in copy["DKIM-Signature"]
        assert dkim.verify(received_bytes(copy), dnsfunc=dns)


def test_a_changed_copy_no_longer_verifies(smtp_sink, dkim_key):
    mail = email_from("learnlink@learnlink.localhost", "halima@example.org", "Hello", "Asante")
    enqueue(mail.as_bytes(), [("halima@example.org", "")])
    send_due()
    [copy] = smtp_sink.messages
    tampered = received_bytes(copy).replace(b"Asante", b"Asanteni")
    assert not dkim.verify(tampered, dnsfunc=lambda name, timeout=5: dkim_key)
