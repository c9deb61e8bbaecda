"""Learning contracts: a mentor drafts a group's contract for a cycle, offers it to each member
organisation by mail, and each agrees by replying "I agree" (or on the web); renewed each cycle.
"""
