"""Counts a folder's outcomes by unique test id and prints them as a Markdown table with the skip reasons."""
import json
import sys
from collections import Counter

SEVERITY = {"error": 4, "failed": 3, "passed": 2, "skipped": 1}


def summarize(outcomes):
    """outcomes: test id -> [{"outcome", "detail"}]. Subtest records (ids with a space) fold into their test."""
    tests, subtest_skips, problems = {}, Counter(), []
    for test_id, records in outcomes.items():
        base, _, sub = test_id.partition(" ")
        for record in records:
            outcome, detail = record["outcome"], record["detail"]
            if sub and outcome == "skipped":
                # Reasons naming one subtest's values after ": " are counted under their common part.
                subtest_skips[detail.split(": ", 1)[0]] += 1
                tests.setdefault(base, {"outcome": None, "detail": None})
                continue
            if outcome in ("subtest-failed", "subtest-error"):
                outcome = outcome[len("subtest-"):]
            entry = tests.setdefault(base, {"outcome": None, "detail": None})
            if entry["outcome"] is None or SEVERITY[outcome] > SEVERITY[entry["outcome"]]:
                entry.update(outcome=outcome, detail=detail)
            if outcome in ("failed", "error"):
                problems.append((base, outcome, detail))
    for entry in tests.values():  # a test whose subtests were all skipped and that reported nothing else
        if entry["outcome"] is None:
            entry["outcome"] = "passed"
    counts = Counter(entry["outcome"] for entry in tests.values())
    skips = Counter(entry["detail"] for entry in tests.values() if entry["outcome"] == "skipped")
    return {"tests": len(tests), "counts": counts, "skips": skips, "subtest_skips": subtest_skips, "problems": problems}


def markdown(title, summary):
    c = summary["counts"]
    lines = [f"### {title}", "",
             "| Unique tests | Passed | Failed | Errors | Skipped |", "|---|---|---|---|---|",
             f"| {summary['tests']} | {c['passed']} | {c['failed']} | {c['error']} | {c['skipped']} |", ""]
    if summary["skips"] or summary["subtest_skips"]:
        lines += ["| Skipped | Reason |", "|---|---|"]
        lines += [f"| {n} | {reason} |" for reason, n in summary["skips"].most_common()]
        lines += [f"| {n} subtest(s) | {reason} |" for reason, n in summary["subtest_skips"].most_common()]
        lines.append("")
    for test_id, outcome, detail in summary["problems"]:
        last = (detail or "").strip().splitlines()[-1:] or [""]
        lines.append(f"- {outcome}: `{test_id}`: {last[0][:300]}")
    if summary["problems"]:
        lines.append("")
    return "\n".join(lines)


def combine(paths):
    """Merges several result files (one per suite run) into one outcome map, so a folder split into several
    unittest runs (tests/stub, one run per module) is counted once per unique test id."""
    merged = {}
    for path in paths:
        for test_id, records in json.load(open(path)).items():
            merged.setdefault(test_id, []).extend(records)
    return merged


if __name__ == "__main__":
    # report.py TITLE results.json...: one table over all the given runs (e.g. every tests/stub module).
    print(markdown(sys.argv[1], summarize(combine(sys.argv[2:]))))
