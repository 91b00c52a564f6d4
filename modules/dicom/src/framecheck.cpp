#include "framecheck_p.h"

#include <kilima/dicom/rleheader.h>

#include <algorithm>

namespace kilima::dicom::detail {

namespace {

unsigned be16(const std::uint8_t *p) { return unsigned(p[0]) << 8 | p[1]; }
std::uint32_t le32(const std::uint8_t *p)
{
    return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[3]) << 24;
}

bool isSof(unsigned m)
{
    return (m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc) || m == 0xf7;
}

QString sofName(unsigned m)
{
    switch (m) {
    case 0xc0:
        return QStringLiteral("baseline (SOF0)");
    case 0xc1:
        return QStringLiteral("extended sequential (SOF1)");
    case 0xc2:
        return QStringLiteral("progressive (SOF2)");
    case 0xc3:
        return QStringLiteral("lossless (SOF3)");
    case 0xf7:
        return QStringLiteral("JPEG-LS (SOF55)");
    default:
        return QStringLiteral("SOF%1").arg(m - 0xc0);
    }
}

// Which frame header kinds each transfer syntax may carry.
bool allowed(E_TransferSyntax xfer, unsigned sof, int precision)
{
    switch (xfer) {
    case EXS_JPEGProcess1:
        return sof == 0xc0 || (sof == 0xc1 && precision == 8);
    case EXS_JPEGProcess2_4:
        return sof == 0xc0 || sof == 0xc1;
    case EXS_JPEGProcess14:
    case EXS_JPEGProcess14SV1:
        return sof == 0xc3;
    case EXS_JPEGLSLossless:
    case EXS_JPEGLSLossy:
        return sof == 0xf7;
    default:
        return false;
    }
}

// Before decoding, DCMTK 3.6.7's JPEG decoder reads the sample precision
// with a marker walk of its own (DJCodecDecoder::scanJpegDataForBitDepth),
// stricter than the IJG decoder and with one trap: a TEM marker (FF01)
// does not move it on, so it never returns. Walk the same way and refuse
// what that walk cannot get through to a frame header.
QString checkDcmtkPrecisionScan(const std::uint8_t *d, std::size_t n)
{
    std::size_t i = 0;
    while (i + 4 < n) {
        const unsigned m = be16(d + i);
        if (m >= 0xffc0 && m <= 0xffcf && m != 0xffc4 && m != 0xffc8 && m != 0xffcc)
            return {};
        if (m == 0xff01)
            return QStringLiteral("a TEM marker (FF01) at offset %1 before the frame header, which DCMTK's decoder cannot pass").arg(i);
        if (m == 0xffff)
            i += 1;   // fill byte
        else if (m >= 0xffd0 && m <= 0xffd9)
            i += 2;   // RSTn, SOI, EOI: no length
        else if (m >= 0xffc4 && m <= 0xfffe)
            i += be16(d + i + 2) + 2;   // segments with a length
        else if (d[i] == 0xff && d[i + 1] > 0x02 && d[i + 1] <= 0xbf)
            i += 2;   // reserved markers
        else
            return QStringLiteral("bytes %1 %2 at offset %3 are not a JPEG marker")
                .arg(d[i], 2, 16, QLatin1Char('0'))
                .arg(d[i + 1], 2, 16, QLatin1Char('0'))
                .arg(i);
    }
    return QStringLiteral("no frame header where DCMTK's decoder looks for the sample precision");
}

} // namespace

