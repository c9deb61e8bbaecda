"""Every page in English, Swahili and French, light enough for a phone on a slow line."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from learnlink.exchange.member_links import member_token
from learnlink.exchange.models import PendingChange
from learnlink.exchange.muting import mute_token
from learnlink.mentoring.models import Resource, Theme
from learnlink.mentoring.nudges.links import not_now_link, opt_out_link
from learnlink.mentoring.resources.library import save_resource

PAGE_BUDGET = 50 * 1024

# One phrase per page and language: the page really is translated, not just rendered.
PHRASES = {
    "home": {"en": "Browse the directory", "sw": "Pitia saraka", "fr": "Parcourir l’annuaire"},
    "directory": {"en": "Directory of organisations", "sw": "Saraka ya mashirika",
                  "fr": "Annuaire des organisations"},
    "organisation": {"en": "Member of", "sw": "Ni mwanachama wa", "fr": "Membre de"},
    "person": {"en": "Organisations", "sw": "Mashirika", "fr": "Organisations"},
    "login": {"en": "Email me a link", "sw": "Nitumie kiungo", "fr": "M’envoyer un lien"},
    "groups": {"en": "Each group is an email address", "sw": "Kila kikundi ni anwani",
               "fr": "Chaque groupe est une adresse"},
    "group": {"en": "Latest discussions", "sw": "Mijadala ya karibuni",
              "fr": "Dernières discussions"},
    "files": {"en": "The files sent with this group", "sw": "Faili zilizotumwa pamoja na ujumbe",
              "fr": "Les fichiers envoyés avec les messages"},
    "thread": {"en": "Reply by email", "sw": "Jibu kwa barua pepe", "fr": "Répondre par courriel"},
    "search": {"en": "1 message found", "sw": "ujumbe 1 umepatikana", "fr": "1 message trouvé"},
    "membership": {"en": "Your membership", "sw": "Uanachama wako", "fr": "Votre adhésion"},
    "confirm_change": {"en": "Receive web only from", "sw": "Upokee", "fr": "Recevoir"},
    "address": {"en": "Send a confirmation link", "sw": "Tuma kiungo cha uthibitisho",
                "fr": "Envoyer un lien de confirmation"},
    "mail_catalogue": {"en": "Kinds of mail", "sw": "Aina za barua", "fr": "Types de courriels"},
    "synthesised_thread": {"en": "The mentors' synthesis of this discussion",
                           "sw": "Muhtasari wa washauri wa mjadala huu",
                           "fr": "La synthèse des mentors sur cette discussion"},
    "syntheses": {"en": "What the discussions of your groups have learned",
                  "sw": "Mijadala ya vikundi vyako imejifunza nini",
                  "fr": "Ce que les discussions de vos groupes ont appris"},
    "synthesis_draft": {"en": "Synthesise several threads of this group, or a month",
                        "sw": "Andika muhtasari wa mijadala kadhaa",
                        "fr": "Synthétiser plusieurs discussions de ce groupe"},
    "synthesis_pick": {"en": "A topic: the threads you choose", "sw": "Mada: mijadala unayochagua",
                       "fr": "Un thème : les discussions que vous choisissez"},
    "synthesis": {"en": "no translation yet: readers get the original",
                  "sw": "bado hakuna tafsiri", "fr": "pas encore de traduction"},
    "synthesis_version": {"en": "Version 1, ", "sw": "Toleo 1, ", "fr": "Version 1, "},
    "synthesis_edit": {"en": "Every save is kept as a new version",
                       "sw": "Kila uhifadhi unawekwa kama toleo jipya",
                       "fr": "Chaque enregistrement est gardé comme une nouvelle version"},
    "synthesis_send": {"en": "receive this message from you", "sw": "wanapokea ujumbe huu",
                       "fr": "reçoivent ce message de votre part"},
    "cleanup_thread": {"en": "Merge into another thread", "sw": "Unganisha na mjadala mwingine",
                       "fr": "Fusionner avec une autre discussion"},
    "cleanup_message": {"en": "Split the thread here", "sw": "Gawanya mjadala hapa",
                        "fr": "Scinder la discussion ici"},
    "cleanup_log": {"en": "No mentor has cleaned up this thread yet.",
                    "sw": "Bado hakuna mshauri aliyepanga mjadala huu.",
                    "fr": "Aucun mentor n’a encore rangé cette discussion."},
    "introductions": {"en": "Introduce two organisations", "sw": "Tambulisha mashirika mawili",
                      "fr": "Mettre deux organisations en relation"},
    "introduction": {"en": "Wants to learn", "sw": "Wanataka kujifunza", "fr": "Veut apprendre"},
    "introduction_new": {"en": "Why they should talk", "sw": "Kwa nini wazungumze",
                         "fr": "Pourquoi ils devraient se parler"},
    "peers": {"en": "Ranked by the evidence", "sw": "Wamepangwa kwa ushahidi",
              "fr": "Classés selon les preuves"},
    "resources": {"en": "Library of resources", "sw": "Maktaba ya nyenzo",
                  "fr": "Bibliothèque de ressources"},
    "resource": {"en": "Members of the network see", "sw": "Wanachama wa mtandao wanaona",
                 "fr": "Les membres du réseau voient"},
    "resource_add": {"en": "Add to the library: guide", "sw": "Ongeza kwenye maktaba: mwongozo",
                     "fr": "Ajouter à la bibliothèque : guide"},
    "thread_labels": {"en": "What each message is", "sw": "Kila ujumbe ni nini",
                      "fr": "Ce qu’est chaque message"},
    "writeups": {"en": "Write-ups of your groups", "sw": "Maandiko ya vikundi vyako",
                 "fr": "Récits de vos groupes"},
    "writeups_published": {"en": "written up with a mentor", "sw": "kimeandikwa pamoja na mshauri",
                           "fr": "mis par écrit avec un mentor"},
    "writeup": {"en": "The experience of", "sw": "Uzoefu wa", "fr": "L’expérience de"},
    "writeup_to_approve": {"en": "Is it right?", "sw": "Je, liko sawa?", "fr": "Est-il juste ?"},
    "writeup_from_thread": {"en": "Messages to quote", "sw": "Ujumbe wa kunukuu",
                            "fr": "Messages à citer"},
    "writeup_from_guide": {"en": "What was tried, and with whom",
                           "sw": "Kilichojaribiwa, na pamoja na nani",
                           "fr": "Ce qui a été essayé, et avec qui"},
    "writeup_edit": {"en": "Save a new version", "sw": "Hifadhi toleo jipya",
                     "fr": "Enregistrer une nouvelle version"},
    "writeup_version": {"en": "Version 1", "sw": "Toleo 1", "fr": "Version 1"},
    "mentoring": {"en": "What needs a mentor now", "sw": "Kinachomhitaji mshauri sasa",
                  "fr": "Ce qui attend un mentor maintenant"},
    "mentoring_group": {"en": "Settings of this group", "sw": "Mipangilio ya kikundi hiki",
                        "fr": "Réglages de ce groupe"},
    "members": {"en": "Inner circle", "sw": "Mzunguko wa ndani", "fr": "Cercle intérieur"},
    "group_settings": {"en": "Save the settings", "sw": "Hifadhi mipangilio",
                       "fr": "Enregistrer les réglages"},
    "nudge_not_now": {"en": "Not now", "sw": "Si sasa", "fr": "Pas maintenant"},
    "nudge_opt_out": {"en": "No more reminders", "sw": "Hakuna vikumbusho tena",
                      "fr": "Plus de rappels"},
    "agenda": {"en": "Learning agenda", "sw": "Ajenda ya kujifunza",
               "fr": "Agenda d’apprentissage"},
    "agenda_topic": {"en": "Supported by", "sw": "Inaungwa mkono na", "fr": "Soutenu par"},
    "agenda_workshop": {"en": "Other participants, one a line",
                        "sw": "Washiriki wengine, mmoja kwa kila mstari",
                        "fr": "Autres participants, un par ligne"},
    "monitor": {"en": "Who keeps the group's learning contract", "sw": "Nani anatimiza mkataba",
                "fr": "Qui tient le contrat d’apprentissage"},
    "monitor_journal": {"en": "Learning journal of", "sw": "Shajara ya kujifunza ya",
                        "fr": "Journal d’apprentissage de"},
    "monitor_network": {"en": "How many organisations of each group",
                        "sw": "Mashirika mangapi ya kila kikundi",
                        "fr": "Combien d’organisations de chaque groupe"},
}
PHRASES |= {  # learning contracts
    "contracts": {"en": "Learning contracts", "sw": "Mikataba ya kujifunza",
                  "fr": "Contrats d’apprentissage"},
    "contract": {"en": "Each organisation that agrees commits to",
                 "sw": "Kila shirika linalokubali linaahidi",
                 "fr": "Chaque organisation qui accepte s’engage à"},
    "contract_new": {"en": "Save the contract", "sw": "Hifadhi mkataba",
                     "fr": "Enregistrer le contrat"},
    "contract_edit": {"en": "Change the contract", "sw": "Badilisha mkataba",
                      "fr": "Modifier le contrat"},
}
PHRASES |= {  # the library of practices
    "practices": {"en": "Library of practices", "sw": "Maktaba ya mbinu",
                  "fr": "Bibliothèque des pratiques"},
    "practice": {"en": "Where it came from and where it went", "sw": "Ilikotoka na ilikokwenda",
                 "fr": "D’où elle vient et où elle est allée"},
    "practice_new": {"en": "Save the practice", "sw": "Hifadhi mbinu",
                     "fr": "Enregistrer la pratique"},
    "practice_edit": {"en": "Images only from this site", "sw": "Picha kutoka tovuti hii tu",
                      "fr": "Images de ce site uniquement"},
    "practice_adoption": {"en": "Record an adoption", "sw": "Andika waliochukua mbinu",
                          "fr": "Noter une adoption"},
    "practices_report": {"en": "Furthest travelled", "sw": "Zilizosafiri mbali zaidi",
                         "fr": "Celles qui sont allées le plus loin"},
}
PHRASES |= {  # stories, news and interviews
    "stories": {"en": "Stories, news and interviews", "sw": "Hadithi, habari na mahojiano",
                "fr": "Récits, nouvelles et entretiens"},
    "story": {"en": "Related practices", "sw": "Mbinu zinazohusiana", "fr": "Pratiques liées"},
    "story_new": {"en": "Questions and answers (for an interview)",
                  "sw": "Maswali na majibu (kwa mahojiano)",
                  "fr": "Questions et réponses (pour un entretien)"},
    "story_edit": {"en": "Remove the photo", "sw": "Ondoa picha", "fr": "Retirer la photo"},
}
PHRASES |= {  # muting a thread, from the link in a copy's footer
    "mute_thread": {"en": "Mute this thread?", "sw": "Zima mjadala huu?",
                    "fr": "Mettre cette discussion en sourdine ?"},
}
PHRASES |= {  # posting on the web
    "new_topic": {"en": "Your post goes to", "sw": "Ujumbe wako unakwenda",
                  "fr": "Votre message part"},
    "reply": {"en": "In reply to Halima Omari", "sw": "Kujibu Halima Omari",
              "fr": "En réponse à Halima Omari"},
}
PHRASES |= {  # the moderators' members page
    "members_manage": {"en": "A held member's posts wait in the moderation queue",
                       "sw": "Jumbe za mwanachama aliyezuiwa zinasubiri",
                       "fr": "Les messages d’un membre retenu attendent"},
    "invite": {"en": "Send the invitations", "sw": "Tuma mialiko",
               "fr": "Envoyer les invitations"},
}
# Pages for the learner, signed in.
SIGNED_IN = {"address", "writeup_to_approve", "members", "agenda", "agenda_topic", "contracts",
             "contract"}
SIGNED_IN |= {"new_topic", "reply"}
# Pages for staff (and the network's mentors).
FOR_STAFF = {"mail_catalogue", "resource_add", "monitor_network"}
# Pages for the group's mentors.
FOR_MENTOR = {
    "syntheses", "synthesis_draft", "synthesis_pick", "synthesis", "synthesis_version",
    "synthesis_edit", "synthesis_send",
    "cleanup_thread", "cleanup_message", "cleanup_log",
    "introductions", "introduction", "introduction_new",
    "thread_labels",
    "writeups", "writeup_from_thread", "writeup_from_guide", "writeup_edit", "writeup_version",
    "mentoring", "mentoring_group",
    "agenda_workshop",
    "monitor", "monitor_journal",
}
FOR_MENTOR |= {"contract_new", "contract_edit"}
FOR_MENTOR |= {"group_settings"}
FOR_MENTOR |= {"practice_new", "practice_edit", "practice_adoption"}
FOR_MENTOR |= {"story_new", "story_edit"}
FOR_MENTOR |= {"members_manage", "invite"}


def urls(network, thread) -> dict[str, str]:
    synthesis = synthesised(thread)
    return {
        "groups": reverse("exchange:groups"),
        "group": reverse("exchange:group", args=[thread.group.slug]),
        "thread": thread.get_absolute_url(),
        "files": reverse("exchange:files", args=[thread.group.slug]),
        "search": reverse("search") + "?q=grading",
        "home": reverse("home"),
        "directory": reverse("people:directory"),
        "organisation": network["growers"].get_absolute_url(),
        "person": network["chair"].get_absolute_url(),
        "login": reverse("login"),
        "membership": reverse("membership:settings", args=[
            member_token(thread.group.memberships.get(person__name="Halima Omari"))]),
        "confirm_change": reverse("membership:confirm_change", args=[
            PendingChange.objects.create(
                membership=thread.group.memberships.get(person__name="Halima Omari"),
                change="none", address="halima@example.org").token]),
        "mute_thread": reverse("exchange:mute_link", args=[mute_token(
            thread.group.memberships.get(person__name="Halima Omari").person_id, thread.pk)]),
        "address": reverse("change_address"),
        "new_topic": reverse("exchange:new_topic", args=[thread.group.slug]),
        "reply": reverse("exchange:reply", args=[thread.group.slug, thread.pk]),
        "mail_catalogue": reverse("mail:catalogue"),
        "synthesised_thread": thread.get_absolute_url(),
        "syntheses": reverse("mentoring:syntheses"),
        "synthesis_draft": reverse("mentoring:synthesis_draft", args=[thread.pk]),
        "synthesis_pick": reverse("mentoring:syntheses_pick", args=[thread.group.slug]),
        "synthesis": synthesis.get_absolute_url(),
        "synthesis_version": reverse("mentoring:synthesis_version", args=[synthesis.pk, 1]),
        "synthesis_edit": reverse("mentoring:synthesis_edit", args=[synthesis.pk, "sw"]),
        "synthesis_send": reverse("mentoring:synthesis_send", args=[synthesis.pk]),
        "cleanup_thread": reverse("mentoring:cleanup:thread", args=[thread.pk]),
        "cleanup_message": reverse("mentoring:cleanup:message",
                                   args=[thread.messages.get().pk]),
        "cleanup_log": reverse("mentoring:cleanup:log", args=[thread.pk]),
        "introductions": reverse("mentoring:introductions"),
        "introduction": introduction(network, thread).get_absolute_url(),
        "introduction_new": f"{reverse('mentoring:introduction_new')}?thread={thread.pk}",
        "peers": reverse("mentoring:peers") + "?q=who+grades+oranges",
        "resources": reverse("mentoring:resources") + "?q=radio",
        "resource": _expert(network).get_absolute_url(),
        "resource_add": reverse("mentoring:resource_add", args=["guide"]),
        "thread_labels": f"{thread.get_absolute_url()}?labels=1",
        **writeup_urls(thread),
        "mentoring": reverse("mentoring:dashboard"),
        "mentoring_group": reverse("mentoring:group", args=[thread.group.slug]),
        "members": reverse("exchange:members", args=[thread.group.slug]),
        "members_manage": reverse("exchange:members_manage", args=[thread.group.slug]),
        "invite": reverse("exchange:invite", args=[thread.group.slug]),
        "group_settings": reverse("exchange:settings", args=[thread.group.slug]),
        "nudge_not_now": not_now_link(network["growers"].pk, "quiet"),
        "nudge_opt_out": opt_out_link(network["chair"].pk),
        **agenda_urls(thread),
        **contract_urls(thread),
        "monitor": reverse("mentoring:monitor", args=[thread.group.slug]),
        "monitor_journal": reverse("mentoring:monitor_journal",
                                   args=[thread.group.slug, network["growers"].slug]),
        "monitor_network": reverse("mentoring:monitor_network"),
        **practice_urls(network),
        **story_urls(network),
    }


def practice_urls(network) -> dict[str, str]:
    """A published practice of Muheza's growers, in English only, with its origin."""
    import datetime

    from learnlink.knowledge.journeys import record_origin
    from learnlink.knowledge.models import Practice, PracticeOrigin

    practice = Practice.objects.create(
        title="Brokering deals with big buyers", summary="A broker found a buyer in Tanga.",
        done="Three **grades**.", language="en", place=network["muheza"], state="published")
    practice.enterprises.set([network["oranges"]])
    record_origin(PracticeOrigin(practice=practice, organisation=network["union"],
                                 place=network["muheza"], date=datetime.date(2003, 6, 1)))
    return {"practices": reverse("knowledge:practices"),
            "practice": practice.get_absolute_url(),
            "practice_new": reverse("knowledge:new"),
            "practice_edit": reverse("knowledge:edit", args=[practice.pk]),
            "practice_adoption": reverse("knowledge:add_adoption", args=[practice.pk]),
            "practices_report": reverse("knowledge:report")}


