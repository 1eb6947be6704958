"""Turnus proposals (issue 11): a legal, fair rota made for the arbeidsleder.

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

from bpa_desktop.planner.explain import Explanation, UncoveredNeed
from bpa_desktop.planner.fairness import FairnessRow, fairness_table
from bpa_desktop.planner.problem import (
    ContractBand,
    PlanAssistant,
    PlanInputError,
    PlanProblem,
    SolveOptions,
    Weights,
)
from bpa_desktop.planner.reasons import Reason
from bpa_desktop.planner.solve import (
    CANCELLED,
    LEGAL,
    NO_LEGAL_ROTA,
    UNKNOWN,
    Planner,
    PlanResult,
    Progress,
    Proposal,
)
from bpa_desktop.planner.vikar import VikarCandidate, VikarRefusal, VikarSearch, find_vikar


def plan(problem: PlanProblem, options: SolveOptions = SolveOptions(), on_progress=None) -> PlanResult:
    """Plan in one call (blocking)."""
    return Planner(problem, options, on_progress).run()


__all__ = [
    "CANCELLED", "LEGAL", "NO_LEGAL_ROTA", "UNKNOWN",
    "ContractBand", "Explanation", "FairnessRow", "PlanAssistant", "PlanInputError", "PlanProblem",
    "PlanResult", "Planner", "Progress", "Proposal", "Reason", "SolveOptions", "UncoveredNeed",
    "VikarCandidate", "VikarRefusal", "VikarSearch", "Weights", "fairness_table", "find_vikar", "plan",
]
