from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "learnlink.exchange"
    label = "exchange"
    verbose_name = _("Exchange")

    def ready(self) -> None:
        """Take the mail addressed to groups (SLUG@ the mail domain), search@ and get@, and put
        the group's notices, answers and digests in the catalogue of mail."""
        from learnlink.exchange import archive_hooks, group_links, page_generations, thread_blocks
        from learnlink.exchange.mail_kinds import KINDS
        from learnlink.exchange.mail_routes import ROUTES
        from learnlink.exchange.mute_views import BLOCK as MUTE
        from learnlink.exchange.permissions import reads_archive, sees_members
        from learnlink.lib.emails import register as register_kinds
        from learnlink.mail.routing import register

        for route in ROUTES:
            register(route)
        register_kinds(*KINDS)
        thread_blocks.register(MUTE)
        archive_hooks.register("exchange.guest_pages", page_generations.archived)
        group_links.register(group_links.Link("members", _("Members"), "exchange:members",
                                              sees_members))
        group_links.register(group_links.Link("files", _("Files"), "exchange:files",
                                              reads_archive, for_guests=True))
