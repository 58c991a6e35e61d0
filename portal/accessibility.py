"""The accessibility statement's figures, copied from the audit grid docs/rgaa.md.

tests/portal/test_rgaa_grid.py recomputes them from the grid: change the grid, then these numbers.
"""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Audit:
    done_on: date
    compliant: int  # criteria « C »
    non_compliant: int  # « NC »
    not_applicable: int  # « NA »

    @property
    def rate(self) -> float:
        """Share of the applicable criteria that are met, in percent, one decimal (RGAA « taux de conformité »)."""
        applicable = self.compliant + self.non_compliant
        return round(100 * self.compliant / applicable, 1) if applicable else 0.0

    @property
    def level(self) -> str:
        """« totalement » at 100 %, « partiellement » from 50 %, else « non conforme » (RGAA statement model)."""
        if self.non_compliant == 0 and self.compliant:
            return "totalement conforme"
        return "partiellement conforme" if self.rate >= 50 else "non conforme"


AUDIT = Audit(done_on=date(2026, 11, 27), compliant=74, non_compliant=0, not_applicable=32)
