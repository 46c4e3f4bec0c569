"""Small inline-SVG charts for the offline report. No scripts, no external resources; every piece of text that
goes into the SVG is escaped here (names in a chat export can hold anything, including markup)."""

from __future__ import annotations

from html import escape
from math import log10

from markupsafe import Markup

# Palette: calm, readable, distinguishable without relying on red/green alone.
KIND = "#2f8f83"  # teal: compassionate moves
REACTIVE = "#d08c3f"  # amber: reactive patterns
REFERENCE = "#6b5ea8"  # violet: reference lines
GRID = "#e6e2dc"
INK = "#3b3a36"
MUTED = "#8a857c"
PERSON_COLOURS = ("#2f6f9f", "#b0577a", "#5f8f3a", "#8a6d3b", "#5a5a9a", "#3a8a8a")


def _t(s: object) -> str:
    return escape(str(s), quote=True)


def balance_chart(
    periods: list[tuple[str, float | None, int, int]],
    reference: float,
    label_every: int = 1,
    width: int = 760,
) -> Markup:
    """Kind-to-reactive ratio during conflict per period, on a log scale, with the reference ratio drawn in.

    ``periods``: (label, ratio or None when there was no conflict, kind moves, reactive moves)."""
    height, left, right, top, bottom = 260, 46, 16, 18, 46
    inner_w, inner_h = width - left - right, height - top - bottom
    lo, hi = 0.1, 20.0
    ticks = [0.25, 0.5, 1, 2, 5, 10, 20]

    def y(v: float) -> float:
        v = min(max(v, lo), hi)
        return top + inner_h * (1 - (log10(v) - log10(lo)) / (log10(hi) - log10(lo)))

    n = max(1, len(periods))
    step = inner_w / n
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Balance of kind to reactive moves during conflict, per period" '
        f'xmlns="http://www.w3.org/2000/svg">'
    ]
    for t in ticks:
        yy = y(t)
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="{GRID}"/>')
        label = f"{t:g}:1" if t >= 1 else f"1:{1 / t:g}"
        parts.append(
            f'<text x="{left - 6}" y="{yy + 4:.1f}" text-anchor="end" font-size="11" fill="{MUTED}">{label}</text>'
        )
    ry = y(reference)
    parts.append(
        f'<line x1="{left}" x2="{width - right}" y1="{ry:.1f}" y2="{ry:.1f}" stroke="{REFERENCE}" '
        f'stroke-width="2" stroke-dasharray="6 4"/>'
    )
    parts.append(
        f'<text x="{width - right - 4}" y="{ry - 6:.1f}" text-anchor="end" font-size="12" fill="{REFERENCE}">'
        f"{reference:g}:1 reference (Gottman)</text>"
    )
    eq = y(1.0)
    parts.append(f'<line x1="{left}" x2="{width - right}" y1="{eq:.1f}" y2="{eq:.1f}" stroke="{MUTED}"/>')
    points = []
    for i, (label, ratio, kind, reactive) in enumerate(periods):
        cx = left + step * (i + 0.5)
        if i % label_every == 0:
            parts.append(
                f'<text x="{cx:.1f}" y="{height - bottom + 16}" text-anchor="middle" font-size="10" '
                f'fill="{MUTED}">{_t(label)}</text>'
            )
        if ratio is None:
            continue
        cy = y(ratio)
        points.append((cx, cy))
        tip = f"{label}: {kind} kind / {reactive} reactive during conflict ({ratio:.1f}:1)"
        parts.append(
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5" fill="{KIND if ratio >= 1 else REACTIVE}" '
            f'stroke="white" stroke-width="1.5"><title>{_t(tip)}</title></circle>'
        )
    if len(points) > 1:
        path = " ".join(f"{'M' if k == 0 else 'L'}{x:.1f},{yy:.1f}" for k, (x, yy) in enumerate(points))
        parts.insert(
            -len(points), f'<path d="{path}" fill="none" stroke="{KIND}" stroke-width="2" opacity="0.6"/>'
        )
    parts.append(
        f'<text x="{left}" y="{height - 8}" font-size="11" fill="{MUTED}">Periods without a disagreement have no '
        "point. Higher is kinder; the dashed line is the reference.</text>"
    )
    parts.append("</svg>")
    return Markup("".join(parts))


