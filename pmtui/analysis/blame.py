"""Blameless-language check: find words that single out a person as the cause or judge a person.

`find_blame(text)` is pure and fast (the TUI calls it as the user types). It works on linguistic
patterns rather than a list of sentences: a trigger phrase ("failed to", "should have", "forgot",
"careless", "human error", ...) and, where the phrase can be about a system too, who the subject is
(a pronoun, a name, a role such as "the on-call engineer" or "ops", versus "the job", "the alert").
Quoted words, negated phrases ("no one was careless") and mentions ("phrases like ...") are left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from pmtui.analysis import lexicon as lx

__all__ = ["BlameHit", "find_blame"]


@dataclass(frozen=True, slots=True)
class BlameHit:
    """Words in a text that blame or judge a person: span [start, end), why, and a systemic rewording."""

    start: int
    end: int
    words: str
    reason: str
    suggestion: str
    rule: str = "blame.judgement"


# ---------------------------------------------------------------------------------------------
# Subjects: who is doing the verb?

PERSON, WEAK, SYSTEM, DEICTIC, OTHER, NONE = "person", "weak", "system", "deictic", "other", "none"
_PERSONISH = (PERSON, WEAK)

_TOKEN_RE = re.compile(r"@?[^\W\d_][\w'’\-]*")  # words in any script: "Andrés", "Björn", "Ji-woo"
_KEY_RE = re.compile(r"[a-z]+")
_BOUNDARY_RE = re.compile(
    r"(?:(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bProf)\.|[!?;]|:(?!\d))(?:\s+|$)|[\n\"“”()\[\]—–]|\s-\s|"
    r"\b(?:but|because|although|though|while|whereas|so|since|when|once(?!\s+(?:again|more))|after|before|until|unless|if|then|"
    r"however|and\s+then|meanwhile)\b",
    re.IGNORECASE,
)
_WORD_BOUNDARY_STARTS = re.compile(r"[A-Za-z]")
_RELATIVE_RE = re.compile(r",\s*(?:who|which|whose)\b[^,]*,\s*$", re.IGNORECASE)
_NAME_SUFFIXES = (
    "ing",
    "tion",
    "sion",
    "ment",
    "ness",
    "ity",
    "ance",
    "ence",
    "ics",
    "ism",
    "ure",
    "age",
    "ery",
    "ory",
)


@dataclass(frozen=True, slots=True)
class _Subject:
    cls: str
    head: str


def _clause_left(text: str, pos: int) -> tuple[str, bool]:
    """The text of the clause before pos, and whether the clause starts a sentence (not after 'when')."""
    lo = max(0, pos - 160)
    left = text[lo:pos]
    last = None
    for match in _BOUNDARY_RE.finditer(left):
        last = match
    if last is None:
        return left, lo == 0
    sentence_start = not _WORD_BOUNDARY_STARTS.match(last.group(0).strip() or " ")
    return left[last.end() :], sentence_start


def _looks_like_name(token: str) -> bool:
    low = token.lower()
    if "-" in token:  # "Ji-woo", "Jean-Luc", "Anne-Marie"; not "Follow-up", "Roll-out", "Re-run"
        parts = token.split("-")
        return (
            len(parts) == 2
            and all(part.isalpha() for part in parts)
            and (parts[0] in lx.FIRST_NAMES or (len(parts[0]) <= 4 and len(parts[1]) <= 5))
            and not any(part.lower() in lx.NOT_NAME_PARTS for part in parts)
        )
    return token.isalpha() and len(token) >= 3 and not low.endswith(_NAME_SUFFIXES) and not low.endswith("s")


_HONORIFICS = frozenset({"Dr", "Mr", "Mrs", "Ms", "Prof"})  # 'Dr. Morales' (not 'DR', disaster recovery)


def _classify(token: str, at_start: bool) -> str:
    token = token.replace("’", "'")
    low = token.lower()
    if low.endswith("'s"):
        return OTHER
    if token.startswith("@") and len(token) > 1:
        return PERSON
    if low in lx.PERSON_PRONOUNS or low in lx.ROLE_NOUNS or token in _HONORIFICS:
        return PERSON
    if low in lx.WEAK_PERSON_PRONOUNS:
        return WEAK
    if low in lx.DEICTIC:
        return DEICTIC
    if low in lx.SYSTEM_NOUNS:
        return SYSTEM
    if low in lx.COMMON_CAPITALISED:
        return OTHER
    if token in lx.FIRST_NAMES:
        return PERSON
    if token.islower() and low.capitalize() in lx.FIRST_NAMES and low not in lx.NAMES_THAT_ARE_WORDS:
        return WEAK  # a name typed in lower case, as in chat: "tom shouldve tested this"
    if token[0].isupper():
        if token.isupper() and len(token) > 1:
            return SYSTEM  # an acronym: DNS, API (role acronyms such as SRE are in ROLE_NOUNS)
        if not at_start or _looks_like_name(token):
            return WEAK
    return OTHER


def _possessive_class(token: str, at_start: bool) -> str:
    """Who owns 'X's' / 'his': PERSON, WEAK, SYSTEM or OTHER."""
    token = token.replace("’", "'")
    low = token.lower()
    if low in lx.POSSESSIVE_PRONOUNS:
        return PERSON
    if low.endswith("'s"):
        return _classify(token[:-2], at_start)
    if low.endswith("s'"):
        return _classify(token[:-1], at_start)
    return OTHER


def _subject(text: str, pos: int) -> _Subject:
    """The head of the noun phrase just before pos (the subject of the verb at pos)."""
    left, sentence_start = _clause_left(text, pos)
    left = _RELATIVE_RE.sub(" ", left)
    tokens = _TOKEN_RE.findall(left)
    i = len(tokens) - 1
    while i >= 0:
        low = tokens[i].lower()
        if low in lx.SKIP_BACK or (low.endswith("ly") and tokens[i].islower() and len(low) > 4) or low.endswith("n't"):
            i -= 1
            continue
        if low in ("that", "which") and i > 0:
            i -= 1
            continue
        break
    if i < 0:
        return _Subject(NONE, "")
    head = tokens[i]
    low = head.lower()
    if low == "call" and i > 0 and tokens[i - 1].lower() == "on":
        return _Subject(PERSON, "on call")
    if i > 0 and _possessive_class(tokens[i - 1], at_start=False) == SYSTEM and _classify(head, False) != PERSON:
        return _Subject(SYSTEM, head)  # "the app's geocoder forgot the last location": a part of a thing
    cls = _classify(head, at_start=(i == 0 and sentence_start))
    if cls == PERSON and low in lx.SYSTEM_NOUNS and i > 0 and _classify(tokens[i - 1], at_start=False) == SYSTEM:
        return _Subject(SYSTEM, head)  # "the printer driver forgot the page size": a driver of a thing
    if low in _COMPONENT_OR_ROLE and i > 0:
        before = tokens[i - 1].lower()
        if before in _HUMAN_POSTS:
            return _Subject(PERSON, head)  # "the shift controller ignored the alarm": a person's post
        if cls == PERSON and (before in lx.SYSTEM_NOUNS or before in _TECH_MODIFIERS):
            return _Subject(SYSTEM, head)  # "the nonce manager failed to release its lock": a component
    if cls == OTHER:
        for j in range(i - 1, -1, -1):
            if _classify(tokens[j], at_start=(j == 0 and sentence_start)) == PERSON:
                return _Subject(WEAK, tokens[j])
    return _Subject(cls, head)


# Heads that name a software component or a person's post, by the word before them.
_COMPONENT_OR_ROLE = lx.word_set("manager controller operator scheduler dispatcher supervisor agent planner driver")
_HUMAN_POSTS = lx.word_set("""
    shift release project product program programme account engineering incident line store plant site floor duty
    area regional general delivery change operations ops night day deputy assistant acting traffic flight network
    """)
_TECH_MODIFIERS = lx.word_set("""
    nonce lock connection package secrets secret certificate cert cluster window task job queue cache memory session
    pool state config configuration device disk storage dns load transaction key token thread process node pod
    container volume workflow event message stream schema index replication backup log metrics feature flag rate
    retry timeout ingress kube k8s kubernetes resource vm license licence partition shard lease
    """)


def _clause_subject(text: str, pos: int) -> _Subject:
    """The subject of the whole clause that pos is in: its first noun phrase ('the frontend team')."""
    left, sentence_start = _clause_left(text, pos)
    tokens = _TOKEN_RE.findall(left)
    for i, token in enumerate(tokens):
        cls = _classify(token, at_start=(i == 0 and sentence_start))
        if cls in (PERSON, WEAK, SYSTEM, DEICTIC):
            j = i
            while (
                j + 1 < len(tokens)
                and _classify(tokens[j + 1], False) in (PERSON, SYSTEM)
                and tokens[j + 1][0].islower()
            ):
                j += 1
            if j != i:
                return _Subject(_classify(tokens[j], False), tokens[j])
            return _Subject(cls, token)
    return _Subject(NONE, "")


def _words_after(text: str, pos: int, count: int) -> list[str]:
    return [w.lower().replace("’", "'") for w in _TOKEN_RE.findall(text[pos : pos + 80])[:count]]


def _negated(text: str, pos: int) -> bool:
    """A negation or a mention cue among the few words before pos, in the same clause."""
    left, _ = _clause_left(text, pos)
    tokens = [t.lower().replace("’", "'") for t in _TOKEN_RE.findall(left)[-6:]]
    if any(t in lx.MENTION_CUES for t in tokens[-3:]) or _MENTION_RE.search(left):
        return True  # "phrases like 'should have'", "words such as careless"
    negators = [t for t in tokens if t in lx.NEGATIONS or t.endswith("n't")]
    if (
        negators == ["without"]
        and _POSSESSIVE_AT_RE.search(text[max(0, pos - 60) : pos + 10])
        and _COUNTERFACTUAL_RE.search(text, pos, pos + 200)
    ):
        return False  # "Without Tariq's blunder, the exam would have started on time": a counterfactual
    return bool(negators)


_POSSESSIVE_AT_RE = re.compile(r"\bwithout\s+(?:the\s+)?[^\W\d_][\w\-]*['’]s\s", re.IGNORECASE)
_COUNTERFACTUAL_RE = re.compile(r"\bwould(?:n['’]t|\s+not)?\s+have\b", re.IGNORECASE)


_MENTION_RE = re.compile(
    r"\b(?:words?|phrases?|terms?|language|wording|expressions?|labels?)\s+(?:like|such\s+as)\s+(?:\S+\s+){0,2}$",
    re.IGNORECASE,
)


