#!/usr/bin/python3
"""Seeds for fuzz_pixel_decode's codec mode from real encapsulated files.

Each seed is the header fuzz_pixel_decode.cpp reads (transfer syntax index,
sample format, Rows, Columns, frame count) followed by the first frame's
fragments, so the fuzzer starts from real codestreams of every syntax.

  make_pixel_seeds.py OUT_DIR [--max-bytes N] DICOM_FILE_OR_DIR...
"""
import os
import struct
import sys

import pydicom
from pydicom.encaps import generate_pixel_data_frame

# Same order as kTransferSyntaxes in fuzz_pixel_decode.cpp.
SYNTAXES = ["1.2.840.10008.1.2.5", "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51",
            "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.80",
            "1.2.840.10008.1.2.4.81", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91",
            "1.2.840.10008.1.2.4.92", "1.2.840.10008.1.2.4.93"]
COLOR = ["RGB", "YBR_FULL", "YBR_FULL_422", "YBR_RCT"]
MONO = ["MONOCHROME2", "MONOCHROME1", "PALETTE COLOR"]


def seed(path, max_bytes):
    try:
        ds = pydicom.dcmread(path, stop_before_pixels=False)
        ts = str(ds.file_meta.TransferSyntaxUID)
    except Exception:
        return None
    if ts not in SYNTAXES or "PixelData" not in ds:
        return None
    frames = int(getattr(ds, "NumberOfFrames", 1) or 1)
    try:
        frame = next(generate_pixel_data_frame(ds.PixelData, frames))
    except Exception:
        return None
    if len(frame) > max_bytes:
        return None
    spp = int(getattr(ds, "SamplesPerPixel", 1))
    bits = int(ds.BitsAllocated)
    if bits not in (8, 16) or spp not in (1, 3):
        return None
    pi = str(getattr(ds, "PhotometricInterpretation", "")).strip()
    variants = COLOR if spp == 3 else MONO
    fmt = (1 if bits == 16 else 0) | (2 if spp == 3 else 0)
    fmt |= 4 if int(getattr(ds, "PixelRepresentation", 0)) else 0
    fmt |= 8 if int(getattr(ds, "PlanarConfiguration", 0) or 0) else 0
    fmt |= (variants.index(pi) if pi in variants else 0) << 4
    if bits == 16:
        fmt |= max(0, min(3, int(getattr(ds, "BitsStored", 12)) - 12)) << 6
    head = bytes([SYNTAXES.index(ts), fmt]) + struct.pack("<HH", int(ds.Rows), int(ds.Columns)) + bytes([0])
    return ts, head + frame


def main():
    out = sys.argv[1]
    args = sys.argv[2:]
    max_bytes = 256 * 1024
    if len(args) >= 2 and args[0] == "--max-bytes":
        max_bytes = int(args[1])
        args = args[2:]
    os.makedirs(out, exist_ok=True)
    per_syntax = {}
    paths = []
    for a in args:
        if os.path.isdir(a):
            for root, _, files in os.walk(a):
                paths += [os.path.join(root, f) for f in sorted(files)]
        else:
            paths.append(a)
    for p in paths:
        got = seed(p, max_bytes)
        if not got:
            continue
        ts, data = got
        n = per_syntax.get(ts, 0)
        if n >= 4:
            continue
        per_syntax[ts] = n + 1
        with open(os.path.join(out, "%s-%d" % (ts, n)), "wb") as f:
            f.write(data)
    print("pixel seeds:", ", ".join("%s x%d" % kv for kv in sorted(per_syntax.items())))


if __name__ == "__main__":
    main()
