#include "phantom.h"
#include "testdata.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/importer.h>
#include <kilima/dicom/codecs.h>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <QDir>
#include <QFile>
#include <QDirIterator>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace kilima;
using archive::IngestStatus;
using archive::Level;

static QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

class TestIngest : public QObject {
    Q_OBJECT

    std::unique_ptr<archive::Archive> openArchive(const QString &dir, core::Config config = {})
    {
        auto a = archive::Archive::open(core::DataDir(dir), config);
        if (!a)
            qFatal("cannot open archive: %s", qPrintable(a.error()));
        return a.take();
    }

    // As a C-STORE arrives: in PDV-sized pieces.
    static archive::IngestOutcome ingestStreamed(archive::Archive &a, const QByteArray &bytes, const QString &source,
                                                 const QString &expectedSopUid = {})
    {
        std::unique_ptr<archive::IncomingObject> in = a.beginIncoming();
        for (qsizetype at = 0; at < bytes.size(); at += 116794)
            in->append(bytes.constData() + at, qMin<qsizetype>(116794, bytes.size() - at));
        return a.ingestIncoming(std::move(in), source, expectedSopUid);
    }

    qint64 countAt(archive::Archive &a, Level level, const char *keyword, const QString &value)
    {
        archive::Query q;
        q.level = level;
        if (keyword)
            q.addKey(QString::fromLatin1(keyword) + QLatin1Char('=') + value);
        return a.count(q).value();
    }

private Q_SLOTS:
    void initTestCase() { dicom::registerCodecs(); }

    void ingest_ShouldStoreAndIndexWithCounts()
    {
        QTemporaryDir data, src;
        const QStringList files = test::writeCtPhantom(src.path(), {});
        auto a = openArchive(data.path());
        for (const QString &f : files) {
            const auto o = a->ingest({readAll(f), f});
            QCOMPARE(archive::toString(o.status), archive::toString(IngestStatus::Stored));
        }
        const auto stats = a->stats().value();
        QCOMPARE(stats.patients, 1);
        QCOMPARE(stats.studies, 1);
        QCOMPARE(stats.series, 1);
        QCOMPARE(stats.instances, 20);
        QVERIFY(stats.storedBytes > 20 * 64 * 64 * 2);

        archive::Query q;
        q.level = Level::Study;
        const auto rows = a->query(q).value();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().at(dicom::tagNumber(DCM_NumberOfStudyRelatedInstances)), QStringLiteral("20"));
        QCOMPARE(rows.first().at(dicom::tagNumber(DCM_NumberOfStudyRelatedSeries)), QStringLiteral("1"));
        QCOMPARE(rows.first().at(dicom::tagNumber(DCM_ModalitiesInStudy)), QStringLiteral("CT"));
        QCOMPARE(rows.first().at(dicom::tagNumber(DCM_PatientName)), QStringLiteral("PHANTOM^CT"));

