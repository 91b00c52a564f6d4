// Checks of one encoded frame against the image the dataset describes,
// before a codec writes into a frame buffer. DCMTK decodes whatever the
// codestream's own header says and reports success: a JPEG whose frame
// header disagrees with Rows, Columns, Samples per Pixel or Bits Allocated
// filled part of the buffer, and the rest was served as pixels. These
// checks read headers only and never read past `size`.
#pragma once

#include <kilima/dicom/pixeldata.h>

#include <dcmtk/dcmdata/dcxfer.h>

#include <QString>

#include <cstddef>
#include <cstdint>

namespace kilima::dicom::detail {

// JPEG (baseline, extended, lossless) and JPEG-LS: the frame header (SOF)
// must be of a kind the transfer syntax allows and match the image.
QString checkJpegFrame(const std::uint8_t *data, std::size_t size, E_TransferSyntax xfer, const PixelInfo &image);
// RLE: a sound header with one segment per sample byte, each decoding to at
// least Rows x Columns bytes.
QString checkRleFrame(const std::uint8_t *data, std::size_t size, const PixelInfo &image);

} // namespace kilima::dicom::detail
