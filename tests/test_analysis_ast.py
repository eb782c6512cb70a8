"""AST checks on actions: each criterion, the owners, the clock, findings, and the labelled set."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from pmtui.analysis.ast_checks import CRITERIA, ast_missing, check_action, is_actionable, is_specific, owner_problem
from pmtui.config import CheckConfig
from pmtui.model import Action, ActionStatus, Stage

NOW = datetime(2024, 6, 10, 12, 0, tzinfo=UTC)
DATA = Path(__file__).parent / "data" / "actions_labelled.tsv"
GOOD = "Add alerts for database connection pool usage exceeding 80% on payments-db"


def action(text: str = GOOD, owner: str = "Dana", due: date | None = date(2024, 7, 1), **kw: object) -> Action:
    return Action(text=text, owner=owner, due=due, **kw)


def test_a_good_action_misses_nothing() -> None:
    assert ast_missing(action(), NOW) == []
    assert check_action(action(), NOW) == []


@pytest.mark.parametrize(
    "text",
    [
        "Investigate the pool exhaustion",
        "Look into the alert",
        "Consider a canary stage",
        "Discuss the rotation",
        "Think about alerting",
        "Explore multi-region failover",
        "Better testing",
        "Monitoring improvements",
        "Be more careful",
        "check with vendor if firmware fix is available",  # a question to someone, not a deliverable
    ],
)
def test_not_actionable(text: str) -> None:
    assert not is_actionable(text)
    assert "Actionable" in ast_missing(action(text), NOW)


@pytest.mark.parametrize(
    "text",
    [
        "Improve monitoring",
        "Be more careful",
        "Better testing",
        "Fix the bug",
        "Update the runbook",
        "Make the deploy process more robust",
        "Add more tests",
        "Write a runbook for playout outages",  # a short object with no number, path or host: what exactly?
        "Set a timeout on the inventory service calls",
        "Update firmware on the sensors",
        "Add a readiness probe to the checkout deployment",
    ],
)
def test_not_specific(text: str) -> None:
    assert not is_specific(text)


@pytest.mark.parametrize(
    "text",
    [
        GOOD,
        "Raise max_connections on payments-db from 100 to 200",
        "Update the failover runbook to drain the node before rebooting it",
        "Require one approving review for merges to main in the api repository",
        "Turn on deletion protection for the prod RDS instances orders-db-primary and billing-db",
        "Kill idle transactions automatically: set idle_in_transaction_session_timeout = 60s on orders-db-primary",
        "Check with kubeval that the manifests in deploy/ parse before merge",  # a test, not a question
    ],
)
def test_actionable_and_specific(text: str) -> None:
    assert is_actionable(text)
    assert is_specific(text)


@pytest.mark.parametrize(
    ("text", "actionable", "specific"),
    [
        # Specific is judged on what the action names, whatever its verb
        ("Investigate why p99 latency on checkout-api exceeded 2s on 2024-05-30", False, True),
        ("Investigate the issue", False, False),
        ("Maybe look at the connection handling", False, False),
        ("Keep an eye on error rates", False, False),
        ("Explore options for multi-region failover", False, False),
        ("Think about how to avoid this next time", False, False),
        # a gerund of a concrete verb is the deliverable; a noun phrase is not
        ("Adding a canary stage to the deploy pipeline for api-gw", True, True),
        ("Migrating the billing-cron jobs to Kubernetes CronJobs in namespace billing", True, True),
        ("Training for new on-call engineers", False, False),
        ("Working on reducing log volume", False, False),
        ("Canary stage for api-gw deploys", False, True),
        # Ensure / Make sure: a deliverable only when what follows is concrete and checkable
        # an outcome, however concrete, is not the deliverable (every blind labeller read it so)
        ("Make sure the disk usage alert on kafka-prod brokers fires at 85% and pages the on-call", False, True),
        (
            "Ensure the nightly pg_dump of orders-db is restore-tested by adding ops/jobs/restore-check.yaml",
            False,
            True,
        ),
        ("Improve picking accuracy in the warehouse", False, False),
        ("Improve the p99 latency of checkout-api to under 300 ms", False, True),
        ("Please add a 5xx alert on checkout-api above 2%", True, True),
        ("Backup of the electoral-register DB er-sql-01 to be added to the Veeam nightly job", False, True),
        ("Think about the USB policy", False, False),
        # a reviewer's cases: the same action with a capital or an article reads the same
        ("Ensure that the TLS certificate for api.example.com renews 30 days before expiry", False, True),
        # (and a short object with no number, path or host name is not specific: the labelled sets agree)
        ("Runbook for Redis failover", False, False),
        ("Runbook for redis failover", False, False),
        ("Monitor the Kafka consumer lag on the orders topic", False, False),
        ("Monitor Kafka consumer lag on the orders topic", False, False),
        ("Improve communication between Support and Engineering", False, False),
        ("Improve customer-facing comms during incidents", False, False),
        ("Someone should add an alert on Kafka consumer lag", False, False),  # above what?
        ("Someone should add an alert on Kafka consumer lag above 10,000 messages", False, True),
        ("Kindly add a 5xx alert on checkout-api above 2%", True, True),
        ("Investigate the PLC stop", False, False),
        ("Explore Kyverno vs Gatekeeper for enforcing resource limits in prod-* namespaces", False, True),
        ("Ensure this does not happen again", False, False),
        ("Make sure people know who is on call", False, False),
        ("Quarantine TestRefundWebhookRetry in ledger/webhook_test.go", True, True),
        ("Add alerts for your services", True, False),
        ("More careful deploys on Fridays", False, False),
        ("Be more careful when restarting the PACS gateway", False, False),
        ("Review the alerting for payments", False, False),
        ("Verify that the Pyxis cabinets in ICU fall back to offline mode within 60 s", False, True),
        ("Schedule a meeting to discuss the downtime communication", False, False),
        ("Send an update to customers", True, False),
        ("Add the on-call bridge number to the topic template in the incident-bot config", True, True),
    ],
)
def test_actionable_and_specific_are_judged_apart(text: str, actionable: bool, specific: bool) -> None:
    assert (is_actionable(text), is_specific(text)) == (actionable, specific)


@pytest.mark.parametrize(
    ("owner", "problem"),
    [
        ("", "empty"),
        ("  ", "empty"),
        ("TBD", "placeholder"),
        ("?", "placeholder"),
        ("team", "group"),
        ("everyone", "group"),
        ("all", "group"),
        ("SRE team", "group"),
        ("Ops", "group"),
        ("Fab automation", "group"),
        ("Engineering Manager, Checkout", None),  # one role-holder, and where
        ("Depot manager, Leeds", None),
        ("Producer, Lead QA", "several"),
        ("SSP integrations (Ivan/Marta)", "several"),
        ("@rtb-core", "group"),
        ("Clinical Informatics", "group"),
        ("on-call", "group"),
        ("Claims Eng", "group"),
        ("Growth", "group"),
        ("Editorial", "group"),
        ("newsroom-tech@dailyherald.example", "group"),
        ("Dana and Priya", "several"),
        ("Dana/Priya", "several"),
        ("Dana, Priya", "several"),
        ("Dana & Tom", "several"),
        ("Dana", None),
        ("dana@example.com", None),
        ("@priya", None),
        ("the payments on-call lead", None),
        ("Carlos (SRE)", None),
        ("Mary-Jane O'Neil", None),
        ("Incident commander", None),
        ("DB owner", None),
        ("payments-oncall", "group"),  # a pager rotation's alias pages whoever is on duty
        ("@sre-oncall", "group"),
        ("@platform-team", "group"),
        ("sre@example.com", "group"),
        ("mary-jane", None),
        ("IT Helpdesk", "group"),
        ("Vendor (Oracle)", "group"),
        ("Gameplay programmers", "group"),
        ("TBD - Dana", "placeholder"),  # not confirmed yet
        ("Night shift lead", None),
        ("Infra on-call", None),
        ("Research Computing", "group"),
        ("Research Computing (Kim)", None),  # the person named owns it for the group
        ("TBD (Dana)", "placeholder"),
        ("Maintenance planner", None),
        ("Release managers", "group"),  # a role several people hold
        ("Head of Digital Services", None),
        ("lms-support@uni.edu", "group"),
        ("dr.okafor@stmarys-hospital.org", None),  # a person's address: its domain's 'org' is not a group
        ("firmware@citybike.example", "group"),
        ("On-call engineers", "group"),
        ("Game backend", "group"),
        ("Customer care", "group"),
        ("Systems librarian", None),
        ("Head of Trust & Safety", None),  # the '&' names the department
        ("Field tech on duty", None),
        ("pharmacists", "group"),  # everyone who holds the job
        ("Cataloguers", "group"),
        ("Carlos", None),
        ("SOC", "group"),
        ("web agency", "group"),
        ("loss-prevention@supermarket.example", "group"),  # a function's mailbox
        ("mary-jane@example.com", None),
        ("jpeters@corp.com", None),  # a person's address, not 'peters' as a plural
        ("smith-jones@example.com", None),
        ("Manning", None),  # a surname, not a department
        ("Peters", None),
        ("Cataloguers", "group"),
        ("Scheduling", "group"),  # a department
        ("FinOps", "group"),  # teams named by what they do
        ("network", "group"),
        ("Payments", "group"),
        ("data-eng", "group"),
        ("comms@example.com", "group"),
        ("Payments TL", None),  # its lead is one person
        ("Dana - Payments", None),  # a person, then their team
        ("dana.payments@acme.com", None),  # a person's address
    ],
)
def test_owner(owner: str, problem: str | None) -> None:
    assert owner_problem(owner) == problem
    assert ("One owner" in ast_missing(action(owner=owner), NOW)) == (problem is not None)


def test_time_bounded() -> None:
    assert "Time-bounded" in ast_missing(action(due=None), NOW)
    assert "Time-bounded" in ast_missing(action(due=date(2024, 6, 9)), NOW)
    assert "Time-bounded" not in ast_missing(action(due=date(2024, 6, 10)), NOW)  # due today is not past

    # Judged as worded (a due date not past at the meeting), whatever the status; but a closed action has
    # nothing left to schedule, so no finding is raised for it, and the Actions stage does not mark it.
    for status in (ActionStatus.DONE, ActionStatus.WONT_DO):
        closed = action(due=date(2024, 6, 9), status=status)
        assert "Time-bounded" in ast_missing(closed, NOW)
        assert not [f for f in check_action(closed, NOW) if f.rule == "ast.time-bounded"]
    overdue = [f for f in check_action(action(due=date(2024, 6, 9)), NOW) if f.rule == "ast.time-bounded"]
    assert [f.message for f in overdue] == ["The action is overdue: it was due 2024-06-09."]


@pytest.mark.parametrize(
    ("text", "actionable", "specific"),
    [
        ("Make the check-in page faster for foot passengers", False, False),  # an outcome, no measure
        ("Make deploys safer", False, False),
        ("Make the backup job write to the eu-west-1 bucket", True, True),  # make + a concrete change
        ("Double-check deploys on Fridays", False, False),  # a habit of care
        ("Reconcile the 312 duplicate payouts issued on 2024-06-04 against the ledger", True, True),
        ("Refund the 1,204 duplicate charges via the acquirer batch-refund API", True, True),
        ("Withdraw the BGP announcement for 203.0.113.0/24 from the sin1 PoP", True, True),
        ("Document stuff about the ILS integration", True, False),  # a name says where, not what
        ("Lessons learned to be shared", False, False),
        ("Is the document store still needed after the migration?", False, False),
        ("Should we add a second WAN link (Telia) for the Riverside clinic?", False, True),  # two names
        ("To add unit tests for leap-day proration in billing-engine/src/proration.py", True, True),
        ("Make SSO more reliable during exam periods", False, False),
        ("Write better runbooks for SSO", True, False),
        ("Add the on-call phone number to the incident Slack channel topic template", True, True),
        ("Communicate better with support during incidents", False, False),  # a way of working
        ("Reprocess the 612 claims stuck in PENDING since 2024-06-03 with reprocess_claims.py", True, True),
        ("Push notification should not be sent twice", False, False),  # a wish about a thing, 'Push' a noun
        ("Staff should be more aware of the sedation scheduling rules", False, False),
        ("Define must-have checks for the release pipeline", True, False),  # 'must-have' is no modal
        ("Improve the stability of the iPhone app for our users", False, False),  # 'iPhone' is no config key
        ("Roll out the new app version 4.2.1 to 10% of Android users first", True, True),
        ("Alert for ALI failures to be added", False, False),  # a noun phrase, a to-do in the passive
        ("Add a check to checkout-api that should fail the deploy when p99 exceeds 800 ms", True, True),
        ("Require two approvals on the payments repository", True, True),  # a number in words is a measure
        ("Set maxUnavailable to zero on the checkout Deployment", True, True),  # so is a config key
    ],
)
def test_outcomes_habits_and_questions(text: str, actionable: bool, specific: bool) -> None:
    assert (is_actionable(text), is_specific(text)) == (actionable, specific)


def test_now_is_read_in_its_own_zone() -> None:
    late_evening_utc = datetime(2024, 6, 10, 23, 30, tzinfo=UTC)
    tokyo = late_evening_utc.astimezone(ZoneInfo("Asia/Tokyo"))  # already 11 June there
    due_today_utc = action(due=date(2024, 6, 10))
    assert "Time-bounded" not in ast_missing(due_today_utc, late_evening_utc)
    assert "Time-bounded" in ast_missing(due_today_utc, tokyo)


def test_missing_names_are_in_order() -> None:
    assert ast_missing(Action(text="Improve monitoring"), NOW) == list(CRITERIA)
    assert ast_missing(Action(text="Fix the bug"), NOW) == ["Specific", "Time-bounded", "One owner"]
    assert ast_missing(Action(text="investigate"), NOW) == list(CRITERIA)


def test_findings_have_paths_and_suggestions() -> None:
    findings = check_action(Action(text="Improve monitoring", owner="Dana and Priya"), NOW, index=3)
    by_rule = {f.rule: f for f in findings}
    assert set(by_rule) == {"ast.actionable", "ast.specific", "ast.time-bounded", "ast.one-owner"}
    assert by_rule["ast.actionable"].excerpt == "Improve"
    assert by_rule["ast.specific"].path == "actions.3.text"
    assert by_rule["ast.time-bounded"].path == "actions.3.due"
    assert by_rule["ast.one-owner"].path == "actions.3.owner"
    assert all(f.stage == Stage.ACTIONS and f.suggestion for f in findings)
    assert "Add alerts for database connection pool usage exceeding 80%" in by_rule["ast.specific"].suggestion
    assert "'Dana'" in by_rule["ast.one-owner"].suggestion
    assert by_rule["ast.time-bounded"].suggestion == f"Set a due date, e.g. {(NOW.date() + timedelta(days=30))}."


def test_non_deliverable_finding_has_a_span() -> None:
    [finding] = [f for f in check_action(action("Investigate the connection pool"), NOW) if f.rule == "ast.actionable"]
    assert (finding.excerpt, finding.start, finding.end) == ("Investigate", 0, 11)


def test_severity_comes_from_config() -> None:
    findings = check_action(action(owner=""), NOW, CheckConfig(blocking=()))
    assert [f.severity for f in findings] == ["advisory"]
    findings = check_action(action(owner=""), NOW)
    assert [f.severity for f in findings] == ["blocking"]


def load_labelled() -> list[tuple[Action, dict[str, bool]]]:
    lines = [x for x in DATA.read_text(encoding="utf-8").splitlines() if x.strip() and not x.startswith("#")]
    rows = []
    for line in lines[1:]:
        a, s, t, o, owner, due, status, text = line.split("\t")
        act = Action(
            text=text,
            owner="" if owner == "-" else owner,
            due=None if due == "-" else date.fromisoformat(due),
            status=ActionStatus(status),
        )
        rows.append((act, dict(zip(CRITERIA, (a == "1", s == "1", t == "1", o == "1"), strict=True))))
    return rows


def test_labelled_actions_per_criterion_accuracy() -> None:
    rows = load_labelled()
    assert len(rows) >= 100
    for name in CRITERIA:
        assert any(labels[name] for _, labels in rows) and not all(labels[name] for _, labels in rows)
        correct = sum((name not in ast_missing(act, NOW)) == labels[name] for act, labels in rows)
        assert correct / len(rows) >= 0.90, (name, correct / len(rows))


def test_a_rotation_as_owner_is_named_and_a_holder_suggested() -> None:
    (finding,) = [f for f in check_action(action(owner="payments-oncall"), NOW) if f.rule == "ast.one-owner"]
    assert "rotation" in finding.message
    assert "the payments on-call lead" in finding.suggestion


def test_a_finding_names_the_action_as_the_stage_numbers_it() -> None:
    findings = check_action(Action(text="Add alerts on pool usage above 80% for orders-db"), NOW, index=6)
    owner = next(f for f in findings if f.rule == "ast.one-owner")
    assert owner.message == "A7: The action has no owner." and owner.path == "actions.6.owner"
    assert check_action(Action(text="x"), NOW)[0].message.startswith("The action")  # no index, no number


def test_a_cause_copied_as_an_action_is_said_to_be_a_statement() -> None:
    """From the 5 Whys, 'Create action' copies the cause: the suggestion must not put 'Add' in front of it."""
    text = "The pool size key was renamed in client v3 and the old key is silently ignored"
    finding = next(f for f in check_action(Action(text=text, owner="Dana"), NOW) if f.rule == "ast.actionable")
    assert finding.message == "This says what happened, not what will be done about it."
    assert "Add the pool" not in finding.suggestion


def test_an_unknown_verb_is_not_given_add_in_front() -> None:
    """'Summon the …' starts with a word pmtui does not know as a verb; the suggestion must not read 'Add summon the
    …'. A noun phrase still gets 'Add …'; 'Show the unit …' is a deliverable."""
    assert is_actionable("Show the unit next to every timeout value in the config UI")
    unknown = check_action(action("Summon the unit next to every timeout value in the config UI"), NOW)
    assert [f.suggestion for f in unknown if f.rule == "ast.actionable"] and not any(
        "Add summon" in f.suggestion for f in unknown
    )
    noun = check_action(action("Canary stage for api-gw deploys with 5% of traffic for 10 minutes"), NOW)
    assert any("'Add canary stage for api-gw" in f.suggestion for f in noun if f.rule == "ast.actionable")
