#include <kilima/exchange/exporter.h>

#include "zipwriter_p.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/auditlog.h>
#include <kilima/dicom/attributes.h>
#include <kilima/dicom/dicomfile.h>

#include <dcmtk/dcmdata/dcddirif.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QTemporaryDir>

#include <memory>

namespace kilima::exchange {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kilima::exchange::Exporter", text);
}

QString number(const QString &prefix, int n, int width)
{
    return prefix + QStringLiteral("%1").arg(n, width, 10, QLatin1Char('0'));
}

// The relative path of one instance: DICOMDIR sets need PS3.10 file IDs
// (upper case, 8 characters per component, no extension).
QString relativePath(ExportOptions::Format format, int study, int series, int instance)
{
    if (format == ExportOptions::Format::DicomDir)
        return QStringLiteral("DICOM/") + number(QStringLiteral("ST"), study, 6) + QLatin1Char('/') +
               number(QStringLiteral("SE"), series, 6) + QLatin1Char('/') + number(QStringLiteral("IM"), instance, 6);
    return number(QStringLiteral("study"), study, 3) + QLatin1Char('/') + number(QStringLiteral("series"), series, 3) +
           QLatin1Char('/') + number(QStringLiteral("image"), instance, 5) + QStringLiteral(".dcm");
}

QString describeObject(DcmItem &ds, const QString &place)
{
    const QString cls = dicom::stringValue(ds, DCM_SOPClassUID);
    const char *name = dcmFindNameOfUID(cls.toLatin1().constData(), nullptr);
    return QStringLiteral("%1: %2, original SOP Instance UID %3")
        .arg(place, name ? QString::fromLatin1(name) : cls, dicom::stringValue(ds, DCM_SOPInstanceUID));
}

void audit(archive::Archive &archive, const ExportOptions &options, const QString &studyUid, const QString &outcome,
           const QString &detail)
{
    archive::AuditRecord r;
    r.actor = options.user.isEmpty() ? QStringLiteral("unknown user") : options.user;
    r.action = QStringLiteral("export");
    r.studyUid = studyUid;
    r.outcome = outcome;
    r.detail = detail;
    archive.auditLog().append(r);
}

core::Result<ExportSummary> exportFiles(archive::Archive &archive, archive::Level level, const QStringList &uids,
                                        const ExportOptions &options, const std::function<void(int, int)> &progress,
                                        const std::atomic<bool> *cancel, QSet<QString> &studyUids);

} // namespace

core::Result<ExportSummary> Exporter::run(archive::Archive &archive, archive::Level level, const QStringList &uids,
                                          const ExportOptions &options, const std::function<void(int, int)> &progress,
                                          const std::atomic<bool> *cancel)
{
    QSet<QString> studyUids;
    auto result = exportFiles(archive, level, uids, options, progress, cancel, studyUids);
    const QString how = options.deidentify ? QStringLiteral("de-identified ") : QString();
    const QString to = QStringLiteral(" to %1 (%2)").arg(QDir::toNativeSeparators(options.destination),
        options.format == ExportOptions::Format::Zip ? QStringLiteral("zip")
        : options.format == ExportOptions::Format::DicomDir ? QStringLiteral("dicomdir") : QStringLiteral("folder"));
    if (studyUids.isEmpty() && level == archive::Level::Study)
        studyUids = QSet<QString>(uids.begin(), uids.end());
    if (!result) {
        for (const QString &uid : studyUids)
            audit(archive, options, uid, QStringLiteral("failure"), how + QStringLiteral("export") + to + QStringLiteral(": ") + result.error());
        if (studyUids.isEmpty())
            audit(archive, options, QString(), QStringLiteral("failure"), how + QStringLiteral("export of ") + uids.join(QLatin1Char(' ')) + to + QStringLiteral(": ") + result.error());
        return result;
    }
    const ExportSummary &s = result.value();
    for (const QString &uid : studyUids)
        audit(archive, options, uid, QStringLiteral("success"),
              how + QStringLiteral("export of %1 objects, %2 left out").arg(s.files).arg(s.dropped.size()) + to);
    return result;
}