def story_urls(network) -> dict[str, str]:
    """A published interview about Babati's market spies, related to a published practice."""
    from learnlink.knowledge.models import Practice, Question, Story
    from learnlink.knowledge.story_actions import publish

    interview = Story.objects.create(
        kind="interview", title="Daudi Tlatla, market spy in Babati", language="en",
        summary="Prices on village billboards.", byline="Elisante Massawe")
    Question.objects.create(story=interview, position=1, question="Where did it come from?",
                            answer="From Mufindi.")
    interview.organisations.set([network["spies"]])
    interview.practices.set(Practice.objects.published())
    publish(interview)
    return {"stories": reverse("stories:list"), "story": interview.get_absolute_url(),
            "story_new": reverse("stories:new"),
            "story_edit": reverse("stories:edit", args=[interview.pk])}


def agenda_urls(thread) -> dict[str, str]:
    """The group's agenda, a topic Halima proposed, linked to the thread, and the workshop form."""
    from learnlink.mentoring.agenda import actions

    halima = thread.group.memberships.get(person__name="Halima Omari").person
    topic = actions.propose(thread.group, halima, "Grading for the Tanga buyer")
    actions.link_thread(topic, thread)
    return {
        "agenda": reverse("mentoring:agenda", args=[thread.group.slug]),
        "agenda_topic": topic.get_absolute_url(),
        "agenda_workshop": reverse("mentoring:agenda_workshop", args=[thread.group.slug]),
    }


