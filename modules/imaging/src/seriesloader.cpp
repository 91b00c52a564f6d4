#include <kilima/imaging/seriesloader.h>

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
#include <QLoggingCategory>
#include <QMap>
#include <QThreadPool>
#include <QtConcurrent>
#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcLoader, "kilima.imaging")

namespace kilima::imaging {

namespace {

// One 2D image as the header describes it (a frame, or a mosaic tile).
struct FrameHeader {
    QString path;
    int frame = 0;
    int tile = -1;
    int objectFrames = 1;
    QString sopUid, sopClass, seriesUid, studyUid, forUid, modality, seriesDescription;
    QString patientName, patientId, studyDate, studyDescription;
    int seriesNumber = 0, instanceNumber = 0, stackKey = 0;
    double temporal = 0;      // ordering key within a repeated position
    bool localizer = false;
    int rows = 0, columns = 0, spp = 1, bitsAllocated = 16, bitsStored = 16;
    bool isSigned = false;
    QString photometric;
    bool hasIop = false, hasIpp = false, hasSpacing = false;
    double iop[6] = {1, 0, 0, 0, 1, 0};
    Vec3 ipp;
    double spacing[2] = {1, 1};
    double thickness = 0;
    double slope = 1, intercept = 0;
    QVector<double> wc, ww;
    std::shared_ptr<VoiLut> voiLut;
    bool presentationInverse = false;
};

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

struct FileScan {
    QList<FrameHeader> frames;
    QString problem;
};

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

QString orientationKey(const FrameHeader &h)
{
    QString key;
    for (double v : h.iop)
        key += QString::number(std::round(v * 1000) / 1000 + 0.0) + QLatin1Char(',');
    return key;
}

VolumePtr makeVolume(const QList<FrameHeader> &frames, bool geometry)
{
    auto v = std::make_shared<Volume>();
    const FrameHeader &h = frames.front();
    v->studyUid = h.studyUid;
    v->seriesUid = h.seriesUid;
    v->frameOfReferenceUid = h.forUid;
    v->modality = h.modality;
    v->seriesDescription = h.seriesDescription;
    v->patientName = h.patientName;
    v->patientId = h.patientId;
    v->studyDate = h.studyDate;
    v->studyDescription = h.studyDescription;
    v->seriesNumber = h.seriesNumber;
    v->columns = h.columns;
    v->rows = h.rows;
    v->samplesPerPixel = h.spp;
    v->isSigned = h.isSigned && h.bitsAllocated != 32;
    v->bitsStored = h.bitsAllocated == 1 ? 1 : std::min(h.bitsStored, 16);
    if (h.spp == 3)
        v->photometric = QStringLiteral("RGB");
    else
        v->photometric = h.photometric == QLatin1String("MONOCHROME1") ? h.photometric : QStringLiteral("MONOCHROME2");
    v->windowCenters = h.wc;
    v->windowWidths = h.ww;
    v->voiLut = h.voiLut;
    v->presentationInverse = h.presentationInverse;
    v->rescaleUnit = h.modality == QLatin1String("CT") ? QStringLiteral("HU") : QString();
    v->hasGeometry = geometry;
    v->spacingKnown = h.hasSpacing;
    v->rowSpacing = h.hasSpacing && h.spacing[0] > 0 ? h.spacing[0] : 1;
    v->columnSpacing = h.hasSpacing && h.spacing[1] > 0 ? h.spacing[1] : 1;
    v->sliceThickness = h.thickness;
    if (geometry) {
        v->rowDir = Vec3{h.iop[0], h.iop[1], h.iop[2]}.normalized();
        v->colDir = Vec3{h.iop[3], h.iop[4], h.iop[5]}.normalized();
        v->normal = v->rowDir.cross(v->colDir).normalized();
    }
    for (int k = 0; k < frames.size(); ++k) {
        const FrameHeader &f = frames[k];
        v->positions.push_back(geometry ? f.ipp : Vec3{0, 0, double(k)});
        SliceSource s;
        s.path = f.path;
        s.frame = f.frame;
        s.tile = f.tile;
        s.sopUid = f.sopUid;
        s.instanceNumber = f.instanceNumber;
        s.slope = f.slope;
        s.intercept = f.intercept;
        s.windowCenters = f.wc;
        s.windowWidths = f.ww;
        s.voiLut = f.voiLut;
        // 32-bit samples are kept as their top 16 bits; the slope restores the scale.
        if (f.bitsAllocated == 32 && f.bitsStored > 16)
            s.slope *= double(1 << (f.bitsStored - 16));
        v->sources.push_back(s);
    }
    if (!geometry)
        v->notes.append(frames.size() > 1 ? QStringLiteral("no plane geometry: frames shown as a stack, no MPR")
                                          : QStringLiteral("no plane geometry: 2D only"));
    if (!h.hasSpacing)
        v->notes.append(QStringLiteral("pixel spacing unknown: distances in pixels"));
    return v;
}

void addGeometryNotes(Volume &v)
{
    if (v.slices() < 2)
        return;
    if (!v.uniformSpacing()) {
        double lo = 1e9, hi = 0;
        for (int k = 1; k < v.slices(); ++k) {
            const double g = v.sliceDistance(k) - v.sliceDistance(k - 1);
            lo = std::min(lo, g);
            hi = std::max(hi, g);
        }
        v.notes.append(QStringLiteral("non-uniform spacing: gaps from %1 to %2 mm (positions kept exact)")
                           .arg(lo, 0, 'f', 2).arg(hi, 0, 'f', 2));
    }
    const double tilt = v.tiltDegrees();
    if (tilt > 0.1)
        v.notes.append(QStringLiteral("gantry tilt / sheared stack: %1°").arg(tilt, 0, 'f', 1));
}

// Splits one group of frames that share size and orientation into volumes.
void buildVolumes(QList<FrameHeader> frames, bool geometry, const QString &baseLabel, std::vector<VolumePtr> &out)
{
    if (!geometry) {
        std::stable_sort(frames.begin(), frames.end(), [](const FrameHeader &a, const FrameHeader &b) {
            return a.instanceNumber != b.instanceNumber ? a.instanceNumber < b.instanceNumber : a.frame < b.frame;
        });
        VolumePtr v = makeVolume(frames, false);
        v->label = baseLabel;
        out.push_back(v);
        return;
    }
    const Vec3 n = Vec3{frames[0].iop[0], frames[0].iop[1], frames[0].iop[2]}
                       .cross(Vec3{frames[0].iop[3], frames[0].iop[4], frames[0].iop[5]})
                       .normalized();
    std::stable_sort(frames.begin(), frames.end(), [&](const FrameHeader &a, const FrameHeader &b) {
        const double da = a.ipp.dot(n), db = b.ipp.dot(n);
        if (std::abs(da - db) > 1e-3)
            return da < db;
        if (a.temporal != b.temporal)
            return a.temporal < b.temporal;
        return a.instanceNumber < b.instanceNumber;
    });
    // Positions that repeat (4D: time points, b-values, echoes) become phases.
    QList<QList<FrameHeader>> positions;
    for (const FrameHeader &f : frames) {
        if (positions.isEmpty() || (f.ipp - positions.back().front().ipp).norm() > 1e-3 ||
            std::abs(f.ipp.dot(n) - positions.back().front().ipp.dot(n)) > 1e-3)
            positions.append({f});
        else
            positions.back().append(f);
    }
    int phases = 1;
    for (const auto &p : positions)
        phases = std::max(phases, int(p.size()));
    for (int ph = 0; ph < phases; ++ph) {
        QList<FrameHeader> vol;
        for (const auto &p : positions) {
            if (ph < p.size())
                vol.append(p[ph]);
        }
        VolumePtr v = makeVolume(vol, true);
        v->label = baseLabel;
        if (phases > 1) {
            v->label = (baseLabel.isEmpty() ? QString() : baseLabel + QLatin1Char(' ')) +
                       QStringLiteral("phase %1/%2").arg(ph + 1).arg(phases);
            if (vol.size() != positions.size())
                v->notes.append(QStringLiteral("phase has %1 of %2 positions").arg(vol.size()).arg(positions.size()));
        }
        addGeometryNotes(*v);
        out.push_back(v);
    }
}

} // namespace

ScanResult scanFiles(const QStringList &files, int threads)
{
    QThreadPool pool;
    if (threads > 0)
        pool.setMaxThreadCount(threads);
    const QList<FileScan> scans = QtConcurrent::blockingMapped(&pool, files, &scanFile);
    ScanResult result;
    // Group key → frames. Keys keep series apart and split by size,
    // orientation, stack and localizer.
    QMap<QString, QList<FrameHeader>> groups;
    QHash<QString, int> orientationsPerSeries;
    QHash<QString, QString> seriesMainOrientation;
    for (const FileScan &s : scans) {
        if (!s.problem.isEmpty()) {
            result.notDisplayable.append(s.problem);
            continue;
        }
        for (const FrameHeader &f : s.frames) {
            const bool geometry = f.hasIop && f.hasIpp;
            QString key = QStringLiteral("%1|%2|%3x%4x%5|%6|%7")
                              .arg(f.seriesNumber, 8, 10, QLatin1Char('0'))
                              .arg(f.seriesUid)
                              .arg(f.columns)
                              .arg(f.rows)
                              .arg(f.spp)
                              .arg(f.localizer ? QStringLiteral("localizer") : QString())
                              .arg(f.stackKey);
            if (geometry)
                key += QStringLiteral("|G|") + orientationKey(f);
            else if (f.objectFrames > 1)
                key += QStringLiteral("|N|") + f.path;   // a cine loop is its own stack
            else
                key += QStringLiteral("|N|");
            groups[key].append(f);
        }
    }
    QHash<QString, int> groupsPerSeries;
    for (auto it = groups.cbegin(); it != groups.cend(); ++it)
        ++groupsPerSeries[it.value().front().seriesUid];
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        const FrameHeader &f = it.value().front();
        const bool geometry = it.key().contains(QLatin1String("|G|"));
        QString label;
        if (f.localizer)
            label = QStringLiteral("localizer");
        const int before = int(result.volumes.size());
        buildVolumes(it.value(), geometry, label, result.volumes);
        if (groupsPerSeries.value(f.seriesUid) > 1) {
            for (size_t i = size_t(before); i < result.volumes.size(); ++i)
                result.volumes[i]->notes.append(
                    QStringLiteral("series split: its images differ in orientation, size or type"));
        }
    }
    return result;
}

