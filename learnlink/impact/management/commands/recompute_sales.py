"""`learnlink recompute_sales [--currency KES]`: bring the stored tonnes and US$ of sales up to
date after an exchange rate was added or corrected."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from learnlink.alliance.models import Alliance
from learnlink.impact.normalise import recompute, recompute_currency


class Command(BaseCommand):
    help = ("Recompute sales' tonnes and US$ from the conversion tables and the dated rates: "
            "run it after changing an exchange rate in the admin.")

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--currency", help="only sales in this currency, e.g. KES")

    def handle(self, *args: Any, currency: str | None = None, **options: Any) -> None:
        if currency:
            changed = recompute_currency(currency.upper())
        else:
            changed = sum(recompute(alliance) for alliance in Alliance.objects.all())
        self.stdout.write(f"{changed} sales recomputed")
