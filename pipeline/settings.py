"""All knobs in one validated model. Changing PARSER_REVISION makes the next night re-parse everything."""

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

PARSER_REVISION = "4"  # 3: Excel, web pages, Word packages, archives, scans and photos read; 4: non-plans,
# header rows and dense ruled PDFs refused — files read before are read again


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("svodka")
    except PackageNotFoundError:
        return "0"


PIPELINE_VERSION = f"{package_version()}+parser.{PARSER_REVISION}"


class Settings(BaseModel):
    out_dir: Path = Path("data")
    max_file_mb: float = Field(50, description="larger files are quarantined unread")
    max_pages: int = Field(300, description="PDFs with more pages are quarantined")
    workers: int = Field(2, ge=1, description="parallel document parsers (processes)")
    ocr_review_confidence: float = Field(
        80, ge=0, le=100, description="a cell recognised from a scan with less confidence (0–100) goes to review")
    task_runner: Literal["threads", "processes", "dask"] = "processes"
    dask_address: str | None = Field(None, description="a Dask scheduler; None starts a local cluster")
    reprocess: Literal["none", "failed", "all"] = "none"
    document_timeout_seconds: float = Field(120, gt=0, description="a document parsed longer is stopped and "
                                            "quarantined (enforced by the parser processes)")
    upload_settle_seconds: float = Field(
        default_factory=lambda: float(os.environ.get("SVODKA_UPLOAD_SETTLE_SECONDS", 5)), ge=0,
        description="a file whose size or time changes within this many seconds is still being uploaded; "
                    "the environment variable SVODKA_UPLOAD_SETTLE_SECONDS sets the default")
    corrections: list[Path] = Field(default_factory=list, description="correction files besides DIR/corrections/")
    pipeline_version: str = PIPELINE_VERSION

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)
