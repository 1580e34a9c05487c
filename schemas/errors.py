"""One error hierarchy. Each error says, in words a chamber employee understands, what was expected and
what was found, and whether trying again could help (`transient`)."""


class SvodkaError(Exception):
    transient = False


class DocumentError(SvodkaError):
    """A document could not be read into a plan. The message is shown to people as the `reason`."""

    def __init__(self, message: str, *, file: str | None = None, page: int | None = None,
                 table: int | None = None, row: int | None = None):
        super().__init__(message)
        self.file, self.page, self.table, self.row = file, page, table, row

    @property
    def reason(self) -> str:
        where = ", ".join(f"{k} {v}" for k, v in
                          (("стр.", self.page), ("таблица", self.table), ("строка", self.row)) if v)
        return f"{self} ({where})" if where else str(self)


class EmptyFileError(DocumentError):
    pass


class UnreadableFileError(DocumentError):
    """Corrupt, truncated or not what its name says."""


class EncryptedFileError(DocumentError):
    pass


class ScannedFileError(DocumentError):
    """A PDF with no text layer (or only glyph codes): it needs OCR, which Svodka does not do."""


class UnsupportedFormatError(DocumentError):
    pass


class TooLargeError(DocumentError):
    pass


class NoPlanTableError(DocumentError):
    """Readable, but there is no table of activities in it (a letter, a press release)."""
