// Scu against Kilima's own DimseServer and DCMTK's storescp: the messages a
// person reads when things go wrong, transfer syntax negotiation and
// transcoding, and the counts of C-MOVE and C-GET.
#include "dimsetestsupport.h"
#include "phantom.h"
#include "testdata.h"

#include <kilima/dicomnet/scu.h>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace kilima::test;
using namespace kilima::dicomnet;

class ScuTest : public QObject {
    Q_OBJECT

    static ScuConfig configFor(quint16 port, const QString &calledAe = QStringLiteral("KILIMA"))
    {
        ScuConfig c;
        c.callingAe = QStringLiteral("WORKSTATION");
        c.remote = RemoteNode{QStringLiteral("PACS1"), calledAe, QStringLiteral("127.0.0.1"), port, false};
        c.acseTimeoutSeconds = 5;
        c.dimseTimeoutSeconds = 10;
        return c;
    }
    static DcmDataset studyQuery(const QString &studyUid = {})
    {
        DcmDataset q;
        q.putAndInsertString(DCM_QueryRetrieveLevel, "STUDY");
        q.putAndInsertString(DCM_StudyInstanceUID, studyUid.toLatin1().constData());
        return q;
    }
    static RemoteNode destination(quint16 port)
    {
        return RemoteNode{QStringLiteral("Dest"), QStringLiteral("DEST"), QStringLiteral("127.0.0.1"), port, false};
    }

private Q_SLOTS:
    void echo_succeeds()
    {
        TestServer s;
        QVERIFY(s.start().ok());
        const auto st = Scu::echo(configFor(s.port()));
        QVERIFY2(st.ok(), qPrintable(st.error()));
        QTRY_COMPARE(s.audit.find(QStringLiteral("C-ECHO"), QStringLiteral("success")).size(), 1);
        QCOMPARE(s.audit.find(QStringLiteral("C-ECHO")).first().peer.callingAe, QStringLiteral("WORKSTATION"));
    }

    void echo_rejections_sayWhy()
    {
        TestServer s;
        s.policy.deniedCallingAes << QStringLiteral("WORKSTATION");
        QVERIFY(s.start().ok());
        auto st = Scu::echo(configFor(s.port()));
        QVERIFY(!st.ok());
        QCOMPARE(st.error(), QStringLiteral("association rejected by PACS1: calling AE title 'WORKSTATION' not recognized"));
        st = Scu::echo(configFor(s.port(), QStringLiteral("WRONG")));
        QCOMPARE(st.error(), QStringLiteral("association rejected by PACS1: called AE title 'WRONG' not recognized"));
        const quint16 closed = freePort();
        st = Scu::echo(configFor(closed));
        QVERIFY(!st.ok());
        QVERIFY2(st.error().startsWith(QStringLiteral("cannot open an association with PACS1 (127.0.0.1:%1)").arg(closed)),
                 qPrintable(st.error()));
    }

    void echo_overTheLimit_saysTransient()
    {
        TestServer s;
        s.config.maxAssociations = 1;
        s.store.delayMs = 1500;
        QVERIFY(s.start().ok());
        QTemporaryDir dir;
        CtPhantom phantom;
        phantom.slices = 1;
        const QStringList files = writeCtPhantom(dir.path(), phantom);
        auto busy = startTool(QStringLiteral("storescu"), {QStringLiteral("-aec"), QStringLiteral("KILIMA"),
                                                           QStringLiteral("127.0.0.1"), QString::number(s.port()),
                                                           files.first()});
        QTRY_COMPARE(s.server->activeAssociations(), 1);
        const auto st = Scu::echo(configFor(s.port()));
        busy->waitForFinished(10000);
        QVERIFY(!st.ok());
        QVERIFY2(st.error().contains(QStringLiteral("local limit exceeded")) && st.error().contains(QStringLiteral("transient")),
                 qPrintable(st.error()));
    }

