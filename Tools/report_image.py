#!/usr/bin/env python3
"""One page of a printed year report as a small PNG (16 grey levels), for the README.

Usage: python3 Tools/report_image.py REPORT.pdf OUT.png [PAGE] [DPI]

Needs pdftoppm (poppler-utils); otherwise the standard library only. The report is black on white, so 16 grey levels
keep its text and hatchings while the file stays a few tens of kilobytes.
"""
import os
import struct
import subprocess
import sys
import tempfile
import zlib


def grey_page(pdf, page, dpi):
    with tempfile.TemporaryDirectory() as folder:
        stem = os.path.join(folder, "page")
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-f", str(page), "-l", str(page), "-singlefile", pdf, stem], check=True)
        data = open(stem + ".pgm", "rb").read()
    magic, size, depth, pixels = data.split(b"\n", 3)
    if magic != b"P5" or depth != b"255":
        raise ValueError("pdftoppm did not write an 8-bit grey image")
    width, height = map(int, size.split())
    return width, height, pixels


def png_4bit(width, height, pixels):
    rows = []
    for y in range(height):
        row = pixels[y * width:(y + 1) * width]
        packed = bytearray()
        for x in range(0, width, 2):
            right = row[x + 1] >> 4 if x + 1 < width else 0
            packed.append((row[x] >> 4) << 4 | right)
        rows.append(b"\x00" + bytes(packed))

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 4, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")


def main(argv):
    if len(argv) not in (2, 3, 4):
        print(__doc__, file=sys.stderr)
        return 64
    page = int(argv[2]) if len(argv) > 2 else 1
    dpi = int(argv[3]) if len(argv) > 3 else 120
    png = png_4bit(*grey_page(argv[0], page, dpi))
    with open(argv[1], "wb") as out:
        out.write(png)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
