"""Hostile workbooks built byte by byte: zip bombs (honest or lying about their sizes), XML entity
bombs and external entities inside XLSX and ODS, zips of thousands of parts, path traversal."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

MAIN = "http://schemas.openxmlformats.org"
ODF = "urn:oasis:names:tc:opendocument:xmlns"
GIB = 1024**3
SHEET_HEAD = (
    f'<?xml version="1.0"?><worksheet xmlns="{MAIN}/spreadsheetml/2006/main"><sheetData>'
    '<row><c t="inlineStr"><is><t>ref</t></is></c></row>'
).encode()
SHEET_TAIL = b"</sheetData></worksheet>"
ODS_CELL = '<table:table-cell office:value-type="string">'
ODS_TAIL = b"</table:table></office:spreadsheet></office:body></office:document-content>"


@dataclass(frozen=True)
class Part:
    name: str
    packed: bytes  # raw deflate stream
    size: int  # true unpacked size
    crc: int
    declared: int | None = None  # unpacked size the directory claims, if it lies

    @staticmethod
    def of(name: str, data: bytes) -> Part:
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        packed = packer.compress(data) + packer.flush()
        return Part(name, packed, len(data), zlib.crc32(data))


def repeated(name: str, head: bytes, filler: bytes, times: int, tail: bytes) -> Part:
    """A part of head + filler * times + tail, deflated once per distinct piece: each piece is
    packed from a fresh state and byte-aligned, so copies of it chain into one valid stream."""
    pieces = [_piece(head), _piece(filler) * times, _piece(tail, final=True)]
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(filler, crc)
    size = len(head) + len(filler) * times + len(tail)
    return Part(name, b"".join(pieces), size, zlib.crc32(tail, crc))


def _piece(data: bytes, final: bool = False) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    end = zlib.Z_FINISH if final else zlib.Z_FULL_FLUSH
    return packer.compress(data) + packer.flush(end)


def zip_of(parts: list[Part]) -> bytes:
    """A zip archive holding `parts` as deflated entries, sizes as each part declares them."""
    body, directory = b"", b""
    for part in parts:
        name = part.name.encode()
        size = part.size if part.declared is None else part.declared
        sizes = (part.crc, len(part.packed), size)
        local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, *sizes, len(name), 0)
        directory += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, *sizes, len(name),
            0, 0, 0, 0, 0, len(body),
        ) + name  # fmt: skip
        body += local + name + part.packed
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(directory), len(body), 0
    )
    return body + directory + end


def xlsx_parts(sheet: Part) -> list[Part]:
    rel = f"{MAIN}/officeDocument/2006/relationships"
    files = {
        "[Content_Types].xml": f'<Types xmlns="{MAIN}/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
        'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
        'worksheet+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{MAIN}/package/2006/relationships"><Relationship '
        f'Id="r1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{MAIN}/spreadsheetml/2006/main" xmlns:r="{rel}">'
        '<sheets><sheet name="S" sheetId="1" r:id="r1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{MAIN}/package/2006/relationships">'
        f'<Relationship Id="r1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
        "</Relationships>",
    }
    return [*(Part.of(name, text.encode()) for name, text in files.items()), sheet]


def ods_parts(content: Part) -> list[Part]:
    manifest = (
        f'<manifest:manifest xmlns:manifest="{ODF}:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/'
        'vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path='
        '"content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    mimetype = Part.of("mimetype", b"application/vnd.oasis.opendocument.spreadsheet")
    return [mimetype, Part.of("META-INF/manifest.xml", manifest.encode()), content]


def ods_content(doctype: str, cell: str) -> bytes:
    return (
        f'<?xml version="1.0"?>{doctype}<office:document-content xmlns:office="{ODF}:office:1.0" '
        f'xmlns:table="{ODF}:table:1.0" xmlns:text="{ODF}:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="S">'
        f"<table:table-row>{ODS_CELL}<text:p>ref</text:p></table:table-cell></table:table-row>"
        f"<table:table-row>{ODS_CELL}<text:p>{cell}</text:p></table:table-cell>"
        f"</table:table-row>{ODS_TAIL.decode()}"
    ).encode()


def xlsx_sheet(doctype: str, cell: str) -> bytes:
    return (
        f'<?xml version="1.0"?>{doctype}<worksheet xmlns="{MAIN}/spreadsheetml/2006/main">'
        '<sheetData><row><c t="inlineStr"><is><t>ref</t></is></c></row>'
        f'<row><c t="inlineStr"><is><t>{cell}</t></is></c></row></sheetData></worksheet>'
    ).encode()


def laughs(levels: int = 10) -> str:
    """The billion laughs: entity lol{n} is ten lol{n-1}; the last unpacks to 10**levels."""
    lines = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, levels)
    ]
    return f"<!DOCTYPE lolz [{''.join(lines)}]>"


def external(target: str) -> str:
    return f'<!DOCTYPE r [<!ENTITY xxe SYSTEM "file://{target}">]>'


def zip_bomb(fmt: str, unpacked: int = GIB, lie: bool = False) -> bytes:
    """An XLSX or ODS whose sheet XML is `unpacked` bytes (mostly spaces) packing to about a
    thousandth of that; with `lie`, the directory claims a few times its packed size."""
    if fmt == "xlsx":
        return zip_of(
            xlsx_parts(_bomb("xl/worksheets/sheet1.xml", SHEET_HEAD, SHEET_TAIL, unpacked, lie))
        )
    head = ods_content("", "x").removesuffix(ODS_TAIL)
    return zip_of(ods_parts(_bomb("content.xml", head, ODS_TAIL, unpacked, lie)))


def _bomb(name: str, head: bytes, tail: bytes, unpacked: int, lie: bool) -> Part:
    filler = b" " * (1 << 16)
    times = max(1, (unpacked - len(head) - len(tail)) // len(filler))
    part = repeated(name, head, filler, times, tail)
    if not lie:
        return part
    return Part(part.name, part.packed, part.size, part.crc, declared=len(part.packed) * 3)
