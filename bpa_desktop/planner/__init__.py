"""Turnus proposals: a legal, fair rota made for the arbeidsleder.

Imports ``core`` (and the plain-Python message catalogue), never Qt, SQLAlchemy or storage.

    problem = PlanProblem(templates, need, assistants, start, end, weeks=4, agreement=...)
    planner = Planner(problem, SolveOptions(time_limit=10), on_progress=callback)
    result = planner.run()          # blocks: run it in a worker; planner.cancel() from the UI
    result.status                   # "legal" | "no-legal-rota" | "unknown" | "cancelled"
    result.proposal                 # Proposal: pattern, substitutes, roll-out, findings, fairness
    result.explanation              # Explanation: uncovered need, reasons, helps (Reason.text())

``find_vikar`` ranks who can take a shift nobody has; ``fairness_table`` describes any
pattern (the current one too) the same way a proposal is described.
"""

import importlib

# Names load on first use (PEP 562): the problem's plain dataclasses come without OR-Tools,
# which takes about a second to import; the solver loads when someone plans.
_WHERE = {
    "Explanation": "explain", "UncoveredNeed": "explain",
    "FairnessRow": "fairness", "fairness_table": "fairness",
    "ContractBand": "problem", "PlanAssistant": "problem", "PlanInputError": "problem",
    "PlanProblem": "problem", "SolveOptions": "problem", "Weights": "problem",
    "Reason": "reasons",
    "CANCELLED": "solve", "LEGAL": "solve", "NO_LEGAL_ROTA": "solve", "UNKNOWN": "solve",
    "Planner": "solve", "PlanResult": "solve", "Progress": "solve", "Proposal": "solve",
    "VikarCandidate": "vikar", "VikarRefusal": "vikar", "VikarSearch": "vikar", "find_vikar": "vikar",
}


def __getattr__(name: str):
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def plan(problem, options=None, on_progress=None):
    """Plan in one call (blocking)."""
    from bpa_desktop.planner.problem import SolveOptions
    from bpa_desktop.planner.solve import Planner

    return Planner(problem, options or SolveOptions(), on_progress).run()


__all__ = [
    "CANCELLED", "LEGAL", "NO_LEGAL_ROTA", "UNKNOWN",
    "ContractBand", "Explanation", "FairnessRow", "PlanAssistant", "PlanInputError", "PlanProblem",
    "PlanResult", "Planner", "Progress", "Proposal", "Reason", "SolveOptions", "UncoveredNeed",
    "VikarCandidate", "VikarRefusal", "VikarSearch", "Weights", "fairness_table", "find_vikar", "plan",
]
