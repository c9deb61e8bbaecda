"""Base templates, the one small stylesheet, template tags and the home page."""
