"""Sample post-mortems: one hand-written demo and a generator of synthetic ones.

Pure: no I/O and no Textual. `demo_postmortem` is a complete, well-facilitated blameless
post-mortem of an invented checkout outage, for `pmtui demo`, screenshots and tests.
`generate_postmortem` makes varied synthetic documents (about 20 kB of JSON each) for
benchmarks and large-library tests. Both are deterministic for the same arguments.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from pmtui.model import (
    DEFAULT_TIMEBOX_MINUTES,
    Action,
    ActionCategory,
    ActionStatus,
    Detection,
    DetectionMethod,
    EventKind,
    Fact,
    Factor,
    FactorCategory,
    FactorKind,
    HumanErrorKind,
    Impact,
    Meeting,
    Milestone,
    PostMortem,
    Priority,
    RaisedDuring,
    ReviewTrigger,
    Roles,
    Severity,
    Stage,
    StageRecord,
    Status,
    TextItem,
    TimelineEvent,
    WhyNode,
)

__all__ = ["DEMO_ID", "demo_postmortem", "generate_postmortem"]

DEMO_ID = "demo-checkout-outage"
DEMO_ZONE = "Europe/Berlin"

_CHANNEL = "Slack #inc-2431-checkout"
_GRAFANA = "https://grafana.example.com/d/checkout-api/checkout-api-overview"
_LOGS = "https://logs.example.com/app/discover#/view/inc-2431"
_INCIDENT = "https://tracker.example.com/INC-2431"
_CHANGE = "https://git.example.com/platform/helm-values/-/merge_requests/812"


# --------------------------------------------------------------------------- the demo


def demo_postmortem(now: datetime | None = None) -> PostMortem:
    """A complete sample post-mortem of an invented checkout outage, 10 days before `now`.

    Every field and every stage is filled the way a good facilitator would fill it. The
    result depends only on `now` (default: the current time in UTC).
    """
    if now is None:
        now = datetime.now(UTC)
    elif now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    zone = ZoneInfo(DEMO_ZONE)
    day = (now - timedelta(days=10)).astimezone(zone).date()
    today = now.astimezone(zone).date()

    def at(hour: int, minute: int, next_day: bool = False) -> datetime:
        """A wall-clock time on the incident night (after midnight when next_day)."""
        return datetime.combine(day + timedelta(days=1 if next_day else 0), time(hour, minute), tzinfo=zone)

    def due(days: int) -> date:
        return today + timedelta(days=days)

    started = at(22, 41)
    detected = at(22, 58)
    responded = at(23, 4)
    mitigated = at(0, 21, next_day=True)
    resolved = at(1, 38, next_day=True)

    roles = Roles(
        owner="Priya Raman",
        facilitator="Jonas Becker",
        note_taker="Amara Okafor",
        attendees=["Lukas Hoffmann", "Mei Lin Tan", "Sofia Marquez", "Daniel Novak", "Hannah Schulz"],
    )

    impact = Impact(
        summary=(
            "For 100 minutes, 31% of checkout attempts on web and mobile ended in an error page "
            "(41,870 of 135,060 attempts) during an evening flash sale. Payments already authorised "
            "were held in the retry queue and confirmed after recovery; no order was charged twice "
            "and no data was lost. Support received 212 tickets; the estimated lost revenue is "
            "based on the conversion rate of the same sale hour one week earlier."
        ),
        users_affected=18_400,
        duration_minutes=100,
        customer_tickets=212,
        financial_impact=96_000.0,
        cost_per_minute=960.0,
    )

    detection = Detection(
        method=DetectionMethod.MONITORING,
        detail=(
            "The fast-burn SLO alert CheckoutAvailabilityFastBurn (2% of the monthly error budget "
            "in one hour) paged the checkout on-call through PagerDuty at 22:58, 17 minutes after "
            "the error rate first crossed 5%. The alert needs 10 minutes of sustained burn plus a "
            "5-minute pending period. The first customer ticket arrived at 23:02."
        ),
    )

    facts = [
        Fact(
            id="f1",
            text=(
                "Config change CHG-4821 moved checkout-api's database pool size from the key "
                "`database.pool_size: 50` to `db.pool.maxSize: 50`. The client library reads only "
                "`database.pool_size`, so every pod ran with the library default of 10 connections."
            ),
            evidence=_CHANGE,
        ),
        Fact(
            id="f2",
            text=(
                "Between 22:41 and 00:21, 41,870 of 135,060 checkout attempts (31%) returned HTTP 503 "
                "after waiting 30 s for a database connection."
            ),
            evidence=f"{_GRAFANA}?from=incident-start&to=incident-mitigated",
        ),
        Fact(
            id="f3",
            text=(
                "orders-db stayed healthy throughout: CPU peaked at 22% and at most 61 of its 400 "
                "server connections were in use."
            ),
            evidence="https://grafana.example.com/d/orders-db/postgresql-orders-db",
        ),
        Fact(
            id="f4",
            text=(
                "The fast-burn SLO alert fired 17 minutes after the error rate crossed 5%; its rule "
                "needs 10 minutes of sustained burn and a 5-minute pending period."
            ),
            evidence="https://git.example.com/observability/alert-rules/-/blob/main/checkout/slo.yaml",
        ),
    ]

    def event(
        event_id: str,
        when: datetime,
        kind: EventKind,
        text: str,
        source: str,
        evidence: str = "",
        *,
        milestone: Milestone | None = None,
        estimated: bool = False,
        guessed: bool = False,
        zone_name: str = "",
    ) -> TimelineEvent:
        if zone_name:
            when = when.astimezone(ZoneInfo(zone_name))
        return TimelineEvent(
            id=event_id,
            time=when,
            zone=zone_name,
            kind=kind,
            kind_guessed=guessed,
            text=text,
            source=source,
            evidence=evidence,
            estimated=estimated,
            milestone=milestone,
        )

    timeline = [
        event(
            "t01",
            at(22, 5),
            EventKind.OTHER,
            "The late-night flash sale starts with a push notification to 1.2 million app users; "
            "checkout traffic climbs to 2.3 times a normal evening.",
            "Marketing campaign calendar",
            "https://tracker.example.com/MKT-377",
        ),
        event(
            "t02",
            at(22, 34),
            EventKind.TRIGGER,
            "The deploy pipeline rolls out config change CHG-4821 (shared Helm values) to checkout-api "
            "in production, 3 of 24 pods at a time; the canary step checks pod readiness only and passes.",
            "Deploy log",
            "https://deploy.example.com/pipelines/checkout-api/runs/88231",
        ),
        event(
            "t03",
            started,
            EventKind.TRIGGER,
            "Checkout 5xx rate crosses 5%; p99 latency of POST /v2/checkout reaches the 30 s connection "
            "acquire timeout.",
            "Grafana",
            _GRAFANA,
            milestone=Milestone.STARTED,
        ),
        event(
            "t04",
            at(22, 52),
            EventKind.OTHER,
            "Kubernetes begins restarting checkout-api pods after liveness probes, which need a database "
            "connection, time out. The restarts add reconnect load to the already full pools.",
            "Kubernetes restart counts",
            "https://grafana.example.com/d/k8s-workloads/checkout-api-pods",
            estimated=True,
        ),
        event(
            "t05",
            detected,
            EventKind.DETECTION,
            "The fast-burn SLO alert CheckoutAvailabilityFastBurn pages the checkout on-call.",
            "PagerDuty",
            "https://example.pagerduty.com/incidents/Q3X8K2",
            milestone=Milestone.DETECTED,
            zone_name="UTC",
        ),
        event(
            "t06",
            responded,
            EventKind.RESPONSE,
            "The on-call engineer acknowledges the page, opens the incident channel, declares SEV2 "
            "and takes the incident commander role.",
            _CHANNEL,
            _INCIDENT,
            milestone=Milestone.RESPONDED,
            guessed=True,
        ),
        event(
            "t07",
            at(23, 9),
            EventKind.COMMUNICATION,
            "Status page updated: some customers see errors at checkout; the team is investigating.",
            "Status page history",
            "https://status.example.com/incidents/2431",
        ),
        event(
            "t08",
            at(23, 17),
            EventKind.RESPONSE,
            "The payment provider's status page reports degraded 3-D Secure; responders investigate "
            "the provider as the likely cause and open a ticket with them.",
            _CHANNEL,
            "https://status.payprovider.example.com/incidents/7719",
            guessed=True,
        ),
        event(
            "t09",
            at(23, 41),
            EventKind.RESPONSE,
            "The database on-call joins. Pool metrics show checkout-api at 10 of 10 connections on "
            "every pod with over 400 waiting requests, while orders-db is at 18% CPU.",
            _CHANNEL,
            "https://grafana.example.com/d/db-clients/connection-pools?var-service=checkout-api",
            guessed=True,
        ),
        event(
            "t10",
            at(23, 48),
            EventKind.RESPONSE,
            "The diff of CHG-4821 shows the pool size under a key the client library does not read; "
            "the library default of 10 applies. Responders agree to roll the change back.",
            _CHANNEL,
            _CHANGE,
            guessed=True,
        ),
        event(
            "t11",
            at(23, 55),
            EventKind.MITIGATION,
            "Rollback of CHG-4821 is started in the deploy pipeline; it queues behind the nightly "
            "build job, which runs for about 20 more minutes.",
            "Deploy log",
            "https://deploy.example.com/pipelines/checkout-api/runs/88240",
        ),
        event(
            "t12",
            at(0, 9, next_day=True),
            EventKind.MITIGATION,
            "The incident commander sets the runtime override DB_POOL_MAX=50 on checkout-api after a "
            "second engineer checks the command; pods restart in waves of four.",
            _CHANNEL,
            _LOGS,
        ),
        event(
            "t13",
            mitigated,
            EventKind.MITIGATION,
            "Checkout error rate is below 0.5% and p99 latency is back under 800 ms.",
            "Grafana",
            _GRAFANA,
            milestone=Milestone.MITIGATED,
        ),
        event(
            "t14",
            at(0, 30, next_day=True),
            EventKind.COMMUNICATION,
            "Status page updated: a fix is in place and the team is monitoring. Customer support "
            "receives a reply template for affected customers.",
            "Status page history",
            "https://status.example.com/incidents/2431",
        ),
        event(
            "t15",
            at(1, 12, next_day=True),
            EventKind.OTHER,
            "The payments team confirms the retry queue has drained (3,940 held confirmations) and "
            "the reconciliation job finds no duplicate charges.",
            _CHANNEL,
            "https://tracker.example.com/PAY-2210",
        ),
        event(
            "t16",
            resolved,
            EventKind.RESOLUTION,
            "The pipeline rollback of CHG-4821 completes, the runtime override is removed and the "
            "incident is closed; the status page is marked resolved.",
            "Deploy log",
            _INCIDENT,
            milestone=Milestone.RESOLVED,
        ),
    ]

    whys = [
        WhyNode(
            id="w1",
            text="31% of checkout attempts ended in an error between 22:41 and 00:21.",
            children=[
                WhyNode(
                    id="w2",
                    text="checkout-api requests waited for a database connection until the 30 s acquire timeout.",
                    children=[
                        WhyNode(
                            id="w3",
                            text="Each pod's pool allowed 10 connections instead of 50, while flash-sale traffic "
                            "was 2.3 times a normal evening.",
                            children=[
                                WhyNode(
                                    id="w4",
                                    text="CHG-4821 set the pool size under `db.pool.maxSize`, a key the client "
                                    "library does not read; the library falls back to its default without a "
                                    "warning.",
                                    children=[
                                        WhyNode(
                                            id="w5",
                                            text="Nothing checks a service's configuration against the keys the "
                                            "service actually reads before the change is rolled out, and the "
                                            "canary step checks readiness only.",
                                            root_cause=True,
                                            action_ids=["a1", "a2"],
                                        )
                                    ],
                                )
                            ],
                        )
                    ],
                )
            ],
        ),
        WhyNode(
            id="w6",
            text="It took 100 minutes from the start of impact to mitigation.",
            children=[
                WhyNode(
                    id="w7",
                    text="The first 24 minutes of the response went to the payment provider, whose status page "
                    "showed a coincident 3-D Secure degradation.",
                    children=[
                        WhyNode(
                            id="w8",
                            text="The checkout dashboard shows provider errors in its top row but has no panel "
                            "for connection-pool saturation.",
                            children=[
                                WhyNode(
                                    id="w9",
                                    text="Pool saturation metrics are exported but appear on no service dashboard "
                                    "and in no alert.",
                                    root_cause=True,
                                    action_ids=["a3", "a4"],
                                )
                            ],
                        )
                    ],
                ),
                WhyNode(
                    id="w10",
                    text="The pipeline rollback waited about 20 minutes behind the nightly build job.",
                    children=[
                        WhyNode(
                            id="w11",
                            text="Rollbacks share one deploy queue with scheduled builds and have no priority "
                            "lane, and the runtime override was not yet in the runbook.",
                            root_cause=True,
                            action_ids=["a5", "a6"],
                        )
                    ],
                ),
            ],
        ),
    ]

    factors = [
        Factor(
            id="c1",
            kind=FactorKind.CONTRIBUTOR,
            category=FactorCategory.TECHNOLOGY,
            text="The database client library ignores unknown configuration keys and falls back to its "
            "default pool size of 10 without logging anything.",
            action_ids=["a1"],
        ),
        Factor(
            id="c2",
            kind=FactorKind.CONTRIBUTOR,
            category=FactorCategory.PROCESS,
            text="The canary step checks pod readiness only; it does not compare error rate or latency of "
            "canary pods with the stable pods, and canary traffic is too low to fill a pool.",
            action_ids=["a2"],
        ),
        Factor(
            id="c3",
            kind=FactorKind.CONTRIBUTOR,
            category=FactorCategory.PEOPLE,
            human_error=HumanErrorKind.MISTAKE,
            text="The author and the reviewer of CHG-4821 took `db.pool.maxSize` to be the new shared key "
            "name, matching the three services already migrated to the shared values. The review tool "
            "shows no list of the keys checkout-api reads, so the change looked correct with the "
            "information available to them.",
            action_ids=["a1"],
        ),
        Factor(
            id="c4",
            kind=FactorKind.CONTRIBUTOR,
            category=FactorCategory.EXTERNAL,
            text="The payment provider's 3-D Secure degradation began within minutes of our impact and "
            "produced similar checkout errors, which made the provider a plausible first hypothesis.",
            action_ids=["a3"],
        ),
        Factor(
            id="m1",
            kind=FactorKind.MITIGATOR,
            category=FactorCategory.TECHNOLOGY,
            text="The payments retry queue held 3,940 authorised payment confirmations and replayed them "
            "after recovery, so no paid order was lost and no customer was charged twice.",
            action_ids=["a4"],
        ),
        Factor(
            id="m2",
            kind=FactorKind.MITIGATOR,
            category=FactorCategory.PROCESS,
            text="The two-person check for production runtime changes let the incident commander apply the "
            "pool override quickly and safely while the pipeline rollback was queued.",
            action_ids=["a6"],
        ),
    ]

    tracker = "https://tracker.example.com/OPS-{}".format
    actions = [
        Action(
            id="a1",
            text="Add a CI check to the helm-values repository that fails a merge request when it sets a "
            "configuration key the target service does not declare in its config schema.",
            owner="Daniel Novak",
            due=due(14),
            category=ActionCategory.PREVENTION,
            priority=Priority.HIGH,
            success_criterion="A merge request that sets an undeclared key for checkout-api fails CI, and all "
            "14 production services have a declared config schema.",
            status=ActionStatus.IN_PROGRESS,
            tracker=tracker(1234),
        ),
        Action(
            id="a2",
            text="Enable automated canary analysis for checkout-api: compare 5xx rate and p99 latency of canary "
            "and stable pods for 10 minutes and abort the rollout on a twofold regression.",
            owner="Lukas Hoffmann",
            due=due(21),
            category=ActionCategory.PREVENTION,
            priority=Priority.HIGH,
            success_criterion="Replaying CHG-4821 in staging under sale-level load aborts at the canary step "
            "within 10 minutes.",
            tracker=tracker(1235),
        ),
        Action(
            id="a3",
            text="Add connection-pool panels (connections in use, waiting requests, p99 acquire time) to the top "
            "row of the checkout-api Grafana dashboard.",
            owner="Mei Lin Tan",
            due=due(-2),
            category=ActionCategory.DETECTION,
            priority=Priority.MEDIUM,
            success_criterion="The panels are in the top row, and in the weekly on-call review three engineers "
            "found them within 30 seconds.",
            status=ActionStatus.DONE,
            done_date=due(-3),
            tracker=tracker(1236),
            raised_during=RaisedDuring.INCIDENT,
        ),
        Action(
            id="a4",
            text="Create an alert that pages the checkout on-call when more than 20% of checkout-api pods have "
            "requests waiting for a pool connection for 3 minutes.",
            owner="Priya Raman",
            due=due(10),
            category=ActionCategory.DETECTION,
            priority=Priority.HIGH,
            success_criterion="The alert pages within 5 minutes in a staging load test with a pool size of 10, "
            "and sends no false pages over 14 days in production.",
            tracker=tracker(1237),
        ),
        Action(
            id="a5",
            text="Add a priority lane for rollbacks to the deploy pipeline so that a rollback starts within "
            "2 minutes even while scheduled builds are queued.",
            owner="Daniel Novak",
            due=due(35),
            category=ActionCategory.MITIGATION,
            priority=Priority.MEDIUM,
            success_criterion="In 10 of 10 drills with the nightly build running, a rollback starts within 2 minutes.",
            tracker=tracker(1238),
        ),
        Action(
            id="a6",
            text="Document the runtime pool-size override (DB_POOL_MAX) and its two-person check in the "
            "checkout-api runbook.",
            owner="Sofia Marquez",
            due=due(28),
            category=ActionCategory.MITIGATION,
            priority=Priority.LOW,
            success_criterion="Two on-call engineers have reviewed the runbook section and used it in the next "
            "game day.",
            tracker=tracker(1239),
        ),
    ]

    went_well = [
        TextItem(
            id="g1",
            text="The fast-burn SLO alert paged on-call automatically, before the first customer ticket was triaged.",
        ),
        TextItem(
            id="g2",
            text="The database on-call joined within minutes of being asked and brought the pool metrics "
            "that pointed to the cause.",
        ),
        TextItem(
            id="g3",
            text="The first status page update went out 5 minutes after the response started, and support "
            "had a reply template for affected customers within 10 minutes of mitigation.",
        ),
    ]
    lessons = [
        TextItem(
            id="l1",
            text="A configuration key that nothing reads fails silently; shared configuration needs a schema "
            "per service.",
        ),
        TextItem(
            id="l2",
            text="A readiness-only canary cannot catch problems that appear only under production load.",
        ),
        TextItem(
            id="l3",
            text="A coincident third-party degradation pulls attention strongly; our own saturation signals "
            "belong next to provider errors on the first dashboard responders open.",
        ),
    ]
    open_questions = [
        TextItem(
            id="q1",
            text="Which other services read configuration keys that the shared Helm values now set under a "
            "different name?",
        ),
        TextItem(
            id="q2",
            text="Do liveness probes on other services need a database connection, and should they?",
        ),
    ]
    parking_lot = [
        TextItem(
            id="p1",
            text="Scheduling config rollouts around planned sales and campaigns (for the release-process "
            "review next month).",
        ),
        TextItem(
            id="p2",
            text="Upgrading the database client library to the version that rejects unknown keys.",
        ),
    ]

    spent = {
        Stage.SETUP: 290.0,
        Stage.FACTS: 340.0,
        Stage.TIMELINE: 1_010.0,
        Stage.WHYS: 720.0,
        Stage.FACTORS: 545.0,
        Stage.ACTIONS: 655.0,
        Stage.REVIEW: 130.0,
    }
    meeting_day = day + timedelta(days=2)
    meeting = Meeting(
        started_at=datetime.combine(meeting_day, time(14, 0), tzinfo=zone),
        stages={
            stage: StageRecord(timebox_minutes=DEFAULT_TIMEBOX_MINUTES[stage], spent_seconds=spent[stage])
            for stage in Stage
        },
    )

    return PostMortem(
        id=DEMO_ID,
        title="Checkout errors during the flash sale: database connection pool exhausted after a config rollout",
        severity=Severity.SEV2,
        status=Status.IN_REVIEW,
        timezone=DEMO_ZONE,
        started=started,
        detected=detected,
        responded=responded,
        mitigated=mitigated,
        resolved=resolved,
        services=["checkout-api", "payments-gateway", "orders-db", "deploy-pipeline"],
        tags=["database", "connection-pool", "config-change", "canary", "flash-sale"],
        roles=roles,
        impact=impact,
        detection=detection,
        triggers=[
            ReviewTrigger.USER_VISIBLE_DOWNTIME,
            ReviewTrigger.ON_CALL_INTERVENTION,
            ReviewTrigger.LONG_RESOLUTION,
        ],
        summary=(
            "At 22:34 a routine configuration change (CHG-4821) moved checkout-api onto the shared Helm "
            "values. The database pool size ended up under a key that the client library does not read, "
            "so every pod fell back to 10 connections instead of 50. With flash-sale traffic at 2.3 times "
            "a normal evening the pools filled, requests waited 30 s for a connection and about a third of "
            "checkouts failed from 22:41. The SLO alert paged on-call at 22:58. A coincident payment "
            "provider degradation drew the first part of the investigation; pool metrics identified the "
            "cause at 23:48. Because the pipeline rollback was queued behind a nightly build, the incident "
            "commander applied a reviewed runtime override, and checkout recovered at 00:21. The rollback "
            "completed at 01:38. No payment was lost or charged twice."
        ),
        facilitator_notes=(
            "Private. The reviewer of CHG-4821 is new to the team: keep the factors discussion on the "
            "review tooling and the missing schema, not on the review itself, and thank them for joining. "
            "The provider thread ran long in the channel already; timebox it to five minutes in the "
            "timeline stage. Ask Daniel before the meeting whether the pipeline priority lane is already "
            "on the platform roadmap. Hannah can speak to the ticket numbers."
        ),
        facts=facts,
        timeline=timeline,
        whys=whys,
        factors=factors,
        actions=actions,
        went_well=went_well,
        lessons=lessons,
        open_questions=open_questions,
        parking_lot=parking_lot,
        meeting=meeting,
        created=datetime.combine(day + timedelta(days=1), time(10, 47), tzinfo=zone),
        updated=now - timedelta(hours=20),
    )


# --------------------------------------------------------------------------- synthetic post-mortems

_SERVICES = (
    "checkout-api", "payments-gateway", "orders-db", "search-api", "catalog-service", "auth-service",
    "session-store", "notifications", "email-sender", "inventory-service", "pricing-engine", "recommendations",
    "image-resizer", "cdn-edge", "api-gateway", "billing-worker", "ledger-db", "kafka-cluster", "redis-cache",
    "user-profile", "feature-flags", "shipping-quotes", "fraud-scoring", "mobile-bff", "web-frontend",
    "reporting-etl", "audit-log", "support-portal", "partner-api", "dns-resolver",
)  # fmt: skip
_SYMPTOMS = (
    "elevated 5xx errors", "high latency", "partial outage", "full outage", "stale data shown to users",
    "failed logins", "delayed notifications", "dropped messages", "duplicate emails", "slow search results",
    "missing images", "failed payments", "incorrect prices", "timeouts for mobile clients",
)  # fmt: skip
_CAUSES = (
    ("a config rollout", "a configuration change rolled out through the pipeline"),
    ("a TLS certificate expiry", "a TLS certificate on an internal endpoint expired"),
    ("a schema migration", "a schema migration took a long lock on a busy table"),
    ("disk exhaustion", "a volume filled up with unrotated logs"),
    ("a dependency upgrade", "a minor version upgrade of an HTTP client changed its default timeouts"),
    ("a DNS change", "a DNS record change propagated with a stale TTL"),
    ("a cache stampede", "a cache flush sent every request to the database at once"),
    ("an expired credential", "a service credential expired without a renewal alert"),
    ("a feature flag change", "a feature flag enabled a code path that was not yet load tested"),
    ("a memory leak", "a memory leak in a new release caused repeated out-of-memory restarts"),
    ("a retry storm", "aggressive client retries multiplied the load on a degraded dependency"),
    ("a cloud zone outage", "the cloud provider lost one availability zone"),
    ("connection-pool exhaustion", "a connection pool filled up under peak traffic"),
    ("a queue backlog", "a consumer group stalled and the queue backlog grew for hours"),
)  # fmt: skip
_FIRST = (
    "Aisha", "Ben", "Carla", "Dmitri", "Elif", "Felix", "Grace", "Hiro", "Ines", "Jamal", "Kasia", "Leon",
    "Maya", "Nikos", "Olga", "Pedro", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wen", "Yusuf", "Zoe",
)  # fmt: skip
_LAST = (
    "Adeyemi", "Bauer", "Castillo", "Dubois", "Eriksen", "Fischer", "Gupta", "Haddad", "Ivanova", "Jensen",
    "Kowalski", "Larsen", "Moreau", "Nakamura", "Oliveira", "Petrov", "Rossi", "Silva", "Takahashi", "Weber",
)  # fmt: skip
_ZONES = ("UTC", "Europe/Berlin", "Europe/London", "America/New_York", "America/Los_Angeles", "Asia/Tokyo",
          "Australia/Sydney", "Asia/Kolkata")  # fmt: skip
_TAGS = ("database", "network", "config-change", "deploy", "capacity", "third-party", "certificates", "dns",
         "cache", "queue", "kubernetes", "monitoring", "release", "storage", "security")  # fmt: skip
_EVENT_TEXT: dict[EventKind, tuple[str, ...]] = {
    EventKind.TRIGGER: (
        "Change {ticket} starts rolling out to {svc} in production; the first batch of pods reports ready.",
        "Traffic to {svc} rises to {ratio} times the usual level for this hour as a campaign starts.",
        "The {dep} dependency begins returning errors for about {pct}% of requests from {svc}.",
    ),
    EventKind.DETECTION: (
        "The {svc} SLO burn-rate alert pages the primary on-call; error rate is at {pct}%.",
        "A support agent reports a cluster of {n} tickets about {symptom} in the support channel.",
        "Synthetic checks for {svc} start failing from {n} of 6 probe locations.",
    ),
    EventKind.RESPONSE: (
        "The on-call engineer acknowledges the page, opens the incident channel and takes the incident commander role.",
        "Responders compare the {svc} dashboards with the deploy log and list recent changes to {dep}.",
        "The {dep} on-call joins the incident channel and shares saturation graphs from the last two hours.",
        "Responders rule out the network: packet loss between zones stays under 0.1% throughout.",
    ),
    EventKind.COMMUNICATION: (
        "Status page updated: some users see {symptom}; the team is investigating.",
        "The incident commander posts a summary for support and account managers in the shared channel.",
        "Status page updated: a fix is in place and the team is monitoring recovery.",
    ),
    EventKind.MITIGATION: (
        "Responders roll back change {ticket} on {svc}; pods restart in waves of {n}.",
        "Responders scale {svc} from {n} to {n2} replicas and shed low-priority traffic at the gateway.",
        "Responders fail {dep} over to the standby zone after a second engineer checks the runbook step.",
        "Error rate for {svc} drops below 1% and p99 latency returns under {ms} ms.",
    ),
    EventKind.RESOLUTION: (
        "All {svc} metrics are back to normal for 30 minutes; the incident is closed and the status page "
        "is marked resolved.",
        "The backlog of {n2} queued jobs has drained and reconciliation finds no data loss; incident closed.",
    ),
    EventKind.OTHER: (
        "A scheduled maintenance window for {dep} begins in another region.",
        "Log volume from {svc} doubles; most of it is connection timeout warnings.",
        "The nightly batch job starts on the shared cluster and raises CPU use on {dep} nodes.",
    ),
}
_EVENT_DETAIL = (
    "Error rate on the {svc} dashboard is {pct}% at this point.",
    "p99 latency for {svc} is {ms} ms above its usual level.",
    "Recorded in the incident channel with a link to the graph.",
    "{n} responders are in the incident channel.",
    "The deploy log shows no other change in flight.",
    "Queue depth for {dep} reaches {n2} messages.",
    "The graph for {dep} shows the same shape with a short delay.",
)
_FACT_TEXT = (
    "Between {start} and {end}, {pct}% of requests to {svc} returned an error ({errors:,} of {n3:,} requests), "
    "according to the load balancer logs.",
    "{dep} stayed within its capacity limits throughout: CPU peaked at {pct2}% and memory at {pct3}%.",
    "Change {ticket} was the only production change to {svc} or {dep} in the six hours before impact began.",
    "The alert that paged on-call fired {ttd} minutes after the error rate first crossed 1%; its rule needs "
    "{win} minutes of sustained errors.",
    "{users:,} distinct users saw at least one error, and {tickets} support tickets mention {symptom}.",
    "The runbook for {svc} describes a rollback through the pipeline but no manual override for this case.",
    "Retry traffic from {svc} clients reached {ratio} times the normal request rate at the worst point.",
    "The rollback of change {ticket} queued behind scheduled builds before it started.",
)
_WHY_IMPACT = (
    "{svc} returned errors to {pct}% of requests because calls to {dep} timed out.",
    "{dep} answered slowly because {cause}.",
    "The change that started it passed review and the canary step, which check readiness but not behaviour "
    "under production load.",
    "The canary step rolls forward after {win} minutes whatever the error rate of the canary instances is.",
    "No automated check compares a change's effect on error rate and latency between canary and stable instances.",
)
_WHY_RECOVERY = (
    "Impact lasted {mtm} minutes from the first errors to mitigation.",
    "Responders needed most of that time to find the cause and then to apply the fix.",
)
_WHY_DIAGNOSIS = (
    "The first hypothesis pointed at the {dep2} dependency, which had a coincident degradation.",
    "The {svc} dashboard shows dependency errors in its top row but has no panel for {dep} saturation.",
    "Saturation metrics for {dep} are collected but appear on no service dashboard and in no alert.",
)
_WHY_FIX = (
    "The rollback of change {ticket} waited behind scheduled builds in the deploy queue.",
    "The manual override in the runbook needs a permission that only the platform on-call holds.",
    "Rollbacks have no priority lane in the pipeline and no documented fast path for the service on-call.",
)
_CONTRIBUTOR_TEXT: dict[FactorCategory, tuple[str, ...]] = {
    FactorCategory.TECHNOLOGY: (
        "The client library for {dep} retries without backoff, so a short slowdown turns into sustained overload.",
        "Liveness probes on {svc} depend on {dep}, so a slow dependency restarts healthy pods.",
    ),
    FactorCategory.PROCESS: (
        "The canary step checks readiness only and rolls forward after {win} minutes regardless of error rate.",
        "Rollbacks share the deploy queue with scheduled builds and can wait behind them.",
    ),
    FactorCategory.PEOPLE: (
        "The engineer making the change followed the documented procedure, which did not mention that {svc} "
        "reads the old setting; the outcome was not visible from the information in the review.",
        "The on-call engineer was paged for two unrelated alerts at the same time and handled them in order "
        "of arrival, as the runbook suggests.",
    ),
    FactorCategory.EXTERNAL: (
        "The {dep2} provider had a coincident degradation with similar symptoms, which drew early attention.",
        "A marketing campaign raised traffic to {ratio} times normal without notice to the on-call rotation.",
    ),
}
_MITIGATOR_TEXT = (
    "The SLO burn-rate alert paged on-call before customers reported the problem.",
    "The retry queue held failed writes and replayed them after recovery, so no data was lost.",
    "A second engineer reviewed each manual production change during the incident.",
    "Feature flags let responders switch off the new code path without a deploy.",
)
_ACTION_TEXT: dict[ActionCategory, tuple[tuple[str, str], ...]] = {
    ActionCategory.DETECTION: (
        (
            "Create an alert that pages the {svc} on-call when {dep} saturation stays above 80% for 5 minutes.",
            "The alert fires within 5 minutes in a staging load test and sends no false pages over 14 days.",
        ),
        (
            "Add panels for {dep} saturation and p99 latency to the top row of the {svc} dashboard.",
            "Three on-call engineers find the panels within 30 seconds in the next on-call review.",
        ),
        (
            "Shorten the {svc} fast-burn alert window from {win} to 5 minutes.",
            "A replay of this incident's metrics pages within 6 minutes of the error rate crossing 1%.",
        ),
    ),
    ActionCategory.PREVENTION: (
        (
            "Add a CI check that fails a change to {svc} configuration when it sets a key the service does "
            "not declare.",
            "A change that sets an undeclared key fails CI for every production service.",
        ),
        (
            "Enable automated canary analysis for {svc} that aborts a rollout on a twofold error-rate regression.",
            "Replaying change {ticket} in staging aborts at the canary step within 10 minutes.",
        ),
        (
            "Add exponential backoff with jitter to the {dep} client used by {svc}.",
            "A load test with {dep} at half capacity keeps retry traffic under 10% of normal traffic.",
        ),
    ),
    ActionCategory.MITIGATION: (
        (
            "Add a priority lane for rollbacks to the deploy pipeline so that a rollback starts within 2 minutes.",
            "In 10 of 10 drills with scheduled builds queued, a rollback starts within 2 minutes.",
        ),
        (
            "Document the manual failover of {dep} in the {svc} runbook, including the two-person check.",
            "Two on-call engineers have reviewed the runbook section and used it in a game day.",
        ),
        (
            "Add a load-shedding switch to the gateway that drops low-priority {svc} traffic.",
            "A game day shows the switch keeps p99 latency under {ms} ms at twice peak traffic.",
        ),
    ),
}
_WENT_WELL = (
    "The alert paged the right on-call rotation, and the first responder was in the channel within minutes.",
    "The incident commander posted regular summaries, so nobody needed to ask for status.",
    "Rollback of the change worked as documented once it started.",
    "Support had a reply template for affected customers early in the incident.",
    "Responders recorded every manual change in the channel, which made this timeline easy to build.",
)
_LESSONS = (
    "A readiness-only canary cannot catch problems that appear only under production load.",
    "Saturation signals belong next to error rates on the first dashboard responders open.",
    "Coincident third-party degradations pull attention strongly; checking our own signals first is cheap.",
    "Settings that nothing reads fail silently; configuration needs a schema per service.",
    "A rollback that waits in a queue is not a fast rollback.",
)
_QUESTIONS = (
    "Which other services depend on {dep} in the same way?",
    "Would the new alert have paged earlier in the incidents of the last quarter?",
    "Is the retry budget for {svc} documented anywhere outside the code?",
)
_PARKING = (
    "Scheduling risky changes around planned campaigns (for the release-process review).",
    "Moving {dep} to a managed offering.",
    "A shared library for health checks that never touch dependencies.",
)
_SEVERITY_WEIGHTS = ((Severity.SEV1, 1), (Severity.SEV2, 3), (Severity.SEV3, 5), (Severity.SEV4, 2))
_STATUS_WEIGHTS = ((Status.DRAFT, 2), (Status.IN_REVIEW, 3), (Status.FINAL, 5))


def _weighted(rng: random.Random, pairs: tuple[tuple[Any, int], ...]) -> Any:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _kind_at(when: datetime, marks: list[datetime], rng: random.Random) -> EventKind:
    """A plausible kind for an unmarked event between the milestones (started..resolved)."""
    started, detected, responded, mitigated = marks[:4]
    if when < started:
        return EventKind.OTHER
    if when < detected:
        return rng.choice((EventKind.TRIGGER, EventKind.OTHER))
    if when < responded:
        return rng.choice((EventKind.DETECTION, EventKind.RESPONSE))
    if when < mitigated:
        return rng.choice((EventKind.RESPONSE, EventKind.RESPONSE, EventKind.COMMUNICATION, EventKind.MITIGATION))
    return rng.choice((EventKind.COMMUNICATION, EventKind.MITIGATION, EventKind.OTHER))


def generate_postmortem(index: int, *, events: int = 12, rng_seed: int = 0, now: datetime) -> PostMortem:
    """A varied synthetic post-mortem (about 20 kB of JSON with the default sizes), id "gen-00001" etc.

    Deterministic for the same arguments; `events` timeline events are spread over the incident's hours.
    """
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    rng = random.Random(f"pmtui-generate:{rng_seed}:{index}")
    zone_name = rng.choice(_ZONES)
    zone = ZoneInfo(zone_name)
    services = rng.sample(_SERVICES, rng.randint(2, 4))
    svc, dep = services[0], services[1]
    dep2 = rng.choice(("payment provider", "CDN", "email provider", "SMS gateway", "identity provider"))
    symptom = rng.choice(_SYMPTOMS)
    cause_short, cause = rng.choice(_CAUSES)
    severity: Severity = _weighted(rng, _SEVERITY_WEIGHTS)
    status: Status = _weighted(rng, _STATUS_WEIGHTS)

    # Milestones: detect 2-60 min, respond 1-20 min, mitigate 15-360 min, resolve 10-240 min. The
    # arithmetic is done in UTC (wall-clock arithmetic in a zone goes wrong across DST changes) and the
    # times are shown in the document's zone at the end.
    started = (now - timedelta(days=rng.uniform(3, 720))).astimezone(UTC).replace(second=0, microsecond=0)
    ttd = rng.randint(2, 60)
    detected = started + timedelta(minutes=ttd)
    responded = detected + timedelta(minutes=rng.randint(1, 20))
    mitigated = responded + timedelta(minutes=rng.randint(15, 360))
    resolved = mitigated + timedelta(minutes=rng.randint(10, 240))
    marks = [started, detected, responded, mitigated, resolved]
    mtm = int((mitigated - started).total_seconds() // 60)

    names = [f"{first} {last}" for first, last in zip(rng.sample(_FIRST, 8), rng.sample(_LAST, 8), strict=True)]
    pct, requests = rng.randint(3, 95), rng.randint(10_000, 900_000)
    words: dict[str, object] = {
        "svc": svc,
        "dep": dep,
        "dep2": dep2,
        "symptom": symptom,
        "cause": cause,
        "ticket": f"CHG-{rng.randint(1000, 9999)}",
        "pct": pct,
        "pct2": rng.randint(10, 70),
        "pct3": rng.randint(20, 80),
        "n": rng.randint(2, 8),
        "n2": rng.randint(100, 9000),
        "n3": requests,
        "errors": requests * pct // 100,
        "ratio": round(rng.uniform(1.4, 4.0), 1),
        "ms": rng.choice((300, 500, 800, 1200)),
        "win": rng.choice((5, 10, 15)),
        "ttd": ttd,
        "mtm": mtm,
        "users": rng.randint(50, 250_000),
        "tickets": rng.randint(0, 400),
        "start": started.astimezone(zone).strftime("%H:%M"),
        "end": mitigated.astimezone(zone).strftime("%H:%M"),
    }

    def fill(template: str) -> str:
        return template.format_map(words)

    base = f"https://tracker.example.com/INC-{index:05d}"

    # Timeline: the milestones first (as many as fit), then events spread from 1 h before to 1 h after.
    times: list[tuple[datetime, Milestone | None]] = [(t, m) for t, m in zip(marks, Milestone, strict=True)]
    times = times[: max(0, events)]
    span = (resolved - started).total_seconds() + 7200
    for _ in range(events - len(times)):
        offset = rng.uniform(0, span) - 3600
        times.append((started + timedelta(seconds=round(offset / 60) * 60), None))
    times.sort(key=lambda pair: pair[0])
    milestone_kind = {
        Milestone.STARTED: EventKind.TRIGGER,
        Milestone.DETECTED: EventKind.DETECTION,
        Milestone.RESPONDED: EventKind.RESPONSE,
        Milestone.MITIGATED: EventKind.MITIGATION,
        Milestone.RESOLVED: EventKind.RESOLUTION,
    }
    timeline = []
    for number, (when, milestone) in enumerate(times, start=1):
        kind = milestone_kind[milestone] if milestone else _kind_at(when, marks, rng)
        timeline.append(
            {
                "id": f"t{number:02d}",
                "time": when.astimezone(zone),
                "kind": kind,
                "kind_guessed": rng.random() < 0.3,
                "text": fill(" ".join((rng.choice(_EVENT_TEXT[kind]), *rng.sample(_EVENT_DETAIL, 2)))),
                "source": rng.choice(("Slack #incidents", "PagerDuty", "Grafana", "Deploy log", "Status page")),
                "evidence": f"{base}#event-{number}",
                "estimated": milestone is None and rng.random() < 0.1,
                "milestone": milestone,
            }
        )

    action_count = 12
    categories = [ActionCategory.DETECTION, ActionCategory.PREVENTION, ActionCategory.MITIGATION]
    categories += [rng.choice(categories) for _ in range(action_count - 3)]
    resolved_day = resolved.astimezone(zone).date()
    actions = []
    for number, category in enumerate(categories, start=1):
        text, criterion = rng.choice(_ACTION_TEXT[category])
        due = resolved_day + timedelta(days=rng.randint(7, 60))
        done_share = {Status.DRAFT: 0.0, Status.IN_REVIEW: 0.2, Status.FINAL: 0.6}[status]
        action_status = ActionStatus.DONE if rng.random() < done_share else ActionStatus.OPEN
        if action_status is ActionStatus.OPEN and rng.random() < 0.3:
            action_status = rng.choice((ActionStatus.IN_PROGRESS, ActionStatus.WONT_DO))
        actions.append(
            {
                "id": f"a{number}",
                "text": fill(text),
                "owner": rng.choice(names),
                "due": due,
                "category": category,
                "priority": rng.choice(tuple(Priority)),
                "success_criterion": fill(criterion),
                "status": action_status,
                "done_date": due - timedelta(days=rng.randint(0, 6)) if action_status is ActionStatus.DONE else None,
                "tracker": f"https://tracker.example.com/OPS-{index * 10 + number}",
                "raised_during": RaisedDuring.INCIDENT if rng.random() < 0.2 else RaisedDuring.REVIEW,
            }
        )
    action_ids = [a["id"] for a in actions]

    def chain(prefix: str, texts: list[str], ids: list[str], first: int = 1) -> dict[str, Any]:
        """A linear chain of why nodes; the last one is the root cause, linked to `ids`."""
        node: dict[str, Any] | None = None
        for depth in range(len(texts) - 1, -1, -1):
            leaf = node is None
            node = {
                "id": f"{prefix}{depth + first}",
                "text": fill(texts[depth]),
                "root_cause": leaf,
                "action_ids": ids if leaf else [],
                "children": [] if leaf else [node],
            }
        assert node is not None
        return node

    recovery = chain("w2-", list(_WHY_RECOVERY), [])
    recovery["children"][0].update(
        children=[
            chain("w2a-", list(_WHY_DIAGNOSIS), rng.sample(action_ids, 2), first=3),
            chain("w2b-", list(_WHY_FIX), rng.sample(action_ids, 2), first=3),
        ],
        root_cause=False,
    )
    whys = [chain("w1-", list(_WHY_IMPACT), rng.sample(action_ids, 2)), recovery]

    factors = []
    for number, category in enumerate(FactorCategory, start=1):
        factors.append(
            {
                "id": f"c{number}",
                "kind": FactorKind.CONTRIBUTOR,
                "category": category,
                "text": fill(rng.choice(_CONTRIBUTOR_TEXT[category])),
                "human_error": rng.choice(tuple(HumanErrorKind)) if category is FactorCategory.PEOPLE else None,
                "accepted": status is not Status.DRAFT,
                "action_ids": [rng.choice(action_ids)],
            }
        )
    for number, text in enumerate(rng.sample(_MITIGATOR_TEXT, 2), start=1):
        factors.append(
            {
                "id": f"m{number}",
                "kind": FactorKind.MITIGATOR,
                "category": rng.choice((FactorCategory.TECHNOLOGY, FactorCategory.PROCESS)),
                "text": text,
                "accepted": status is not Status.DRAFT,
                "action_ids": [rng.choice(action_ids)],
            }
        )

    def items(prefix: str, pool: tuple[str, ...], count: int) -> list[dict[str, str]]:
        return [{"id": f"{prefix}{i}", "text": fill(t)} for i, t in enumerate(rng.sample(pool, count), start=1)]

    impact_minutes = mtm
    cost_per_minute = float(rng.choice((0, 25, 80, 150, 400, 1200)))
    owner, facilitator, note_taker, *attendees = names
    created = resolved + timedelta(hours=rng.randint(2, 30))
    meeting_start = created + timedelta(days=rng.randint(1, 4))
    in_meeting = status is not Status.DRAFT and meeting_start < now
    data: dict[str, Any] = {
        "id": f"gen-{index:05d}",
        "title": f"{svc}: {symptom} after {cause_short}",
        "severity": severity,
        "status": status,
        "timezone": zone_name,
        "started": started.astimezone(zone),
        "detected": detected.astimezone(zone),
        "responded": responded.astimezone(zone),
        "mitigated": mitigated.astimezone(zone),
        "resolved": resolved.astimezone(zone),
        "services": services,
        "tags": rng.sample(_TAGS, rng.randint(1, 4)),
        "roles": {"owner": owner, "facilitator": facilitator, "note_taker": note_taker, "attendees": attendees},
        "impact": {
            "summary": fill(
                "For {mtm} minutes, {svc} showed {symptom} to about {pct}% of requests. {users:,} users saw at "
                "least one error and support received {tickets} tickets. No data was lost."
            ),
            "users_affected": words["users"],
            "duration_minutes": impact_minutes,
            "customer_tickets": words["tickets"],
            "financial_impact": cost_per_minute * impact_minutes,
            "cost_per_minute": cost_per_minute,
        },
        "detection": {
            "method": rng.choice(tuple(DetectionMethod)),
            "detail": fill("The first signal came {ttd} minutes after impact began: {symptom} on {svc}."),
        },
        "triggers": rng.sample(tuple(ReviewTrigger), rng.randint(1, 3)),
        "summary": fill(
            "At {start}, {cause}. {svc} depends on {dep}, and within minutes users saw {symptom}. "
            "Responders were paged {ttd} minutes after impact began, first examined the {dep2} dependency, "
            "then traced the problem to change {ticket} and rolled it back. Impact ended at {end}, "
            "{mtm} minutes after it began. The review found gaps in canary analysis, in saturation "
            "monitoring and in the speed of rollbacks, and agreed actions for each. Saturation data for {dep} "
            "was available throughout but sat on a dashboard that responders do not usually open, and the "
            "rollback waited behind scheduled work in the deploy queue. Queued work was replayed after "
            "recovery and reconciliation found no lost or duplicated records."
        ),
        "facilitator_notes": fill(
            "Private. Keep the discussion on systems and signals, not on who made change {ticket}; thank the "
            "engineers who joined from other rotations. The {dep2} thread ran long in the incident channel, so "
            "timebox it to five minutes in the timeline stage. Ask the {dep} owners before the meeting whether "
            "saturation alerts are already planned, and bring the ticket numbers from support."
        ),
        "facts": [
            {"id": f"f{i}", "text": fill(t), "evidence": f"{base}#fact-{i}"} for i, t in enumerate(_FACT_TEXT, start=1)
        ],
        "timeline": timeline,
        "whys": whys,
        "factors": factors,
        "actions": actions,
        "went_well": items("g", _WENT_WELL, 5),
        "lessons": items("l", _LESSONS, 4),
        "open_questions": items("q", _QUESTIONS, 3),
        "parking_lot": items("p", _PARKING, 2),
        "meeting": {
            "started_at": meeting_start.astimezone(zone) if in_meeting else None,
            "stages": {
                stage: {
                    "timebox_minutes": minutes,
                    "spent_seconds": float(rng.randint(60, minutes * 90)) if in_meeting else 0.0,
                }
                for stage, minutes in DEFAULT_TIMEBOX_MINUTES.items()
            },
        },
        "created": created.astimezone(zone),
        "updated": min(now, meeting_start + timedelta(hours=2)),
    }
    return PostMortem.model_validate(data)
