"""learnlink.lib.bulk: keys reserved for rows written later are never handed out again."""

from typing import Any

import pytest
from django.utils import timezone

from learnlink.exchange.membership import create_group
from learnlink.exchange.models import Group, Thread
from learnlink.lib.bulk import insert_rows, reserve_keys


def columns(group: Group, subject: str) -> dict[str, Any]:
    now = timezone.now()
    return {"group": group, "subject": subject, "started": now, "month": now.date(),
            "last_activity": now, "message_count": 1}


@pytest.mark.django_db
def test_reserved_keys_are_new_and_an_ordinary_insert_comes_after_them() -> None:
    group = create_group("mbolea", "Mbolea")
    before = Thread.objects.create(**columns(group, "before"))
    first = reserve_keys(Thread, 3)
    second = reserve_keys(Thread, 2)
    assert len(set(first + second)) == 5
    assert min(first) > before.pk
    insert_rows([Thread(pk=key, **columns(group, "reserved")) for key in first])
    after = Thread.objects.create(**columns(group, "after"))
    assert after.pk > max(first + second)
    assert set(Thread.objects.filter(subject="reserved").values_list("pk", flat=True)) == set(
        first)


@pytest.mark.django_db
def test_rows_either_all_have_reserved_keys_or_none() -> None:
    group = create_group("soko", "Soko")
    with pytest.raises(ValueError, match="reserved"):
        insert_rows([Thread(pk=reserve_keys(Thread, 1)[0], **columns(group, "a")),
                     Thread(**columns(group, "b"))])
