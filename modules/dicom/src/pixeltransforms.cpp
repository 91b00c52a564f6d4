// Transforms on decoded pixels that need the dataset but no decoding: the
// Modality LUT (rescale or LUT sequence), palette colour and YBR → RGB.
// Kept apart from pixeldata.cpp, which is about getting samples out of the
// encodings.
#include <kilima/dicom/pixeldata.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcitem.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace kilima::dicom {

namespace {

using core::Error;

// Sample k of a decoded single- or multi-sample frame as a signed integer.
qint64 sampleAt(const char *data, qint64 k, int bytes, bool isSigned)
{
    switch (bytes) {
    case 1: {
        const quint8 v = quint8(data[k]);
        return isSigned ? qint64(qint8(v)) : qint64(v);
    }
    case 2: {
        quint16 v;
        std::memcpy(&v, data + 2 * k, 2);
        return isSigned ? qint64(qint16(v)) : qint64(v);
    }
    default: {
        quint32 v;
        std::memcpy(&v, data + 4 * k, 4);
        return isSigned ? qint64(qint32(v)) : qint64(v);
    }
    }
}

// LUT descriptors come as US or SS (mlut_18 uses SS); read either as the raw 16 bits.
bool descriptor(DcmItem &item, const DcmTagKey &tag, unsigned long pos, Uint16 &value)
{
    if (item.findAndGetUint16(tag, value, pos).good())
        return true;
    Sint16 s = 0;
    if (item.findAndGetSint16(tag, s, pos).good()) {
        value = Uint16(s);
        return true;
    }
    return false;
}

// A LUT descriptor's first mapped value is US or SS depending on the pixels.
qint64 firstMapped(Uint16 raw, bool isSigned) { return isSigned ? qint64(Sint16(raw)) : qint64(raw); }

// LUT data as one value per entry; 8-bit LUTs are sometimes packed two
// entries per 16-bit word.
std::vector<Uint16> lutEntries(const Uint16 *words, unsigned long count, unsigned long entries, int bits)
{
    std::vector<Uint16> lut;
    if (bits <= 8 && count * 2 >= entries && count < entries) {
        for (unsigned long k = 0; k < entries; ++k)
            lut.push_back(Uint16((words[k / 2] >> (k % 2 ? 8 : 0)) & 0xFF));
        return lut;
    }
    lut.assign(words, words + std::min(count, entries));
    return lut;
}

// Expands a segmented palette LUT (PS3.3 C.7.9.2): discrete, linear and
// indirect segments.
bool expandSegments(const Uint16 *w, unsigned long count, unsigned long from, unsigned long segments,
                    std::vector<Uint16> &out, int depth)
{
    if (depth > 4)
        return false; // indirect segments pointing at indirect segments: refuse loops
    unsigned long pos = from;
    for (unsigned long s = 0; s < segments && pos + 1 < count; ++s) {
        const Uint16 op = w[pos], n = w[pos + 1];
        pos += 2;
        if (op == 0) {
            if (pos + n > count)
                return false;
            out.insert(out.end(), w + pos, w + pos + n);
            pos += n;
        } else if (op == 1) {
            if (pos >= count || out.empty())
                return false;
            const double y0 = out.back(), y1 = w[pos++];
            for (Uint16 k = 1; k <= n; ++k)
                out.push_back(Uint16(std::lround(y0 + (y1 - y0) * k / n)));
        } else if (op == 2) {
            if (pos + 2 > count)
                return false;
            const unsigned long offset = static_cast<unsigned long>(w[pos]) | (static_cast<unsigned long>(w[pos + 1]) << 16);
            pos += 2;
            if (!expandSegments(w, count, offset, n, out, depth + 1))
                return false;
        } else {
            return false;
        }
    }
    return true;
}

// The rescale of frame `frameIndex` in an enhanced object, if it has one.
bool functionalGroupRescale(DcmDataset &ds, int frameIndex, double &slope, double &intercept)
{
    auto fromGroup = [&](DcmItem *group) {
        DcmItem *pvt = nullptr;
        if (!group || group->findAndGetSequenceItem(DCM_PixelValueTransformationSequence, pvt, 0).bad() || !pvt)
            return false;
        Float64 s = 1, i = 0;
        const bool hasSlope = pvt->findAndGetFloat64(DCM_RescaleSlope, s).good();
        const bool hasIntercept = pvt->findAndGetFloat64(DCM_RescaleIntercept, i).good();
        if (!hasSlope && !hasIntercept)
            return false;
        slope = hasSlope ? s : 1.0;
        intercept = i;
        return true;
    };
    DcmItem *group = nullptr;
    if (frameIndex >= 0 && ds.findAndGetSequenceItem(DCM_PerFrameFunctionalGroupsSequence, group, frameIndex).good()
        && fromGroup(group))
        return true;
    group = nullptr;
    return ds.findAndGetSequenceItem(DCM_SharedFunctionalGroupsSequence, group, 0).good() && fromGroup(group);
}

} // namespace

