"""The 5 Whys stage: chains from a symptom to systemic root causes, edited as a tree."""

from __future__ import annotations

from collections.abc import Iterable

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Label, Static, Tree
from textual.widgets.tree import TreeNode

from pmtui.model import PostMortem, Stage, WhyNode
from pmtui.widgets.action_picker import (
    ActionChoice,
    ActionPicker,
    LineEditor,
    action_labels,
    apply_choice,
    one_line,
)
from pmtui.widgets.fields import InOrderKeys
from pmtui.widgets.stage import StageView

HELP = """5 Whys: start from the symptom (what users or systems saw) and ask "why?" until you reach causes
the organisation can change. Keep it blameless: ask why the system allowed it, not who did it.
"Why did the deploy tool let a bad config through?" leads to a fix; "why did Sam push it?" leads to blame.
A cause that is "human error" is a place to ask why again: what made the slip easy, the lapse likely,
the mistake reasonable at the time?

Several causes can lead to one effect: branch with b. Several chains can start from different symptoms:
n starts a new chain. Mark the causes you will act on with r (root cause) and link each to an action
with l (an existing one, or a new one made from the cause's text). A root cause without an action shows ✗.
d deletes a why and everything under it; u brings it back."""

EMPTY_HINT = (
    "No 5 Whys yet. Press n to start a chain with the symptom: what users or systems saw.\n"
    "Then a asks why, again and again, until you reach a cause the system can change."
)


def _locate(whys: list[WhyNode], target: WhyNode) -> tuple[list[WhyNode], int, WhyNode | None] | None:
    """The list holding `target`, its index there, and its parent (None for a chain's symptom)."""

    def walk(nodes: list[WhyNode], parent: WhyNode | None):
        for index, node in enumerate(nodes):
            if node is target:
                return nodes, index, parent
            found = walk(node.children, node)
            if found is not None:
                return found
        return None

    return walk(whys, None)


def _count(node: WhyNode) -> int:
    return 1 + sum(_count(child) for child in node.children)


class WhyTree(InOrderKeys, Tree[WhyNode]):
    """The 5 Whys as a tree, always fully expanded; labels are built from the nodes, never from markup."""

    COMPONENT_CLASSES = Tree.COMPONENT_CLASSES | {
        "why-tree--root-cause",
        "why-tree--actions",
        "why-tree--warning",
        "why-tree--placeholder",
        "why-tree--symptom",
    }

    def __init__(self, pm: PostMortem, **kwargs) -> None:
        super().__init__("5 Whys", **kwargs)
        self.pm = pm
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 3

    def action_toggle_node(self) -> None:
        """Chains stay expanded: the whole tree is always visible."""

    def render_label(self, node: TreeNode[WhyNode], base_style: Style, style: Style) -> Text:
        why = node.data
        if why is None:
            return super().render_label(node, base_style, style)

        def part(component: str) -> Style:
            return self.get_component_rich_style(component, partial=True)

        label = Text(no_wrap=True, end="")
        if why.root_cause:
            label.append(" ROOT CAUSE ", style=part("why-tree--root-cause"))
            label.append(" ")
        labels = action_labels(self.pm, why.action_ids)
        if labels:
            label.append("→ " + ", ".join(labels) + " ", style=part("why-tree--actions"))
        elif why.root_cause:
            label.append("✗ no action ", style=part("why-tree--warning"))
        text = one_line(why.text)
        if text:
            label.append(text, style=part("why-tree--symptom") if node.parent is self.root else "")
        else:
            label.append("(empty: e writes it)", style=part("why-tree--placeholder"))
        # cut with an ellipsis where the tree ends, so that a cut why reads as cut (the detail below shows it whole)
        depth, parent = 0, node.parent
        while parent is not None and parent is not self.root:
            depth, parent = depth + 1, parent.parent
        room = self.scrollable_content_region.width - depth * self.guide_depth  # less the guides ('└─ ')
        if room > 8 and label.cell_len > room:
            label.truncate(room, overflow="ellipsis")
        label.stylize(style)
        return label