    void store_reportsSuccessesAndNamedFailures()
    {
        TestServer s;
        QVERIFY(s.start().ok());
        QTemporaryDir dir;
        CtPhantom phantom;
        phantom.slices = 3;
        QStringList files = writeCtPhantom(dir.path(), phantom);
        const QString notDicom = dir.filePath(QStringLiteral("notes.txt"));
        QFile f(notDicom);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a DICOM file");
        f.close();
        files << notDicom;
        int lastDone = 0, lastTotal = 0;
        auto summary = Scu::store(configFor(s.port()), files, [&](int done, int total) {
            lastDone = done;
            lastTotal = total;
        });
        QVERIFY2(summary.ok(), qPrintable(summary.error()));
        QCOMPARE(summary.value().completed, 3);
        QCOMPARE(summary.value().failed, 1);
        QVERIFY2(summary.value().failures.first().startsWith(notDicom + QStringLiteral(": ")),
                 qPrintable(summary.value().failures.join(QLatin1Char('\n'))));
        QCOMPARE(lastDone, 4);
        QCOMPARE(lastTotal, 4);
        // DCMTK wrote these files, so the bytes must arrive unchanged.
        QSet<QByteArray> sent;
        for (int i = 0; i < 3; ++i)
            sent << datasetBytes(fileBytes(files[i]));
        for (const QByteArray &got : s.store.received())
            QVERIFY(sent.contains(datasetBytes(got)));
    }

    void store_handlerRefusal_carriesStatusAndComment()
    {
        TestServer s;
        s.store.answerStatus = 0xA700;
        s.store.answerComment = QStringLiteral("archive disk full");
        QVERIFY(s.start().ok());
        QTemporaryDir dir;
        CtPhantom phantom;
        phantom.slices = 2;
        const QStringList files = writeCtPhantom(dir.path(), phantom);
        auto summary = Scu::store(configFor(s.port()), files);
        QVERIFY(summary.ok());
        QCOMPARE(summary.value().failed, 2);
        QCOMPARE(summary.value().failures.first(),
                 QStringLiteral("%1: archive disk full (status 0xA700)").arg(files.first()));
    }

    void store_compressedFile_keepsItsTransferSyntaxWhenAccepted()
    {
        const QString file = pydicomTestFiles() + QStringLiteral("/MR_small_RLE.dcm");
        if (!QFile::exists(file))
            QSKIP("python3-pydicom test files not installed");
        TestServer s;
        QVERIFY(s.start().ok());
        auto summary = Scu::store(configFor(s.port()), {file});
        QVERIFY2(summary.ok() && summary.value().completed == 1, qPrintable(summary.value().failures.join(';')));
        QCOMPARE(transferSyntaxOf(s.store.received().first()), QStringLiteral("1.2.840.10008.1.2.5"));
    }

    void store_toPeerWithoutCompression_transcodesOrSaysWhyNot()
    {
        const QString rle = pydicomTestFiles() + QStringLiteral("/MR_small_RLE.dcm");
        const QString j2k = pydicomTestFiles() + QStringLiteral("/JPEG2000.dcm");
        if (!QFile::exists(rle) || !QFile::exists(j2k))
            QSKIP("python3-pydicom test files not installed");
        QTemporaryDir out;
        const quint16 port = freePort();
        // storescp without +xa accepts uncompressed transfer syntaxes only.
        auto storescp = startTool(QStringLiteral("storescp"), {QStringLiteral("-aet"), QStringLiteral("PLAIN"),
                                                               QStringLiteral("-od"), out.path(), QString::number(port)});
        QVERIFY(waitForPort(port));
        ScuConfig c = configFor(port, QStringLiteral("PLAIN"));
        auto summary = Scu::store(c, {rle, j2k});
        storescp->kill();
        storescp->waitForFinished();
        QVERIFY2(summary.ok(), qPrintable(summary.error()));
        // RLE decodes with DCMTK's codec; DCMTK has no JPEG 2000 decoder.
        QCOMPARE(summary.value().completed, 1);
        QCOMPARE(summary.value().failed, 1);
        QVERIFY2(summary.value().failures.first().startsWith(j2k + QStringLiteral(": the peer does not accept JPEG 2000")),
                 qPrintable(summary.value().failures.first()));
        const QStringList received = QDir(out.path()).entryList(QDir::Files);
        QCOMPARE(received.size(), 1);
        const QString ts = transferSyntaxOf(fileBytes(out.filePath(received.first())));
        QVERIFY2(ts == QLatin1String("1.2.840.10008.1.2.1") || ts == QLatin1String("1.2.840.10008.1.2"), qPrintable(ts));
    }