def contract_urls(thread) -> dict[str, str]:
    """The group's contract, drafted by its mentor with the five commitments, not offered."""
    from django.utils import timezone

    from learnlink.mentoring.contracts import actions

    today = timezone.localdate()
    contract = actions.draft(thread.group, actions.Terms(
        "Learning contract", today, today.replace(year=today.year + 1),
        actions.default_commitments()), thread.group.memberships.get(role="mentor").person)
    return {"contracts": reverse("mentoring:contracts", args=[thread.group.slug]),
            "contract": reverse("mentoring:contract", args=[contract.pk]),
            "contract_new": reverse("mentoring:contract_new", args=[thread.group.slug]),
            "contract_edit": reverse("mentoring:contract_edit", args=[contract.pk])}


def writeup_urls(thread) -> dict[str, str]:
    """A write-up of Halima's from the thread, published; another one waiting for her."""
    from django.contrib.auth.models import User

    from learnlink.mentoring.writeups import actions
    from learnlink.mentoring.writeups.drafts import quotable

    mentor = actions.Actor.on_web(User.objects.get(username="joseph.mshana@example.org"))
    halima = thread.group.memberships.get(person__name="Halima Omari").person
    begun = actions.Start(thread.group, halima, None, "Grading at Kilulu", "en")
    published, waiting = (actions.start_from_thread(begun, thread, quotable(thread), mentor)
                          for _n in range(2))
    for writeup in (published, waiting):
        actions.send_to_learner(writeup, mentor)
    actions.approve(published, actions.Actor.on_web(halima.user), publish=True)
    return {
        "writeups": reverse("mentoring:writeups:list"),
        "writeups_published": reverse("mentoring:writeups:published"),
        "writeup": published.get_absolute_url(),
        "writeup_to_approve": waiting.get_absolute_url(),
        "writeup_from_thread": reverse("mentoring:writeups:new_from_thread", args=[thread.pk]),
        "writeup_from_guide": reverse("mentoring:writeups:new_from_guide",
                                      args=[thread.group.slug]),
        "writeup_edit": reverse("mentoring:writeups:edit", args=[waiting.pk]),
        "writeup_version": reverse("mentoring:writeups:version", args=[waiting.pk, 1]),
    }