_DOUBLE_QUOTED_RE = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”|‘[^’\n]*’|(?<![\w'])'[^'\n]{1,200}?'(?![\w'])")


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _DOUBLE_QUOTED_RE.finditer(text)]


# What a person said, pasted into the document as it was said: 'Pasted from #inc-core: "who the hell ..."',
# 'Teams, 10:14: "@Elena did you even look ..."'. Its words are the document's words; a quote inside a
# sentence ('Saying someone "should have known" hides ...', 'Error: "should have been a string"') is not.
_PASTE_PREFIX_RE = re.compile(
    r"^\W{0,3}(?:[\w#@.\-]+[ ,]+){0,5}?(?:pasted|quote|quoted|slack|teams|chat|sticky\s+note|note|comment|said|wrote|"
    r"asked|posted|messaged|replied|dm|retro)\b[^\"“]{0,40}:\s*$",
    re.IGNORECASE,
)


# What a pasted chat line can carry into the document: jabs, judgements, threats, a person named as the cause.
# A slip reported in a chat line ('You forgot to attach the graph') is not the document blaming anyone.
_PASTED_RULES = frozenset({"blame.sarcasm", "blame.judgement", "blame.punitive", "blame.person-cause"})


def _pasted_quote(text: str, start: int, end: int) -> bool:
    """The quote is the sentence: a short chat-like attribution before it, nothing but an attribution after."""
    line_start = text.rfind("\n", max(0, start - 120), start) + 1
    if line_start == 0 and start > 120:
        return False  # the quote sits deep inside a longer passage, not after a short attribution
    line_end = text.find("\n", end, end + 200)
    if line_end == -1 and end + 200 < len(text):
        return False  # a quote with a long text after it is inside a larger passage
    before, after = text[line_start:start], text[end : line_end if line_end != -1 else end + 200].strip()
    if after and not re.fullmatch(r"[.!?]*\s*(?:\([^()]{0,40}\))?[.!?]*", after):
        return False
    if re.match(r"\W*(?:i|i['’]m|i['’]ve|i['’]ll|we|my|our)\b", text[start:end], re.IGNORECASE):
        return False  # 'Dana wrote: "I think I forgot the flag"': someone's account of their own part
    return bool(_PASTE_PREFIX_RE.search(before))


_PHRASE_STOP = re.compile(r"[.,;:!?()\n]|\b(?:because|so|but|which|when|and\s+then|while|since|until|after|before)\b")


def _phrase(text: str, pos: int, max_words: int = 8) -> str:
    rest = text[pos : pos + 120]
    stop = _PHRASE_STOP.search(rest)
    if stop:
        rest = rest[: stop.start()]
    words = rest.split()[:max_words]
    return " ".join(words).strip()


# ---------------------------------------------------------------------------------------------
# Patterns

Cond = Callable[[str, "re.Match[str]"], bool]


@dataclass(frozen=True, slots=True)
class _Pattern:
    rule: str
    regex: re.Pattern[str]
    keys: frozenset[str]
    cond: Cond | None = None
    negatable: bool = True
    group: str | int = 0
    phrase: bool = False  # suggestion uses the base-form verb phrase after the match


def _p(
    rule: str,
    pattern: str,
    keys: str,
    cond: Cond | None = None,
    *,
    negatable: bool = True,
    group: str | int = 0,
    phrase: bool = False,
    flags: int = re.IGNORECASE,
) -> _Pattern:
    return _Pattern(rule, re.compile(pattern, flags), frozenset(keys.split()), cond, negatable, group, phrase)


_A = r"['’]"  # an apostrophe
_OMISSION_VERBS = lx.word_set("""
    check checked test tested verify verified read follow followed review reviewed notice noticed look looked
    double-check double-checked bother bothered listen listened consult consulted confirm confirmed validate
    validated think thought pay paid ask asked escalate escalated realise realised realize realized catch caught
    see saw care cared tell told inform informed communicate communicated acknowledge acknowledged ack acked
    understand understood run ran wait waited warn warned mention mentioned update updated document documented
    remember remembered heed heeded hear heard respond responded answer answered reply replied roll rolled revert
    reverted page paged notify notified alert alerted escalate drain drained wait waited
    """)
_PASSIVE_DILIGENCE = lx.word_set(
    "caught noticed spotted seen checked tested verified known obvious clear apparent escalated double-checked"
)


def _person_subject(text: str, m: re.Match[str]) -> bool:
    return _subject(text, m.start()).cls in _PERSONISH


def _person_subject_not_own_account(text: str, m: re.Match[str]) -> bool:
    """A person did it, and it is not someone's account of their own part with its reason ("I missed the warning in
    the console output; it was one line among roughly 4,000")."""
    if not _person_subject(text, m):
        return False
    if _subject(text, m.start()).head.lower() != "i":
        return True
    rest = _sentence_rest(text, m.end())
    return not (_explained_by_system(text, m.end()) or re.search(r"[;:—–]\s*(?:it|the|there|that|this)\b", rest))


def _person_subject_not_we(text: str, m: re.Match[str]) -> bool:
    subject = _subject(text, m.start())
    return subject.cls in _PERSONISH and subject.head.lower() not in ("we", "us")


def _clause_person(text: str, m: re.Match[str]) -> bool:
    return _clause_subject(text, m.start()).cls in _PERSONISH


def _clause_person_not_we(text: str, m: re.Match[str]) -> bool:
    subject = _clause_subject(text, m.start())
    return subject.cls in _PERSONISH and subject.head.lower() not in ("we", "us")


def _first_name(token: str) -> bool:
    """A person's first name, as the lexicon knows them ('Pavel'), not a product ('Heroku', 'Chrome')."""
    word = re.sub(r"['’]s$", "", token.lstrip("@"))
    return word in lx.FIRST_NAMES or word.lower() in lx.FIRST_NAMES or word.capitalize() in lx.FIRST_NAMES


def _named_person(text: str, m: re.Match[str]) -> bool:
    return _first_name(m.group("who"))


def _possessive_first_name(text: str, m: re.Match[str]) -> bool:
    return _first_name(m.group("pos"))


_BAD_OUTCOME_RE = re.compile(
    r"\b(?:lost|lose|losing|broke|broken|took\s+down|taking\s+down|crashed|failed|deleted|dropped|wiped|"
    r"corrupted|cost\s+us|paged\s+everyone|woke|ruined|mess)\b",
    re.IGNORECASE,
)


def _praise_gone_wrong(text: str, m: re.Match[str]) -> bool:
    """'Thanks to Greg's brilliant idea of patching at peak, we lost three nodes'; not the praise in 'Sam's
    brilliant idea of a read-only mode kept the storefront up'."""
    return _possessive_first_name(text, m) and bool(_BAD_OUTCOME_RE.search(_sentence_of(text, m.start(), m.end())))


_HARSH_ACTS_RE = re.compile(
    r"\b(?:wrong|broke|breaks|forgot|forgets|skipped|ignored|ignores|missed|misses|messed|took\s+down|didn['’]?t\s+bother|"
    r"decided\s+that\s+(?:the|this)\s+[\w\s]{0,30}did(?:n['’]?t|\s+not)\s+apply)\b",
    re.IGNORECASE,
)


def _once_more_about_person(text: str, m: re.Match[str]) -> bool:
    """'The help desk, once more, gave students the wrong VPN instructions'; not 'As always, the on-call engineer
    paged the DBA without delay' (a habit that is no fault: 'without' and 'failed' are not enough here)."""
    return _again_about_person(text, m, _HARSH_ACTS_RE)


def _apology_to_colleague(text: str, m: re.Match[str]) -> bool:
    """A person made to apologise to a colleague or a boss ('asked that Theo send a written apology to the CTO');
    not the company's apology to its customers."""
    who = m.group("who")
    if who.upper() in ("CTO", "CEO", "CIO", "CISO", "VP") or who.lower() in ("manager", "director", "team", "board"):
        return True
    return _first_name(who) and _person_in_sentence(text, m)


def _named_person_either(text: str, m: re.Match[str]) -> bool:
    return _first_name(m.group("who") or m.group("who2") or "")


_NEGATED_JUST_BEFORE_RE = re.compile(
    rf"(?:\bnot|n{_A}t|\bnever|\bno\s+one|\bnobody)\s+(?:\w+\s+){{0,2}}$", re.IGNORECASE
)


def _someone_else_not_a_system(text: str, m: re.Match[str]) -> bool:
    """'The weather desk should have known better'; not 'we should have known better' (the writers' own) nor
    'the system should have known better'."""
    subject = _subject(text, m.start())
    return subject.cls != SYSTEM and subject.head.lower() not in ("we", "us", "i")


def _remembered_unprompted(text: str, m: re.Match[str]) -> bool:
    """'Finally, after three incidents, the ops team remembered to scale the servers'; not 'the team finally
    remembered to rotate the key once the expiry reminder was added' (the reminder is the point)."""
    rest = _sentence_rest(text, m.end())
    if re.search(r"\b(?:once|after|when|because|since|thanks\s+to|now\s+that)\b", rest, re.IGNORECASE):
        return False
    return _person_in_sentence(text, m)


def _written_up(text: str, m: re.Match[str]) -> bool:
    """'anyone who deploys without a ticket will be written up' (a person, HR); not 'the outage was written up for
    the board', nor 'he will not be written up' (the negation right before it, not a 'without' further back)."""
    if _NEGATED_JUST_BEFORE_RE.search(text[max(0, m.start() - 40) : m.start()]):
        return False
    return _person_subject(text, m)


def _person_not_we_unexplained(text: str, m: re.Match[str]) -> bool:
    """A person or team (not 'we') as the subject, and no system reason given: 'the QA team never tests the
    Android build'; not 'the on-call never acknowledged because the pager routed to an old number'."""
    return _person_subject_not_we(text, m) and not _explained_by_system(text, m.end())


def _clause_person_not_we_unexplained(text: str, m: re.Match[str]) -> bool:
    return _clause_person_not_we(text, m) and not _explained_by_system(text, m.end())


def _clause_not_system(text: str, m: re.Match[str]) -> bool:
    return _clause_subject(text, m.start()).cls not in (SYSTEM, DEICTIC)


_IRREGULAR_PARTICIPLES = lx.word_set("""
    been known seen done gone read run caught thought taken made told had got gotten found left kept sent spent put
    set let hit cut shut brought bought taught written ridden spoken chosen woken given driven understood stood paid
    said heard held felt meant won lost built slept hung begun drunk shown torn worn drawn grown thrown blown flown
    fallen forgotten forgiven hidden broken frozen stolen undertaken overseen withdrawn rung sung swum sat met led fed
    fled bled read spread shed split quit rolled-back
    """)


def _is_participle(word: str) -> bool:
    return word in _IRREGULAR_PARTICIPLES or word.endswith(("ed", "en", "wn")) or word in lx.PERSON_PARTICIPLES


# A decision that turned out well: "The fast recovery traces back to Aisha's decision to bypass ..."
_GOOD_OUTCOME_RE = re.compile(
    r"\b(?:saved|correct|right\s+call|good\s+call|fast(?:er)?\s+recovery|stable|helped|prevented|avoided|kept\s+\w+\s+up|"
    r"thanks\s+to|paid\s+off|worked|quick(?:er|ly)?\s+recovery|credit)\b",
    re.IGNORECASE,
)
# What follows sarcastic praise: "Nice work, Tevita - nothing says teamwork like a three-hour outage."
_SARCASM_TAIL_RE = re.compile(
    r"[^.!?\n]{0,60}?\b(?:truly|really|real|nothing\s+says|masterclass|outage|down|deleted?|broke)\b", re.I
)
_AUDIENCES = lx.word_set(
    "customers customer tenants tenant users user owners owner clients client leadership members partners subscribers "
    "everyone all stakeholders vendors vendor account accounts"
)
_A_THING = lx.word_set("a an the more some any better proper enough two three automated")


def _should_have(text: str, m: re.Match[str]) -> bool:
    subject = _subject(text, m.start())
    after = _words_after(text, m.end(), 3)
    passive = bool(after) and after[0] == "been"
    verb = (after[1] if len(after) > 1 else "") if passive else (after[0] if after else "")
    if not passive and verb and not _is_participle(verb):
        return False  # possession: "every service should have an owner"
    if not passive and verb == "had" and len(after) > 1 and (after[1] in _A_THING or not _is_participle(after[1])):
        return False  # "we should have had a canary stage": something missing, not someone's act
    if (
        not passive
        and verb == "read"
        and len(after) > 1
        and after[1] in ("access", "only", "permissions", "rights", "replicas")
    ):
        return False  # "operators should have read access"
    if subject.cls == PERSON:
        if "never" in m.group(0).lower():
            return True
        return not (passive and verb in lx.RECIPIENT_PARTICIPLES)
    if subject.cls == WEAK:
        if passive:
            return verb not in lx.RECIPIENT_PARTICIPLES and verb not in lx.SYSTEM_PARTICIPLES
        return verb not in lx.SYSTEM_PARTICIPLES
    if subject.cls == NONE:
        return verb not in lx.SYSTEM_PARTICIPLES and verb != "been"
    if passive and verb in _PASSIVE_DILIGENCE:
        agent = re.match(r"\s+\w+\s+by\s+(?:the\s+|our\s+|an?\s+|its\s+)?([\w\-]+)", text[m.end() : m.end() + 80])
        return not (agent and agent.group(1).lower() in lx.SYSTEM_NOUNS)
    return False


def _failed_to(text: str, m: re.Match[str]) -> bool:
    verb = m.group("verb").lower()
    subject = _subject(text, m.start())
    if subject.cls == PERSON:
        return verb not in lx.ATTEMPT_VERBS
    if subject.cls == WEAK:
        return verb not in lx.SYSTEM_VERBS and verb not in lx.ATTEMPT_VERBS
    if subject.cls == SYSTEM:
        return False
    return verb in lx.PERSON_VERBS and not _explained_by_system(text, m.end())


def _possessive_person(text: str, m: re.Match[str]) -> bool:
    owner = m.group("pos")
    if owner.lower() == "our":
        return False  # "this was our fault, and we are sorry": the organisation owning it, no one singled out
    if owner.lower().replace("’", "'") in ("anyone's", "anybody's", "nobody's", "everyone's"):
        return False  # "whether this was anyone's fault": no one in particular
    return _possessive_class(owner, at_start=_starts_sentence(text, m.start("pos"))) in _PERSONISH


def _starts_sentence(text: str, pos: int) -> bool:
    before = text[max(0, pos - 80) : pos].rstrip()  # bounded: what matters is just before pos
    if not before and pos > 80:
        return False  # only spaces for 80 characters: not the start of the text
    return (
        not before
        or before[-1] in '.!?:;\n"“('
        or bool(re.search(r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[A-Z]{2,4})?$", before))
    )


_PERCEPTION = lx.word_set("see saw notice noticed realise realised realize realized know knew hear heard catch caught")
_EXPLAINED_RE = re.compile(r"\b(?:because|since|as\s+the|as\s+it|due\s+to|until)\b", re.IGNORECASE)


def _omission(text: str, m: re.Match[str]) -> bool:
    verb = m.group("verb").lower()
    if verb not in _OMISSION_VERBS:
        return False
    if verb in _PERCEPTION and _EXPLAINED_RE.search(_sentence_rest(text, m.end())):
        return False  # "didn't see the alert because it went to a muted channel": the reason is systemic
    if verb in _PERCEPTION and _subject(text, m.start()).head.lower() == "i":
        return False  # "the review UI collapsed the migration, so I never saw it": an account of one's own part
    return _person_subject_not_we(text, m)


def _explained_by_system(text: str, pos: int) -> bool:
    """The rest of the sentence gives a reason that is not a person: 'because the staging environment was down'."""
    rest = _sentence_rest(text, pos)
    marker = re.search(
        r"\b(?:because(?:\s+of)?|since|as\s+(?=the\b|it\b|our\b|a\b|an\b|per\b)|due\s+to|per|as\s+(?:allowed|permitted)|"
        r"following|in\s+line\s+with|according\s+to)\b",
        rest,
        re.IGNORECASE,
    )
    if not marker:
        return False
    for token in _TOKEN_RE.findall(rest[marker.end() :])[:4]:
        low = token.lower()
        if low in ("the", "a", "an", "our", "its", "this", "that", "of") or low in lx.POSSESSIVE_PRONOUNS:
            continue  # "because his phone was on silent": the phone is the reason
        return _classify(token, at_start=False) not in _PERSONISH
    return True


def _sentence_rest(text: str, pos: int) -> str:
    """The rest of the sentence after pos, at most 300 characters (long text without stops stays linear)."""
    window = text[pos : pos + 300]
    stop = re.search(r"[.!?\n](?:\s|$)", window)
    return window[: stop.start()] if stop else window


_HARMLESS_GERUNDS = lx.word_set("""
    causing losing affecting interrupting impacting needing requiring dropping breaking waking disrupting incurring
    triggering any downtime errors issue issues problems worrying fearing hesitating being
    """)


def _without_gerund(text: str, m: re.Match[str]) -> bool:
    word = m.group("ger").lower()
    if word in _HARMLESS_GERUNDS:
        return False
    left, _ = _clause_left(text, m.start())
    agent = re.search(r"\bby\s+(?:the\s+)?(@?[^\W\d_][\w\-]*)\W*$", left.rstrip(" ,"))
    if agent and _classify(agent.group(1), at_start=False) in _PERSONISH:
        return True  # "the purge was triggered by Jean-Luc without asking anyone"
    if _PASSIVE_RE.search(left):
        return False  # "the new hire was given access without training": the person is not the actor
    relative = re.search(r"([^\W\d_][\w\-]*)\s*,?\s+(?:which|that)\s+[^,;]*$", left)
    if relative and _classify(relative.group(1), at_start=False) not in _PERSONISH:
        return False  # "using the admin form, which accepts any CSV without validating columns"
    return _clause_subject(text, m.start()).cls in _PERSONISH and not _explained_by_system(text, m.end())


def _person_unexplained(text: str, m: re.Match[str]) -> bool:
    return _subject(text, m.start()).cls in _PERSONISH and not _explained_by_system(text, m.end())


def _clause_person_unexplained(text: str, m: re.Match[str]) -> bool:
    return _clause_subject(text, m.start()).cls in _PERSONISH and not _explained_by_system(text, m.end())


_PASSIVE_RE = re.compile(
    r"\b(?:was|were|been|being|is|are|got|get)\s+(?:\w+ly\s+)?(?:given|granted|sent|asked|told|paged|"
    r"handed|assigned|put|left|made|allowed|expected|required|forced|moved|added|onboarded|hired)\b",
    re.IGNORECASE,
)


def _neglected(text: str, m: re.Match[str]) -> bool:
    return _subject(text, m.start()).cls not in (SYSTEM, DEICTIC)


_AGENT_SKIP = lx.word_set("the a an our their one some two several another new junior senior same")
_AGENT_STOP = lx.word_set("in of on at with for from during after before to into by while when")


def _agent_is_person(text: str, m: re.Match[str]) -> bool:
    """Is the noun phrase right after the match ('by the backend team', 'of Dana's change') a person?"""
    tokens = _TOKEN_RE.findall(text[m.end() : m.end() + 60])[:5]
    for token in tokens:
        low = token.lower().replace("’", "'")
        if low in _AGENT_SKIP:
            continue
        if low in _AGENT_STOP:
            return False
        if low.endswith("'s") or low in lx.POSSESSIVE_PRONOUNS:
            return _possessive_class(token, False) in _PERSONISH
        cls = _classify(token, at_start=False)
        if cls in _PERSONISH:
            return True
        if cls == OTHER and token[0].isupper():
            return False
    return False


def _agent_unexplained(text: str, m: re.Match[str]) -> bool:
    return _agent_is_person(text, m) and not _explained_by_system(text, m.end())


# 'killed 2 idle sessions', 'killed the stuck migration job', 'wiped the cache': what an operator does to fix
# things, not harm done; the object says which.
_OPERATIONAL_OBJECT_RE = re.compile(
    r"\s+(?:the\s+|a\s+|an\s+|all\s+|both\s+|\d+\s+|two\s+|three\s+|several\s+|those\s+|these\s+|off\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:sessions?|process(?:es)?|pids?|pods?|jobs?|quer(?:y|ies)|connections?|transactions?|"
    r"containers?|tasks?|workers?|threads?|locks?|backends?|cache|caches|queues?|consumers?|cron(?:job)?s?|"
    r"instances?|replicas?|builds?|deploys?|deployments?|rollouts?)\b",
    re.IGNORECASE,
)


def _person_cause_unexplained(text: str, m: re.Match[str]) -> bool:
    if m.group(0).lower() in ("killed", "wiped", "nuked") and _OPERATIONAL_OBJECT_RE.match(text, m.end()):
        return False  # 'Lee killed 2 idle-in-transaction sessions': a fix, by its object
    return _person_subject_not_we(text, m) and not _explained_by_system(text, m.end())


def _person_in_sentence(text: str, m: re.Match[str]) -> bool:
    floor, ceiling = max(0, m.start() - 300), min(len(text), m.end() + 300)  # bounded: stays linear
    start = max(text.rfind(".", floor, m.start()), text.rfind("\n", floor, m.start()), floor - 1) + 1
    stop_candidates = [i for i in (text.find(".", m.end(), ceiling), text.find("\n", m.end(), ceiling)) if i != -1]
    stop = min(stop_candidates) if stop_candidates else ceiling
    sentence = text[start:stop]
    for i, token in enumerate(_TOKEN_RE.findall(sentence)):
        low = token.lower().replace("’", "'")
        if low.endswith("'s") and _possessive_class(token, i == 0) in _PERSONISH:
            return True
        if _classify(token, at_start=(i == 0)) == PERSON and low not in ("who", "we", "us"):
            return True
    return False


def _nobody_did(text: str, m: re.Match[str]) -> bool:
    rest = text[m.end() : m.end() + 120]
    return not re.search(r"\b(?:because|since|as\s+the|due\s+to)\b", rest.split(".")[0], re.IGNORECASE)


def _why_didnt(text: str, m: re.Match[str]) -> bool:
    """'Why didn't the engineer check ...': a person subject followed by a diligence verb."""
    tokens = [t for t in _TOKEN_RE.findall(m.group("rest")) if t.lower() not in ("just", "simply", "even", "actually")]
    for i, token in enumerate(tokens[:-1]):
        if _classify(token, at_start=False) in _PERSONISH:
            verb = tokens[i + 1].lower()
            return verb in _OMISSION_VERBS or verb in lx.PERSON_VERBS
    return False


def _who_let(text: str, m: re.Match[str]) -> bool:
    head = re.match(r"who\s+(?:let|allowed)", m.group(0), re.IGNORECASE)
    tokens = _TOKEN_RE.findall(m.group(0)[head.end() :] if head else "")
    for token in tokens[:3]:
        if token.lower() in _AGENT_SKIP:
            continue
        return _classify(token, at_start=False) in _PERSONISH
    return False


def _human_error(text: str, m: re.Match[str]) -> bool:
    rest = text[m.end() : m.end() + 40]
    return not re.match(
        r"\s+(?:is|was|are|isn['’]t|wasn['’]t)\s+(?:never|not|rarely|seldom|only|just|a\s+symptom|a\s+starting|the\s+start)",
        rest,
        re.IGNORECASE,
    ) and not re.search(
        r"\b(?:rather\s+than|instead\s+of|beyond|than|replace|replaced|replacing|past)\s+$",
        text[max(0, m.start() - 30) : m.start()],
        re.IGNORECASE,
    )


def _if_had(text: str, m: re.Match[str]) -> bool:
    who = m.group("who")
    verb = m.group("verb").lower()
    if _classify(who, at_start=False) not in _PERSONISH:
        return False
    if verb == "been":  # "if the reviewer had been paying attention", but not "if Dana had been paged"
        after = _words_after(text, m.end(), 1)
        return bool(after) and after[0] not in lx.RECIPIENT_PARTICIPLES and after[0] not in lx.SYSTEM_PARTICIPLES
    return verb in lx.PERSON_PARTICIPLES or verb in _OMISSION_VERBS or verb in ("done", "bothered")


def _if_had_not(text: str, m: re.Match[str]) -> bool:
    """'If Siobhan hadn't skipped the checklist': a person, and something they did (not 'been paged')."""
    verb = m.group("verb").lower()
    if _classify(m.group("who"), at_start=False) not in _PERSONISH or verb == "been":
        return False
    return _is_participle(verb) and verb not in lx.RECIPIENT_PARTICIPLES


def _had_inverted(text: str, m: re.Match[str]) -> bool:
    words = _TOKEN_RE.findall(m.group("m"))[1:-1]  # between "Had" and the verb: "the SRE on call actually"
    return any(_classify(w, at_start=False) in _PERSONISH for w in words if w.lower() not in ("not", "on", "call"))


def _not_system_subject(text: str, m: re.Match[str]) -> bool:
    return _subject(text, m.start()).cls not in (SYSTEM, DEICTIC)


_BLAMING_DISCUSSED_RE = re.compile(
    r"[^.!?;:\n]{0,60}?\b(?:would|will|wo|is|was|does|did|helps?|misses|miss)(?:n['’]?t|\s+not)?\s+(?:\w+\s+){0,2}?"
    r"(?:miss|help|fix|solve|explain|prevent|useful|helpful|pointless|wrong)\b",
    re.IGNORECASE,
)


_SYSTEM_BLAMED_RE = re.compile(
    r"\s+(?:the\s+|a\s+|our\s+)?(?:users?|customers?|players?|callers?|clients?|shoppers?|members?|visitors?|"
    r"applicants?|patients?|students?|input|network|browser|device|card|bank)\b",
    re.IGNORECASE,
)


def _blame_used(text: str, m: re.Match[str]) -> bool:
    """'Dana is to blame'; not 'Blaming the on-call engineer would miss the point' (discussed and set aside),
    nor 'The pipeline is to blame for letting an unsigned image through' (a system)."""
    if m.group(0).lower().startswith("to") and _subject(text, m.start()).cls == SYSTEM:
        return False
    if (
        m.group(0).lower() in ("blamed", "blames")
        and _subject(text, m.start()).cls == SYSTEM
        and _SYSTEM_BLAMED_RE.match(text, m.end())
    ):
        return False  # "the error message blamed the user": what a system told its users, not blame here
    lies_with = re.match(
        r"\s+for\b[^.;:]{0,60}?\b(?:sits|lies|rests|is|was)\s+(?:squarely\s+)?with\s+((?:[\w\-]+\s+){0,3}[\w\-]+)",
        text[m.end() : m.end() + 140],
    )
    if m.group(0).lower() == "blame" and lies_with:
        # "The blame for the delay sits with our escalation policy": a thing, not a person
        return not any(_classify(w, at_start=False) == SYSTEM for w in lies_with.group(1).split())
    if m.group(0).lower() in ("blaming", "blame") and _clause_left(text, m.start())[0].strip() == "":
        return not _BLAMING_DISCUSSED_RE.match(text, m.end())  # "Blame is not useful here: ..."
    return True


def _who_is_person(text: str, m: re.Match[str]) -> bool:
    return _classify(m.group("who"), at_start=False) in _PERSONISH


_NEGATED_SEARCH_RE = re.compile(
    r"\b(?:rather\s+than|instead\s+of|not|no|without|never|avoid|avoiding|stop|stopped)\s+(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)


def _culprit(text: str, m: re.Match[str]) -> bool:
    """'Dana was the culprit', but not '... rather than looking for a culprit'."""
    if _NEGATED_SEARCH_RE.search(text[max(0, m.start() - 60) : m.start()]):
        return False
    return _person_in_sentence(text, m)


_JUDGED_THINGS = lx.word_set("""
    default defaults design implementation naming wording logic setting settings interface api ui ux cli prompt
    library dependency sdk
    """)
# What people make: judged as a thing only when no person is named in the sentence ("Sloppy timestamp parsing in
# the radar decoder"; but "Priya's careless schema change", "Sam wrote a careless query").
_JUDGED_WORK = lx.word_set("""
    parsing validation regex schema query queries timestamp timestamps part bit piece contract spec docs documentation
    """)
_PERSON_ACTIONS = lx.word_set("""
    deploy deployment deploys change changes review reviews rollout release push merge commit migration response
    handoff handover handling fix decision work testing rollback approach
    """)
_COPULA_BEFORE_RE = re.compile(r"\b(?:was|is|were|are|be|been|seems|seemed|looks|looked)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _judges_person(text: str, m: re.Match[str]) -> bool:
    """A judgement word about a person, not about a thing: 'a careless default', 'the script was careless
    about errors' judge the system (and are left alone). 'A careless change' judges whoever made it."""
    after = _words_after(text, m.end(), 1)
    if after and after[0] in _JUDGED_THINGS:
        return False
    if after and after[0] in _JUDGED_WORK and not _person_in_sentence(text, m):
        return False
    if m.group(0).lower().startswith("be"):
        left = _TOKEN_RE.findall(_clause_left(text, m.start())[0])
        if left and not any(_classify(t, at_start=i == 0) in _PERSONISH for i, t in enumerate(left)):
            return False  # "The parser must be more careful about trailing whitespace": a thing's behaviour
    before = _TOKEN_RE.findall(text[max(0, m.start() - 40) : m.start()])
    if before and _possessive_class(before[-1], at_start=False) == SYSTEM:
        return False  # "the library's careless handling of null headers"
    if re.match(r"\s+(?:is|was|were|are)(?:n['’]t|\s+not|\s+never)\b", text[m.end() : m.end() + 20]):
        return False  # "Carelessness is not the explanation: ..."
    if _COPULA_BEFORE_RE.search(text[max(0, m.start() - 30) : m.start()]):
        subject = _subject(text, m.start())
        if subject.cls == SYSTEM and subject.head.lower() in _COMPONENT_OR_ROLE:
            return False  # "The HSM driver is sloppy about releasing sessions": a component
        if subject.head.lower() in _PERSON_ACTIONS:
            return True  # "the deploy was negligent": whoever deployed is judged
        return not (subject.cls in (SYSTEM, DEICTIC) and not _person_in_sentence(text, m))
    return True


def _worse(text: str, m: re.Match[str]) -> bool:
    """'Leo restarted the wrong host, making it worse' (the clause's subject) but not '... and that step made
    things worse' (the nearest subject, a thing)."""
    if m.group(0).lower().startswith("making"):
        return _clause_subject(text, m.start()).cls in _PERSONISH
    return _subject(text, m.start()).cls in _PERSONISH


def _sarcasm_about_person(text: str, m: re.Match[str]) -> bool:
    words = m.group(0).lower()
    if words.startswith(("another", "classic", "typical")):
        name = _TOKEN_RE.findall(m.group(0))[-2]
        return _classify(name, at_start=False) in _PERSONISH
    if words.startswith(("as usual", "again", "of course")):
        return _person_in_sentence(text, m)
    return True


def _sentence_of(text: str, start: int, end: int) -> str:
    """The sentence around [start, end), at most 300 characters either side (long text without stops)."""
    floor, ceiling = max(0, start - 300), min(len(text), end + 300)
    lo = max(text.rfind(".", floor, start), text.rfind("\n", floor, start), floor - 1) + 1
    stops = [i for i in (text.find(". ", end, ceiling), text.find("\n", end, ceiling)) if i != -1]
    return text[lo : min(stops) if stops else ceiling]


def _sentence_has(pattern: str, *, absent: bool = False) -> Cond:
    """A condition: the hit's sentence has (or, with `absent`, has not) words that match `pattern`."""
    compiled = re.compile(pattern, re.IGNORECASE)

    def cond(text: str, m: re.Match[str]) -> bool:
        return bool(compiled.search(_sentence_of(text, m.start(), m.end()))) != absent

    return cond


def _nearest_subject_a_person(text: str, m: re.Match[str]) -> bool:
    """The nearest subject is a person, a role or a name, and not 'we' ('the parser must be more careful' is not)."""
    subject = _subject(text, m.start())
    return subject.cls in _PERSONISH and subject.head.lower() not in ("we", "us")


def _someone_not_we(text: str, m: re.Match[str]) -> bool:
    """The nearest subject, or the clause's ('the SRE who wrote this alert has no idea ...'), is a person."""
    if _person_subject_not_we(text, m):
        return True
    subject = _clause_subject(text, m.start())
    return subject.cls in _PERSONISH and subject.head.lower() not in ("we", "us")


_BAD_ACTS_RE = re.compile(
    r"\b(?:wrong|broke|breaks|break|forgot|skipped|ignored|failed|missed|messed|deleted|dropped|crashed|took\s+down|"
    r"without|manages?\s+to|again)\b",
    re.IGNORECASE,
)


def _again_about_person(text: str, m: re.Match[str], acts: re.Pattern[str] = _BAD_ACTS_RE) -> bool:
    """'Lars, once again, deployed to the wrong cluster'; not 'once again, thanks to Dana'."""
    sentence = _sentence_of(text, m.start(), m.end())
    rest = sentence.replace(m.group(0), " ", 1)
    tokens = _TOKEN_RE.findall(sentence)
    someone = any(_classify(t, at_start=False) in _PERSONISH for t in tokens[1:]) or _person_in_sentence(text, m)
    return someone and bool(acts.search(rest))


def _on_person(text: str, m: re.Match[str]) -> bool:
    """'This one's on Pedro', 'the batch failure is on Ken;' (a name or a role, not 'is on Confluence')."""
    who = m.group("who")
    line_start = max(text.rfind("\n", max(0, m.start() - 120), m.start()) + 1, m.start() - 120)
    if re.search(r"\w[^:\n]{0,60}:\s*$", text[line_start : m.start()]) and not re.match(
        r"\s*[,;—–-]?\s*(?:he|she|they|who|again|as\s+usual)\b", text[m.end() : m.end() + 20], re.IGNORECASE
    ):
        return False  # "Customer comms: it's on Ayesha, with a draft due tomorrow": who owns the follow-up
    after = re.match(r"\s*,\s*([\w'’]+)", text[m.end() : m.end() + 30])
    if after and after.group(1).lower() not in (
        *("he", "she", "they", "who", "again", "as", "because", "since", "not"),
        *("full", "period", "end", "simple", "plain", "no", "nobody", "not"),  # "..., full stop", "..., period"
    ):
        return False  # "retry budget change, it's on Chen, PR is up": an owner and where the work stands
    lead = m.group(0).split()[0].lower().split("'")[0].split("’")[0]
    if lead in ("this", "that", "it"):
        return _classify(who, at_start=False) in _PERSONISH
    return who in lx.FIRST_NAMES or _classify(who, at_start=False) == PERSON


_IF_ONLY_NOT_ABOUT_PEOPLE_RE = re.compile(
    r"\s+(?:one|two|three|a\s+few|a\s+single|some|part|half|\d+|the\s+primary|the\s+secondary|reads?|writes?|"
    r"(?:we|they|you)\s+had\s+(?:a|an|the|more|some|any|enough|better|proper|had)|there\s+(?:was|were|had\s+been)|it\s+had)\b",
    re.IGNORECASE,
)


def _if_only(text: str, m: re.Match[str]) -> bool:
    """'If only Dana had checked', not 'if only one replica is healthy' or 'if only we had a staging copy'."""
    if _IF_ONLY_NOT_ABOUT_PEOPLE_RE.match(text, m.end()):
        return False
    if re.match(r"\s+the\s+(?:[\w\-]+\s+){0,2}[\w\-]+\s+(?:had|has)\s+been\s+\w+ed\b", text[m.end() : m.end() + 80]):
        return False  # "if only the restore had been tested on a full-size dataset": about the process
    thing = re.match(
        r"\s+the\s+((?:[\w\-]+\s+){0,2}[\w\-]+)\s+(?:had|used|was|were|did|could)\b", text[m.end() : m.end() + 60]
    )
    # "if only the cluster had ...", "if only the load balancer had ..."
    if thing and any(_classify(w, at_start=False) == SYSTEM for w in thing.group(1).split()):
        return False
    acted = re.match(r"\s+the\s+((?:[\w\-]+\s+){0,2}?[\w\-]+)\s+[a-z]+ed\b", text[m.end() : m.end() + 60])
    # "if only the optimizer logged which constraint ...": a thing (no person, role or name) that did something
    return not (acted and not any(_classify(w, at_start=False) in _PERSONISH for w in acted.group(1).split()))


def _could_have(text: str, m: re.Match[str]) -> bool:
    subject = _subject(text, m.start())
    if subject.cls in _PERSONISH:
        return True
    # "Mateus could have just asked": a subject that is not a system, doing what people do
    verb = _TOKEN_RE.findall(m.group(0))[-1].lower()
    return subject.cls == OTHER and verb not in lx.SYSTEM_PARTICIPLES and verb not in lx.SYSTEM_VERBS


_TECH_LAZY = (
    r"(?![\s-]+(?:load|loading|loaded|loads|evaluation|evaluated|eval|init|initiali[sz]ation|initiali[sz]ed|import|"
    r"imports|imported|iterator|iteration|sequence|property|properties|attribute|fetch|fetching|fetched|deletion|"
    r"expiry|expiration|binding|mode|parsing|parsed|rendering|rendered|hydration|compilation|compiled|consumer|"
    r"instantiation|instantiated|val|list|stream|queue|migration|write|writes|allocation|allocated|mounting|"
    r"mounted|computed|created|resolved|resolution|approach\s+to\s+loading))"
)

_PATTERNS: tuple[_Pattern, ...] = (
    # --- should have (hindsight), unless it is about a system
    _p(
        "blame.should-have",
        rf"\b(?:should(?:\s+not|\s+never|n{_A}?t)?\s+have|should{_A}?ve|shouldn{_A}?t{_A}?ve|ought\s+(?:not\s+|never\s+)?to\s+have)\b",
        "should shouldn ought shouldve shouldnt shouldntve",
        _should_have,
        negatable=False,
    ),
    # --- counterfactuals
    _p("blame.counterfactual", r"\bif\s+only\b", "if only", _if_only, negatable=False),
    _p(
        "blame.counterfactual",
        r"\bif\s+(?:the\s+|an?\s+|our\s+)?(?P<who>(?:@|[^\W\d_])[\w\-]*)\s+had\s+(?:only\s+|just\s+|simply\s+|actually\s+|bothered\s+to\s+)?(?P<verb>[a-z\-]+)",
        "if",
        _if_had,
        negatable=False,
    ),
    _p(
        "blame.counterfactual",
        r"(?:^|(?<=[.;:!?,\n]\s)|(?<=[.;:!?,\n]))\s*(?P<m>[Hh]ad\s+(?:the\s+|an?\s+|our\s+)?(?P<who>(?:@|[^\W\d_])[\w\-]*)"
        r"(?:\s+(?:on\s+call|on-call|[A-Za-z][\w\-]*)){0,2}?\s+(?:not\s+|only\s+|just\s+|simply\s+|actually\s+|bothered\s+to\s+)*"
        r"(?:[a-z]+ed|read|seen|known|run|caught|thought|looked|done|taken|written|gone)\b)",
        "had",
        _had_inverted,
        negatable=False,
        group="m",
        flags=0,
    ),
    _p(
        "blame.counterfactual",
        r"\bcould\s+(?:easily\s+|have\s+easily\s+)?have\s+(?:easily\s+)?(?:prevented|avoided|caught|stopped|noticed|spotted)\b|"
        r"\bcould\s+have\s+(?:just|simply|easily)\s+[a-z]+ed\b|\bcould\s+(?:just|simply|easily)\s+have\s+[a-z]+ed\b",
        "could",
        _could_have,
    ),
    # --- failed to
    _p(
        "blame.failed-to",
        r"\bfail(?:ed|s)?\s+to\s+(?P<verb>[a-z][a-z\-]*)",
        "fail failed fails",
        _failed_to,
        phrase=True,
    ),
    _p(
        "blame.failed-to",
        rf"(?P<pos>\b(?:@|[^\W\d_])[\w\-]*{_A}s|\b(?:his|her|their|my|your|our))\s+"
        r"(?:(?:repeated|constant|continued|continuing|ongoing|many|multiple|numerous|persistent|latest|recent|"
        r"habitual|chronic)\s+)?failures?\s+to\b",
        "failure failures",
        _possessive_person,
    ),
    # --- forgot
    _p(
        "blame.forgot",
        r"\b(?:forgot|forgets|forgetting|(?:had|has|have)\s+forgotten)\b",
        "forgot forgets forgetting forgotten",
        _not_system_subject,
        phrase=True,
    ),
    # --- omissions
    _p(
        "blame.omission",
        rf"\b(?:didn{_A}?t|did\s+not|never)\s+(?:even\s+|actually\s+|properly\s+|bother\s+to\s+)?(?P<verb>[a-z][a-z\-]*)",
        "didn didnt did never",
        _omission,
        negatable=False,
        phrase=True,
    ),
    _p("blame.omission", r"\bneglect(?:ed|s)?\s+to\b", "neglect neglected neglects", _neglected, phrase=True),
    _p(
        "blame.omission",
        r"\bneglect(?:ed|s|ing)?\b(?!\s+to\b)",
        "neglect neglected neglects neglecting",
        _person_subject,
    ),
    _p(
        "blame.omission",
        r"\b(?:violated|violates|breached|disobeyed|circumvented|flouted|defied|went\s+around|bypassing|ignoring)\s+"
        r"(?:the\s+|our\s+|a\s+|an\s+)?(?:\w+\s+){0,2}(?:policy|policies|rules?|process|protocol|procedure|guidelines?|"
        r"checklist|runbook|change\s+freeze|freeze)\b",
        "violated violates breached disobeyed circumvented flouted defied went bypassing ignoring",
        _clause_person,
    ),
    _p(
        "blame.omission",
        rf"\b(?:didn{_A}?t|did\s+not|never|(?:nobody|no\s+one|no-one)(?:\s+(?:on|in|from|at)\s+(?:the\s+|our\s+)?[\w\-]+(?:\s+team)?)?|"
        rf"couldn{_A}?t\s+be|could\s+not\s+be|without|not)\s+(?:even\s+|ever\s+)?bother(?:ed|ing|s)?\b",
        "bother bothered bothering bothers",
        _not_system_subject,
        negatable=False,
    ),
    _p(
        "blame.sarcasm",
        r"\bfinally\s+(?:bothered|deigned|got\s+around)\s+to\b|\bdeign(?:ed|s)?\s+to\b",
        "finally deigned deign deigns",
        _person_subject,
        negatable=False,
    ),
    _p(
        "blame.omission",
        r"\b(?:nobody|no\s+one|no-one)(?:\s+(?:on|in|from|at)\s+(?:the\s+|our\s+|that\s+)?[\w\-]+(?:\s+team)?)?"
        r"\s+(?:ever\s+|even\s+|actually\s+)?(?:thought\s+to\s+|bothered\s+to\s+)?(?:checked|tested|verified|noticed|looked|reviewed|read|reads|checks|"
        r"looks|tests|cares|cared|listened|listens|paid\s+attention|pays\s+attention|followed|follows|thought|asked|double-checked)\b",
        "nobody no",
        _nobody_did,
        negatable=False,
    ),
    _p(
        "blame.omission",
        r"\b(?:ignored|ignores|overlooked|overlooks|skipped|skips|bypassed|disregarded)\b(?!\s+(?:nothing|none|no)\b)",
        "ignored ignores overlooked overlooks skipped skips bypassed disregarded",
        _person_unexplained,
    ),
    _p(
        "blame.omission",
        r"\b(?:ignored|overlooked|missed|neglected|dismissed|skipped|disregarded|forgotten)\s+(?:\w+\s+)?by\b",
        "ignored overlooked missed neglected dismissed skipped disregarded forgotten",
        _agent_is_person,
    ),
    _p(
        "blame.omission",
        r"\bwent\s+back\s+to\s+sleep\b|\bwalked\s+away\b|\binstead\s+of\s+(?:acknowledging|escalating|checking|reading|testing|"
        r"following|asking|paging|looking|answering|responding|rolling\s+back|waiting)\b",
        "went walked instead",
        _clause_person_unexplained,
    ),
    _p(
        "blame.omission",
        rf"\b(?:and|but)\s+(?:he|she|they|[A-Z][a-z]+)\s+(?:didn{_A}?t|did\s+not|never\s+did|never\s+has|hasn{_A}?t|failed)\s*(?:[.!;]|$)",
        "and but",
        negatable=False,
    ),
    _p(
        "blame.omission",
        r"\bmissed\s+(?:the\s+|an?\s+|his\s+|her\s+|their\s+|all\s+|several\s+|multiple\s+|this\s+|that\s+|two\s+|three\s+)?"
        r"(?:\w+\s+)?(?:alert|alerts|page|pages|warning|warnings|signs?|signals?|steps?|message|messages|notifications?|email|emails|ping|call|review|"
        r"regression|regressions|bug|bugs|typo|typos|error|errors|problem|problems|issue|issues|deadline|handoff|hand-off)\b|"
        r"\bmissed\s+(?:an?\s+|the\s+)?(?:obvious|glaring|clear|simple|basic|blatant)\b",
        "missed",
        _person_subject_not_own_account,
    ),
    _p(
        "blame.omission",
        r"\bwithout\s+(?:any\s+|a\s+|first\s+|even\s+|properly\s+|so\s+much\s+as\s+)?(?P<ger>[a-z]+ing|review|approval|tests|"
        r"permission|asking|a\s+second\s+thought)\b",
        "without",
        _without_gerund,
    ),
    _p(
        "blame.omission",
        r"\b(?:despite|in\s+spite\s+of)\s+(?:being\s+|having\s+been\s+)?(?:told|warned|asked|reminded|advised)\b|"
        r"\bagainst\s+(?:the\s+|my\s+|our\s+|their\s+|\w+['’]s\s+)?(?:advice|guidance|instructions|recommendation)\b",
        "despite spite against",
        _clause_person_unexplained,
    ),
    _p(
        "blame.omission",
        r"\b(?:chose|decided|opted|elected|refused|declined|choosing|deciding|refusing)\s+(?:not\s+to(?!\s+(?:name|blame|single\s+out|"
        r"identify|point\s+fingers))|to\s+(?:ignore|skip|bypass|override|"
        r"disregard|silence))\b|\b(?:refused|declined|refusing)\s+to\b",
        "chose decided opted elected refused declined choosing deciding refusing",
        _person_unexplained,
        negatable=False,
    ),
    _p(
        "blame.omission",
        r"\b(?:anyway|regardless)\b(?!\s+of)",
        "anyway regardless",
        _clause_person_not_we,
        negatable=False,
    ),
    # --- judging a person
    _p(
        "blame.judgement",
        r"\b(?:careless(?:ly|ness)?|sloppy|sloppily|sloppiness|negligen(?:t|tly|ce)|incompeten(?:t|tly|ce)|reckless(?:ly|ness)?|"
        r"irresponsib(?:le|ly|ility)|unprofessional(?:ly|ism)?|inexcusabl[ey]|inexperienced|stupid(?:ly|ity)?|idiot(?:s|ic)?|"
        r"moron(?:s|ic)?|clueless(?:ness)?|bone-?headed|amateur(?:ish)?|rookie|half-?assed|dropped\s+the\s+ball|asleep\s+at\s+the\s+wheel|"
        r"overconfiden(?:t|ce)|arrogan(?:t|ce)|cowboy|hotshot|gung-?ho|overzealous|trigger-?happy|thoughtless(?:ly|ness)?|"
        r"inattenti(?:ve|on)|foolish(?:ly|ness)?|foolhardy|brainless|complacen(?:t|cy)|cavalier|inept(?:itude|ness)?|bumbling|"
        r"butter-?fingers|ham-?fisted|cack-?handed|disgrace(?:ful)?|shameful|incapable|unfit|shoddy|slapdash|slipshod|"
        r"rubber-?stamp(?:ed|ing|s)?|went\s+rogue|cut(?:ting)?\s+corners|no\s+excuse|unforgivabl[ey]|"
        r"couldn['’]t\s+care\s+less|"
        r"screw(?:ed|s|ing)?\s+(?:it\s+|this\s+|things\s+)?up|botch(?:ed|es|ing)?|bungl(?:ed|es|ing|e)|silly\s+mistakes?|"
        r"kn(?:ow|ew)\s+better|no\s+idea\s+what\s+(?:he|she|they|i|you|we)\s+(?:was|were|am|are)\s+doing|"
        r"be(?:ing)?\s+(?:more|so|extra|a\s+lot\s+more)\s+(?:careful|vigilant|diligent|attentive)|take\s+more\s+care|"
        r"pay(?:ing)?\s+(?:more|closer|better)\s+attention|lack\s+of\s+(?:care|attention|diligence|discipline|rigou?r|"
        r"professionalism|competence|common\s+sense|ownership|accountability|effort|focus|skill))\b",
        "careless carelessly carelessness sloppy sloppily sloppiness negligent negligently negligence incompetent "
        "incompetently incompetence reckless recklessly recklessness irresponsible irresponsibly irresponsibility "
        "unprofessional unprofessionally unprofessionalism inexcusable inexcusably inexperienced stupid stupidly "
        "stupidity idiot idiots idiotic moron morons moronic clueless cluelessness boneheaded bone amateur amateurish "
        "rookie half "
        "overconfident overconfidence arrogant arrogance cowboy hotshot gung ho overzealous trigger thoughtless "
        "thoughtlessly thoughtlessness inattentive inattention foolish foolishly foolishness foolhardy brainless "
        "complacent complacency cavalier inept ineptitude ineptness bumbling butter butterfingers ham cack disgrace "
        "disgraceful shameful incapable unfit shoddy slapdash slipshod rubber went rogue cut cutting corners excuse "
        "unforgivable unforgivably couldn mind "
        "halfassed dropped asleep screw screwed screws screwing botch botched botches botching bungle bungled bungles "
        "bungling silly know knew idea careful vigilant diligent attentive care attention lack",
        _judges_person,
    ),
    _p("blame.judgement", r"(?:\bnot|n['’]?t)\s+paying\s+attention\b", "paying", negatable=False),
    _p(
        "blame.judgement",
        r"(?:\bnot|n['’]?t)\s+(?:being\s+)?(?:careful|thorough|diligent|attentive|vigilant)(?:\s+enough)?\b",
        "careful thorough diligent attentive vigilant",
        _person_subject,
        negatable=False,
    ),
    _p(
        "blame.judgement",
        r"(?:\bcan['’]t|\bcannot|\bcan\s+not)\s+(?:even\s+)?(?:read|follow|write|type|spell|count|code|be\s+trusted)\b",
        "can cannot",
        _person_subject,
        negatable=False,
    ),
    _p("blame.judgement", r"\b(?:in|of)\s+(?:his|her|their|your|my)\s+right\s+minds?\b", "mind", negatable=False),
    _p(
        "blame.omission",
        r"\bs(?:at|its|itting)\s+on\s+(?:the|an?|this|that|his|her|their)\s+(?:alert|alerts|page|pages|ticket|tickets|issue|"
        r"warning|warnings|incident|problem|review|pr)\b|\bsat\s+on\s+it\b",
        "sat sits sitting",
        _person_subject,
    ),
    _p(
        "blame.judgement",
        r"\b(?:bad|poor|questionable|terrible|awful|lousy)\s+(?:judg(?:e)?ment|decision(?:-making)?s?|choices?|"
        r"attitude|engineering)\b",
        "bad poor questionable terrible awful lousy",
    ),
    _p(
        "blame.judgement",
        r"\b(?:unacceptable|inexcusable|unforgivable)\b",
        "unacceptable inexcusable unforgivable",
        _person_in_sentence,
    ),
    _p(
        "blame.person-cause",
        r"\b(?:pushed|deployed|shipped|merged|committed|released|rolled\s+out)\s+(?:(?:a|an|the|his|her|their|another|more|some)\s+)?"
        r"(?:broken|bad|buggy|untested|faulty|half-finished|unfinished)\b",
        "pushed deployed shipped merged committed released rolled",
        _clause_person,
    ),
    _p(
        "blame.sarcasm",
        r"\b(?:maybe|perhaps|hopefully)\s+(?:next\s+time\s+)?(?:\w+\s+){0,2}(?:will|might|can|could)\s+"
        r"(?:actually|finally|bother\s+to)\b|"
        r"\b(?:will|would|might)\s+(?:actually|finally)\s+(?:read|follow|check|test|look|listen|bother|pay|remember|learn)\b",
        "maybe perhaps hopefully will would might",
        negatable=False,
    ),
    _p(
        "blame.judgement",
        r"\b(?:keeps?|kept|always|constantly|continually|repeatedly)\s+(?:on\s+)?(?:breaking|causing|forgetting|ignoring|making\s+(?:the\s+same\s+|another\s+|these\s+|such\s+)?mistakes?|"
        r"messing|skipping|missing|screwing|breaks|forgets|ignores|skips|misses|causes|pushing\s+broken|rush|rushes|rushing|"
        r"cut\s+corners|cuts\s+corners|cutting\s+corners|ship\s+broken|ships\s+broken|break|forget|ignore|skip)\b",
        "keep keeps kept always constantly continually repeatedly",
        _person_subject,
    ),
    _p(
        "blame.judgement",
        r"\b(?:people|engineers|developers|devs|everyone|everybody|staff|operators|the\s+team|you|they)\s+(?:just\s+|simply\s+|really\s+)?"
        r"(?:need|needs|have|has|must|should|ought)\s+to\s+(?:just\s+|simply\s+)?(?:follow|read|pay|remember|stop|learn|think|"
        r"listen|check\s+their|be\s+(?:more\s+)?(?:careful|responsible|professional))\b",
        "need needs have has must should ought",
    ),
    _p(
        "blame.judgement",
        r"\bno\s+business\s+(?:touching|doing|being|running|deploying|changing|making|having)\b",
        "business",
        negatable=False,
    ),
    _p(
        "blame.person-cause",
        r"\b(?:made|making|makes)\s+(?:it|things|this|everything|matters|the\s+outage|the\s+incident)\s+worse\b",
        "worse",
        _worse,
    ),
    _p(
        "blame.omission",
        rf"\b(?:why|how\s+come)\s+(?:didn{_A}?t|did\s+not|wasn{_A}?t|weren{_A}?t|hasn{_A}?t|haven{_A}?t|couldn{_A}?t)\s+"
        r"(?P<rest>(?:[@\w\-]+\s+){1,5}[a-z\-]+)",
        "why come",
        _why_didnt,
        negatable=False,
    ),
    _p(
        "blame.sarcasm",
        r"\bwho\s+(?:let|allowed)\s+(?:the\s+|an?\s+|our\s+)?\w+(?:\s+\w+)?\s+(?:to\s+)?\w+",
        "who",
        _who_let,
        negatable=False,
    ),
    _p(
        "blame.judgement",
        r"\b(?:do|did|done|doing|does)\s+(?:his|her|their|your|my)\s+(?:job|jobs)\b(?!\s+well)",
        "do did done doing does",
        _clause_person,
    ),
    _p(
        "blame.judgement",
        rf"\b(?:didn{_A}?t|did\s+not|doesn{_A}?t|does\s+not|don{_A}?t|do\s+not|never|failed\s+to|not)\s+(?:even\s+|really\s+)?"
        r"do(?:ing)?\s+(?:his|her|their|your|my)\s+(?:job|jobs)\b",
        "job jobs",
        negatable=False,
    ),
    _p(
        "blame.judgement",
        rf"\b(?:didn{_A}?t|did\s+not|don{_A}?t|doesn{_A}?t|does\s+not|do\s+not)\s+(?:even\s+)?(?:know|understand)\s+what\s+"
        r"(?:he|she|they|i|you|we)\s+(?:was|were|is|are|am)\s+doing\b",
        "doing",
        negatable=False,
    ),
    _p(
        "blame.judgement",
        rf"\b(?:didn{_A}?t|did\s+not|doesn{_A}?t|does\s+not|don{_A}?t)\s+even\s+(?:know|understand|realise|realize)\b|"
        r"\b(?:has|have|had)\s+(?:no|zero)\s+(?:idea|clue)\s+(?:what|how|about)\b|"
        rf"\b(?:doesn{_A}?t|does\s+not|don{_A}?t|do\s+not)\s+(?:really\s+)?(?:understand|know)\s+(?:how|what)\s+"
        r"(?:[\w\-]+\s+){1,3}(?:works?|is|are|means?|does)\b",
        "even idea clue understand know",
        _someone_not_we,
        negatable=False,
    ),
    _p(
        "blame.judgement",
        r"\b(?:was|were|is|are|being)\s+(?:way\s+|far\s+|much\s+|just\s+|simply\s+)?too\s+(?:lazy|careless|hasty|impatient|arrogant|proud|"
        r"stubborn)\b",
        "too",
        _person_cause_unexplained,
    ),
    _p(
        "blame.judgement",
        r"\b(?:blew|blown|blows)\s+it\b|\byolo(?:[\s-]+\w+)?\b|\b(?:should\s+be\s+|are\s+|is\s+)?ashamed\b",
        "blew blown blows yolo ashamed everyone",
        _person_in_sentence,
    ),
    _p(
        "blame.judgement",
        r"\b(?:embarrassing|embarrassment|embarrassed|pathetic|laughable|shameful|a\s+joke|ridiculous)\b",
        "embarrassing embarrassment embarrassed pathetic laughable shameful joke ridiculous",
        _person_in_sentence,
    ),
    _p(
        "blame.judgement",
        r"\bleft\s+the\s+door\s+(?:wide\s+)?open\b|\bwent\s+off[\s-]script\b|\btook\s+it\s+upon\s+(?:him|her|them)sel(?:f|ves)\b|"
        r"\bon\s+(?:his|her|their)\s+own\s+initiative\b|\bin\s+a\s+(?:hurry|rush)\s+to\s+(?:get\s+home|go\s+home|leave|finish|get\s+out)\b|"
        r"\bbeneath\s+(?:him|her|them)\b|\blapses?\s+(?:in|of)\s+judge?ment\b|\b(?:his|her|their)\s+own\s+memory\b",
        "left door went script took upon own hurry rush beneath lapse lapses memory",
        _someone_not_we,
    ),
    _p(
        "blame.judgement",
        rf"\b(?:isn{_A}?t|is\s+not|wasn{_A}?t|was\s+not|aren{_A}?t|are\s+not)\s+(?:yet\s+)?(?:ready|fit|qualified|competent|capable|cut\s+out)"
        r"\s+(?:to|for)\b|\bnot\s+(?:sure|convinced)\s+(?:that\s+)?(?:[\w\-]+\s+){1,3}(?:is|was|are)\s+(?:ready|fit|qualified|competent|capable)\b",
        "ready fit qualified competent capable cut",
        _someone_not_we,
        negatable=False,
    ),
    _p(
        "blame.judgement",
        rf"\b(?:doesn{_A}?t|does\s+not|don{_A}?t|do\s+not|never)\s+(?:even\s+)?(?:test|check|read|review|document|follow|verify)\s+"
        r"(?:anything|a\s+thing|any\s+of\s+it)\b",
        "anything thing",
        _person_subject_not_we,
        negatable=False,
    ),
    _p(
        "blame.person-cause",
        r"\bmistake\s+(?:number\s+)?(?:one|two|three|#?\d)\b|\bon\s+(?P<pos>(?:@|[^\W\d_])[\w\-]*['’]s)\s+shoulders\b",
        "mistake shoulders",
        _person_in_sentence,
        negatable=False,
    ),
    _p(
        "blame.punitive",
        r"\bperformance\s+review\b|\bannual\s+(?:rating|review|appraisal)\b|\breflected\s+in\s+(?:his|her|their)\s+"
        r"(?:rating|review|bonus|appraisal)\b|\b(?:be|being|get|gets|got)\s+(?:removed|kicked|banned|barred|suspended|taken)\s+"
        r"(?:off|out\s+of|from)\s+(?:the\s+)?(?:on-?call|rotation|deploys?|production|prod|pager)\b",
        "performance annual reflected removed kicked banned barred suspended taken",
        _person_in_sentence,
        negatable=False,
    ),
    _p(
        "blame.punitive",
        r"\b(?:i|we)\s+want\s+to\s+(?:know|find\s+out)\s+(?:exactly\s+)?who\s+"
        r"(?:\w+\s+)?(?:disabled|broke|pushed|deployed|merged|approved|did|changed|deleted|removed|turned\s+off|made|ran|"
        r"signed\s+off|let)\b(?![^.;!?]{0,80}\b(?:so\s+(?:that\s+)?(?:i|we)\s+can\s+|to\s+)(?:thank|ask|learn|understand|hear|see)\b)",
        "know find",
        negatable=False,
    ),
    _p(
        "blame.should-have",
        r"\b(?:i|we)(?:['’]d|\s+would)\s+have\s+expected\s+(?P<who>(?:[\w\-]+\s+){0,3}?[\w\-]+)\s+to\b"
        r"(?!\s+(?:be|get|receive|hear|have\s+been)\b)",
        "expected",
        lambda text, m: (
            any(_classify(t, at_start=False) in _PERSONISH for t in _TOKEN_RE.findall(m.group("who")))
            and not re.search(r"[,;]\s*(?:but|yet|however)\b", _sentence_rest(text, m.end()))
        ),
        negatable=False,
    ),
    _p(
        "blame.should-have",
        r"\b(?:would|['’]d)\s+have\s+expected\s+(?:more|better|greater|a\s+lot\s+more)\s+(?:\w+\s+){0,2}?from\s+"
        r"(?P<who>(?:[\w\-]+\s+){0,3}[\w\-]+)",
        "expected",
        lambda text, m: any(
            _classify(t, at_start=False) in _PERSONISH or t.lower() in ("group", "department")
            for t in _TOKEN_RE.findall(m.group("who"))
        ),
        negatable=False,
    ),
    _p(
        "blame.person-cause",
        r"\b(?:mistakes?|errors?|blunders?)\s+(?:were|was)\s+(?:made|committed)\s+by\s+(?:the\s+|our\s+)?"
        r"(?P<who>(?:[\w\-]+\s+){0,2}?[\w\-]+)(?=\s*(?:[,.;:!?]|$|\s+(?:when|while|during|before|after|in|on|who)\b))",
        "made committed",
        # the head is a person or a team ('the routing team', 'Kim'), not a thing ('the ops bot', 'the parser')
        lambda text, m: _classify(_TOKEN_RE.findall(m.group("who"))[-1], at_start=False) in _PERSONISH,
    ),
    _p(
        "blame.counterfactual",
        r"\bif\s+(?P<who>(?:[\w\-]+\s+){1,4}?)had\s+(?:even\s+|just\s+)?bothered\s+to\b",
        "bothered",
        lambda text, m: _classify(_TOKEN_RE.findall(m.group("who"))[-1], at_start=False) in _PERSONISH,
        negatable=False,
    ),
    _p(
        "blame.should-have",
        r"\bcould\s+have\s+(?:shown|taken|used|exercised|paid)\s+(?:a\s+(?:little|bit)\s+|a\s+lot\s+|much\s+)?more\s+"
        r"(?:care|caution|attention|diligence|thought)\b",
        "care caution attention diligence thought",
        _person_subject_not_we,
    ),
    _p(
        "blame.punitive",
        r"\b(?:need|want|get)\s+(?:the\s+)?names?\s+(?:for|of)\s+(?:who|whoever|the\s+people|the\s+person)\b",
        "names name",
        negatable=False,
    ),
    _p(
        "blame.person-cause",
        r"\b(?:misconfigured|misconfigures|mistyped|misread|misjudged|mishandled|mislabell?ed|misinterpreted|misunderstood|"
        r"fumbled|rushed\s+(?:it|this|that|the|a|an|his|her|their))\b(?!\s+nothing)",
        "misconfigured misconfigures mistyped misread misjudged mishandled mislabeled mislabelled misinterpreted "
        "misunderstood fumbled rushed",
        _person_cause_unexplained,
    ),
    _p(
        "blame.omission",
        r"\b(?:did|does|do|done|doing)\s+(?:absolutely\s+|precisely\s+|basically\s+)?nothing\b",
        "nothing",
        _person_cause_unexplained,
        negatable=False,
    ),
    _p(
        "blame.person-cause",
        r"\b(?:(?:this|that|the)\s+(?:outage|incident|failure|breakage|mess|downtime|data\s+loss|whole\s+thing|blame)|"
        r"this|that|it)"
        r"(?:\s+one)?(?:['’]s|\s+is|\s+was)\s+(?:all\s+|squarely\s+|entirely\s+|totally\s+|100\s?%\s+)?on\s+"
        r"(?:the\s+[\w\-]+['’]s\s+)?(?P<who>@?[^\W\d_][\w\-]*)(?=\s*(?:[,.;:!—–]|\s-\s|$|\s+(?:and|he|she|they|for)\b))",
        "on",
        _on_person,
        negatable=False,
    ),
    _p(
        "blame.punitive",
        r"\b(?:never|don['’]?t|do\s+not|stop|when\s+you|for)\s+(?:let|letting|allow|allowing)\s+(?:the\s+|an?\s+|our\s+)?(?:[\w\-]+\s+)?"
        r"(?P<who>@?[^\W\d_][\w\-]*)\s+(?:touch|near|anywhere\s+near|loose\s+on|deploy\s+unsupervised)\b",
        "let lets letting allow allowed allowing",
        _who_is_person,
        negatable=False,
    ),
    _p(
        "blame.punitive",
        rf"\b(?:should|must|will|can)(?:n{_A}?t|\s+not|\s+never|\s+no\s+longer)\s+be\s+(?:allowed|permitted|trusted)\s+(?:to|with|near)\b|"
        r"\bunsupervised\b",
        "should shouldn shouldnt must mustn will won can cannot unsupervised",
        _person_subject_not_we,
        negatable=False,
    ),
    _p(
        "blame.counterfactual",
        rf"\bif\s+(?:the\s+|an?\s+|our\s+)?(?P<who>(?:@|[^\W\d_])[\w\-]*)\s+(?:hadn{_A}?t|had\s+not|had\s+never)\s+(?:just\s+|simply\s+)?"
        r"(?P<verb>[a-z\-]+)",
        "if",
        _if_had_not,
        negatable=False,
    ),
    _p(
        "blame.counterfactual",
        r"\bif\s+(?:the\s+|an?\s+|our\s+)?(?P<who>(?:@|[^\W\d_])[\w\-]*)\s+had\s+(?:only\s+|just\s+|actually\s+)?bothered\s+to\b",
        "bothered",
        _who_is_person,
        negatable=False,
    ),
    _p(
        "blame.judgement",
        r"\btook\s+(?:a\s+)?shortcuts?\b|\btaking\s+(?:a\s+)?shortcuts?\b",
        "took taking",
        _clause_person,
    ),
    _p(
        "blame.judgement",
        rf"\blazy\b{_TECH_LAZY}|\blaziness\b|\blazily\b{_TECH_LAZY}",
        "lazy laziness lazily",
        _not_system_subject,
    ),
    _p("blame.judgement", r"\bblindly\b", "blindly", _clause_not_system),
    _p(
        "blame.judgement",
        r"\bmess(?:ed|es|ing)?\s+(?:it\s+|this\s+|things\s+)?up\b",
        "mess messed messes messing",
        _person_subject,
    ),
    _p(
        "blame.judgement",
        r"\b(?:any|a|an)\s+(?:competent|decent|good|real|experienced|careful|sensible|reasonable|half-?decent|proper|qualified|"
        r"capable|senior)\s+(?:engineer|developer|dev|admin|operator|sre|dba|person|reviewer|programmer)s?\s+(?:would|could|should)\b",
        "competent decent good real experienced careful sensible reasonable half proper qualified capable senior",
    ),
    _p(
        "blame.judgement",
        r"\bbetter\s+(?:engineers|developers|people|operators|admins|reviewers|programmers)\b",
        "better",
    ),
    # --- hindsight
    _p("blame.hindsight", r"\bobviously\b", "obviously"),
    _p(
        "blame.hindsight",
        r"\b(?:was|were|is|are|been|be|seemed|seems)\s+(?:so\s+|very\s+|pretty\s+|quite\s+|really\s+|completely\s+|painfully\s+|blindingly\s+)?"
        r"obvious(?!\s+(?:only|in\s+hindsight|in\s+retrospect|after))\b",
        "obvious",
    ),
    _p(
        "blame.hindsight",
        r"\bsomething\s+(?:so|this|that)\s+(?:obvious|simple|basic)\b",
        "obvious simple basic",
    ),
    _p(
        "blame.hindsight",
        r"\bobvious\s+(?:mistake|mistakes|error|errors|oversight|blunder|thing\s+to\s+do)\b",
        "obvious",
    ),
    _p("blame.hindsight", r"\b(?:saw|seen|see|seeing)\s+(?:this|it|that)\s+coming\b", "coming"),
    _p(
        "blame.hindsight",
        rf"\bclearly\s+(?:didn{_A}?t|did\s+not|doesn{_A}?t|does\s+not|wasn{_A}?t|was\s+not|weren{_A}?t|had\s+no|has\s+no|never|failed|forgot|"
        r"ignored|missed|should|incompetent|careless)\b",
        "clearly",
        negatable=False,
    ),
    _p(
        "blame.hindsight",
        r"\b(?:anyone|anybody|everyone|everybody)\s+(?:could|would|should)\s+have\s+(?:seen|known|noticed|spotted|predicted|avoided|caught)\b",
        "anyone anybody everyone everybody",
    ),
    # --- human error as the conclusion
    _p(
        "blame.human-error",
        r"\b(?:human|operator|pilot|user|engineer|manual)\s+(?:errors?|mistakes?|failures?)\b(?!\s+(?:rate|rates|budget|handling|message|messages))",
        "error errors mistake mistakes failure failures",
        _human_error,
    ),
    _p(
        "blame.human-error",
        r"\bfat[\s-]?finger(?:ed|ing|s)?\b|\bpebkac\b|\bid10t\b",
        "fat finger fingered fingering fingers pebkac id",
    ),
    # --- a person as the cause
    _p(
        "blame.person-cause",
        rf"(?P<pos>\b(?:@|[^\W\d_])[\w\-]*{_A}s?|\b(?:his|her|their|my|your|our))\s+(?:own\s+|careless\s+|stupid\s+|silly\s+|big\s+|fault\s+and\s+)?"
        r"(?:fault|mistake|mistakes|error|errors|blunder|screw-?up|negligence|carelessness|typo|oversight|f\*ck-?up|doing|"
        r"untested|botched|rushed|bad|reckless|sloppy|shortcut|shortcuts|blunders)\b"
        r"(?![\s-]+(?:rate|rates|budget|message|messages|log|logs|handling|code|codes|count|counts|page|path|response|spike|"
        r"tolerance|tolerant|domain|domains|injection|isolation|free))(?!-)",
        "fault mistake mistakes error errors blunder screw screwup negligence carelessness typo oversight doing "
        "untested botched rushed bad reckless sloppy shortcut shortcuts blunders",
        _possessive_person,
    ),
    _p(
        "blame.person-cause",
        r"\b(?:caused|broken)\s+by\b",
        "by",
        _agent_unexplained,
    ),
    _p(
        "blame.person-cause",
        r"\b(?:mistake|mistakes|error|errors|blunder|blunders|screw-?up|slip|oversight|lapse(?:\s+in\s+judge?ment)?)\s+"
        r"(?:made\s+|committed\s+)?(?:by|of)\b",
        "by of lapse",
        _agent_is_person,
    ),
    _p(
        "blame.person-cause",
        r"\b(?:caused|causes|broke(?!\s+(?:\w+\s+){0,3}(?:into|down\b)|\s+(?:the\s+)?news)|breaks|crashed|nuked|wiped|killed|trashed|corrupted|took\s+down|takes\s+down|brought\s+down|"
        r"knocked\s+(?:over|out)|blew\s+up)\b",
        "caused causes broke breaks crashed nuked wiped killed trashed corrupted took takes brought knocked blew",
        _person_cause_unexplained,
    ),
    _p(
        "blame.person-cause",
        r"\bmade\s+(?:a|an|the|this|that|another|one|some|several|two|multiple)?\s*(?:\w+\s+)?(?:mistake|mistakes|error|errors|blunder|"
        r"blunders|mess|hash|muddle|pig['’]s\s+ear)\b",
        "made",
        _person_subject,
    ),
    _p(
        "blame.person-cause",
        r"\b(?:by\s+mistake|mistakenly|by\s+accident|accidentally|inadvertently|unintentionally)\b",
        "mistake mistakenly accident accidentally inadvertently unintentionally",
        _clause_person_not_we,
    ),
    _p("blame.person-cause", r"\bculprits?\b", "culprit culprits", _culprit),
    _p(
        "blame.person-cause",
        r"(?<!git\s)(?<!git-)\b(?:to\s+blame|blam(?:e|es|ed|ing))\b(?![-\w])",
        "blame blames blamed blaming",
        _blame_used,
    ),
    _p("blame.person-cause", r"\bfault\s+of\b", "fault", _agent_is_person),
    _p("blame.person-cause", r"\bat\s+fault\b", "fault", _person_subject),
    _p(
        "blame.person-cause",
        r"\bwho(?:ever)?\s+(?:is|was|were|are)\s+(?:really\s+)?(?:responsible|to\s+blame|at\s+fault|the\s+culprit)\b",
        "responsible blame fault culprit",
    ),
    _p(
        "blame.person-cause",
        r"\bresponsible\s+for\s+(?:this|the|that|today['’]s|yesterday['’]s)\s+(?:outage|incident|mess|failure|disaster|downtime|breakage|"
        r"screw-?up|problem|data\s+loss)\b",
        "responsible",
        _person_subject,
    ),
    # --- punitive
    _p(
        "blame.punitive",
        r"\b(?:be|been|get|gets|got|getting|being)\s+(?:fired|sacked|let\s+go)\b|\bfire\s+(?:him|her|them|whoever|the\s+(?:engineer|developer|intern|"
        r"contractor|person|guy|admin|dba|operator))\b|\bheld\s+(?:personally\s+)?(?:accountable|responsible|liable)\b|"
        r"\bhold(?:ing)?\s+(?:someone|somebody|anyone|people|him|her|them|the\s+\w+|[A-Z]\w+)\s+(?:personally\s+)?(?:accountable|responsible|liable)\b|"
        r"\b(?:face|faces|facing|suffer|suffers)\s+(?:the\s+|some\s+|serious\s+|real\s+)?consequences\b|"
        r"\b(?:be|been|get|gets|got|being|face|faces|facing)\s+disciplin\w*|\bdisciplinary\b|"
        r"\bpunish(?:ed|es|ing|ment|ments)?\b|\breprimand(?:ed|s|ing)?\b|"
        r"\bheads?\s+(?:will|should|must|need\s+to|are\s+going\s+to)\s+roll\b|\bnam(?:e|ing)\s+and\s+sham(?:e|ing)\b|"
        r"\banswer\s+for\s+(?:this|that|it)\b|\b(?:lose|lost|losing)\s+(?:his|her|their)\s+(?:job|jobs|bonus)\b|"
        r"\bbanned\s+from\b|\bperformance\s+improvement\s+plan\b|"
        r"\b(?:revoke|revoking|remove|removing|take\s+away|taking\s+away|pull|pulling|strip|stripping)\s+(?:his|her|their)\s+"
        r"(?:production\s+|prod\s+|admin\s+|root\s+|commit\s+|deploy\s+)?(?:access|permissions|rights|privileges|keys)\b",
        "fired sacked let fire held hold holding face faces facing suffer suffers consequences disciplined discipline "
        "disciplinary punish punished punishes punishing punishment punishments reprimand reprimanded reprimands "
        "reprimanding written heads head name naming answer lose lost losing banned performance revoke revoking remove "
        "removing take taking pull pulling strip stripping",
    ),
    _p(
        "blame.punitive",
        r"\bmake\s+an\s+example\s+of\b|\b(?:formal\s+)?write-?up\s+for\s+(?:the\s+|that\s+)?(?:engineer|developer|dev|person|intern|"
        r"contractor|operator|admin|[A-Z]\w+)\b|\b(?:formal|written|final)\s+warning\b|\bas\s+a\s+(?:consequence|punishment|penalty)\b|"
        r"\b(?:lose|lost|losing)\s+(?:his|her|their|your)\s+(?:job|jobs|access|bonus)\b|\bown\s+the\s+fallout\b|"
        r"\buntil\s+(?:he|she|they)\s+(?:can\s+)?(?:proves?|completes?|learns?|shows?|demonstrates?|be\s+trusted)\b",
        "make example write writeup up warning consequence punishment penalty lose lost losing fallout until",
        negatable=False,
    ),
    _p(
        "blame.punitive",
        r"\b(?:revoke|revoking|remove|removing|pull|pulling|suspend|suspending|strip|stripping|restrict|restricting)\s+"
        r"(?P<pos>(?:@|[^\W\d_])[\w\-]*['’]s)\s+(?:\w+\s+)?(?:access|permissions|rights|privileges|keys|credentials)\b",
        "revoke revoking remove removing pull pulling suspend suspending strip stripping restrict restricting",
        _possessive_person,
        negatable=False,
    ),
    _p(
        "blame.punitive",
        r"\b(?:remove|removing|kick|kicking|ban|banning|bar|barring|suspend|suspending|take|taking)\s+(?P<who>@?[^\W\d_][\w\-]*)\s+"
        r"(?:off|out\s+of|from)\s+(?:the\s+|our\s+)?(?:on-?call|rotation|deploys?|deployments?|production|prod|repo|team|project|pager)\b",
        "remove removing kick kicking ban banning bar barring suspend suspending take taking",
        _who_is_person,
        negatable=False,
    ),
    _p(
        "blame.punitive",
        r"\b(?:is|are|was|were)\s+(?:not|no\s+longer|never)\s+(?:to\s+be\s+)?allowed\s+to\b|\b(?:ought\s+to|should|must|needs?\s+to)\s+be\s+"
        r"(?:restricted|demoted|removed|banned|barred|suspended|supervised|watched)\b",
        "allowed restricted demoted removed banned barred suspended supervised watched",
        _person_subject_not_we,
        negatable=False,
    ),
    _p(
        "blame.punitive",
        r"\bnever\s+(?:touches|touch|deploys|deploy|gets|get|goes|is\s+allowed|works?|runs?|pushes|push)\b"
        r"[^.!?\n]{0,60}\bagain\b",
        "never",
        _person_subject,
        negatable=False,
    ),
    # a person written up (HR); not an incident written up for the board
    _p("blame.punitive", r"\bwritten\s+up\b", "written", _written_up, negatable=False),
    # --- idioms that judge a person (a sixth blind set)
    _p(
        "blame.judgement",
        r"\bpanick(?:ed|ing)\b|\blost\s+(?:his|her|their)\s+(?:head|cool|nerve)\b",
        "panicked panicking lost",
        _person_subject_not_we,
    ),
    _p(
        "blame.judgement",
        rf"\b(?:does(?:n{_A}?t|\s+not)|do(?:n{_A}?t|\s+not)|did(?:n{_A}?t|\s+not)|never)\s+takes?\s+(?:[\w\-]+\s+){{0,2}}?seriously\b|"
        rf"\b(?:did(?:n{_A}?t|\s+not)|never)\s+do\s+(?:his|her|their|your)\s+homework\b",
        "take takes seriously homework",
        _person_subject_not_we,
        negatable=False,
    ),
    _p(
        "blame.judgement",
        r"\bwhy\s+(?:does|do|did|would)\s+(?P<who>@?[^\W\d_][\w\-]*)\s+think\s+(?:it['’]?s|it\s+is|it\s+was|that['’]?s)\s+"
        r"(?:acceptable|ok|okay|fine|alright|a\s+good\s+idea)\s+to\b",
        "think",
        _named_person,
        negatable=False,
    ),
    _p(
        "blame.sarcasm",
        r"\bfor\s+(?:reasons|some\s+reason)\s+(?:nobody|no\s+one|no-one|only\s+(?:he|she|they))\s+(?:understands|knows|can\s+explain)\b|"
        r"\bfor\s+some\s+(?:unknown|bizarre|inexplicable|mysterious)\s+reason\b",
        "reasons reason",
        _person_in_sentence,
        negatable=False,
    ),
    _p(
        "blame.sarcasm",
        rf"(?P<pos>\b(?:@|[^\W\d_])[\w\-]*{_A}s)\s+(?:brilliant|genius|great|bright|clever|wonderful|fantastic)\s+(?:idea|plan|move)\b",
        "brilliant genius great bright clever wonderful fantastic",
        _praise_gone_wrong,
        negatable=False,
    ),
    _p(
        "blame.should-have",
        r"\b(?:should|ought\s+to)\s+have\s+known\s+better\b|\bknew\s+better\s+than\s+to\b",
        "known knew better",
        _someone_else_not_a_system,
    ),
    # --- HR and a manager's talk as the remedy
    _p(
        "blame.punitive",
        r"\b(?:HR|human\s+resources)\s+(?:to|will|should|must|needs?\s+to)\s+(?:\w+\s+){0,3}?(?:conversation|meeting|talk|chat|review|"
        r"follow-?up)\s+with\s+(?P<who>[^\W\d_][\w\-]*)",
        "hr human resources",
        _named_person,
        negatable=False,
    ),
    _p(
        "blame.punitive",
        r"\b(?:involve|escalate\s+(?:this\s+|it\s+)?to|loop\s+in|report\s+(?:him|her|them)\s+to)\s+(?:HR|human\s+resources)\b|"
        r"\b(?:access|rights|permissions)\s+(?:\w+\s+){0,4}?(?:is|are|was|were|will\s+be|stays?)\s+(?:revoked|suspended|removed)\s+until\s+"
        r"(?:he|she|they)\s+(?:has|have|had|can|completes?|proves?|learns?|shows?|talks?|speaks?)\b",
        "involve escalate loop report revoked suspended removed",
        negatable=False,
    ),
    _p(
        "blame.punitive",
        r"\b(?:send|sends|sent|write|writes|make|makes|give|gives|owes?|issue)\s+(?:a|an)\s+(?:written\s+|formal\s+|personal\s+)?"
        r"apology\s+to\s+(?:the\s+)?(?P<who>CTO|CEO|CIO|CISO|VP|manager|director|team|board|[^\W\d_][\w\-]*)\b",
        "send sends sent write writes make makes give gives owe owes issue apology",
        _apology_to_colleague,
        negatable=False,
    ),
    # --- watching a person (surveillance as a remedy is punitive): "keep a close eye on Pavel's deployments",
    # "manager to monitor Aisha's on-call handling", "review all of Ravi's commits"
    _p(
        "blame.punitive",
        r"\b(?:keep(?:ing)?\s+(?:a\s+|an\s+)?(?:close\s+|closer\s+|careful\s+)?eye\s+on|keep(?:ing)?\s+tabs\s+on|monitor(?:ing)?|watch(?:ing)?|"
        r"(?:review|audit|double-check|check)(?:ing)?\s+(?:all|every\s+one|each)\s+of|supervis(?:e|ing)|vet(?:ting)?)\s+"
        r"(?P<pos>(?:@|[^\W\d_])[\w\-]*['’]s)\s+(?:[\w\-]+\s+){0,2}?(?:deployments?|deploys?|commits?|changes?|work|handling|"
        r"code|PRs?|pull\s+requests|merges?|shifts?|tickets?|actions?|decisions?|output|performance)\b",
        "keep keeping monitor monitoring watch watching review reviewing audit auditing double-check check checking "
        "supervise supervising vet vetting",
        _possessive_first_name,
        negatable=False,
    ),
    # --- a forced apology
    _p(
        "blame.punitive",
        r"\b(?:I|we|management|leadership)\s+(?:expect|expects|demand|demands|want|wants|require|requires|insist\s+on)\s+(?:a|an)\s+"
        r"(?:written\s+|formal\s+|public\s+|personal\s+)?apology\s+from\s+(?:the\s+)?(?:\w+\s+)?(?:engineer|developer|dev|admin|operator|"
        r"intern|contractor|dba|him|her|them|[A-Z][a-z]+)\b",
        "expect expects demand demands want wants require requires insist apology",
        negatable=False,
    ),
    # --- "the problem was Joe"
    _p(
        "blame.person-cause",
        r"\bthe\s+(?:real\s+|actual\s+|only\s+)?(?:problem|issue|cause|root\s+cause)\s+(?:was|is|here\s+is|here\s+was)\s+"
        r"(?P<who>@?[^\W\d_][\w\-]*)(?=\s*(?:[,.;:!—–]|\s-\s|$))",
        "problem issue cause",
        _who_is_person,
        negatable=False,
    ),
    # --- "this one is 100% on the network guys"
    _p(
        "blame.person-cause",
        r"\b(?:this|that|it)(?:\s+one)?(?:['’]s|\s+is|\s+was)\s+(?:all\s+|squarely\s+|entirely\s+|totally\s+|100\s?%\s+)?"
        r"on\s+(?:the\s+|our\s+|their\s+)?[\w\-]+\s+(?:guys|folks|people|lot|crew|team|bunch)\b"
        r"(?=\s*(?:[,.;:!—–]|\s-\s|$|\s+(?:and|again|as|this|for)\b))",
        "on",
        negatable=False,
    ),
    # --- a team's habit of not doing its job: "the QA team never tests the Android build"
    _p(
        "blame.judgement",
        r"\bnever\s+(?:bothers?|bothered|tests?|checks?|reads?|reviews?|follows?|updates?|documents?|listens?|answers?|"
        r"responds?|escalates?|acknowledges?|asks?|communicates?|informs?|tells?|warns?)\b",
        "never",
        _person_not_we_unexplained,
        negatable=False,
    ),
    # --- "was not checking the queue properly": judging how a person worked
    _p(
        "blame.judgement",
        rf"(?:\bnot|n{_A}t|\bnever)\s+(?:been\s+)?(?:doing|checking|reading|testing|following|monitoring|watching|handling|reviewing|"
        r"looking\s+at|paying\s+attention\s+to|doing\s+(?:his|her|their)\s+job)\b[^.!?\n]{0,40}?\b(?:properly|carefully|correctly)\b",
        "doing checking reading testing following monitoring watching handling reviewing looking paying",
        _clause_person_not_we_unexplained,
        negatable=False,
    ),
    # --- once more, as always, again: the same person or team at fault once more
    _p(
        "blame.sarcasm",
        r"\bonce\s+more\b|\bas\s+always\b",
        "once more as always",
        _once_more_about_person,
        negatable=False,
    ),
    _p(
        "blame.sarcasm",
        r"\bagain\s+(?:missed|forgot|ignored|skipped|broke|failed\s+to)\b",
        "again",
        _person_subject_not_we,
        negatable=False,
    ),
    _p(
        "blame.sarcasm",
        r"\b(?:finally|at\s+(?:long\s+)?last|at\s+least\s+this\s+time)\b[^.!?\n]{0,80}?\bremembered\s+to\b",
        "finally last least remembered",
        _remembered_unprompted,
        negatable=False,
    ),
    # --- rhetorical jabs: "did you even look at the diff", "Apparently Kevin does.", "is optional for the Android team"
    _p(
        "blame.sarcasm",
        r"\b(?:did|do|does|have|has)\s+(?:you|he|she)\s+even\s+(?:look|read|test|check|try|open|run|bother|think|know)\b|"
        r"\b(?:apparently|clearly|evidently|obviously)\b[^.!?\n]{0,60}\bis\s+optional\s+for\s+(?:the\s+)?"
        r"(?:[\w\-]+\s+)?(?:team|folks|guys|people|engineers|developers|devs|ops|on-?call|him|her|them)\b",
        "even apparently clearly evidently obviously",
        negatable=False,
    ),
    _p(
        "blame.sarcasm",
        r"\b(?:did|do|does)\s+(?P<who>[^\W\d_][\w\-]*)\s+even\s+(?:look|read|test|check|try|open|run|bother|think|know)\b|"
        r"\bapparently\s+(?P<who2>[^\W\d_][\w\-]*)\s+(?:does|did|do|can|could|is|was)(?:n['’]?t)?\b(?:\s+need\s+it)?\s*[.!]",
        "even apparently",
        _named_person_either,
        negatable=False,
    ),
    _p(
        "blame.judgement",
        r"\bwhy\s+(?:does|do|is|are)\s+(?P<who>@?[^\W\d_][\w\-]*)\s+still\s+(?:have|has|on|in|allowed|working|running|"
        r"deploying|on-call|oncall)\b(?!\s+to\b)[^?]{0,80}\bafter\s+what\b",
        "why still",
        _named_person,
        negatable=False,
    ),
    # --- sarcasm
    _p("blame.sarcasm", r"\bgenius(?:es)?\b", "genius geniuses"),
    _p(
        "blame.sarcasm",
        r"(?:,|\s[—–-])\s*(?:brilliant|great|nice|awesome|fantastic|perfect|lovely|classic|typical|wonderful|superb|smart|stellar)"
        r"(?:\s+(?:move|work|job|stuff))?\s*[.!]*\s*$",
        "brilliant great nice awesome fantastic perfect lovely classic typical wonderful superb smart stellar",
        _person_in_sentence,
        negatable=False,
    ),
    _p("blame.sarcasm", r"\bwhat\s+could\s+(?:possibly\s+)?go\s+wrong\b", "wrong", negatable=False),
    _p(
        "blame.sarcasm",
        r"\bhow\s+many\s+times\s+(?:do|does|did|must|have|will)\s+(?:we|i|you|they)\s+(?:have\s+to\s+|need\s+to\s+)?"
        r"(?:tell|remind|ask|say|explain)\b|\bhad\s+one\s+job\b|\btoo\s+much\s+to\s+ask\b|"
        r"\bwhat\s+(?:exactly\s+)?(?:are|were|do)\s+we\s+pay(?:ing)?\s+(?:them|him|her|you)\s+for\b|"
        r"\bwho\s+the\s+(?:hell|heck|fuck|f\*+k)\b|\bwhat\s+the\s+(?:hell|heck)\s+(?:was|were|is)\s+(?:he|she|they|you)\b",
        "times job ask paying pay hell heck fuck",
        negatable=False,
    ),
    _p(
        "blame.sarcasm",
        r"\b(?:amazing|incredible|impressive|remarkable|funny|fascinating)\s+how\b|\b(?:once|yet)\s+again\b",
        "amazing incredible impressive remarkable funny fascinating again",
        _again_about_person,
        negatable=False,
    ),
    _p(
        "blame.sarcasm",
        r"\b(?:who|why|what|how)\s+on\s+earth\b|\bin\s+(?:his|her|their|your)\s+right\s+mind\b|"
        r"\bwhy\s+would\s+(?:anyone|anybody|someone|you|he|she|they)\s+(?:ever\s+)?[a-z]+|"
        r"\bwhat\s+happens\s+when\s+(?:you|we|they)\s+(?:let|give|allow|trust|hire|put)\b|"
        r"(?:\bthat['’]?s|\bthis\s+is|\bit['’]?s)\s+what\s+(?:we|you|they)\s+get\s+for\b|"
        r"\b(?:that['’]?s|this\s+is)\s+the\s+whole\s+story\b|\bend\s+of\s+story\b|\bsimple\s+as\s+that\b|"
        r"\b(?:nice|good|kind|great|thoughtful)\s+of\s+(?:the\s+|our\s+)?(?:[\w\-]+\s+){0,2}?to\s+(?:take|wait|show|finally|let|leave|tell)\b|"
        r"\bas\s+usual\b|\b(?:yet\s+)?again,?\s+(?:of\s+course|naturally)\b|\bof\s+course\s+it\s+was\b|"
        r"\b(?:another|classic|typical)\s+(?:classic\s+|typical\s+)?[A-Z][a-z]+\s+(?:deploy|deployment|change|move|special|moment|mistake|"
        r"push|merge|release|fix|incident)\b",
        "earth right mind why happens get story end simple nice good kind great thoughtful usual again course "
        "another classic typical",
        _sarcasm_about_person,
        negatable=False,
    ),
    _p("blame.sarcasm", r"\bcourtesy\s+of\b", "courtesy", _agent_is_person, negatable=False),
    _p(
        "blame.sarcasm",
        r"\bwho\s+(?:approved|signed\s+off\s+on|merged|okayed|ok['’]?d|reviewed|wrote|thought\s+of)\s+(?:this|that|it)\b"
        r"[^.!\n]{0,40}?(?:\?\s*\?|\?!|!\?|\bseriously\b|\bagain\b)",
        "approved signed merged okayed ok reviewed wrote thought",
        negatable=False,
    ),
    _p(
        "blame.sarcasm",
        r"\b(?:great|nice|good|fantastic|excellent|brilliant|awesome|stellar|well|impressive|amazing|outstanding|terrific|superb|"
        r"stunning)\s+(?:job|work|move|going|one|done|effort|stuff)\b"
        r"(?=[^.!?]{0,40}\b(?:breaking|taking\s+down|crashing|deleting|nuking|wiping|killing|bringing\s+down|causing|dropping|"
        r"corrupting|losing|ruining|locking|leaking|shipping|paging\s+everyone|wrong|again|ruined|wrecked|lost|broke|down)\b)",
        "job work move going one done",
    ),
    # "Classic Amara - push first, ask questions later."
    _p(
        "blame.sarcasm",
        r"\b(?:classic|typical)\s+(?P<who>[A-Z][a-z]+)(?=\s*(?:[,.!:;—–]|\s-\s))",
        "classic typical",
        _named_person,
        negatable=False,
    ),
    # "In direct violation of our change policy, Gaurav deployed on a Friday night", "went against the procedure"
    _p(
        "blame.omission",
        r"\b(?:in\s+(?:direct\s+|clear\s+|flagrant\s+|open\s+|blatant\s+)?violation\s+of|went\s+against|goes\s+against|"
        r"going\s+against)\s+(?:the\s+|our\s+|a\s+)?(?:[\w\-]+\s+){0,2}?(?:run\s*sheet|runbook|procedure|policy|process|"
        r"checklist|instructions?|rules?|guidelines?|sop|change\s+freeze|freeze)\b",
        "violation went goes going",
        _person_in_sentence,
    ),
    # "Carlos's so-called fix is what actually broke checkout"
    _p(
        "blame.sarcasm",
        r"\bso-called\s+(?:fix|improvement|hotfix|optimi[sz]ation|cleanup|clean-up|expert|review|testing|test|plan|solution|"
        r"refactor|quick\s+fix|senior)\b",
        "so called",
        _person_in_sentence,
        negatable=False,
    ),
    # "Well done, Sigrid, truly a masterclass in how to delete a database"; "nothing says teamwork like an outage"
    _p(
        "blame.sarcasm",
        r"\b(?:well\s+done|nice\s+work|great\s+job|good\s+job|nice\s+one|great\s+work|way\s+to\s+go|good\s+work)\s*,\s*"
        r"(?P<who>@?[^\W\d_][\w\-]*)(?=\s*[,.!:;—–-])",
        "done work job one go",
        lambda text, m: (
            _first_name(m.group("who"))
            and bool(
                _BAD_OUTCOME_RE.search(_sentence_of(text, m.start(), m.end() + 120))
                or _SARCASM_TAIL_RE.search(text, m.end())
            )
        ),
        negatable=False,
    ),
    _p(
        "blame.sarcasm",
        r"\bnothing\s+says\s+[\w\-]+(?:\s+[\w\-]+)?\s+like\b|\bmasterclass\s+in\s+how\s+(?:not\s+)?to\b",
        "nothing masterclass",
        _person_in_sentence,
        negatable=False,
    ),
    # "Vintage Olaf: ship first, test never."
    _p(
        "blame.sarcasm",
        r"\b(?:vintage|peak|quintessential)\s+(?P<who>[A-Z][a-z]+)(?=\s*(?:[,.!:;—–]|\s-\s))",
        "vintage peak quintessential",
        _named_person,
        negatable=False,
    ),
    # "I'm tired of reminding Akosua that the backup script is not optional."
    _p(
        "blame.judgement",
        r"\b(?:tired|sick|weary)\s+of\s+(?:reminding|telling|asking|explaining\s+to|chasing)\s+(?P<who>@?[^\W\d_][\w\-]*)",
        "tired sick weary",
        _who_is_person,
        negatable=False,
    ),
    # "We no longer have confidence in Bogdan's judgement around database changes."
    _p(
        "blame.judgement",
        r"\b(?:no\s+longer\s+(?:have|has)|lost|have\s+no|has\s+no)\s+(?:any\s+|all\s+)?(?:confidence|faith|trust)\s+in\s+"
        r"(?P<who>@?[^\W\d_][\w\-]*)",
        "confidence faith trust",
        lambda text, m: (
            _first_name(re.sub(r"['’]s$", "", m.group("who"))) or m.group("who").lower() in ("him", "her", "them")
        ),
        negatable=False,
    ),
    # "ran the migration on autopilot, with no thought whatsoever about the consequences"; "Grzegorz's attention span"
    _p(
        "blame.judgement",
        r"\bwith\s+no\s+(?:thought|regard|care|consideration)\s+(?:whatsoever\s+|at\s+all\s+)?(?:about|for|of|to)\b|"
        r"(?P<pos>\b(?:@|[^\W\d_])[\w\-]*['’]s)\s+attention\s+span\b",
        "thought regard care consideration attention",
        lambda text, m: _first_name(m.group("pos")) if m.group("pos") else _someone_not_we(text, m),
        negatable=False,
    ),
    # "the pager went off because of something Hyun-woo did"
    _p(
        "blame.person-cause",
        r"\b(?:because\s+of|due\s+to|thanks\s+to)\s+something\s+(?P<who>@?[^\W\d_][\w\-]*)\s+(?:did|changed|pushed|ran|deployed|broke)\b",
        "something",
        _who_is_person,
        negatable=False,
    ),
    # "anyone with basic SQL knowledge would have spotted that the WHERE clause was missing"
    _p(
        "blame.judgement",
        r"\b(?:any(?:one|body)|a\s+(?:competent|junior|first-year)\s+\w+)\s+with\s+(?:basic|any|a\s+little|half\s+a|an\s+ounce\s+of)\s+"
        r"(?:[\w\-]+\s+){0,2}?(?:knowledge|experience|training|sense|understanding|competence|clue|brain)\b"
        r"[^.;!?]{0,40}?\bwould\s+have\s+(?:spotted|caught|noticed|seen|known|checked)\b",
        "anyone anybody competent junior",
        negatable=False,
    ),
    # "made a poor call by shipping ...", "was far too slow to declare a SEV1"
    _p(
        "blame.judgement",
        r"\bmade\s+(?:a|an|the)\s+(?:poor|bad|terrible|awful|questionable|dubious|reckless|wrong)\s+(?:call|decision|judgement|judgment|choice)\b|"
        r"\b(?:far|way|much)\s+too\s+slow\s+to\b",
        "made slow",
        _nearest_subject_a_person,
        negatable=False,
    ),
    # "Kevin to complete certificate training before he is allowed production access again"
    _p(
        "blame.punitive",
        r"\bbefore\s+(?:he|she|they|(?P<who>@?[^\W\d_][\w\-]*))\s+(?:is|are|gets?|get)\s+(?:allowed|given|granted|trusted\s+with)\s+"
        r"(?:\w+\s+){0,2}?(?:access|rights|permissions|the\s+keys)\b[^.;!?]{0,20}?\bagain\b",
        "before",
        _sentence_has(
            r"\b(?:complete|completes|finish|attend|pass|passes|redo|retake|prove|training|course|refresher)\b"
        ),
        negatable=False,
    ),
    # "Esperanza tested the migration, if you can call it that."
    _p(
        "blame.sarcasm",
        r"\bif\s+you\s+can\s+call\s+(?:it|that|this|them)\s+(?:that|testing|a\s+\w+)\b",
        "call",
        lambda text, m: any(
            _classify(t, at_start=False) in _PERSONISH for t in _TOKEN_RE.findall(_clause_left(text, m.start())[0])
        ),
        negatable=False,
    ),
    # "why does Obinna keep bypassing the staging environment?"
    _p(
        "blame.judgement",
        r"\bwhy\s+(?:does|do|did|would)\s+(?P<who>@?[^\W\d_][\w\-]*)\s+keep\s+[a-z]+ing\b",
        "keep",
        _who_is_person,
        negatable=False,
    ),
    # "Hopefully the data ingestion team will learn to read release notes after this."
    _p(
        "blame.sarcasm",
        r"\b(?:hopefully|maybe|perhaps)\b[^.;!?]{0,60}?\b(?:will|would|can)\s+(?:finally\s+)?learn\s+(?:to|how\s+to|from\s+this)\b",
        "hopefully maybe perhaps",
        _person_in_sentence,
        negatable=False,
    ),
    # "Nadia's quick fix is what turned a five-minute blip into a two-hour outage"
    _p(
        "blame.person-cause",
        r"(?P<pos>\b(?:@|[^\W\d_])[\w\-]*['’]s)\s+(?:\w+\s+)?(?:fix|change|deploy|deployment|commit|script|decision|push|merge|"
        r"migration|query|patch|tweak)\s+(?:is|was)\s+what\s+(?:caused|broke|took\s+down|killed|turned\s+[^.;!?]{0,40}?\binto)\b",
        "what",
        lambda text, m: (
            _possessive_first_name(text, m) and not _GOOD_OUTCOME_RE.search(_sentence_of(text, m.start(), m.end()))
        ),
        negatable=False,
    ),
    # "I had to clean up after the on-call's mess at 3 a.m."
    _p(
        "blame.judgement",
        r"\bclean(?:ed|ing)?\s+up\s+(?:after\s+)?(?P<pos>(?:the\s+)?[\w\-]+['’]s)\s+mess\b|\bsomeone\s+else['’]s\s+mess\b",
        "clean cleaned cleaning mess",
        lambda text, m: (
            not m.group("pos") or _possessive_class(m.group("pos").split()[-1], at_start=False) in _PERSONISH
        ),
        negatable=False,
    ),
    # "this is amateur hour", "Another month, another billing disaster from the payments squad"
    _p(
        "blame.sarcasm",
        r"\bamateur\s+hour\b|\banother\s+(?:day|week|month|release|sprint|quarter|deploy),\s+another\s+[\w\-]+(?:\s+[\w\-]+)?\b",
        "amateur another",
        lambda text, m: m.group(0).lower().startswith("amateur") or _person_in_sentence(text, m),
        negatable=False,
    ),
    # "..., which is unacceptable for a flagship event" about what someone did (or did not do)
    _p(
        "blame.judgement",
        r"\b(?:which|that|this)\s+(?:is|was)\s+(?:simply\s+|frankly\s+|just\s+|totally\s+)?(?:unacceptable|inexcusable)\b",
        "unacceptable inexcusable",
        _person_in_sentence,
        negatable=False,
    ),
    # "Support sat on the first email for twenty-five minutes before telling engineering."
    _p(
        "blame.omission",
        r"\bsat\s+on\s+(?:the|it|this|that|their|his|her)\b",
        "sat",
        _person_subject,
    ),
    # "restarted step 14 out of sequence, contrary to the run sheet"
    _p(
        "blame.omission",
        r"\bcontrary\s+to\s+(?:the\s+|our\s+|a\s+)?(?:[\w\-]+\s+){0,2}?(?:run\s*sheet|runbook|procedure|policy|process|"
        r"checklist|instructions?|rules?|guidelines?|sop|change\s+freeze)\b",
        "contrary",
        _clause_person,
    ),
    # "not naming names, but someone on the backend team merged at 5:58pm on a friday"
    _p(
        "blame.sarcasm",
        r"\b(?:not\s+(?:naming|going\s+to\s+name|to\s+name)\s+(?:any\s+)?names|(?:won['’]?t|will\s+not)\s+name\s+names|"
        r"no\s+names)\s*[,.;:—–-]*\s*but\s+(?:someone|somebody|some\s+(?:genius|hero|people|folks)|a\s+certain|one\s+of\s+(?:us|you|them|our)|"
        r"(?:the\s+|our\s+)?[\w\-]+\s+(?:team|guys|folks|people|crew)\b|you\b|he\b|she\b|they\b)",
        "naming name names",
        negatable=False,
    ),
    _p(
        "blame.sarcasm",
        r"\bbetween\s+the\s+keyboard\s+and\s+the\s+chair\b|\bpebkac\b|\bid-?10-?t\b|\blayer\s+8\s+(?:issue|problem|error)\b|"
        r"\bwetware\b",
        "keyboard pebkac id10t id layer wetware",
    ),
    # "Sellers couldn't list items for four hours thanks to Bruno's "quick fix"": a person's work in scare quotes
    _p(
        "blame.sarcasm",
        r"(?P<pos>\b(?:@|[^\W\d_])[\w\-]*['’]s)\s+[\"“‘'](?:quick|small|tiny|minor|simple|harmless|safe|little|trivial|clever|"
        r"brilliant|genius|temporary|one-line|one-liner|cosmetic|obvious)?\s*(?:fix|change|tweak|cleanup|clean-up|improvements?|"
        r"optimi[sz]ations?|refactor|update|hotfix|patch|idea|solution|workaround|test(?:ing)?|review|shortcut)[\"”’']",
        "s",
        lambda text, m: _possessive_class(m.group("pos"), at_start=False) in _PERSONISH,
        negatable=False,
    ),
    # "traces back to Joana's decision to bypass the inventory sync"
    _p(
        "blame.person-cause",
        r"\b(?:(?:traces?|traced|goes|went|comes|came)\s+back\s+to|originates?\s+with|originated\s+with|stems?\s+from|"
        r"stemmed\s+from|comes?\s+down\s+to|came\s+down\s+to|(?:is|was)\s+down\s+to)\s+(?P<pos>(?:@|[^\W\d_])[\w\-]*['’]s)\s+"
        r"(?:(?:\w+\s+)?(?:mistake|error|shortcut|blunder|slip)\b|(?:\w+\s+)?(?:decision|choice|call)\s+to\s+(?:bypass|skip|ignore|override|"
        r"disable|push|merge|delete|rush|cut|circumvent|deploy\s+without|run\s+(?:it\s+)?without)\b)|"
        r"\b(?:caused\s+by|due\s+to|because\s+of|result\s+of|down\s+to)\s+(?P<pos2>(?:@|[^\W\d_])[\w\-]*['’]s)\s+"
        r"(?:\w+\s+)?(?:decision|choice|call|shortcut)\s+to\s+(?:bypass|skip|ignore|override|disable|push|deploy|merge|run|delete)\b",
        "back caused due because result down originates originated stems stemmed comes came",
        lambda text, m: (
            _possessive_class(m.group("pos") or m.group("pos2") or "", at_start=False) in _PERSONISH
            and not _GOOD_OUTCOME_RE.search(_sentence_of(text, m.start(), m.end()))
        ),
        negatable=False,
    ),
    # "this is not the first incident involving Viktor's changes", "Is not first time Dmitri change ..."
    _p(
        "blame.judgement",
        r"\bnot\s+(?:the\s+)?first\s+(?:time|incident|outage|failure|issue|problem)\s+(?:(?:involving|caused\s+by|with|from)\s+)?(?P<who>@?[^\W\d_][\w\-]*)\b",
        "first",
        lambda text, m: _first_name(m.group("who")),
        negatable=False,
    ),
    # "despite being shown the template many times"
    _p(
        "blame.judgement",
        r"\bdespite\s+(?:being|having\s+been)\s+(?:repeatedly\s+|already\s+)?(?:told|shown|reminded|warned|asked|trained|taught)\b",
        "despite",
        _person_in_sentence,
        negatable=False,
    ),
    # "he must be more careful", "staff need to start taking the backup procedure seriously"
    _p(
        "blame.judgement",
        r"\b(?:must|should|needs?\s+to|has\s+to|have\s+to|ought\s+to)\s+(?:really\s+)?(?:be\s+(?:more|much\s+more|a\s+lot\s+more)\s+"
        r"(?:careful|attentive|diligent|thorough|responsible|professional)|(?:start\s+)?tak(?:e|ing)\s+(?:[\w\-]+\s+){0,3}?seriously)\b",
        "careful attentive diligent thorough responsible professional seriously",
        _nearest_subject_a_person,
        negatable=False,
    ),
    # "postdocs can't be trusted with sudo"
    _p(
        "blame.judgement",
        r"\b(?:can(?:no|['’])?t|can\s+not|could(?:n['’]?t|\s+not)|shouldn['’]?t|should\s+not)\s+be\s+trusted\b",
        "trusted",
        lambda text, m: _subject(text, m.start()).cls in _PERSONISH,
        negatable=False,
    ),
    # "was too busy arguing in Slack to actually coordinate anything"
    _p(
        "blame.judgement",
        r"\btoo\s+busy\s+(?:arguing|chatting|complaining|playing|talking|posting|blaming|gossiping|joking|browsing)\b",
        "busy",
        _person_subject,
        negatable=False,
    ),
    # "overrode the inventory lock without thinking about the other clinics"
    _p(
        "blame.judgement",
        r"\bwithout\s+(?:even\s+|really\s+)?(?:thinking|a\s+second\s+thought|bothering|a\s+care)\b",
        "thinking thought bothering care",
        _someone_not_we,
        negatable=False,
    ),
    # "... like everyone else's": singled out against everyone else
    _p(
        "blame.judgement",
        r"\b(?:like|unlike)\s+everyone\s+else(?:['’]s)?\b|\b(?:every|any)one\s+else\s+manages\s+to\b",
        "everyone",
        lambda text, m: bool(
            re.search(
                r"\b(?:had|would|if|must|needs?\s+to|has\s+to|remind\w*)\b",
                _sentence_of(text, m.start(), m.end()),
                re.I,
            )
            and not re.search(r"\b(?:our|we)\b", _sentence_of(text, m.start(), m.end()), re.I)
        ),
        negatable=False,
    ),
    # "so Rafael can't self-merge on Friday evenings anymore": an action aimed at one person
    _p(
        "blame.punitive",
        r"\bso\s+(?:that\s+)?(?P<who>@?[^\W\d_][\w\-]*)\s+(?:can(?:no|['’])?t|cannot|won['’]?t|will\s+not|stops?|no\s+longer\s+can)\s+"
        r"(?!(?:get|be|ever\s+be|be\s+paged|get\s+paged)\b)[^.;!?]{0,60}?\b(?:anymore|any\s+more|again)\b",
        "so",
        _named_person,
        negatable=False,
    ),
    # "We have been assured by Wei's manager that this will not happen again."
    _p(
        "blame.punitive",
        r"(?P<pos>\b(?:@|[^\W\d_])[\w\-]*['’]s)\s+(?:manager|boss|supervisor|line\s+manager|team\s+lead)\b"
        r"[^.;!?]{0,80}?\b(?:assur|promis|guarant|spoke|spoken|talked|agreed|committed|confirmed)\w*\b"
        r"[^.;!?]{0,80}?\b(?:will\s+not|won['’]?t|never)\s+happen\s+again\b|"
        r"\b(?:assured|promised)\s+by\s+(?P<pos2>(?:@|[^\W\d_])[\w\-]*['’]s)\s+(?:manager|boss|supervisor|lead)\b"
        r"[^.;!?]{0,80}?\b(?:will\s+not|won['’]?t|never)\s+happen\s+again\b",
        "manager boss supervisor lead",
        lambda text, m: _first_name(m.group("pos") or m.group("pos2") or ""),
        negatable=False,
    ),
    # "Bravo to the DBAs for taking down ticket sales on the busiest day": praise for the harm done
    _p(
        "blame.sarcasm",
        r"\b(?:bravo|kudos|hats\s+off|congrat(?:ulation)?s|props|cheers|a\s+(?:medal|round\s+of\s+applause)|take\s+a\s+bow)\b"
        r"[^.!?;]{0,50}?\bfor\s+(?:(?:breaking|crashing|nuking|wiping|corrupting|ruining|leaking|losing)\b|"
        r"(?:a|the|their|his|her)\s+(?:[\w\-]+\s+)?(?:nap|siesta|snooze|vacation\s+from\s+the\s+pager)\b|"
        r"(?:taking|bringing|knocking)\s+down\s+(?:\w+\s+){0,3}?(?:prod|production|sales|checkout|payments|the\s+site|"
        r"everything|the\s+whole|ticket\s+sales|the\s+(?:\w+\s+)?(?:platform|store|shop|app))\b)",
        "bravo kudos hats congrats congratulations props cheers medal round bow",
        _sentence_has(
            r"\b(?:planned|scheduled|maintenance|on\s+schedule|as\s+planned|zero\s+(?:customer\s+)?impact|"
            r"without\s+(?:any\s+)?impact)\b",
            absent=True,
        ),
        negatable=False,
    ),
    # "Could someone explain to Noor, again, that the DMZ is not a place for experiments?"
    _p(
        "blame.judgement",
        r"\b(?:explain|explains|explained|remind|reminds|reminded|tell|tells|told|teach|teaches|taught)\s+(?:to\s+)?"
        r"(?P<who>@?[^\W\d_][\w\-]*)(?:\s*,\s*(?:again|once\s+again|once\s+more|yet\s+again|one\s+more\s+time)\s*,|"
        r"\s*,?\s+for\s+the\s+(?:hundredth|umpteenth|nth|millionth|last|third|fourth|fifth|tenth)\s+time\b)",
        "explain explains explained remind reminds reminded tell tells told teach teaches taught",
        _who_is_person,
        negatable=False,
    ),
    # "Paolo be reminded, in writing, that production access is a privilege": a warning on file
    _p(
        "blame.punitive",
        r"\b(?:be|been|was|were|is|are|get|gets|got)\s+(?:formally\s+)?(?:reminded|warned|told|cautioned|notified)\s*,?\s+"
        r"in\s+writing\b",
        "reminded warned told cautioned notified",
        lambda text, m: (
            _subject(text, m.start()).cls in _PERSONISH and _subject(text, m.start()).head.lower() not in _AUDIENCES
        ),
        negatable=False,
    ),
    _p(
        "blame.punitive",
        r"\b(?:production|prod|admin|root|deploy)\s+access\s+is\s+(?:a\s+privilege|earned)\b|"
        r"\b(?:has|have)(?:\s+not|n['’]t)\s+(?:yet\s+)?earned\s+(?:it|that|the\s+right|access|(?:his|her|their)\s+access)\b",
        "privilege earned",
        negatable=False,
    ),
    _p(
        "blame.sarcasm",
        r"\bwho\s+(?:thought|decided|figured)\s+(?:it|this|that)\s+(?:was|would\s+be|is)\s+a\s+(?:good|great|smart|clever)\s+idea\b|"
        r"\bwhat\s+(?:was|were)\s+(?:they|he|she|you|we)\s+thinking\b|\bthanks\s+(?:a\s+lot|for\s+nothing)\b|"
        r"\bapparently\s+(?:nobody|no\s+one|no-one|someone|somebody|everyone)\b|"
        r"\bsome\s+(?:bright\s+spark|clever\s+clogs|wise\s+guy|hero|wizard|rocket\s+scientist)\b",
        "thought decided figured thinking thanks apparently spark clogs wise hero wizard rocket",
        negatable=False,
    ),
)

_REASONS: dict[str, str] = {
    "blame.should-have": "judges a past action with hindsight",
    "blame.counterfactual": "is a counterfactual about what a person did not do",
    "blame.failed-to": "says a person failed, rather than what happened",
    "blame.forgot": "singles out a person's lapse as the cause",
    "blame.omission": "singles out a person's omission",
    "blame.judgement": "judges a person rather than describing the action and its conditions",
    "blame.hindsight": "is hindsight: it was not obvious at the time",
    "blame.human-error": "gives human error as the conclusion; it is where the inquiry starts",
    "blame.person-cause": "names a person as the cause",
    "blame.punitive": "is punitive: a blameless review does not seek consequences for people",
    "blame.sarcasm": "is sarcasm aimed at a person",
    "blame.likely": "reads as blaming or judging a person (the sentence as a whole; a statistical check)",
}

_SUGGESTIONS: dict[str, str] = {
    "blame.should-have": (
        "Describe what the people involved knew at the time and what the process did not provide, e.g. "
        "'The failover runbook did not include a replica-lag check.'"
    ),
    "blame.counterfactual": (
        "Describe what did happen and what would make the safer path the default, e.g. "
        "'The deploy tool did not show the diff before applying.'"
    ),
    "blame.failed-to": (
        "Describe what did not happen and what made it hard, e.g. 'There was no prompt or check to {phrase}.'"
    ),
    "blame.forgot": "Say what the process lacked, e.g. 'Nothing in the process prompts anyone to {phrase}.'",
    "blame.omission": (
        "Say what the process did not require, e.g. 'Nothing in the process required anyone to {phrase}.'"
    ),
    "blame.judgement": (
        "Describe the action and its conditions, not the person, e.g. "
        "'The change was applied without a dry run; the tool does not offer one.'"
    ),
    "blame.hindsight": (
        "Drop the hindsight; describe what could be seen at the time, e.g. "
        "'The disk usage graph was not on the on-call dashboard.'"
    ),
    "blame.human-error": (
        "Name the conditions that made the error likely, e.g. "
        "'The CLI accepted a production hostname without asking for confirmation.'"
    ),
    "blame.person-cause": (
        "Name the event, not the person ('Deployment of version 1.2 initiated'), then what the system allowed: "
        "'The deployment process allowed changes to production without an automated review.'"
    ),
    "blame.punitive": (
        "Focus on what will change in the system, e.g. 'Require a second approval for production changes', "
        "not on consequences for people."
    ),
    "blame.sarcasm": (
        "State the decision and its context neutrally, e.g. 'The alert was disabled on Friday to reduce noise "
        "during the migration.'"
    ),
}
_SUGGESTIONS["blame.likely"] = (
    "Say what happened and what in the system made it possible, without judging the people involved, e.g. "
    "'The deploy tool applied the change to production without a review step.'"
)
_GENERIC_SUGGESTIONS: dict[str, str] = {
    "blame.failed-to": (
        "Describe what did not happen and what made it hard, e.g. "
        "'The escalation policy did not page the database team.'"
    ),
    "blame.forgot": (
        "Say what the process lacked, e.g. 'The release checklist has no step to remove temporary feature flags.'"
    ),
    "blame.omission": (
        "Say what the process did not require, e.g. 'The deploy checklist does not include verifying replica lag.'"
    ),
}


def _build_index() -> dict[str, tuple[int, ...]]:
    index: dict[str, list[int]] = {}
    for i, pattern in enumerate(_PATTERNS):
        for key in pattern.keys:
            index.setdefault(key, []).append(i)
    return {key: tuple(ids) for key, ids in index.items()}


# Which patterns can match, by the words a text contains: most texts need no regex at all.
_INDEX: dict[str, tuple[int, ...]] = _build_index()


_POSSESSIVES_RE = re.compile(r"\b(?:his|her|their|my|your)\b", re.IGNORECASE)


def _suggestion(pattern: _Pattern, text: str, match: re.Match[str]) -> str:
    if not pattern.phrase:
        return _GENERIC_SUGGESTIONS.get(pattern.rule, _SUGGESTIONS[pattern.rule])
    # "failed to escalate ...", "forgot to remove ...", "didn't check ...": reuse the base-form verb phrase.
    phrase = ""
    verb = match.groupdict().get("verb")
    if verb is not None:
        lead = match.group(0).lower()
        past = verb.lower().endswith("ed") or verb.lower() in ("saw", "ran", "thought", "told", "paid", "caught")
        if lead.startswith(("fail", "didn", "did")) or not past:
            phrase = _phrase(text, match.start("verb"))
    elif match.group(0).lower().endswith(" to"):
        phrase = _phrase(text, match.end())
    else:
        stripped = text[match.end() :].lstrip()
        if stripped.lower().startswith("to "):
            phrase = _phrase(stripped, 3)
    phrase = _POSSESSIVES_RE.sub("the", phrase).strip()
    if len(phrase.split()) < 2:
        return _GENERIC_SUGGESTIONS[pattern.rule]
    return _SUGGESTIONS[pattern.rule].format(phrase=phrase)


def find_blame(text: str, *, second_opinion: bool = True) -> list[BlameHit]:
    """Words in `text` that blame or judge a person, in text order (spans do not overlap).

    The patterns first; then, for each sentence no pattern flagged, the statistical model
    (`blame_model`, rule `blame.likely`) unless `second_opinion` is False.
    """
    cleared: list[int] = []
    hits = _pattern_hits(text, cleared)
    if second_opinion and text:
        hits = _with_second_opinion(text, hits, cleared)
    return hits


def _with_second_opinion(text: str, hits: list[BlameHit], cleared: list[int]) -> list[BlameHit]:
    from pmtui.analysis import blame_model

    model = blame_model.model()
    added = False
    taken = sorted([hit.start for hit in hits] + cleared)
    for start, end in blame_model.sentences(text):
        i = bisect_left(taken, start)
        if i < len(taken) and taken[i] < end:
            continue  # flagged already, or a pattern looked at its trigger words and cleared them
        sentence = text[start:end]
        if len(_TOKEN_RE.findall(sentence)) < blame_model.MIN_WORDS:
            continue  # "Scribe: Pete." says too little for the model to judge
        if blame_model.probability(sentence) <= blame_model.THRESHOLD:
            continue
        lo, hi = model.strongest(sentence)
        hits.append(
            BlameHit(
                start=start + lo,
                end=start + hi,
                words=sentence[lo:hi],
                reason=_REASONS["blame.likely"],
                suggestion=_SUGGESTIONS["blame.likely"],
                rule="blame.likely",
            )
        )
        added = True
    if added:
        hits.sort(key=lambda h: h.start)
    return hits


# Rules whose trigger words, when a pattern clears them ("the job failed to start", "no one was careless"),
# also keep the model quiet about the sentence: the pattern knows better what those words mean there.
_DECISIVE = frozenset(
    {
        "blame.should-have",
        "blame.failed-to",
        "blame.forgot",
        "blame.human-error",
        "blame.judgement",
        "blame.counterfactual",
    }
)


# Blame named in order to set it aside: "It would be easy to call the change careless, but ...", "We asked
# whether anyone should face consequences and agreed the answer is no", "The retro drifted into blame; the
# facilitator steered it back". A strong cue on either side is enough; a question or a discussion before the
# words needs an answer after them.
_SET_ASIDE_STRONG_BEFORE_RE = re.compile(
    r"\bit(?:\s+(?:would\s+be|is)|['’]s)\s+(?:easy|tempting|unfair|wrong)\s+to\s+(?:call|say|write|label|blame|point\s+(?:at|to)|describe|"
    r"conclude|put\s+it\s+down\s+to|ask|assume|single\s+out)\b|"
    r"\b(?:ruled\s+out|rejected|dropped|removed)\s+(?:any|all|the(?:\s+draft)?(?:\s+conclusion\s+of)?)\s+(?:\w+\s+)?$|\b(?:rejected|resisted)\s+(?:the\s+(?:urge|temptation|idea)\s+"
    r"(?:to|of)\s+)?(?:[a-z]+ing\s+)?$|\bavoided\s+the\s+(?:urge|temptation)\s+to\s+$|\bwill\s+not\s+be\s+(?:referenced|used|mentioned|cited|part\s+of|recorded)\b",
    re.IGNORECASE,
)
_SET_ASIDE_STRONG_AFTER_RE = re.compile(
    r"^\W*(?:\w+\W+){0,6}?(?:was|were|is|are)\s+(?:considered|discussed|raised|examined)\s+(?:and|but)\s+"
    r"(?:rejected|dismissed|ruled\s+out)\b|"
    r"^\W*(?:\w+\W+){0,6}?(?:was|were|is|are)\s+raised\s+(?:once\s+|briefly\s+)?and\s+(?:rejected|dismissed)\b|"
    r"^\W*(?:\w+\W+){0,4}?(?:is|are)\s+(?:a\s+legal\s+term\s+and\s+)?(?:has|have)\s+no\s+place\b|^\W*(?:\w+\W+){0,8}?has\s+no\s+place\b|"
    r"\b(?:agreed|decided|concluded)\s+(?:that\s+)?the\s+answer\s+(?:is|was)\s+no\b|"
    r"\bnone\s+(?:are|is|were|was)\s+(?:appropriate|warranted|needed|planned|justified)\b|"
    r"^[^;:—–]{0,80}?\b(?:was|were)\s+(?:suggested|proposed|raised)\b[^;:—–]{0,60}?\band\s+(?:removed|rejected|dropped|struck)\b|"
    r"[;:—–]\s*(?:the\s+)?(?:review(?:\s+group)?|group|team|we)\s+(?:disagrees?|disagreed|rejected\s+(?:it|that|this))\b|"
    r"[;:—–]\s*we\s+agreed\s+(?:it|this|that)\s+(?:does\s+not|doesn['’]t)\s+belong\b",
    re.IGNORECASE,
)
_SET_ASIDE_QUESTION_RE = re.compile(
    r"\b(?:asked|asking|discussed|discussing|debated|considered|considering|wondered|questioned)\s+(?:\w+\s+){0,3}?"
    r"(?:whether|why|if|about|who)\b|\bspent\s+(?:some\s+|a\s+lot\s+of\s+|too\s+much\s+)?time\s+on\s+(?:whether|why)\b|"
    r"\bdrifted\s+(?:into|towards?)\b",
    re.IGNORECASE,
)
# An answer that sets the question aside: no, not that, a better question, the process instead.
_SET_ASIDE_ANSWER_RE = re.compile(
    r"\bthe\s+answer\s+(?:was|is)\s*[:,]?\s*(?:no|that)\b|\b(?:agreed|decided|concluded)\s+(?:that\s+)?(?:it|this|that|he|she|they)\s+"
    r"(?:was|were|is|are)(?:n['’]?t|\s+not)\b|\bdecided\s+against\b|\bmore\s+useful\b|\bbetter\s+question\b|"
    r"\b(?:real|right)\s+question\b|\bwrong\s+question\b|\bsteered\b|\bcan['’]?t\s+be\s+the\s+only\b|\bredirected\b|"
    r"\breplied\s+that\s+none\b|^\s*(?:it|this|that)\s+(?:wasn['’]t|was\s+not|isn['’]t|is\s+not)\s*[;:,.—–]|"
    r"\b(?:agreed|decided|concluded)\s+(?:that\s+)?(?:the|a|an)\s+[^.;!?]{0,60}?(?:,\s*not\b|\bis\s+not\b|\bisn['’]t\b)",
    re.IGNORECASE,
)
# Where the words before a hit stop counting as the frame it sits in: "It would be easy to point at the tooling,
# but really Dana was just careless" (the 'but' clause is the writer's view).
_FRAME_BREAK_RE = re.compile(r"\b(?:but|however|yet|although|though)\b|[;:—–?!]", re.IGNORECASE)


_NO_ANSWER_RE = re.compile(
    r"\s*(?:no|not\s+really|nope|nobody['’]?s|no\s+one['’]?s|(?:it|this|that)\s+(?:wasn['’]t|was\s+not|isn['’]t|is\s+not)"
    r"(?=\s*(?:[.;!—–]|$)))",
    re.IGNORECASE,
)


def _set_aside(text: str, start: int, end: int) -> bool:
    floor = max(0, start - 300)  # bounded: long text without stops must stay linear
    sentence_start = max(text.rfind(".", floor, start), text.rfind("\n", floor, start), floor - 1) + 1
    before = text[sentence_start:start]
    breaks = [m.end() for m in _FRAME_BREAK_RE.finditer(before)]
    frame = before[breaks[-1] :] if breaks else before  # the clause the hit sits in
    rest = text[end : min(len(text), end + 300)]
    stop = re.search(r"[.!?\n](?:\s|$)", rest)
    after = rest[: stop.start()] if stop else rest  # to the end of the sentence, across ';'
    if _SET_ASIDE_STRONG_BEFORE_RE.search(frame) or _SET_ASIDE_STRONG_AFTER_RE.search(after):
        return True
    if stop and rest[stop.start()] == "?" and _NO_ANSWER_RE.match(rest, stop.start() + 1):
        return True  # "Was it anyone's mistake? No - the cache behaviour was undocumented"
    if _DRAFT_SAID_RE.search(frame + text[start:end]) and _TAKEN_OUT_RE.search(after):
        return True  # "An early draft said Dana should have ...; we removed that because ..."
    if _SET_ASIDE_QUESTION_RE.search(frame):
        if _SET_ASIDE_ANSWER_RE.search(after):
            return True
        if stop:  # the answer may come in the next sentence: "... asked who broke it. We agreed the more useful ..."
            following = rest[stop.end() : stop.end() + 200]
            next_stop = re.search(r"[.!?\n](?:\s|$)", following)
            return bool(_SET_ASIDE_ANSWER_RE.search(following[: next_stop.start()] if next_stop else following))
    return False


_DRAFT_SAID_RE = re.compile(
    r"\b(?:draft|earlier\s+version|first\s+version|first\s+pass|original\s+(?:text|wording|write-?up))\s+"
    r"(?:of\s+\w+\s+)?(?:said|stated|read|claimed|blamed|had)\b",
    re.IGNORECASE,
)
_TAKEN_OUT_RE = re.compile(
    r"\b(?:removed|reworded|rewrote|rewritten|deleted|struck|took\s+(?:it|that|this)\s+out|taken\s+out|dropped)\b",
    re.IGNORECASE,
)


# "Disciplinary action is explicitly out of scope for this review": a consequence named to rule it out.
_RULED_OUT_RE = re.compile(
    r"[^.!?;\n]{0,40}?\b(?:is|are|was|were|will\s+be|remains?)\s+(?:\w+\s+)?(?:out\s+of\s+(?:scope|the\s+question)|off\s+the\s+table|ruled\s+out|"
    r"not\s+(?:on\s+the\s+table|an\s+option|part\s+of|being\s+considered|considered|planned|warranted|appropriate|"
    r"the\s+(?:goal|point|aim|purpose)))",
    re.IGNORECASE,
)


def _ruled_out(text: str, end: int) -> bool:
    """The consequence is named to rule it out, and nothing after it takes that back ('..., but she will get one')."""
    m = _RULED_OUT_RE.match(text, end)
    if not m:
        return False
    rest = _sentence_rest(text, m.end())
    return not re.search(r"\bbut\b", rest, re.IGNORECASE)


def _pattern_hits(text: str, cleared: list[int] | None = None) -> list[BlameHit]:
    """The patterns' hits; `cleared` collects where trigger words were looked at and found harmless."""
    if not text:
        return []
    candidates: set[int] = set()
    for key in set(_KEY_RE.findall(text.lower())):
        ids = _INDEX.get(key)
        if ids:
            candidates.update(ids)
    if not candidates:
        return []
    quoted: list[tuple[int, int]] | None = None
    hits: list[BlameHit] = []
    for i in sorted(candidates):
        pattern = _PATTERNS[i]
        for match in pattern.regex.finditer(text):
            start, end = match.span(pattern.group)
            if pattern.cond is not None and not pattern.cond(text, match):
                if cleared is not None and pattern.rule in _DECISIVE:
                    cleared.append(start)
                continue
            if (
                (pattern.negatable and _negated(text, start))
                or (pattern.rule == "blame.punitive" and _ruled_out(text, end))
                or _set_aside(text, start, end)
            ):
                if cleared is not None:
                    cleared.append(start)
                continue
            if quoted is None:
                quoted = _quoted_spans(text) if any(q in text for q in "\"“‘'") else []
            if any(
                qs <= start and end <= qe and not (pattern.rule in _PASTED_RULES and _pasted_quote(text, qs, qe))
                for qs, qe in quoted
            ):
                if cleared is not None:
                    cleared.append(start)
                continue
            hits.append(
                BlameHit(
                    start=start,
                    end=end,
                    words=text[start:end],
                    reason=_REASONS[pattern.rule],
                    suggestion=_suggestion(pattern, text, match),
                    rule=pattern.rule,
                )
            )
    if len(hits) < 2:
        return hits
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[BlameHit] = []
    for hit in hits:
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept
