// Fuzz target: pixel decoding per transfer syntax, two ways in.
// - A Part 10 file ('DICM' at byte 128): parsed and its frames decoded as the
//   viewer, WADO rendering and transcoding do.
// - Anything else is a codec test: byte 0 picks the transfer syntax, byte 1
//   the sample format, bytes 2-5 Rows and Columns, byte 6 the frame count;
//   the rest is split into one fragment per frame (raw samples for the
//   native syntax). The fuzzer then mutates codestreams, not file headers.
// Frames over 64 MB are not decoded: a bound on the fuzzer's memory, not on
// what Kilima accepts (pixeldata.cpp refuses images over 2 GB itself).
#include "fuzzreplay.h"

#include <kilima/dicom/dicomfile.h>
#include <kilima/dicom/pixeldata.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include <cstdint>

using namespace kilima;

namespace {

const char *const kTransferSyntaxes[] = {
    "1.2.840.10008.1.2.5",      // RLE
    "1.2.840.10008.1.2.4.50",   // JPEG baseline
    "1.2.840.10008.1.2.4.51",   // JPEG extended
    "1.2.840.10008.1.2.4.57",   // JPEG lossless
    "1.2.840.10008.1.2.4.70",   // JPEG lossless SV1
    "1.2.840.10008.1.2.4.80",   // JPEG-LS lossless
    "1.2.840.10008.1.2.4.81",   // JPEG-LS near-lossless
    "1.2.840.10008.1.2.4.90",   // JPEG 2000 lossless
    "1.2.840.10008.1.2.4.91",   // JPEG 2000
    "1.2.840.10008.1.2.4.92",   // JPEG 2000 multi-component lossless
    "1.2.840.10008.1.2.4.93",   // JPEG 2000 multi-component
    "1.2.840.10008.1.2.1",      // explicit VR little endian (native)
};
constexpr int kSyntaxCount = int(sizeof(kTransferSyntaxes) / sizeof(kTransferSyntaxes[0]));
constexpr qint64 kMaxFrameBytes = 64 * 1024 * 1024;
constexpr int kHeader = 7;

void putU16(QByteArray &b, quint16 v) { b.append(char(v & 0xff)).append(char(v >> 8)); }
void putU32(QByteArray &b, quint32 v)
{
    putU16(b, quint16(v & 0xffff));
    putU16(b, quint16(v >> 16));
}
void putTag(QByteArray &b, quint16 group, quint16 element)
{
    putU16(b, group);
    putU16(b, element);
}
// Explicit VR element with a 16-bit length; values are padded to even length.
void putShort(QByteArray &b, quint16 group, quint16 element, const char *vr, QByteArray value, char pad = ' ')
{
    if (value.size() % 2)
        value.append(pad);
    putTag(b, group, element);
    b.append(vr, 2);
    putU16(b, quint16(value.size()));
    b.append(value);
}
void putUS(QByteArray &b, quint16 element, quint16 v)
{
    QByteArray value;
    putU16(value, v);
    putShort(b, 0x0028, element, "US", value);
}

// A Part 10 file around the fuzzer's samples or fragments.
QByteArray synthesize(const uint8_t *data, size_t size)
{
    const int syntax = data[0] % kSyntaxCount;
    const uint8_t format = data[1];
    const bool sixteen = format & 1, colour = format & 2, isSigned = format & 4, planar = format & 8;
    const int rows = data[2] | data[3] << 8, columns = data[4] | data[5] << 8;
    const int frames = 1 + data[6] % 4;
    static const char *const monochrome[] = {"MONOCHROME2", "MONOCHROME1", "PALETTE COLOR", "MONOCHROME2"};
    static const char *const color[] = {"RGB", "YBR_FULL", "YBR_FULL_422", "YBR_RCT"};
    const char *photometric = colour ? color[(format >> 4) & 3] : monochrome[(format >> 4) & 3];
    const bool native = syntax == kSyntaxCount - 1;

    QByteArray meta;
    putTag(meta, 0x0002, 0x0001);
    meta.append("OB\0\0", 4);
    putU32(meta, 2);
    meta.append("\0\1", 2);
    putShort(meta, 0x0002, 0x0002, "UI", "1.2.840.10008.5.1.4.1.1.7", '\0');
    putShort(meta, 0x0002, 0x0003, "UI", "1.2.3.4.5", '\0');
    putShort(meta, 0x0002, 0x0010, "UI", kTransferSyntaxes[syntax], '\0');
    QByteArray file(128, '\0');
    file.append("DICM");
    putTag(file, 0x0002, 0x0000);
    file.append("UL");
    putU16(file, 4);
    putU32(file, quint32(meta.size()));
    file.append(meta);

    putShort(file, 0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.7", '\0');
    putShort(file, 0x0008, 0x0018, "UI", "1.2.3.4.5", '\0');
    putUS(file, 0x0002, colour ? 3 : 1);
    putShort(file, 0x0028, 0x0004, "CS", photometric);
    if (colour)
        putUS(file, 0x0006, planar ? 1 : 0);
    putShort(file, 0x0028, 0x0008, "IS", QByteArray::number(frames));
    putUS(file, 0x0010, quint16(rows));
    putUS(file, 0x0011, quint16(columns));
    putUS(file, 0x0100, sixteen ? 16 : 8);
    putUS(file, 0x0101, sixteen ? 12 + (format >> 6) : 8);
    putUS(file, 0x0102, sixteen ? 11 + (format >> 6) : 7);
    putUS(file, 0x0103, isSigned ? 1 : 0);

    const char *payload = reinterpret_cast<const char *>(data) + kHeader;
    const qint64 payloadSize = qint64(size) - kHeader;
    putTag(file, 0x7fe0, 0x0010);
    if (native) {
        file.append(sixteen ? "OW\0\0" : "OB\0\0", 4);
        const qint64 even = payloadSize & ~qint64(1);
        putU32(file, quint32(even));
        file.append(payload, qsizetype(even));
        return file;
    }
    file.append("OB\0\0", 4);
    putU32(file, 0xffffffff);
    putTag(file, 0xfffe, 0xe000); // empty Basic Offset Table
    putU32(file, 0);
    const qint64 share = payloadSize / frames;
    for (int f = 0; f < frames; ++f) {
        qint64 n = f + 1 < frames ? share : payloadSize - share * (frames - 1);
        QByteArray fragment(payload + share * f, qsizetype(n));
        if (fragment.size() % 2)
            fragment.append('\0');
        putTag(file, 0xfffe, 0xe000);
        putU32(file, quint32(fragment.size()));
        file.append(fragment);
    }
    putTag(file, 0xfffe, 0xe0dd);
    putU32(file, 0);
    return file;
}

void decodeAll(DcmDataset &dataset)
{
    auto info = dicom::pixelInfo(dataset);
    if (!info.ok())
        return;
    const dicom::PixelInfo &i = info.value();
    if (i.bytesPerFrame() > kMaxFrameBytes)
        return;
    auto first = dicom::decodeFrame(dataset, 0);
    if (first.ok() && i.samplesPerPixel == 1) {
        dicom::PixelInfo decoded = i;
        decoded.bitsAllocated = i.bitsAllocated == 1 ? 8 : i.bitsAllocated;
        (void)dicom::modalityValues(dataset, first.value(), decoded, 0);
    }
    if (i.frames > 1)
        (void)dicom::decodeFrame(dataset, i.frames - 1);
    if (qint64(i.bytesPerFrame()) * i.frames <= kMaxFrameBytes) {
        auto all = dicom::decodePixels(dataset);
        if (all.ok()) {
            dicom::DecodedPixels pixels = all.take();
            if (pixels.info.photometric == QLatin1String("PALETTE COLOR"))
                (void)dicom::applyPalette(dataset, pixels);
            dicom::ybrFullToRgb(pixels);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray file;
    if (size >= 132 && memcmp(data + 128, "DICM", 4) == 0) {
        file = QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
    } else {
        if (size < kHeader)
            return 0;
        const int rows = data[2] | data[3] << 8, columns = data[4] | data[5] << 8;
        if (qint64(rows) * columns * 3 * 2 > kMaxFrameBytes)
            return 0;
        file = synthesize(data, size);
    }
    auto parsed = dicom::DicomFile::parse(file, QStringLiteral("fuzz.dcm"));
    if (!parsed.ok())
        return 0;
    decodeAll(parsed.value().dataset());
    return 0;
}
