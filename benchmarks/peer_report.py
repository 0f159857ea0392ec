"""The peers benchmark's rows, printed as lines, ratios against ours, and the README's markdown table."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Result", "line", "markdown", "ratios"]


@dataclass(frozen=True)
class Result:
    """One row of the table."""

    tool: str
    mode: str
    n: int
    build_s: float
    html_bytes: int
    bytes_per_point: float | None
    peak_mb: float
    drawn_s: float | None
    offline: str


def _seconds(value: float | None) -> str:
    return "not drawn" if value is None else f"{value:.2f} s"


def line(row: Result) -> str:
    per_point = "" if row.bytes_per_point is None else f"{row.bytes_per_point:.1f} B/pt"
    return (
        f"  {row.tool:<26} {row.mode:<10} build {row.build_s:7.2f} s  HTML {row.html_bytes / 1e6:7.1f} MB"
        f" {per_point:>11}  peak {row.peak_mb:7.0f} MB  drawn {_seconds(row.drawn_s):>10}  offline: {row.offline}"
    )


def _ratio(theirs: float | None, ours: float | None) -> str:
    if theirs is None or ours is None:
        return "—" if ours is None else "> timeout"
    return f"{theirs / ours:.1f}×" if ours > 0 else "—"


def ratios(rows: list[Result], against: str) -> list[str]:
    """Each row's build, HTML, peak and drawn over `against`'s in the same size and mode."""
    ours = {(r.n, r.mode): r for r in rows if r.tool == against}
    lines = [f"ratios against {against} (> 1: {against} is ahead)"]
    for row in rows:
        base = ours.get((row.n, row.mode))
        if base is None or row.tool == against:
            continue
        figures = [
            _ratio(row.build_s, base.build_s),
            _ratio(row.html_bytes, base.html_bytes),
            _ratio(row.peak_mb, base.peak_mb),
            _ratio(row.drawn_s, base.drawn_s),
        ]
        lines.append(
            f"  {row.n:>9,} {row.tool:<26} {row.mode:<10} build {figures[0]:>7} HTML {figures[1]:>7}"
            f" peak {figures[2]:>7} drawn {figures[3]:>9}"
        )
    return lines


def markdown(rows: list[Result]) -> str:
    """The table for benchmarks/README.md."""
    lines = ["| N | tool | mode | build | HTML | B/point | peak memory | drawn | offline |", "|---" * 9 + "|"]
    for r in rows:
        per_point = "" if r.bytes_per_point is None else f"{max(r.bytes_per_point, 0):.1f}"
        lines.append(
            f"| {r.n:,} | {r.tool} | {r.mode} | {r.build_s:.2f} s | {r.html_bytes / 1e6:.1f} MB | {per_point} "
            f"| {r.peak_mb:,.0f} MB | {_seconds(r.drawn_s)} | {r.offline} |"
        )
    return "\n".join(lines)
