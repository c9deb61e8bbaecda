"""The alliance by reply: answers to the alliance's own mail (a task reminder, ...) that come
back to a signed reply address and do what the web would do for the same person."""
