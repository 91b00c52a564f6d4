// Pixel data decoding for every transfer syntax Kilima stores: native
// (implicit/explicit LE, explicit BE, deflate), RLE, JPEG baseline/extended/
// lossless, JPEG-LS lossless/near-lossless (DCMTK) and JPEG 2000 lossless/
// lossy (OpenJPEG). Decoded frames are native little-endian samples,
// interleaved (planar configuration 0). Thread safe for distinct datasets;
// decoding never changes what the caller's dataset means (no change of
// representation), and bad input gives an error, never a crash.
//
// What the decoded samples look like:
// - Values, not stored bit patterns: bits outside Bits Stored/High Bit are
//   removed and signed samples are sign-extended to the full Bits Allocated
//   width, so info.highBit == info.bitsStored - 1 afterwards.
// - Bits Allocated 1 (SEG, overlays in pixel data) is unpacked to one byte
//   per sample (0 or 1): info.bitsAllocated becomes 8.
// - Photometric interpretation of the output (info.photometric):
//   JPEG with YBR_FULL/YBR_FULL_422 → RGB (DCMTK converts, as dcmdjpeg does);
//   JPEG 2000 with YBR_RCT/YBR_ICT or a multi-component transform → RGB
//   (OpenJPEG applies the inverse transform);
//   uncompressed YBR_FULL stays YBR_FULL (see ybrFullToRgb());
//   uncompressed YBR_FULL_422 is upsampled to YBR_FULL (3 samples per pixel);
//   PALETTE COLOR stays indices (see applyPalette()); everything else as stored.
//
// Output is always whole: a decode that does not give exactly rows x columns
// x samples x bytes per frame is an error, never a frame padded with
// whatever memory held.
//
// Fuzzing entry points (tests/fuzz): decodeFrame() and decodePixels() on a
// dataset from DicomFile::parse() (dicomfile.h), per transfer syntax.
#pragma once

#include <kilima/core/result.h>

#include <QByteArray>
#include <QString>
#include <algorithm>
#include <vector>

class DcmDataset;
class DcmItem;

namespace kilima::dicom {

struct PixelInfo {
    int rows = 0;
    int columns = 0;
    int frames = 1;
    int samplesPerPixel = 1;
    int bitsAllocated = 0;
    int bitsStored = 0;
    int highBit = 0;
    bool isSigned = false;
    // As stored (0 or 1); decoded output is always interleaved (0).
    int planarConfiguration = 0;
    // After decoding: YBR_FULL/YBR_FULL_422 JPEG frames come out as RGB.
    QString photometric;
    int bytesPerFrame() const { return rows * columns * samplesPerPixel * ((bitsAllocated + 7) / 8); }
};

struct DecodedPixels {
    PixelInfo info;
    // All frames, one after another; info.frames * info.bytesPerFrame() bytes.
    QByteArray data;
};

// Reads the image pixel module of `dataset` (no decoding).
core::Result<PixelInfo> pixelInfo(DcmDataset &dataset);

// Decodes every frame. Errors name the problem ("JPEG 2000 frame 3: ...",
// "pixel data length 1024 is shorter than rows x columns x 2 = 524288").
core::Result<DecodedPixels> decodePixels(DcmDataset &dataset);

// Decodes one frame (0-based) without decoding the others where the
// encoding allows it. The bytes only: what they hold (RGB for YBR JPEG,
// see above) is in decodeFrames()' info, never in pixelInfo().
core::Result<QByteArray> decodeFrame(DcmDataset &dataset, int frame);
// Frames [first, first + count) with what they hold after decoding
// (info.photometric tells whether the codec already converted YBR to RGB:
// a caller converts colour only where it says YBR_FULL).
core::Result<DecodedPixels> decodeFrames(DcmDataset &dataset, int first, int count);

// Checks, without decoding, that the encoded frame (0-based) describes the
// image the dataset does (JPEG/JPEG-LS frame header, RLE segments), which
// decodeFrame() also does first. For callers that decode through DCMTK's
// codecs themselves (transcoding, sending): they fill only what the codestream's own
// header says and report success.
core::Status checkEncodedFrame(DcmDataset &dataset, int frame);

// The LUT of a Modality LUT Sequence item (PS3.3 C.11.1.1): stored value x
// shows as table[x - firstMapped]; values below the first mapped one take
// the first entry, values past the last entry the last.
struct ModalityLut {
    qint64 firstMapped = 0;   // descriptor's second value, SS when the pixels are signed
    int bits = 16;            // bits per entry (descriptor's third value)
    std::vector<quint16> table;
    QString explanation, type;   // LUT Explanation, Modality LUT Type ("HU", "US", ...)
    double map(qint64 stored) const
    {
        const qint64 last = qint64(table.size()) - 1;
        return table[size_t(std::clamp<qint64>(stored - firstMapped, 0, last))];
    }
};

// The first item of `item`'s Modality LUT Sequence (0028,3000); an empty
// table when it has none. `pixelsSigned` (Pixel Representation 1) makes the
// descriptor's first mapped value signed. An item without a usable LUT
// Descriptor or LUT Data is an error naming what is missing.
core::Result<ModalityLut> modalityLut(DcmItem &item, bool pixelsSigned);

// Modality LUT (rescale slope/intercept or a Modality LUT Sequence) applied
// to one decoded frame of a single-sample image: output values in modality
// units (HU for CT).
core::Result<std::vector<double>> modalityValues(DcmDataset &dataset, const QByteArray &frame,
                                                 const PixelInfo &info);
// The same for frame `frameIndex` of an enhanced multi-frame object, whose
// rescale may sit in the per-frame or shared Pixel Value Transformation
// functional group.
core::Result<std::vector<double>> modalityValues(DcmDataset &dataset, const QByteArray &frame,
                                                 const PixelInfo &info, int frameIndex);

// Converts decoded YBR_FULL (8 or 16 bit, unsigned) to RGB in place, with
// the PS3.3 C.7.6.3.1.2 equations. Other photometrics are left unchanged.
void ybrFullToRgb(DecodedPixels &pixels);

// Maps decoded PALETTE COLOR indices through the dataset's Red/Green/Blue
// Palette Color LUTs (plain or segmented) to RGB samples (8-bit output for
// 8-bit palettes, 16-bit otherwise).
core::Result<DecodedPixels> applyPalette(DcmDataset &dataset, const DecodedPixels &indices);

} // namespace kilima::dicom
