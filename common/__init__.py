"""Building blocks that are no domain and import no app of the portal (bottom layer, see docs/decisions.md)."""