def synthesised(thread):
    """The thread's published synthesis, its one point linked to the thread's message."""
    from learnlink.mentoring.syntheses import services
    from learnlink.mentoring.syntheses.content import Content, Item

    message = thread.messages.get()
    synthesis = services.start(thread.group, [thread], title="Grading", language="en",
                               content=Content([Item("Three sizes.", message.message_id)],
                                               "Graded before the lorry."), by=None)
    services.publish(synthesis)
    return synthesis


def introduction(network, thread):
    """Babati's market spies introduced to Kilulu's growers, from the thread."""
    from learnlink.mentoring.introductions.evidence import resolve_evidence
    from learnlink.mentoring.introductions.sending import introduce
    from learnlink.people.models import Affiliation
    from tests.conftest import make_person

    spy = make_person("Daudi Tlatla", "daudi.tlatla@example.net", network["spies"], "market spy")
    return introduce(thread.group.memberships.get(role="mentor").person, Affiliation.objects.get(
        person=spy), Affiliation.objects.get(person=network["chair"]),
        "Babati wants to grade rice as Kilulu grades oranges.",
        resolve_evidence(thread.get_absolute_url()), thread)


def _expert(network) -> Resource:
    """An outside expert in the library, tagged, with contact details a guest does not see."""
    return save_resource(Resource(kind="contact", title="Hussein Lema",
                                  organisation="Community radio, Babati", phone="+255 700 000 199",
                                  description="Reads the village price boards on the radio."),
                         [network["oranges"]], Theme.objects.all()[:2])


