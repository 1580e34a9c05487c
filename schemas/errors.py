"""One error hierarchy. A document error carries a message of the catalogue (`schemas.messages`): what
was expected, what was found, in words a chamber employee understands."""

from schemas.messages import Message, message


class SvodkaError(Exception):
    pass


class DocumentError(SvodkaError):
    """A document could not be read into a plan. Its message becomes the record's reason."""

    def __init__(self, code: str, **params):
        self.message: Message = message(code, **params)
        super().__init__(self.message.text)


class EmptyFileError(DocumentError):
    pass


class UnreadableFileError(DocumentError):
    """Corrupt, truncated or not what its name says."""


class EncryptedFileError(DocumentError):
    pass


class ScannedFileError(DocumentError):
    """A PDF with no text layer (or only glyph codes)."""


class UnsupportedFormatError(DocumentError):
    pass


class TooLargeError(DocumentError):
    pass


class NoPlanTableError(DocumentError):
    """Readable, but there is no table of activities in it (a letter, a press release)."""
