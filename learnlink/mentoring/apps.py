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
        from learnlink.mentoring.writeups import mail_kinds as writeup_kinds
        from learnlink.mentoring.writeups import mail_routes as writeup_routes
        from learnlink.mentoring.writeups import registry as writeup_registry

        register_kinds(*writeup_kinds.KINDS)
        for route in writeup_routes.ROUTES:
            register_route(route)
        concerns.register(writeup_registry.CONCERN)
        thread_blocks.register(writeup_registry.BLOCK)
