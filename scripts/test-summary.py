#!/usr/bin/env python3
"""What `make test` ran: the tests of each Maven module (from its surefire XML reports) and the outcome of
every other check (the lines `make test` appended to target/checks.txt, "name|passed|detail").

Exits 1 when a test or a check failed, or when no test ran at all, so the build fails on either.
"""
import glob
import json
import os
import sys
import xml.etree.ElementTree as ET


def suites(root):
    """module -> [tests, failures, errors, skipped, seconds], in the order the modules' folders sort."""
    modules = {}
    for report in sorted(glob.glob(os.path.join(root, "**", "target", "surefire-reports", "TEST-*.xml"), recursive=True)):
        if any(part in report for part in ("/.venv/", "/.tools/", "/node_modules/")):
            continue
        module = os.path.relpath(report, root).split(os.sep + "target" + os.sep)[0]
        suite = ET.parse(report).getroot()
        counts = modules.setdefault(module, [0, 0, 0, 0, 0.0])
        for i, name in enumerate(("tests", "failures", "errors", "skipped")):
            counts[i] += int(suite.get(name, "0"))
        counts[4] += float(suite.get("time", "0") or 0)
    return modules


def checks(path):
    """[(name, passed, detail)] in the order make ran them."""
    if not os.path.exists(path):
        return []
    rows = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            name, _, rest = line.rstrip("\n").partition("|")
            outcome, _, detail = rest.partition("|")
            rows.append((name, outcome == "passed", detail))
    return rows


def details(root):
    """What two of the checks counted: schemathesis's cases (ApiFuzzingE2EIT) and checkov's checks."""
    notes = []
    fuzzing = os.path.join(root, "local", "runtime", "target", "schemathesis", "summary.txt")
    if os.path.exists(fuzzing):
        with open(fuzzing, encoding="utf-8") as summary:
            notes.append(summary.read().strip() + " (ApiFuzzingE2EIT, in local/runtime)")
    scan = os.path.join(root, "target", "checkov", "results_json.json")
    if os.path.exists(scan):
        with open(scan, encoding="utf-8") as results:
            report = json.load(results)
        counts = (report[0] if isinstance(report, list) else report).get("summary", {})
        notes.append(f"checkov: {counts.get('passed', 0)} passed, {counts.get('failed', 0)} failed, "
                     f"{counts.get('skipped', 0)} skipped (each skip has its reason in template.yaml)")
    return notes


def main():
    root = os.getcwd()
    modules = suites(root)
    ran = checks(os.path.join(root, "target", "checks.txt"))

    print()
    print("== make test: what ran")
    width = max([len(m) for m in modules] + [len("suite (Maven module)")])
    print(f"{'suite (Maven module)':<{width}}  {'tests':>6} {'failed':>6} {'errors':>6} {'skipped':>7} {'time':>8}")
    total = [0, 0, 0, 0, 0.0]
    for module, (tests, failures, errors, skipped, seconds) in modules.items():
        mark = "  <- FAILED" if failures or errors else ""
        print(f"{module:<{width}}  {tests:>6} {failures:>6} {errors:>6} {skipped:>7} {seconds:>7.0f}s{mark}")
        total = [a + b for a, b in zip(total, (tests, failures, errors, skipped, seconds))]
    print(f"{'all modules':<{width}}  {total[0]:>6} {total[1]:>6} {total[2]:>6} {total[3]:>7} {total[4]:>7.0f}s")
    print()
    name_width = max([len(n) for n, _, _ in ran] + [len("check")])
    print(f"{'check':<{name_width}}  outcome")
    for name, passed, detail in ran:
        print(f"{name:<{name_width}}  {'passed' if passed else 'FAILED'}{'  ' + detail if detail else ''}")

    notes = details(root)
    if notes:
        print()
        for note in notes:
            print(note)

    tests, failures, errors, skipped = total[:4]
    failed_checks = sum(1 for _, passed, _ in ran if not passed)
    passed = tests - failures - errors - skipped + sum(1 for _, ok, _ in ran if ok)
    failed = failures + errors + failed_checks
    print()
    # the closing line counts each test and each check once
    print(f"summary: {passed} passed, {failed} failed, {skipped} skipped")
    if tests == 0:
        print("no test ran: a build that tests nothing must not pass", file=sys.stderr)
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