QString checkJpegFrame(const std::uint8_t *d, std::size_t n, E_TransferSyntax xfer, const PixelInfo &image)
{
    if (n < 4 || d[0] != 0xff || d[1] != 0xd8)
        return QStringLiteral("the frame does not start with a JPEG start-of-image marker");
    if (xfer != EXS_JPEGLSLossless && xfer != EXS_JPEGLSLossy) {
        const QString scan = checkDcmtkPrecisionScan(d, n);
        if (!scan.isEmpty())
            return scan;
    }
    std::size_t i = 2;
    for (;;) {
        while (i < n && d[i] != 0xff)
            ++i; // tolerate garbage between segments, as the IJG decoder does
        while (i < n && d[i] == 0xff)
            ++i; // fill bytes
        if (i >= n)
            return QStringLiteral("the codestream ends before its frame header");
        const unsigned marker = d[i++];
        if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7))
            continue;
        if (marker == 0xd9 || marker == 0xda)
            return QStringLiteral("the codestream has no frame header before its %1").arg(marker == 0xda ? QStringLiteral("scan") : QStringLiteral("end"));
        if (i + 2 > n)
            return QStringLiteral("the codestream ends inside a marker segment");
        const unsigned length = be16(d + i);
        if (length < 2 || i + length > n)
            return QStringLiteral("a marker segment of %1 bytes runs past the end of the codestream").arg(length);
        if (isSof(marker)) {
            if (length < 8)
                return QStringLiteral("the frame header is %1 bytes, too short").arg(length);
            const int precision = d[i + 2];
            const int rows = int(be16(d + i + 3)), columns = int(be16(d + i + 5)), components = d[i + 7];
            const QString kind = sofName(marker);
            if (!allowed(xfer, marker, precision))
                return QStringLiteral("the codestream is %1 but the transfer syntax is %2")
                    .arg(kind, QLatin1String(DcmXfer(xfer).getXferName()));
            if (rows != image.rows || columns != image.columns)
                return QStringLiteral("the codestream is %1 x %2 but the image is %3 x %4 (columns x rows)")
                    .arg(columns)
                    .arg(rows)
                    .arg(image.columns)
                    .arg(image.rows);
            if (components != image.samplesPerPixel)
                return QStringLiteral("the codestream has %1 component(s) but Samples per Pixel is %2")
                    .arg(components)
                    .arg(image.samplesPerPixel);
            const int bytes = precision <= 8 ? 1 : 2;
            if (precision < 2 || precision > 16 || bytes != image.bitsAllocated / 8)
                return QStringLiteral("the codestream has %1-bit samples but Bits Allocated is %2")
                    .arg(precision)
                    .arg(image.bitsAllocated);
            return {};
        }
        i += length;
    }
}

QString checkRleFrame(const std::uint8_t *d, std::size_t n, const PixelInfo &image)
{
    const core::Status header = checkRleFragment(d, n);
    if (!header)
        return header.error();
    const std::uint32_t segments = le32(d);
    const int expected = image.samplesPerPixel * ((image.bitsAllocated + 7) / 8);
    if (int(segments) != expected)
        return QStringLiteral("the RLE header declares %1 segment(s) but the image needs %2 (one per byte of each sample)")
            .arg(segments)
            .arg(expected);
    // Each segment must decode to a whole plane: count what PackBits yields
    // without writing it.
    const std::uint64_t plane = std::uint64_t(image.rows) * std::uint64_t(image.columns);
    for (std::uint32_t s = 0; s < segments; ++s) {
        const std::size_t begin = le32(d + 4 + 4 * s);
        const std::size_t end = s + 1 < segments ? le32(d + 8 + 4 * s) : n;
        std::uint64_t produced = 0;
        std::size_t i = begin;
        while (i < end && produced < plane) {
            const int c = int(static_cast<std::int8_t>(d[i++]));
            if (c >= 0) {
                const std::size_t literal = std::min<std::size_t>(std::size_t(c) + 1, end - i);
                produced += literal;
                i += literal;
            } else if (c != -128) {
                produced += std::uint64_t(1 - c);
                i += 1;
            }
        }
        if (produced < plane)
            return QStringLiteral("RLE segment %1 decodes to %2 bytes but the image needs %3 (rows x columns)")
                .arg(s + 1)
                .arg(produced)
                .arg(plane);
    }
    return {};
}

} // namespace kilima::dicom::detail
