// A DIMSE server must shrug off broken peers: garbage bytes, stalled
// handshakes, half-sent PDUs and senders that vanish mid-transfer are cut
// off after the configured timeouts while other associations carry on;
// stop() ends everything within its grace period.
#include "dimsetestsupport.h"
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
};

QTEST_GUILESS_MAIN(RobustnessTest)
#include "tst_robustness.moc"
