"""A page limit that counts work, not pages. pdfplumber finds ruled tables from the crossings of a page's
lines, and the cost of turning crossings into cells grows faster than their number: a 50 KB PDF of 299
pages, each one ruled grid of 100×100 lines (10,201 crossings), costs ~11 s a page — an hour — while it
stays under the 300-page limit. Real plans have under 400 crossings a page (the samples ≤ 112; the 115
real non-plans of the trial corpus ≤ 367).

So the crossings are counted first (cheap), and a document is refused before the costly step when one
page or all of them together are over the limits below.
"""

from pdfplumber.table import (
    Table,
    TableFinder,
    TableSettings,
    cells_to_tables,
    edges_to_intersections,
    intersections_to_cells,
)

from schemas import TooLargeError

MAX_PAGE_CROSSINGS = 2_500  # ≈ a 50×50 grid, about a second of pdfplumber on one page here
MAX_DOCUMENT_CROSSINGS = 50_000  # about a minute of table finding in all


class WorkCounter:
    def __init__(self):
        self.crossings = 0
        self.pages = 0


class CountedTableFinder(TableFinder):
    """pdfplumber 0.11's TableFinder.__init__, stopping between the crossings and the cells."""

    def __init__(self, page, settings: dict, work: WorkCounter, page_number: int):
        self.page = page
        self.settings = TableSettings.resolve(settings)
        self.edges = self.get_edges()
        self.intersections = edges_to_intersections(
            self.edges, self.settings.intersection_x_tolerance, self.settings.intersection_y_tolerance)
        charge(work, len(self.intersections), page_number)
        self.cells = intersections_to_cells(self.intersections)
        self.tables = [Table(self.page, group) for group in cells_to_tables(self.cells)]


def charge(work: WorkCounter, crossings: int, page_number: int) -> None:
    work.crossings += crossings
    work.pages += 1
    if crossings > MAX_PAGE_CROSSINGS:
        raise TooLargeError("pdf.dense_page", page=page_number, crossings=crossings, limit=MAX_PAGE_CROSSINGS)
    if work.crossings > MAX_DOCUMENT_CROSSINGS:
        raise TooLargeError("pdf.too_much_work", pages=work.pages, crossings=work.crossings,
                            limit=MAX_DOCUMENT_CROSSINGS)


def find_tables_counted(page, settings: dict, work: WorkCounter, page_number: int) -> list[Table]:
    return CountedTableFinder(page, settings, work, page_number).tables
