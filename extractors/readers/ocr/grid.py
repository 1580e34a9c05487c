"""Ruling lines of the page to table grids with merged cells.

Long thin runs of ink are ruling lines (no letter is 10 mm wide or 5 mm tall at text sizes). Lines that
hang together are one table. Their positions give the grid's row and column boundaries; two neighbouring
grid slots are one merged cell where the boundary between them is not ruled. This is the approach of
dedoc and of most table OCR (pdfplumber's `edges → intersections → cells` on pixels).
"""

from dataclasses import dataclass

import cv2
import numpy as np

from extractors.readers.ocr.model import BBox

# Sizes in pixels of a page normalised to 300 dpi (images.PAGE_LONG_SIDE_PX).
H_LINE_MIN_PX = 120  # 10 mm: a horizontal run this long is a rule, not a letter or a word's baseline
V_LINE_MIN_PX = 60  # 5 mm: taller than any glyph at text sizes, shorter than a one-line row
LINE_GAP_BRIDGE_PX = 25  # gaps a noisy scan or JPEG leaves in a rule
LINE_MERGE_PX = 15  # rules closer than this are one boundary (double or thick rules)
END_TOLERANCE_PX = 20  # a grid rule ends on a crossing rule, give or take this
BOUNDARY_RULED = 0.55  # share of a slot's side that must be ruled for the neighbours to be separate cells
MIN_TABLE_PX = (200, 100)  # width, height: smaller line clusters are boxes or underlines
LINE_ERASE_PX = 2  # how far around a rule the OCR copy is whitened


@dataclass
class GridCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    bbox: BBox


@dataclass
class Grid:
    cells: list[GridCell]
    row_y: list[int]  # boundaries, top to bottom
    col_x: list[int]
    bbox: BBox

    @property
    def n_rows(self) -> int:
        return len(self.row_y) - 1

    @property
    def n_cols(self) -> int:
        return len(self.col_x) - 1


@dataclass
class Rules:
    horizontal: np.ndarray  # masks, ink = 255
    vertical: np.ndarray

    def both(self) -> np.ndarray:
        return cv2.bitwise_or(self.horizontal, self.vertical)


def ink_to_rules(ink: np.ndarray) -> Rules:
    horizontal = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (H_LINE_MIN_PX, 1)))
    horizontal = cv2.morphologyEx(horizontal, cv2.MORPH_CLOSE,
                                  cv2.getStructuringElement(cv2.MORPH_RECT, (LINE_GAP_BRIDGE_PX, 1)))
    vertical = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, V_LINE_MIN_PX)))
    vertical = cv2.morphologyEx(vertical, cv2.MORPH_CLOSE,
                                cv2.getStructuringElement(cv2.MORPH_RECT, (1, LINE_GAP_BRIDGE_PX)))
    return Rules(horizontal, vertical)


