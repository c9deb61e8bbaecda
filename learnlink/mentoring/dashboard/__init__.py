"""The mentor dashboard: what needs a mentor now in the groups they follow, on the web
(`/mentoring/`, `/mentoring/groups/<group>/`) and in the morning summary mail, both drawn from the
concerns registered in `learnlink.mentoring.concerns`. This package registers its own concerns
(unanswered questions, held and quarantined mail, contacts to fix, quiet groups) and keeps the
record of questions that the first of them reads."""
