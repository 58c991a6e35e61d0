"""Print the mutation score of `make mutation` from mutmut's CI/CD stats; exit 1 under the threshold."""

import json
import sys
from pathlib import Path

THRESHOLD = 95.0

stats = json.loads(Path("mutants/mutmut-cicd-stats.json").read_text(encoding="utf-8"))
killed, survived, total = stats["killed"], stats["survived"], stats["total"]
score = 100 * killed / total if total else 0.0
sys.stdout.write(
    f"accounts/permissions.py : {total} mutants, {killed} tués, {survived} survivants, "
    f"score {score:.1f} % (seuil {THRESHOLD:.0f} %)\n"
)
sys.exit(0 if score >= THRESHOLD else 1)
