"""What each message is: every post of a group labelled information, plan, achievement,
question or answer (several allowed). The baseline's rules are `learnlink.drafting.labels`;
here the worker labels new posts (`labelling`), mentors correct them in one click on the thread
page (`corrections`, `blocks`, `views`), and each night a classifier trained on their
corrections is weighed against the baseline (`training`, `evaluation`, `classifier`)."""
