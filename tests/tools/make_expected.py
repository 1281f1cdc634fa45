"""Write <page>.expected.json for fixture cases that have none (or, with --force, for all): the current
extraction output, to be READ AND CORRECTED BY HAND before it is committed. Usage, from the repository root:
    python tests/tools/make_expected.py [--force] [SITE ...]"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.fixturecases import all_cases, run_case


def main(argv: list[str]) -> None:
    force = "--force" in argv
    sites = [a for a in argv if not a.startswith("--")]
    for case in all_cases():
        if sites and case.site not in sites:
            continue
        if case.expected_path.exists() and not force:
            continue
        case.expected_path.write_text(
            json.dumps(run_case(case), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        print("wrote", case.expected_path)


if __name__ == "__main__":
    main(sys.argv[1:])