def page_weight(client, html: str) -> int:
    """The HTML and everything it links to (stylesheets, images, scripts), uncompressed."""
    total = len(html.encode())
    for ref in re.findall(r'(?:href|src)="(/static/[^"]+)"', html):
        path = finders.find(re.sub(r"\.[0-9a-f]{12}\.", ".", ref.removeprefix("/static/")))
        assert path, ref
        with open(path, "rb") as f:
            total += len(f.read())
    return total


@pytest.fixture
def thread(oranges):
    from learnlink.mail.inbox import receive
    from learnlink.mail.models import Source
    from tests.conftest import email_from

    message = email_from("halima@example.org", oranges.address, "Grading oranges",
                         "We grade them in three sizes before the lorry comes.")
    receive(message.as_bytes(), [oranges.address], Source.PIPE)
    return oranges.threads.get()


@pytest.mark.parametrize("language", ["en", "sw", "fr"])
@pytest.mark.parametrize("name", list(PHRASES))
def test_each_page_renders_translated_and_light(client, network, thread, name, language,
                                                learner, request):
    if name in SIGNED_IN:
        client.force_login(learner)
    if name in FOR_STAFF:
        client.force_login(request.getfixturevalue("staff"))
    if name in FOR_MENTOR:
        client.force_login(request.getfixturevalue("mentor"))
    client.cookies["django_language"] = language
    check_page(client, client.get(urls(network, thread)[name]), 200, language,
               PHRASES[name][language])