def rules_to_grids(rules: Rules) -> list[Grid]:
    """One grid per cluster of rules that crosses itself; top to bottom."""
    joined = cv2.dilate(rules.both(), np.ones((7, 7), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    grids = []
    for label in range(1, count):
        x, y, w, h = stats[label, :4]
        if w < MIN_TABLE_PX[0] or h < MIN_TABLE_PX[1]:
            continue
        grid = region_to_grid(rules, (x, y, x + w, y + h))
        if grid is not None:
            grids.append(grid)
    return sorted(grids, key=lambda g: g.bbox[1])


def region_to_grid(rules: Rules, region: BBox) -> Grid | None:
    x0, y0, x1, y1 = region
    h_segments = segments(rules.horizontal[y0:y1, x0:x1], axis=0)
    v_segments = segments(rules.vertical[y0:y1, x0:x1], axis=1)
    col_x = cluster([s[0] for s in v_segments], [s[2] - s[1] for s in v_segments])
    h_segments = [s for s in h_segments if ends_on(s, col_x)] or h_segments  # drop underlines
    row_y = cluster([s[0] for s in h_segments], [s[2] - s[1] for s in h_segments])
    v_segments = [s for s in v_segments if ends_on(s, row_y)] or v_segments  # drop tall strokes
    col_x = cluster([s[0] for s in v_segments], [s[2] - s[1] for s in v_segments])
    col_x = add_open_sides(col_x, h_segments)
    if len(row_y) < 2 or len(col_x) < 2:
        return None
    local = Rules(rules.horizontal[y0:y1, x0:x1], rules.vertical[y0:y1, x0:x1])
    cells = slots_to_cells(local, row_y, col_x)
    shift = lambda v, o: int(v + o)  # noqa: E731
    for cell in cells:
        a, b, c, d = cell.bbox
        cell.bbox = (shift(a, x0), shift(b, y0), shift(c, x0), shift(d, y0))
    return Grid(cells, [shift(v, y0) for v in row_y], [shift(v, x0) for v in col_x],
                (x0 + col_x[0], y0 + row_y[0], x0 + col_x[-1], y0 + row_y[-1]))


def segments(mask: np.ndarray, axis: int) -> list[tuple[float, int, int]]:
    """(position across, start along, end along) of each rule; axis 0 = horizontal rules."""
    count, _, stats, centroids = cv2.connectedComponentsWithStats(mask, connectivity=8)
    found = []
    for label in range(1, count):
        x, y, w, h = stats[label, :4]
        if axis == 0:
            found.append((float(centroids[label][1]), int(x), int(x + w)))
        else:
            found.append((float(centroids[label][0]), int(y), int(y + h)))
    return found


def cluster(positions: list[float], weights: list[int]) -> list[int]:
    """Positions closer than LINE_MERGE_PX become one, at their length-weighted mean."""
    order = np.argsort(positions)
    groups: list[list[int]] = []
    for i in order:
        if groups and positions[i] - positions[groups[-1][-1]] <= LINE_MERGE_PX:
            groups[-1].append(i)
        else:
            groups.append([i])
    return [int(round(np.average([positions[i] for i in g], weights=[max(weights[i], 1) for i in g])))
            for g in groups]


def ends_on(segment: tuple[float, int, int], crossings: list[int]) -> bool:
    _, start, end = segment
    near = lambda v: any(abs(v - c) <= END_TOLERANCE_PX for c in crossings)  # noqa: E731
    return near(start) and near(end)


def add_open_sides(col_x: list[int], h_segments: list[tuple[float, int, int]]) -> list[int]:
    """A table drawn without outer left/right rules still ends where its horizontal rules end."""
    if not h_segments:
        return col_x
    left, right = min(s[1] for s in h_segments), max(s[2] for s in h_segments)
    if not col_x or col_x[0] - left > END_TOLERANCE_PX:
        col_x = [left] + col_x
    if right - col_x[-1] > END_TOLERANCE_PX:
        col_x = col_x + [right]
    return col_x


def slots_to_cells(rules: Rules, row_y: list[int], col_x: list[int]) -> list[GridCell]:
    n_rows, n_cols = len(row_y) - 1, len(col_x) - 1
    parent = list(range(n_rows * n_cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(n_rows):
        for c in range(n_cols):
            if c + 1 < n_cols and not ruled(rules.vertical, col_x[c + 1], row_y[r], row_y[r + 1], across=1):
                parent[find(r * n_cols + c + 1)] = find(r * n_cols + c)
            if r + 1 < n_rows and not ruled(rules.horizontal, row_y[r + 1], col_x[c], col_x[c + 1], across=0):
                parent[find((r + 1) * n_cols + c)] = find(r * n_cols + c)
    groups: dict[int, list[tuple[int, int]]] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            groups.setdefault(find(r * n_cols + c), []).append((r, c))
    cells = []
    for slots in groups.values():
        r0, r1 = min(s[0] for s in slots), max(s[0] for s in slots)
        c0, c1 = min(s[1] for s in slots), max(s[1] for s in slots)
        cells.append(GridCell(r0, c0, r1 - r0 + 1, c1 - c0 + 1,
                              (col_x[c0], row_y[r0], col_x[c1 + 1], row_y[r1 + 1])))
    return sorted(cells, key=lambda cell: (cell.row, cell.col))


def ruled(mask: np.ndarray, at: int, start: int, end: int, across: int) -> bool:
    """Is the boundary at `at` (x for across=1, y for across=0) ruled over most of start..end?"""
    margin = min(LINE_MERGE_PX, (end - start) // 4)
    start, end = start + margin, end - margin
    if end <= start:
        return True
    lo, hi = max(at - LINE_MERGE_PX // 2 - 2, 0), at + LINE_MERGE_PX // 2 + 3
    band = mask[start:end, lo:hi] if across == 1 else mask[lo:hi, start:end].T
    return bool(band.any(axis=1).mean() >= BOUNDARY_RULED)
