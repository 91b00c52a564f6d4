#!/usr/bin/python3
# Independent pixel oracle for tst_pixeloracle: decompresses each file with
# the reference tools (dcmtk's dcmdjpeg/dcmdjpls/dcmdrle; gdcmconv --raw for
# JPEG 2000), reads the raw native Pixel Data bytes with pydicom (never its
# pixel_array: pydicom 2.3 mishandles some signed images) and writes the
# sample values Kilima must show: High Bit/Bits Stored applied and signed
# samples sign-extended here, planar colour interleaved, YBR_FULL(_422)
# turned into RGB with the PS3.3 C.7.6.3.1.2 equations, palette colour
# mapped through the file's LUTs.
#
# usage: pixeloracle.py LIST_FILE OUT_DIR
# LIST_FILE: one DICOM path per line. OUT_DIR/manifest.tsv gets one line per
# input: index, status (ok / nonimage / error), path, then for ok lines:
# transfer syntax, frames, rows, columns, samples, photometric as decoded,
# bits allocated, tool, bits stored; OUT_DIR/<index>.i32 holds every frame's samples as
# little-endian int32, frame after frame.
import os
import subprocess
import sys

import numpy as np
import pydicom
from pydicom.pixel_data_handlers.util import apply_color_lut

JPEG = {"1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70"}
JPEGLS = {"1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81"}
RLE = {"1.2.840.10008.1.2.5"}
J2K = {"1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91", "1.2.840.10008.1.2.4.92", "1.2.840.10008.1.2.4.93"}
BIG_ENDIAN = "1.2.840.10008.1.2.2"


def decompress(path, ts, tmp):
    if ts in JPEG:
        cmd = ["dcmdjpeg", path, tmp]          # default: YBR converted to RGB, as dcmdjpeg documents
    elif ts in JPEGLS:
        cmd = ["dcmdjpls", path, tmp]
    elif ts in RLE:
        cmd = ["dcmdrle", path, tmp]
    elif ts in J2K:
        cmd = ["gdcmconv", "--raw", path, tmp]
    else:
        return path, "native"
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if r.returncode != 0 or not os.path.exists(tmp):
        raise RuntimeError("%s failed: %s" % (cmd[0], r.stdout.decode(errors="replace").strip()[:200]))
    return tmp, cmd[0]


def palette(ds, indices, big_endian):
    if "RedPaletteColorLookupTableData" not in ds:
        # Segmented LUTs: pydicom expands them (and reads their endianness right).
        frames = indices.shape[0]
        mapped = apply_color_lut(indices.reshape(frames, int(ds.Rows), int(ds.Columns)).astype(np.uint16), ds)
        return mapped.reshape(frames, -1).astype(np.int64)
    # Plain LUTs read here: pydicom 2.3 reads their words little endian even
    # in a big endian file.
    out = []
    for colour in ("Red", "Green", "Blue"):
        desc = ds[colour + "PaletteColorLookupTableDescriptor"].value
        entries = int(desc[0]) or 65536
        first = int(desc[1])
        data = bytes(ds[colour + "PaletteColorLookupTableData"].value)
        if len(data) >= 2 * entries:
            lut = np.frombuffer(data[: 2 * entries], dtype=(">" if big_endian else "<") + "u2").astype(np.int64)
        else:   # 8-bit entries
            lut = np.frombuffer(data[:entries], dtype="u1").astype(np.int64)
        out.append(lut[np.clip(indices - first, 0, entries - 1)])
    return np.stack(out, axis=-1).reshape(indices.shape[0], -1)


