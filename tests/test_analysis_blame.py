"""Blameless-language check: the rules, the traps, the labelled set, and speed."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pmtui.analysis import blame_model
from pmtui.analysis.blame import BlameHit, find_blame
from pmtui.config import CheckConfig

DATA = Path(__file__).parent / "data" / "blame_labelled.tsv"


def rules(text: str) -> list[str]:
    return [hit.rule for hit in find_blame(text)]


# --- the neutral examples from the issue, and other false-positive traps -----------------------

NEUTRAL = [
    "14:02 Dana paged the database team",
    "00:17 Lee killed 2 idle-in-transaction sessions from batch-reconcile",  # a fix, by its object
    "Sam wiped the cache on all edge nodes",
    "i dont think anyone messed up here, the config just had two sources of truth and they drifted apart",
    "We discussed whether Kofi should have caught the typo in review and concluded that a 900-line diff is not "
    "reviewable, so such changes will be split.",
    "The mobile team asked whether they should have held the release; we agreed the crash-rate gate, not "
    "individual judgement, should make that call.",
    "the health check failed",
    "alerts should fire when the pool is 80% full",
    "the deployment process allowed changes without review",
    "the job failed to start",
    "Deployment of version 1.2 initiated",
    "Kubernetes failed to schedule the new pods because the node pool was full.",
    "Postgres failed to accept new connections after max_connections was reached.",
    "The on-call engineer could not log in because SSO was down.",
    "The failover should have completed in under a minute, but it took nine.",
    "Every service should have an owner.",
    "The runbook says operators should have read access to the audit logs.",
    "The DBA should have been paged by the alert, not by a customer ticket.",
    "Human error is never a root cause; it is a starting point for the investigation.",
    'Replace "human error" with a description of the conditions that made the error likely.',
    "No one was careless; the tooling made the wrong target easy to pick.",
    "Nobody was blamed; the review focused on the deploy tooling.",
    "It was not obvious from the dashboard that the disk was filling.",
    "Obvious signals, such as the queue depth, were not on the main dashboard.",
    "The git blame output showed the timeout was changed in 2021.",
    "Our fault-tolerance design assumed a single zone failure.",
    "The service logged a segmentation fault at 14:01.",
    "Lazy loading of the catalogue delayed the first page render.",
    "The post-mortem is blameless: we focus on the system, not on individuals.",
    "Dana's quick failover kept the impact under ten minutes.",
    "We restarted the cluster without losing any messages.",
    "We skipped the staging soak because the staging environment was down.",
    "The new hire was given production access on day one without training.",
    "The alert fired at 14:03 and paged the on-call engineer.",
    "Error rates stayed below the error budget burn threshold.",
    'Dana wrote in the channel: "I think I forgot the flag"',
    "The process relied on one person remembering to renew the certificate.",
    # traps for the surveillance, forced-apology, implied-blame and pasted-quote rules
    "Dana will monitor Priya's dashboard for the rest of the week.",
    "We will keep an eye on the team's queue depth after the change.",
    "The outage was written up for the board.",
    "We apologise to our customers for the disruption.",
    "The problem was DNS.",
    "Once more, the retry storm filled the queue.",
    "As always, the runbook was the first place we looked.",
    "Priya never received the page: the escalation policy had no phone number for her.",
    'Slack, 10:02: "rolling back now"',
    'Error: "should have been a string, got null"',
    "If only the load balancer had drained connections gracefully, the errors would have been limited.",
    "Blaming the on-call engineer would miss the point: the alert fired 400 times that week.",
    "Carla uploaded the price file using the admin form, which accepts any CSV without validating columns.",
    "Disciplinary action is explicitly out of scope for this review.",
    # blame named in order to set it aside, owners, systems, the organisation owning it
    "It would be easy to call the change careless, but the engineer ran every check the pipeline offered.",
    "We asked whether anyone should face consequences and agreed the answer is no.",
    "The retro drifted into blame for a few minutes; the facilitator steered it back to the deploy tooling.",
    "We rejected blaming the reviewer, since the review tool collapsed the migration file by default.",
    "Negligence is a legal term and has no place in this document; the facts are in the timeline.",
    "This incident will not be referenced in anyone's performance review.",
    "Customer comms: it's on Ayesha, with a draft due tomorrow.",
    'Slack, 11:58: "retry budget change, it\'s on Chen, PR is up"',
    "The pipeline is to blame for letting an unsigned image into production.",
    "The node template forgot to include the healthcheck port.",
    "If only the restore had been tested on a full-size dataset, we would have known it takes six hours.",
    "To our customers: this was our fault, and we are sorry.",
    "The review UI collapsed the generated migration, so I never saw it.",
    "The runbook is lazy about prerequisites.",
    # a reviewer's traps for this session's patterns
    "Sam's brilliant idea of a read-only mode kept the storefront up.",
    "We will send a written apology to the customers affected by the outage.",
    "The CEO sent a personal apology to the affected hospitals.",
    "Customers expect an apology within 24 hours.",
    "This is on the network team's list for next quarter.",
    "Keep a close eye on Heroku's deploys this week.",
    "Pavel again deployed the fix at 11:00, this time with the flag set.",
    "As always, the on-call engineer paged the DBA without delay.",
    "Apparently Postgres does.",
    "Does Terraform even check drift on this module?",
    "HR will schedule a meeting with the works council.",
    "The API keys were revoked until they could be rotated.",
    "Why does Chrome think it's acceptable to reuse the connection?",
    'Kevin messaged: "You forgot to attach the graph, can you resend?"',
    "The retro ran without anybody in the room blaming the on-call engineer.",
    "Disciplinary measures were explicitly ruled out, so people could share exactly what they saw.",
    # an eighth blind set's traps: blame named to be set aside in the same sentence, and things
    "We explicitly ruled out any disciplinary follow-up; the director agreed in the review meeting.",
    "Human error was suggested as a conclusion in the first draft and removed; it explains nothing.",
    "We rejected the draft conclusion of operator error at the control centre.",
    "Some called it Sven's mistake; the review group disagrees — the config had no schema validation.",
    "We asked whether the finance team should have caught it and decided it is the wrong question.",
    "It is tempting to ask why nobody noticed sooner; the honest answer is that nothing was designed to notice.",
    "Our release train is sloppy about changelogs; we'll add a template to the release checklist.",
    "Our staging data is to blame for the missed bug.",
    "The blame for the delay sits with our escalation policy, which only paged one person.",
    "The label printer driver forgot the page size after every restart.",  # a driver of a thing
    'The betting app\'s error message blamed the user ("invalid stake") when the backend had timed out.',
    "Kudos to the DBAs for taking down the old cluster on schedule.",
    "We will remind the team again before the next freeze.",
    "The outage is on Confluence, see the incident page.",
    "The vendor's repeated failures to deliver patches are on the risk register.",
    "Remind Paolo, in writing, of the new change window.",
    "If only the optimizer logged which constraint it was violating, diagnosis would have taken minutes.",
    "We should have had a canary stage for the arrivals feed; adding one is AI-3.",
    "Blame is not useful here: the same change would have passed review from anyone on the team.",
    "Was it anyone's mistake? No - the cache behaviour was undocumented.",
    "We will not name names in this review; the process is what failed.",
    'Dana\'s "canary" stage caught the bad build before it reached customers.',
    "The delay traces back to Priya's decision to wait for the vendor, which was the right call.",
    "Despite being told the disk was full, the cleanup job kept writing temp files.",
    "Backups that have not been restored cannot be trusted.",
    "The build failed like everyone else's did that day because of the registry outage.",
    "Classic Kubernetes, the pod restarted twice.",
    "Wei's manager approved the schedule change on Monday.",
    "The job ran contrary to the documented schedule because the cron file used UTC.",
    "Dr. Morales approved the lock override after checking stock at the other clinics.",
    "Not naming names, but the payments-api and ledger services shared the same exhausted pool.",
    "The problem was not between the keyboard and the chair: the console defaulted to production.",
    "The fast recovery traces back to Aisha's decision to bypass the slow DNS failover, which saved 20 minutes.",
    "The parser must be more careful about trailing whitespace in the YAML keys.",
    "If our retry policy had used jitter like everyone else's, the thundering herd would have been smaller.",
    "Alert routing was changed so Priya can't get paged at 3am for non-actionable warnings anymore.",
    "Wei's manager approved the budget for the new storage tier, so the capacity crunch won't happen again.",
    "Congrats to the platform team for taking down production for the planned migration with zero impact.",
    "Customers will be reminded, in writing, of the maintenance window 72 hours in advance.",
    "The library's careless handling of null headers led to the crash.",
    "Human error was considered and rejected as a root cause; the system allowed the unsafe action.",
    "We should have had alerting on certificate expiry dates.",
    "Someone in the channel asked who broke it. We agreed the more useful question is what allowed it.",
    "Several people asked whether someone should be disciplined. The answer is no: our process made it likely.",
    "An early draft said Dmitri should have double-checked the region code; we removed that because any of us could.",
    "The 311 app's geocoder forgot the last known location after each restart.",
    "Anyone with basic access would have seen the banner, so we added one.",
    "Dana's fix is what brought the error rate back down.",
    "The 8% error rate, which is unacceptable for checkout, lasted 40 minutes.",
    "Another day, another deploy: the pipeline ran 14 times without a failure.",
    "Kudos to the night crew for a calm, quick recovery.",
    # blind12's false alarms: a thing judged, blame named to reject it, the blameless policy, a question answered no
    "Sloppy timestamp parsing in the radar decoder dropped every reading after 23:59.",
    "It's tempting to call this user error, but the UI gave the invigilator no undo.",
    "We chose not to name individuals in this timeline, consistent with our blameless policy.",
    "Several people asked whether this was anyone's fault. It wasn't; the guardrail simply did not exist.",
    "I would have expected the alert to fire at 80%.",
    "This one is on the team backlog.",
    "Without the retry queue, we would have lost 3,940 payments.",
    # blind13's false alarms, and their neighbours: a component named like a post, a draft's words taken out
    "Why? Because the nonce manager failed to release its lock after the node restart.",
    "The connection manager failed to reconnect.",
    'The first draft blamed "operator error"; we rewrote that section to describe the missing confirmation prompt.',
    'The sloppy part was the API contract: two fields called "amount" with different units.',
    "We would have expected more traffic from the campaign.",
    "This incident is on the agenda for Thursday's review.",
    # a reviewer's neutral sentences on this session's new patterns
    "Even without a human error, the migration would have failed because the lock timeout was too short.",
    "Without blaming Sam, we would have had a better discussion earlier.",
    "I'd have expected the on-call engineer to be paged by the 5xx monitor, but the monitor was muted.",
    "I'd have expected the DBA to act on the replication lag warning, but the dashboard had no panel for it.",
    "I want to know who deployed it so I can thank them for the clean rollback.",
    "@sam your PR broke nothing, the failing test is flaky on main.",
    "Typical support: the first reports came in through the chat widget.",
    "Was this Sam's fault? It wasn't.",
    # blind14's false alarms, and their neighbours: a model, a rule and a driver are things
    "The gaze model was overconfident in dark rooms; it should have abstained instead of flagging.",
    "The HSM driver is sloppy about releasing sessions, which exhausted the pool under load.",
    "I missed the warning in the console output; it was one line among roughly 4,000.",
    "The alerting rule forgot about daylight saving time, so it was silent for an hour.",
    "The error is of the type TimeoutError.",
    "The cache can't be trusted after a restart.",
    "We could have taken more care with the alert thresholds.",
    # a second review's neutral sentences: components named like posts, things that 'bothered', an environment
    "The QA agent ignored the proxy settings on the build hosts.",
    "The IT agent failed to install the certificate on 40 laptops.",
    "The bus controller ignored the reset signal from the ECU.",
    "The error was from the QA environment.",
    "If the health check had bothered to test the database connection, the pod would have been restarted.",
    "",
]


@pytest.mark.parametrize("text", NEUTRAL)
def test_neutral_text_is_left_alone(text: str) -> None:
    assert find_blame(text) == []


# Left alone by the patterns; the model (advisory) reads the first as borderline (0.62 against a 0.6 threshold):
# "a written apology" comes mostly from blaming sentences in its training data.
PATTERN_NEUTRAL = [
    "We will send a written apology to affected customers today.",
    # 'sat on' is cleared by its pattern (a ticket, not a person, sat on the queue); the model, retrained with
    # blind14, reads the sentence as borderline (0.602 against 0.6)
    "The ticket sat on the queue for an hour because routing was broken.",
    # a bot, not a person, made them; the model (advisory) reads 'mistakes were made by' as blame (0.89)
    "Mistakes were made by the ops bot when it parsed the command.",
]


@pytest.mark.parametrize("text", PATTERN_NEUTRAL)
def test_neutral_text_is_left_alone_by_the_patterns(text: str) -> None:
    assert find_blame(text, second_opinion=False) == []


# --- every rule fires on its phrases ------------------------------------------------------------

BLAMING = [
    ("John should have checked the replica lag.", "blame.should-have", "should have"),
    ("We shouldn't have deployed on a Friday.", "blame.should-have", "shouldn't have"),
    ("This should have been caught in code review.", "blame.should-have", "should have"),
    ("If only someone had looked at the dashboard.", "blame.counterfactual", "If only"),
    ("Had Ravi checked the diff, this would never have happened.", "blame.counterfactual", "Had Ravi checked"),
    ("The on-call engineer failed to escalate.", "blame.failed-to", "failed to escalate"),
    ("We failed to test the failover procedure.", "blame.failed-to", "failed to test"),
    ("Priya forgot to update the DNS record.", "blame.forgot", "forgot"),
    ("The engineer didn't bother to read the runbook.", "blame.omission", "didn't bother"),
    ("Maria didn't test her change before merging it.", "blame.omission", "didn't test"),
    ("The DBA ignored the disk space warnings.", "blame.omission", "ignored"),
    ("Tom pushed straight to main without review.", "blame.omission", "without review"),
    ("A careless change took the site down.", "blame.judgement", "careless"),
    ("Sloppy code review let the bug through.", "blame.judgement", "Sloppy"),
    ("Frankly the deploy was negligent.", "blame.judgement", "negligent"),
    ("Whoever wrote this script is incompetent.", "blame.judgement", "incompetent"),
    ("Engineers need to be more careful.", "blame.judgement", "be more careful"),
    ("Obviously nobody tested the rollback path.", "blame.hindsight", "Obviously"),
    ("Root cause: human error.", "blame.human-error", "human error"),
    ("It was Mike's mistake to run the migration at peak.", "blame.person-cause", "Mike's mistake"),
    ("The outage was caused by Alex deploying the wrong branch.", "blame.person-cause", "caused by"),
    ("Carlos broke production.", "blame.person-cause", "broke"),
    ("Someone needs to be held accountable for this outage.", "blame.punitive", "held accountable"),
    ("Whoever pushed that change should be fired.", "blame.punitive", "be fired"),
    ("Some genius decided to disable the alert on Friday.", "blame.sarcasm", "genius"),
    ("Great job, Bob, taking down checkout on Black Friday.", "blame.sarcasm", "Great job"),
    ("We're going to keep a close eye on Pavel's deployments from now on.", "blame.punitive", "Pavel's deployments"),
    ("Action: manager to monitor Aisha's on-call handling and report weekly.", "blame.punitive", "monitor Aisha's"),
    ("I expect a written apology from the vendor engineer.", "blame.punitive", "apology"),
    ("Going forward, anyone who deploys without a ticket will be written up.", "blame.punitive", "written up"),
    ("the problem was Joe. thats it thats the postmortem", "blame.person-cause", "the problem was Joe"),
    ("sorry but this one is 100% on the network guys", "blame.person-cause", "network guys"),
    ("Contributing factor: the QA team never tests the Android build.", "blame.judgement", "never tests"),
    ("My colleague was not checking the queue properly.", "blame.judgement", "properly"),
    ("The help desk, once more, gave students the wrong VPN instructions.", "blame.sarcasm", "once more"),
    ("B-team again missed the failover window.", "blame.sarcasm", "again missed"),
    ("Finally, after three incidents, the ops team remembered to scale the servers.", "blame.sarcasm", "remembered to"),
    ("Who approves a schema change at 5pm on a Friday? Apparently Kevin does.", "blame.sarcasm", "Apparently Kevin"),
    ("Apparently reading the release notes is optional for the Android team.", "blame.sarcasm", "optional for"),
    ('Teams, 10:14: "@Elena did you even look at the diff before approving?"', "blame.sarcasm", "did you even look"),
    ('Pasted from #inc-core: "who the hell restarted the primary??"', "blame.sarcasm", "who the hell"),
    ("Why does Felix still have admin rights after what happened in January?", "blame.judgement", "Felix still have"),
    ("The incident commander, Lucas, panicked and kept changing his mind.", "blame.judgement", "panicked"),
    ("5 Whys, step 5: the real reason is that Nadia doesn't take on-call seriously.", "blame.judgement", "seriously"),
    ("Why 2: The data team didn't do their homework on the schema change.", "blame.judgement", "homework"),
    ("Open question: why does Carla think it's acceptable to deploy on a Friday?", "blame.judgement", "acceptable"),
    ("Thanks to Greg's brilliant idea of patching the kernel at peak, we lost three nodes.", "blame.sarcasm", "idea"),
    ("The weather desk should have known better than to push a forecast out without QA.", "blame.should-have", "known"),
    ("Action item: HR to schedule a conversation with Priyanka about the failed deploy.", "blame.punitive", "HR"),
    ("Suzanne's access is revoked until she has had a talk with her manager.", "blame.punitive", "revoked until she"),
    ("The manager asked that Theo send a written apology to the CTO by Monday.", "blame.punitive", "apology"),
    # blame that merely shares a sentence with a set-aside cue stays blame
    ("It would be easy to point at the tooling, but really Dana was just careless.", "blame.judgement", "careless"),
    ("We considered whether Dana was careless and concluded she was.", "blame.judgement", "careless"),
    ("Root cause was operator error; a hardware fault has been ruled out.", "blame.human-error", "operator error"),
    ("This will not be recorded in his file, but Pavel was reckless.", "blame.judgement", "reckless"),
    ("It would be wrong to deploy on a Friday, and Kevin did it anyway; he was lazy.", "blame.judgement", "lazy"),
    ("A formal warning for Dana is not the point of this review, but she will get one.", "blame.punitive", "warning"),
    ("Keep an eye on Pavel's deployments from now on.", "blame.punitive", "Pavel's deployments"),
    ('Slack, 10:02: "who the hell restarted the primary??"\nIt was restarted.', "blame.sarcasm", "who the hell"),
    ("The outage is on Hiroshi, full stop.", "blame.person-cause", "on Hiroshi"),
    ("HR to document Pedro's repeated failures to follow change control.", "blame.failed-to", "failures"),
    ("Could someone explain to Noor, again, that the DMZ is not a lab?", "blame.judgement", "explain to Noor"),
    ("Bravo to the DBAs for taking down ticket sales on the busiest day.", "blame.sarcasm", "Bravo"),
    ("Director asked that Paolo be reminded, in writing, of the rules.", "blame.punitive", "reminded"),
    ("Production access is a privilege, as Paolo now knows.", "blame.punitive", "privilege"),
    ("The delivery driver forgot the parcel scanner at the depot.", "blame.forgot", "forgot"),
    ("<joonho> not naming names but someone on the backend team merged at 5:58pm", "blame.sarcasm", "naming names"),
    ("The CMS was fine; the problem was between the keyboard and the chair.", "blame.sarcasm", "keyboard"),
    ('Sellers could not list items for hours thanks to Bruno\'s "quick fix".', "blame.sarcasm", "quick fix"),
    ("Overbooking traces back to Joana's decision to bypass the inventory sync.", "blame.person-cause", "Joana's"),
    ("Note: this is not the first incident involving Viktor's changes.", "blame.judgement", "first incident"),
    (
        "The loader failed because the revenue manager ignored the template, despite being shown it many times.",
        "blame.judgement",
        "despite being shown",
    ),
    (
        "Is not first time Dmitri change the crew file without test, he must be more careful.",
        "blame.judgement",
        "not first time Dmitri",
    ),
    ("Lessons: staff need to start taking the backup procedure seriously.", "blame.judgement", "seriously"),
    ("Lesson learned: postdocs can't be trusted with sudo.", "blame.judgement", "trusted"),
    ("The incident commander was too busy arguing in Slack to coordinate anything.", "blame.judgement", "too busy"),
    (
        "Dr. Morales overrode the inventory lock without thinking about the other clinics.",
        "blame.omission",
        "without thinking",
    ),
    (
        "Nobody would have been paged if the import had gone through review like everyone else's.",
        "blame.judgement",
        "like everyone else",
    ),
    (
        "Require two approvals, mainly so Rafael can't self-merge on Friday evenings anymore.",
        "blame.punitive",
        "Rafael",
    ),
    ("We have been assured by Wei's manager that this will not happen again.", "blame.punitive", "Wei's manager"),
    (
        "The batch abended because operator Giuseppe restarted step 14, contrary to the run sheet.",
        "blame.omission",
        "contrary to the run sheet",
    ),
    ("Classic Amara - push first, ask questions later.", "blame.sarcasm", "Classic Amara"),
    ("Carlos's so-called fix is what actually broke checkout.", "blame.sarcasm", "so-called fix"),
    ("This all originates with Aylin's call to disable the safety check.", "blame.person-cause", "Aylin's call"),
    ("In direct violation of our change policy, Gaurav deployed on a Friday night.", "blame.omission", "violation"),
    ("Marisol went against the documented rollback procedure.", "blame.omission", "went against"),
    ("Well done, Sigrid, truly a masterclass in how to delete a database.", "blame.sarcasm", "Well done, Sigrid"),
    ("Vintage Olaf: ship first, test never.", "blame.sarcasm", "Vintage Olaf"),
    ("I'm tired of reminding Akosua that the backup script is not optional.", "blame.judgement", "tired of"),
    ("We no longer have confidence in Bogdan's judgement around database changes.", "blame.judgement", "confidence"),
    ("Once again the pager went off because of something Hyun-woo did.", "blame.person-cause", "something"),
    ("Production access is earned, and Rodrigo has not earned it.", "blame.punitive", "earned"),
    ("Root cause: wetware. Specifically, Kofi.", "blame.sarcasm", "wetware"),
    ("Honestly, anyone with basic SQL knowledge would have spotted it.", "blame.judgement", "basic SQL knowledge"),
    ("The release manager made a poor call by shipping the night before the storm.", "blame.judgement", "poor call"),
    ("Kevin to complete cert training before he is allowed production access again.", "blame.punitive", "allowed"),
    ("Esperanza tested the migration, if you can call it that.", "blame.sarcasm", "call it that"),
    ("Open question: why does Obinna keep bypassing the staging environment?", "blame.judgement", "keep bypassing"),
    ("Hopefully the ingestion team will learn to read release notes after this.", "blame.sarcasm", "learn to"),
    ("Nadia's quick fix is what turned a five-minute blip into a two-hour outage.", "blame.person-cause", "Nadia's"),
    ("I, of course, had to clean up after the on-call's mess at 3 a.m.", "blame.judgement", "mess"),
    ('Another great powder day brought to you by the ticketing team\'s "quick fix".', "blame.sarcasm", "quick fix"),
    (
        "[18:40] dmitri: who merged retry logic with no idempotency key?? this is amateur hour",
        "blame.sarcasm",
        "amateur",
    ),
    (
        "The AV crew didn't check the EU player, which is unacceptable for a flagship event.",
        "blame.judgement",
        "unacceptable",
    ),
    ("Another month, another billing disaster from the payments squad.", "blame.sarcasm", "Another month"),
    ("Support sat on the first email for twenty-five minutes before telling engineering.", "blame.omission", "sat on"),
    ("Cheers to the EDI admin for a three-day nap while the orders piled up.", "blame.sarcasm", "Cheers"),
    # blind12's misses
    (
        "I'd have expected the dispatch engineers to double-check the zone boundaries before publishing them.",
        "blame.should-have",
        "expected the dispatch engineers to",
    ),
    ("The outage is on the vendor's engineers, who pushed an unannounced change.", "blame.person-cause", "on the"),
    ("I want to know who disabled the duplicate-booking check and why.", "blame.punitive", "who disabled"),
    ("Without Tariq's blunder, the exam would have started on time.", "blame.person-cause", "Tariq's blunder"),
    # left to the model (advisory): as patterns, these raised more false alarms than they found blame
    (
        "typical marketing, launching the episode before the CDN was even warmed up",
        "blame.likely",
        "",
    ),  # the model's strongest words vary as it is retrained
    (
        "Another classic from the analytics guys: a cron job that runs every minute.",
        "blame.likely",
        "",
    ),  # the model's strongest words vary as it is retrained
    (
        '@nadia your "quick fix" broke every single thermostat schedule.',
        "blame.likely",
        "",
    ),  # the model's strongest words vary as it is retrained
    # blind13's misses
    (
        "Why? Because the shift controller ignored the antenna fault alarm for forty minutes.",
        "blame.omission",
        "ignored",
    ),
    (
        "Frankly I would have expected more diligence from the clinical informatics group before go-live.",
        "blame.should-have",
        "expected more diligence",
    ),
    ("so honestly this outage is on him and I'm tired of pretending otherwise.", "blame.person-cause", "on him"),
    ("We need names for who disabled the duplicate-payment check.", "blame.punitive", "names for who"),
    # blind14's misses
    ("Mistakes were made by the routing team when the throttle limits were changed.", "blame.person-cause", "team"),
    ("The error was of the DBA, who executed the script in production.", "blame.likely", ""),  # the model's
    (
        "If the designers had bothered to read the spec, they would not have set it to zero.",
        "blame.counterfactual",
        "bothered",
    ),
    ("In hindsight, Rahul could have shown a little more care with the rollout.", "blame.should-have", "more care"),
    ("Same story as the last two seasons: live-ops can't be trusted with prod configs.", "blame.judgement", "trusted"),
    ("The IT manager failed to renew the certificate.", "blame.failed-to", "failed to"),
    # what a second review found missed
    ("The DC operator was careless and pulled the wrong cable.", "blame.judgement", "careless"),
    ("Without Kim's careless deploy, the outage would not have happened.", "blame.judgement", "careless"),
    ("We would have expected the on-call engineer to have noticed the alert.", "blame.should-have", "expected"),
    ("I want to know who pushed this so we can have a word with them.", "blame.punitive", "who pushed"),
    ("Was it Kim's mistake? It wasn't a mistake, it was negligence.", "blame.person-cause", "Kim's mistake"),
    # a thing people make, judged with its maker named, is still about them
    ("Priya's careless schema change broke checkout.", "blame.judgement", "careless"),
    ("Sam wrote a careless query that locked the orders table.", "blame.judgement", "careless"),
]


@pytest.mark.parametrize(("text", "rule", "words"), BLAMING)
def test_blaming_text_is_flagged_with_rule_and_span(text: str, rule: str, words: str) -> None:
    hits = find_blame(text)
    assert hits, text
    hit = next((h for h in hits if h.rule == rule), None)
    assert hit is not None, (text, [h.rule for h in hits])
    assert words in hit.words  # the span may take in the surrounding phrase ("didn't bother to read")
    assert text[hit.start : hit.end] == hit.words
    assert hit.reason
    assert hit.suggestion


def test_hit_fields() -> None:
    [hit] = find_blame("Dana forgot to remove the feature flag.")
    assert isinstance(hit, BlameHit)
    assert (hit.start, hit.end, hit.words, hit.rule) == (5, 11, "forgot", "blame.forgot")
    assert "remove the feature flag" in hit.suggestion


def test_failed_to_depends_on_the_subject() -> None:
    assert rules("He failed to follow the checklist.") == ["blame.failed-to"]
    assert rules("The ops team failed to follow the checklist.") == ["blame.failed-to"]
    assert rules("Ahmed failed to renew the certificate on time.") == ["blame.failed-to"]
    assert rules("The migration script failed to acquire a lock.") == []
    assert rules("The backup job failed to upload to S3.") == []
    assert rules("Dana failed to connect to the VPN because it was down.") == []


def test_should_have_depends_on_the_subject() -> None:
    assert rules("She should've known the cache would be cold.") == ["blame.should-have"]
    assert rules("The alert should have fired at 80%.") == []
    assert rules("The canary should have rolled back automatically.") == []


def test_quoted_and_negated_phrases_are_not_flagged() -> None:
    assert find_blame('Avoid phrases like "should have" and "careless" in the write-up.') == []
    assert find_blame("This was not human error.") == []
    assert find_blame("No one was careless.") == []
    assert find_blame("The 'human error' label was removed from the template.") == []


def test_several_hits_do_not_overlap() -> None:
    hits = find_blame("Obviously John should have checked; he was careless.")
    assert [h.rule for h in hits] == ["blame.hindsight", "blame.should-have", "blame.judgement"]
    assert all(a.end <= b.start for a, b in pairwise(hits))


def test_apostrophe_variants() -> None:
    assert rules("Dana didn’t check the dashboard.") == ["blame.omission"]
    assert rules("It was Tom’s fault.") == ["blame.person-cause"]


def test_suggestions_are_complete_sentences() -> None:
    for _, _, text in load_labelled():
        for hit in find_blame(text):
            assert "{" not in hit.suggestion and hit.suggestion.endswith((".", ".'")), (text, hit.suggestion)
    [hit] = find_blame("The developer neglected to add an index.")
    assert "add an index" in hit.suggestion


# --- the labelled set ----------------------------------------------------------------------------


def load_labelled() -> list[tuple[bool, str, str]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, split, text = line.split("\t", 2)
            assert label in ("blame", "ok"), line
            rows.append((label == "blame", split, text))
    return rows


def test_labelled_set_size_and_balance() -> None:
    rows = load_labelled()
    assert len(rows) >= 150
    assert sum(1 for blame, _, _ in rows if blame) >= 60
    assert sum(1 for blame, _, _ in rows if not blame) >= 60


@pytest.mark.parametrize("split", ["dev", "holdout", "probe", None])
def test_labelled_set_precision_and_recall(split: str | None) -> None:
    tp = fp = fn = 0
    for blame, row_split, text in load_labelled():
        if split is not None and row_split != split:
            continue
        flagged = bool(find_blame(text))
        tp += flagged and blame
        fp += flagged and not blame
        fn += (not flagged) and blame
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    assert precision >= 0.90, (split, precision)
    assert recall >= 0.80, (split, recall)


# Speed (2,000 timeline events) is measured by benchmarks/labelled_sets.py, not asserted here.


# --- robustness ----------------------------------------------------------------------------------

_FRAGMENTS = st.sampled_from(
    [
        "Dana",
        "the on-call engineer",
        "should have",
        "failed to",
        "forgot",
        "didn't",
        "careless",
        "human error",
        "'",
        '"',
        "“",
        ",",
        ".",
        "because",
        "the job",
        "not",
        "if only",
        "by mistake",
        "genius",
        "\n",
        "14:02",
        " ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_FRAGMENTS, st.text(max_size=12)), max_size=25).map(" ".join))
def test_hits_are_well_formed_on_any_text(text: str) -> None:
    hits = find_blame(text)
    for hit in hits:
        assert 0 <= hit.start < hit.end <= len(text)
        assert text[hit.start : hit.end] == hit.words
        assert hit.rule.startswith("blame.") and hit.reason and hit.suggestion
    assert all(a.end <= b.start for a, b in pairwise(hits))


# --- the second opinion (blame.likely) ------------------------------------------------------------


def test_the_model_flags_what_no_pattern_names_and_says_where() -> None:
    text = "Handover notes: Marco, deploying on a Friday afternoon and logging off, as ever."
    assert find_blame(text, second_opinion=False) == []
    hits = find_blame(text)
    assert [hit.rule for hit in hits] == ["blame.likely"]
    assert hits[0].start >= text.index("Marco")  # the sentence that reads as blame, not the first one
    assert text[hits[0].start : hits[0].end] == hits[0].words and hits[0].suggestion


@pytest.mark.parametrize(
    "text",
    [
        "Kim restarted api-3 at 14:07.",
        "The pager went off at 02:14 and Dana acknowledged it at 02:16.",
        "Priya noticed the error spike on the checkout dashboard and paged the database team.",
        "The deploy tool applied the change to production without a review step.",
        "Thanks to Dana's quick rollback, the impact lasted 12 minutes.",
        "14:25 Incident commander: Oksana. Scribe: Pete. Comms: Ifeoma.",  # too short to judge
        "No one was careless.",  # a pattern cleared these words: the model keeps quiet
        # a reviewer's false positives: trigger words in ordinary prose
        "The outage was short thanks to Dana.",
        "The follow-up is on Priya, due Friday.",
        "Dana, who was asked to cover the shift, took the page at 02:00.",
        "The team finally decided to fail over after the second replica died.",
        "The runbook lets the on-call touch the load balancer config in a sev1.",
        "Sam was too late for the bridge because the page went to an old number.",
        "Going forward, reviewers should test migrations on a copy of production.",
        "The on-call could simply restart the pod, as the runbook says.",
        "Priya, like everyone else on the bridge, saw the alert at 14:02.",
        "Ravi misconfigured nothing; the template had the wrong default.",
        "If only we had a staging environment with production-like data, we would have seen it earlier.",
    ],
)
def test_the_model_leaves_factual_entries_alone(text: str) -> None:
    assert find_blame(text) == []


def test_the_model_only_advises_by_default() -> None:
    config = CheckConfig()
    assert config.severity("blame.likely") == "advisory"
    assert config.severity("blame.forgot") == "blocking"


def test_the_shipped_weights_are_what_the_labelled_set_trains() -> None:
    trained = blame_model.train(blame_model.read_labelled(DATA))
    assert blame_model.dumps(trained) == blame_model.WEIGHTS.read_text(encoding="utf-8")


def test_the_sentence_windows_are_bounded_in_long_text_without_stops() -> None:
    # Every pattern looks at a window around its match; a window that grew with the text made a 30,000-character
    # paste take seconds (benchmarks/labelled_sets.py prints the figures).
    from pmtui.analysis import blame

    text = "the team never tests " * 1500
    assert len(blame._sentence_rest(text, 100)) <= 300
    assert len(blame._sentence_of(text, 15_000, 15_010)) <= 610
    hits = find_blame(text)
    assert hits and all(h.rule == "blame.judgement" for h in hits)
