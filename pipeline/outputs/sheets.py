"""A sheet of the workbook as data: its columns and the items that become its rows. The writer
(`xlsx_writer.py`) turns any such spec into a sheet — header, widths, wrapped text with row heights that
fit it, real dates, links, colour fills, filter, frozen header and print setup — so a new sheet is a new
spec and nothing else.

A column reads its value off an item (an activity, a document record, a coverage row …); `words` turns a
code into its label (once per distinct code, not once per row); `link` names a row of another sheet to
jump to, `fill` a colour for the cell (one of FILLS)."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal["text", "number", "date"]
# Colours a cell can be filled with; the writer's styles know them (xlsx_package.FILL_COLOURS).
FILLS = ("gap", "plan", "quarantined", "nothing")


@dataclass(frozen=True)
class Place:
    """A row of a sheet, for a link: the sheet's name and the index of the item in its `items`."""

    sheet: str
    index: int


@dataclass(frozen=True)
class Column:
    header: str
    width: float  # in Excel's units: characters of the default font
    value: Callable[[Any], Any] | str  # a function of the item, or the name of its attribute (read faster)
    kind: Kind = "text"
    link: Callable[[Any], Place | None] | None = None
    fill: Callable[[Any], str | None] | None = None
    words: Callable[[Any], str | None] | None = None  # a code's label, applied once per distinct value


@dataclass
class Sheet:
    name: str
    columns: list[Column]
    items: Sequence
    printed_columns: int | None = None  # the leading columns that go on paper; all of them when None

    def __post_init__(self):
        if self.printed_columns is None:
            self.printed_columns = len(self.columns)
