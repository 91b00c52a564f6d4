// DimseServer driven by DCMTK's own command-line SCUs: association checks,
// bit-preserving C-STORE, C-FIND, C-MOVE to a storescp, C-GET, and the
// association limit.
#include "dimsetestsupport.h"
#include "phantom.h"
#include "testdata.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace kilima::test;
using namespace kilima::dicomnet;

class TestServerTest : public QObject {
    Q_OBJECT

private:
    QStringList echoArgs(quint16 port, const QString &calling = QStringLiteral("MODALITY"),
                         const QString &called = QStringLiteral("KILIMA"))
    {
        return {QStringLiteral("-aet"), calling, QStringLiteral("-aec"), called, QStringLiteral("127.0.0.1"),
                QString::number(port)};
    }

private Q_SLOTS:
    void echo_knownPeer_isAcceptedAndAudited()
    {
        TestServer s;
        QVERIFY2(s.start().ok(), qPrintable(s.start().error()));
        QVERIFY(s.port() != 0);
        const ToolRun r = runTool(QStringLiteral("echoscu"), echoArgs(s.port()));
        QVERIFY2(r.exitCode == 0, qPrintable(r.output));
        QTRY_COMPARE(s.audit.find(QStringLiteral("release")).size(), 1);
        QCOMPARE(s.audit.find(QStringLiteral("associate"), QStringLiteral("success")).size(), 1);
        QCOMPARE(s.audit.find(QStringLiteral("C-ECHO"), QStringLiteral("success")).size(), 1);
        const Peer peer = s.audit.find(QStringLiteral("C-ECHO")).first().peer;
        QCOMPARE(peer.callingAe, QStringLiteral("MODALITY"));
        QCOMPARE(peer.calledAe, QStringLiteral("KILIMA"));
        QCOMPARE(peer.host, QStringLiteral("127.0.0.1"));
        QVERIFY(!peer.tls);
        QTRY_COMPARE(s.server->activeAssociations(), 0);
    }

