#!/usr/bin/env python3
"""Runs one testkit folder with unittest and writes each outcome, keyed by test id, to a JSON file.

Usage (from the testkit root, with it on PYTHONPATH): suite.py <start-dir> <results.json>
The verbose unittest output goes to stdout as usual; the JSON holds, per test id, every outcome it had (discovery
may collect a class twice when another module imports it; the id names the class's own module either way).
"""
import json
import sys
import unittest


class RecordingResult(unittest.TextTestResult):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.outcomes = {}

    def _record(self, test, outcome, detail=None):
        self.outcomes.setdefault(test.id(), []).append({"outcome": outcome, "detail": detail})

    def addSuccess(self, test):
        super().addSuccess(test)
        self._record(test, "passed")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._record(test, "failed", self._exc_info_to_string(err, test))

    def addError(self, test, err):
        super().addError(test, err)
        # setUpClass/module failures arrive as _ErrorHolder objects without a test method
        self._record(test, "error", self._exc_info_to_string(err, test))

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._record(test, "skipped", reason)

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._record(test, "failed", "expected failure (counted as failed)")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._record(test, "failed", "unexpected success")

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            failed = issubclass(err[0], test.failureException)
            self._record(test, "subtest-failed" if failed else "subtest-error",
                         subtest._subDescription() + "\n" + self._exc_info_to_string(err, test))


def main(start_dir, out_path):
    # Subtest skips reach addSkip with the _SubTest object, whose id() is "<test id> (<params>)".
    suite = unittest.defaultTestLoader.discover(start_dir, pattern="test*.py", top_level_dir=".")
    runner = unittest.TextTestRunner(stream=sys.stdout, verbosity=2, resultclass=RecordingResult)
    result = runner.run(suite)
    with open(out_path, "w") as out:
        json.dump(result.outcomes, out, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
