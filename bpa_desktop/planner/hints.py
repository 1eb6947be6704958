"""Solution hints for the improving search: the decisions alone, or every variable."""

from __future__ import annotations


def hint_all(model, values: list[int]) -> None:
    """Hint every variable, not just the decisions: with a partial hint CP-SAT spent seconds
    completing it (24/7 x 12: its first solution came late and far from the hint). Variables
    made after ``values`` are fairness counts above a share: the current ones at their
    value, older ones (left out of the objective) at their upper bound, always feasible."""
    model.m.clear_hints()
    proto = model.m.proto.variables
    for index in range(len(proto)):
        if index < len(values):
            value = values[index]
        elif index in model._above:
            parts, upper = model._above[index]
            value = max(0, sum(values[v.Index()] * c for v, c in parts) - upper)
        else:
            value = proto[index].domain[-1]
        model.m.proto.solution_hint.vars.append(index)
        model.m.proto.solution_hint.values.append(value)


def decision_vars(model) -> list:
    return [v for xs in model.x for v in xs.values()] + [v for ss in model.s for v in ss.values()]


def hint_decisions(model, values: list[int]) -> None:
    """Hint the decisions alone (CP-SAT completes the rest; enough for small models:
    24/7 x 7 and the demo were proven optimal so)."""
    model.m.clear_hints()
    for var in decision_vars(model):
        model.m.add_hint(var, values[var.Index()])
