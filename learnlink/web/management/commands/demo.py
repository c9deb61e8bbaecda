"""`learnlink demo`: load the demo network (directory, groups and their archives, the learning
alliance) and print how to sign in to it."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from learnlink.alliance.demo import load_demo as load_alliance
from learnlink.exchange.demo import load_demo as load_exchange
from learnlink.impact.demo import load_demo as load_impact
from learnlink.knowledge.demo import load_demo as load_knowledge
from learnlink.lib.links import absolute, absolute_url
from learnlink.mentoring.demo import load_demo as load_mentoring
from learnlink.people.demo import DEMO_PASSWORD, DemoError, load_demo


class Command(BaseCommand):
    help = ("Load the demo directory and its sign-in accounts, all with the password "
            f"{DEMO_PASSWORD!r}. Safe to run again; not for a live installation, since it "
            "resets the demo accounts' passwords.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = load_demo()
        except DemoError as error:
            raise CommandError(f"The demo files have problems:\n{error}") from error
        for report in result.reports:
            self.stdout.write(report.summary())
        for slug, stats in load_exchange().items():
            self.stdout.write(f"{slug}: {stats.line()}")
        alliance = load_alliance()
        self.stdout.write(f"\nDemo alliance: {absolute(alliance.get_absolute_url())}")
        impact = load_impact()
        self.stdout.write(f"ciat-crs-east-africa: impact imported={impact.sales} sales, "
                          f"{impact.memberships} membership counts, {impact.territories} "
                          f"territory targets, {impact.pmgs_created} new PMGs")
        for line in load_mentoring():
            self.stdout.write(line)
        for line in load_knowledge():
            self.stdout.write(line)
        outbox = absolute_url("mail:outbox")
        self.stdout.write(f"\nMail waiting to be sent (the demo's digests among it): {outbox}")
        login = absolute_url("login")
        self.stdout.write(f"\nSign in at {login} with the password {DEMO_PASSWORD} as:")
        width = max(len(account.sign_in) for account in result.accounts)
        for account in result.accounts:
            self.stdout.write(f"  {account.sign_in:<{width}}  {account.role}")
