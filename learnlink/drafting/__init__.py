"""Text in, draft out: syntheses of discussions for mentors and alliance coordinators.

Pure text work in English, Kiswahili and French, with no model to download and no database; it
imports no app (`mentoring` and `alliance` use it). `synthesise(posts)` in
`learnlink.drafting.synthesis` gives a `Draft` in three parts (what has been learned, where we
stand, the next questions), every point linked to its message: written by an OpenAI-compatible
endpoint when the caller passes one (settings' LLM_URL), else extractive (`extractive`).
The parts: `sentences` cuts text, `words` compares it, `cues` reads questions, plans and
figures, `scoring` chooses sentences, `questions` finds the unanswered ones.
"""
