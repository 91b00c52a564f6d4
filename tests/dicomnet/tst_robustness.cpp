// A DIMSE server must shrug off broken peers: garbage bytes, stalled
// handshakes, associations that go quiet or turn to garbage, half-sent PDUs
// and senders that vanish mid-transfer are cut off after the configured
// timeouts, freeing their worker, while other associations carry on;
// stop() ends everything within its grace period.
#include "dimsetestsupport.h"
#include "hostiledicom.h"
#include "phantom.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace kilima::test;
using namespace kilima::dicomnet;

class RobustnessTest : public QObject {
    Q_OBJECT

private:
    static QStringList echoArgs(quint16 port)
    {
        return {QStringLiteral("-aet"), QStringLiteral("MODALITY"), QStringLiteral("-aec"), QStringLiteral("KILIMA"),
                QStringLiteral("127.0.0.1"), QString::number(port)};
    }
    // Waits until the server closes `socket`; returns the milliseconds it took, -1 on timeout.
    static qint64 waitForServerClose(QTcpSocket &socket, int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            if (socket.state() == QAbstractSocket::UnconnectedState)
                return t.elapsed();
            socket.waitForReadyRead(100);
            socket.readAll();
        }
        return -1;
    }
    // An A-ASSOCIATE-RQ from MODALITY to KILIMA proposing Verification in
    // implicit VR little endian, as PS3.8 9.3.2 lays it out.
    static QByteArray associateRq()
    {
        auto item = [](quint8 type, const QByteArray &value) -> QByteArray {
            QByteArray b;
            b.append(char(type)).append('\0');
            b.append(char(value.size() >> 8)).append(char(value.size() & 0xff));
            return b + value;
        };
        auto ae = [](const char *title) { return QByteArray(title).leftJustified(16, ' '); };
        QByteArray body("\x00\x01\x00\x00", 4);
        body += ae("KILIMA") + ae("MODALITY") + QByteArray(32, '\0');
        body += item(0x10, "1.2.840.10008.3.1.1.1");
        body += item(0x20, QByteArray("\x01\x00\x00\x00", 4) + item(0x30, "1.2.840.10008.1.1") + item(0x40, "1.2.840.10008.1.2"));
        body += item(0x50, item(0x51, QByteArray("\x00\x00\x40\x00", 4)) + item(0x52, "1.2.826.0.1.3680043.9.7433.1"));
        QByteArray pdu("\x01\x00", 2);
        for (int shift = 24; shift >= 0; shift -= 8)
            pdu.append(char((body.size() >> shift) & 0xff));
        return pdu + body;
    }
    // Opens an association by hand and returns once the A-ASSOCIATE-AC is in.
    static bool associate(QTcpSocket &socket, quint16 port)
    {
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (!socket.waitForConnected(3000))
            return false;
        socket.write(associateRq());
        socket.flush();
        QByteArray answer;
        while (answer.size() < 6 && socket.waitForReadyRead(5000))
            answer += socket.readAll();
        return answer.size() >= 6 && answer.at(0) == 0x02;
    }
    static void shortTimeouts(TestServer &s)
    {
        s.config.acseTimeoutSeconds = 2;
        s.config.dimseTimeoutSeconds = 2;
    }