    void store_toPeerWithoutCompression_neverSendsAFrameThatDoesNotDecode()
    {
        // JPEG lossless data labelled Baseline: DCMTK decodes it as 8-bit
        // into a 16-bit image, reports success and leaves half the pixel
        // buffer unwritten, which would go to the peer as the image.
        if (QStandardPaths::findExecutable(QStringLiteral("dcmcjpeg")).isEmpty())
            QSKIP("dcmtk's dcmcjpeg is not installed");
        QTemporaryDir dir;
        CtPhantom p;
        p.slices = 1;
        p.rows = p.columns = 32;
        const QString plain = writeCtPhantom(dir.filePath(QStringLiteral("ct")), p).first();
        const QString lossless = dir.filePath(QStringLiteral("lossless.dcm"));
        QCOMPARE(runTool(QStringLiteral("dcmcjpeg"), {QStringLiteral("+e1"), plain, lossless}).exitCode, 0);
        QByteArray bytes = fileBytes(lossless);
        const int ts = bytes.indexOf("1.2.840.10008.1.2.4.70");
        QVERIFY(ts > 0);
        bytes.replace(ts, 22, "1.2.840.10008.1.2.4.50");
        const QString labelled = dir.filePath(QStringLiteral("labelled.dcm"));
        QFile f(labelled);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size());
        f.close();

