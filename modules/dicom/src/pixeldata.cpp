// Pixel decoding: native data is read straight from the element, JPEG,
// JPEG-LS and RLE frames through DcmPixelData::getUncompressedFrame() (which
// decodes one frame without changing the dataset's representation) and
// JPEG 2000 frames through OpenJPEG (j2kdecoder.cpp) from the fragments.
#include <kilima/dicom/pixeldata.h>

#include <kilima/dicom/codecs.h>

#include "framecheck_p.h"
#include "j2kdecoder_p.h"

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include <QStringList>

#include <cstring>
#include <limits>

namespace kilima::dicom {

namespace {

using core::Error;

QString missing(const char *name, const DcmTagKey &tag)
{
    return QStringLiteral("missing %1 %2").arg(QLatin1String(name), QString::fromLatin1(tag.toString().c_str()));
}

// Everything needed to decode, resolved once per call.
struct Source {
    PixelInfo info;            // as stored
    DcmPixelData *element = nullptr;
    DcmPixelSequence *fragments = nullptr; // null for native data
    E_TransferSyntax xfer = EXS_Unknown;   // of the current representation
    bool bigEndian = false;
};

core::Result<Source> resolve(DcmDataset &dataset)
{
    auto info = pixelInfo(dataset);
    if (!info)
        return Error{info.error()};
    Source s;
    s.info = info.value();
    DcmElement *element = nullptr;
    if (dataset.findAndGetElement(DCM_PixelData, element).bad() || !element) {
        if (dataset.tagExists(DCM_FloatPixelData) || dataset.tagExists(DCM_DoubleFloatPixelData))
            return Error{QStringLiteral("float pixel data (7FE0,0008)/(7FE0,0009) is not supported")};
        return Error{QStringLiteral("no pixel data (7FE0,0010)")};
    }
    s.element = dynamic_cast<DcmPixelData *>(element);
    if (!s.element)
        return Error{QStringLiteral("pixel data (7FE0,0010) is not a pixel data element")};
    const DcmRepresentationParameter *param = nullptr;
    s.element->getCurrentRepresentationKey(s.xfer, param);
    const DcmXfer xfer(s.xfer);
    if (xfer.isEncapsulated()) {
        if (s.element->getEncapsulatedRepresentation(s.xfer, param, s.fragments).bad() || !s.fragments)
            return Error{QStringLiteral("encapsulated pixel data (%1) has no fragments").arg(QLatin1String(xfer.getXferName()))};
    }
    s.bigEndian = dataset.getOriginalXfer() == EXS_BigEndianExplicit;
    return s;
}

bool isJ2k(E_TransferSyntax x)
{
    return x == EXS_JPEG2000LosslessOnly || x == EXS_JPEG2000 || x == EXS_JPEG2000MulticomponentLosslessOnly
        || x == EXS_JPEG2000Multicomponent;
}

bool startsJpeg(const Uint8 *d, size_t n) { return n >= 2 && d[0] == 0xFF && d[1] == 0xD8; }
bool startsJ2k(const Uint8 *d, size_t n) { return detail::looksLikeJ2k(d, n); }

// Which fragments (pixel items; item 0 is the Basic Offset Table) make up
// each frame: from the offset table when it is usable, else one fragment per
// frame when the counts agree, else by codestream start markers.
struct FragmentMap {
    std::vector<unsigned long> first; // item index of each frame's first fragment
    std::vector<unsigned long> count; // fragments per frame
    QString error;
};

FragmentMap mapFragments(DcmPixelSequence *seq, int frames, bool (*startsFrame)(const Uint8 *, size_t))
{
    FragmentMap map;
    const unsigned long items = seq->card();
    if (items < 2) {
        map.error = QStringLiteral("encapsulated pixel data holds no fragments");
        return map;
    }
    const unsigned long fragments = items - 1;
    auto setFromStarts = [&](const std::vector<unsigned long> &starts) {
        map.first = starts;
        map.count.clear();
        for (size_t f = 0; f < starts.size(); ++f)
            map.count.push_back((f + 1 < starts.size() ? starts[f + 1] : items) - starts[f]);
    };

    DcmPixelItem *bot = nullptr;
    Uint8 *botData = nullptr;
    if (seq->getItem(bot, 0).good() && bot->getLength() >= 4 && bot->getUint8Array(botData).good() && botData) {
        const Uint32 n = bot->getLength() / 4;
        // Byte position of each item relative to the first fragment's item tag.
        std::vector<Uint64> pos(items + 1, 0);
        for (unsigned long i = 1; i < items; ++i) {
            DcmPixelItem *item = nullptr;
            seq->getItem(item, i);
            pos[i + 1] = pos[i] + 8 + (item ? item->getLength() : 0);
        }
        std::vector<unsigned long> starts;
        for (Uint32 k = 0; k < n; ++k) {
            const Uint32 offset = Uint32(botData[4 * k]) | Uint32(botData[4 * k + 1]) << 8
                | Uint32(botData[4 * k + 2]) << 16 | Uint32(botData[4 * k + 3]) << 24;
            for (unsigned long i = 1; i < items; ++i) {
                if (pos[i] == offset) {
                    starts.push_back(i);
                    break;
                }
            }
        }
        bool increasing = starts.size() == n && !starts.empty() && starts.front() == 1;
        for (size_t k = 1; increasing && k < starts.size(); ++k)
            increasing = starts[k] > starts[k - 1];
        if (increasing && int(starts.size()) == frames) {
            setFromStarts(starts);
            return map;
        }
        // A wrong offset table is common enough: fall through to the other rules.
    }
    if (fragments == static_cast<unsigned long>(frames) || frames == 1) {
        std::vector<unsigned long> starts;
        for (int f = 0; f < frames; ++f)
            starts.push_back(static_cast<unsigned long>(f + 1));
        setFromStarts(starts);
        return map;
    }
    if (startsFrame) {
        std::vector<unsigned long> starts;
        for (unsigned long i = 1; i < items; ++i) {
            DcmPixelItem *item = nullptr;
            Uint8 *data = nullptr;
            if (seq->getItem(item, i).good() && item->getUint8Array(data).good() && data && startsFrame(data, item->getLength()))
                starts.push_back(i);
        }
        if (int(starts.size()) == frames && starts.front() == 1) {
            setFromStarts(starts);
            return map;
        }
        map.error = QStringLiteral("cannot tell which of %1 fragments belong to which of %2 frames "
                                   "(no usable offset table, %3 fragments start a codestream)")
                        .arg(fragments)
                        .arg(frames)
                        .arg(starts.size());
        return map;
    }
    map.error = QStringLiteral("cannot tell which of %1 fragments belong to which of %2 frames (no usable offset table)")
                    .arg(fragments)
                    .arg(frames);
    return map;
}

qint64 bytesPerSample(const PixelInfo &i) { return (i.bitsAllocated + 7) / 8; }

bool isSubsampled422(const PixelInfo &i) { return i.photometric.endsWith(QLatin1String("_422")) && i.samplesPerPixel == 3; }

// Stored bytes of one native frame (YBR_*_422 keeps two samples per pixel).
qint64 nativeFrameBytes(const PixelInfo &i)
{
    const qint64 pixels = qint64(i.rows) * i.columns;
    if (isSubsampled422(i))
        return pixels * 2 * bytesPerSample(i);
    return pixels * i.samplesPerPixel * bytesPerSample(i);
}

// Planar configuration 1 (RRR..GGG..BBB..) to interleaved.
QByteArray interleave(const QByteArray &planar, const PixelInfo &i)
{
    QByteArray out(planar.size(), Qt::Uninitialized);
    const qint64 pixels = qint64(i.rows) * i.columns, b = bytesPerSample(i);
    const int spp = i.samplesPerPixel;
    for (int s = 0; s < spp; ++s)
        for (qint64 p = 0; p < pixels; ++p)
            std::memcpy(out.data() + (p * spp + s) * b, planar.constData() + (s * pixels + p) * b, size_t(b));
    return out;
}

// Y0 Y1 Cb Cr per pixel pair → Y Cb Cr per pixel (8 and 16 bit).
QByteArray upsample422(const QByteArray &in, const PixelInfo &i)
{
    const qint64 pairs = qint64(i.rows) * i.columns / 2, b = bytesPerSample(i);
    QByteArray out(int(pairs * 6 * b), Qt::Uninitialized);
    const char *src = in.constData();
    char *dst = out.data();
    for (qint64 k = 0; k < pairs; ++k, src += 4 * b, dst += 6 * b) {
        const char *y0 = src, *y1 = src + b, *cb = src + 2 * b, *cr = src + 3 * b;
        for (const char *y : {y0, y1}) {
            std::memcpy(dst + (y == y0 ? 0 : 3 * b), y, size_t(b));
            std::memcpy(dst + (y == y0 ? 1 : 4) * b, cb, size_t(b));
            std::memcpy(dst + (y == y0 ? 2 : 5) * b, cr, size_t(b));
        }
    }
    return out;
}

// Stored bit patterns → sample values (see the header): drop bits outside
// High Bit/Bits Stored, sign-extend signed samples.
template <typename T>
void normalizeAs(char *data, qint64 count, int shift, int bitsStored, bool isSigned)
{
    using U = std::make_unsigned_t<T>;
    const U mask = bitsStored >= int(sizeof(T) * 8) ? U(~U(0)) : U((U(1) << bitsStored) - 1);
    const U sign = U(U(1) << (bitsStored - 1));
    for (qint64 k = 0; k < count; ++k) {
        U v;
        std::memcpy(&v, data + k * qint64(sizeof(T)), sizeof(T));
        v = U(U(v >> shift) & mask);
        if (isSigned && (v & sign))
            v = U(v | U(~mask));
        std::memcpy(data + k * qint64(sizeof(T)), &v, sizeof(T));
    }
}

void normalize(QByteArray &frame, const PixelInfo &i)
{
    const int ba = i.bitsAllocated, bs = i.bitsStored;
    int shift = i.highBit + 1 - bs;
    if (shift < 0 || i.highBit >= ba)
        shift = 0; // inconsistent High Bit: trust Bits Stored alone
    if (bs <= 0 || (bs >= ba && shift == 0))
        return;
    const qint64 count = frame.size() / (ba / 8);
    if (ba == 8)
        normalizeAs<qint8>(frame.data(), count, shift, bs, i.isSigned);
    else if (ba == 16)
        normalizeAs<qint16>(frame.data(), count, shift, bs, i.isSigned);
    else if (ba == 32)
        normalizeAs<qint32>(frame.data(), count, shift, bs, i.isSigned);
}

// PixelInfo of the decoded output for `stored`, given the photometric the
// decoder produced.
PixelInfo outputInfo(const PixelInfo &stored, const QString &photometric)
{
    PixelInfo o = stored;
    o.photometric = photometric;
    if (o.photometric.endsWith(QLatin1String("_422")) && o.samplesPerPixel == 3)
        o.photometric = QStringLiteral("YBR_FULL");
    if (stored.bitsAllocated == 1) {
        o.bitsAllocated = 8;
        o.bitsStored = 1;
    }
    o.bitsStored = std::min(o.bitsStored, o.bitsAllocated);
    o.highBit = o.bitsStored - 1;
    o.planarConfiguration = 0;
    return o;
}

// Native frames [first, first+count) straight from the element.
core::Result<DecodedPixels> decodeNative(const Source &s, int first, int count)
{
    const PixelInfo &in = s.info;
    Uint8 *raw = nullptr;
    const OFCondition read = s.element->getUint8Array(raw);
    if (read.bad() || (!raw && s.element->getLength() > 0))
        return Error{QStringLiteral("cannot read pixel data: %1").arg(QLatin1String(read.bad() ? read.text() : "no value"))};
    const qint64 length = s.element->getLength();
    const qint64 pixelsPerFrame = qint64(in.rows) * in.columns * in.samplesPerPixel;
    const qint64 needed = in.bitsAllocated == 1 ? (pixelsPerFrame * in.frames + 7) / 8
                                                : nativeFrameBytes(in) * in.frames;
    if (length < needed) {
        const QString formula = in.bitsAllocated == 1
            ? QStringLiteral("frames x rows x columns x samples / 8 = %1 x %2 x %3 x %4 / 8").arg(in.frames).arg(in.rows).arg(in.columns).arg(in.samplesPerPixel)
            : QStringLiteral("frames x rows x columns x %1 = %2 x %3 x %4 x %1")
                  .arg(nativeFrameBytes(in) / (qint64(in.rows) * in.columns))
                  .arg(in.frames)
                  .arg(in.rows)
                  .arg(in.columns);
        return Error{QStringLiteral("pixel data length %1 is shorter than %2 = %3").arg(length).arg(formula).arg(needed)};
    }

    DecodedPixels out;
    out.info = outputInfo(in, in.photometric);
    out.info.frames = count;
    const qint64 outFrame = qint64(out.info.bytesPerFrame());
    out.data.reserve(qsizetype(outFrame * count));
    for (int f = first; f < first + count; ++f) {
        QByteArray frame;
        if (in.bitsAllocated == 1) {
            // Bits run on across frame boundaries, least significant bit first.
            frame.resize(qsizetype(pixelsPerFrame));
            const qint64 bit0 = qint64(f) * pixelsPerFrame;
            for (qint64 k = 0; k < pixelsPerFrame; ++k)
                frame[qsizetype(k)] = char((raw[(bit0 + k) >> 3] >> ((bit0 + k) & 7)) & 1);
        } else {
            const qint64 fb = nativeFrameBytes(in);
            frame = QByteArray(reinterpret_cast<const char *>(raw) + qint64(f) * fb, qsizetype(fb));
            if (s.bigEndian && in.bitsAllocated == 32) {
                // DCMTK swapped OW bytes per 16-bit word; 32-bit big-endian
                // samples also need their halves exchanged.
                for (qint64 k = 0; k + 4 <= fb; k += 4) {
                    char *p = frame.data() + k;
                    std::swap(p[0], p[2]);
                    std::swap(p[1], p[3]);
                }
            }
            if (isSubsampled422(in))
                frame = upsample422(frame, in);
            else if (in.samplesPerPixel > 1 && in.planarConfiguration == 1)
                frame = interleave(frame, in);
        }
        if (in.bitsAllocated != 1)
            normalize(frame, in);
        out.data.append(frame);
    }
    return out;
}

QByteArray fragmentBytes(DcmPixelSequence *seq, unsigned long first, unsigned long count)
{
    QByteArray bytes;
    for (unsigned long i = first; i < first + count; ++i) {
        DcmPixelItem *item = nullptr;
        Uint8 *data = nullptr;
        if (seq->getItem(item, i).good() && item->getUint8Array(data).good() && data)
            bytes.append(reinterpret_cast<const char *>(data), qsizetype(item->getLength()));
    }
    return bytes;
}

core::Result<DecodedPixels> decodeJ2k(const Source &s, int first, int count)
{
    const PixelInfo &in = s.info;
    if (in.bitsAllocated != 8 && in.bitsAllocated != 16 && in.bitsAllocated != 32)
        return Error{QStringLiteral("JPEG 2000 with Bits Allocated %1 is not supported").arg(in.bitsAllocated)};
    const FragmentMap map = mapFragments(s.fragments, in.frames, startsJ2k);
    if (!map.error.isEmpty())
        return Error{QStringLiteral("JPEG 2000: %1").arg(map.error)};
    const detail::J2kTarget target{in.rows, in.columns, in.samplesPerPixel, in.bitsAllocated};
    QString photometric = in.photometric;
    DecodedPixels out;
    for (int f = first; f < first + count; ++f) {
        const QByteArray code = fragmentBytes(s.fragments, map.first[size_t(f)], map.count[size_t(f)]);
        QByteArray frame;
        const detail::J2kResult r = detail::decodeJ2kFrame(reinterpret_cast<const std::uint8_t *>(code.constData()),
                                                           size_t(code.size()), target, frame);
        if (!r.error.isEmpty())
            return Error{QStringLiteral("JPEG 2000 frame %1: %2").arg(f + 1).arg(r.error)};
        if (in.samplesPerPixel == 3
            && (r.colorTransformed || photometric == QLatin1String("YBR_RCT") || photometric == QLatin1String("YBR_ICT")))
            photometric = QStringLiteral("RGB");
        // A codestream written unsigned for signed data (or the reverse) keeps
        // its bit patterns; normalize() reinterprets them by Pixel Representation
        // and Bits Stored, which is what the header promises the values mean.
        PixelInfo stored = in;
        stored.highBit = stored.bitsStored - 1; // OpenJPEG gives values, not shifted patterns
        normalize(frame, stored);
        out.data.append(frame);
    }
    out.info = outputInfo(in, photometric);
    out.info.frames = count;
    return out;
}

// DCMTK decodes what a codestream's own header says and reports success
// even when that fills only part of the frame: the header must describe
// this image before DCMTK sees it. Empty when it does, else the reason.
QString checkDcmtkFrame(const Source &s, const FragmentMap &map, int f)
{
    const QString codec = QLatin1String(DcmXfer(s.xfer).getXferName());
    const QByteArray code = map.error.isEmpty() ? fragmentBytes(s.fragments, map.first[size_t(f)], map.count[size_t(f)])
                                                : fragmentBytes(s.fragments, 1, 1);
    if (code.isEmpty())
        return QStringLiteral("%1 frame %2: its fragment is empty").arg(codec).arg(f + 1);
    const auto *data = reinterpret_cast<const std::uint8_t *>(code.constData());
    const QString why = s.xfer == EXS_RLELossless ? detail::checkRleFrame(data, size_t(code.size()), s.info)
                                                  : detail::checkJpegFrame(data, size_t(code.size()), s.xfer, s.info);
    return why.isEmpty() ? QString() : QStringLiteral("%1 frame %2: %3").arg(codec).arg(f + 1).arg(why);
}

bool isDcmtkCodec(E_TransferSyntax x)
{
    switch (x) {
    case EXS_JPEGProcess1:
    case EXS_JPEGProcess2_4:
    case EXS_JPEGProcess14:
    case EXS_JPEGProcess14SV1:
    case EXS_JPEGLSLossless:
    case EXS_JPEGLSLossy:
    case EXS_RLELossless:
        return true;
    default:
        return false;
    }
}

// JPEG, JPEG-LS and RLE through DCMTK, one frame at a time.
core::Result<DecodedPixels> decodeWithDcmtk(DcmDataset &dataset, const Source &s, int first, int count)
{
    registerCodecs();
    const PixelInfo &in = s.info;
    const QString codec = QLatin1String(DcmXfer(s.xfer).getXferName());
    if (in.bitsAllocated != 8 && in.bitsAllocated != 16 && in.bitsAllocated != 32)
        return Error{QStringLiteral("%1 with Bits Allocated %2 is not supported").arg(codec).arg(in.bitsAllocated)};
    const bool rle = s.xfer == EXS_RLELossless;
    const FragmentMap map = mapFragments(s.fragments, in.frames, rle ? nullptr : startsJpeg);
    const qint64 frameBytes = qint64(in.rows) * in.columns * in.samplesPerPixel * bytesPerSample(in);
    if (frameBytes > std::numeric_limits<Uint32>::max() - 1)
        return Error{QStringLiteral("%1: a frame of %2 bytes is too large").arg(codec).arg(frameBytes)};
    // Zeroed, and zeroed again for every frame: whatever a codec leaves
    // unwritten must never be an earlier frame's (or request's) pixels.
    QByteArray buffer(qsizetype(frameBytes + (frameBytes & 1)), '\0');
    DecodedPixels out;
    QString photometric = in.photometric;
    Uint32 startFragment = 0;
    for (int f = first; f < first + count; ++f) {
        if (map.error.isEmpty())
            startFragment = Uint32(map.first[size_t(f)]);
        else if (f > first && startFragment == 0)
            return Error{QStringLiteral("%1 frame %2: %3").arg(codec).arg(f + 1).arg(map.error)};
        if (const QString header = checkDcmtkFrame(s, map, f); !header.isEmpty())
            return Error{header};
        std::memset(buffer.data(), 0, size_t(buffer.size()));
        OFString colorModel;
        const OFCondition cond = s.element->getUncompressedFrame(&dataset, Uint32(f), startFragment, buffer.data(),
                                                                  Uint32(buffer.size()), colorModel);
        if (cond.bad()) {
            QString why = QString::fromLatin1(cond.text());
            if (!map.error.isEmpty())
                why += QStringLiteral(" (%1)").arg(map.error);
            return Error{QStringLiteral("%1 frame %2: %3").arg(codec).arg(f + 1).arg(why)};
        }
        if (!colorModel.empty())
            photometric = QString::fromLatin1(colorModel.c_str());
        QByteArray frame = buffer.left(qsizetype(frameBytes));
        // RLE follows the dataset's planar configuration; JPEG and JPEG-LS are
        // registered to give colour by pixel (codecs.cpp).
        if (rle && in.samplesPerPixel > 1 && in.planarConfiguration == 1)
            frame = interleave(frame, in);
        normalize(frame, in);
        out.data.append(frame);
    }
    out.info = outputInfo(in, photometric);
    out.info.frames = count;
    return out;
}

core::Result<DecodedPixels> decodeRangeUnchecked(DcmDataset &dataset, int first, int count);

// Every decoder's output must be exactly the frames asked for: a short
// answer is an error, never frames padded with whatever the memory held.
core::Result<DecodedPixels> decodeRange(DcmDataset &dataset, int first, int count)
{
    auto decoded = decodeRangeUnchecked(dataset, first, count);
    if (!decoded)
        return decoded;
    const DecodedPixels &d = decoded.value();
    const qint64 expected = qint64(d.info.bytesPerFrame()) * count;
    if (d.info.frames != count || qint64(d.data.size()) != expected)
        return Error{QStringLiteral("decoding gave %1 bytes for %2 frame(s) where rows x columns x samples x bytes "
                                    "= %3 x %4 x %5 x %6 per frame make %7")
                         .arg(d.data.size())
                         .arg(count)
                         .arg(d.info.rows)
                         .arg(d.info.columns)
                         .arg(d.info.samplesPerPixel)
                         .arg((d.info.bitsAllocated + 7) / 8)
                         .arg(expected)};
    return decoded;
}

core::Result<DecodedPixels> decodeRangeUnchecked(DcmDataset &dataset, int first, int count)
{
    auto source = resolve(dataset);
    if (!source)
        return Error{source.error()};
    const Source &s = source.value();
    if (first < 0 || first + count > s.info.frames)
        return Error{QStringLiteral("frame index %1 is out of range: the image has %2 frame(s)").arg(first).arg(s.info.frames)};
    if (!s.fragments)
        return decodeNative(s, first, count);
    if (s.info.bitsAllocated == 1)
        return Error{QStringLiteral("compressed pixel data with Bits Allocated 1 is not supported")};
    if (isJ2k(s.xfer))
        return decodeJ2k(s, first, count);
    switch (s.xfer) {
    case EXS_JPEGProcess1:
    case EXS_JPEGProcess2_4:
    case EXS_JPEGProcess14:
    case EXS_JPEGProcess14SV1:
    case EXS_JPEGLSLossless:
    case EXS_JPEGLSLossy:
    case EXS_RLELossless:
        return decodeWithDcmtk(dataset, s, first, count);
    default:
        return Error{QStringLiteral("pixel data in %1 cannot be decoded").arg(QLatin1String(DcmXfer(s.xfer).getXferName()))};
    }
}

} // namespace

core::Result<PixelInfo> pixelInfo(DcmDataset &ds)
{
    PixelInfo i;
    Uint16 v = 0;
    if (ds.findAndGetUint16(DCM_Rows, v).bad())
        return Error{missing("Rows", DCM_Rows)};
    i.rows = v;
    if (ds.findAndGetUint16(DCM_Columns, v).bad())
        return Error{missing("Columns", DCM_Columns)};
    i.columns = v;
    if (ds.findAndGetUint16(DCM_BitsAllocated, v).bad())
        return Error{missing("Bits Allocated", DCM_BitsAllocated)};
    i.bitsAllocated = v;
    i.samplesPerPixel = ds.findAndGetUint16(DCM_SamplesPerPixel, v).good() ? v : 1;
    i.bitsStored = ds.findAndGetUint16(DCM_BitsStored, v).good() ? v : i.bitsAllocated;
    i.highBit = ds.findAndGetUint16(DCM_HighBit, v).good() ? v : i.bitsStored - 1;
    i.isSigned = ds.findAndGetUint16(DCM_PixelRepresentation, v).good() && v == 1;
    i.planarConfiguration = i.samplesPerPixel > 1 && ds.findAndGetUint16(DCM_PlanarConfiguration, v).good() ? v : 0;
    Sint32 frames = 1;
    if (ds.findAndGetSint32(DCM_NumberOfFrames, frames).bad() || frames < 1)
        frames = 1;
    i.frames = frames;
    OFString pi;
    if (ds.findAndGetOFString(DCM_PhotometricInterpretation, pi).good())
        i.photometric = QString::fromLatin1(pi.c_str()).trimmed();
    if (i.photometric.isEmpty())
        i.photometric = i.samplesPerPixel == 3 ? QStringLiteral("RGB") : QStringLiteral("MONOCHROME2");

    if (i.rows == 0 || i.columns == 0)
        return Error{QStringLiteral("image has no pixels: rows x columns = %1 x %2").arg(i.rows).arg(i.columns)};
    if (i.samplesPerPixel != 1 && i.samplesPerPixel != 3 && i.samplesPerPixel != 4)
        return Error{QStringLiteral("Samples per Pixel %1 is not supported").arg(i.samplesPerPixel)};
    if (i.bitsAllocated != 1 && i.bitsAllocated != 8 && i.bitsAllocated != 16 && i.bitsAllocated != 32)
        return Error{QStringLiteral("Bits Allocated %1 is not supported (1, 8, 16 or 32)").arg(i.bitsAllocated)};
    if (i.bitsStored < 1 || i.bitsStored > i.bitsAllocated)
        i.bitsStored = i.bitsAllocated; // a wrong Bits Stored must not hide the image
    if (i.bitsAllocated == 1 && i.samplesPerPixel != 1)
        return Error{QStringLiteral("Bits Allocated 1 needs Samples per Pixel 1, not %1").arg(i.samplesPerPixel)};
    const qint64 frameBytes = qint64(i.rows) * i.columns * i.samplesPerPixel * ((i.bitsAllocated + 7) / 8);
    if (frameBytes * i.frames > std::numeric_limits<int>::max() - 64)
        return Error{QStringLiteral("image of %1 frame(s) x %2 bytes is too large to decode in memory").arg(i.frames).arg(frameBytes)};
    if (isSubsampled422(i) && (i.columns % 2 != 0))
        return Error{QStringLiteral("%1 needs an even number of columns, not %2").arg(i.photometric).arg(i.columns)};
    return i;
}

core::Status checkEncodedFrame(DcmDataset &dataset, int frame)
{
    auto source = resolve(dataset);
    if (!source)
        return Error{source.error()};
    const Source &s = source.value();
    if (frame < 0 || frame >= s.info.frames)
        return Error{QStringLiteral("frame index %1 is out of range: the image has %2 frame(s)").arg(frame).arg(s.info.frames)};
    if (!s.fragments || !isDcmtkCodec(s.xfer))
        return {};
    if (s.info.bitsAllocated != 8 && s.info.bitsAllocated != 16 && s.info.bitsAllocated != 32)
        return Error{QStringLiteral("%1 with Bits Allocated %2 is not supported")
                         .arg(QLatin1String(DcmXfer(s.xfer).getXferName()))
                         .arg(s.info.bitsAllocated)};
    const FragmentMap map = mapFragments(s.fragments, s.info.frames, s.xfer == EXS_RLELossless ? nullptr : startsJpeg);
    if (!map.error.isEmpty() && frame > 0)
        return Error{map.error};
    if (const QString why = checkDcmtkFrame(s, map, frame); !why.isEmpty())
        return Error{why};
    return {};
}

core::Result<DecodedPixels> decodePixels(DcmDataset &dataset)
{
    auto info = pixelInfo(dataset);
    if (!info)
        return Error{info.error()};
    return decodeRange(dataset, 0, info.value().frames);
}

core::Result<DecodedPixels> decodeFrames(DcmDataset &dataset, int first, int count)
{
    return decodeRange(dataset, first, count);
}

core::Result<QByteArray> decodeFrame(DcmDataset &dataset, int frame)
{
    auto decoded = decodeRange(dataset, frame, 1);
    if (!decoded)
        return Error{decoded.error()};
    return decoded.value().data;
}

} // namespace kilima::dicom