def values(ds, big_endian):
    rows, cols = int(ds.Rows), int(ds.Columns)
    spp = int(ds.get("SamplesPerPixel", 1))
    ba = int(ds.BitsAllocated)
    bs = int(ds.get("BitsStored", ba))
    hb = int(ds.get("HighBit", bs - 1))
    signed = int(ds.get("PixelRepresentation", 0)) == 1
    frames = int(ds.get("NumberOfFrames", 1) or 1)
    pi = str(ds.get("PhotometricInterpretation", "MONOCHROME2")).strip()
    raw = bytes(ds.PixelData)
    if big_endian and ba == 8 and ds["PixelData"].VR == "OW":
        # OW is a stream of 16-bit words: in a big endian file each word's
        # two 8-bit samples are stored swapped.
        raw = np.frombuffer(raw[: len(raw) // 2 * 2], dtype=">u2").astype("<u2").tobytes()
    pixels = rows * cols
    if ba == 1:
        bits = np.unpackbits(np.frombuffer(raw, dtype=np.uint8), bitorder="little")
        return bits[: frames * pixels].astype(np.int64).reshape(frames, pixels), pi, frames, rows, cols, spp, ba, 1
    dt = {8: "u1", 16: "u2", 32: "u4"}[ba]
    a = np.frombuffer(raw, dtype=(">" if big_endian else "<") + dt).astype(np.int64)
    sub422 = pi.endswith("_422") and spp == 3
    per_frame = pixels * 2 if sub422 else pixels * spp
    a = a[: frames * per_frame].reshape(frames, per_frame)
    if bs > ba or bs < 1:
        bs = ba
    shift = hb + 1 - bs
    if shift < 0 or hb >= ba:
        shift = 0
    a = (a >> shift) & ((1 << bs) - 1)
    if signed:
        a = np.where(a & (1 << (bs - 1)), a - (1 << bs), a)
    if sub422:   # Y0 Y1 Cb Cr per pair of pixels
        q = a.reshape(frames, pixels // 2, 4)
        full = np.empty((frames, pixels // 2, 2, 3), dtype=np.int64)
        full[:, :, 0, 0] = q[:, :, 0]
        full[:, :, 1, 0] = q[:, :, 1]
        full[:, :, :, 1] = q[:, :, 2:3]
        full[:, :, :, 2] = q[:, :, 3:4]
        a = full.reshape(frames, pixels * 3)
        pi = "YBR_FULL"
    elif spp > 1 and int(ds.get("PlanarConfiguration", 0)) == 1:
        a = a.reshape(frames, spp, pixels).transpose(0, 2, 1).reshape(frames, pixels * spp)
    if pi == "YBR_FULL" and spp == 3 and not signed:
        top = (1 << bs) - 1
        mid = 1 << (bs - 1)
        y = a[:, 0::3].astype(np.float64)
        cb = a[:, 1::3] - mid
        cr = a[:, 2::3] - mid
        rgb = np.empty(a.shape, dtype=np.float64)
        rgb[:, 0::3] = y + 1.402 * cr
        rgb[:, 1::3] = y - 0.344136 * cb - 0.714136 * cr
        rgb[:, 2::3] = y + 1.772 * cb
        a = np.clip(np.floor(rgb + 0.5), 0, top).astype(np.int64)
        pi = "RGB"
    if pi == "PALETTE COLOR" and spp == 1:
        a = palette(ds, a, big_endian)
        spp = 3
        pi = "RGB"
    return a, pi, frames, rows, cols, spp, ba, bs


def main():
    listing, out = sys.argv[1], sys.argv[2]
    paths = [l.rstrip("\n") for l in open(listing, encoding="utf-8") if l.strip()]
    with open(os.path.join(out, "manifest.tsv"), "w", encoding="utf-8") as m:
        for i, path in enumerate(paths):
            try:
                head = pydicom.dcmread(path, force=True)
                ts = str(head.file_meta.get("TransferSyntaxUID", "")) if hasattr(head, "file_meta") else ""
                if "PixelData" not in head or "Rows" not in head:
                    m.write("%d\tnonimage\t%s\n" % (i, path))
                    continue
                decoded, tool = decompress(path, ts, os.path.join(out, "%d.dcm" % i))
                ds = head if decoded == path else pydicom.dcmread(decoded, force=True)
                a, pi, frames, rows, cols, spp, ba, bs = values(ds, str(ds.file_meta.get("TransferSyntaxUID", "")) == BIG_ENDIAN)
                a.astype("<i4").tofile(os.path.join(out, "%d.i32" % i))
                if decoded != path:
                    os.remove(decoded)
                m.write("%d\tok\t%s\t%s\t%d\t%d\t%d\t%d\t%s\t%d\t%s\t%d\n" % (i, path, ts, frames, rows, cols, spp, pi, ba, tool, bs))
            except Exception as e:  # reported, and the test decides whether it matters
                m.write("%d\terror\t%s\t%s\n" % (i, path, str(e).replace("\t", " ").replace("\n", " ")[:300]))


if __name__ == "__main__":
    main()
