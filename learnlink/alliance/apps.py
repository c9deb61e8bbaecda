from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AllianceConfig(AppConfig):
    name = "learnlink.alliance"
    label = "alliance"
    verbose_name = _("Learning alliances")

    def ready(self) -> None:
        from learnlink.alliance.costs.ledger import costs_block, costs_sheets
        from learnlink.alliance.planning.mail_kinds import KINDS
        from learnlink.alliance.planning.sections import register_sections
        from learnlink.alliance.reflection.reviews import feedback_block, feedback_sheets
        from learnlink.alliance.replies.mail_kinds import KINDS as REPLY_KINDS
        from learnlink.alliance.replies.mail_routes import ROUTE
        from learnlink.alliance.sections import Section, register
        from learnlink.lib.emails import register as register_kinds
        from learnlink.mail.routing import register as register_route

        register_sections()  # learning spaces, then the accountability board
        register(Section("feedback", _("Feedback themes"), "alliance/section_feedback.html",
                         feedback_block, feedback_sheets))
        register(Section("costs", _("Shared costs"), "alliance/section_costs.html",
                         costs_block, costs_sheets))
        register_kinds(*KINDS)  # the reminders of agreed tasks
        register_kinds(*REPLY_KINDS)  # the alliance by reply: questions and answers
        register_route(ROUTE)  # the replies
