"""Rich rendering of an Analysis for the terminal (used by analyze, the interactive session and the coach)."""

from __future__ import annotations

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from heartwork.model import Analysis
from heartwork.taxonomy import TITLES, polarity

STYLE = {
    "reactive": "bold black on #f4c7a1",
    "compassionate": "bold black on #bfe3c0",
    "safety": "bold white on #b0413e",
}
TAG = {"reactive": "reactive", "compassionate": "compassionate", "safety": "safety"}


def highlighted(text: str, analysis: Analysis) -> Text:
    out = Text(text)
    for f in analysis.patterns:
        out.stylize(STYLE[polarity(f.label)], f.span.start, f.span.end)
    return out


def render(analysis: Analysis) -> Group:
    parts: list[object] = []
    if analysis.safety.risk:
        parts.append(
            Panel(
                Text.from_markup(
                    "[bold]Your safety matters most.[/bold] Some words here may point to a risk to someone's safety. "
                    "Coaching is paused. Run [bold]heartwork safety[/bold] for people who can help, any time."
                ),
                border_style="red",
                title="Safety",
            )
        )
    parts.append(Panel(highlighted(analysis.text, analysis), title="Message", border_style="grey50"))
    if analysis.patterns:
        table = Table(show_header=True, header_style="bold", expand=True, box=None, padding=(0, 1))
        table.add_column("Pattern", no_wrap=True)
        table.add_column("Words", ratio=1)
        table.add_column("What it means", ratio=3)
        seen = set()
        for f in analysis.patterns:
            if (f.label, f.span.start) in seen:
                continue
            seen.add((f.label, f.span.start))
            kind = polarity(f.label)
            table.add_row(
                Text(TITLES[f.label], style=STYLE[kind]),
                Text(f"“{f.evidence}”", style="italic"),
                f.explanation,
            )
        parts.append(table)
    else:
        parts.append(
            Text("No reactive patterns or compassionate moves stood out in this message.", style="dim")
        )
    if analysis.feelings or analysis.needs:
        line = Text()
        if analysis.feelings:
            line.append("Feelings that may be beneath it: ", style="bold")
            line.append(", ".join(f.name for f in analysis.feelings[:4]))
        if analysis.needs:
            line.append("\nNeeds that may be beneath it: ", style="bold")
            line.append(", ".join(n.name for n in analysis.needs[:4]))
        parts.append(line)
    for note in analysis.notes:
        parts.append(Text(note, style="yellow"))
    return Group(*parts)  # type: ignore[arg-type]
