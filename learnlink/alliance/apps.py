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
        from learnlink.alliance.sections import Section, register
        from learnlink.lib.emails import register as register_kinds

        register_sections()  # learning spaces, then the accountability board
        register(Section("feedback", _("Feedback themes"), "alliance/section_feedback.html",
                         feedback_block, feedback_sheets))
        register(Section("costs", _("Shared costs"), "alliance/section_costs.html",
                         costs_block, costs_sheets))
        register_kinds(*KINDS)  # the reminders of agreed tasks
