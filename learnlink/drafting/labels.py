"""What a message is: information, plan, achievement, question or answer (several at once), read
from its own sentences in English, Kiswahili and French, with no model to download.

A learning contract asks groups to share useful information, their plans, their achievements,
and to ask and answer each other's questions; this is the first reading of a post against those
five, which mentors then correct (the mentoring app trains on their corrections). Each sentence
is read once (`cues` for questions, plans and figures, and the cues of this module for what was
done and for contacts and documents); the message's labels follow from what its sentences are:

- question: a sentence that asks ("?", "we would like to know") or requests ("please send",
  "tunaomba", "pouvez-vous");
- plan: a sentence that says what someone will do or has decided ("we will", "tutanunua",
  "nous allons", "the treasurer will go");
- achievement: a sentence that says what the group did or reached: a first-person perfect or
  past of doing ("we sold", "tumeuza", "nous avons vendu"), or "good news", "we did it";
- information: facts others can use: a figure, a contact, a document, a date, a list of how it
  is done, or several plain statements; a few statements that only set up a question are the
  question's context, not information;
- answer: the caller says the message replies to another organisation's question, and it gives
  something back (a statement, a plan or an achievement), not only thanks or a question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from learnlink.drafting.cues import figures, is_plan, is_question
from learnlink.drafting.sentences import message_sentences
from learnlink.drafting.words import tokens

LABELS = ("information", "plan", "achievement", "question", "answer")
"""Every label, in the order pages show them."""

CONTEXT = 3
"""Plain statements (without a figure, contact or list) a question may come with and still be
only a question: "We grow moringa. The powder gets damp. How do you keep it dry?"."""

_REQUEST = re.compile(
    r"\b(?:please\s+(?:send|share|tell|let|check|bring|note)|could\s+(?:you|someone|anyone)|"
    r"can\s+(?:you|someone|anyone)|does\s+anyone|has\s+anyone|is\s+there\s+anyone|"
    r"(?:tu|ni)naomba|tafadhali|naomba|mtu\s+anaweza|mnaweza|mnashauri|"
    r"pouvez-vous|pourriez-vous|merci\s+de\s+(?:nous\s+|me\s+)?(?:envoyer|dire)|"
    r"envoyez|quelqu['’]un\s+(?:sait|a|peut|connaît)|nous\s+(?:voudrions|aimerions)\s+savoir)\b",
    re.IGNORECASE)

_MORE_PLANS = re.compile(
    r"\b(?:will\s+(?:go|send|visit|start|build|open|buy|sell|try|plant|bring|hold|meet|be\s+held|"
    r"organi[sz]e|ask|write|add|take|pay|use|come|keep)|(?:we|i)['’]re\s+(?:going|planning)\s+to|"
    r"we\s+(?:want|hope|intend|plan)\s+to|next\s+season\s+we|"
    r"(?:wata|ata|uta|ita|kita)(?:kuwa|anza|fanya|kuja|leta|nunua|jenga|uza|lipa|changia|tumia|"
    r"pata|kwenda|enda|tembelea|fungua|andika|weka|jaribu|jadili)|"
    r"(?:tuna|msimu\s+ujao\s+tuna)(?:taka|tarajia|tegemea|fikiria)\s+ku[a-z]+|"
    r"(?:nous|on)\s+(?:voulons|veut|comptons|prévoyons|souhaitons)\s+[a-zé]+|"
    r"\bva\s+[a-zé]+(?:er|ir|re)|"
    r"nous\s+(?:vous|les|leur|lui|en|y)\s+[a-zéè]+rons|"
    r"(?:je|j['’])\s*(?:vous\s+|les\s+|le\s+|la\s+|lui\s+|leur\s+|en\s+|y\s+)?[a-zé]+rai)\b",
    re.IGNORECASE)

_DONE_VERBS = (r"sold|harvested|built|bought|opened|started|planted|delivered|collected|earned|"
               r"reached|received|got|made|tried|trained|registered|stored|completed|finished|"
               r"managed|achieved|held|signed|elected|won|increased|doubled|saved|repaid|"
               r"added|found|exported|moved")
_DONE_PARTICIPLES = (r"vendu|récolté|construit|acheté|ouvert|commencé|planté|livré|collecté|"
                     r"gagné|atteint|obtenu|reçu|mis|creusé|terminé|réussi|formé|signé|élu|"
                     r"essayé|accordé|remboursé|payé|épargné|installé|créé|augmenté|doublé|"
                     r"exporté|passés?|trouvé")
_DONE = re.compile(
    rf"\b(?:(?:we|our\s+(?:group|association|members)|the\s+(?:group|members|association|"
    rf"cooperative|groups)|they)\s+(?:have\s+|has\s+|had\s+)?(?:now\s+|also\s+|just\s+|finally\s+"
    rf"|already\s+)?(?:{_DONE_VERBS})|we\s+did\s+it|good\s+news|successfully|"
    rf"(?:is|are|was|were|has\s+been|have\s+been)\s+(?:built|ready|paid|opened|sold|delivered)|"
    rf"(?:tume|wame|kime)(?!(?:ombwa|ambiwa|amua|kubaliana|soma|sikia|ona)\b)[a-z]{{3,}}|"
    rf"habari\s+njema|tumefanikiwa|"
    rf"(?:nous\s+avons|nous\s+sommes|on\s+a|ils\s+ont|elles\s+ont|(?:le\s+groupe|la\s+"
    rf"coopérative|l['’]association|notre\s+[a-zé]+)\s+a|ont\s+été)\s+(?:déjà\s+|enfin\s+|"
    rf"aussi\s+|maintenant\s+|bien\s+)?(?:{_DONE_PARTICIPLES})e?s?|bonne\s+nouvelle|"
    rf"(?:est|sont)\s+(?:construits?|prêts?|ouverts?))\b",
    re.IGNORECASE)

_CONTACT = re.compile(
    r"\b(?:attached|attachment|nimeambatisha|imeambatishwa|pièce\s+jointe|ci-joint|joint|"
    r"phone|tel|namba\s+ya|téléphone|numéro|contact)\b",
    re.IGNORECASE)
# An address or a phone number, looked for in the text's own lines: "Tel: 0722 000 118" alone
# on its line is no sentence. An address is tried only where a word starts, and its local part
# is bounded (as in RFC 5321): a 100 KB "word" must not be scanned again from each letter.
_ADDRESS = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]+\.[\w.]+|https?://\S+|www\.\S+|"
                      r"(?<![\d+])\+?\d[\d ]{7,}\d")
_WHEN = re.compile(
    r"\b\d{1,2}\s+(?:(?:and|to|et|au)\s+\d{1,2}\s+)?(?:january|february|march|april|may|june|"
    r"july|august|september|october|november|december|janvier|février|mars|avril|mai|juin|"
    r"juillet|août|septembre|octobre|novembre|décembre)\b|\btarehe\s+\d{1,2}\b|"
    r"\b\d{1,2}\s*(?:am|pm|h)\b|\bsaa\s+(?:moja|mbili|tatu|nne|tano|sita|saba|nane|tisa|kumi)\b",
    re.IGNORECASE)
_THANKS = re.compile(
    r"^\W*(?:thanks?|thank\s+you|many\s+thanks|asante|asanteni|merci|karibu|karibuni|"
    r"apologies|sorry|samahani|bien\s+reçu|nimepokea|hello|habari|bonjour|bonsoir|salaam|"
    r"greetings|dear)\b",
    re.IGNORECASE)
_QUOTED = re.compile(r"^\s*[A-Za-z]{0,4}>")
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s+\S")


@dataclass(frozen=True)
class Reading:
    """What the labeller read in a message: how many of its sentences ask, plan, tell what was
    done, share a fact (a figure, a contact, a document, a date) or only state something."""

    questions: int = 0
    plans: int = 0
    achievements: int = 0
    facts: int = 0
    statements: int = 0
    listed: bool = False
    replies_to_question: bool = False

    def labels(self) -> frozenset[str]:
        """The baseline's labels (see the module's docstring)."""
        found = set()
        if self.questions:
            found.add("question")
        if self.plans:
            found.add("plan")
        if self.achievements:
            found.add("achievement")
        if self.facts or self.listed or self.statements > (CONTEXT if self.questions else 1):
            found.add("information")
        gives = self.facts or self.statements or self.plans or self.achievements or self.listed
        if self.replies_to_question and gives:
            found.add("answer")
        return frozenset(found)

    def cues(self) -> list[str]:
        """The reading as words a classifier can weigh beside the message's own words."""
        counted = {"question": self.questions, "plan": self.plans, "done": self.achievements,
                   "fact": self.facts, "statement": self.statements}
        found = [f"cue:{name}" for name, count in counted.items() if count]
        found += [f"cue:{name}:many" for name, count in counted.items() if count > 2]
        if self.listed:
            found.append("cue:list")
        if self.replies_to_question:
            found.append("cue:replies-to-question")
        return found


