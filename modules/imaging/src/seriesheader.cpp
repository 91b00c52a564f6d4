// Header pass of the series loader: one file's tags → FrameHeaders (a
// frame, an enhanced object's frame with its functional groups, or a mosaic
// tile). Reads no pixel data; a file that cannot be shown gets a reason.
#include "seriesloader_p.h"

#include <kilima/dicom/attributes.h>
#include <kilima/dicom/charset.h>
#include <kilima/dicom/dicomfile.h>
#include <kilima/dicom/pixeldata.h>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <QFileInfo>
#include <QHash>
#include <algorithm>
#include <cmath>

namespace kilima::imaging::detail {

namespace {

double num(DcmItem &item, const DcmTagKey &tag, double fallback = 0, unsigned long pos = 0)
{
    Float64 v = 0;
    if (item.findAndGetFloat64(tag, v, pos).good() && std::isfinite(v))
        return v;
    // IS and US/SS values (Instance Number, Number of Frames) are not FD.
    OFString text;
    if (item.findAndGetOFString(tag, text, pos).good()) {
        bool ok = false;
        const double d = QString::fromLatin1(text.c_str()).trimmed().toDouble(&ok);
        if (ok && std::isfinite(d))
            return d;
    }
    return fallback;
}

bool nums(DcmItem &item, const DcmTagKey &tag, double *out, int n)
{
    for (int i = 0; i < n; ++i) {
        Float64 v = 0;
        if (item.findAndGetFloat64(tag, v, unsigned(i)).bad() || !std::isfinite(v))
            return false;
        out[i] = v;
    }
    return true;
}

QVector<double> allNums(DcmItem &item, const DcmTagKey &tag)
{
    QVector<double> out;
    Float64 v = 0;
    for (unsigned long i = 0; item.findAndGetFloat64(tag, v, i).good(); ++i)
        out.append(v);
    return out;
}

DcmItem *seqItem(DcmItem *item, const DcmTagKey &tag, int index = 0)
{
    if (!item)
        return nullptr;
    DcmItem *out = nullptr;
    if (item->findAndGetSequenceItem(tag, out, index).bad())
        return nullptr;
    return out;
}

// Reads the plane/pixel/rescale functional groups of one frame of an
// enhanced object: per-frame first, shared as fallback.
void applyFunctionalGroups(DcmItem *perFrame, DcmItem *shared, FrameHeader &h)
{
    for (DcmItem *g : {shared, perFrame}) {
        if (!g)
            continue;
        if (DcmItem *pp = seqItem(g, DCM_PlanePositionSequence)) {
            double p[3];
            if (nums(*pp, DCM_ImagePositionPatient, p, 3)) {
                h.ipp = {p[0], p[1], p[2]};
                h.hasIpp = true;
            }
        }
        if (DcmItem *po = seqItem(g, DCM_PlaneOrientationSequence))
            h.hasIop = nums(*po, DCM_ImageOrientationPatient, h.iop, 6) || h.hasIop;
        if (DcmItem *pm = seqItem(g, DCM_PixelMeasuresSequence)) {
            if (nums(*pm, DCM_PixelSpacing, h.spacing, 2))
                h.hasSpacing = true;
            h.thickness = num(*pm, DCM_SliceThickness, h.thickness);
        }
        if (DcmItem *pv = seqItem(g, DCM_PixelValueTransformationSequence)) {
            h.slope = num(*pv, DCM_RescaleSlope, h.slope);
            h.intercept = num(*pv, DCM_RescaleIntercept, h.intercept);
        }
        if (DcmItem *fc = seqItem(g, DCM_FrameContentSequence)) {
            h.temporal = num(*fc, DCM_TemporalPositionIndex, h.temporal);
            Sint32 stack = 0;
            OFString sid;
            if (fc->findAndGetOFString(DCM_StackID, sid).good())
                h.stackKey = int(qHash(QString::fromLatin1(sid.c_str())) & 0x7fffffff);
            (void)stack;
        }
        if (DcmItem *voi = seqItem(g, DCM_FrameVOILUTSequence)) {
            // Every window of the frame (a reader cycles through them), in order.
            const QVector<double> c = allNums(*voi, DCM_WindowCenter), w = allNums(*voi, DCM_WindowWidth);
            if (!c.isEmpty() && !w.isEmpty() && w.front() > 0) {
                h.wc = c;
                h.ww = w;
            }
        }
    }
}

std::shared_ptr<VoiLut> readVoiLut(DcmItem &ds)
{
    DcmItem *item = seqItem(&ds, DCM_VOILUTSequence);
    if (!item)
        return {};
    Uint16 n = 0, bits = 0;
    Sint16 first = 0;
    // Descriptor: entries, first mapped (US or SS), bits.
    if (item->findAndGetUint16(DCM_LUTDescriptor, n, 0).bad() || item->findAndGetUint16(DCM_LUTDescriptor, bits, 2).bad())
        return {};
    Uint16 firstU = 0;
    item->findAndGetUint16(DCM_LUTDescriptor, firstU, 1);
    first = Sint16(firstU);
    const Uint16 *data = nullptr;
    unsigned long count = 0;
    if (item->findAndGetUint16Array(DCM_LUTData, data, &count).bad() || !data)
        return {};
    auto lut = std::make_shared<VoiLut>();
    lut->firstMapped = first;
    lut->bits = bits ? bits : 16;
    const unsigned long entries = n == 0 ? 65536 : n;
    if (bits <= 8 && count * 2 >= entries && count < entries) {
        // 8-bit entries packed two per 16-bit word.
        const auto *b = reinterpret_cast<const quint8 *>(data);
        lut->table.assign(b, b + entries);
    } else {
        lut->table.assign(data, data + std::min(count, entries));
    }
    lut->explanation = dicom::stringValue(*item, DCM_LUTExplanation);
    return lut->table.empty() ? nullptr : lut;
}

} // namespace

FileScan scanFile(const QString &path)
{
    FileScan out;
    const QString name = QFileInfo(path).fileName();
    // Large values (pixel data) are not read: header pass only. The
    // structure is checked first, as on every way in (a hostile file on a
    // CD must not take the viewer down).
    auto loaded = dicom::DicomFile::loadStructure(path, name);
    if (!loaded) {
        const QString why = loaded.error().startsWith(name + QStringLiteral(": ")) ? loaded.error().mid(name.size() + 2) : loaded.error();
        out.problem = QStringLiteral("%1: not readable as DICOM: %2").arg(name, why);
        return out;
    }
    DcmDataset &ds = loaded.value().dataset();
    // Only the few texts the viewer shows are converted to UTF-8, on a
    // small copy: converting the whole dataset would touch every element.
    DcmDataset texts;
    for (const DcmTagKey &t : {DCM_SpecificCharacterSet, DCM_PatientName, DCM_PatientID, DCM_StudyDescription,
                               DCM_SeriesDescription}) {
        DcmElement *e = nullptr;
        if (ds.findAndGetElement(t, e).good() && e)
            texts.insert(static_cast<DcmElement *>(e->clone()));
    }
    dicom::convertToUtf8(texts);
    FrameHeader h;
    h.path = path;
    h.sopClass = dicom::stringValue(ds, DCM_SOPClassUID);
    if (!ds.tagExists(DCM_PixelData) && !ds.tagExists(DCM_FloatPixelData) && !ds.tagExists(DCM_DoubleFloatPixelData)) {
        const char *cls = dcmFindNameOfUID(h.sopClass.toLatin1().constData(), nullptr);
        out.problem = name + QStringLiteral(": no pixel data (") +
                      (cls ? QString::fromLatin1(cls) : (h.sopClass.isEmpty() ? QStringLiteral("unknown SOP class") : h.sopClass)) +
                      QStringLiteral("), not an image");
        return out;
    }
    if (!ds.tagExists(DCM_PixelData)) {
        out.problem = name + QStringLiteral(": float pixel data (parametric map) is not displayable yet");
        return out;
    }
    h.sopUid = dicom::stringValue(ds, DCM_SOPInstanceUID);
    h.seriesUid = dicom::stringValue(ds, DCM_SeriesInstanceUID);
    h.studyUid = dicom::stringValue(ds, DCM_StudyInstanceUID);
    h.forUid = dicom::stringValue(ds, DCM_FrameOfReferenceUID);
    h.modality = dicom::stringValue(ds, DCM_Modality);
    h.seriesDescription = dicom::stringValue(texts, DCM_SeriesDescription);
    h.patientName = dicom::stringValue(texts, DCM_PatientName);
    h.patientId = dicom::stringValue(texts, DCM_PatientID);
    h.studyDate = dicom::stringValue(ds, DCM_StudyDate);
    h.studyDescription = dicom::stringValue(texts, DCM_StudyDescription);
    h.seriesNumber = int(num(ds, DCM_SeriesNumber));
    h.instanceNumber = int(num(ds, DCM_InstanceNumber));
    const QString imageType = dicom::stringValue(ds, DCM_ImageType).toUpper();
    h.localizer = imageType.contains(QLatin1String("LOCALIZER"));
    Uint16 u = 0;
    if (ds.findAndGetUint16(DCM_Rows, u).good())
        h.rows = u;
    if (ds.findAndGetUint16(DCM_Columns, u).good())
        h.columns = u;
    if (ds.findAndGetUint16(DCM_SamplesPerPixel, u).good())
        h.spp = u;
    if (ds.findAndGetUint16(DCM_BitsAllocated, u).good())
        h.bitsAllocated = u;
    h.bitsStored = ds.findAndGetUint16(DCM_BitsStored, u).good() ? u : h.bitsAllocated;
    h.isSigned = ds.findAndGetUint16(DCM_PixelRepresentation, u).good() && u == 1;
    h.photometric = dicom::stringValue(ds, DCM_PhotometricInterpretation).toUpper();
    if (h.rows <= 0 || h.columns <= 0) {
        out.problem = name + QStringLiteral(": Rows/Columns missing or zero");
        return out;
    }
    if (h.spp != 1 && h.spp != 3) {
        out.problem = name + QStringLiteral(": %1 samples per pixel is not displayable").arg(h.spp);
        return out;
    }
    if (h.bitsAllocated != 1 && h.bitsAllocated != 8 && h.bitsAllocated != 16 && h.bitsAllocated != 32) {
        out.problem = name + QStringLiteral(": %1 bits allocated is not supported").arg(h.bitsAllocated);
        return out;
    }
    if (h.photometric == QLatin1String("PALETTE COLOR")) {
        h.spp = 3;
        // The RGB samples have the LUT entries' depth (descriptor's third
        // value, US or SS), not the indices' : 16-bit entries shown as 8 bit
        // would saturate.
        int lutBits = 0;
        for (const DcmTagKey &t : {DCM_RedPaletteColorLookupTableDescriptor, DCM_GreenPaletteColorLookupTableDescriptor,
                                   DCM_BluePaletteColorLookupTableDescriptor}) {
            Uint16 bits = 16;
            Sint16 sbits = 0;
            if (ds.findAndGetUint16(t, bits, 2).bad())
                bits = ds.findAndGetSint16(t, sbits, 2).good() ? Uint16(sbits) : 16;
            lutBits = std::max<int>(lutBits, bits);
        }
        h.bitsStored = lutBits > 8 ? 16 : 8;
    }
    h.hasIop = nums(ds, DCM_ImageOrientationPatient, h.iop, 6);
    double p[3];
    if (nums(ds, DCM_ImagePositionPatient, p, 3)) {
        h.ipp = {p[0], p[1], p[2]};
        h.hasIpp = true;
    }
    h.hasSpacing = nums(ds, DCM_PixelSpacing, h.spacing, 2) || nums(ds, DCM_ImagerPixelSpacing, h.spacing, 2);
    h.thickness = num(ds, DCM_SliceThickness);
    h.slope = num(ds, DCM_RescaleSlope, 1);
    if (h.slope == 0)
        h.slope = 1;
    h.intercept = num(ds, DCM_RescaleIntercept, 0);
    // Modality LUT Sequence (grey only): where present it, not the rescale,
    // gives the modality values (PS3.3 C.11.1), as dcmtk's dcm2pnm shows them.
    if (h.spp == 1) {
        auto lut = dicom::modalityLut(ds, h.isSigned);
        if (!lut)
            h.modalityLutProblem = name + QStringLiteral(": ") + lut.error() + QStringLiteral("; its rescale is used");
        else if (!lut.value().table.empty())
            h.modalityLut = std::make_shared<const dicom::ModalityLut>(lut.take());
    }
    h.wc = allNums(ds, DCM_WindowCenter);
    h.ww = allNums(ds, DCM_WindowWidth);
    h.voiLut = readVoiLut(ds);
    h.presentationInverse = dicom::stringValue(ds, DCM_PresentationLUTShape).trimmed().toUpper() == QLatin1String("INVERSE");
    h.temporal = num(ds, DCM_TemporalPositionIdentifier, NAN);
    if (!std::isfinite(h.temporal))
        h.temporal = num(ds, DCM_TriggerTime, NAN);
    if (!std::isfinite(h.temporal))
        h.temporal = num(ds, DCM_AcquisitionNumber, 0) * 1e6 + h.instanceNumber;
    const int frames = std::max(1, int(num(ds, DCM_NumberOfFrames, 1)));
    h.objectFrames = frames;

    // Siemens mosaic: one stored frame holds a grid of slices.
    Uint16 mosaicCount = 0;
    const bool mosaic = imageType.contains(QLatin1String("MOSAIC")) &&
                        ds.findAndGetUint16(DcmTagKey(0x0019, 0x100a), mosaicCount).good() && mosaicCount > 1;
    if (mosaic && frames == 1) {
        const int grid = int(std::ceil(std::sqrt(double(mosaicCount))));
        const int tileRows = h.rows / grid, tileCols = h.columns / grid;
        const Vec3 r{h.iop[0], h.iop[1], h.iop[2]}, cdir{h.iop[3], h.iop[4], h.iop[5]};
        const Vec3 n = r.cross(cdir).normalized();
        double gap = num(ds, DCM_SpacingBetweenSlices, 0);
        if (gap <= 0)
            gap = h.thickness > 0 ? h.thickness : 1;
        // IPP of a mosaic names the corner of the whole grid; the first
        // tile's corner lies half the extra width/height inside it.
        const Vec3 first = h.ipp + r * (h.spacing[1] * (h.columns - tileCols) / 2.0) +
                           cdir * (h.spacing[0] * (h.rows - tileRows) / 2.0);
        for (int t = 0; t < mosaicCount; ++t) {
            FrameHeader th = h;
            th.tile = t;
            th.rows = tileRows;
            th.columns = tileCols;
            th.ipp = first + n * (gap * t);
            th.temporal = num(ds, DCM_AcquisitionNumber, 0) * 1e6 + h.instanceNumber;
            out.frames.append(th);
        }
        return out;
    }
    if (frames > 1) {
        DcmItem *shared = seqItem(&ds, DCM_SharedFunctionalGroupsSequence);
        DcmSequenceOfItems *perFrame = nullptr;
        ds.findAndGetSequence(DCM_PerFrameFunctionalGroupsSequence, perFrame);
        const QVector<double> offsets = allNums(ds, DcmTagKey(0x3004, 0x000c)); // Grid Frame Offset Vector (RT Dose)
        const double gap = num(ds, DCM_SpacingBetweenSlices, 0);
        for (int f = 0; f < frames; ++f) {
            FrameHeader fh = h;
            fh.frame = f;
            fh.instanceNumber = h.instanceNumber * 100000 + f;
            if (shared || perFrame) {
                DcmItem *item = perFrame && f < int(perFrame->card()) ? perFrame->getItem(unsigned(f)) : nullptr;
                applyFunctionalGroups(item, shared, fh);
                if (!perFrame || !item)
                    fh.hasIpp = false;   // a position shared by every frame says nothing about each
            } else if (h.hasIop && h.hasIpp && (offsets.size() == frames || gap > 0)) {
                const Vec3 n = Vec3{h.iop[0], h.iop[1], h.iop[2]}.cross(Vec3{h.iop[3], h.iop[4], h.iop[5]}).normalized();
                fh.ipp = h.ipp + n * (offsets.size() == frames ? offsets[f] : gap * f);
            } else {
                fh.hasIpp = false;   // cine (US, XA): frames in time, not space
                fh.temporal = f;
            }
            if (fh.temporal == h.temporal && !(shared || perFrame))
                fh.temporal = f;
            out.frames.append(fh);
        }
        return out;
    }
    out.frames.append(h);
    return out;
}

} // namespace kilima::imaging::detail
