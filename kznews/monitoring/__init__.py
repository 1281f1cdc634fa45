"""Run health: checks on every run's stats, spidermon monitors, and a record of each run in the `runs` collection.

- checks.py    thresholds and the checks themselves (pure: final stats and thresholds in, checks out)
- monitors.py  the spidermon monitors (one per family of checks), the suite, and the `RecordRun` action
- runs.py      the `runs` document of a run, and the table `python -m kznews runs` prints

The spidermon extension that runs them when each spider closes is kznews.extensions.monitoring.
"""