    void echo_unknownCallingAe_isRejectedWithReason()
    {
        TestServer s;
        s.policy.deniedCallingAes << QStringLiteral("INTRUDER");
        QVERIFY(s.start().ok());
        const ToolRun r = runTool(QStringLiteral("echoscu"), echoArgs(s.port(), QStringLiteral("INTRUDER")));
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.output.contains(QStringLiteral("Calling AE Title Not Recognized"), Qt::CaseInsensitive),
                 qPrintable(r.output));
        QTRY_COMPARE(s.audit.find(QStringLiteral("reject"), QStringLiteral("denied")).size(), 1);
        QVERIFY(s.audit.find(QStringLiteral("reject")).first().detail.contains(QStringLiteral("not a known node")));
        QVERIFY(s.audit.find(QStringLiteral("C-ECHO")).isEmpty());
    }

    void echo_wrongCalledAe_isRejected()
    {
        TestServer s;
        QVERIFY(s.start().ok());
        const ToolRun r = runTool(QStringLiteral("echoscu"), echoArgs(s.port(), QStringLiteral("MODALITY"),
                                                                      QStringLiteral("OTHERPACS")));
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.output.contains(QStringLiteral("Called AE Title Not Recognized"), Qt::CaseInsensitive),
                 qPrintable(r.output));
        QTRY_COMPARE(s.audit.find(QStringLiteral("reject")).size(), 1);
        QVERIFY(s.audit.find(QStringLiteral("reject")).first().detail.contains(QStringLiteral("OTHERPACS")));
    }

    void store_phantomSeries_handlerGetsTheSameBytes()
    {
        TestServer s;
        QVERIFY(s.start().ok());
        QTemporaryDir dir;
        CtPhantom phantom;
        phantom.slices = 5;
        const QStringList files = writeCtPhantom(dir.path(), phantom);
        QStringList args = echoArgs(s.port());
        args << files;
        const ToolRun r = runTool(QStringLiteral("storescu"), args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.output));
        QCOMPARE(s.store.count(), 5);
        QSet<QByteArray> sent;
        for (const QString &f : files)
            sent << datasetBytes(fileBytes(f));
        for (const QByteArray &got : s.store.received()) {
            QVERIFY(got.mid(128, 4) == "DICM");
            QVERIFY2(sent.contains(datasetBytes(got)), "received dataset differs from every sent file");
        }
        QTRY_COMPARE(s.audit.find(QStringLiteral("C-STORE"), QStringLiteral("success")).size(), 5);
        QVERIFY(!s.audit.find(QStringLiteral("C-STORE")).first().studyUid.isEmpty());
        QTRY_VERIFY(QDir(s.tempDir).entryList(QDir::Files).isEmpty());
    }

    void store_compressedFiles_keepTheirTransferSyntaxBitForBit_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("ts");
        QTest::newRow("RLE") << "MR_small_RLE.dcm" << "1.2.840.10008.1.2.5";
        QTest::newRow("JPEG 2000") << "JPEG2000.dcm" << "1.2.840.10008.1.2.4.91";
        QTest::newRow("JPEG extended") << "JPGExtended.dcm" << "1.2.840.10008.1.2.4.51";
        QTest::newRow("JPEG-LS lossless") << "MR_small_jpeg_ls_lossless.dcm" << "1.2.840.10008.1.2.4.80";
    }
    void store_compressedFiles_keepTheirTransferSyntaxBitForBit()
    {
        QFETCH(QString, file);
        QFETCH(QString, ts);
        const QString dir = pydicomTestFiles();
        if (dir.isEmpty() || !QFile::exists(dir + QLatin1Char('/') + file))
            QSKIP("python3-pydicom test files not installed");
        const QString path = dir + QLatin1Char('/') + file;
        TestServer s;
        QVERIFY(s.start().ok());
        // dcmsend proposes each file's own transfer syntax; -dn: never decompress.
        QStringList args = echoArgs(s.port());
        args << QStringLiteral("-dn") << path;
        const ToolRun r = runTool(QStringLiteral("dcmsend"), args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.output));
        QCOMPARE(s.store.count(), 1);
        const QByteArray got = s.store.received().first();
        QCOMPARE(transferSyntaxOf(got), ts);
        // The sender re-encodes what it read from the file, so the
        // reference is what a bit-preserving storescp (+B) receives from the
        // same sender: the handler must get exactly those dataset bytes.
        QTemporaryDir refDir;
        const quint16 refPort = freePort();
        auto storescp = startStorescp(refPort, refDir.path(), QStringLiteral("KILIMA"));
        const ToolRun ref = runTool(QStringLiteral("dcmsend"), echoArgs(refPort) << QStringLiteral("-dn") << path);
        storescp->kill();
        storescp->waitForFinished();
        QVERIFY2(ref.exitCode == 0, qPrintable(ref.output));
        const QStringList refFiles = QDir(refDir.path()).entryList(QDir::Files);
        QCOMPARE(refFiles.size(), 1);
        const QByteArray expected = datasetBytes(fileBytes(refDir.filePath(refFiles.first())));
        QVERIFY(!expected.isEmpty());
        QVERIFY2(datasetBytes(got) == expected, "dataset bytes differ from what storescp +B received");
    }

    void store_unparseableDataset_isRefusedAndNothingStored()
    {
        // Deflate stream announced but plain bytes sent: the server must
        // answer with a failure, not crash, and store nothing. storescu
        // cannot send such an object, so a truncated file is offered
        // through the SCU with its dataset cut in the middle of an element.
        TestServer s;
        QVERIFY(s.start().ok());
        QTemporaryDir dir;
        CtPhantom phantom;
        phantom.slices = 1;
        const QString good = writeCtPhantom(dir.path(), phantom).first();
        QByteArray bytes = fileBytes(good);
        const QByteArray ds = datasetBytes(bytes);
        // Keep the meta header and the first 300 bytes of the dataset, then
        // a Pixel Data element header claiming far more bytes than follow.
        QByteArray truncated = bytes.left(bytes.size() - ds.size()) + ds.left(300);
        QFile out(dir.filePath(QStringLiteral("truncated.dcm")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(truncated);
        out.close();
        QStringList args = echoArgs(s.port());
        args << out.fileName();
        runTool(QStringLiteral("storescu"), args);
        // storescu refuses to read a broken file itself; either way nothing
        // may reach the store handler and the server must keep serving.
        QCOMPARE(s.store.count(), 0);
        QCOMPARE(runTool(QStringLiteral("echoscu"), echoArgs(s.port())).exitCode, 0);
    }

    void store_deniedByPolicy_isRefusedNotAuthorized()
    {
        TestServer s;
        s.policy.deniedServices << Service::Store;
        QVERIFY(s.start().ok());
        QTemporaryDir dir;
        CtPhantom phantom;
        phantom.slices = 1;
        QStringList args = echoArgs(s.port());
        args << QStringLiteral("-v") << writeCtPhantom(dir.path(), phantom);
        const ToolRun r = runTool(QStringLiteral("storescu"), args);
        QVERIFY2(r.output.contains(QStringLiteral("0x124")) || r.output.contains(QStringLiteral("Not Authorized"),
                                                                                      Qt::CaseInsensitive),
                 qPrintable(r.output));
        QCOMPARE(s.store.count(), 0);
        QTRY_COMPARE(s.audit.find(QStringLiteral("C-STORE"), QStringLiteral("denied")).size(), 1);
    }

    void find_studyLevel_returnsTheHandlersMatches()
    {
        TestServer s;
        for (int i = 0; i < 3; ++i) {
            auto ds = std::make_shared<DcmDataset>();
            ds->putAndInsertString(DCM_QueryRetrieveLevel, "STUDY");
            ds->putAndInsertString(DCM_StudyInstanceUID, QStringLiteral("1.2.3.%1").arg(i).toLatin1().constData());
            ds->putAndInsertString(DCM_PatientName, "DOE^JANE");
            s.query.matches << ds;
        }
        QVERIFY(s.start().ok());
        QTemporaryDir out;
        QStringList args = echoArgs(s.port());
        args << QStringLiteral("-S") << QStringLiteral("-k") << QStringLiteral("QueryRetrieveLevel=STUDY")
             << QStringLiteral("-k") << QStringLiteral("StudyInstanceUID") << QStringLiteral("-k")
             << QStringLiteral("PatientName") << QStringLiteral("-X") << QStringLiteral("-od") << out.path();
        const ToolRun r = runTool(QStringLiteral("findscu"), args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.output));
        QCOMPARE(QDir(out.path()).entryList(QDir::Files).size(), 3);
        QCOMPARE(s.query.models(), QList<QueryModel>{QueryModel::StudyRoot});
        QCOMPARE(s.query.levels(), QStringList{QStringLiteral("STUDY")});
        QTRY_COMPARE(s.audit.find(QStringLiteral("C-FIND"), QStringLiteral("success")).size(), 1);
        QVERIFY(s.audit.find(QStringLiteral("C-FIND")).first().detail.contains(QStringLiteral("3 matches")));
    }

    void find_cancelledByThePeer_stopsSendingMatches()
    {
        TestServer s;
        for (int i = 0; i < 50; ++i) {
            auto ds = std::make_shared<DcmDataset>();
            ds->putAndInsertString(DCM_QueryRetrieveLevel, "STUDY");
            ds->putAndInsertString(DCM_StudyInstanceUID, QStringLiteral("1.2.3.%1").arg(i).toLatin1().constData());
            s.query.matches << ds;
        }
        s.query.delayMs = 20;
        QVERIFY(s.start().ok());
        QStringList args = echoArgs(s.port());
        args << QStringLiteral("-S") << QStringLiteral("--cancel") << QStringLiteral("2") << QStringLiteral("-k")
             << QStringLiteral("QueryRetrieveLevel=STUDY") << QStringLiteral("-k") << QStringLiteral("StudyInstanceUID");
        const ToolRun r = runTool(QStringLiteral("findscu"), args);
        QTRY_COMPARE(s.audit.find(QStringLiteral("C-FIND")).size(), 1);
        const QString detail = s.audit.find(QStringLiteral("C-FIND")).first().detail;
        QVERIFY2(detail.contains(QStringLiteral("cancelled")) && detail.contains(QStringLiteral("0xFE00")),
                 qPrintable(detail));
        QVERIFY2(!detail.contains(QStringLiteral("50 matches")), qPrintable(detail));
    }

    void find_worklist_usesTheWorklistModel()
    {
        TestServer s;
        auto ds = std::make_shared<DcmDataset>();
        ds->putAndInsertString(DCM_PatientName, "DOE^JOHN");
        ds->putAndInsertString(DCM_AccessionNumber, "ACC1");
        s.query.matches << ds;
        QVERIFY(s.start().ok());
        QTemporaryDir out;
        QStringList args = echoArgs(s.port());
        args << QStringLiteral("-W") << QStringLiteral("-k") << QStringLiteral("PatientName") << QStringLiteral("-k")
             << QStringLiteral("AccessionNumber") << QStringLiteral("-X") << QStringLiteral("-od") << out.path();
        const ToolRun r = runTool(QStringLiteral("findscu"), args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.output));
        QCOMPARE(QDir(out.path()).entryList(QDir::Files).size(), 1);
        QCOMPARE(s.query.models(), QList<QueryModel>{QueryModel::Worklist});
    }

    void move_toStorescp_deliversEveryFile()
    {
        TestServer s;
        QTemporaryDir src, dst;
        CtPhantom phantom;
        phantom.slices = 4;
        s.retrieve.files = writeCtPhantom(src.path(), phantom);
        const quint16 destPort = freePort();
        s.retrieve.destinations.insert(QStringLiteral("DEST"),
                                       RemoteNode{QStringLiteral("Dest"), QStringLiteral("DEST"),
                                                  QStringLiteral("127.0.0.1"), destPort, false});
        QVERIFY(s.start().ok());
        auto storescp = startStorescp(destPort, dst.path(), QStringLiteral("DEST"));
        QStringList args = echoArgs(s.port());
        args << QStringLiteral("-S") << QStringLiteral("-aem") << QStringLiteral("DEST") << QStringLiteral("-k")
             << QStringLiteral("QueryRetrieveLevel=STUDY") << QStringLiteral("-k")
             << QStringLiteral("StudyInstanceUID=1.2.3");
        const ToolRun r = runTool(QStringLiteral("movescu"), args);
        storescp->kill();
        storescp->waitForFinished();
        QVERIFY2(r.exitCode == 0, qPrintable(r.output));
        QCOMPARE(QDir(dst.path()).entryList(QDir::Files).size(), 4);
        QTRY_COMPARE(s.audit.find(QStringLiteral("C-MOVE"), QStringLiteral("success")).size(), 1);
        QVERIFY(s.audit.find(QStringLiteral("C-MOVE")).first().detail.contains(QStringLiteral("4 completed")));
    }

    void move_unknownDestination_answersA801()
    {
        TestServer s;
        s.retrieve.files << QStringLiteral("/nonexistent.dcm");
        QVERIFY(s.start().ok());
        QStringList args = echoArgs(s.port());
        args << QStringLiteral("-S") << QStringLiteral("-aem") << QStringLiteral("NOWHERE") << QStringLiteral("-k")
             << QStringLiteral("QueryRetrieveLevel=STUDY") << QStringLiteral("-k")
             << QStringLiteral("StudyInstanceUID=1.2.3");
        const ToolRun r = runTool(QStringLiteral("movescu"), args);
        QVERIFY2(r.output.contains(QStringLiteral("a801"), Qt::CaseInsensitive)
                     || r.output.contains(QStringLiteral("MoveDestinationUnknown"), Qt::CaseInsensitive),
                 qPrintable(r.output));
    }

    void get_getscu_receivesEveryFile()
    {
        TestServer s;
        QTemporaryDir src, dst;
        CtPhantom phantom;
        phantom.slices = 3;
        s.retrieve.files = writeCtPhantom(src.path(), phantom);
        QVERIFY(s.start().ok());
        QStringList args = echoArgs(s.port());
        args << QStringLiteral("-S") << QStringLiteral("-k") << QStringLiteral("QueryRetrieveLevel=STUDY")
             << QStringLiteral("-k") << QStringLiteral("StudyInstanceUID=1.2.3") << QStringLiteral("-od") << dst.path();
        const ToolRun r = runTool(QStringLiteral("getscu"), args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.output));
        QCOMPARE(QDir(dst.path()).entryList(QDir::Files).size(), 3);
        QTRY_COMPARE(s.audit.find(QStringLiteral("C-GET"), QStringLiteral("success")).size(), 1);
    }

    void concurrency_twentyStorescusWithinTheLimit_allSucceed()
    {
        TestServer s;
        s.config.maxAssociations = 32;
        s.store.delayMs = 50;
        QVERIFY(s.start().ok());
        QTemporaryDir dir;
        CtPhantom phantom;
        phantom.slices = 3;
        const QStringList files = writeCtPhantom(dir.path(), phantom);
        std::vector<std::unique_ptr<QProcess>> procs;
        for (int i = 0; i < 20; ++i) {
            QStringList args = echoArgs(s.port(), QStringLiteral("MOD%1").arg(i));
            args << files;
            procs.push_back(startTool(QStringLiteral("storescu"), args));
        }
        int ok = 0;
        for (auto &p : procs) {
            p->waitForFinished(60000);
            if (p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0)
                ++ok;
        }
        QCOMPARE(ok, 20);
        QCOMPARE(s.store.count(), 60);
    }

    void concurrency_beyondTheLimit_extraAssociationsAreRejectedTransient()
    {
        TestServer s;
        s.config.maxAssociations = 2;
        s.store.delayMs = 400;
        QVERIFY(s.start().ok());
        QTemporaryDir dir;
        CtPhantom phantom;
        phantom.slices = 3;
        const QStringList files = writeCtPhantom(dir.path(), phantom);
        std::vector<std::unique_ptr<QProcess>> procs;
        for (int i = 0; i < 6; ++i) {
            QStringList args = echoArgs(s.port(), QStringLiteral("MOD%1").arg(i));
            args << files;
            procs.push_back(startTool(QStringLiteral("storescu"), args));
        }
        int ok = 0, limited = 0;
        for (auto &p : procs) {
            p->waitForFinished(60000);
            const QString out = QString::fromLocal8Bit(p->readAll());
            if (p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0)
                ++ok;
            else if (out.contains(QStringLiteral("Local Limit Exceeded"), Qt::CaseInsensitive))
                ++limited;
        }
        QVERIFY2(ok >= 2, qPrintable(s.audit.dump()));
        QVERIFY2(limited >= 1, qPrintable(s.audit.dump()));
        QCOMPARE(ok + limited, 6);
        QCOMPARE(s.store.count(), ok * 3);
        bool audited = false;
        for (const AuditEvent &e : s.audit.find(QStringLiteral("reject")))
            audited = audited || e.detail.contains(QStringLiteral("local limit exceeded"));
        QVERIFY(audited);
    }
};

QTEST_GUILESS_MAIN(TestServerTest)
#include "tst_server.moc"
