// JPEG 2000 decoding of one frame through OpenJPEG, from memory. DCMTK 3.6.7
// has no J2K codec, so pixeldata.cpp hands each frame's codestream here.
// Never throws and never prints: OpenJPEG's messages come back in the error.
#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace kilima::dicom::detail {

struct J2kTarget {
    int rows = 0;
    int columns = 0;
    int samplesPerPixel = 1;
    int bitsAllocated = 16; // 8, 16 or 32: width of each output sample
};

struct J2kResult {
    QString error;          // empty on success
    bool colorTransformed = false; // the codestream used a multi-component transform (RCT/ICT): samples are RGB
    bool codestreamSigned = false;
    int precision = 0;      // bits per sample in the codestream
};

// True when `data` starts with a J2K codestream (SOC + SIZ) or a JP2 signature box.
bool looksLikeJ2k(const std::uint8_t *data, std::size_t size);

// Decodes one codestream into `out` (resized to rows*columns*samples*bytes):
// interleaved little-endian samples holding the low `bitsAllocated` bits of
// each decoded value (two's complement for negative values).
J2kResult decodeJ2kFrame(const std::uint8_t *data, std::size_t size, const J2kTarget &target, QByteArray &out);

} // namespace kilima::dicom::detail
