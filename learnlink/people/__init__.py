"""Organisations, people, their email addresses over time, places and enterprises."""
