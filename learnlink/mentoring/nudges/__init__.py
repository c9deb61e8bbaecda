"""Nudges: polite reminders by email to a group's organisations (a quiet group, a question
nobody answered, a plan with no news), within each person's mail budget, with a "not now" and
an opt-out; and the mentors' weekly summary of them."""