def moves_chart(
    periods: list[tuple[str, int, int]], label_every: int = 1, width: int = 760, height: int = 220
) -> Markup:
    """Kind moves (up) and reactive patterns (down) per period: a mirrored bar chart."""
    left, right, top, bottom = 66, 12, 16, 40
    inner_w, inner_h = width - left - right, height - top - bottom
    peak = max([1] + [max(k, r) for _, k, r in periods])
    mid = top + inner_h / 2
    scale = (inner_h / 2 - 4) / peak
    n = max(1, len(periods))
    step = inner_w / n
    bar = max(2.0, step * 0.7)
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Kind moves and reactive patterns per period" xmlns="http://www.w3.org/2000/svg">',
        f'<line x1="{left}" x2="{width - right}" y1="{mid:.1f}" y2="{mid:.1f}" stroke="{MUTED}"/>',
        f'<text x="{left - 8}" y="{top + 12}" text-anchor="end" font-size="11" fill="{KIND}">kind ↑</text>',
        f'<text x="{left - 8}" y="{top + inner_h - 2}" text-anchor="end" font-size="11" fill="{REACTIVE}">'
        "reactive ↓</text>",
    ]
    for i, (label, kind, reactive) in enumerate(periods):
        x = left + step * i + (step - bar) / 2
        tip = f"{label}: {kind} kind moves, {reactive} reactive patterns"
        if kind:
            h = kind * scale
            parts.append(
                f'<rect x="{x:.1f}" y="{mid - h:.1f}" width="{bar:.1f}" height="{h:.1f}" rx="2" fill="{KIND}">'
                f"<title>{_t(tip)}</title></rect>"
            )
        if reactive:
            h = reactive * scale
            parts.append(
                f'<rect x="{x:.1f}" y="{mid:.1f}" width="{bar:.1f}" height="{h:.1f}" rx="2" fill="{REACTIVE}">'
                f"<title>{_t(tip)}</title></rect>"
            )
        if i % label_every == 0:
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{height - bottom + 16}" text-anchor="middle" font-size="10" '
                f'fill="{MUTED}">{_t(label)}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def hbars(rows: list[tuple[str, float, str]], colour: str, unit: str = "", width: int = 340) -> Markup:
    """Horizontal bars: (label, value, tooltip)."""
    if not rows:
        return Markup("")
    row_h, label_w = 24, 130
    height = row_h * len(rows) + 4
    peak = max(v for _, v, _ in rows) or 1
    parts = [
        f'<svg class="bars" viewBox="0 0 {width} {height}" role="img" xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, (label, value, tip) in enumerate(rows):
        y0 = i * row_h + 2
        w = (width - label_w - 92) * value / peak
        parts.append(
            f'<text x="{label_w - 8}" y="{y0 + 15}" text-anchor="end" font-size="12" fill="{INK}">{_t(label)}</text>'
        )
        parts.append(
            f'<rect x="{label_w}" y="{y0 + 3}" width="{max(w, 1.5):.1f}" height="16" rx="3" fill="{colour}">'
            f"<title>{_t(tip)}</title></rect>"
        )
        parts.append(
            f'<text x="{label_w + w + 6:.1f}" y="{y0 + 15}" font-size="11" fill="{MUTED}">{_t(f"{value:g}{unit}")}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def repair_bar(calmed: int, continued: int, no_reply: int, width: int = 520) -> Markup:
    total = calmed + continued + no_reply
    if not total:
        return Markup("")
    parts = [f'<svg class="bars" viewBox="0 0 {width} 30" role="img" xmlns="http://www.w3.org/2000/svg">']
    x = 0.0
    for value, colour, name in (
        (calmed, KIND, "calmer afterwards"),
        (continued, REACTIVE, "tension went on"),
        (no_reply, "#c9c3b8", "no reply in the conversation"),
    ):
        if not value:
            continue
        w = width * value / total
        parts.append(
            f'<rect x="{x:.1f}" y="4" width="{w:.1f}" height="22" fill="{colour}">'
            f"<title>{_t(f'{value} {name}')}</title></rect>"
        )
        x += w
    parts.append("</svg>")
    return Markup("".join(parts))
