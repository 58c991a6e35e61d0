"""French typography for texts authored with plain spaces (data files, content modules)."""

NBSP = "\u00a0"


def french_typography(text: str) -> str:
    """A non-breaking space before « : ; ! ? » and inside guillemets (authors type plain spaces)."""
    for mark in (":", ";", "!", "?", "»"):
        text = text.replace(f" {mark}", f"{NBSP}{mark}")
    return text.replace("« ", f"«{NBSP}")
