"""Introductions: a mentor (or a learner, for their own organisation) puts two organisations in
touch by one mail to both, with why they should talk and the link that shows it; the answers
copied to the introduction's own address are kept with it, and those nobody answered come to
the mentors' dashboard after 14 days."""