private Q_SLOTS:
    void garbage_isDroppedAndOthersAreServed()
    {
        TestServer s;
        shortTimeouts(s);
        QVERIFY(s.start().ok());
        QTcpSocket garbage;
        garbage.connectToHost(QHostAddress::LocalHost, s.port());
        QVERIFY(garbage.waitForConnected(3000));
        QByteArray junk(4096, '\0');
        for (int i = 0; i < junk.size(); ++i)
            junk[i] = char((i * 131 + 7) & 0xff);
        junk[0] = 0x42;   // not a PDU type
        garbage.write(junk);
        garbage.flush();
        QCOMPARE(runTool(QStringLiteral("echoscu"), echoArgs(s.port())).exitCode, 0);
        QVERIFY(waitForServerClose(garbage, 5000) >= 0);
        QTRY_VERIFY(!s.audit.find(QStringLiteral("abort"), QStringLiteral("failure")).isEmpty());
        QTRY_COMPARE(s.server->activeAssociations(), 0);
    }

    void stalledHandshake_isCutAfterTheAcseTimeout_whileEchoSucceeds()
    {
        TestServer s;
        shortTimeouts(s);
        QVERIFY(s.start().ok());
        QTcpSocket stalled;
        stalled.connectToHost(QHostAddress::LocalHost, s.port());
        QVERIFY(stalled.waitForConnected(3000));
        QElapsedTimer t;
        t.start();
        const ToolRun echo = runTool(QStringLiteral("echoscu"), echoArgs(s.port()));
        QCOMPARE(echo.exitCode, 0);
        QVERIFY2(t.elapsed() < 1500, "echo waited for the stalled peer");
        const qint64 closedAfter = waitForServerClose(stalled, 8000);
        QVERIFY2(closedAfter >= 0, "stalled peer never dropped");
    }

    void halfSentPdu_isCutAfterTheTimeout()
    {
        TestServer s;
        shortTimeouts(s);
        QVERIFY(s.start().ok());
        QTcpSocket half;
        half.connectToHost(QHostAddress::LocalHost, s.port());
        QVERIFY(half.waitForConnected(3000));
        // A-ASSOCIATE-RQ header announcing 500 bytes, then only 10 of them.
        QByteArray pdu("\x01\x00\x00\x00\x01\xf4", 6);
        pdu += QByteArray("\x00\x01\x00\x00KILIMA", 10);
        half.write(pdu);
        half.flush();
        QCOMPARE(runTool(QStringLiteral("echoscu"), echoArgs(s.port())).exitCode, 0);
        QVERIFY2(waitForServerClose(half, 10000) >= 0, "half-sent PDU kept the connection open");
    }

    void senderKilledMidTransfer_leavesNoTraceAndServerKeepsServing()
    {
        TestServer s;
        shortTimeouts(s);
        s.store.delayMs = 200;
        QVERIFY(s.start().ok());
        QTemporaryDir dir;
        CtPhantom phantom;
        phantom.slices = 30;
        QStringList args = echoArgs(s.port());
        args << writeCtPhantom(dir.path(), phantom);
        auto storescu = startTool(QStringLiteral("storescu"), args);
        QTRY_VERIFY_WITH_TIMEOUT(s.store.count() >= 2, 10000);
        storescu->kill();
        storescu->waitForFinished();
        QTRY_COMPARE_WITH_TIMEOUT(s.server->activeAssociations(), 0, 8000);
        QVERIFY(s.store.count() < 30);
        QTRY_VERIFY(QDir(s.tempDir).entryList(QDir::Files).isEmpty());
        QCOMPARE(runTool(QStringLiteral("echoscu"), echoArgs(s.port())).exitCode, 0);
    }

    void stop_abortsWhatOutlivesTheGracePeriod()
    {
        TestServer s;
        s.config.shutdownGraceSeconds = 1;
        s.store.delayMs = 500;
        QVERIFY(s.start().ok());
        QTemporaryDir dir;
        CtPhantom phantom;
        phantom.slices = 30;
        QStringList args = echoArgs(s.port());
        args << writeCtPhantom(dir.path(), phantom);
        auto storescu = startTool(QStringLiteral("storescu"), args);
        QTRY_VERIFY_WITH_TIMEOUT(s.store.count() >= 1, 10000);
        QElapsedTimer t;
        t.start();
        s.server->stop();
        QVERIFY2(t.elapsed() < 4000, qPrintable(QStringLiteral("stop took %1 ms").arg(t.elapsed())));
        QVERIFY(!s.server->isRunning());
        QCOMPARE(s.server->activeAssociations(), 0);
        storescu->waitForFinished(10000);
        QVERIFY(storescu->exitCode() != 0 || s.store.count() < 30);
        // Refused once stopped.
        QVERIFY(runTool(QStringLiteral("echoscu"), echoArgs(s.port()), 10000).exitCode != 0);
    }

    // One association allowed. A peer that associates and then sends
    // nothing holds it (others are refused) only until the DIMSE timeout;
    // then its worker is free and the next echo succeeds.
    void stalledAssociation_releasesItsWorkerAfterTheDimseTimeout()
    {
        TestServer s;
        shortTimeouts(s);
        s.config.maxAssociations = 1;
        QVERIFY(s.start().ok());
        QTcpSocket stalled;
        QVERIFY2(associate(stalled, s.port()), "the hand-made A-ASSOCIATE-RQ was not accepted");
        QElapsedTimer t;
        t.start();
        QTRY_COMPARE(s.server->activeAssociations(), 1);
        const ToolRun refused = runTool(QStringLiteral("echoscu"), echoArgs(s.port()));
        QVERIFY2(refused.exitCode != 0, "a second association got in beside the stalled one");
        const qint64 closedAfter = waitForServerClose(stalled, 10000);
        QVERIFY2(closedAfter >= 0, "the stalled association was never cut");
        QVERIFY2(t.elapsed() >= 1500, qPrintable(QStringLiteral("cut after %1 ms, before the 2 s timeout").arg(t.elapsed())));
        QTRY_COMPARE(s.server->activeAssociations(), 0);
        const ToolRun echo = runTool(QStringLiteral("echoscu"), echoArgs(s.port()));
        QVERIFY2(echo.exitCode == 0, qPrintable(echo.output));
        QVERIFY2(!s.audit.find(QStringLiteral("abort"), QStringLiteral("failure")).isEmpty(), qPrintable(s.audit.dump()));
    }

    // One association allowed, so 1 + 4 workers (the extra ones only answer
    // A-ASSOCIATE-RJ). Eight connections that never send a byte take them
    // all and the rest are dropped at once; the ACSE timeout then frees
    // every worker and an echo gets through.
    void floodOfSilentConnections_isCutAfterTheAcseTimeout_thenEchoSucceeds()
    {
        TestServer s;
        shortTimeouts(s);
        s.config.maxAssociations = 1;
        QVERIFY(s.start().ok());
        std::vector<std::unique_ptr<QTcpSocket>> silent;
        for (int i = 0; i < 8; ++i) {
            silent.push_back(std::make_unique<QTcpSocket>());
            silent.back()->connectToHost(QHostAddress::LocalHost, s.port());
            QVERIFY(silent.back()->waitForConnected(3000));
        }
        QElapsedTimer t;
        t.start();
        for (auto &socket : silent)
            QVERIFY2(waitForServerClose(*socket, 8000) >= 0, "a silent connection was never cut");
        qInfo("all 8 silent connections cut after %lld ms", t.elapsed());
        // The ones beyond the workers were dropped at once, and the audit
        // says from where.
        const QList<AuditEvent> dropped = s.audit.find(QStringLiteral("reject"), QStringLiteral("failure"));
        QVERIFY2(!dropped.isEmpty(), qPrintable(s.audit.dump()));
        for (const AuditEvent &e : dropped)
            QCOMPARE(e.peer.host, QStringLiteral("127.0.0.1"));
        const ToolRun echo = runTool(QStringLiteral("echoscu"), echoArgs(s.port()));
        QVERIFY2(echo.exitCode == 0, qPrintable(echo.output));
        QTRY_COMPARE(s.server->activeAssociations(), 0);
    }

    // One association allowed, 4 s timeouts. Garbage where the next PDU
    // should be ends the association and frees its worker for the next
    // echo: at once when it cannot be a PDU, and by the DIMSE timeout when it
    // reads as the start of a longer command (DCMTK waits for the rest).
    void garbagePduMidAssociation_releasesItsWorker_data()
    {
        QTest::addColumn<QByteArray>("garbage");
        QTest::addColumn<bool>("atOnce");
        QByteArray unknownType("\x42\x00\x00\x00\x00\x10", 6);
        unknownType += QByteArray(16, '\x5a');
        QTest::newRow("unknown PDU type") << unknownType << true;
        QTest::newRow("second A-ASSOCIATE-RQ") << associateRq() << true;
        // P-DATA-TF with one PDV, the last of a command: 8 bytes of noise
        // that announce an element of 64 MiB.
        QTest::newRow("P-DATA with a garbage command")
            << QByteArray("\x04\x00\x00\x00\x00\x0e\x00\x00\x00\x0a\x01\x03\xde\xad\xbe\xef\x01\x02\x03\x04", 20) << false;
    }

    void garbagePduMidAssociation_releasesItsWorker()
    {
        QFETCH(QByteArray, garbage);
        QFETCH(bool, atOnce);
        TestServer s;
        s.config.acseTimeoutSeconds = 4;
        s.config.dimseTimeoutSeconds = 4;
        s.config.maxAssociations = 1;
        QVERIFY(s.start().ok());
        QTcpSocket peer;
        QVERIFY2(associate(peer, s.port()), "the hand-made A-ASSOCIATE-RQ was not accepted");
        QTRY_COMPARE(s.server->activeAssociations(), 1);
        peer.write(garbage);
        peer.flush();
        const qint64 closedAfter = waitForServerClose(peer, 10000);
        QVERIFY2(closedAfter >= 0, "the association survived the garbage");
        qInfo("closed %lld ms after the garbage", closedAfter);
        if (atOnce)
            QVERIFY2(closedAfter < 2000, qPrintable(QStringLiteral("closed only after %1 ms").arg(closedAfter)));
        QTRY_COMPARE_WITH_TIMEOUT(s.server->activeAssociations(), 0, 5000);
        const ToolRun echo = runTool(QStringLiteral("echoscu"), echoArgs(s.port()));
        QVERIFY2(echo.exitCode == 0, qPrintable(echo.output));
        QVERIFY2(!s.audit.find(QStringLiteral("abort"), QStringLiteral("failure")).isEmpty(), qPrintable(s.audit.dump()));
    }

    void manyParallelEchoes_allSucceed()
    {
        TestServer s;
        s.config.maxAssociations = 24;
        QVERIFY(s.start().ok());
        std::vector<std::unique_ptr<QProcess>> procs;
        for (int i = 0; i < 24; ++i)
            procs.push_back(startTool(QStringLiteral("echoscu"), echoArgs(s.port()) << QStringLiteral("--repeat")
                                                                                   << QStringLiteral("20")));
        int ok = 0;
        for (auto &p : procs) {
            p->waitForFinished(60000);
            ok += (p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0) ? 1 : 0;
        }
        QCOMPARE(ok, 24);
        QCOMPARE(s.audit.find(QStringLiteral("C-ECHO"), QStringLiteral("success")).size(), 24 * 20);
    }

    // 5,700 nested sequences overflowed the stack of DCMTK's recursive
    // parser on receipt and killed the server. The received file is checked
    // first: 0xC000 with the reason, nothing reaches the handler, and the
    // server goes on. (storescu reads the file with the same parser before
    // sending, so it runs with an unlimited stack.)
    void deeplyNestedObject_isRefusedWithReasonAndServerKeepsServing()
    {
        TestServer s;
        QVERIFY(s.start().ok());
        QTemporaryDir dir;
        const QByteArray study = newUid().toLatin1(), series = newUid().toLatin1();
        QFile f(dir.filePath(QStringLiteral("deep.dcm")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(hostile::part10(hostile::nestedSequences(5700), newUid().toLatin1(), study, series));
        f.close();
        const ToolRun store = runTool(QStringLiteral("/bin/bash"),
                                      QStringList{QStringLiteral("-c"), QStringLiteral("ulimit -s unlimited && exec storescu -d \"$@\""),
                                                  QStringLiteral("storescu")}
                                          + echoArgs(s.port()) + QStringList{f.fileName()});
        QVERIFY2(store.output.contains(QLatin1String("DIMSE Status                  : 0xc000")), qPrintable(store.output.right(2000)));
        QVERIFY2(store.output.contains(QLatin1String("sequences nested deeper than 64 levels: (0040,A730)")),
                 qPrintable(store.output.right(2000)));
        QCOMPARE(s.store.count(), 0);
        QCOMPARE(runTool(QStringLiteral("echoscu"), echoArgs(s.port())).exitCode, 0);
    }

    // The same nesting in a C-FIND identifier: 0xC000 with the reason, the
    // query handler never called.
    void deeplyNestedIdentifier_isRefusedWithReasonAndServerKeepsServing()
    {
        TestServer s;
        QVERIFY(s.start().ok());
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("query.dcm")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(hostile::part10(hostile::nestedSequences(5700), newUid().toLatin1(), newUid().toLatin1(), newUid().toLatin1()));
        f.close();
        const ToolRun find = runTool(QStringLiteral("/bin/bash"),
                                     QStringList{QStringLiteral("-c"), QStringLiteral("ulimit -s unlimited && exec findscu -d -S \"$@\""),
                                                 QStringLiteral("findscu")}
                                         + echoArgs(s.port()) + QStringList{f.fileName()});
        QVERIFY2(find.output.contains(QLatin1String("0xc000"), Qt::CaseInsensitive), qPrintable(find.output.right(2000)));
        QVERIFY2(find.output.contains(QLatin1String("sequences nested deeper than 64 levels")), qPrintable(find.output.right(2000)));
        QVERIFY(s.query.levels().isEmpty());
        QCOMPARE(runTool(QStringLiteral("echoscu"), echoArgs(s.port())).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(RobustnessTest)
#include "tst_robustness.moc"
