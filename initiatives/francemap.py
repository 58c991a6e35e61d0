"""A tile-grid map of France by département, drawn as SVG on the server.

No registry package ships département outlines under an open licence, so each département is one square placed
on a grid that echoes France's shape (derived once from the préfectures' positions); the overseas départements sit
on their own row below. Each tile links to the département's page and says its figures to screen readers; the
pages that show the map also give the same figures as a table.
"""

from dataclasses import dataclass
from html import escape

# code → (column, row)
TILES: dict[str, tuple[int, int]] = {
    "59": (6, 0),
    "62": (6, 1),
    "76": (4, 2),
    "80": (5, 2),
    "02": (6, 2),
    "08": (7, 2),
    "50": (2, 3),
    "14": (3, 3),
    "60": (4, 3),
    "95": (5, 3),
    "93": (6, 3),
    "51": (7, 3),
    "57": (9, 3),
    "27": (3, 4),
    "78": (4, 4),
    "92": (5, 4),
    "75": (6, 4),
    "94": (7, 4),
    "55": (8, 4),
    "54": (9, 4),
    "67": (10, 4),
    "22": (1, 5),
    "35": (2, 5),
    "61": (3, 5),
    "28": (4, 5),
    "91": (5, 5),
    "77": (6, 5),
    "10": (7, 5),
    "52": (8, 5),
    "88": (9, 5),
    "29": (0, 6),
    "56": (1, 6),
    "53": (2, 6),
    "72": (3, 6),
    "41": (4, 6),
    "45": (5, 6),
    "89": (6, 6),
    "70": (8, 6),
    "90": (9, 6),
    "68": (10, 6),
    "44": (2, 7),
    "49": (3, 7),
    "37": (4, 7),
    "18": (5, 7),
    "58": (6, 7),
    "21": (8, 7),
    "25": (9, 7),
    "85": (2, 8),
    "86": (4, 8),
    "36": (5, 8),
    "03": (6, 8),
    "39": (8, 8),
    "17": (2, 9),
    "79": (3, 9),
    "87": (4, 9),
    "23": (5, 9),
    "63": (6, 9),
    "71": (7, 9),
    "69": (8, 9),
    "01": (9, 9),
    "74": (10, 9),
    "33": (1, 10),
    "16": (2, 10),
    "24": (3, 10),
    "19": (4, 10),
    "15": (5, 10),
    "48": (6, 10),
    "43": (7, 10),
    "42": (8, 10),
    "38": (9, 10),
    "73": (10, 10),
    "40": (1, 11),
    "47": (2, 11),
    "82": (3, 11),
    "46": (4, 11),
    "81": (5, 11),
    "12": (6, 11),
    "07": (7, 11),
    "84": (8, 11),
    "26": (9, 11),
    "05": (10, 11),
    "04": (11, 11),
    "2B": (12, 11),
    "64": (0, 12),
    "65": (1, 12),
    "32": (2, 12),
    "31": (3, 12),
    "09": (4, 12),
    "11": (5, 12),
    "66": (6, 12),
    "34": (7, 12),
    "30": (8, 12),
    "13": (9, 12),
    "83": (10, 12),
    "06": (11, 12),
    "2A": (12, 12),
    # Overseas départements, on their own row.
    "971": (0, 14),
    "972": (1, 14),
    "973": (2, 14),
    "974": (3, 14),
    "976": (4, 14),
}
OVERSEAS_ROW = 14

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
