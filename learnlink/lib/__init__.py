"""Helpers every app may use; they import no app."""