namespace {

QString decodeInto(Volume &v, int k, DcmDataset &ds)
{
    const SliceSource &s = v.sources[size_t(k)];
    // The decoded frame's own description: a JPEG codec has already turned
    // YBR into RGB (the stored Photometric Interpretation still says YBR),
    // so colour is converted below only where the decoder left it YBR.
    auto frame = dicom::decodeFrames(ds, s.frame, 1);
    if (!frame)
        return frame.error();
    dicom::DecodedPixels px = frame.take();
    if (px.info.photometric == QLatin1String("PALETTE COLOR")) {
        auto rgb = dicom::applyPalette(ds, px);
        if (!rgb)
            return rgb.error();
        px = rgb.take();
    } else {
        dicom::ybrFullToRgb(px);
    }
    const int spp = px.info.samplesPerPixel;
    if (spp != v.samplesPerPixel)
        return QStringLiteral("frame has %1 samples per pixel, the series %2").arg(spp).arg(v.samplesPerPixel);
    const int srcCols = px.info.columns * spp;
    int x0 = 0, y0 = 0;
    if (s.tile >= 0) {
        const int grid = px.info.columns / v.columns;
        x0 = (s.tile % grid) * v.columns;
        y0 = (s.tile / grid) * v.rows;
    }
    if ((x0 + v.columns) > px.info.columns || (y0 + v.rows) > px.info.rows)
        return QStringLiteral("frame is %1x%2, smaller than the series' %3x%4")
            .arg(px.info.columns).arg(px.info.rows).arg(v.columns).arg(v.rows);
    const size_t need = size_t(px.info.rows) * size_t(srcCols) * size_t((px.info.bitsAllocated + 7) / 8);
    if (size_t(px.data.size()) < need)
        return QStringLiteral("decoded frame holds %1 bytes, %2 expected").arg(px.data.size()).arg(need);
    quint16 *dst = v.sliceData(k);
    // Grey: one sample per pixel; RGB: interleaved, copied as samples.
    const int cols = v.columns * spp;
    const int x0s = x0 * spp;
    const char *data = px.data.constData();
    auto copy = [&](auto *typed, int shift) {
        for (int r = 0; r < v.rows; ++r) {
            const auto *line = typed + size_t(y0 + r) * size_t(srcCols) + size_t(x0s);
            quint16 *out = dst + size_t(r) * size_t(cols);
            for (int c = 0; c < cols; ++c)
                out[c] = quint16(shift ? (line[c] >> shift) : line[c]);
        }
    };
    switch (px.info.bitsAllocated) {
    case 8:
        copy(reinterpret_cast<const quint8 *>(data), 0);
        break;
    case 16:
        copy(reinterpret_cast<const quint16 *>(data), 0);
        break;
    case 32: {
        const int shift = std::max(0, px.info.bitsStored - 16);
        if (px.info.isSigned)
            copy(reinterpret_cast<const qint32 *>(data), shift);
        else
            copy(reinterpret_cast<const quint32 *>(data), shift);
        break;
    }
    default:
        return QStringLiteral("%1 bits allocated after decoding is not supported").arg(px.info.bitsAllocated);
    }
    return {};
}

} // namespace

