"""Groups (team spaces), memberships, threads, messages, threading, moderation."""
