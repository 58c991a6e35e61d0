#!/usr/bin/env bash
# Mutation testing of one module in an isolated copy of the project: `scripts/mutation/run.sh NAME` reads
# scripts/mutation/NAME.toml (a [tool.mutmut] table), runs mutmut in var/mutation/NAME/ and prints the score.
set -euo pipefail
cd "$(dirname "$0")/../.."
name="${1:?usage: scripts/mutation/run.sh NAME}"
settings="scripts/mutation/${name}.toml"
root="$(pwd)"
work="var/mutation/${name}"
rm -rf "$work"
mkdir -p "$work"
tar --exclude=./.git --exclude=./.venv --exclude=./var --exclude=./mutants --exclude='__pycache__' -cf - . | tar -xf - -C "$work"
# The copy's pyproject keeps the pytest settings and gets this target's [tool.mutmut] table (any other one removed).
python3 - "$work/pyproject.toml" "$settings" <<'PY'
import re
import sys
from pathlib import Path

target, settings = Path(sys.argv[1]), Path(sys.argv[2])
text = re.sub(r"(?ms)^\[tool\.mutmut\].*?(?=^\[|\Z)", "", target.read_text())
target.write_text(text.rstrip() + "\n\n" + settings.read_text())
PY
cd "$work"
export DJANGO_SETTINGS_MODULE=portal.settings_test ETHICS_PROPERTY_EXAMPLES="${ETHICS_PROPERTY_EXAMPLES:-25}"
"$root/.venv/bin/mutmut" run --max-children "${MUTATION_JOBS:-2}" > mutmut.log 2>&1 || { tail -40 mutmut.log; exit 1; }
"$root/.venv/bin/mutmut" results --all true > results.txt 2>&1 || true
"$root/.venv/bin/python" - <<'PY'
import os
import re
import sys
from pathlib import Path

counts = {}
for line in Path("results.txt").read_text().splitlines():
    match = re.match(r"\s*(\S+): (\w[\w ]*)$", line)
    if match:
        counts[match.group(2)] = counts.get(match.group(2), 0) + 1
total = sum(counts.values())
killed = counts.get("killed", 0) + counts.get("timeout", 0)
print(f"mutants: {total}; " + ", ".join(f"{status}: {n}" for status, n in sorted(counts.items())))
score = 100 * killed / total if total else 0.0
threshold = float(os.environ.get("MUTATION_THRESHOLD", "0"))
print(f"score: {score:.1f} % killed (threshold {threshold:.0f} %)" if total else "no mutant")
survivors = [line.split(":")[0].strip() for line in Path("results.txt").read_text().splitlines() if line.endswith(": survived")]
if survivors:
    print("survivors (see `mutmut show NAME` in " + str(Path.cwd()) + "):")
    print("\n".join("  " + name for name in survivors[:60]) + ("\n  …" if len(survivors) > 60 else ""))
sys.exit(0 if total and score >= threshold else 1)
PY
