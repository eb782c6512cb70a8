"""JSON export and import: exact round trips, and clear one-line errors naming the file and field."""

from __future__ import annotations

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from pmtui.io.jsonio import DocumentError, document_to_json, documents_from_json, documents_to_json
from pmtui.model import SCHEMA_VERSION, Milestone, PostMortem, TimelineEvent, WhyNode
from tests.injection import HOSTILE, fill_every_text_field, full_document

TOKYO = ZoneInfo("Asia/Tokyo")
KOLKATA = ZoneInfo("Asia/Kolkata")


def deep_whys() -> PostMortem:
    """Five levels of 5 Whys in two chains, in a half-hour-offset zone, with fractional seconds."""
    node = WhyNode(id="w5", text="No review of pool settings", root_cause=True, action_ids=["missing"])
    for depth in range(4, 0, -1):
        node = WhyNode(id=f"w{depth}", text=f"why {depth}", children=[node])
    return PostMortem(
        id="deep",
        timezone="Asia/Kolkata",
        started=datetime(2024, 12, 31, 23, 59, 59, 123456, tzinfo=KOLKATA),
        whys=[node, WhyNode(id="other", text="Second chain", root_cause=True)],
        timeline=[
            TimelineEvent(
                id="t1",
                time=datetime(2025, 1, 1, 9, 0, tzinfo=TOKYO),
                zone="Asia/Tokyo",
                milestone=Milestone.DETECTED,
            ),
            TimelineEvent(id="t2", text="untimed"),
        ],
        created=datetime(2025, 1, 1, tzinfo=KOLKATA),
        updated=datetime(2025, 1, 2, tzinfo=KOLKATA),
    )


DOCUMENTS = {
    "full": full_document,
    "empty": lambda: PostMortem(
        id="empty", created=datetime(2024, 1, 1, tzinfo=TOKYO), updated=datetime(2024, 1, 1, tzinfo=TOKYO)
    ),
    "deep-whys": deep_whys,
}


@pytest.mark.parametrize("make", DOCUMENTS.values(), ids=DOCUMENTS.keys())
def test_round_trip(make) -> None:
    pm = make()
    text = document_to_json(pm)
    [back] = documents_from_json(text, "pm.json")
    assert back == pm
    assert back.model_dump(mode="json") == pm.model_dump(mode="json")
    assert document_to_json(back) == text


@pytest.mark.parametrize("value", HOSTILE, ids=repr)
def test_round_trip_keeps_hostile_text_exactly(value: str) -> None:
    pm = fill_every_text_field(full_document(), value)
    [back] = documents_from_json(document_to_json(pm), "pm.json")
    assert back == pm
    assert back.title == value
    assert back.whys[0].children[0].children[0].text == value


def test_round_trip_keeps_instants_and_zones() -> None:
    [back] = documents_from_json(document_to_json(full_document()), "pm.json")
    assert back.timezone == "Europe/Berlin"
    assert back.started == datetime(2024, 3, 5, 22, 40, tzinfo=ZoneInfo("UTC"))
    assert back.timeline[1].zone == "America/New_York"
    assert back.timeline[1].time.utcoffset().total_seconds() == -5 * 3600
    assert back.actions[0].due == date(2024, 3, 20)
    assert back.facilitator_notes == full_document().facilitator_notes  # JSON is the full document


def test_json_is_indented_with_sorted_keys_and_ends_in_a_newline() -> None:
    text = document_to_json(full_document())
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert text.startswith('{\n  "actions": [\n')
    data = json.loads(text)
    assert list(data) == sorted(data)
    assert json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n" == text


def test_many_documents_round_trip_through_an_array() -> None:
    pms = [make() for make in DOCUMENTS.values()]
    text = documents_to_json(pms)
    assert text.startswith("[\n")
    assert documents_from_json(text, "all.json") == pms
    assert documents_from_json("[]", "none.json") == []


def test_byte_order_mark_is_accepted() -> None:
    [back] = documents_from_json("\ufeff" + document_to_json(deep_whys()), "bom.json")
    assert back == deep_whys()


def problems(text: str, name: str = "in.json") -> list[str]:
    with pytest.raises(DocumentError) as caught:
        documents_from_json(text, name)
    assert str(caught.value) == "\n".join(caught.value.lines)
    assert all("\n" not in line and line.startswith(f"{name}: ") for line in caught.value.lines)
    return caught.value.lines


def test_invalid_json_names_line_and_column() -> None:
    assert problems('{\n  "title": "x",\n  oops\n}', "bad.json") == [
        "bad.json: not valid JSON: line 3 column 3: Expecting property name enclosed in double quotes"
    ]
    assert problems("") == ["in.json: not valid JSON: line 1 column 1: Expecting value"]
    assert isinstance(DocumentError(["x"]), ValueError)


def test_non_finite_numbers_are_rejected() -> None:
    [line] = problems('{"impact": {"financial_impact": Infinity}}')
    assert line.startswith("in.json: not valid JSON: ") and "Infinity" in line


def test_deeply_nested_json_is_an_error_not_a_crash() -> None:
    [line] = problems("[" * 100_000 + "]" * 100_000)
    assert line.startswith("in.json: ")


def test_validation_errors_name_the_field_path() -> None:
    data = full_document().model_dump(mode="json")
    data["severity"] = "SEV9"
    data["actions"][1]["due"] = "next week"
    data["whys"][0]["children"][0]["colour"] = "red"
    lines = problems(json.dumps(data), "pm.json")
    assert len(lines) == 3
    assert lines[0].startswith("pm.json: severity: ") and "'SEV9'" in lines[0]
    assert lines[1] == "pm.json: whys.0.children.0.colour: is not a field of a post-mortem here"
    assert lines[2].startswith("pm.json: actions.1.due: ") and "'next week'" in lines[2]


def test_problems_in_an_array_say_which_document() -> None:
    good = full_document().model_dump(mode="json")
    bad = PostMortem(id="bad").model_dump(mode="json")
    bad["timezone"] = "Mars/Olympus"
    lines = problems(json.dumps([good, bad, 7]), "all.json")
    assert lines[0].startswith("all.json: document 2: timezone: unknown time zone 'Mars/Olympus'")
    assert lines[1] == "all.json: document 3: expected a post-mortem object, got a number"


def test_a_file_that_is_not_a_document() -> None:
    assert problems('"hello"') == ["in.json: expected a post-mortem object or a list of them, got a string"]
    assert problems("null") == ["in.json: expected a post-mortem object or a list of them, got null"]


def test_newer_schema_is_refused_with_the_reason() -> None:
    data = PostMortem(id="new").model_dump(mode="json")
    data["schema_version"] = SCHEMA_VERSION + 1
    [line] = problems(json.dumps(data))
    assert line.startswith("in.json: schema_version: schema version ") and "upgrade pmtui" in line