namespace {

core::Result<ExportSummary> exportFiles(archive::Archive &archive, archive::Level level, const QStringList &uids,
                                        const ExportOptions &options, const std::function<void(int, int)> &progress,
                                        const std::atomic<bool> *cancel, QSet<QString> &studyUids)
{
    if (options.destination.isEmpty())
        return core::Error{tr("Choose where to export to.")};
    QStringList files;
    for (const QString &uid : uids) {
        auto f = archive.instanceFiles(level, uid);
        if (!f)
            return core::Error{tr("The archive cannot list the images to export: %1").arg(f.error())};
        if (f.value().isEmpty())
            return core::Error{(level == archive::Level::Study ? tr("The archive has no study with Study Instance UID %1.")
                                                               : tr("The archive has no series with Series Instance UID %1."))
                                   .arg(uid)};
        files += f.value();
    }
    if (files.isEmpty())
        return core::Error{tr("Nothing to export: the selection has no images in the archive.")};

    const bool toZip = options.format == ExportOptions::Format::Zip;
    // Absolute: DCMTK's DICOMDIR writer refuses a relative file-set root.
    QString root = QFileInfo(options.destination).absoluteFilePath();
    std::unique_ptr<ZipWriter> zip;
    QTemporaryDir scratch;
    QString error;
    if (toZip) {
        QDir().mkpath(QFileInfo(options.destination).absolutePath());
        zip = std::make_unique<ZipWriter>(options.destination);
        if (!zip->open(&error))
            return core::Error{tr("Cannot write %1: %2. Choose a folder you may write to, with free space.")
                                   .arg(QDir::toNativeSeparators(options.destination), error)};
        root = scratch.path();
    } else {
        if (!QDir().mkpath(root))
            return core::Error{tr("Cannot create the folder %1. Choose a folder you may write to.")
                                   .arg(QDir::toNativeSeparators(root))};
        if (options.format == ExportOptions::Format::DicomDir &&
            !QDir(root).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty())
            return core::Error{tr("The folder %1 is not empty: a DICOMDIR set needs an empty folder (for example a "
                                  "new folder on the CD staging area).")
                                   .arg(QDir::toNativeSeparators(root))};
    }

    dicom::Deidentifier deid(options.deidentifyOptions);
    QHash<QString, int> studies, series;
    QHash<QString, int> instancesInSeries;
    ExportSummary summary;
    summary.deidentified = options.deidentify;
    int done = 0;
    for (const QString &file : files) {
        if (cancel && cancel->load())
            return core::Error{tr("Export cancelled after %1 of %2 images.").arg(done).arg(files.size())};
        // Through the structural check: objects stored before it existed
        // may be hostile, and DCMTK's parser recurses per sequence.
        auto loaded = dicom::DicomFile::loadStructure(file, file);
        if (!loaded)
            return core::Error{tr("Cannot read %1 from the archive (%2): run `kilima-node verify`.").arg(file, loaded.error())};
        DcmFileFormat &ff = loaded.value().fileFormat();
        DcmDataset &ds = *ff.getDataset();
        const QString studyUid = dicom::stringValue(ds, DCM_StudyInstanceUID);
        const QString seriesUid = dicom::stringValue(ds, DCM_SeriesInstanceUID);
        studyUids.insert(studyUid);
        const int st = studies.value(studyUid, int(studies.size()) + 1);
        studies.insert(studyUid, st);
        dicom::DeidentifyVerdict verdict;
        if (options.deidentify) {
            verdict = dicom::Deidentifier::assess(ds);
            if (verdict.drop) {
                summary.dropped.append({describeObject(ds, tr("study %1").arg(st)), verdict.reason});
                ++done;
                if (progress)
                    progress(done, int(files.size()));
                continue;
            }
        }
        const int se = series.value(seriesUid, int(series.size()) + 1);
        series.insert(seriesUid, se);
        const int im = instancesInSeries.value(seriesUid) + 1;
        instancesInSeries.insert(seriesUid, im);
        const QString rel = relativePath(options.format, st, se, im);
        const QString target = QDir(root).filePath(rel);
        QDir().mkpath(QFileInfo(target).absolutePath());

        if (options.deidentify) {
            const QString name = describeObject(ds, rel);
            dicom::DeidentifyReport report;
            deid.apply(ds, &report);
            summary.cleaned.append({name, report.describe() + (verdict.reason.isEmpty() ? QString() : QStringLiteral("; ") + verdict.reason)});
            const E_TransferSyntax xfer = ds.getOriginalXfer();
            // A new meta header: the old one names the sending station and
            // may hold private information.
            if (ff.saveFile(OFFilename(QFile::encodeName(target).constData()), xfer, EET_ExplicitLength, EGL_recalcGL,
                            EPD_noChange, 0, 0, EWM_createNewMeta)
                    .bad())
                return core::Error{tr("Cannot write %1: the disk may be full or read-only.").arg(QDir::toNativeSeparators(target))};
        } else {
            QFile::remove(target);
            if (!QFile::copy(file, target))
                return core::Error{tr("Cannot write %1: the disk may be full or read-only.").arg(QDir::toNativeSeparators(target))};
        }
        if (zip) {
            QFile f(target);
            if (!f.open(QIODevice::ReadOnly))
                return core::Error{f.errorString()};
            const QByteArray bytes = f.readAll();
            f.close();
            QFile::remove(target);
            if (!zip->add(rel, bytes, &error))
                return core::Error{tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(options.destination), error)};
            summary.bytes += bytes.size();
        } else {
            summary.bytes += QFileInfo(target).size();
        }
        summary.written << (zip ? rel : target);
        ++summary.files;
        ++done;
        if (progress)
            progress(done, int(files.size()));
    }

    if (summary.files == 0)
        return core::Error{tr("Nothing exported: every object of the selection was left out to protect the "
                              "patient's identity.\n%1").arg(summary.text(options.destination))};
    if (options.format == ExportOptions::Format::DicomDir) {
        DicomDirInterface dir;
        dir.disableTransferSyntaxCheck();
        dir.enableInventMode();
        const QString dicomdir = QDir(root).filePath(QStringLiteral("DICOMDIR"));
        OFCondition c = dir.createNewDicomDir(DicomDirInterface::AP_GeneralPurpose,
                                              OFFilename(QFile::encodeName(dicomdir).constData()), "KILIMA");
        for (int i = 0; c.good() && i < summary.written.size(); ++i) {
            const QString rel = QDir(root).relativeFilePath(summary.written.at(i));
            c = dir.addDicomFile(OFFilename(QFile::encodeName(rel).constData()),
                                 OFFilename(QFile::encodeName(root).constData()));
        }
        if (c.good())
            c = dir.writeDicomDir();
        if (c.bad())
            return core::Error{tr("The DICOMDIR could not be written: %1").arg(QString::fromLatin1(c.text()))};
        summary.written << dicomdir;
    }
    if (zip && !zip->finish(&error))
        return core::Error{tr("Cannot finish %1: %2").arg(QDir::toNativeSeparators(options.destination), error)};

    return summary;
}

} // namespace

} // namespace kilima::exchange
