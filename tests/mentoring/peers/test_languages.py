"""English, Kiswahili and French questions: each finds who wrote in its own language, and the
names of an enterprise in the directory carry a question across to the other two."""

import pytest

from learnlink.exchange.models import Group
from learnlink.mentoring.peers.finder import find_peers
from tests.conftest import make_person
from tests.mentoring.peers.conftest import archive

pytestmark = pytest.mark.django_db

ENGLISH, SWAHILI, FRENCH = "Jackson Mwasomola", "Atupele Mwakyusa", "Pascasie Ndayishimiye"


@pytest.fixture
def three_languages(peers):
    make_person(SWAHILI, "atupele@example.net", peers.mbonzo, "warehouse manager")
    make_person(FRENCH, "pascasie@example.org")
    archive(peers.public, (
        "atupele@example.net", "Stoo ya Mbonzo",
        "Tunapima kila gunia mbele ya mkulima, tunahifadhi mahindi ghalani na kumpa "
        "stakabadhi yenye jina, uzito na daraja."), (
        "pascasie@example.org", "Au Burundi",
        "Nous avons essayé les récépissés d'entrepôt avec deux coopératives de haricots."))
    return peers


def people(question: str) -> list[str]:
    everyone = set(Group.objects.values_list("pk", flat=True))
    return [peer.name for peer in find_peers(question, everyone).peers if peer.kind == "person"]


@pytest.mark.parametrize("question", [
    "Who has done warehouse receipts?",
    "Nani amefanya stakabadhi ghalani?",
    "Qui a fait des récépissés d'entrepôt ?",
])
def test_a_question_in_any_language_finds_those_who_wrote_in_each(three_languages, question):
    found = people(question)
    assert {ENGLISH, SWAHILI, FRENCH} <= set(found[:4]), found


def test_a_question_in_a_writers_own_words_puts_them_first_or_second(three_languages):
    assert people("Nani amepima magunia na kutoa stakabadhi?")[0] == SWAHILI
    french = people("Qui a essayé les récépissés d'entrepôt avec des coopératives ?")
    assert FRENCH in french[:2], french
    assert people("Who has done warehouse receipts?")[0] == ENGLISH
