"""Server-side SVG charts, dependency-free (reused by the PDF report): the maturity radar."""

import math
from html import escape


def _point(cx: float, cy: float, radius: float, index: int, count: int) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return cx + radius * math.cos(angle), cy + radius * math.sin(angle)


def _polygon(points: list[tuple[float, float]]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


def _wrap(label: str, width: int = 20) -> list[str]:
    """Split a long axis label over at most two lines, at a space near the middle."""
    if len(label) <= width or " " not in label:
        return [label]
    middle = len(label) // 2
    spaces = [i for i, char in enumerate(label) if char == " "]
    cut = min(spaces, key=lambda i: abs(i - middle))
    return [label[:cut], label[cut + 1 :]]


def radar_chart(
    axes: list[tuple[str, float | None]],
    *,
    title: str = "Maturité par dimension",
    description: str = "",
    size: int = 420,
    chart_id: str = "radar",
) -> str:
    """SVG markup of a radar chart of scores 0–100, one axis per (label, score); accessible (role="img", title, desc).

    A None score is drawn as 0 and labelled « non renseigné ». The caller should also show the data as a table.
    """
    count = len(axes)
    if count < 3:
        raise ValueError("Un graphique radar demande au moins trois axes.")
    margin = 130
    width = size + 2 * margin
    height = size + 100
    cx, cy = width / 2, height / 2
    radius = size / 2 - 10
    desc = description or "Scores sur 100 : " + " ; ".join(
        f"{label} {'non renseigné' if score is None else round(score)}" for label, score in axes
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" width="100%" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" class="journeys-radar">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
        '<g fill="none" stroke="#cecece" stroke-width="1">',
    ]
    for ring in (25, 50, 75, 100):
        ring_points = [_point(cx, cy, radius * ring / 100, i, count) for i in range(count)]
        parts.append(f'<polygon points="{_polygon(ring_points)}"/>')
    for i in range(count):
        x, y = _point(cx, cy, radius, i, count)
        parts.append(f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}"/>')
    parts.append("</g>")
    parts.append('<g fill="#666666" font-size="11" font-family="Marianne, Arial, sans-serif">')
    for ring in (50, 100):
        parts.append(f'<text x="{cx + 4:.1f}" y="{cy - radius * ring / 100 + 12:.1f}">{ring}</text>')
    parts.append("</g>")
    values = [
        _point(cx, cy, radius * max(0.0, min(100.0, score or 0)) / 100, i, count) for i, (_l, score) in enumerate(axes)
    ]
    parts.append(
        f'<polygon points="{_polygon(values)}" fill="#cacafb" fill-opacity="0.7" stroke="#000091" stroke-width="2"/>'
    )
    parts.append('<g fill="#000091">')
    for x, y in values:
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4"/>')
    parts.append("</g>")
    parts.append('<g fill="#161616" font-size="13" font-family="Marianne, Arial, sans-serif">')
    for i, (label, score) in enumerate(axes):
        x, y = _point(cx, cy, radius + 18, i, count)
        anchor = "middle" if abs(x - cx) < 1 else ("start" if x > cx else "end")
        value = "–" if score is None else f"{round(score)}"
        lines = _wrap(label)
        top = (
            y + 4 - 8 * (len(lines) - 1)
            if abs(y - cy) < radius * 0.9
            else (y + 4 - 16 * (len(lines) - 1) if y < cy else y + 4)
        )
        tspans = []
        for n, line in enumerate(lines):
            # The score goes in the same run of text (no nested tspan: simple SVG renderers misplace them).
            shown = f"{line}\u202f: {value}" if n == len(lines) - 1 else line
            tspans.append(f'<tspan x="{x:.1f}" dy="{0 if n == 0 else 16}">{escape(shown)}</tspan>')
        parts.append(f'<text x="{x:.1f}" y="{top:.1f}" text-anchor="{anchor}">{"".join(tspans)}</text>')
    parts.append("</g></svg>")
    return "".join(parts)