        // The stored file is byte-for-byte what was sent.
        const QString studyUid = rows.first().at(dicom::tagNumber(DCM_StudyInstanceUID));
        const QStringList stored = a->instanceFiles(Level::Study, studyUid).value();
        QCOMPARE(stored.size(), 20);
        QSet<QByteArray> sent, kept;
        for (const QString &f : files)
            sent.insert(readAll(f));
        for (const QString &f : stored)
            kept.insert(readAll(f));
        QCOMPARE(kept, sent);
    }

    void sameInstanceTwice_ShouldBeIdempotentDuplicate()
    {
        QTemporaryDir data, src;
        test::CtPhantom p;
        p.slices = 1;
        const QString f = test::writeCtPhantom(src.path(), p).first();
        auto a = openArchive(data.path());
        QCOMPARE(archive::toString(a->ingest({readAll(f), f}).status), archive::toString(IngestStatus::Stored));
        const auto again = a->ingest({readAll(f), f});
        QCOMPARE(archive::toString(again.status), archive::toString(IngestStatus::Duplicate));
        QVERIFY(again.success());
        QCOMPARE(a->stats().value().instances, 1);
    }

    void storageLimit_ShouldRefuseWithReasonAndStoreNothing()
    {
        QTemporaryDir data, src;
        test::CtPhantom p;
        p.slices = 2;
        const QStringList files = test::writeCtPhantom(src.path(), p);
        core::Config config;
        config.archive.minFreeMegabytes = 1 << 30;   // 1 PB kept free: more than any test disk has
        {
            auto a = openArchive(data.path(), config);
            const auto refused = a->ingest({readAll(files.at(0)), files.at(0)});
            QCOMPARE(archive::toString(refused.status), archive::toString(IngestStatus::Failed));
            QVERIFY2(refused.reason.contains(QLatin1String("kept free")), qPrintable(refused.reason));
            QCOMPARE(a->stats().value().instances, 0);
            QDirIterator it(a->storageDir(), {QStringLiteral("*.dcm")}, QDir::Files, QDirIterator::Subdirectories);
            QVERIFY2(!it.hasNext(), "nothing half-stored");
        }
        config.archive.minFreeMegabytes = 1;
        auto a = openArchive(data.path(), config);
        QVERIFY(a->ingest({readAll(files.at(1)), files.at(1)}).success());
        QCOMPARE(a->stats().value().instances, 1);
    }

    void differentContentSameUid_ShouldFollowPolicy_data()
    {
        QTest::addColumn<bool>("overwrite");
        QTest::newRow("keep-first") << false;
        QTest::newRow("overwrite") << true;
    }

    void differentContentSameUid_ShouldFollowPolicy()
    {
        QFETCH(bool, overwrite);
        QTemporaryDir data, src;
        test::CtPhantom p;
        p.slices = 1;
        const QString f = test::writeCtPhantom(src.path(), p).first();
        DcmFileFormat ff;
        QVERIFY(ff.loadFile(f.toLocal8Bit().constData()).good());
        ff.getDataset()->putAndInsertString(DCM_StudyDescription, "Changed description");
        const QString changed = src.filePath(QStringLiteral("changed.dcm"));
        QVERIFY(ff.saveFile(changed.toLocal8Bit().constData(), EXS_LittleEndianExplicit).good());

        core::Config config;
        config.archive.duplicatePolicy = overwrite ? core::DuplicatePolicy::Overwrite : core::DuplicatePolicy::KeepFirst;
        auto a = openArchive(data.path(), config);
        QCOMPARE(archive::toString(a->ingest({readAll(f), f}).status), archive::toString(IngestStatus::Stored));
        const auto second = a->ingest({readAll(changed), changed});
        QCOMPARE(archive::toString(second.status), archive::toString(overwrite ? IngestStatus::Replaced : IngestStatus::DuplicateConflict));
        QVERIFY(second.reason.contains(overwrite ? QStringLiteral("overwrite") : QStringLiteral("keep-first")));
        const QString uid = second.sopInstanceUid;
        const QStringList stored = a->instanceFiles(Level::Instance, uid).value();
        QCOMPARE(stored.size(), 1);
        QCOMPARE(readAll(stored.first()), readAll(overwrite ? changed : f));
        QCOMPARE(a->stats().value().instances, 1);
        // Only one file in storage: the replaced one is gone.
        QCOMPARE(test::filesBelow(a->storageDir()).filter(QStringLiteral(".dcm")).size(), 1);
    }

    // The C-STORE path: bytes written as they arrive, then checked,
    // indexed and put in place; what is kept is exactly what was sent, in
    // storage/ab/<sha256>.dcm, and nothing else is left behind.
    void streamed_ShouldStoreBitForBitAndRefuseAnotherSopUid()
    {
        QTemporaryDir data, src;
        test::CtPhantom p;
        p.slices = 3;
        p.rows = p.columns = 256;
        const QStringList files = test::writeCtPhantom(src.path(), p);
        auto a = openArchive(data.path());

        DcmFileFormat ff;
        QVERIFY(ff.loadFile(files.at(0).toLocal8Bit().constData()).good());
        OFString sop;
        ff.getDataset()->findAndGetOFString(DCM_SOPInstanceUID, sop);
        const QByteArray first = readAll(files.at(0));
        const auto stored = ingestStreamed(*a, first, QStringLiteral("C-STORE from CT@host"), QString::fromLatin1(sop.c_str()));
        QCOMPARE(archive::toString(stored.status), archive::toString(IngestStatus::Stored));
        QCOMPARE(stored.sopInstanceUid, QString::fromLatin1(sop.c_str()));
        const QStringList kept = a->instanceFiles(Level::Instance, stored.sopInstanceUid).value();
        QCOMPARE(kept.size(), 1);
        QCOMPARE(readAll(kept.first()), first);
        const QString relative = QDir(a->storageDir()).relativeFilePath(kept.first());
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{2}/[0-9a-f]{64}\\.dcm$")).match(relative).hasMatch(),
                 qPrintable(relative));
        // Each step after the last byte is timed (the node logs them).
        QVERIFY(stored.timings.checkMs > 0);
        QVERIFY(stored.timings.diskMs >= 0);
        QVERIFY(stored.timings.indexMs > 0);
        // Other ingests do not time these steps.
        QCOMPARE(a->ingest({readAll(files.at(2)), QStringLiteral("import")}).timings.checkMs, -1.0);

        // A dataset whose SOP Instance UID is not the request's is refused.
        const auto other = ingestStreamed(*a, readAll(files.at(1)), QStringLiteral("C-STORE from CT@host"),
                                          QString::fromLatin1(sop.c_str()));
        QCOMPARE(archive::toString(other.status), archive::toString(IngestStatus::Rejected));
        QVERIFY2(other.reason.contains(QStringLiteral("differs from the request")), qPrintable(other.reason));

        // Sent again: a duplicate, no second file.
        const auto again = ingestStreamed(*a, first, QStringLiteral("C-STORE from CT@host"));
        QCOMPARE(archive::toString(again.status), archive::toString(IngestStatus::Duplicate));
        QCOMPARE(a->stats().value().instances, 2);
        QCOMPARE(test::filesBelow(a->storageDir()).size(), 2);
    }

    // A write that fails while the object arrives (here the file size
    // limit, as a full disk would) fails the ingest with the reason and
    // leaves nothing in storage or index.
    void streamedWriteFailure_ShouldFailWithReasonAndLeaveNothing()
    {
        QTemporaryDir data, src;
        test::CtPhantom p;
        p.slices = 1;
        p.rows = p.columns = 512;
        const QByteArray bytes = readAll(test::writeCtPhantom(src.path(), p).first());
        auto a = openArchive(data.path());

        struct rlimit old {};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
        const auto oldHandler = signal(SIGXFSZ, SIG_IGN);
        struct rlimit small = old;
        small.rlim_cur = 128 * 1024;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        std::unique_ptr<archive::IncomingObject> in = a->beginIncoming();
        for (qsizetype at = 0; at < bytes.size(); at += 65536)
            in->append(bytes.constData() + at, qMin<qsizetype>(65536, bytes.size() - at));
        setrlimit(RLIMIT_FSIZE, &old);
        signal(SIGXFSZ, oldHandler);
        QVERIFY(in->failed());
        QVERIFY2(in->error().contains(QStringLiteral("cannot write")), qPrintable(in->error()));

        const auto o = a->ingestIncoming(std::move(in), QStringLiteral("C-STORE from CT@host"));
        QCOMPARE(archive::toString(o.status), archive::toString(IngestStatus::Failed));
        QVERIFY2(o.reason.contains(QStringLiteral("cannot write")), qPrintable(o.reason));
        QCOMPARE(a->stats().value().instances, 0);
        QCOMPARE(test::filesBelow(a->storageDir()).size(), 0);

        // The archive goes on storing once there is room again.
        QCOMPARE(archive::toString(ingestStreamed(*a, bytes, QStringLiteral("again")).status),
                 archive::toString(IngestStatus::Stored));
    }

    void badInput_ShouldBeRejectedWithReasonAndNothingIndexed_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("reasonMentions");
        QTest::addColumn<bool>("streamed");
        // Each case as bytes (import, STOW-RS) and streamed as a C-STORE
        // receives it (beginIncoming/ingestIncoming).
        for (const bool streamed : {false, true}) {
            const char *how = streamed ? " (streamed)" : "";
            QTest::newRow(qPrintable(QStringLiteral("truncated%1").arg(QLatin1String(how)))) << "truncated" << "truncated" << streamed;
            QTest::newRow(qPrintable(QStringLiteral("zero length%1").arg(QLatin1String(how)))) << "empty" << "empty" << streamed;
            QTest::newRow(qPrintable(QStringLiteral("not DICOM%1").arg(QLatin1String(how)))) << "text" << "not a DICOM file" << streamed;
            QTest::newRow(qPrintable(QStringLiteral("no SOP Instance UID%1").arg(QLatin1String(how)))) << "nosop" << "SOP Instance UID" << streamed;
            QTest::newRow(qPrintable(QStringLiteral("wrong element length%1").arg(QLatin1String(how)))) << "badlength" << "" << streamed;
        }
    }

    void badInput_ShouldBeRejectedWithReasonAndNothingIndexed()
    {
        QFETCH(QString, kind);
        QFETCH(QString, reasonMentions);
        QFETCH(bool, streamed);
        QTemporaryDir data, src;
        test::CtPhantom p;
        p.slices = 1;
        const QString f = test::writeCtPhantom(src.path(), p).first();
        QByteArray bytes = readAll(f);
        if (kind == QLatin1String("truncated")) {
            bytes.chop(1000);
        } else if (kind == QLatin1String("empty")) {
            bytes.clear();
        } else if (kind == QLatin1String("text")) {
            bytes = "just some text\n";
        } else if (kind == QLatin1String("nosop")) {
            DcmFileFormat ff;
            QVERIFY(ff.loadFile(f.toLocal8Bit().constData()).good());
            delete ff.getDataset()->remove(DCM_SOPInstanceUID);
            const QString out = src.filePath(QStringLiteral("nosop.dcm"));
            QVERIFY(ff.saveFile(out.toLocal8Bit().constData(), EXS_LittleEndianExplicit).good());
            bytes = readAll(out);
        } else if (kind == QLatin1String("badlength")) {
            const int pos = bytes.indexOf(QByteArray("\x10\x00\x10\x00PN", 6));   // PatientName
            QVERIFY(pos > 0);
            bytes[pos + 6] = char(0xf0);
            bytes[pos + 7] = char(0x7f);
        }
        auto a = openArchive(data.path());
        const auto o = streamed ? ingestStreamed(*a, bytes, QStringLiteral("input.dcm"))
                                : a->ingest({bytes, QStringLiteral("input.dcm")});
        QCOMPARE(archive::toString(o.status), archive::toString(IngestStatus::Rejected));
        QVERIFY2(o.reason.startsWith(QStringLiteral("input.dcm")), qPrintable(o.reason));
        QVERIFY2(o.reason.contains(reasonMentions), qPrintable(o.reason));
        QCOMPARE(a->stats().value().instances, 0);
        QCOMPARE(a->stats().value().patients, 0);
        QCOMPARE(test::filesBelow(a->storageDir()).filter(QStringLiteral(".dcm")).size(), 0);
    }

    void deleteSeriesAndStudy_ShouldKeepCountsRightAndRemoveFiles()
    {
        QTemporaryDir data, src;
        test::CtPhantom ct;
        ct.slices = 4;
        ct.studyUid = test::newUid();
        const QStringList ctFiles = test::writeCtPhantom(src.filePath(QStringLiteral("ct")), ct);
        test::CtPhantom mr = ct;
        mr.modality = QStringLiteral("MR");
        mr.slices = 3;
        mr.seriesUid = test::newUid();
        const QStringList mrFiles = test::writeCtPhantom(src.filePath(QStringLiteral("mr")), mr);
        auto a = openArchive(data.path());
        archive::Importer importer(*a);
        const auto summary = importer.run(ctFiles + mrFiles);
        QCOMPARE(summary.imported, 7);

        archive::Query q;
        q.level = Level::Study;
        QCOMPARE(a->query(q).value().first().at(dicom::tagNumber(DCM_ModalitiesInStudy)), QStringLiteral("CT\\MR"));

        QCOMPARE(a->remove(Level::Series, mr.seriesUid).value(), 3);
        auto study = a->query(q).value().first();
        QCOMPARE(study.at(dicom::tagNumber(DCM_ModalitiesInStudy)), QStringLiteral("CT"));
        QCOMPARE(study.at(dicom::tagNumber(DCM_NumberOfStudyRelatedInstances)), QStringLiteral("4"));
        QCOMPARE(study.at(dicom::tagNumber(DCM_NumberOfStudyRelatedSeries)), QStringLiteral("1"));
        archive::Query pq;
        pq.level = Level::Patient;
        QCOMPARE(a->query(pq).value().first().at(dicom::tagNumber(DCM_NumberOfPatientRelatedInstances)), QStringLiteral("4"));
        QCOMPARE(test::filesBelow(a->storageDir()).filter(QStringLiteral(".dcm")).size(), 4);

        QCOMPARE(a->remove(Level::Study, ct.studyUid).value(), 4);
        const auto stats = a->stats().value();
        QCOMPARE(stats.instances, 0);
        QCOMPARE(stats.studies, 0);
        QCOMPARE(stats.patients, 0);
        QCOMPARE(stats.storedBytes, 0);
        QCOMPARE(test::filesBelow(a->storageDir()).filter(QStringLiteral(".dcm")).size(), 0);
    }

    void reconcile_ShouldIndexFilesWithoutRowsAndReportRowsWithoutFiles()
    {
        QTemporaryDir data, src;
        test::CtPhantom p;
        p.slices = 3;
        const QStringList files = test::writeCtPhantom(src.path(), p);
        auto a = openArchive(data.path());
        for (const QString &f : files)
            QCOMPARE(archive::toString(a->ingest({readAll(f), f}).status), archive::toString(IngestStatus::Stored));
        const QStringList stored = test::filesBelow(a->storageDir()).filter(QStringLiteral(".dcm"));
        QCOMPARE(stored.size(), 3);
        // A row without a file.
        QVERIFY(QFile::remove(stored.at(0)));
        // A file without a row: delete the row of another instance but put its file back.
        const QByteArray keep = readAll(stored.at(1));
        const QString uid = a->verify().checked == 3 ? QString() : QString();
        Q_UNUSED(uid);
        archive::Query q;
        q.level = Level::Instance;
        const auto rows = a->query(q).value();
        QString victimUid;
        for (const auto &row : rows) {
            const QString path = a->instanceFiles(Level::Instance, row.at(dicom::tagNumber(DCM_SOPInstanceUID))).value().first();
            if (path == stored.at(1))
                victimUid = row.at(dicom::tagNumber(DCM_SOPInstanceUID));
        }
        QVERIFY(!victimUid.isEmpty());
        QCOMPARE(a->remove(Level::Instance, victimUid).value(), 1);
        QFile back(stored.at(1));
        QVERIFY(back.open(QIODevice::WriteOnly));
        back.write(keep);
        back.close();

        const archive::ReconcileReport r = a->reconcile();
        QCOMPARE(r.orphanFilesIndexed, 1);
        QCOMPARE(r.missingFiles.size(), 1);
        QVERIFY(!r.clean());
        QCOMPARE(a->instanceFiles(Level::Instance, victimUid).value().size(), 1);

        const archive::VerifyReport v = a->verify();
        QVERIFY(!v.consistent());
    }

    // A power cut between the index commit and the flush can leave a row
    // whose file never reached the disk. Such a row was never acknowledged
    // (acknowledgement waits for the flush) and repair drops it; a row that
    // was flushed and then lost its file is reported instead.
    void rowsNeverFlushed_ShouldBeDroppedAndFlushedOnesReported()
    {
        QTemporaryDir data, src;
        test::CtPhantom p;
        p.slices = 2;
        const QStringList files = test::writeCtPhantom(src.path(), p);
        core::DataDir dir(data.path());
        {
            auto a = openArchive(data.path());
            QCOMPARE(archive::toString(a->ingest({readAll(files.at(0)), files.at(0)}).status), archive::toString(IngestStatus::Stored));
        }   // clean close: the row is recorded as flushed
        auto crashed = openArchive(data.path());
        const auto second = crashed->ingest({readAll(files.at(1)), files.at(1)});
        QCOMPARE(archive::toString(second.status), archive::toString(IngestStatus::Stored));
        const QString secondFile = crashed->instanceFiles(Level::Instance, second.sopInstanceUid).value().first();
        crashed.release();   // no clean close: as if the power went
        // What the power cut did: the never-flushed file did not survive, and
        // an operator deleted the file of the first, flushed instance.
        QVERIFY(QFile::remove(secondFile));
        auto reopened = openArchive(data.path());
        const QString firstUid = [&] {
            archive::Query q;
            q.level = Level::Instance;
            for (const auto &row : reopened->query(q).value()) {
                if (row.at(dicom::tagNumber(DCM_SOPInstanceUID)) != second.sopInstanceUid)
                    return row.at(dicom::tagNumber(DCM_SOPInstanceUID));
            }
            return QString();
        }();
        QVERIFY(!firstUid.isEmpty());
        const QStringList firstFiles = reopened->instanceFiles(Level::Instance, firstUid).value();
        QCOMPARE(firstFiles.size(), 1);
        QVERIFY(QFile::remove(firstFiles.first()));
        const archive::ReconcileReport r = reopened->reconcile();
        QCOMPARE(r.unacknowledgedRowsDropped, 1);
        QCOMPARE(r.missingFiles.size(), 1);
        QVERIFY(r.missingFiles.first().contains(firstUid));
        QCOMPARE(reopened->instanceFiles(Level::Instance, second.sopInstanceUid).value().size(), 0);
        QCOMPARE(reopened->stats().value().instances, 1);
    }

    void verify_ShouldDetectChangedFile()
    {
        QTemporaryDir data, src;
        test::CtPhantom p;
        p.slices = 2;
        auto a = openArchive(data.path());
        for (const QString &f : test::writeCtPhantom(src.path(), p))
            a->ingest({readAll(f), f});
        QVERIFY(a->verify().consistent());
        const QString victim = test::filesBelow(a->storageDir()).filter(QStringLiteral(".dcm")).first();
        QFile f(victim);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(f.size() - 10);
        f.write("XXXXXXXXXX");
        f.close();
        const archive::VerifyReport v = a->verify();
        QVERIFY(!v.consistent());
        QCOMPARE(v.problems.size(), 1);
        QVERIFY2(v.problems.first().contains(QStringLiteral("checksum")), qPrintable(v.problems.first()));
    }

    void importer_ShouldSkipNonDicomAndFollowDicomDir()
    {
        const QString pydicom = test::pydicomTestFiles();
        if (pydicom.isEmpty())
            QSKIP("python3-pydicom is not installed");
        QTemporaryDir data;
        auto a = openArchive(data.path());
        QStringList errors;
        const QStringList files = archive::Importer::collect({pydicom + QStringLiteral("/dicomdirtests/DICOMDIR")}, &errors);
        QVERIFY2(files.size() >= 30, qPrintable(QString::number(files.size())));
        archive::Importer importer(*a);
        const auto s = importer.run(files);
        QCOMPARE(s.rejected, 0);
        QCOMPARE(s.imported + s.duplicates, int(files.size()) - s.skipped);
        QVERIFY(a->stats().value().studies >= 2);

        QTemporaryDir junk;
        QFile t(junk.filePath(QStringLiteral("notes.txt")));
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write("not an image");
        t.close();
        const auto s2 = importer.run(archive::Importer::collect({junk.path()}, &errors));
        QCOMPARE(s2.skipped, 1);
        QCOMPARE(s2.rejected, 0);
    }

    void realTestData_ShouldImportWithoutCrashes()
    {
        const QString shared = test::sharedTestData();
        if (shared.isEmpty())
            QSKIP("../shared/testdata/dicom is absent");
        QTemporaryDir data;
        auto a = openArchive(data.path());
        QStringList errors;
        const QStringList files = archive::Importer::collect({shared}, &errors);
        archive::Importer importer(*a);
        const auto s = importer.run(files);
        qInfo("real data: imported %d, duplicates %d, rejected %d, skipped %d", s.imported, s.duplicates, s.rejected, s.skipped);
        for (const auto &r : s.rejections)
            qInfo("  rejected %s", qPrintable(r.second));
        QCOMPARE(s.imported + s.duplicates + s.rejected + s.skipped, int(files.size()));
        // Several robustness folders hold one object in many transfer
        // syntaxes under the same SOP Instance UID: those are conflicts.
        QVERIFY(s.imported >= 650);
        QVERIFY(s.skipped <= 22);   // READMEs, licences, INDEX.tsv, MANIFEST.txt
        // Each rejected file is rejected for a true reason: the J2K file
        // whose pixel data is cut short, and the charset samples that
        // carry a SOP Instance UID only in their meta header.
        for (const auto &r : s.rejections) {
            const bool cutShort = r.first.endsWith(QStringLiteral("emri_small_jpeg_2k_lossless_too_short.dcm"));
            const bool noUid = r.first.contains(QStringLiteral("chrSQEncoding")) && r.second.contains(QStringLiteral("lacks SOP Instance UID"));
            QVERIFY2(cutShort || noUid, qPrintable(r.second));
        }
        QVERIFY(s.rejected <= 3);
        QVERIFY(a->verify().consistent());
    }
};

QTEST_GUILESS_MAIN(TestIngest)
#include "tst_ingest.moc"
