// RLE Lossless (PS3.5 Annex G) header checks, for every path that hands RLE
// frames to DCMTK one at a time. DCMTK 3.6.7 decodes a single frame
// (DcmPixelData::getUncompressedFrame, also DicomImage's partial access)
// without checking the header's segment offsets against the fragment and
// reads past it; whole-object decoding checks. Never reads past `size`.
#pragma once

#include <kilima/core/result.h>

#include <cstddef>
#include <cstdint>

class DcmDataset;

namespace kilima::dicom {

// One RLE fragment (one frame, PS3.5 A.4.2): 1-15 segments whose offsets
// start at 64, increase and lie inside the fragment.
core::Status checkRleFragment(const uint8_t *data, size_t size);

// Every fragment of `dataset`'s pixel data when it is RLE encoded; other
// transfer syntaxes pass. The error names the frame and the offset.
core::Status checkRlePixelData(DcmDataset &dataset);

} // namespace kilima::dicom
