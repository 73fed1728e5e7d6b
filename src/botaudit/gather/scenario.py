"""Scenario files: what to do in the browser, as data.

A scenario is a list of steps from a small vocabulary (`botaudit.gather.steps`). Each step
names itself with `as`, which is how checks find its record in the evidence bundle.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from botaudit.errors import UsageError
from botaudit.evidence.producers import producer
from botaudit.resources import data_dir


class StepSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    do: str
    name: str = Field(alias="as")
    params: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _collect_params(cls, data: Any) -> Any:
        """Everything but `do` and `as` is the step's parameters."""
        if isinstance(data, str):
            return {"do": data, "as": data}
        if isinstance(data, dict):
            data = dict(data)
            known = {"do": data.pop("do", None), "as": data.pop("as", data.get("do"))}
            known["as"] = known["as"] or known["do"]
            return {**known, "params": data.pop("params", {}) | data}
        return data


class Scenario(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    title: str
    description: str = ""
    steps: list[StepSpec] = Field(min_length=1)

    @model_validator(mode="after")
    def _known_steps(self) -> Scenario:
        from botaudit.gather.steps import STEPS

        names: set[str] = set()
        for index, spec in enumerate(self.steps):
            step = STEPS.get(spec.do)
            if step is None:
                raise ValueError(
                    f"steps[{index}]: unknown step {spec.do!r}; known: {', '.join(sorted(STEPS))}"
                )
            step.params.model_validate(spec.params)
            if spec.name in names:
                raise ValueError(f"steps[{index}]: the name {spec.name!r} is used twice")
            names.add(spec.name)
        return self


def load_scenario(path: Path) -> Scenario:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Scenario.model_validate(data)
    except (OSError, yaml.YAMLError) as exc:
        raise UsageError(f"Cannot read the scenario {path}: {exc}; fix the file.") from exc
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'top level'}: {e['msg']}" for e in exc.errors()
        )
        raise UsageError(f"{path} is not a valid scenario ({problems}); fix those fields.") from exc


def scenario_files(folder: Path | None = None) -> dict[str, Path]:
    """The scenario files of `folder` (default: the bundled ones), by file stem."""
    folder = folder or data_dir("scenarios")
    return {p.stem: p for p in sorted(folder.glob("*.yaml")) if p.name != "lexicon.yaml"}


def bundled_scenarios(folder: Path | None = None) -> dict[str, Scenario]:
    """The scenarios shipped with botaudit (or those in `folder`), by id."""
    scenarios = [load_scenario(p) for p in scenario_files(folder).values()]
    return {s.id: s for s in scenarios}


@producer("browser")
def step_model(scenario_id: str, alias: str, folder: Path | None) -> type[BaseModel] | str:
    """The model step `alias` of scenario `scenario_id` records, or why there is none."""
    from botaudit.gather.steps import STEPS

    found = [(path, load_scenario(path)) for path in scenario_files(folder).values()]
    path, scenario = next(((p, s) for p, s in found if s.id == scenario_id), (None, None))
    if path is None or scenario is None:
        return f"no scenario with id {scenario_id!r} in {folder or data_dir('scenarios')}"
    spec = next((s for s in scenario.steps if s.name == alias), None)
    if spec is None:
        names = ", ".join(s.name for s in scenario.steps)
        return f"{path} has no step named {alias!r} (steps, by 'as': {names})"
    return STEPS[spec.do].produces
