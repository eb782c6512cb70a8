"""The Facts stage: what is known, each fact with its evidence (a ticket, dashboard or log search)."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult, SystemCommand

from pmtui.model import Fact, PostMortem, Stage
from pmtui.widgets.itemlist import ItemField, ItemListEditor, ItemListKeys, item_list_bindings
from pmtui.widgets.stage import StageView

HELP = "\n\n".join(
    (
        "Facts are what is known for certain, before anyone asks why: each one with the evidence that shows "
        "it (a ticket, a dashboard, a log search, a commit).",
        "a adds a fact: type it, Tab to the evidence line, Enter adds it and leaves the editor open for the "
        "next one; Esc goes back to the list (an unfinished fact is kept for the next a). Enter or e edits "
        "the selected fact (changes save as you type), d or Delete deletes it (u brings it back while you "
        "stay on this stage), < and > move it up or down.",
    )
)

FACT_FIELDS = (
    ItemField("text", "Fact", "What is known, e.g. Pool size went from 50 to 5 at 23:40", required=True, share=2.0),
    ItemField("evidence", "Evidence", "Link or reference: ticket, dashboard, log search", max_length=500, share=1.0),
)


class FactsStage(ItemListKeys, StageView):
    """A numbered table of facts with their evidence."""

    stage = Stage.FACTS
    HELP = HELP
    BINDINGS = item_list_bindings("facts", "fact")

    def __init__(self, pm: PostMortem, **kwargs) -> None:
        super().__init__(pm, **kwargs)

    def compose(self) -> ComposeResult:
        yield ItemListEditor(
            noun="fact",
            fields=FACT_FIELDS,
            items=lambda: self.pm.facts,
            make=Fact,
            empty_hint="No facts yet: press a to add what is known, with its evidence.",
            id="facts-list",
        )

    @property
    def fact_list(self) -> ItemListEditor:
        return self.query_one("#facts-list", ItemListEditor)

    def current_item_list(self) -> ItemListEditor:
        return self.fact_list

    def on_item_list_editor_changed(self, event: ItemListEditor.Changed) -> None:
        event.stop()
        self.edited(structural=event.structural)

    def on_item_list_editor_removed(self, event: ItemListEditor.Removed) -> None:
        event.stop()
        self.push_undo(event.description, event.restore)

    def refresh_view(self) -> None:
        self.fact_list.refresh_items()

    def focus_first(self) -> None:
        self.fact_list.table.focus()

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield from self.item_list_commands("fact")