# Pages that answer a form (what is posted, the status, a phrase in each language).
POSTED = {
    "join_asked": ({"address": "daudi@example.net"}, 200,
                   {"en": "a message is on its way to it", "sw": "ujumbe unatumwa kwake",
                    "fr": "un message part vers cette adresse"}),
    "join_form": ({"address": "daudi at example"}, 400,
                  {"en": "Join this group", "sw": "Jiunge na kikundi hiki",
                   "fr": "Rejoindre ce groupe"}),
}


@pytest.mark.parametrize("language", ["en", "sw", "fr"])
@pytest.mark.parametrize("name", list(POSTED))
def test_each_form_answer_renders_translated_and_light(client, oranges, name, language):
    data, status, phrases = POSTED[name]
    client.cookies["django_language"] = language
    check_page(client, client.post(reverse("exchange:join", args=[oranges.slug]), data),
               status, language, phrases[language])


def check_page(client, response, status: int, language: str, phrase: str) -> None:
    html = response.content.decode()
    assert response.status_code == status
    assert f'<html lang="{language}">' in html
    assert phrase in html
    assert "<script" not in html, "pages work without JavaScript"
    assert response["Content-Security-Policy"].startswith("default-src 'self';")
    assert "<style" not in html and " style=" not in html, "the policy allows no inline style"
    resources = re.findall(r'<(?:link|img|script|source)[^>]+(?:href|src)="([^"]+)"', html)
    assert all(r.startswith(("/", "data:")) for r in resources), "no request leaves the site"
    assert page_weight(client, html) < PAGE_BUDGET


def test_pages_are_sent_gzipped_to_browsers_that_accept_it(client, network):
    response = client.get(reverse("people:directory"), HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"


def test_the_language_switch_works_without_javascript(client, network):
    response = client.post(reverse("set_language"), {"language": "sw", "next": "/directory/"},
                           follow=True)
    assert "Saraka ya mashirika" in response.content.decode()
