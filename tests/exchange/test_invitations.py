"""Mass invitation from a spreadsheet (issue 20, item 6): a mentor uploads a CSV or an XLSX of
addresses; every row is checked first, and one bad row sends nothing and writes nothing, the
page naming the row and what to fix. When all rows are good each address gets a mail from the
real SMTP sink saying who invited it, and joins by the link (one button) or by a reply through
our real mail server; nothing signs the invitee in. Members are left out, and said so."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from learnlink.exchange.membership import create_group
from learnlink.exchange.models import BannedAddress, Membership, Subscription
from tests.conftest import PASSWORD, make_member
from tests.exchange.test_join_on_the_web import link_in
from tests.exchange.test_reply_addresses import reply

pytestmark = pytest.mark.usefixtures("our_mta")
DATA = Path(__file__).resolve().parent.parent / "data" / "invitations"
INVITE = "/groups/muheza-oranges/members/invite/"
MWAJUMA, BAKARI, RUTH = ("mwajuma.kombo@example.org", "bakari.mhina@example.net",
                         "ruth.kamau@agrifund.example.org")


def upload(client, name: str, content: bytes | None = None, url: str = INVITE):
    data = content if content is not None else (DATA / name).read_bytes()
    return client.post(url, {"file": SimpleUploadedFile(name, data)}, follow=True)


def xlsx(rows: list[list[str]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"  # Excel's own name: the first sheet is read, whatever its name
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def role_of(address: str) -> str:
    return Membership.objects.get(person__email_addresses__address=address).role


@pytest.fixture
def signed_in_mentor(client, oranges, smtp_sink):
    client.login(username="joseph.mshana@example.org", password=PASSWORD)
    return client


def test_three_invitees_are_mailed_and_join_by_link_and_by_reply(signed_in_mentor, smtp_sink,
                                                                 mail_server):
    page = upload(signed_in_mentor, "workshop.csv").content.decode()
    assert "3 invitations sent." in page
    invitations = {address: smtp_sink.to(address) for address in (MWAJUMA, BAKARI, RUTH)}
    assert all(len(mails) == 1 for mails in invitations.values())
    [mail] = invitations[MWAJUMA]
    assert str(mail["Subject"]) == "Joseph Mshana invited you to join Muheza orange growers"
    text = mail.get_content()
    assert "Or simply reply to this email." in text
    assert not Membership.objects.filter(person__email_addresses__address=MWAJUMA).exists()

    anonymous = signed_in_mentor
    anonymous.logout()
    anonymous.post(link_in(mail))
    reply(mail_server, invitations[RUTH][0], RUTH)

    assert role_of(MWAJUMA) == "learner" and role_of(RUTH) == "observer"
    assert "_auth_user_id" not in anonymous.session, "an invitation signs no one in"
    assert str(smtp_sink.to(MWAJUMA)[-1]["Subject"]) == "Welcome to Muheza orange growers"
    assert list(Subscription.objects.values_list("address", flat=True)) == [BAKARI]


def test_a_bad_address_names_its_row_and_nothing_is_sent_or_kept(signed_in_mentor, smtp_sink):
    response = upload(signed_in_mentor, "bad_address.csv")
    page = response.content.decode()
    assert response.status_code == 400
    assert "Nothing sent: 1 problem to fix" in page
    assert ("row 3: address &#x27;bakari.mhina(at)example.net&#x27; is not an email address"
            in page)
    assert not Subscription.objects.exists()
    assert smtp_sink.messages == []


def test_a_row_given_twice_is_refused_and_a_member_is_left_out(signed_in_mentor, smtp_sink):
    page = upload(signed_in_mentor, "duplicate.csv").content.decode()
    assert "row 4: mwajuma.kombo@example.org is already on row 2; keep one of the two rows" \
        in page
    assert not Subscription.objects.exists() and smtp_sink.messages == []

    fixed = "address,name\nmwajuma.kombo@example.org,Mwajuma Kombo\nhalima@example.org,H\n"
    page = upload(signed_in_mentor, "fixed.csv", fixed.encode()).content.decode()
    assert "1 invitation sent." in page
    assert "Already members, not invited: halima@example.org" in page
    assert smtp_sink.to("halima@example.org") == []


def test_a_banned_address_a_mentor_role_and_too_many_rows_are_refused(signed_in_mentor,
                                                                       oranges, smtp_sink):
    BannedAddress.objects.create(group=oranges, address=BAKARI)
    rows = f"address,role\n{MWAJUMA},mentor\n{BAKARI},\n"
    page = upload(signed_in_mentor, "roles.csv", rows.encode()).content.decode()
    assert "row 2: role &#x27;mentor&#x27;: an invitation makes a learner or an observer" in page
    assert f"row 3: {BAKARI} is banned from this group" in page
    many = "address\n" + "".join(f"farmer{n}@example.org\n" for n in range(501))
    page = upload(signed_in_mentor, "many.csv", many.encode()).content.decode()
    assert "501 rows; at most 500 invitations a file" in page
    huge = b"address\n" + b"x" * (2 * 1024 * 1024)
    page = upload(signed_in_mentor, "huge.csv", huge).content.decode()
    assert "The file is larger than 2.0\xa0MB: split it." in page
    assert not Subscription.objects.exists() and smtp_sink.messages == []


def test_an_xlsx_works_as_a_csv(signed_in_mentor, smtp_sink):
    book = xlsx([["address", "name", "role"], [MWAJUMA, "Mwajuma Kombo", ""],
                 [RUTH, "Ruth Kamau", "Observer"]])
    page = upload(signed_in_mentor, "warsha.xlsx", book).content.decode()
    assert "2 invitations sent." in page
    assert dict(Subscription.objects.values_list("address", "role")) == {
        MWAJUMA: "learner", RUTH: "observer"}
    assert len(smtp_sink.to(RUTH)) == 1


def test_an_invitation_to_a_members_only_group_stands_until_confirmed(client, mentor,
                                                                      smtp_sink, mail_server):
    create_group("mentors-room", "Mentors' room", private=True)
    client.login(username="joseph.mshana@example.org", password=PASSWORD)
    upload(client, "two.csv", f"address\n{MWAJUMA}\n{RUTH}\n".encode(),
           url="/groups/mentors-room/members/invite/")
    [by_link], [by_reply] = smtp_sink.to(MWAJUMA), smtp_sink.to(RUTH)
    client.logout()
    client.post(link_in(by_link))
    reply(mail_server, by_reply, RUTH)
    assert set(Membership.objects.filter(group__slug="mentors-room").values_list(
        "person__email_addresses__address", flat=True)) == {MWAJUMA, RUTH}


def test_only_moderators_reach_the_invitation_page(client, oranges, outsider, smtp_sink):
    assert client.get(INVITE).status_code == 302, "a guest is asked to sign in"
    for who in ("someone@example.com", "halima@example.org"):
        client.login(username=who, password=PASSWORD)
        assert client.get(INVITE).status_code == 404
        assert upload(client, "workshop.csv").status_code == 404
    assert not Subscription.objects.exists() and smtp_sink.messages == []


def test_a_group_mentor_without_the_network_role_invites(client, oranges, smtp_sink):
    from learnlink.exchange.membership import add_member

    make_member(None, "Zuhura Shemdoe", "zuhura.shemdoe@example.org")
    add_member(oranges, "zuhura.shemdoe@example.org", role="mentor")
    client.login(username="zuhura.shemdoe@example.org", password=PASSWORD)
    assert "3 invitations sent." in upload(client, "workshop.csv").content.decode()
