"""Write-up coaching: a mentor and a learner write up the learner's experience together.

The mentor starts from a thread or from the interview guide (`drafts`), edits on the web
(`actions.edit`, every version kept) and sends the draft to the learner by email; the learner
answers by email to the write-up's own reply address (`reply_address`, `replies`) or on the web,
and approves by replying "I approve" or in one click (`approval`, `actions.approve`).
"""
