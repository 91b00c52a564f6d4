// Pixel data decoding for every transfer syntax Kilima stores: native
// (implicit/explicit LE, explicit BE, deflate), RLE, JPEG baseline/extended/
// lossless, JPEG-LS lossless/near-lossless (DCMTK) and JPEG 2000 lossless/
// lossy (OpenJPEG). Decoded frames are native little-endian samples,
// interleaved (planar configuration 0). Thread safe for distinct datasets.
#pragma once

#include <kilima/core/result.h>

#include <QByteArray>
#include <QString>
#include <vector>

class DcmDataset;

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
// encoding allows it.
core::Result<QByteArray> decodeFrame(DcmDataset &dataset, int frame);

// Modality LUT (rescale slope/intercept or a Modality LUT Sequence) applied
// to one decoded frame of a single-sample image: output values in modality
// units (HU for CT).
core::Result<std::vector<double>> modalityValues(DcmDataset &dataset, const QByteArray &frame,
                                                 const PixelInfo &info);

} // namespace kilima::dicom
