"""The hostile-input corpus (issue 14): constructed cases, made by scripts on demand (see cases.py, warcs.py)."""
