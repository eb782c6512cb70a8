"""The command line: every job without the TUI; bad input is one clear line on stderr and exit 2."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from pmtui.cli import main
from pmtui.model import PostMortem
from pmtui.store import Library


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def lib_args(tmp_path: Path) -> list[str]:
    return ["--library", str(tmp_path / "lib")]


def test_new_list_export(capsys, lib_args) -> None:
    code, out, _ = run(capsys, "new", *lib_args, "--title", "Checkout errors", "--severity", "sev2")
    assert code == 0
    pm_id = out.strip()
    code, out, _ = run(capsys, "list", *lib_args)
    assert code == 0 and pm_id in out and "SEV2" in out and "Checkout errors" in out
    code, out, _ = run(capsys, "list", *lib_args, "--json")
    rows = json.loads(out)
    assert rows[0]["id"] == pm_id and rows[0]["readable"] is True
    code, out, _ = run(capsys, "export", *lib_args, pm_id)
    assert code == 0 and out.startswith("# Checkout errors")
    code, out, _ = run(capsys, "export", *lib_args, pm_id, "--format", "json")
    assert json.loads(out)["id"] == pm_id


def test_library_from_environment(capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PMTUI_LIBRARY", str(tmp_path / "env-lib"))
    code, out, _ = run(capsys, "new", "--title", "From env")
    assert code == 0
    assert (tmp_path / "env-lib" / f"{out.strip()}.json").exists()


def test_export_to_file_is_private(capsys, lib_args, tmp_path) -> None:
    _, out, _ = run(capsys, "new", *lib_args, "--title", "Private export")
    target = tmp_path / "out.md"
    code, _, _ = run(capsys, "export", *lib_args, out.strip(), "-o", str(target))
    assert code == 0
    assert target.read_text().startswith("# Private export")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_json_round_trip_through_import(capsys, lib_args, tmp_path) -> None:
    from pmtui.demo import demo_postmortem

    library = Library(tmp_path / "lib")
    original = library.save(demo_postmortem(), touch=False)
    _, exported, _ = run(capsys, "export", *lib_args, original.id, "--format", "json")
    other = tmp_path / "other"
    source = tmp_path / "doc.json"
    source.write_text(exported)
    code, out, _ = run(capsys, "import", "--library", str(other), str(source))
    assert code == 0 and out == f"{original.id}\tnew\n"
    assert Library(other).load(original.id) == original


def test_import_a_thousand_files(capsys, tmp_path) -> None:
    from pmtui.io.jsonio import document_to_json

    paths = []
    for index in range(1000):
        path = tmp_path / "docs" / f"{index}.json"
        path.parent.mkdir(exist_ok=True)
        path.write_text(document_to_json(PostMortem(id=f"imp{index:04d}", title=f"Incident {index}")))
        paths.append(str(path))
    code, out, err = run(capsys, "import", "--library", str(tmp_path / "lib"), *paths)
    assert code == 0, err
    assert len(out.splitlines()) == 1000 and all(line.endswith("\tnew") for line in out.splitlines())
    assert len(Library(tmp_path / "lib").summaries()) == 1000


def test_demo_no_open(capsys, lib_args, tmp_path) -> None:
    code, out, _ = run(capsys, "demo", *lib_args, "--no-open")
    assert code == 0
    pm = Library(tmp_path / "lib").load(out.strip())
    assert pm.timeline and pm.actions and pm.whys


def test_demo_rerun_keeps_edits_unless_reset(capsys, lib_args, tmp_path, monkeypatch) -> None:
    from pmtui import cli
    from pmtui.demo import DEMO_ID

    library = Library(tmp_path / "lib")
    run(capsys, "demo", *lib_args, "--no-open")
    library.update(DEMO_ID, lambda pm: pm.model_copy(update={"title": "My notes"}))
    code, out, _ = run(capsys, "demo", *lib_args, "--no-open")
    assert code == 0 and out == f"{DEMO_ID} already exists, kept as it is (--reset rewrites it)\n"
    assert library.load(DEMO_ID).title == "My notes"
    opened: list[str | None] = []
    monkeypatch.setattr(cli, "_run_tui", lambda _library, open_id=None: opened.append(open_id) or 0)
    assert run(capsys, "demo", *lib_args)[0] == 0
    assert opened == [DEMO_ID] and library.load(DEMO_ID).title == "My notes"
    code, out, _ = run(capsys, "demo", *lib_args, "--no-open", "--reset")
    assert code == 0 and out == f"{DEMO_ID}\n"
    assert library.load(DEMO_ID).title != "My notes"


def test_schema(capsys) -> None:
    code, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0 and "timeline" in schema["properties"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export", "nope"], "no post-mortem 'nope'"),
        (["export", "nope", "--format", "json"], "no post-mortem 'nope'"),
        (["open", "nope"], "no post-mortem 'nope'"),
        (["export", "x", "--format", "pdf"], "invalid choice"),
        (["new"], "--title"),
        (["new", "--title", "x", "--severity", "SEV9"], "invalid choice"),
        (["new", "--title", "x", "--timezone", "Mars/Olympus"], "unknown time zone"),
        (["bogus-command"], "invalid choice"),
    ],
)
def test_bad_input_is_one_line_exit_2(capsys, lib_args, tmp_path, argv, message) -> None:
    (tmp_path / "lib").mkdir()
    with pytest.raises(SystemExit) as raised:
        code = main([argv[0], *lib_args, *argv[1:]] if argv[0] != "bogus-command" else argv)
        raise SystemExit(code)
    assert raised.value.code == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("", "--title: a post-mortem needs a title"),
        ("   ", "--title: a post-mortem needs a title"),
        ("x" * 501, "--title: keep the title to 500 characters or fewer (it has 501)"),
    ],
    ids=["empty", "blank", "too-long"],
)
def test_new_refuses_an_empty_or_too_long_title(capsys, lib_args, tmp_path, title, message) -> None:
    code, out, err = run(capsys, "new", *lib_args, "--title", title)
    assert code == 2 and out == ""
    assert err == f"pmtui: {message}\n"
    assert not (tmp_path / "lib").exists()


def test_new_strips_the_title(capsys, lib_args, tmp_path) -> None:
    _, out, _ = run(capsys, "new", *lib_args, "--title", "  Padded  ")
    assert Library(tmp_path / "lib").load(out.strip()).title == "Padded"


READING = [["list"], ["list", "--json"], ["export", "x"], ["check", "x"], ["open", "x"], ["import-timeline", "x", "f"]]


@pytest.mark.parametrize("kind", ["missing", "file"])
@pytest.mark.parametrize("argv", READING)
def test_reading_commands_need_a_library_folder(capsys, tmp_path, kind, argv) -> None:
    root = tmp_path / "lib"
    if kind == "file":
        root.write_text("# notes\n")
    code, out, err = run(capsys, argv[0], "--library", str(root), *argv[1:])
    assert code == 2 and out == ""
    assert err == f"pmtui: library {root} {'does not exist' if kind == 'missing' else 'is not a folder'}\n"
    assert root.exists() == (kind == "file")


@pytest.mark.parametrize("argv", [[], ["new", "--title", "x"], ["demo", "--no-open"], ["import", "DOC"]])
def test_creating_commands_refuse_a_file_as_library(capsys, tmp_path, argv) -> None:
    from pmtui.io.jsonio import document_to_json

    doc = tmp_path / "doc.json"
    doc.write_text(document_to_json(PostMortem(id="doc", title="Doc")))
    root = tmp_path / "notes.md"
    root.write_text("# notes\n")
    argv = [str(doc) if arg == "DOC" else arg for arg in argv]
    code, out, err = run(capsys, "--library", str(root), *argv)
    assert code == 2 and out == ""
    assert err == f"pmtui: library {root} is not a folder\n"
    assert root.read_text() == "# notes\n"


def test_unreadable_file_exit_2(capsys, lib_args, tmp_path) -> None:
    library = Library(tmp_path / "lib")
    library.ensure()
    (library.root / "torn.json").write_text('{"postmortem": {"1": {')
    code, _, err = run(capsys, "export", *lib_args, "torn")
    assert code == 2
    assert "torn.json: unreadable: not valid JSON" in err
    code, out, _ = run(capsys, "list", *lib_args)
    assert code == 0 and "torn\tUNREADABLE" in out


def test_import_invalid_documents_one_line_per_field(capsys, lib_args, tmp_path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"id": "x1", "severity": "SEV9", "actions": [{"due": "someday"}]}))
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    missing = tmp_path / "missing.json"
    code, out, err = run(capsys, "import", *lib_args, str(bad), str(broken), str(missing))
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert any("severity" in line for line in lines)
    assert any("actions.0.due" in line for line in lines)
    assert any("broken.json" in line for line in lines)
    assert any("missing.json" in line for line in lines)
    assert "nothing was imported" in lines[-1]
    assert "Traceback" not in err
    assert Library(tmp_path / "lib").entries() == []


def test_import_refuses_to_overwrite_unreadable(capsys, lib_args, tmp_path) -> None:
    from pmtui.io.jsonio import document_to_json

    library = Library(tmp_path / "lib")
    library.ensure()
    (library.root / "clash.json").write_text("garbage")
    doc = tmp_path / "clash-doc.json"
    doc.write_text(document_to_json(PostMortem(id="clash", title="New")))
    code, _, err = run(capsys, "import", *lib_args, str(doc))
    assert code == 2 and "unreadable" in err
    assert (library.root / "clash.json").read_text() == "garbage"


def test_import_says_new_or_updated(capsys, lib_args, tmp_path) -> None:
    from pmtui.io.jsonio import document_to_json

    first, second = tmp_path / "first.json", tmp_path / "second.json"
    first.write_text(document_to_json(PostMortem(id="one", title="One")))
    second.write_text(document_to_json(PostMortem(id="two", title="Two")))
    code, out, _ = run(capsys, "import", *lib_args, str(first))
    assert code == 0 and out == "one\tnew\n"
    code, out, _ = run(capsys, "import", *lib_args, str(first), str(second))
    assert code == 0 and out == "one\tupdated\ntwo\tnew\n"


def test_import_refuses_a_document_older_than_the_library_copy(capsys, lib_args, tmp_path) -> None:
    from datetime import UTC, datetime

    from pmtui.io.jsonio import document_to_json

    library = Library(tmp_path / "lib")
    library.save(PostMortem(id="pm", title="Edited", updated=datetime(2026, 3, 2, 12, 0, tzinfo=UTC)), touch=False)
    stale = PostMortem(id="pm", title="Old export", updated=datetime(2026, 3, 1, 12, 0, tzinfo=UTC))
    doc, other = tmp_path / "stale.json", tmp_path / "other.json"
    doc.write_text(document_to_json(stale))
    other.write_text(document_to_json(PostMortem(id="other", title="Other")))
    code, out, err = run(capsys, "import", *lib_args, str(other), str(doc))
    assert code == 2 and out == ""
    assert err.splitlines() == [
        "pmtui: pm: the library's copy was updated 2026-03-02T12:00:00+00:00, after this document's "
        "2026-03-01T12:00:00+00:00; --force replaces it",
        "pmtui: nothing was imported",
    ]
    assert library.load("pm").title == "Edited" and not library.exists("other")
    code, out, _ = run(capsys, "import", *lib_args, "--force", str(doc))
    assert code == 0 and out == "pm\tupdated\n"
    assert library.load("pm") == stale


def test_list_shows_hostile_titles_literally(capsys, lib_args, tmp_path) -> None:
    library = Library(tmp_path / "lib")
    library.save(PostMortem(id="evil", title="\x1b[31mred\x1b[0m [bold]x"))
    _, out, _ = run(capsys, "list", *lib_args)
    assert "\x1b" not in out
    assert "\\x1b[31mred" in out and "[bold]x" in out


def test_python_dash_m_entry_point(tmp_path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pmtui", "--library", str(tmp_path / "lib"), "export", "missing"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == f"pmtui: library {tmp_path / 'lib'} does not exist"


# -- check ------------------------------------------------------------------------------------------


def test_check_exit_codes_and_json(capsys, lib_args, tmp_path) -> None:
    from pmtui.demo import demo_postmortem
    from pmtui.model import Action, ActionCategory

    library = Library(tmp_path / "lib")
    ready = demo_postmortem()
    library.save(ready, touch=False)
    code, out, err = run(capsys, "check", *lib_args, ready.id)
    assert code == 0, out + err
    assert "ready to finalise: yes" in out

    blaming = ready.model_copy(deep=True)
    blaming.id = "blaming"
    blaming.lessons[0].text = "Dana should have checked the config before deploying, careless as usual."
    blaming.actions.append(Action(text="Be more careful", owner="team", category=ActionCategory.PREVENTION))
    library.save(blaming, touch=False)
    code, out, _ = run(capsys, "check", *lib_args, "blaming")
    assert code == 1
    assert "ready to finalise: no" in out
    code, out, _ = run(capsys, "check", *lib_args, "blaming", "--json")
    assert code == 1
    report = json.loads(out)
    assert report["ready_to_finalise"] is False
    rules = {f["rule"] for f in report["findings"]}
    assert any(rule.startswith("blame.") for rule in rules)
    assert "ast.one-owner" in rules
    assert {"path", "stage", "severity", "message"} <= set(report["findings"][0])


def test_check_bad_input_exit_2(capsys, lib_args, tmp_path, monkeypatch) -> None:
    _, out, _ = run(capsys, "new", *lib_args, "--title", "Config check")
    code, _, err = run(capsys, "check", *lib_args, "missing")
    assert code == 2 and "no post-mortem" in err
    config = tmp_path / "bad.toml"
    config.write_text("cadence_minutes = 'often'\n")
    monkeypatch.setenv("PMTUI_CONFIG", str(config))
    code, _, err = run(capsys, "check", *lib_args, out.strip())
    assert code == 2
    assert "cadence_minutes" in err and len(err.strip().splitlines()) == 1


def test_export_with_findings(capsys, lib_args, tmp_path) -> None:
    library = Library(tmp_path / "lib")
    library.save(PostMortem(id="f1", title="Findings", lessons=[{"text": "Sam forgot to renew the certificate"}]))
    code, out, _ = run(capsys, "export", *lib_args, "f1", "--with-findings")
    assert code == 0
    assert "## Findings" in out
    code, out, _ = run(capsys, "export", *lib_args, "f1")
    assert "## Findings" not in out


# -- import-timeline --------------------------------------------------------------------------------

FIXTURES = Path(__file__).parent / "fixtures" / "timeline"


@pytest.mark.parametrize(
    "name", ["ops-notes.log", "slack-export/inc-2291-checkout", "incident-2291.csv", "pagerduty-log-entries.json"]
)
def test_import_timeline_each_format(capsys, lib_args, tmp_path, name) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    library = Library(tmp_path / "lib")
    library.save(
        PostMortem(
            id="tl",
            title="Timeline",
            timezone="Europe/Berlin",
            started=datetime(2026, 3, 2, 23, 0, tzinfo=ZoneInfo("Europe/Berlin")),
        )
    )
    code, out, err = run(capsys, "import-timeline", *lib_args, "tl", str(FIXTURES / name), "--dry-run")
    assert code == 0, err
    assert "dry run:" in out and "would be added" in out
    assert library.load("tl").timeline == []
    code, out, err = run(capsys, "import-timeline", *lib_args, "tl", str(FIXTURES / name))
    assert code == 0, err
    added = len(library.load("tl").timeline)
    assert added > 3 and f"{added} added to tl" in out
    # a second import of the same file adds nothing
    code, out, _ = run(capsys, "import-timeline", *lib_args, "tl", str(FIXTURES / name))
    assert code == 0 and "0 added" in out
    assert len(library.load("tl").timeline) == added


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--format", "slack"], "nothing was imported"),
        (["--tz", "Mars/Base"], "unknown time zone"),
        (["--since", "not a time"], "is not a time"),
    ],
)
def test_import_timeline_bad_input(capsys, lib_args, tmp_path, extra, message) -> None:
    library = Library(tmp_path / "lib")
    library.save(PostMortem(id="tl", title="Timeline"))
    log = tmp_path / "plain.log"
    log.write_text("12:00 something happened\n")
    code, _, err = run(capsys, "import-timeline", *lib_args, "tl", str(log), *extra)
    assert code == 2
    assert message in err and "Traceback" not in err
    assert library.load("tl").timeline == []


def test_import_timeline_missing_file(capsys, lib_args, tmp_path) -> None:
    Library(tmp_path / "lib").save(PostMortem(id="tl", title="Timeline"))
    code, _, err = run(capsys, "import-timeline", *lib_args, "tl", str(tmp_path / "nope.log"))
    assert code == 2 and "nope.log" in err


def test_import_timeline_bare_times_take_the_date_of_since_when_the_document_has_none(
    capsys, lib_args, tmp_path
) -> None:
    """An IRC day log ('[23:25:10] <dana> …') into a post-mortem with no times yet: the error says how to date it
    from the command line; --since with a date dates it."""
    Library(tmp_path / "lib").save(PostMortem(id="tl", title="Timeline", timezone="UTC"))
    log = tmp_path / "2026-03-02.log"
    log.write_text("[23:25:10] <dana> checkout is throwing 5xx\n[23:58:30] <lee> rolling back\n")
    code, _, err = run(capsys, "import-timeline", *lib_args, "tl", str(log), "--dry-run")
    assert code == 2 and "the times have no date" in err and "--since" in err
    dated = ("--dry-run", "--since", "2026-03-02 00:00")
    code, out, err = run(capsys, "import-timeline", *lib_args, "tl", str(log), *dated)
    assert code == 0, err
    assert [line.split("\t")[0] for line in out.splitlines()[:2]] == ["2026-03-02 23:25:10", "2026-03-02 23:58:30"]
    assert "no incident date yet: times without one are read on 2026-03-02 (--since)" in err


def test_check_names_a_timeline_finding_by_the_event_time(capsys, lib_args, tmp_path) -> None:
    """Paths count events as stored; people see them in time order, so the text output adds the time."""
    from datetime import UTC, datetime

    from pmtui.model import PostMortem, TimelineEvent

    library = Library(tmp_path / "lib")
    events = [
        TimelineEvent(time=datetime(2026, 3, 2, 23, 50, tzinfo=UTC), text="Alert fired"),
        TimelineEvent(time=datetime(2026, 3, 2, 23, 10, tzinfo=UTC), text="Dana forgot to check the config"),
    ]
    library.save(PostMortem(id="order", title="Order", timezone="UTC", timeline=events), touch=False)
    code, out, _ = run(capsys, "check", *lib_args, "order")
    assert code == 1  # the blaming sentence blocks
    line = next(line for line in out.splitlines() if "timeline.1.text" in line)
    assert "(the event at 2026-03-02 23:10" in line


def test_import_timeline_dry_run_marks_estimated_times_and_guessed_kinds(capsys, lib_args, tmp_path) -> None:
    from datetime import UTC, datetime

    library = Library(tmp_path / "lib")
    library.save(PostMortem(id="tl", title="Timeline", timezone="UTC", started=datetime(2026, 3, 2, 23, 0, tzinfo=UTC)))
    log = tmp_path / "notes.log"
    log.write_text("23:01 deploy of 4.2 started\n[~23:05] alert fired: 5xx above 5%\n")
    code, out, err = run(capsys, "import-timeline", *lib_args, "tl", str(log), "--dry-run")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split("\t")[0] == "2026-03-02 23:01:00"
    assert lines[1].split("\t")[:2] == ["~2026-03-02 23:05:00", "detection?"]


def test_import_timeline_prints_notes_on_their_own_lines(capsys, lib_args, tmp_path) -> None:
    library = Library(tmp_path / "lib")
    library.save(PostMortem(id="tl", title="Timeline", timezone="UTC"))
    log = tmp_path / "postgresql.log"
    log.write_text("2024-11-26 17:57:41.203 CST [20417] app@checkout ERROR:  cannot execute INSERT\n")
    code, out, err = run(capsys, "import-timeline", *lib_args, "tl", str(log), "--dry-run")
    assert code == 0, err
    assert err.splitlines() == [
        "note: 'CST' read as US Central Standard Time (UTC-06:00) on line 1; for China Standard Time give "
        "the zone Asia/Shanghai (--tz), for Cuba Standard Time America/Havana"
    ]
    assert out.splitlines()[0].startswith("2024-11-26 23:57:41\t")
    assert out.splitlines()[-1] == "dry run: 1 event at 23:57; 1 would be added"
    code, out, err = run(capsys, "import-timeline", *lib_args, "tl", str(log), "--dry-run", "--tz", "Asia/Shanghai")
    assert out.splitlines()[0].startswith("2024-11-26 09:57:41\t")
    assert "as the zone Asia/Shanghai uses it" in err


NIGHT_LOG = "23:41 page fired\n23:50 rollback\n23:58 found pgbouncer\n00:05 reloaded\n00:45 resolved\n"


def dry_run_texts(out: str) -> list[str]:
    return [line.split("\t")[2] for line in out.splitlines() if "\t" in line]


@pytest.mark.parametrize(
    ("extra", "kept"),
    [
        (["--since", "23:50", "--until", "00:10"], ["rollback", "found pgbouncer", "reloaded"]),
        (["--until", "00:10"], ["page fired", "rollback", "found pgbouncer", "reloaded"]),
        (["--since", "11:50 PM", "--until", "12:10 AM"], ["rollback", "found pgbouncer", "reloaded"]),
        (["--since", "12am"], ["reloaded", "resolved"]),  # an hour with am/pm is a bare time too
        (["--since", "12am", "--until", "12:30am"], ["reloaded"]),
        (["--since", "00:50 Europe/Berlin"], ["rollback", "found pgbouncer", "reloaded", "resolved"]),
        (["--since", "2024-11-26 23:50", "--until", "2024-11-27 00:10"], ["rollback", "found pgbouncer", "reloaded"]),
    ],
)
def test_import_timeline_bare_since_until_roll_past_midnight(capsys, lib_args, tmp_path, extra, kept) -> None:
    from datetime import UTC, datetime

    library = Library(tmp_path / "lib")
    started = datetime(2024, 11, 26, 23, 38, tzinfo=UTC)
    library.save(PostMortem(id="tl", title="Timeline", timezone="UTC", started=started))
    log = tmp_path / "notes.log"
    log.write_text(NIGHT_LOG)
    code, out, err = run(capsys, "import-timeline", *lib_args, "tl", str(log), "--dry-run", *extra)
    assert code == 0, err
    assert dry_run_texts(out) == kept
    bare = not any(value.startswith("2024") for value in extra)
    assert ("(placed by the incident's start, 2024-11-26 23:38)" in err) == bare


def test_import_timeline_bare_times_without_a_start_say_why_nothing_is_left(capsys, lib_args, tmp_path) -> None:
    library = Library(tmp_path / "lib")
    library.save(PostMortem(id="tl", title="Timeline", timezone="UTC"))
    log = tmp_path / "notes.log"
    log.write_text("2024-11-26 10:00 a\n2024-11-26 11:00 b\n")
    code, out, err = run(capsys, "import-timeline", *lib_args, "tl", str(log), "--since", "23:50", "--until", "00:10")
    assert code == 0, err
    assert out.splitlines() == ["0 events, 2 outside the time range; 0 added to tl"]
    assert err.splitlines() == [
        "note: since 23:50 read as 2024-11-25 23:50, until 00:10 as 2024-11-26 00:10 "
        "(placed by the first event, 2024-11-26 10:00: the incident has no start time)",
        "note: every event is outside the time range; give a date with the times (e.g. 2024-11-26 23:50) "
        "or set the incident's start time",
    ]


def test_import_timeline_bare_since_before_the_start_keeps_the_cause(capsys, lib_args, tmp_path) -> None:
    from datetime import UTC, datetime

    library = Library(tmp_path / "lib")
    started = datetime(2024, 11, 26, 23, 38, tzinfo=UTC)
    library.save(PostMortem(id="tl", title="Timeline", timezone="UTC", started=started))
    log = tmp_path / "notes.log"
    log.write_text("2024-11-26 11:05 deploy (the cause)\n2024-11-26 23:45 alert fired\n2024-11-27 00:40 resolved\n")
    code, out, err = run(capsys, "import-timeline", *lib_args, "tl", str(log), "--dry-run", "--since", "11:00")
    assert code == 0, err
    assert dry_run_texts(out) == ["deploy (the cause)", "alert fired", "resolved"]
    assert "note: since 11:00 read as 2024-11-26 11:00 (placed by the incident's start, 2024-11-26 23:38)" in err
