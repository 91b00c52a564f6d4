// Grouping of the header pass' frames into volumes: split by series, size,
// orientation, stack and localizer, sorted along the normal, repeated
// positions made phases. The header pass is seriesheader.cpp, decoding
// seriesdecode.cpp.
#include <kilima/imaging/seriesloader.h>

#include "seriesloader_p.h"

#include <QHash>
#include <QMap>
#include <QSet>
#include <QThreadPool>
#include <QtConcurrent>
#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcLoader, "kilima.imaging")

namespace kilima::imaging {

using detail::FileScan;
using detail::FrameHeader;
using detail::scanFile;

namespace {

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
    QSet<QString> lutNotes;   // once per volume, not once per slice
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
        s.modalityLut = f.modalityLut;
        // 32-bit samples are kept as their top 16 bits; the slope restores the scale.
        if (f.bitsAllocated == 32 && f.bitsStored > 16) {
            s.slope *= double(1 << (f.bitsStored - 16));
            // A LUT indexed by the full sample cannot be indexed by its top bits.
            if (s.modalityLut) {
                s.modalityLut.reset();
                lutNotes.insert(QStringLiteral("Modality LUT of samples wider than 16 bits not applied: rescale used"));
            }
        }
        if (!f.modalityLutProblem.isEmpty())
            lutNotes.insert(f.modalityLutProblem);
        v->sources.push_back(s);
    }
    for (const QString &n : std::as_const(lutNotes))
        v->notes.append(n);
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