def read(text: str, replies_to_question: bool = False) -> Reading:
    """Read each sentence of the message's own text once; quoted lines, greetings and the name
    under the text are left out by `message_sentences`."""
    questions = plans = achievements = facts = statements = 0
    for sentence in message_sentences(text, relaxed=True):
        if is_question(sentence) or _REQUEST.search(sentence):
            questions += 1
        elif is_plan(sentence) or _MORE_PLANS.search(sentence):
            plans += 1
        elif _DONE.search(sentence):
            achievements += 1  # its figures are what was reached, not facts shared
        elif figures(sentence) or _CONTACT.search(sentence) or _WHEN.search(sentence):
            facts += 1
        elif not _THANKS.match(sentence) and len(tokens(sentence)) >= 4:
            statements += 1
    own = "\n".join(line for line in (text or "").splitlines() if not _QUOTED.match(line))
    facts += len(_ADDRESS.findall(own))
    return Reading(questions, plans, achievements, facts, statements,
                   listed=_told_items(text or "") >= 2,
                   replies_to_question=replies_to_question)


def label(text: str, replies_to_question: bool = False) -> frozenset[str]:
    """The labels of one message (none for an empty one or a bare "thank you")."""
    return read(text, replies_to_question).labels()


def _told_items(text: str) -> int:
    """List items that tell something: "how we do it" as a list is information, a numbered
    list of questions is not (an item goes on over the wrapped lines under it)."""
    items: list[str] = []
    going_on = False  # the line before was part of an item
    for line in text.splitlines():
        if _BULLET.match(line):
            items.append(line)
            going_on = True
        elif going_on and line.strip() and line[:1].isspace():
            items[-1] += " " + line.strip()
        else:
            going_on = False
    return sum(1 for item in items if not item.rstrip().endswith("?"))
