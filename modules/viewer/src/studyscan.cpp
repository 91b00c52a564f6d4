#include "studyscan_p.h"

#include <kilima/dicom/attributes.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <QCoreApplication>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSet>

Q_DECLARE_LOGGING_CATEGORY(lcViewer)

namespace kilima::viewer {

namespace {

// Patient Orientation (0020,0020) of a file, its header only (pixel data
// and other long values are not read).
QStringList patientOrientation(const QString &path)
{
    DcmFileFormat ff;
    if (ff.loadFile(path.toLocal8Bit().constData(), EXS_Unknown, EGL_noChange, 1024).bad())
        return {};
    const QStringList v = dicom::stringValue(*ff.getDataset(), DCM_PatientOrientation).split(QLatin1Char('\\'));
    if (v.size() != 2 || v[0].trimmed().isEmpty() || v[1].trimmed().isEmpty())
        return {};
    return {v[0].trimmed().toUpper(), v[1].trimmed().toUpper()};
}

} // namespace

StudyScan scanForReading(const QStringList &files)
{
    StudyScan out;
    out.scan = imaging::scanFiles(files);

    // Objects without pixel data: the loader names them by file name.
    QHash<QString, QString> byName;
    for (const QString &f : files)
        byName.insert(QFileInfo(f).fileName(), f);
    QStringList keep;
    for (const QString &problem : out.scan.notDisplayable) {
        const int colon = problem.indexOf(QLatin1String(": no pixel data"));
        const QString path = colon > 0 ? byName.value(problem.left(colon)) : QString();
        if (path.isEmpty()) {
            keep.append(problem);
            continue;
        }
        out.documents.append(dicom::summarizeObject(path));
    }
    out.scan.notDisplayable = keep;

    // SEGs: read once per file, placed on every volume they fit.
    std::vector<imaging::VolumePtr> images;
    QStringList segPaths;
    for (const imaging::VolumePtr &v : out.scan.volumes) {
        if (v->modality != QLatin1String("SEG")) {
            images.push_back(v);
            continue;
        }
        QSet<QString> seen;
        for (const imaging::SliceSource &s : v->sources) {
            if (!seen.contains(s.path) && !segPaths.contains(s.path))
                segPaths.append(s.path);
            seen.insert(s.path);
        }
    }
    for (const QString &path : segPaths) {
        auto seg = imaging::loadSegmentation(path);
        if (!seg) {
            out.scan.notDisplayable.append(seg.error());
            continue;
        }
        bool placed = false;
        for (const imaging::VolumePtr &v : images) {
            SegmentationOverlay o{seg.value(), imaging::framesPerSlice(*seg.value(), *v)};
            bool any = false;
            for (const auto &f : o.framesPerSlice)
                any = any || !f.empty();
            if (any) {
                out.segmentations[v.get()].append(o);
                placed = true;
            }
        }
        if (!placed) {
            qCInfo(lcViewer) << "segmentation matches no series of the study:" << QFileInfo(path).fileName();
            dicom::ObjectSummary s;
            s.kind = QStringLiteral("SEG");
            s.heading = QCoreApplication::translate("kilima::viewer::StudyViewer", "Segmentation: referenced images not in this study");
            QStringList labels;
            for (const imaging::Segment &g : seg.value()->segments)
                labels.append(g.label);
            s.text = labels.join(QStringLiteral(", "));
            s.seriesUid = seg.value()->seriesUid;
            out.documents.append(s);
        }
    }
    if (!segPaths.isEmpty())
        out.scan.volumes = images;

    for (const imaging::VolumePtr &v : out.scan.volumes) {
        if (!v->hasGeometry && !v->sources.empty()) {
            const QStringList po = patientOrientation(v->sources.front().path);
            if (!po.isEmpty())
                out.patientOrientation.insert(v.get(), po);
        }
    }
    return out;
}

} // namespace kilima::viewer
