"""Learnlink: an email-first platform for peer-to-peer learning networks."""
