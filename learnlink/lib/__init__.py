"""Helpers every app may import and that import no app (as healthchecks keeps hc/lib/)."""
