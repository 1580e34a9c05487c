"""Pydantic models passed between Svodka's stages, and its error types.

Import direction: flows → pipeline → extractors → schemas. Nothing here imports our other folders.
"""

from schemas.activity import Activity
from schemas.content import Cell, DocumentContent, Paragraph, RawRow, RawTable
from schemas.deadline import Deadline, DeadlineKind, PlanContext, Precision, Recurrence
from schemas.document import DocumentRecord, DocumentStatus, ParsedDocument, SkippedTable, SourceFile
from schemas.errors import (
    DocumentError,
    EmptyFileError,
    EncryptedFileError,
    NoPlanTableError,
    ScannedFileError,
    SvodkaError,
    TooLargeError,
    UnreadableFileError,
    UnsupportedFormatError,
)
from schemas.messages import Message, message
from schemas.people import Organisation, ResponsibleParty
from schemas.plan import PlanFacts, PlanRow, Region
from schemas.review import Change, Correction, CorrectionResult, StoredCorrection

__all__ = [
    "Activity",
    "Cell",
    "Change",
    "Correction",
    "CorrectionResult",
    "Deadline",
    "DeadlineKind",
    "DocumentContent",
    "DocumentError",
    "DocumentRecord",
    "DocumentStatus",
    "EmptyFileError",
    "EncryptedFileError",
    "Message",
    "NoPlanTableError",
    "Organisation",
    "Paragraph",
    "ParsedDocument",
    "PlanContext",
    "PlanFacts",
    "PlanRow",
    "Precision",
    "RawRow",
    "RawTable",
    "Recurrence",
    "Region",
    "ResponsibleParty",
    "ScannedFileError",
    "SkippedTable",
    "SourceFile",
    "StoredCorrection",
    "SvodkaError",
    "TooLargeError",
    "UnreadableFileError",
    "UnsupportedFormatError",
    "message",
]
