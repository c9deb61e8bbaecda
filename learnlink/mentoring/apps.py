from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "learnlink.mentoring"
    label = "mentoring"
    verbose_name = _("Mentoring")

    def ready(self) -> None:
        """Put each tool's mail in the catalogue, its addresses in the mail routing, its rows on
        the dashboard and its blocks on the exchange's thread pages."""
        from learnlink.exchange import (
            archive_hooks,
            digest_leads,
            group_links,
            search_sections,
            thread_blocks,
        )
        from learnlink.lib.emails import register as register_kinds
        from learnlink.mail.routing import register as register_route
        from learnlink.mentoring import concerns, peers, permissions, topic_blocks
        from learnlink.mentoring.agenda import blocks as agenda_blocks
        from learnlink.mentoring.agenda import mail_kinds as agenda_mail
        from learnlink.mentoring.agenda import mail_routes as agenda_routes
        from learnlink.mentoring.cleanup.registry import register_cleanup
        from learnlink.mentoring.contracts import concern as contract_concern
        from learnlink.mentoring.contracts import mail_kinds as contract_mail
        from learnlink.mentoring.contracts import mail_routes as contract_routes
        from learnlink.mentoring.dashboard import mail_kinds as dashboard_mail
        from learnlink.mentoring.dashboard.concerns import register_concerns
        from learnlink.mentoring.dashboard.questions import note_questions
        from learnlink.mentoring.introductions import concern as intro_concern
        from learnlink.mentoring.introductions import evidence
        from learnlink.mentoring.introductions import mail_kinds as intro_mail
        from learnlink.mentoring.introductions import mail_routes as intro_routes
        from learnlink.mentoring.introductions import thread_block as intro_block
        from learnlink.mentoring.labels.blocks import BLOCK as LABELS_BLOCK
        from learnlink.mentoring.nudges import mail_kinds as nudge_kinds
        from learnlink.mentoring.nudges import mail_routes as nudge_routes
        from learnlink.mentoring.resources import blocks as resources
        from learnlink.mentoring.syntheses import concern as synthesis_concern
        from learnlink.mentoring.syntheses import mail_kinds as synthesis_mail
        from learnlink.mentoring.syntheses.showing import digest_leads as synthesis_leads
        from learnlink.mentoring.syntheses.showing import thread_block
        from learnlink.mentoring.writeups import mail_kinds as writeup_kinds
        from learnlink.mentoring.writeups import mail_routes as writeup_routes
        from learnlink.mentoring.writeups import registry as writeup_registry

        # The dashboard: its own concerns first, the morning summary, questions as they come.
        register_concerns()
        register_kinds(*dashboard_mail.KINDS)
        archive_hooks.register("mentoring.questions", note_questions)
        # Syntheses: above the thread, first in digests, on the dashboard.
        register_kinds(*synthesis_mail.KINDS)
        concerns.register(synthesis_concern.CONCERN)
        thread_blocks.register(thread_blocks.Block(
            "synthesis", "mentoring/syntheses/thread_block.html", thread_block, "top"))
        digest_leads.register("synthesis", synthesis_leads)
        # Thread clean-up: the mentor's tools on the thread page, suggestions on the dashboard.
        register_cleanup()
        # Introductions: their mail, the address replies reach, the unanswered ones.
        register_kinds(*intro_mail.KINDS)
        register_route(intro_routes.ROUTE)
        concerns.register(intro_concern.CONCERN)
        thread_blocks.register(intro_block.BLOCK)
        # The peer finder: its evidence sources, its address (peers@).
        peers.connect()
        # Outside expertise: resources under the thread and in the answers to searches.
        thread_blocks.register(thread_blocks.Block(
            "resources", "mentoring/resources/thread_block.html", resources.thread_block,
            place="bottom"))
        search_sections.register(search_sections.Section(
            "resources", resources.search_section, "mentoring/resources/search_section.txt",
            "mentoring/resources/search_section.html"))
        # What each message is: the mentors' corrections under the thread.
        thread_blocks.register(LABELS_BLOCK)
        # Write-up coaching: its mail, the learner's reply address, what waits for the mentor.
        register_kinds(*writeup_kinds.KINDS)
        for route in writeup_routes.ROUTES:
            register_route(route)
        concerns.register(writeup_registry.CONCERN)
        thread_blocks.register(writeup_registry.BLOCK)
        evidence.register("mentoring:writeups:detail", writeup_registry.evidence)
        # Nudges: their mail, and the mentors' weekly summary of them.
        register_kinds(*nudge_kinds.KINDS)
        register_route(nudge_routes.ROUTE)
        # The learning agenda: its mail and address, its dialogues on threads and in digests,
        # and the synthesis on a topic's page.
        register_kinds(*agenda_mail.KINDS)
        register_route(agenda_routes.ROUTE)
        thread_blocks.register(agenda_blocks.THREAD)
        digest_leads.register("agenda", agenda_blocks.digest_leads)
        topic_blocks.register(agenda_blocks.SYNTHESIS)
        # Learning contracts: their mail, the offers' reply addresses, offers nobody answered.
        register_kinds(*contract_mail.KINDS)
        register_route(contract_routes.ROUTE)
        concerns.register(contract_concern.CONCERN)
        # A group's page links its agenda, its contracts and its monitor, to whom may open them.
        for key, label, view, may in [
                ("agenda", _("Learning agenda"), "mentoring:agenda", permissions.may_read_agenda),
                ("contracts", _("Learning contracts"), "mentoring:contracts",
                 permissions.may_read_contracts),
                ("monitor", _("Contract monitor"), "mentoring:monitor", permissions.reads_monitor)]:
            group_links.register(group_links.Link(key, label, view, may))