        QTemporaryDir out;
        const quint16 port = freePort();
        auto storescp = startTool(QStringLiteral("storescp"), {QStringLiteral("-aet"), QStringLiteral("PLAIN"),
                                                               QStringLiteral("-od"), out.path(), QString::number(port)});
        QVERIFY(waitForPort(port));
        auto summary = Scu::store(configFor(port, QStringLiteral("PLAIN")), {labelled});
        storescp->kill();
        storescp->waitForFinished();
        QVERIFY2(summary.ok(), qPrintable(summary.error()));
        QCOMPARE(summary.value().failed, 1);
        QVERIFY2(summary.value().failures.first().contains(QLatin1String("the pixel data cannot be decoded: JPEG Baseline frame 1: "
                                                                         "the codestream is lossless (SOF3)")),
                 qPrintable(summary.value().failures.first()));
        QVERIFY(QDir(out.path()).entryList(QDir::Files).isEmpty());
    }

    void find_returnsTheMatches()
    {
        TestServer s;
        for (int i = 0; i < 3; ++i) {
            auto ds = std::make_shared<DcmDataset>();
            ds->putAndInsertString(DCM_QueryRetrieveLevel, "STUDY");
            ds->putAndInsertString(DCM_StudyInstanceUID, QStringLiteral("1.2.3.%1").arg(i).toLatin1().constData());
            s.query.matches << ds;
        }
        QVERIFY(s.start().ok());
        auto result = Scu::find(configFor(s.port()), QueryModel::StudyRoot, studyQuery());
        QVERIFY2(result.ok(), qPrintable(result.error()));
        QCOMPARE(result.value().size(), 3);
        OFString uid;
        result.value().at(2)->findAndGetOFString(DCM_StudyInstanceUID, uid);
        QCOMPARE(QString::fromLatin1(uid.c_str()), QStringLiteral("1.2.3.2"));
        QCOMPARE(s.query.models(), QList<QueryModel>{QueryModel::StudyRoot});
    }

    void find_denied_saysNotAuthorized()
    {
        TestServer s;
        s.policy.deniedServices << Service::Find;
        QVERIFY(s.start().ok());
        auto result = Scu::find(configFor(s.port()), QueryModel::PatientRoot, studyQuery());
        QVERIFY(!result.ok());
        QCOMPARE(result.error(), QStringLiteral("C-FIND on PACS1: refused: not authorized (0x0124): find not allowed for this node"));
    }

    void move_toStorescp_countsAndProgress()
    {
        TestServer s;
        QTemporaryDir src, dst;
        CtPhantom phantom;
        phantom.slices = 4;
        s.retrieve.files = writeCtPhantom(src.path(), phantom);
        const quint16 destPort = freePort();
        s.retrieve.destinations.insert(QStringLiteral("DEST"), destination(destPort));
        QVERIFY(s.start().ok());
        auto storescp = startStorescp(destPort, dst.path(), QStringLiteral("DEST"));
        int progressCalls = 0;
        auto result = Scu::move(configFor(s.port()), QueryModel::StudyRoot, studyQuery(QStringLiteral("1.2.3")),
                                QStringLiteral("DEST"), [&](const RetrieveSummary &) { ++progressCalls; });
        storescp->kill();
        storescp->waitForFinished();
        QVERIFY2(result.ok(), qPrintable(result.error()));
        QCOMPARE(result.value().completed, 4);
        QCOMPARE(result.value().failed, 0);
        QCOMPARE(result.value().finalStatus, quint16(0x0000));
        QCOMPARE(progressCalls, 3);   // pending after each but the last
        QCOMPARE(QDir(dst.path()).entryList(QDir::Files).size(), 4);
    }

    void move_someFail_reportsB000WithCounts()
    {
        TestServer s;
        QTemporaryDir src, dst;
        CtPhantom phantom;
        phantom.slices = 2;
        s.retrieve.files = writeCtPhantom(src.path(), phantom);
        s.retrieve.files << src.filePath(QStringLiteral("vanished.dcm"));
        const quint16 destPort = freePort();
        s.retrieve.destinations.insert(QStringLiteral("DEST"), destination(destPort));
        QVERIFY(s.start().ok());
        auto storescp = startStorescp(destPort, dst.path(), QStringLiteral("DEST"));
        auto result = Scu::move(configFor(s.port()), QueryModel::StudyRoot, studyQuery(QStringLiteral("1.2.3")),
                                QStringLiteral("DEST"));
        storescp->kill();
        storescp->waitForFinished();
        QVERIFY2(result.ok(), qPrintable(result.error()));
        QCOMPARE(result.value().finalStatus, quint16(0xB000));
        QCOMPARE(result.value().completed, 2);
        QCOMPARE(result.value().failed, 1);
        QVERIFY2(result.value().comment.contains(QStringLiteral("does not exist")), qPrintable(result.value().comment));
    }

    void move_unknownDestination_saysA801()
    {
        TestServer s;
        QVERIFY(s.start().ok());
        auto result = Scu::move(configFor(s.port()), QueryModel::StudyRoot, studyQuery(QStringLiteral("1.2.3")),
                                QStringLiteral("ORTHANC"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error(), QStringLiteral("C-MOVE to PACS1 (destination ORTHANC): move destination unknown "
                                                "(0xA801): move destination 'ORTHANC' unknown"));
    }

    void move_destinationDown_allFailA702()
    {
        TestServer s;
        QTemporaryDir src;
        CtPhantom phantom;
        phantom.slices = 2;
        s.retrieve.files = writeCtPhantom(src.path(), phantom);
        s.retrieve.destinations.insert(QStringLiteral("DEST"), destination(freePort()));
        QVERIFY(s.start().ok());
        auto result = Scu::move(configFor(s.port()), QueryModel::StudyRoot, studyQuery(QStringLiteral("1.2.3")),
                                QStringLiteral("DEST"));
        QVERIFY(!result.ok());
        QVERIFY2(result.error().contains(QStringLiteral("0xA702")) && result.error().contains(QStringLiteral("Dest")),
                 qPrintable(result.error()));
    }

    void get_deliversToTheSinkBitForBit()
    {
        TestServer s;
        QTemporaryDir src;
        CtPhantom phantom;
        phantom.slices = 3;
        s.retrieve.files = writeCtPhantom(src.path(), phantom);
        QVERIFY(s.start().ok());
        MemoryStore sink;
        int progressCalls = 0;
        static QStringList logged;   // from every thread: the server's too
        static QMutex loggedMutex;
        logged.clear();
        const QtMessageHandler previous = qInstallMessageHandler([](QtMsgType, const QMessageLogContext &context, const QString &text) {
            if (qstrcmp(context.category, "kilima.dimse") != 0)
                return;
            QMutexLocker lock(&loggedMutex);
            logged << text;
        });
        auto result = Scu::get(configFor(s.port()), QueryModel::StudyRoot, studyQuery(QStringLiteral("1.2.3")), sink,
                               [&](const RetrieveSummary &) { ++progressCalls; });
        qInstallMessageHandler(previous);
        QVERIFY2(result.ok(), qPrintable(result.error()));
        QMutexLocker lock(&loggedMutex);
        // The sub-operations' stores are logged once, as an association's.
        const QStringList summary = logged.filter(QStringLiteral("C-GET from "));
        QCOMPARE(summary.size(), 1);
        QVERIFY2(summary.first().contains(QStringLiteral(": 3 C-STOREs (3 stored, 0 failed), ")), qPrintable(summary.first()));
        QCOMPARE(result.value().completed, 3);
        QCOMPARE(result.value().finalStatus, quint16(0x0000));
        QCOMPARE(progressCalls, 2);
        QCOMPARE(sink.count(), 3);
        QSet<QByteArray> sent;
        for (const QString &f : s.retrieve.files)
            sent << datasetBytes(fileBytes(f));
        for (const QByteArray &got : sink.received())
            QVERIFY(sent.contains(datasetBytes(got)));
        QTRY_COMPARE(s.audit.find(QStringLiteral("C-GET"), QStringLiteral("success")).size(), 1);
    }
};

QTEST_GUILESS_MAIN(ScuTest)
#include "tst_scu.moc"
