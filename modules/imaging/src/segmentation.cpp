#include <kilima/imaging/segmentation.h>

#include <kilima/dicom/attributes.h>
#include <kilima/dicom/charset.h>
#include <kilima/dicom/codecs.h>
#include <kilima/dicom/dicomfile.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcelem.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include <QFileInfo>
#include <algorithm>
#include <cmath>

namespace kilima::imaging {

namespace {

DcmItem *firstItem(DcmItem *item, const DcmTagKey &tag)
{
    DcmSequenceOfItems *seq = nullptr;
    if (item && item->findAndGetSequence(tag, seq).good() && seq && seq->card() > 0)
        return seq->getItem(0);
    return nullptr;
}

// Colours for segments without a recommended one: distinct, readable over
// grey (the palette 3D Slicer's generic anatomy colours start with).
const Rgb kPalette[] = {{128, 174, 128}, {241, 214, 145}, {177, 122, 101}, {111, 184, 210}, {216, 101, 79},
                        {221, 130, 101}, {144, 238, 144}, {192, 104, 88},  {220, 245, 20},  {78, 63, 0}};

double srgbGamma(double c)
{
    return c <= 0.0031308 ? 12.92 * c : 1.055 * std::pow(c, 1 / 2.4) - 0.055;
}

// A frame's segment number, source image and position: per-frame group
// first, the shared group when the per-frame one lacks it.
void readFrameGroups(DcmItem *perFrame, DcmItem *shared, int *segmentNumber, SegmentationFrame *f)
{
    for (DcmItem *g : {perFrame, shared}) {
        if (!g)
            continue;
        if (*segmentNumber <= 0) {
            if (DcmItem *id = firstItem(g, DCM_SegmentIdentificationSequence)) {
                Uint16 n = 0;
                if (id->findAndGetUint16(DCM_ReferencedSegmentNumber, n).good())
                    *segmentNumber = n;
            }
        }
        if (f->sourceSopUid.isEmpty()) {
            if (DcmItem *src = firstItem(firstItem(g, DCM_DerivationImageSequence), DCM_SourceImageSequence)) {
                f->sourceSopUid = dicom::stringValue(*src, DCM_ReferencedSOPInstanceUID);
                Sint32 frame = 0;
                if (src->findAndGetSint32(DCM_ReferencedFrameNumber, frame).good() && frame > 0)
                    f->sourceFrame = frame - 1;
            }
        }
        if (!f->hasPosition) {
            if (DcmItem *pos = firstItem(g, DCM_PlanePositionSequence)) {
                Float64 x = 0, y = 0, z = 0;
                if (pos->findAndGetFloat64(DCM_ImagePositionPatient, x, 0).good() &&
                    pos->findAndGetFloat64(DCM_ImagePositionPatient, y, 1).good() &&
                    pos->findAndGetFloat64(DCM_ImagePositionPatient, z, 2).good()) {
                    f->position = {x, y, z};
                    f->hasPosition = true;
                }
            }
        }
    }
}

} // namespace

Rgb cielabToRgb(quint16 lIn, quint16 aIn, quint16 bIn)
{
    const double L = lIn * 100.0 / 65535.0, a = aIn * 255.0 / 65535.0 - 128, b = bIn * 255.0 / 65535.0 - 128;
    // CIELab → XYZ (D65 white), then XYZ → linear sRGB → gamma.
    const double fy = (L + 16) / 116, fx = fy + a / 500, fz = fy - b / 200;
    auto finv = [](double t) { return t > 6.0 / 29 ? t * t * t : 3 * (6.0 / 29) * (6.0 / 29) * (t - 4.0 / 29); };
    const double X = 0.95047 * finv(fx), Y = 1.0 * finv(fy), Z = 1.08883 * finv(fz);
    const double r = 3.2404542 * X - 1.5371385 * Y - 0.4985314 * Z;
    const double g = -0.9692660 * X + 1.8760108 * Y + 0.0415560 * Z;
    const double bl = 0.0556434 * X - 0.2040259 * Y + 1.0572252 * Z;
    auto to8 = [](double c) { return quint8(std::clamp(int(std::lround(srgbGamma(std::clamp(c, 0.0, 1.0)) * 255)), 0, 255)); };
    return {to8(r), to8(g), to8(bl)};
}

core::Result<SegmentationPtr> loadSegmentation(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    auto file = dicom::DicomFile::load(path);
    if (!file)
        return core::Error{file.error()};
    DcmDataset &ds = file.value().dataset();
    auto seg = std::make_shared<Segmentation>();
    if (dicom::stringValue(ds, DCM_Modality) != QLatin1String("SEG"))
        return core::Error{name + QStringLiteral(": not a segmentation (Modality is not SEG)")};
    seg->sopUid = dicom::stringValue(ds, DCM_SOPInstanceUID);
    seg->seriesUid = dicom::stringValue(ds, DCM_SeriesInstanceUID);
    seg->frameOfReferenceUid = dicom::stringValue(ds, DCM_FrameOfReferenceUID);
    if (DcmItem *ref = firstItem(&ds, DCM_ReferencedSeriesSequence))
        seg->referencedSeriesUid = dicom::stringValue(*ref, DCM_SeriesInstanceUID);
    Uint16 rows = 0, cols = 0, bits = 0;
    ds.findAndGetUint16(DCM_Rows, rows);
    ds.findAndGetUint16(DCM_Columns, cols);
    ds.findAndGetUint16(DCM_BitsAllocated, bits);
    seg->rows = rows;
    seg->columns = cols;
    seg->fractional = dicom::stringValue(ds, DCM_SegmentationType) == QLatin1String("FRACTIONAL");
    Uint16 maxFraction = 255;
    if (seg->fractional)
        ds.findAndGetUint16(DCM_MaximumFractionalValue, maxFraction);
    Sint32 frameCount = 1;
    ds.findAndGetSint32(DCM_NumberOfFrames, frameCount);
    if (rows == 0 || cols == 0 || frameCount <= 0 || (bits != 1 && bits != 8))
        return core::Error{name + QStringLiteral(": segmentation with %1x%2 pixels, %3 frames and %4 bits allocated cannot be shown")
                                      .arg(cols).arg(rows).arg(frameCount).arg(bits)};

    {
        // Segment descriptions and colours; convert only this sequence's texts.
        DcmSequenceOfItems *segments = nullptr;
        if (ds.findAndGetSequence(DCM_SegmentSequence, segments).good() && segments) {
            for (unsigned long i = 0; i < segments->card(); ++i) {
                DcmItem *it = segments->getItem(i);
                Segment s;
                Uint16 n = 0;
                it->findAndGetUint16(DCM_SegmentNumber, n);
                s.number = n;
                s.label = dicom::stringValue(*it, DCM_SegmentLabel);
                Uint16 lab[3];
                if (it->findAndGetUint16(DCM_RecommendedDisplayCIELabValue, lab[0], 0).good() &&
                    it->findAndGetUint16(DCM_RecommendedDisplayCIELabValue, lab[1], 1).good() &&
                    it->findAndGetUint16(DCM_RecommendedDisplayCIELabValue, lab[2], 2).good())
                    s.color = cielabToRgb(lab[0], lab[1], lab[2]);
                else
                    s.color = kPalette[i % (sizeof(kPalette) / sizeof(kPalette[0]))];
                seg->segments.push_back(s);
            }
        }
    }
    if (seg->segments.empty())
        return core::Error{name + QStringLiteral(": segmentation without a Segment Sequence")};

    // Pixel data: encapsulated SEGs (RLE, deflate) are decoded to native first.
    if (DcmXfer(ds.getOriginalXfer()).isEncapsulated()) {
        dicom::registerCodecs();
        if (ds.chooseRepresentation(EXS_LittleEndianExplicit, nullptr).bad())
            return core::Error{name + QStringLiteral(": the segmentation's compressed pixel data cannot be decoded")};
    }
    const Uint8 *data = nullptr;
    unsigned long bytes = 0;
    DcmElement *pixels = nullptr;
    if (ds.findAndGetElement(DCM_PixelData, pixels).bad() || !pixels || pixels->getUint8Array(const_cast<Uint8 *&>(data)).bad() || !data)
        return core::Error{name + QStringLiteral(": no pixel data")};
    bytes = pixels->getLength();
    const size_t perFrame = size_t(rows) * cols;
    const size_t needed = bits == 1 ? (perFrame * size_t(frameCount) + 7) / 8 : perFrame * size_t(frameCount);
    if (bytes < needed)
        return core::Error{name + QStringLiteral(": pixel data length %1 is shorter than %2 frames of %3x%4 need (%5)")
                                      .arg(bytes).arg(frameCount).arg(cols).arg(rows).arg(needed)};

    DcmSequenceOfItems *perFrameSeq = nullptr;
    ds.findAndGetSequence(DCM_PerFrameFunctionalGroupsSequence, perFrameSeq);
    DcmItem *shared = firstItem(&ds, DCM_SharedFunctionalGroupsSequence);
    seg->frames.reserve(size_t(frameCount));
    for (int i = 0; i < frameCount; ++i) {
        SegmentationFrame f;
        int number = 0;
        DcmItem *pf = perFrameSeq && unsigned(i) < perFrameSeq->card() ? perFrameSeq->getItem(unsigned(i)) : nullptr;
        readFrameGroups(pf, shared, &number, &f);
        for (size_t s = 0; s < seg->segments.size(); ++s) {
            if (seg->segments[s].number == number)
                f.segment = int(s);
        }
        if (f.segment < 0)
            continue;   // a frame of no described segment: nothing to colour
        f.mask.resize(perFrame);
        if (bits == 1) {
            // Frames are packed back to back, not byte aligned (PS3.5 8.1.1).
            const size_t bit0 = perFrame * size_t(i);
            for (size_t p = 0; p < perFrame; ++p) {
                const size_t b = bit0 + p;
                f.mask[p] = (data[b >> 3] >> (b & 7)) & 1 ? 255 : 0;
            }
        } else {
            const Uint8 *src = data + perFrame * size_t(i);
            const double scale = seg->fractional ? 255.0 / std::max<Uint16>(1, maxFraction) : 255.0;
            for (size_t p = 0; p < perFrame; ++p)
                f.mask[p] = quint8(std::min(255.0, src[p] * scale + 0.5));
        }
        seg->frames.push_back(std::move(f));
    }
    return SegmentationPtr(std::move(seg));
}

std::vector<std::vector<int>> framesPerSlice(const Segmentation &seg, const Volume &v)
{
    std::vector<std::vector<int>> out(size_t(std::max(0, v.slices())));
    if (seg.rows != v.rows || seg.columns != v.columns || v.samplesPerPixel != 1)
        return out;
    const bool sameFrame = !seg.frameOfReferenceUid.isEmpty() && seg.frameOfReferenceUid == v.frameOfReferenceUid;
    const double tolerance = std::max(0.01, v.slices() > 1 ? v.sliceSpacing() / 2 : 0.5);
    for (size_t i = 0; i < seg.frames.size(); ++i) {
        const SegmentationFrame &f = seg.frames[i];
        int slice = -1;
        if (!f.sourceSopUid.isEmpty()) {
            for (int k = 0; k < v.slices() && slice < 0; ++k) {
                const SliceSource &s = v.sources[size_t(k)];
                if (s.sopUid == f.sourceSopUid && s.frame == f.sourceFrame)
                    slice = k;
            }
        }
        if (slice < 0 && f.hasPosition && sameFrame && v.hasGeometry) {
            const double d = f.position.dot(v.normal);
            double best = tolerance;
            for (int k = 0; k < v.slices(); ++k) {
                const double g = std::abs(v.sliceDistance(k) - d);
                if (g <= best) {
                    best = g;
                    slice = k;
                }
            }
        }
        if (slice >= 0)
            out[size_t(slice)].push_back(int(i));
    }
    return out;
}

void blendSegmentation(const Segmentation &seg, const std::vector<int> &frames, double opacity, quint32 *pixels)
{
    const size_t n = size_t(seg.rows) * size_t(seg.columns);
    for (int fi : frames) {
        const SegmentationFrame &f = seg.frames[size_t(fi)];
        const Rgb c = seg.segments[size_t(f.segment)].color;
        for (size_t p = 0; p < n; ++p) {
            if (!f.mask[p])
                continue;
            const double a = opacity * f.mask[p] / 255.0;
            const quint32 px = pixels[p];
            auto mix = [a](int under, int over) { return quint32(std::lround(under + (over - under) * a)); };
            pixels[p] = 0xff000000u | (mix(int((px >> 16) & 0xff), c.r) << 16) | (mix(int((px >> 8) & 0xff), c.g) << 8) |
                        mix(int(px & 0xff), c.b);
        }
    }
}

} // namespace kilima::imaging
