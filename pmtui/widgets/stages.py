"""The agenda stages after Setup, in order."""

from __future__ import annotations

import importlib

from pmtui.model import Stage
from pmtui.widgets.stage import StageView

_MODULES = [
    (Stage.FACTS, "pmtui.widgets.facts", "FactsStage"),
    (Stage.TIMELINE, "pmtui.widgets.timeline", "TimelineStage"),
    (Stage.WHYS, "pmtui.widgets.whys", "WhysStage"),
    (Stage.FACTORS, "pmtui.widgets.factors", "FactorsStage"),
    (Stage.ACTIONS, "pmtui.widgets.actions", "ActionsStage"),
    (Stage.REVIEW, "pmtui.widgets.review", "ReviewStage"),
]


def _placeholder(stage: Stage) -> type[StageView]:
    return type(f"Pending{stage.name.title()}", (StageView,), {"stage": stage})


def _load() -> list[type[StageView]]:
    found = []
    for stage, module_name, class_name in _MODULES:
        try:
            found.append(getattr(importlib.import_module(module_name), class_name))
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            found.append(_placeholder(stage))
    return found


OTHER_STAGES = _load()
