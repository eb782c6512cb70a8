"""The agenda stages, each imported the first time it is shown (opening a post-mortem stays cheap)."""

from __future__ import annotations

import importlib

from pmtui.model import Stage
from pmtui.widgets.stage import StageView

_CLASSES = {
    Stage.SETUP: ("pmtui.widgets.setup", "SetupStage"),
    Stage.FACTS: ("pmtui.widgets.facts", "FactsStage"),
    Stage.TIMELINE: ("pmtui.widgets.timeline", "TimelineStage"),
    Stage.WHYS: ("pmtui.widgets.whys", "WhysStage"),
    Stage.FACTORS: ("pmtui.widgets.factors", "FactorsStage"),
    Stage.ACTIONS: ("pmtui.widgets.actions", "ActionsStage"),
    Stage.REVIEW: ("pmtui.widgets.review", "ReviewStage"),
}


def stage_class(stage: Stage) -> type[StageView]:
    module_name, class_name = _CLASSES[stage]
    return getattr(importlib.import_module(module_name), class_name)
