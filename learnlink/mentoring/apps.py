from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "learnlink.mentoring"
    label = "mentoring"
    verbose_name = _("Mentoring")

    def ready(self) -> None:
        """Put each tool's mail in the catalogue, its addresses in the mail routing, its rows on
        the dashboard and its blocks on the exchange's thread pages."""
        from learnlink.exchange import thread_blocks
        from learnlink.lib.emails import register as register_kinds
        from learnlink.mail.routing import register as register_route
        from learnlink.mentoring import concerns
        from learnlink.mentoring.introductions import concern, mail_kinds, mail_routes, thread_block

        register_kinds(*mail_kinds.KINDS)
        register_route(mail_routes.ROUTE)
        concerns.register(concern.CONCERN)
        thread_blocks.register(thread_block.BLOCK)
