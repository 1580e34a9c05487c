"""The report's first section: who has sent a plan for an election. A grid map of Russia's subjects (a tile
cartogram: one square per subject at its approximate place, pipeline/outputs/region_tiles.csv) coloured by
status, and beside it the same subjects as lists — with a plan, sent but unreadable (and why), nothing.
One panel per election year, the newest shown; the page's script switches years and shows a square's
details when it is clicked or tapped (its <title> shows them on hover)."""

from html import escape

from pipeline.outputs.coverage import (
    CoverageRow,
    coverage_rows,
    coverage_years,
    status_counts,
    tiles,
    unplaced,
)
from pipeline.outputs.labels import COVERAGE_LABELS, STATUS_LABELS, region_of
from schemas import DocumentRecord

TILE, GAP = 36, 3


def coverage_html(records: list[DocumentRecord]) -> str:
    rows = coverage_rows(records)
    years = coverage_years(records)
    if not years:
        return "<p class=\"none\">В наборе нет ни одного плана с известными регионом и годом.</p>" + \
            unplaced_html(records)
    switch = "".join(f"<button type=\"button\" class=\"year{' chosen' if i == 0 else ''}\" data-year=\"{y}\" "
                     f"aria-pressed=\"{'true' if i == 0 else 'false'}\">{y}</button>" for i, y in enumerate(years))
    panels = "".join(year_panel(y, [r for r in rows if r.year == y], hidden=i > 0) for i, y in enumerate(years))
    return (f"<div class=\"years\" role=\"group\" aria-label=\"Год выборов\">Выборы: {switch}</div>{panels}"
            + unplaced_html(records))


def year_panel(year: int, rows: list[CoverageRow], hidden: bool) -> str:
    counts = status_counts(rows)
    legend = "".join(f"<span class=\"key {status}\">{escape(label)}: {counts[status]}</span>"
                     for status, label in COVERAGE_LABELS.items())
    return (f"<div class=\"coverage-year\" data-year=\"{year}\"{' hidden' if hidden else ''}>"
            f"<p class=\"coverage-summary\">Выборы {year} года: из {len(rows)} субъектов план прислали "
            f"{counts['plan']}, прислали, но файл не прочитан — {counts['quarantined']}, ничего не прислали — "
            f"{counts['nothing']}.</p><div class=\"coverage\"><div class=\"map-box\">"
            f"<div class=\"legend coverage-legend\">{legend}</div>{map_svg(year, rows)}"
            f"<div class=\"tile-details details\" aria-live=\"polite\" hidden></div></div>"
            f"<div class=\"coverage-lists\">{lists_html(rows)}</div></div></div>")


def map_svg(year: int, rows: list[CoverageRow]) -> str:
    places = tiles()
    width = (max(t.column for t in places.values()) + 1) * (TILE + GAP)
    height = (max(t.row for t in places.values()) + 1) * (TILE + GAP)
    squares = "".join(tile_svg(r, places[r.number]) for r in rows if r.number in places)
    return (f"<svg class=\"tile-map\" viewBox=\"0 0 {width} {height}\" role=\"img\" "
            f"aria-label=\"Карта субъектов: кто прислал план на выборы {year} года\">{squares}</svg>")


def tile_svg(row: CoverageRow, tile) -> str:
    x, y = tile.column * (TILE + GAP), tile.row * (TILE + GAP)
    about = tile_words(row)
    return (f"<g class=\"tile {row.status}\" tabindex=\"0\" role=\"button\" data-number=\"{row.number}\" "
            f"data-about=\"{escape(about)}\"><title>{escape(about)}</title>"
            f"<rect x=\"{x}\" y=\"{y}\" width=\"{TILE}\" height=\"{TILE}\" rx=\"3\"/>"
            f"<text x=\"{x + TILE / 2}\" y=\"{y + TILE / 2 + 4}\">{escape(tile.label)}</text></g>")


def tile_words(row: CoverageRow) -> str:
    parts = [f"{row.name} ({row.number}): {COVERAGE_LABELS[row.status]}"]
    if row.files:
        parts.append(f"файл: {row.files}")
    if row.detail:
        parts.append(row.detail)
    return " — ".join(parts)


def lists_html(rows: list[CoverageRow]) -> str:
    blocks = []
    for status, label in COVERAGE_LABELS.items():
        chosen = [r for r in rows if r.status == status]
        items = "".join(f"<li>{subject_html(r)}</li>" for r in chosen) or "<li class=\"hint\">нет</li>"
        opened = " open" if status != "nothing" or len(chosen) <= 30 else ""
        blocks.append(f"<details class=\"list {status}\"{opened}><summary>{escape(label.capitalize())}: "
                      f"{len(chosen)}</summary><ul>{items}</ul></details>")
    return "".join(blocks)


def subject_html(row: CoverageRow) -> str:
    name = f"<b>{escape(row.name)}</b>" if row.status != "nothing" else escape(row.name)
    extra = f" — {escape(row.files)}" if row.files else ""
    detail = f"<br><span class=\"hint\">{escape(row.detail)}</span>" if row.detail else ""
    return f"{name}{extra}{detail}"


def unplaced_html(records: list[DocumentRecord]) -> str:
    lost = unplaced(records)
    if not lost:
        return ""
    items = "".join(f"<li><b>{escape(r.source_file)}</b> — {escape(STATUS_LABELS.get(r.status, r.status))}, "
                    f"{escape(region_of(r))}, год {r.plan_year or 'не определён'}"
                    f"{': ' + escape(r.reason) if r.reason else ''}</li>" for r in lost)
    return (f"<details class=\"unplaced\" open><summary>Не попали на карту: {len(lost)} (регион или год не "
            f"определён)</summary><ul>{items}</ul></details>")
