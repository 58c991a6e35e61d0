"""A tile-grid map of France by département, drawn as SVG on the server.

No registry package ships département outlines under an open licence, so each département is one square placed
on a grid that echoes France’s shape (placed from the préfectures’ positions, then tidied by hand); the overseas
départements sit on their own row below. Each tile links to the département's page and says its figures to screen
readers; the pages that show the map also give the same figures as a table.
"""

from dataclasses import dataclass
from html import escape

# One line per row, columns separated by spaces: a département code or "." (no tile). The last row is overseas.
GRID = """
.   .   .   .   .   62  59  .   .   .   .   .   .
.   .   .   .   76  80  02  08  .   .   .   .   .
.   .   50  14  60  95  93  51  55  57  .   .   .
.   .   .   27  78  92  75  94  54  67  .   .   .
.   22  35  61  28  91  77  10  52  88  68  .   .
29  56  53  72  41  45  89  21  70  90  .   .   .
.   .   44  49  37  18  58  .   25  .   .   .   .
.   .   85  79  86  36  03  71  39  .   .   .   .
.   .   17  16  87  23  63  69  01  74  .   .   .
.   .   33  24  19  15  48  43  42  38  73  .   .
.   40  47  82  46  81  12  07  84  26  05  04  2B
64  65  32  31  09  11  66  34  30  13  83  06  2A
.   .   .   .   .   .   .   .   .   .   .   .   .
971 972 973 974 976 .   .   .   .   .   .   .   .
"""
OVERSEAS_ROW = 13


def _tiles(grid: str) -> dict[str, tuple[int, int]]:
    return {
        code: (column, row)
        for row, line in enumerate(grid.strip("\n").split("\n"))
        for column, code in enumerate(line.split())
        if code != "."
    }


# code → (column, row)
TILES: dict[str, tuple[int, int]] = _tiles(GRID)

TILE = 40
GAP = 4
STEP = TILE + GAP

# (lowest count, fill, text colour): DSFR blues, contrast of the code on its tile ≥ 4.5:1.
SCALE = [
    (0, "#f6f6f6", "#3a3a3a"),
    (1, "#cacafb", "#161616"),
    (2, "#8585f6", "#161616"),
    (5, "#313178", "#ffffff"),
    (10, "#000091", "#ffffff"),
]


def bucket(count: int) -> tuple[str, str]:
    fill, text = SCALE[0][1:]
    for low, bucket_fill, bucket_text in SCALE:
        if count >= low:
            fill, text = bucket_fill, bucket_text
    return fill, text


def legend() -> list[dict]:
    """The colour scale in words, for the legend beside the map."""
    items = []
    for index, (low, fill, _text) in enumerate(SCALE):
        high = SCALE[index + 1][0] - 1 if index + 1 < len(SCALE) else None
        label = (
            "aucune"
            if low == 0
            else (f"{low} et plus" if high is None else (str(low) if high == low else f"{low} à {high}"))
        )
        items.append({"fill": fill, "label": label})
    return items


@dataclass(frozen=True)
class Tile:
    code: str
    name: str
    organisations: int
    projects: int
    url: str


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count > 1 else ''}"


def render_svg(tiles: list[Tile], *, title_id: str = "carte-titre") -> str:
    """The map as an SVG string: one link per département, coloured by its engaged collectivités."""
    width = 13 * STEP
    height = (OVERSEAS_ROW + 1) * STEP
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="tia-map" viewBox="0 0 {width} {height}" '
        f'width="100%" aria-labelledby="{title_id}" role="group">',
        f'<text x="0" y="{(OVERSEAS_ROW - 0.25) * STEP:.0f}" class="tia-map__label" fill="#3a3a3a" font-size="14">'
        "Outre-mer</text>",
    ]
    for tile in tiles:
        column, row = TILES[tile.code]
        fill, text = bucket(tile.organisations)
        x, y = column * STEP, row * STEP
        label = (
            f"{tile.name} ({tile.code}) : "
            f"{tile.organisations} collectivité{'s' if tile.organisations > 1 else ''} "
            f"engagée{'s' if tile.organisations > 1 else ''}, {_plural(tile.projects, 'projet')}"
        )
        parts.append(
            f'<a href="{escape(tile.url)}" aria-label="{escape(label)}">'
            f"<title>{escape(label)}</title>"
            f'<rect x="{x}" y="{y}" width="{TILE}" height="{TILE}" rx="3" fill="{fill}" stroke="#929292"/>'
            f'<text x="{x + TILE / 2:.0f}" y="{y + TILE / 2 + 5:.0f}" text-anchor="middle" font-size="13" '
            f'fill="{text}" aria-hidden="true">{escape(tile.code)}</text></a>'
        )
    parts.append("</svg>")
    return "".join(parts)