core::Result<ModalityLut> modalityLut(DcmItem &item, bool pixelsSigned)
{
    DcmItem *lutItem = nullptr;
    if (item.findAndGetSequenceItem(DCM_ModalityLUTSequence, lutItem, 0).bad() || !lutItem)
        return ModalityLut{};
    Uint16 entries = 0, first = 0, bits = 16;
    const Uint16 *words = nullptr;
    unsigned long count = 0;
    if (!descriptor(*lutItem, DCM_LUTDescriptor, 0, entries) || !descriptor(*lutItem, DCM_LUTDescriptor, 1, first)
        || lutItem->findAndGetUint16Array(DCM_LUTData, words, &count).bad() || !words || count == 0)
        return Error{QStringLiteral("Modality LUT Sequence (0028,3000) lacks a usable LUT Descriptor or LUT Data")};
    descriptor(*lutItem, DCM_LUTDescriptor, 2, bits);
    ModalityLut lut;
    // 0 entries means 65536 (PS3.3 C.11.1.1.1): the count does not fit in 16 bits.
    const std::vector<Uint16> table = lutEntries(words, count, entries == 0 ? 65536 : entries, bits);
    lut.table.assign(table.begin(), table.end());
    lut.firstMapped = firstMapped(first, pixelsSigned);
    lut.bits = bits ? bits : 16;
    OFString text;
    if (lutItem->findAndGetOFString(DCM_LUTExplanation, text).good())
        lut.explanation = QString::fromLatin1(text.c_str()).trimmed();
    if (lutItem->findAndGetOFString(DCM_ModalityLUTType, text).good())
        lut.type = QString::fromLatin1(text.c_str()).trimmed();
    return lut;
}

core::Result<std::vector<double>> modalityValues(DcmDataset &dataset, const QByteArray &frame, const PixelInfo &info)
{
    return modalityValues(dataset, frame, info, -1);
}

core::Result<std::vector<double>> modalityValues(DcmDataset &ds, const QByteArray &frame, const PixelInfo &info,
                                                 int frameIndex)
{
    if (info.samplesPerPixel != 1)
        return Error{QStringLiteral("a Modality LUT applies to single-sample images, not %1 samples per pixel (%2)")
                         .arg(info.samplesPerPixel)
                         .arg(info.photometric)};
    const int bytes = (info.bitsAllocated + 7) / 8;
    if (bytes != 1 && bytes != 2 && bytes != 4)
        return Error{QStringLiteral("Bits Allocated %1 is not a decoded sample size").arg(info.bitsAllocated)};
    const qint64 n = qint64(info.rows) * info.columns;
    if (frame.size() < n * bytes)
        return Error{QStringLiteral("frame length %1 is shorter than rows x columns x %2 = %3").arg(frame.size()).arg(bytes).arg(n * bytes)};

    std::vector<double> out(static_cast<size_t>(n));
    const char *data = frame.constData();

    auto lut = modalityLut(ds, info.isSigned);
    if (!lut)
        return Error{lut.error()};
    if (!lut.value().table.empty()) {
        const ModalityLut &m = lut.value();
        for (qint64 k = 0; k < n; ++k)
            out[size_t(k)] = m.map(sampleAt(data, k, bytes, info.isSigned));
        return out;
    }

    double slope = 1.0, intercept = 0.0;
    if (!functionalGroupRescale(ds, frameIndex, slope, intercept)) {
        Float64 v = 0;
        if (ds.findAndGetFloat64(DCM_RescaleSlope, v).good())
            slope = v;
        if (ds.findAndGetFloat64(DCM_RescaleIntercept, v).good())
            intercept = v;
    }
    if (slope == 0.0 || !std::isfinite(slope))
        slope = 1.0; // a zero slope would flatten the image; it is always an encoding error
    for (qint64 k = 0; k < n; ++k)
        out[size_t(k)] = double(sampleAt(data, k, bytes, info.isSigned)) * slope + intercept;
    return out;
}

void ybrFullToRgb(DecodedPixels &pixels)
{
    PixelInfo &i = pixels.info;
    if (i.photometric != QLatin1String("YBR_FULL") || i.samplesPerPixel != 3 || i.isSigned
        || (i.bitsAllocated != 8 && i.bitsAllocated != 16))
        return;
    const int bytes = i.bitsAllocated / 8;
    const double maxValue = double((1u << i.bitsStored) - 1), mid = double(1u << (i.bitsStored - 1));
    const qint64 pixelsTotal = pixels.data.size() / (3 * bytes);
    char *d = pixels.data.data();
    auto put = [&](qint64 k, double v) {
        const quint32 q = quint32(std::clamp(std::lround(v), 0L, long(maxValue)));
        if (bytes == 1)
            d[k] = char(q);
        else {
            const quint16 w = quint16(q);
            std::memcpy(d + 2 * k, &w, 2);
        }
    };
    for (qint64 p = 0; p < pixelsTotal; ++p) {
        const double y = double(sampleAt(d, 3 * p, bytes, false));
        const double cb = double(sampleAt(d, 3 * p + 1, bytes, false)) - mid;
        const double cr = double(sampleAt(d, 3 * p + 2, bytes, false)) - mid;
        put(3 * p, y + 1.402 * cr);
        put(3 * p + 1, y - 0.344136 * cb - 0.714136 * cr);
        put(3 * p + 2, y + 1.772 * cb);
    }
    i.photometric = QStringLiteral("RGB");
}

