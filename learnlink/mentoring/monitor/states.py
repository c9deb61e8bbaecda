"""Whether an organisation keeps the group's learning contract in a month. The rule is the
page's too (`RULE`, shown under the table), so that what a learner reads is what is computed.

Only the commitments a figure can judge month by month count, and only those the contract holds
(`ContractCommitment.kind`):

- `monthly` (exchange at least monthly): a month without any message is a slip; two months
  or more in a row without one break the contract.
- `answers` (answer other groups' questions): a question another organisation put to this one
  (in reply to one of its messages) that came due this month and was still unanswered at the
  month's end is a slip.

Sharing information, plans and achievements is shown in figures but judged by people: there is
no monthly quota of plans. An organisation is counted from the month the contract started or
the month it agreed, whichever is later, so a late signatory does not start broken; the month
in progress counts as a month without a message only once it is over."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from learnlink.mentoring.models.contracts import CommitmentKind

KEPT, SLIPPING, BROKEN, NO_CONTRACT = "kept", "slipping", "broken", "no_contract"
SEVERITY = {BROKEN: 0, SLIPPING: 1, KEPT: 2, NO_CONTRACT: 3}
NAMES = {KEPT: _("kept"), SLIPPING: _("slipping"), BROKEN: _("broken"),
         NO_CONTRACT: _("no contract")}
RULE = [
    _("Kept: the organisation wrote to the group this month and owes no answer."),
    _("Slipping: one month without a message, or a question another organisation put to it "
      "that is still waiting for its answer after the group's days."),
    _("Broken: two months or more in a row without a message."),
    _("The month in progress counts as a month without a message only once it is over."),
    _("Only the commitments of this group's contract count: without the monthly commitment "
      "silence is not a slip, without the commitment to answer a waiting question is not."),
]


def contract_state(kinds: set[str], quiet_months: int, owed: int) -> str:
    """The state of an organisation under a contract of these commitment `kinds`, given the
    months in a row without a message ending with this one and the questions it owes."""
    monthly = CommitmentKind.MONTHLY in kinds
    if monthly and quiet_months >= 2:
        return BROKEN
    if (monthly and quiet_months == 1) or (CommitmentKind.ANSWERS in kinds and owed):
        return SLIPPING
    return KEPT
