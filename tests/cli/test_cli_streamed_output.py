"""`bpa check` and `bpa pay` write their JSON as it is made: the text must be exactly what
json.dumps gives for the whole object (the contract's format), for any number of items."""

from __future__ import annotations

import json

import pytest

from bpa_desktop.cli import main


def _file(tmp_path, count: int) -> str:
    shifts = []
    for index in range(count):
        day = 1 + index % 28
        shifts.append({
            "id": f"vakt «{index}» \"æ\"\\", "assistant": "a1" if index % 3 else "b\u00f8",
            "start": f"2026-03-{day:02d}T{6 + index % 5:02d}:00", "end": f"2026-03-{day:02d}T23:30",
            **({"passive": [{"start": f"2026-03-{day:02d}T20:00", "end": f"2026-03-{day:02d}T22:00"}]}
               if index % 2 else {}),
            **({"kind": "overtime"} if index % 7 == 0 else {}),
        })
    data = {"format": "bpa-shifts/1", "agreement": "aml", "shifts": shifts}
    path = tmp_path / "shifts.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("count", [0, 1, 999, 1000, 1001, 2500])
@pytest.mark.parametrize("command", ["check", "pay"])
def test_output_is_json_dumps_of_the_whole(tmp_path, capsys, command, count):
    main([command, _file(tmp_path, count)])
    out = capsys.readouterr().out
    assert out.endswith("\n") and out.count("\n") == 1
    assert out == json.dumps(json.loads(out), ensure_ascii=False) + "\n"
    if command == "pay":
        paid = json.loads(out)
        assert len(paid["shifts"]) == count and [s["index"] for s in paid["shifts"]] == list(range(count))
        # The totals are the sums of the shifts (added per shape, not shift by shift).
        for assistant, total in paid["totals"].items():
            mine = [s for s in paid["shifts"] if s["assistant"] == assistant]
            for window, hours in total["hours"].items():
                assert hours == pytest.approx(sum(s["hours"][window] for s in mine), abs=1e-3)
