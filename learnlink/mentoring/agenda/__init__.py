"""A group's learning agenda: topics learners propose (on the web or by mail to
SLUG+agenda@), support for their organisation, mentors move between states and record from
workshops; threads and syntheses link to them; a topic may run as a time-boxed dialogue."""
