"""How long a failed password sign-in takes, by what the name typed is, with production's
password hasher (PBKDF2): the times must not tell a known address from an unknown one.

    .venv/bin/python bench/sign_in.py [--tries N]

Before one hash per attempt, a wrong password took 662 ms for an address with an account and
338 ms for an unknown one. Measured in process through django.contrib.auth.authenticate (the
limits of the sign-in page are not in the way: they count, they do not slow).
"""

from __future__ import annotations

import argparse
import statistics
import time

from _setup import fresh_django, machine_speed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tries", type=int, default=7)
    args = parser.parse_args()
    fresh_django("sign-in")
    import datetime

    from django.contrib.auth import authenticate
    from django.contrib.auth.models import User

    from learnlink.people.models import EmailAddress, Person

    def person(name: str, address: str) -> Person:
        someone = Person.objects.create(name=name, slug=name.lower().replace(" ", "-"))
        EmailAddress.objects.create(person=someone, address=address, primary=True,
                                    active_from=datetime.date(2020, 1, 1))
        return someone

    halima = person("Halima Omari", "halima@example.org")
    halima.user = User.objects.create_user("halima", password="a-long-password-42")
    halima.save(update_fields=["user"])
    person("Mwanaisha Shabani", "kilulu.growers@example.org")  # in the directory, no account
    User.objects.create_user("admin", password="another-long-password")
    cases = {
        "an address with an account": "halima@example.org",
        "an address without an account": "kilulu.growers@example.org",
        "an unknown address": "stranger@example.com",
        "a user name": "admin",
        "an unknown user name": "nobody",
    }
    authenticate(None, username="warm-up", password="x")
    samples: dict[str, list[float]] = {label: [] for label in cases}
    for _ in range(args.tries):  # round robin: the machine's speed drifts, alike for all
        for label, name in cases.items():
            started = time.perf_counter()
            assert authenticate(None, username=name, password="wrong-password") is None
            samples[label].append((time.perf_counter() - started) * 1000)
    for label, times in samples.items():
        print(f"wrong password for {label}: median={statistics.median(times):.0f} ms "
              f"min={min(times):.0f} ms max={max(times):.0f} ms")
    print(machine_speed())


if __name__ == "__main__":
    main()