class WhysStage(StageView):
    """The 5 Whys editor: one or more chains, each ending in root causes linked to actions."""

    stage = Stage.WHYS
    HELP = HELP
    BINDINGS = [
        Binding("a", "add_why", "Why?", id="whys.add_why", tooltip="Ask why: add a cause under the selected node"),
        Binding(
            "b", "add_sibling", "Branch", id="whys.add_sibling", tooltip="Add another cause beside the selected one"
        ),
        Binding("r", "toggle_root", "Root", id="whys.toggle_root", tooltip="Mark or unmark as a root cause"),
        Binding("l", "link", "Link", id="whys.link", tooltip="Link to an action, or create one from this cause"),
        Binding(
            "n",
            "new_chain",
            "New chain",
            id="whys.new_chain",
            show=False,
            tooltip="Start a new chain from another symptom",
        ),
        Binding("e", "edit", "Edit", id="whys.edit", show=False, tooltip="Edit the selected node's text"),
        Binding(
            "d,delete",
            "delete",
            "Delete",
            id="whys.delete",
            show=False,
            tooltip="Delete the selected node and everything under it (u undoes)",
        ),
        Binding(
            "less_than_sign",
            "move(-1)",
            "Move up",
            id="whys.move_up",
            show=False,
            tooltip="Move the node before its previous sibling",
        ),
        Binding(
            "greater_than_sign",
            "move(1)",
            "Move down",
            id="whys.move_down",
            show=False,
            tooltip="Move the node after its next sibling",
        ),
    ]

    def __init__(self, pm: PostMortem, **kwargs) -> None:
        super().__init__(pm, **kwargs)
        self.editing: WhyNode | None = None
        self._just_added: WhyNode | None = None
        self._why_tree_nodes: dict[str, TreeNode[WhyNode]] = {}
        self._restored: WhyNode | None = None  # what the last undo brought back

    # -- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(EMPTY_HINT, id="whys-empty", markup=False)
        yield WhyTree(self.pm, id="whys-tree")
        yield Static("", id="whys-detail", markup=False)
        with Horizontal(id="why-edit-row"):
            yield Label("Why?", id="why-edit-label")
            yield LineEditor(
                id="why-editor",
                max_length=20_000,
                placeholder="Because… (Enter or Esc when done)",
                on_submit=self._submitted,
            )
        yield Static("", id="why-error", markup=False)

    def on_mount(self) -> None:
        self.query_one("#why-edit-row").display = False
        self._set_error("")
        self.refresh_view()

    @property
    def tree(self) -> WhyTree:
        return self.query_one(WhyTree)

    def refresh_view(self, select: WhyNode | None = None) -> None:
        """Rebuild the tree from the document, keeping (or moving) the cursor to `select`."""
        tree = self.tree
        tree.pm = self.pm
        current = self.selected
        select_id = select.id if select is not None else current.id if current is not None else None
        tree.clear()
        self._why_tree_nodes = {}

        def add(parent: TreeNode[WhyNode], node: WhyNode) -> None:
            tree_node = parent.add(Text(one_line(node.text)), data=node, expand=True, allow_expand=False)
            self._why_tree_nodes[node.id] = tree_node
            for child in node.children:
                add(tree_node, child)

        for chain in self.pm.whys:
            add(tree.root, chain)
        _ = tree.last_line  # lay out the lines now so the cursor can be placed
        target = self._why_tree_nodes.get(select_id) if select_id is not None else None
        if target is None and self.pm.whys:
            target = self._why_tree_nodes.get(self.pm.whys[0].id)
        tree.move_cursor(target)
        self.query_one("#whys-empty").display = not self.pm.whys
        self._show_detail()

    def load(self, pm: PostMortem) -> None:
        self._close_editor(focus_tree=False, discard_empty=False)  # (a reload may come while another stage shows)
        self.undo_stack.clear()
        super().load(pm)

    def entered(self) -> None:
        self.refresh_view()  # action numbers may have changed in the Actions stage

    def left(self) -> None:
        self._close_editor(focus_tree=False)
        super().left()

    def focus_first(self) -> None:
        self.tree.focus()

    # -- selection -----------------------------------------------------------------------------

    @property
    def selected(self) -> WhyNode | None:
        node = self.tree.cursor_node
        return node.data if node is not None else None

    def _relabel(self, why: WhyNode) -> None:
        tree_node = self._why_tree_nodes.get(why.id)
        if tree_node is not None:
            tree_node.set_label(Text(one_line(why.text)))
        self._show_detail()

    @on(Tree.NodeHighlighted, "#whys-tree")
    def _highlighted(self) -> None:
        self._show_detail()

    @on(Tree.NodeSelected, "#whys-tree")
    def _selected(self, event: Tree.NodeSelected) -> None:
        event.stop()
        self.action_edit()

    def _show_detail(self) -> None:
        detail = self.query_one("#whys-detail", Static)
        why = self.selected
        if why is None:
            detail.update("")
            return
        where = _locate(self.pm.whys, why)
        depth = 0
        if where is not None:
            depth = next((d for d, n in self.pm.iter_why_nodes() if n is why), 0)
        text = Text()
        text.append("Symptom: " if depth == 0 else f"Why {depth}: ", style="bold")
        text.append(one_line(why.text) or "(empty)")
        text.append("\n")
        labels = action_labels(self.pm, why.action_ids)
        if why.root_cause and not labels:
            text.append("✗ Root cause with no action: l links one or creates one from this text.", style="bold")
        elif why.root_cause:
            text.append(f"Root cause → {', '.join(labels)}. ", style="italic")
        elif not why.children:
            text.append("a asks why again · b adds another cause here · r marks a root cause", style="italic")
        elif labels:
            text.append(f"→ {', '.join(labels)}", style="italic")
        detail.update(text)

    # -- editing -------------------------------------------------------------------------------

    def _start_editing(self, why: WhyNode, just_added: bool = False) -> None:
        self.editing = why
        self._just_added = why if just_added else None
        where = _locate(self.pm.whys, why)
        is_symptom = where is not None and where[2] is None
        self.query_one("#why-edit-label", Label).update("Symptom:" if is_symptom else "Why?")
        editor = self.query_one("#why-editor", LineEditor)
        editor.placeholder = (
            "What users or systems saw (Enter or Esc when done)"
            if is_symptom
            else "Because… (why did the system allow it? Enter or Esc when done)"
        )
        editor.value = why.text
        editor.cursor_position = len(why.text)
        self.query_one("#why-edit-row").display = True
        editor.focus()

    def _close_editor(self, focus_tree: bool = True, discard_empty: bool = True) -> None:
        why, self.editing = self.editing, None
        just_added, self._just_added = self._just_added, None
        if not self.is_mounted:
            return
        self.query_one("#why-edit-row").display = False
        self._set_error("")
        if why is not None and discard_empty and why is just_added and not why.text.strip():
            where = _locate(self.pm.whys, why)
            if where is not None:
                siblings, index, parent = where
                del siblings[index]
                neighbour = siblings[min(index, len(siblings) - 1)] if siblings else parent
                self.refresh_view(select=neighbour)
                self.edited(structural=True)
                self.notify("Empty why discarded.", timeout=2)
        if focus_tree:
            self.tree.focus()

    def _set_error(self, message: str) -> None:
        error = self.query_one("#why-error", Static)
        error.update(message)
        error.display = bool(message)
        self.query_one("#why-editor", LineEditor).set_class(bool(message), "-problem")

    @on(LineEditor.Changed, "#why-editor")
    def _text_changed(self, event: LineEditor.Changed) -> None:
        self._apply_text(event.value)

    def _apply_text(self, value: str) -> None:
        why = self.editing
        if why is None or value == why.text:
            return
        if not value.strip() and why is not self._just_added:
            self._set_error("A why needs words: type them, or Esc keeps the old text (d deletes the node).")
            return
        self._set_error("")
        why.text = value
        self._relabel(why)
        self.edited()

    def _submitted(self, editor: LineEditor) -> None:
        """Enter in the editor, as the key is handled (the keys after it come after): what the field holds now
        is kept (the Changed messages of the keys just before Enter are still on their way), then it closes."""
        self._apply_text(editor.value)
        self._close_editor()

    @on(LineEditor.Closed, "#why-editor")
    def _closed(self, event: LineEditor.Closed) -> None:
        event.stop()
        self._close_editor()

    @on(LineEditor.Blurred, "#why-editor")
    def _blurred(self) -> None:
        if self.editing is not None and self.screen.is_current:
            self._close_editor(focus_tree=False)

    def _insert(self, siblings: list[WhyNode], index: int) -> None:
        why = WhyNode()
        siblings.insert(index, why)
        self.refresh_view(select=why)
        self.edited(structural=True)
        self._start_editing(why, just_added=True)

    def action_new_chain(self) -> None:
        self._insert(self.pm.whys, len(self.pm.whys))

    def action_add_why(self) -> None:
        why = self.selected
        if why is None:
            self.action_new_chain()
            return
        self._insert(why.children, len(why.children))

    def action_add_sibling(self) -> None:
        why = self.selected
        where = _locate(self.pm.whys, why) if why is not None else None
        if where is None:
            self.action_new_chain()
            return
        siblings, index, _ = where
        self._insert(siblings, index + 1)

    def action_edit(self) -> None:
        why = self.selected
        if why is None:
            self.notify("Nothing to edit yet: n starts a chain.", timeout=3)
            return
        self._start_editing(why)

    def action_toggle_root(self) -> None:
        why = self.selected
        if why is None:
            self.notify("Select a why first (n starts a chain).", timeout=3)
            return
        why.root_cause = not why.root_cause
        self._relabel(why)
        self.edited()
        if why.root_cause and not action_labels(self.pm, why.action_ids):
            self.notify("Root cause marked. Link it to an action with l.", timeout=3)

    def action_link(self) -> None:
        why = self.selected
        if why is None:
            self.notify("Select a why first (n starts a chain).", timeout=3)
            return

        def picked(choice: ActionChoice | None) -> None:
            if choice is None or _locate(self.pm.whys, why) is None:
                return
            message = apply_choice(self.pm, why.action_ids, choice, why.text)
            self.refresh_view(select=why)
            self.edited(structural=choice.create)
            if message:
                self.notify(message, timeout=4, markup=False)

        self.app.push_screen(ActionPicker(self.pm, why.text, why.action_ids, what="why"), picked)

    def action_delete(self) -> None:
        why = self.selected
        where = _locate(self.pm.whys, why) if why is not None else None
        if why is None or where is None:
            self.notify("Nothing to delete.", timeout=2)
            return
        siblings, index, parent = where
        del siblings[index]

        def restore() -> None:
            siblings.insert(min(index, len(siblings)), why)
            self._restored = why

        self.push_undo(f"“{one_line(why.text)[:40] or 'empty why'}”", restore)
        neighbour = siblings[min(index, len(siblings) - 1)] if siblings else parent
        self.refresh_view(select=neighbour)
        self.edited(structural=True)
        under = _count(why) - 1
        more = f" and the {under} under it" if under else ""
        self.notify(f"Deleted a why{more}. u brings it back.", timeout=3)

    def action_undo(self) -> None:
        self._restored = None
        super().action_undo()
        if self._restored is not None:
            self.refresh_view(select=self._restored)

    def action_move(self, step: int) -> None:
        why = self.selected
        where = _locate(self.pm.whys, why) if why is not None else None
        if why is None or where is None:
            return
        siblings, index, _ = where
        target = index + step
        if not 0 <= target < len(siblings):
            self.notify("Already first." if step < 0 else "Already last.", timeout=2)
            return
        siblings[index], siblings[target] = siblings[target], siblings[index]
        self.refresh_view(select=why)
        self.edited()

    # -- palette -------------------------------------------------------------------------------

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("5 Whys: new chain", "Start a chain from another symptom", self.action_new_chain)
        yield SystemCommand("5 Whys: ask why", "Add a cause under the selected node", self.action_add_why)
        yield SystemCommand("5 Whys: branch", "Add another cause beside the selected one", self.action_add_sibling)
        yield SystemCommand("5 Whys: edit", "Edit the selected node's text", self.action_edit)
        yield SystemCommand(
            "5 Whys: root cause", "Mark or unmark the selected node as a root cause", self.action_toggle_root
        )
        yield SystemCommand(
            "5 Whys: link to an action", "Link the selected node to an action, or create one", self.action_link
        )
        yield SystemCommand("5 Whys: delete", "Delete the selected node and everything under it", self.action_delete)
        yield SystemCommand(
            "5 Whys: move up", "Move the selected node before its previous sibling", lambda: self.action_move(-1)
        )
        yield SystemCommand(
            "5 Whys: move down", "Move the selected node after its next sibling", lambda: self.action_move(1)
        )
        yield SystemCommand("5 Whys: undo", "Bring back what was last deleted", self.action_undo)
