"""A whole post-mortem meeting run by keystrokes only, from an empty library to the exported Markdown:
create; setup; 3 facts; 8 timeline events across midnight; a branching 5 Whys with 2 root causes;
3 contributors and 2 mitigators; 4 actions; review; export. Asserts the saved document and the export."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from markdown_it import MarkdownIt

from pmtui.model import (
    ActionCategory,
    DetectionMethod,
    EventKind,
    FactorCategory,
    FactorKind,
    HumanErrorKind,
    Severity,
)
from pmtui.screens.postmortem import PostMortemScreen
from tests.conftest import make_app, type_text

BERLIN = ZoneInfo("Europe/Berlin")

TIMELINE = [
    ("23:20 !t Config change CHG-4821 reached all checkout pods", EventKind.TRIGGER),
    ("23:41 !n Fast-burn SLO alert fired for checkout-api", EventKind.DETECTION),
    ("23:48 !r On-call engineer acknowledged the page", EventKind.RESPONSE),
    ("23:55 !c Status page updated: checkout degraded", EventKind.COMMUNICATION),
    ("00:10 !m Pool size raised to 50 by a runtime override", EventKind.MITIGATION),
    ("00:15 !c Status page updated: mitigation in progress", EventKind.COMMUNICATION),
    ("00:30 !m Error rate back under 1%", EventKind.MITIGATION),
    ("00:55 !v Incident resolved after a clean rollout", EventKind.RESOLUTION),
]


async def go(pilot, stage_key: str) -> None:
    """Leave whatever field has the focus, then jump to a stage by its number."""
    await pilot.press("escape")
    await pilot.pause()
    await pilot.press(stage_key)
    await pilot.pause()


async def field(pilot, text: str) -> None:
    """Tab to the next field, clear it and type."""
    await pilot.press("tab", "ctrl+u")
    await type_text(pilot, text)


async def test_whole_meeting_by_keystrokes(library, tmp_path) -> None:
    export_path = tmp_path / "checkout-outage.md"
    app = make_app(library, autosave_delay=30)  # the final quit flushes; autosave is tested elsewhere
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # create
        await pilot.press("ctrl+n")
        await type_text(pilot, "Checkout errors after a config rollout")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PostMortemScreen)
        pm_id = screen.pm.id

        # setup: zone, severity, times (the dates make the midnight crossing explicit), services, roles;
        # Setup opens with no field focused (digits change stage): Tab goes to the title first
        assert screen.focused is None
        await pilot.press("tab")
        await field(pilot, "Europe/Berlin")
        await pilot.press("tab", "enter", "up", "enter")  # severity SEV3 -> SEV2
        await pilot.press("tab")  # status stays draft
        await field(pilot, "2026-03-02 23:20")
        await field(pilot, "23:41")
        await field(pilot, "23:48")
        await field(pilot, "2026-03-03 00:30")
        await field(pilot, "2026-03-03 00:55")
        await field(pilot, "checkout-api, orders-db")
        await pilot.press("tab")  # tags
        await field(pilot, "Priya Raman")
        await field(pilot, "Jonas Becker")
        await field(pilot, "Amara Okafor")
        await field(pilot, "Lukas, Mei, Sofia")
        await field(pilot, "18400")
        await pilot.press("tab", "tab", "tab", "tab", "tab", "enter", "down", "enter")  # detected by: monitoring

        # facts
        await go(pilot, "2")
        await pilot.press("a")  # Enter adds a fact and keeps the editor open for the next
        for text, link in [
            ("Pool size was read from a key the client ignores", "https://git.example.com/mr/812"),
            ("31% of checkouts failed between 23:20 and 00:30", "https://grafana.example.com/d/checkout"),
            ("orders-db stayed healthy throughout", "https://grafana.example.com/d/orders-db"),
        ]:
            await type_text(pilot, text)
            await pilot.press("tab")
            await type_text(pilot, link)
            await pilot.press("enter")
        await pilot.press("escape")

        # timeline: 8 events across midnight, kinds set with !k in the quick-add line
        await go(pilot, "3")
        if app.focused is None or app.focused.id != "timeline-add":
            await pilot.press("a")
        for line, _ in TIMELINE:
            await type_text(pilot, line)
            await pilot.press("enter")
        await pilot.press("escape")

        # 5 Whys: one chain that branches into two root causes, each linked to a new action
        await go(pilot, "4")
        await pilot.press("n")
        await type_text(pilot, "Checkout returned 503s")
        await pilot.press("enter", "a")
        await type_text(pilot, "Every pod ran with 10 database connections")
        await pilot.press("enter", "a")
        await type_text(pilot, "The config schema was not validated before rollout")
        await pilot.press("enter", "r", "b")
        await type_text(pilot, "No alert on connection pool saturation")
        await pilot.press("enter", "r")
        await pilot.press("l", "enter")  # link the second root cause: "Create action…" from its text
        await pilot.press("up", "l", "enter")  # and the first

        # contributors and mitigators
        await go(pilot, "5")
        await pilot.press("a")
        for text in [
            "Config keys renamed without a schema check",
            "Canary checked only HTTP 200s",
            "Flash sale traffic",
        ]:
            await type_text(pilot, text)
            await pilot.press("enter")
        await pilot.press("escape", "right", "a")
        for text in ["Runtime override procedure was documented", "Status page updated every 20 minutes"]:
            await type_text(pilot, text)
            await pilot.press("enter")
        await pilot.press("escape", "left", "home", "g", "g", "h")  # first contributor: people, slip
        await pilot.press("down", "g", "g", "g")  # second: process
        await pilot.press("down", "g")  # third: external

        # actions: the two made in 5 Whys get owners, dates and categories; two more are added
        await go(pilot, "6")
        await pilot.press("home", "enter", "tab")
        await type_text(pilot, "Mei Lin Tan")
        await pilot.press("tab")
        await type_text(pilot, "2026-12-15")
        await pilot.press("escape", "c", "c")  # prevention
        await pilot.press("down", "enter", "tab")
        await type_text(pilot, "Sofia Marquez")
        await pilot.press("tab")
        await type_text(pilot, "+2w")
        await pilot.press("escape", "c")  # detection
        await pilot.press("a")
        await type_text(pilot, "Document the runtime pool override in the checkout runbook")
        await pilot.press("tab")
        await type_text(pilot, "Daniel Novak")
        await pilot.press("tab")
        await type_text(pilot, "+10d")
        await pilot.press("escape", "c", "c", "c")  # mitigation
        await pilot.press("a")
        await type_text(pilot, "Add a canary check for checkout error rate above 1%")
        await pilot.press("tab")
        await type_text(pilot, "Lukas Hoffmann")
        await pilot.press("tab")
        await type_text(pilot, "2027-01-15")
        await pilot.press("escape", "c")  # detection

        # review: what went well, a lesson, an open question; then export
        await go(pilot, "7")
        await pilot.press("a")
        await type_text(pilot, "The runtime override took two minutes to apply")
        await pilot.press("enter", "escape", "tab", "a")
        await type_text(pilot, "Config renames need a schema check")
        await pilot.press("enter", "escape", "tab", "a")
        await type_text(pilot, "Should the canary compare latency too?")
        await pilot.press("enter", "escape")
        await pilot.press("x", "end", "ctrl+u")
        await type_text(pilot, str(export_path))
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("ctrl+q")

    pm = library.load(pm_id)
    assert pm.title == "Checkout errors after a config rollout"
    assert pm.severity is Severity.SEV2 and pm.timezone == "Europe/Berlin"
    assert pm.started == datetime(2026, 3, 2, 23, 20, tzinfo=BERLIN)
    assert pm.detected == datetime(2026, 3, 2, 23, 41, tzinfo=BERLIN)
    assert pm.resolved == datetime(2026, 3, 3, 0, 55, tzinfo=BERLIN)
    assert pm.services == ["checkout-api", "orders-db"]
    assert (pm.roles.owner, pm.roles.facilitator, pm.roles.note_taker) == (
        "Priya Raman",
        "Jonas Becker",
        "Amara Okafor",
    )
    assert pm.roles.attendees == ["Lukas", "Mei", "Sofia"]
    assert pm.impact.users_affected == 18400
    assert pm.detection.method is DetectionMethod.MONITORING

    assert pm.facts[0].text == "Pool size was read from a key the client ignores"
    assert len(pm.facts) == 3 and pm.facts[2].evidence == "https://grafana.example.com/d/orders-db"

    assert len(pm.timeline) == 8
    times = [e.time.astimezone(BERLIN) for e in pm.timeline]
    assert times[0] == datetime(2026, 3, 2, 23, 20, tzinfo=BERLIN)
    assert times[4] == datetime(2026, 3, 3, 0, 10, tzinfo=BERLIN)  # rolled over past midnight
    assert times[-1] == datetime(2026, 3, 3, 0, 55, tzinfo=BERLIN)
    assert [e.kind for e in pm.timeline] == [kind for _, kind in TIMELINE]
    assert pm.timeline[1].text == "Fast-burn SLO alert fired for checkout-api"

    [chain] = pm.whys
    [pool] = chain.children
    roots = [node for node in pool.children if node.root_cause]
    assert len(roots) == 2
    assert all(len(node.action_ids) == 1 and pm.action(node.action_ids[0]) for node in roots)

    contributors = [f for f in pm.factors if f.kind is FactorKind.CONTRIBUTOR]
    mitigators = [f for f in pm.factors if f.kind is FactorKind.MITIGATOR]
    assert len(contributors) == 3 and len(mitigators) == 2
    assert (contributors[0].category, contributors[0].human_error) == (FactorCategory.PEOPLE, HumanErrorKind.SLIP)
    assert contributors[1].category is FactorCategory.PROCESS
    assert contributors[2].category is FactorCategory.EXTERNAL

    assert len(pm.actions) == 4
    owners = [a.owner for a in pm.actions]
    assert owners == ["Mei Lin Tan", "Sofia Marquez", "Daniel Novak", "Lukas Hoffmann"]
    assert [a.due for a in pm.actions] == [date(2026, 12, 15), date(2026, 12, 10), date(2026, 12, 6), date(2027, 1, 15)]
    assert [a.category for a in pm.actions] == [
        ActionCategory.PREVENTION,
        ActionCategory.DETECTION,
        ActionCategory.MITIGATION,
        ActionCategory.DETECTION,
    ]
    assert [i.text for i in pm.went_well] == ["The runtime override took two minutes to apply"]
    assert [i.text for i in pm.lessons] == ["Config renames need a schema check"]
    assert [i.text for i in pm.open_questions] == ["Should the canary compare latency too?"]

    # the export: every section, the timeline table with all events, the action items table
    markdown = export_path.read_text(encoding="utf-8")
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0] == "Checkout errors after a config rollout"
    for section in (
        "Impact",
        "Timeline",
        "5 Whys",
        "Contributors",
        "Mitigators",
        "What went well",
        "Lessons",
        "Action items",
        "Open questions",
    ):
        assert section in headings
    assert "Time to detect" in markdown and "21 min" in markdown
    assert markdown.count("Status page updated: ") == 2
    assert "Lukas Hoffmann" in markdown and "2027-01-15" in markdown
    assert sum(1 for t in tokens if t.type == "table_open") >= 3
