from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "learnlink.mentoring"
    label = "mentoring"
    verbose_name = _("Mentoring")

    def ready(self) -> None:
        """Put each tool's mail in the catalogue, its addresses in the mail routing, its rows on
        the dashboard and its blocks on the exchange's thread pages."""
        from learnlink.exchange import archive_hooks
        from learnlink.lib import emails
        from learnlink.mentoring.dashboard import mail_kinds as dashboard_mail
        from learnlink.mentoring.dashboard.concerns import register_concerns
        from learnlink.mentoring.dashboard.questions import note_questions

        register_concerns()
        emails.register(*dashboard_mail.KINDS)
        archive_hooks.register("mentoring.questions", note_questions)
