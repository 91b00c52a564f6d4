// Import throughput: the real CT and MR series of ../shared/testdata
// replicated to N instances (new UIDs per copy), imported into a fresh
// archive, beside a plain file copy of the same files in the same run.
//
//   bench_import [--instances N] [--work DIR] [--series ct|mr|all] [--prepare-only DIR]
//
// --prepare-only writes the replicated files into DIR (split over four
// sub-folders, for senders with several associations) and exits: the
// network benchmark (bench_store.sh) uses it.
//
// Prints instances/s and MB/s for both and the ratio import/copy.
#include <kilima/archive/archive.h>
#include <kilima/archive/importer.h>
#include <kilima/dicom/codecs.h>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

using namespace kilima;

static QString uid()
{
    char buf[100];
    return QString::fromLatin1(dcmGenerateUniqueIdentifier(buf, SITE_INSTANCE_UID_ROOT));
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int instances = 10000;
    QString work, series = QStringLiteral("all"), prepareOnly;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--instances") && i + 1 < args.size())
            instances = args.at(++i).toInt();
        else if (args.at(i) == QLatin1String("--work") && i + 1 < args.size())
            work = args.at(++i);
        else if (args.at(i) == QLatin1String("--series") && i + 1 < args.size())
            series = args.at(++i);
        else if (args.at(i) == QLatin1String("--prepare-only") && i + 1 < args.size())
            prepareOnly = args.at(++i);
    }
    const QString shared = qEnvironmentVariable("KILIMA_SHARED_TESTDATA", QStringLiteral(KILIMA_SHARED_TESTDATA));
    QStringList sources;
    QStringList folders;
    if (series != QLatin1String("mr"))
        folders << QStringLiteral("ct_invesalius_0051");
    if (series != QLatin1String("ct"))
        folders << QStringLiteral("mr_fnndsc_sag_mprage");
    for (const QString &folder : folders) {
        QDirIterator it(shared + QLatin1Char('/') + folder, {QStringLiteral("*.dcm")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            sources << it.next();
    }
    if (sources.isEmpty()) {
        std::fprintf(stderr, "bench_import: no source series under %s\n", qPrintable(shared));
        return 2;
    }
    sources.sort();
    QTemporaryDir tmp(work.isEmpty() ? QDir::tempPath() + QStringLiteral("/kilima-bench-XXXXXX") : work + QStringLiteral("/kilima-bench-XXXXXX"));
    const QString input = prepareOnly.isEmpty() ? tmp.filePath(QStringLiteral("input")) : prepareOnly;
    QDir().mkpath(input);
    for (int k = 0; k < 4; ++k)
        QDir().mkpath(QStringLiteral("%1/%2").arg(input).arg(k));

    // Replicate: copy k of the whole set gets a new study and series UIDs,
    // every instance a new SOP Instance UID.
    std::printf("preparing %d instances from %lld source files...\n", instances, qint64(sources.size()));
    QStringList files;
    qint64 bytes = 0;
    QString studyUid, ctSeries, mrSeries;
    for (int n = 0; n < instances; ++n) {
        const int s = n % int(sources.size());
        if (s == 0) {
            studyUid = uid();
            ctSeries = uid();
            mrSeries = uid();
        }
        DcmFileFormat ff;
        if (ff.loadFile(sources.at(s).toLocal8Bit().constData()).bad())
            continue;
        DcmDataset *ds = ff.getDataset();
        ds->putAndInsertString(DCM_StudyInstanceUID, studyUid.toLatin1().constData());
        ds->putAndInsertString(DCM_SeriesInstanceUID, (sources.at(s).contains(QLatin1String("ct_")) ? ctSeries : mrSeries).toLatin1().constData());
        const QString sop = uid();
        ds->putAndInsertString(DCM_SOPInstanceUID, sop.toLatin1().constData());
        ff.getMetaInfo()->putAndInsertString(DCM_MediaStorageSOPInstanceUID, sop.toLatin1().constData());
        const QString out = QStringLiteral("%1/%2/%3.dcm").arg(input).arg(n % 4).arg(n, 6, 10, QLatin1Char('0'));
        if (ff.saveFile(out.toLocal8Bit().constData(), ds->getOriginalXfer()).bad())
            continue;
        files << out;
        bytes += QFileInfo(out).size();
    }
    const double mb = bytes / 1e6;
    if (!prepareOnly.isEmpty()) {
        std::printf("prepared %lld files (%.1f MB) in %s\n", qint64(files.size()), mb, qPrintable(prepareOnly));
        return 0;
    }

    // Peer: a plain copy of the same files (read + write, like cp).
    const QString copyDir = tmp.filePath(QStringLiteral("copy"));
    QDir().mkpath(copyDir);
    QElapsedTimer t;
    t.start();
    for (const QString &f : files)
        QFile::copy(f, copyDir + QLatin1Char('/') + QFileInfo(f).fileName());
    const double copySeconds = t.nsecsElapsed() / 1e9;
    ::sync();
    const double copySyncSeconds = t.nsecsElapsed() / 1e9;
    QDir(copyDir).removeRecursively();

    dicom::registerCodecs();
    auto archive = archive::Archive::open(core::DataDir(tmp.filePath(QStringLiteral("archive"))), core::Config{});
    if (!archive) {
        std::fprintf(stderr, "bench_import: %s\n", qPrintable(archive.error()));
        return 1;
    }
    archive::Importer importer(*archive.value());
    t.restart();
    const archive::ImportSummary s = importer.run(files);
    const double importSeconds = t.nsecsElapsed() / 1e9;

    std::printf("files: %lld (%.1f MB)\n", qint64(files.size()), mb);
    std::printf("plain copy        : %8.2f s  %8.0f instances/s  %7.1f MB/s\n", copySeconds, files.size() / copySeconds, mb / copySeconds);
    std::printf("plain copy + sync : %8.2f s  %8.0f instances/s  %7.1f MB/s\n", copySyncSeconds, files.size() / copySyncSeconds, mb / copySyncSeconds);
    std::printf("kilima import     : %8.2f s  %8.0f instances/s  %7.1f MB/s  (imported %d, duplicates %d, rejected %d)\n",
                importSeconds, files.size() / importSeconds, mb / importSeconds, s.imported, s.duplicates, s.rejected);
    std::printf("ratio import/copy : %.2f  (import/(copy+sync): %.2f)\n", copySeconds / importSeconds, copySyncSeconds / importSeconds);
    return s.rejected == 0 ? 0 : 1;
}