void decode(const VolumePtr &volume, QThreadPool *pool, int firstSlice, std::function<void(int)> onSlice)
{
    if (!pool)
        pool = QThreadPool::globalInstance();
    Volume &v = *volume;
    if (v.slices() == 0)
        return;
    v.allocate();
    // One job per file (a multi-frame object or mosaic is opened once),
    // ordered by distance from the slice the reader looks at first.
    QMap<QString, std::vector<int>> byFile;
    for (int k = 0; k < v.slices(); ++k)
        byFile[v.sources[size_t(k)].path].push_back(k);
    std::vector<std::pair<int, QString>> order;
    for (auto it = byFile.cbegin(); it != byFile.cend(); ++it) {
        int best = INT_MAX;
        for (int k : it.value())
            best = std::min(best, std::abs(k - firstSlice));
        order.emplace_back(best, it.key());
    }
    std::sort(order.begin(), order.end());
    for (const auto &o : order) {
        std::vector<int> ks = byFile.value(o.second);
        std::sort(ks.begin(), ks.end(), [&](int a, int b) { return std::abs(a - firstSlice) < std::abs(b - firstSlice); });
        const QString path = o.second;
        pool->start([volume, ks, path, onSlice]() {
            auto loaded = dicom::DicomFile::loadStructure(path, QFileInfo(path).fileName());
            QString fileError;
            if (!loaded) {
                fileError = loaded.error();
            } else if (auto pi = dicom::pixelInfo(loaded.value().dataset()); !pi) {
                fileError = QFileInfo(path).fileName() + QStringLiteral(": ") + pi.error();
            }
            for (int k : ks) {
                QString err = fileError;
                if (err.isEmpty()) {
                    err = decodeInto(*volume, k, loaded.value().dataset());
                    if (!err.isEmpty())
                        err = QFileInfo(path).fileName() + QStringLiteral(": ") + err;
                }
                if (!err.isEmpty()) {
                    qCWarning(lcLoader, "slice %d not decoded: %s", k, qPrintable(err));
                    // The voxel buffer is not zero-filled up front: a slice
                    // that failed must not show what that memory held.
                    std::fill_n(volume->sliceData(k), volume->sliceSamples(), quint16(0));
                }
                volume->markSliceReady(k, err);
                if (onSlice)
                    onSlice(k);
            }
        });
    }
}

ScanResult loadFiles(const QStringList &files)
{
    ScanResult r = scanFiles(files);
    for (const VolumePtr &v : r.volumes)
        decode(v);
    for (const VolumePtr &v : r.volumes)
        v->waitUntilComplete();
    return r;
}

} // namespace kilima::imaging
