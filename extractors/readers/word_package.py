"""Word packages python-docx refuses although their text is ordinary WordprocessingML: macro-enabled
documents (.docm), templates (.dotx, .dotm) and Strict OOXML («Строгий Open XML»).

python-docx opens only the main part content type of a .docx, and Strict uses purl.oclc.org namespaces
and relationship types instead of the Transitional ones it knows (see shared PITFALLS). So the package
is copied into a temporary DOCX with the main part's content type rewritten, the Strict names mapped to
their Transitional twins, and the VBA project left behind: macros are never run, parsed or kept, and the
document's notes say they were there. An ordinary DOCX goes straight to the DOCX reader.
"""

import tempfile
import zipfile
from pathlib import Path

from lxml import etree

from extractors.readers.docx import read_docx
from extractors.readers.docx_package import check_docx_package
from schemas import DocumentContent, message

DOCUMENT_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
OTHER_MAINS = [
    b"application/vnd.ms-word.document.macroEnabled.main+xml",  # .docm
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",  # .dotx
    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",  # .dotm
]
STRICT = b"http://purl.oclc.org/ooxml/"
# Strict → Transitional, most specific first (a plain prefix rule covers the rest of each family).
STRICT_TO_TRANSITIONAL = [
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"),
    (b"http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
     b"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"),
    (b"http://purl.oclc.org/ooxml/officeDocument/", b"http://schemas.openxmlformats.org/officeDocument/2006/"),
    (b"http://purl.oclc.org/ooxml/wordprocessingml/", b"http://schemas.openxmlformats.org/wordprocessingml/2006/"),
    (b"http://purl.oclc.org/ooxml/spreadsheetml/", b"http://schemas.openxmlformats.org/spreadsheetml/2006/"),
    (b"http://purl.oclc.org/ooxml/drawingml/", b"http://schemas.openxmlformats.org/drawingml/2006/"),
    (b"http://purl.oclc.org/ooxml/schemaLibrary/", b"http://schemas.openxmlformats.org/schemaLibrary/2006/"),
]
VBA_PARTS = ("vbaProject.bin", "vbaData.xml", "vbaProject.bin.rels")
VBA_RELATIONSHIP = "relationships/vbaProject"
RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


def read_word(path: Path) -> DocumentContent:
    check_docx_package(path)
    with zipfile.ZipFile(path) as package:
        types = read_part(package, "[Content_Types].xml")
        macros = any(name.endswith(VBA_PARTS[0]) for name in package.namelist())
        strict = STRICT in read_part(package, "_rels/.rels")
        if not (macros or strict or any(main in types for main in OTHER_MAINS)):
            return read_docx(path)
        with tempfile.TemporaryDirectory(prefix="svodka-word-") as folder:
            plain = Path(folder) / "document.docx"
            package_to_plain_docx(package, plain, strict)
            content = read_docx(plain)
    if macros:
        content.notes.insert(0, message("note.macros_unread"))
    return content


def read_part(package: zipfile.ZipFile, name: str) -> bytes:
    try:
        return package.read(name)
    except KeyError:
        return b""


def package_to_plain_docx(package: zipfile.ZipFile, target: Path, strict: bool) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as plain:
        for info in package.infolist():
            if info.filename.endswith(VBA_PARTS):
                continue
            data = package.read(info)
            if info.filename.endswith((".xml", ".rels")):
                data = part_to_transitional(info.filename, data, strict)
            plain.writestr(info.filename, data)


def part_to_transitional(name: str, data: bytes, strict: bool) -> bytes:
    if name == "[Content_Types].xml":
        for main in OTHER_MAINS:
            data = data.replace(main, DOCUMENT_MAIN)
    if strict:
        for old, new in STRICT_TO_TRANSITIONAL:
            data = data.replace(old, new)
    if name.endswith(".rels") and VBA_RELATIONSHIP.encode() in data:
        data = without_vba_relationships(data)
    return data


def without_vba_relationships(data: bytes) -> bytes:
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    for relationship in root.findall(f"{{{RELATIONSHIPS_NS}}}Relationship"):
        if (relationship.get("Type") or "").endswith(VBA_RELATIONSHIP):
            root.remove(relationship)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