core::Result<DecodedPixels> applyPalette(DcmDataset &ds, const DecodedPixels &indices)
{
    const PixelInfo &in = indices.info;
    if (in.photometric != QLatin1String("PALETTE COLOR") || in.samplesPerPixel != 1)
        return Error{QStringLiteral("image is %1, not PALETTE COLOR").arg(in.photometric)};
    const DcmTagKey descriptors[3] = {DCM_RedPaletteColorLookupTableDescriptor, DCM_GreenPaletteColorLookupTableDescriptor,
                                      DCM_BluePaletteColorLookupTableDescriptor};
    const DcmTagKey plain[3] = {DCM_RedPaletteColorLookupTableData, DCM_GreenPaletteColorLookupTableData,
                                DCM_BluePaletteColorLookupTableData};
    const DcmTagKey segmented[3] = {DCM_SegmentedRedPaletteColorLookupTableData,
                                    DCM_SegmentedGreenPaletteColorLookupTableData,
                                    DCM_SegmentedBluePaletteColorLookupTableData};
    const char *names[3] = {"red", "green", "blue"};
    std::vector<Uint16> luts[3];
    qint64 offsets[3] = {0, 0, 0};
    int bits = 8;
    for (int c = 0; c < 3; ++c) {
        Uint16 entries = 0, first = 0, b = 16;
        if (!descriptor(ds, descriptors[c], 0, entries) || !descriptor(ds, descriptors[c], 1, first))
            return Error{QStringLiteral("missing %1 palette descriptor %2").arg(QLatin1String(names[c]), QString::fromLatin1(descriptors[c].toString().c_str()))};
        descriptor(ds, descriptors[c], 2, b);
        bits = std::max<int>(bits, b);
        const unsigned long n = entries == 0 ? 65536 : entries;
        offsets[c] = firstMapped(first, in.isSigned);
        const Uint16 *words = nullptr;
        unsigned long count = 0;
        if (ds.findAndGetUint16Array(plain[c], words, &count).good() && words && count > 0) {
            luts[c] = lutEntries(words, count, n, b);
        } else if (ds.findAndGetUint16Array(segmented[c], words, &count).good() && words && count > 0) {
            if (!expandSegments(words, count, 0, count, luts[c], 0))
                return Error{QStringLiteral("segmented %1 palette is malformed").arg(QLatin1String(names[c]))};
        } else {
            return Error{QStringLiteral("missing %1 palette data").arg(QLatin1String(names[c]))};
        }
        if (luts[c].empty())
            return Error{QStringLiteral("%1 palette is empty").arg(QLatin1String(names[c]))};
        luts[c].resize(n, luts[c].back());
    }
    // 8-bit palettes stored in 16-bit words sometimes use the high byte.
    bool highByte = false;
    if (bits <= 8)
        for (int c = 0; c < 3 && !highByte; ++c)
            highByte = std::any_of(luts[c].begin(), luts[c].end(), [](Uint16 v) { return v > 255; });

    DecodedPixels out;
    out.info = in;
    out.info.photometric = QStringLiteral("RGB");
    out.info.samplesPerPixel = 3;
    out.info.isSigned = false;
    out.info.bitsAllocated = out.info.bitsStored = bits <= 8 ? 8 : 16;
    out.info.highBit = out.info.bitsStored - 1;
    const int inBytes = (in.bitsAllocated + 7) / 8, outBytes = out.info.bitsAllocated / 8;
    const qint64 count = indices.data.size() / inBytes;
    out.data.resize(qsizetype(count * 3 * outBytes));
    char *d = out.data.data();
    for (qint64 k = 0; k < count; ++k) {
        const qint64 v = sampleAt(indices.data.constData(), k, inBytes, in.isSigned);
        for (int c = 0; c < 3; ++c) {
            const auto &lut = luts[c];
            Uint16 e = lut[size_t(std::clamp<qint64>(v - offsets[c], 0, qint64(lut.size()) - 1))];
            if (outBytes == 1)
                d[3 * k + c] = char(highByte ? e >> 8 : e);
            else
                std::memcpy(d + 2 * (3 * k + c), &e, 2);
        }
    }
    return out;
}

} // namespace kilima::dicom
