"""AST checks on actions: Actionable, Specific, Time-bounded, and one owner.

`ast_missing(action, now)` is cheap enough to call for every action on every redraw; `check_action`
turns the same judgements into findings with a suggested better form.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from pmtui.analysis.findings import Finding
from pmtui.analysis.lexicon import FIRST_NAMES, word_set
from pmtui.config import CheckConfig
from pmtui.model import Action, ActionStatus, Stage

ACTIONABLE = "Actionable"
SPECIFIC = "Specific"
TIME_BOUNDED = "Time-bounded"
ONE_OWNER = "One owner"
CRITERIA: tuple[str, ...] = (ACTIONABLE, SPECIFIC, TIME_BOUNDED, ONE_OWNER)
RULE_IDS: dict[str, str] = {
    ACTIONABLE: "ast.actionable",
    SPECIFIC: "ast.specific",
    TIME_BOUNDED: "ast.time-bounded",
    ONE_OWNER: "ast.one-owner",
}

__all__ = ["CRITERIA", "RULE_IDS", "ast_missing", "check_action", "is_actionable", "is_specific", "owner_problem"]

# ---------------------------------------------------------------------------------------------
# Actionable

_LEAD_RE = re.compile(
    r"^\s*(?:(?:[-*•]|\d+[.)]|\[[^\]]*\]|(?:todo|ai|action(?:\s+item)?|follow-up)\s*[:\-]|[A-Z][A-Z0-9]+-\d+\s*[:\-]?)\s*)*",
    re.IGNORECASE,
)
_WORDS_RE = re.compile(r"[A-Za-z][A-Za-z0-9'’\-]*|\d[\d,.]*%?|\S")

# Verbs that start a study or a conversation, not a deliverable.
_NON_DELIVERABLE: tuple[tuple[str, ...], ...] = tuple(
    tuple(phrase.split())
    for phrase in (
        "investigate",
        "look into",
        "look at",
        "look for",
        "consider",
        "discuss",
        "think about",
        "think through",
        "explore",
        "research",
        "evaluate",
        "assess",
        "brainstorm",
        "understand",
        "figure out",
        "try",
        "revisit",
        "analyse",
        "analyze",
        "study",
        "talk to",
        "talk about",
        "talk with",
        "follow up",
        "check into",
        "check on",
        "check whether",
        "check if",
        "dig into",
        "determine whether",
        "determine if",
        "see if",
        "see whether",
        "find out",
        "examine",
        "reflect",
        "ponder",
        "maybe",
        "perhaps",
        "possibly",
        "ensure",
        "improve",
        "enhance",
        "strengthen",
        "streamline",
        "optimise",
        "optimize",
        "make sure",
        "be",
        "keep",
        "continue",
        "remember",
        "learn",
        "aim",
        "strive",
        "work on",
        "working on",
        "keep an eye on",
        "double-check",
        "double check",
        "keep track of",
        "review whether",
        "review if",
        "review",
        "verify that",
        "verify whether",
        "confirm that",
        "confirm whether",
        "check that",
        "schedule a meeting",
        "schedule a call",
        "set up a meeting",
        "organise a meeting",
        "organize a meeting",
        "hold a meeting",
        "please to",
        "look",
        "monitor",
        "watch",
        "think",
        "talk",
        "decide whether",
        "decide if",
        "scope",
        "spike",
        "we",
        "i",
        "someone",
        "somebody",
        "should",
        "need",
        "needs",
        "must",
    )
)

_ACTION_VERBS: frozenset[str] = word_set("""
    add create implement write document update configure set enable disable remove delete migrate upgrade deploy
    rotate automate introduce replace move split limit cap raise lower increase decrease reduce build run schedule
    page alert require enforce block restrict rename tag label publish train hold patch fix refactor backfill
    restore test verify validate audit tune adjust change extend shorten decommission deprecate retire merge revert
    pin bump lock unlock provision scale shard partition index cache retry throttle rate-limit notify email send
    share present rehearse drill conduct organise organize assign define establish standardise standardize expose
    instrument log record capture track measure graph chart backport release ship roll wire integrate link connect
    switch convert encrypt gate canary separate isolate consolidate clean purge archive expire make improve enhance
    optimise optimize streamline strengthen harden simplify clarify revise rewrite reword draft announce escalate
    contact ask request file open close resolve triage prioritise prioritize hire staff budget buy purchase procure
    renew swap include exclude allow deny prevent stop start begin drop pre-warm prewarm warm install uninstall
    containerise containerize dockerise dockerize split move copy mirror replicate shard route reroute redirect
    cut trim prune tighten loosen relax extend alias map unify merge generate template script schedule wrap
    offer mandate institute roll-out rollout run adopt onboard deliver publish host upgrade downgrade reindex
    rebuild redeploy reconfigure rewrite re-enable reenable recreate restart reboot drain cordon fail failover
    verify doublecheck double-check check review add-on hand transfer give grant revoke rotate reset salt hash
    sign notarise backup back apply attach detach mount unmount pin unpin wire annotate comment inform brief
    invite teach coach mentor pair onboard post tweet announce broadcast print export import load seed fill
    populate sync synchronise synchronize upload download fetch push pull collect gather aggregate compute calculate
    count sample alert escalate route forward dedupe deduplicate batch queue debounce cancel abort pause resume
    suspend disable freeze unfreeze gate lint format compress decompress encode decode sanitise sanitize escape
    validate parse serialise serialize rotate expire evict flush warm preload prefetch precompute cache shard
    replace rename reorder sort group nest flatten dedicate reserve allocate free release reclaim set-up setup
    spin provision stand tear take put bring get let keep give hand run hire fund list inventory catalogue catalog
    map diagram sketch design prototype pilot trial benchmark load-test stress-test fuzz profile trace
    quarantine silence mute unmute snooze allowlist denylist blocklist whitelist blacklist codify embed bake ban
    disallow forbid fence sunset shorten lengthen widen narrow speed slow bound retain rollback roll-back
    reconcile refund reimburse read withdraw unpublish republish tidy rerun re-run replay resend reissue void
    approve submit force reprocess book remind kill turn show display surface highlight render emit
    """)
# Verbs that start a deliverable only when something concrete follows: "Ensure the backup job runs at 02:00".
_CONDITIONAL_LEADS: tuple[tuple[str, ...], ...] = (("ensure",), ("make", "sure"))
_ACTION_VERBS = _ACTION_VERBS - {"canary"}  # "Canary stage for api-gw" is a noun phrase; canarying is "roll out"
_VERB_SUFFIXES = ("ize", "ise", "ify", "ate")
_NOT_VERBS_WITH_SUFFIX = word_set("state rate template climate private")


def _words(text: str) -> list[str]:
    return _WORDS_RE.findall(_LEAD_RE.sub("", text or ""))


def _non_deliverable(words: list[str]) -> str | None:
    low = tuple(w.lower() for w in words[:4])
    matches = [phrase for phrase in _NON_DELIVERABLE if low[: len(phrase)] == phrase]
    if not matches:
        return None
    return " ".join(words[: len(max(matches, key=len))])  # the longest: "keep an eye on", not "keep"


def _without_words(text: str, count: int) -> str:
    """`text` (its lead such as "JIRA-12:" dropped) without its first `count` words, as written."""
    body = _LEAD_RE.sub("", text or "")
    end = 0
    for i, match in enumerate(_WORDS_RE.finditer(body)):
        if i == count:
            break
        end = match.end()
    return body[end:].strip()


def _lead_length(words: list[str]) -> int:
    """How many words at the start are a lead that is not the deliverable: 'Ensure', 'Maybe look at'."""
    total = 0
    while True:
        rest = words[total:]
        step = _conditional_lead(rest) or len((_non_deliverable(rest) or "").split())
        if not step:
            return total
        total += step


def _is_base_verb(low: str) -> bool:
    if low in _ACTION_VERBS:
        return True
    return low.isalpha() and len(low) > 4 and low.endswith(_VERB_SUFFIXES) and low not in _NOT_VERBS_WITH_SUFFIX


def _is_verb(word: str) -> bool:
    """An action verb, also as a gerund ('Adding a canary stage ...' reads as the deliverable too)."""
    low = word.lower().replace("’", "'")
    if _is_base_verb(low):
        return True
    if low.endswith("ing") and len(low) > 5:
        stem = low[:-3]
        candidates = (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else "")
        return any(c and _is_base_verb(c) for c in candidates)
    return False


def _conditional_lead(words: list[str]) -> int:
    """How many words an 'Ensure' / 'Make sure' lead takes (0 when there is none)."""
    low = tuple(w.lower() for w in words[:2])
    for lead in _CONDITIONAL_LEADS:
        if low[: len(lead)] == lead:
            return len(lead)
    return 0


_POLITE = ("please", "kindly", "pls", "plz", ",")


def is_actionable(text: str) -> bool:
    """Starts with a concrete verb that names a deliverable ('Add', 'Enable'); not 'Investigate', 'Consider'.

    'Ensure ...', 'Make sure ...' and 'Improve ...' name an outcome, not what will be delivered: 'Make sure the
    disk alert on kafka-prod fires at 85%' is specific, and its action is 'Set the disk alert on kafka-prod to
    fire at 85%'. A leading 'Please' is politeness: 'Please add ...' is judged on 'add'. A verb used as a noun
    ('Backup of the orders database', 'Review of the runbook') is a noun phrase.
    """
    words = _words(text)
    while words and words[0].lower() in _POLITE and len(words) > 1 and words[1].lower() != "to":
        words = words[1:]
    if len(words) > 1 and words[0].lower() == "to" and _is_base_verb(words[1].lower()):
        words = words[1:]  # "To add unit tests for ...": a to-do written as an infinitive
    if not words:
        return False
    if _conditional_lead(words) or _non_deliverable(words):
        return False
    asks = {"if", "whether", "about"} & {w.lower() for w in words[2:7]}
    if [w.lower() for w in words[:2]] == ["check", "with"] and asks:
        return False  # "Check with the vendor if a fix exists": a question ("Check with kubeval that …" is a test)
    if len(words) > 1 and words[1].lower() == "of":
        return False  # "Backup of ...", "Monitoring of ...": a noun phrase
    if words[0].lower() == "make" and _MAKE_OUTCOME_RE.search(" ".join(words[1:8])):
        return False  # "Make the check-in page faster": an outcome; what will be changed to get there?
    if (
        len(words) > 1
        and words[1].lower() in ("better", "more", "faster")
        and (len(words) == 2 or words[2].lower() in _SCOPE_WORDS or not words[2][0].isalnum())
    ):
        return False  # "Communicate better with support", "Test more": a way of working, not a deliverable
    if words[0].lower().endswith("ing") and len(words) > 1 and words[1].lower() in _NOUN_PHRASE_LINKS:
        return False  # "Training for new on-call engineers": a noun phrase; "Adding a canary stage" is a verb
    if len(words) > 2 and words[1].lower() not in _DETERMINERS and _MODAL_RE.match(" ".join(words[1:4])):
        return False  # "Push notification should not be sent twice", "Staff should be …": a wish, not a verb's object
    if len(words) > 1 and words[1].lower() in _NOUN_PHRASE_LINKS and _PASSIVE_TO_BE_RE.search(" ".join(words)):
        return False  # "Alert for ALI failures to be added": a noun phrase and a to-do in the passive
    return _is_verb(words[0])


_DETERMINERS = word_set("a an the this that these those our their its all any every each some no")
_MODAL_RE = re.compile(r"(?:\w+\s+)?(?:should|must|shall|needs?\s+to|has\s+to|have\s+to)\b(?!-)", re.IGNORECASE)


_NOUN_PHRASE_LINKS = word_set("for of on in at with about around")
_MAKE_OUTCOME_RE = re.compile(
    r"\b(?:faster|quicker|slower|better|easier|safer|simpler|smoother|cheaper|clearer|stronger|more|less|resilient|"
    r"reliable|robust|stable|secure|scalable)\b",
    re.IGNORECASE,
)


# ---------------------------------------------------------------------------------------------
# Specific

_SCOPE_WORDS = word_set("""
    for on in to from at between across when if whenever so by with within before after above below exceeding over
    under per every during into onto via using against older newer than instead that which covering showing
    """)
_VAGUE_RE = re.compile(
    r"\b(?:better|more\s+(?!than\b)[a-z]+|robust|properly|correctly|as\s+needed|where\s+appropriate|etc|things|stuff|"
    r"somehow|various|something|anything|everything|the\s+(?:\w+\s+)?(?:issue|issues|problem|problems|bug|bugs)|again|"
    r"going\s+forward|in\s+general|generally|best\s+practices?|as\s+soon\s+as\s+possible|asap|some|careful|experience|"
    r"improve|improved|improvements?|enhance|enhancements?|optimi[sz]e|streamline|strengthen|educate|training|awareness|"
    r"culture|mindset|options|alternatives|ways|ideas|approaches|possibilities|people|everyone|everybody|folks|"
    r"(?:this\s+)?next\s+time|happen(?:s|ing)?\s+again|the\s+(?:process|crash|outages?|incidents?|alerting|(?:next\s+)?retro)(?![\w-])|"
    r"an?\s+update|informed|timing|the\s+new\s+(?:app|tool|platform|process)|faster|quicker|easier|safer|simpler|smoother|cheaper|clearer|resilient|(?:your|their|our|all|any)\s+(?:services|systems|apps|applications|code|teams?|stuff))\b",
    re.IGNORECASE,
)
_ALWAYS_VAGUE_RE = re.compile(
    r"\b(?:(?:be|being)\s+(?:more\s+)?(?:careful|vigilant|attentive|diligent)|more\s+careful|awareness|take\s+care|"
    r"double[-\s]check|"
    r"pay\s+(?:more\s+)?attention|the\s+new\s+system)\b",
    re.IGNORECASE,
)
# Vague about how much better: named things do not make these measurable ("Make SSO more reliable during exam
# periods", "Write better runbooks for SSO"); a number, a path or a host name does.
_QUALITY_RE = re.compile(
    r"\b(?:better|more\s+(?!than\b)[a-z]+|robust|improve[sd]?|improvements?|enhance|enhancements?|faster|quicker|easier|"
    r"safer|simpler|smoother|cheaper|clearer|resilient|properly|correctly)\b",
    re.IGNORECASE,
)
_UNNAMED_RE = re.compile(r"\b(?:stuff|things|something|somehow|anything|everything|various)\b", re.IGNORECASE)
_PASSIVE_TO_BE_RE = re.compile(r"\bto\s+be\s+[a-z]+(?:ed|en|wn|ne|t)\b", re.IGNORECASE)
_CODE_TOKEN_RE = re.compile(r"[\w*-]+\.[\w.-]+|/[\w./-]+|\w+_\w+|--\w|`|\w\(|::")
_ACRONYM_RE = re.compile(r"\b[A-Z][A-Z0-9]{1,}\b")
_DIGIT_RE = re.compile(r"\d")
_PROPER_RE = re.compile(
    r"(?<=[a-z0-9,;]\s)(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|"
    r"June|July|August|September|October|November|December)s?\b)[A-Z][a-z]+[A-Za-z]*"
)


def _strong_signal(text: str) -> bool:
    return bool(
        _DIGIT_RE.search(text) or _CODE_TOKEN_RE.search(text) or _ACRONYM_RE.search(text) or _PROPER_RE.search(text)
    )


_COMMON_HYPHENATED = word_set("""
    on-call follow-up follow-ups post-mortem post-mortems hand-off handoff real-time long-term short-term end-to-end
    self-service up-to-date day-to-day one-off so-called built-in opt-in opt-out sign-off sign-in log-in roll-out
    set-up check-in e-mail re-run re-enable third-party well-known high-level low-level cross-team cross-functional
    in-house follow-through clean-up write-up run-book on-site off-site full-time part-time
    """)
_HYPHENATED_RE = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9*]+)+\*?")
# The parts that make a hyphenated word a service, host or environment name ("checkout-api", "prod-*"), not
# an ordinary compound ("customer-facing", "error-handling", "cross-region").
_SYSTEM_PARTS = word_set("""
    api apis svc service services db sql pg redis kafka cache web app worker workers job jobs cron queue gateway gw
    proxy lb cluster node nodes pod pods prod production staging stage dev qa test int edge core primary replica
    server srv host vm k8s ns bucket topic stream etl ingest sync bot cli ui fe be backend frontend mq rmq es
    """)


def _system_name(word: str) -> bool:
    parts = word.lower().split("-")
    return any(ch.isdigit() or ch == "*" for ch in word) or any(part in _SYSTEM_PARTS for part in parts)


_NUMBER_WORDS_RE = re.compile(
    r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifty|hundred|"
    r"thousand|twice)\b",
    re.IGNORECASE,
)
_CAMEL_KEY_RE = re.compile(r"\b[a-z]{2,}[A-Z][A-Za-z]*\b")  # a config key: maxUnavailable (not iPhone, eBay)
# 'one' that counts nothing: 'no one', 'one of', 'one more', 'one day', 'one place', 'one step at a time'
_NOT_A_COUNT_RE = re.compile(
    r"\b(?:no|any|every|some)\s*one\b|\bone\s+(?:of|more|day|place|step|another|by\s+one)\b", re.IGNORECASE
)


def _hard_signal(text: str, names: bool = True) -> bool:
    """A number (in digits or words), a path, a host or service name, a config key (or, with `names`, two
    named things): what makes a study or a wish measurable."""
    if _DIGIT_RE.search(text) or _CODE_TOKEN_RE.search(text) or _CAMEL_KEY_RE.search(text):
        return True
    if _NUMBER_WORDS_RE.search(_NOT_A_COUNT_RE.sub(" ", text)):
        return True
    if any(
        m.group().lower() not in _COMMON_HYPHENATED and _system_name(m.group()) for m in _HYPHENATED_RE.finditer(text)
    ):
        return True  # checkout-api, prod-* namespaces
    if not names:
        return False
    found = {m.group() for m in _ACRONYM_RE.finditer(text)} | {m.group() for m in _PROPER_RE.finditer(f"x {text}")}
    return len(found) >= 2  # "Redis from the hourly RDB snapshot": two named things pin it down


def is_specific(text: str) -> bool:
    """Says what, where and how much: an object with a scope ('for the orders database', 'above 80%')."""
    words = _words(text)
    if not words:
        return False
    # Specific is judged on what the action names, whatever its verb: "Investigate why p99 latency on
    # checkout-api exceeded 2s" is specific (and not actionable); "Look into the issue" is neither.
    lead = _lead_length(words)
    if lead and _VAGUE_RE.match(" ".join(words[:lead])) and not _hard_signal(text, names=False):
        # "Improve picking accuracy in the warehouse", "Improve communication between Support and Engineering":
        # how much better is not said
        return False
    if lead:
        text = _without_words(text, lead)
        words = _words(text)
        if words and words[0].lower() == "that" and len(words) > 1:  # "Ensure that the TLS certificate ..."
            text = _without_words(text, 1)
            words = _words(text)
        if not words:
            return False
    has_verb = _is_verb(words[0])
    obj = words[1:] if has_verb else words
    obj_words = [w for w in obj if w[0].isalnum()]
    if len(obj_words) < 3:
        return False
    if obj_words[0].lower() in ("it", "this", "that", "these", "those", "them"):
        return False  # "Fix this so it does not happen again": no referent
    body = _LEAD_RE.sub("", text).strip()
    if has_verb:
        body = body[len(words[0]) :]
    strong = _strong_signal(body)
    if lead and not has_verb and not _hard_signal(body):
        # A study or a wish about a thing ("Think about the USB policy", "Investigate the PLC stop", "Monitor the
        # Kafka consumer lag"): a name says where, not what will be done or how much. A number, a path, a host
        # name, a config key or two named things do. ("Someone should add an alert on ..." has its verb: judged
        # as any action.)
        return False
    joined = " ".join(words)
    if _VAGUE_RE.search(joined) and not (
        strong and (_hard_signal(body, names=False) or (has_verb and not _QUALITY_RE.search(joined)))
    ):
        # "Better segmentation between IT and OT": vague words are not made specific by names alone
        return False
    if _ALWAYS_VAGUE_RE.search(" ".join(words)):
        return False  # "Be more careful when restarting the PACS gateway": a named system does not help
    if _UNNAMED_RE.search(" ".join(words)) and not _hard_signal(body, names=False):
        return False  # "Document stuff about the ILS integration": a name says where, not what
    if not has_verb and not strong and _PASSIVE_TO_BE_RE.search(" ".join(words)):
        return False  # "Lessons learned to be shared": by whom, where, with whom?
    if text.rstrip().endswith("?") and not _hard_signal(body):
        return False  # "Is the document store still needed after the migration?": a question, no measure
    if len(obj_words) <= 7 and not _hard_signal(body, names=False):
        # "Write a runbook for playout outages", "Set a timeout on the inventory service calls": a short object
        # with no number, path or host name says where but not what is done or when it is done
        return False
    scoped = any(w.lower() in _SCOPE_WORDS for w in obj_words[1:-1])
    return scoped or strong


# ---------------------------------------------------------------------------------------------
# One owner

_PLACEHOLDERS = word_set(
    "tbd tbc tba ? ?? ??? n/a na none unassigned unknown nobody someone somebody anyone - -- todo owner x"
)
_SPLIT_RE = re.compile(r"\s*(?:,|;|/|&|\+|\band\b|\bor\b|\n)\s*", re.IGNORECASE)
_GROUP_HEADS = word_set("""
    team teams everyone everybody all squad department dept org organisation organization group groups guild crew
    committee we us folks people staff chapter tribe members engineers developers devs
    """)
_GROUP_NAMES = word_set("""
    ops devops sre sres security support infra infrastructure platform backend frontend qa dev engineering eng
    management netops secops dbas sysadmins it leadership product design data soc noc network finops devsecops comms
    """)
_ROLE_HOLDERS = word_set("""
    lead manager owner commander captain director head champion dri chair coordinator architect on-call oncall
    liaison vp cto ceo cio ciso principal officer rep representative admin administrator analyst pm em tl primary
    secondary engineer developer dba sre-on-call responder ic chief steward counsel planner supervisor controller
    specialist technician scheduler nurse producer editor librarian
    """)


_FUNCTIONS = word_set("""
    helpdesk operations pharmacy success service services finance legal hr marketing sales procurement
    vendor vendors supplier contractor-team liveops programmers nurses doctors planners engineers developers
    devs admins analysts testers operators agents staff department dept division unit desk office
    engineering computing platform ops maintenance compliance facilities networking logistics accounting payroll
    users customers security treasury cx training board it support automation editorial newsroom tech
    informatics growth eng systems care firmware warehouse agency prevention payments comms communications
    """)
_DEPARTMENTS = word_set("""
    scheduling billing purchasing nursing shipping receiving packaging planning publishing dispatching ticketing
    """)
_ROTATIONS = word_set("oncall on-call pager rotation primary secondary escalation alerts")


def _is_person_name(text: str) -> bool:
    """'Kim', 'Dana Smith', 'Priya R.': one person's name (a first name the lexicon knows, then at most two more
    words); not 'Oracle' or 'backup: Bob'."""
    words = text.split()
    return 1 <= len(words) <= 3 and words[0] in FIRST_NAMES and not _SPLIT_RE.search(text)


def _role_of(text: str) -> bool:
    """Whether the words name one role-holder ('Lead data engineer', 'Depot manager')."""
    tokens = re.findall(r"[a-z][a-z0-9\-]*", text.lower())
    return (bool(tokens) and tokens[-1] in _ROLE_HOLDERS) or (
        len(tokens) > 1 and tokens[0] in _ROLE_HOLDERS and tokens[0] != "head"
    )


def owner_problem(owner: str) -> str | None:
    """Why the owner is not one person or role-holder ('empty', 'placeholder', 'several', 'group'), or None."""
    named = re.fullmatch(r"\s*([^()]+?)\s*\(\s*([^()]+?)\s*\)\s*", owner or "")
    if named and named.group(1).lower() not in _PLACEHOLDERS and _is_person_name(named.group(2)):
        return None  # "Research Computing (Kim)": the person named owns it for the group
    team_after = re.fullmatch(r"\s*([^-–—|:,/&+]+?)\s+[-–—|:]\s+([^-–—|:,/&+]+?)\s*", owner or "")
    if team_after and _is_person_name(team_after.group(1)) and not _is_person_name(team_after.group(2)):
        return None  # "Dana - Payments": the person, then the team they are in (not "Dana - Sam": two people)
    inside = re.search(r"\(([^()]*)\)", owner or "")
    if (
        inside
        and _SPLIT_RE.search(inside.group(1))
        and len([p for p in _SPLIT_RE.split(inside.group(1)) if p.strip()]) > 1
    ):
        return "several"  # "SSP integrations (Ivan/Marta)": two people
    text = re.sub(r"\([^)]*\)", " ", owner or "").strip()
    if not text:
        return "empty"
    low = text.lower()
    if re.match(r"(?:head|director|vp|chief|manager)\s+of\s", low) or re.search(r"\bon[ -](?:duty|shift)$", low):
        return None  # "Head of Trust & Safety" (the '&' names the department), "Field tech on duty": one post
    if low in _PLACEHOLDERS or re.fullmatch(r"[?\-_. ]+", low):
        return "placeholder"
    if low in _ROTATIONS or low in ("the on-call", "on call", "oncall engineer"):
        return "group"  # "on-call": whoever holds the pager, not one owner
    single_address = "@" in text and " " not in text
    if not single_address:
        parts = [p for p in _SPLIT_RE.split(text) if p.strip()]
        if (
            len(parts) == 2
            and "," in text
            and _role_of(parts[0])
            and len(parts[1].split()) <= 2
            and not _role_of(parts[1])
        ):
            return None  # "Engineering Manager, Payments", "Depot manager, Leeds": one role-holder, and where
        if len(parts) > 1:
            return "several"
    else:
        # A handle or an address that names a group or a pager rotation, not a person: "@platform-team",
        # "sre@example.com", "payments-oncall" (a rotation pages whoever is on duty; a person owns the action).
        handle = low.split("@")[0] or low.split("@")[1].split(".")[0]
        parts = re.split(r"[.\-_+]", handle.strip("@"))
        if parts and parts[0].title() in FIRST_NAMES and "@" in low[1:]:
            return None  # "dana.payments@acme.com": a person's address, whatever team it names
        if (
            any(p in _GROUP_HEADS or p in _ROTATIONS or p in _FUNCTIONS or p == "core" for p in parts)
            or all(p in _GROUP_NAMES for p in parts if p)
            or any(p in ("support", "help", "noc", "soc", "info", "admin", "admins") for p in parts)
        ):
            return "group"  # "lms-support@uni.edu", "sre-team@example.com"
    if " " not in text and re.fullmatch(r"[a-z0-9]+(?:[\-_][a-z0-9]+)+", low):
        parts = re.split(r"[\-_]", low)
        if any(p in _GROUP_HEADS or p in _ROTATIONS for p in parts) or all(p in _GROUP_NAMES for p in parts):
            return "group"  # "payments-oncall", "sre-team", "data-eng": an alias, not a person
    # An address is judged by its local part ("dr.okafor@hospital.org": not the 'org' of its domain)
    tokens = re.findall(r"[a-z][a-z0-9\-]*", low.split("@")[0] if single_address else low)
    if tokens and tokens[0] in _PLACEHOLDERS and len(tokens) > 1:
        return "placeholder"  # "TBD - Dana": not confirmed yet
    if tokens and tokens[-1].endswith("s") and tokens[-1][:-1] in _ROLE_HOLDERS:
        return "group"  # "Release managers", "On-call engineers", "Editors": a role, several people hold it
    if any(t in _ROLE_HOLDERS for t in tokens):
        return None  # "Head of Digital Services": one role-holder
    if tokens and tokens[-1].endswith("s") and tokens[-1][:-1] in _FUNCTIONS:
        return "group"  # "Account services": a function, several people
    plural = re.search(r"(?:ers|ists|ians|ors|ants)$", tokens[0]) if len(tokens) == 1 else None
    # "pharmacists", "Cataloguers" (everyone who holds the job), "Scheduling" (a department); not a surname such
    # as "Peters" or "Manning", nor jpeters@…
    if (
        len(tokens) == 1
        and not single_address
        and text.split()[0].title() not in FIRST_NAMES
        and ((plural and (text[:1].islower() or len(tokens[0]) >= 9)) or tokens[0] in _DEPARTMENTS)
    ):
        return "group"
    if any(t in _FUNCTIONS for t in tokens) and "from" not in tokens:  # "Dana from Legal" is one person
        return "group"  # "IT Helpdesk", "Customer Success", "Vendor (Oracle)", "Gameplay programmers"
    if any(t in _GROUP_HEADS for t in tokens):
        return "group"
    if tokens and all(t in _GROUP_NAMES or t in ("the", "our", "a") for t in tokens):
        return "group"
    if len(tokens) > 1 and tokens[-1] in _GROUP_NAMES - {"dev"} and not _is_person_name(text):
        return "group"  # "Game backend", "Payments platform": the team that runs it
    return None


# ---------------------------------------------------------------------------------------------
# Time-bounded


def _today(now: datetime) -> date:
    return now.date()


CLOSED = (ActionStatus.DONE, ActionStatus.WONT_DO)


def due_problem(action: Action, now: datetime) -> str | None:
    """'none' when there is no due date, 'past' when the due date has passed at `now` (the meeting), else None.

    Judged as the criterion is worded, whatever the status: a done action that was due last week was not
    time-bounded at this meeting. (check_action raises no finding for it: a closed action has nothing left to
    schedule.)"""
    if action.due is None:
        return "none"
    return "past" if action.due < _today(now) else None


def ast_missing(action: Action, now: datetime) -> list[str]:
    """The AST criteria the action misses, in order, among 'Actionable', 'Specific', 'Time-bounded', 'One owner'.

    `now` is read in its own zone: an action due today is not overdue.
    """
    missing = []
    if not is_actionable(action.text):
        missing.append(ACTIONABLE)
    if not is_specific(action.text):
        missing.append(SPECIFIC)
    if due_problem(action, now) is not None:
        missing.append(TIME_BOUNDED)
    if owner_problem(action.owner) is not None:
        missing.append(ONE_OWNER)
    return missing


# ---------------------------------------------------------------------------------------------
# Findings with a better form

_EXAMPLES: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("cert", "tls", "ssl", "expir"),
        "Automate renewal of the *.example.com certificate and alert 21 days before expiry",
    ),
    (("backup", "restore", "snapshot"), "Add a nightly automated restore test for the orders database backups"),
    (("test", "qa", "regression", "ci "), "Add an integration test for the payment retry path to the CI pipeline"),
    (("doc", "runbook", "playbook", "wiki"), "Add a replica-lag check to step 3 of the failover runbook"),
    (
        ("communicat", "status", "stakeholder", "customer", "update"),
        "Post status page updates every 20 minutes during SEV1 and SEV2 incidents",
    ),
    (
        ("on-call", "oncall", "rotation", "escalat", "pager", "page"),
        "Escalate unacknowledged pages for the payments service to the secondary on-call after 10 minutes",
    ),
    (
        ("careful", "attention", "vigilan", "mistake", "error", "typo", "human"),
        "Add a confirmation prompt to the deploy CLI when the target is production",
    ),
    (
        ("deploy", "release", "rollout", "change", "review", "merge"),
        "Require an approved review for merges to the main branch of the api repository",
    ),
    (
        ("capacity", "scale", "limit", "pool", "connection", "timeout", "performance", "latency", "database", "db"),
        "Raise the connection pool limit on payments-db from 100 to 200",
    ),
    (
        ("security", "access", "credential", "key", "secret", "password"),
        "Rotate all API keys issued before the incident and store them in the vault",
    ),
    (
        ("monitor", "alert", "detect", "dashboard", "observab", "metric", "log"),
        "Add alerts for database connection pool usage exceeding 80%",
    ),
)
_DEFAULT_EXAMPLE = "Add alerts for database connection pool usage exceeding 80%"


_STATEMENT_RE = re.compile(r"\b(?:was|were|is|are|has\s+been|have\s+been|had|did|does|got)\b", re.IGNORECASE)


def example_for(text: str) -> str:
    """A well-formed action on the same topic, to show the shape."""
    low = f" {(text or '').lower()} "
    for keys, example in _EXAMPLES:
        if any(k in low for k in keys):
            return example
    return _DEFAULT_EXAMPLE


def _path(index: int | None, field: str) -> str:
    return f"actions.{index}.{field}" if index is not None else f"action.{field}"


def check_action(
    action: Action, now: datetime, config: CheckConfig | None = None, index: int | None = None
) -> list[Finding]:
    """AST findings for one action. `index` is its place in `pm.actions` (for the path "actions.N.field")."""
    config = config or CheckConfig()
    findings: list[Finding] = []
    text = (action.text or "").strip()
    words = _words(text)
    example = example_for(text)

    def add(
        criterion: str, field: str, message: str, suggestion: str, excerpt: str = "", start: int | None = None
    ) -> None:
        rule = RULE_IDS[criterion]
        end = start + len(excerpt) if start is not None else None
        findings.append(
            Finding(
                rule=rule,
                severity=config.severity(rule),
                stage=Stage.ACTIONS,
                path=_path(index, field),
                item_id=action.id,
                # "A7: The action has no owner." names the action as the Actions stage and the export number it
                message=f"A{index + 1}: {message}" if index is not None else message,
                excerpt=excerpt,
                start=start,
                end=end,
                suggestion=suggestion,
            )
        )

    specific = is_specific(text)
    if not text:
        add(ACTIONABLE, "text", "The action has no text.", f"Describe the deliverable, e.g. '{example}'.")
    elif not is_actionable(text):
        vague = _non_deliverable(words)
        if vague:
            start = text.find(vague)
            add(
                ACTIONABLE,
                "text",
                f"'{vague}' is not a deliverable: say what will be built or changed.",
                f"Name the outcome, e.g. '{example}'; an investigation can be an action only with a written result "
                "(e.g. 'Write up the cause of the pool exhaustion and file the fixes').",
                vague,
                start if start >= 0 else None,
            )
        else:
            first = words[0] if words else ""
            noun_use = len(words) > 1 and words[1].lower() == "of"  # "Backup of the orders database"
            # a statement of what happened (a cause copied from the 5 Whys) is not made an action by putting
            # 'Add' in front of it: "Add the pool size key was renamed …" would be nonsense
            main_clause = re.split(r"\b(?:that|which|whether|when|if|so)\b", text, maxsplit=1)[0]
            statement = _STATEMENT_RE.search(main_clause) is not None
            # "Add <a thing>" only for a noun phrase: a word before 'the', 'a' … is a verb pmtui does not know
            # ("Summon the …"), and "Add summon the …" would be nonsense
            verb_like = len(words) > 1 and words[1].lower() in _DETERMINERS
            better = (
                f"Add {text[0].lower()}{text[1:]}"
                if specific and not _is_verb(first) and not statement and not verb_like
                else example
            )
            if statement and not noun_use:
                message = "This says what happened, not what will be done about it."
                suggestion = f"Write the change that will be made, starting with a verb, e.g. '{better}'."
            else:
                message = (
                    f"'{first} of …' names a thing, not what will be done."
                    if noun_use
                    else f"The action does not start with a concrete verb ('{first}')."
                )
                suggestion = f"Start with a verb that names the deliverable, e.g. '{better}'."
            add(ACTIONABLE, "text", message, suggestion, first, text.find(first) if first else None)
    if not specific:
        add(
            SPECIFIC,
            "text",
            "The action is not specific: say what changes, where, and how much.",
            f"Name the thing, the place and a measure, e.g. '{example}'.",
        )
    problem = due_problem(action, now)
    if problem == "past" and action.status in CLOSED:
        problem = None  # done or won't do: nothing left to schedule
    if problem == "none":
        suggested = (_today(now) + timedelta(days=30)).isoformat()
        add(TIME_BOUNDED, "due", "The action has no due date.", f"Set a due date, e.g. {suggested}.")
    elif problem == "past":
        add(
            TIME_BOUNDED,
            "due",
            f"The action is overdue: it was due {action.due.isoformat() if action.due else ''}.",
            "Agree a new due date with the owner, or close the action as done or won't do.",
        )
    owner = owner_problem(action.owner)
    if owner == "empty":
        add(
            ONE_OWNER,
            "owner",
            "The action has no owner.",
            "Name one owner: a person, or a role-holder such as 'the payments on-call lead'.",
        )
    elif owner == "placeholder":
        add(
            ONE_OWNER,
            "owner",
            f"The owner '{action.owner}' is a placeholder.",
            "Name one person or role-holder now; an action without an owner does not get done.",
        )
    elif owner == "several":
        first = _SPLIT_RE.split(re.sub(r"\([^)]*\)", " ", action.owner).strip())[0].strip()
        add(
            ONE_OWNER,
            "owner",
            f"The action has more than one owner ('{action.owner}').",
            f"Pick one owner, e.g. '{first}'; the others can help.",
        )
    elif owner == "group":
        add(
            ONE_OWNER,
            "owner",
            f"'{action.owner}' is a group or a rotation, not one owner.",
            f"Name one person or role-holder, e.g. '{_holder_for(action.owner)}'.",
        )
    return findings


def _holder_for(owner: str) -> str:
    low = owner.strip().lower()
    if re.search(r"\bteam\b", low):
        return re.sub(r"\bteam\b", "team lead", owner.strip(), count=1, flags=re.IGNORECASE)
    if low in _GROUP_NAMES:
        return f"the {owner.strip()} lead"
    parts = [p for p in re.split(r"[@.\-_+ ]+", low) if p]
    if any(p in _ROTATIONS for p in parts):  # "payments-oncall" -> "the payments on-call lead"
        rest = " ".join(p for p in parts if p not in _ROTATIONS and p not in ("example", "com"))
        return f"the {rest} on-call lead".replace("the  ", "the ") if rest else "the on-call lead"
    return "the incident owner"
