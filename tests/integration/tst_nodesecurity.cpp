// kilima-node serve with DICOM TLS from its configuration (echoscu and
// storescu with and without a client certificate), the first admin password
// kept out of redirected output, plain HTTP beyond loopback flagged, and a
// node whose disk fills: C-STORE answers 0xA700, nothing is half-stored, and
// storing resumes once there is room again.
#include "nodecli.h"
#include "peers.h"
#include "phantom.h"
#include "testdata.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace kilima;

namespace {

const QString kNode = test::nodeBinary();
const QFile::Permissions kGroupOrOther = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther |
                                         QFile::WriteOther | QFile::ExeOther;
using test::node;
using test::nodeStdout;

} // namespace

class TestNodeSecurity : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;

    QString path(const QString &name) const { return m_tmp.filePath(name); }

    bool openssl(const QStringList &args)
    {
        QString out;
        const int rc = test::runTool(QStringLiteral("openssl"), args, &out, 60000);
        if (rc != 0)
            qWarning().noquote() << out;
        return rc == 0;
    }

    bool issue(const QString &name, const QString &cn)
    {
        return openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                        QStringLiteral("-keyout"), path(name + QStringLiteral(".key")), QStringLiteral("-out"),
                        path(name + QStringLiteral(".csr")), QStringLiteral("-subj"), QStringLiteral("/CN=") + cn}) &&
               openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), path(name + QStringLiteral(".csr")),
                        QStringLiteral("-CA"), path(QStringLiteral("ca.pem")), QStringLiteral("-CAkey"), path(QStringLiteral("ca.key")),
                        QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), path(name + QStringLiteral(".pem")),
                        QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-sha256")});
    }

    QStringList tlsArgs(bool clientCert) const
    {
        QStringList args;
        if (clientCert)
            args << QStringLiteral("+tls") << path(QStringLiteral("client.key")) << path(QStringLiteral("client.pem"));
        else
            args << QStringLiteral("+tla");
        return args << QStringLiteral("+cf") << path(QStringLiteral("ca.pem"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                         QStringLiteral("-nodes"), QStringLiteral("-keyout"), path(QStringLiteral("ca.key")), QStringLiteral("-out"),
                         path(QStringLiteral("ca.pem")), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-sha256"),
                         QStringLiteral("-subj"), QStringLiteral("/CN=Kilima Test CA")}));
        QVERIFY(issue(QStringLiteral("server"), QStringLiteral("localhost")));
        QVERIFY(issue(QStringLiteral("client"), QStringLiteral("MODALITY")));
    }

    void tlsListener_ShouldRequireTheClientCertificateWhenConfigured()
    {
        const QString data = path(QStringLiteral("tls-node"));
        const quint16 plain = test::freePort(), tls = test::freePort();
        QDir().mkpath(data);
        QFile config(data + QStringLiteral("/kilima.json"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(QJsonDocument(QJsonObject{
                                       {QStringLiteral("node"), QJsonObject{{QStringLiteral("bindAddress"), QStringLiteral("127.0.0.1")},
                                                                           {QStringLiteral("dicomPort"), plain},
                                                                           {QStringLiteral("dicomTlsPort"), tls}}},
                                       {QStringLiteral("tls"), QJsonObject{{QStringLiteral("certificateFile"), path(QStringLiteral("server.pem"))},
                                                                          {QStringLiteral("privateKeyFile"), path(QStringLiteral("server.key"))},
                                                                          {QStringLiteral("trustedCaFile"), path(QStringLiteral("ca.pem"))},
                                                                          {QStringLiteral("requireClientCertificate"), true}}}})
                         .toJson());
        config.close();
        QCOMPARE(node(data, {QStringLiteral("nodes"), QStringLiteral("add"), QStringLiteral("modality"), QStringLiteral("--aet"),
                             QStringLiteral("MODALITY"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                             QStringLiteral("104"), QStringLiteral("--allow"), QStringLiteral("echo,store,find")}), 0);
        test::Peer server;
        QVERIFY(server.start(kNode, {QStringLiteral("--data-dir"), data, QStringLiteral("serve")}));
        QVERIFY2(test::waitForPort(tls), qPrintable(server.output()));
        const QStringList ae{QStringLiteral("-aet"), QStringLiteral("MODALITY"), QStringLiteral("-aec"), QStringLiteral("KILIMA")};
        const QStringList tlsTarget{QStringLiteral("127.0.0.1"), QString::number(tls)};
        QString out;
        QCOMPARE(test::runTool(QStringLiteral("echoscu"), tlsArgs(true) + ae + tlsTarget, &out), 0);
        QVERIFY(test::runTool(QStringLiteral("echoscu"), tlsArgs(false) + ae + tlsTarget, &out) != 0);
        // A plain client on the TLS port gets nowhere.
        QVERIFY(test::runTool(QStringLiteral("echoscu"), ae + tlsTarget, &out, 30000) != 0);
        // Nor does one on TLS 1.1 or with a CBC suite, certificate or not
        // (dicomnet/tls has the whole matrix).
        auto handshake = [&](const QStringList &options) {
            return test::runTool(QStringLiteral("/bin/bash"),
                                 QStringList{QStringLiteral("-c"), QStringLiteral("exec openssl s_client -brief -connect \"$0\" \"$@\" </dev/null"),
                                             QStringLiteral("127.0.0.1:%1").arg(tls), QStringLiteral("-cert"), path(QStringLiteral("client.pem")),
                                             QStringLiteral("-key"), path(QStringLiteral("client.key"))}
                                     + options,
                                 &out, 30000);
        };
        QVERIFY2(handshake({QStringLiteral("-tls1_1"), QStringLiteral("-cipher"), QStringLiteral("DEFAULT:@SECLEVEL=0")}) != 0, qPrintable(out));
        QVERIFY2(handshake({QStringLiteral("-tls1_2"), QStringLiteral("-cipher"), QStringLiteral("AES128-SHA")}) != 0, qPrintable(out));
        QVERIFY2(handshake({QStringLiteral("-tls1_2"), QStringLiteral("-cipher"), QStringLiteral("ECDHE-RSA-AES128-GCM-SHA256")}) == 0, qPrintable(out));

        test::CtPhantom p;
        p.slices = 3;
        const QStringList files = test::writeCtPhantom(path(QStringLiteral("tls-series")), p);
        QCOMPARE(test::runTool(QStringLiteral("storescu"), tlsArgs(true) + ae + tlsTarget + files, &out), 0);
        server.terminate();
        QString stats;
        QCOMPARE(nodeStdout(data, {QStringLiteral("stats"), QStringLiteral("--json")}, &stats), 0);
        QCOMPARE(QJsonDocument::fromJson(stats.toUtf8()).object().value(QStringLiteral("instances")).toInt(), 3);
        QString audit;
        QCOMPARE(node(data, {QStringLiteral("audit")}, &audit), 0);
        QVERIFY2(audit.contains(QStringLiteral("TLS")), qPrintable(audit));
    }

    // Standard output is a file, as under systemd or in a container: the
    // first admin password is not in it, nor in the log (standard error),
    // the configuration or the process arguments; it is in the owner-only
    // file the message names, and it signs in to DICOMweb.
    void firstAdminPassword_ShouldGoToAnOwnerOnlyFileWhenStdoutIsNotATerminal()
    {
        const QString data = path(QStringLiteral("password-node"));
        const QString stdoutFile = path(QStringLiteral("serve.out")), stderrFile = path(QStringLiteral("serve.err"));
        const quint16 dicom = test::freePort(), http = test::freePort();
        test::Peer server;
        QVERIFY(server.start(QStringLiteral("/bin/bash"),
                             {QStringLiteral("-c"), QStringLiteral("exec \"$0\" --data-dir \"$1\" serve --bind 127.0.0.1 --dicom-port \"$2\" "
                                                                   "--http-port \"$3\" >\"$4\" 2>\"$5\""),
                              kNode, data, QString::number(dicom), QString::number(http), stdoutFile, stderrFile}));
        QVERIFY2(test::waitForPort(http), qPrintable(server.output()));
        auto readAll = [](const QString &file) {
            QFile f(file);
            return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
        };
        QTRY_VERIFY2_WITH_TIMEOUT(readAll(stdoutFile).contains(QLatin1String("its password is in ")), qPrintable(readAll(stdoutFile)),
                                  10000);
        const QString printed = readAll(stdoutFile);
        qInfo().noquote() << printed;
        const QString password = test::initialAdminPassword(printed);
        QCOMPARE(password.size(), 20);
        const QString passwordFile = QDir(data).filePath(QStringLiteral("initial-admin-password"));
        QVERIFY2(printed.contains(passwordFile), qPrintable(printed));
        QCOMPARE(QFileInfo(passwordFile).permissions() & kGroupOrOther, QFile::Permissions());
        QCOMPARE(QFileInfo(data).permissions() & kGroupOrOther, QFile::Permissions());
        QVERIFY(!printed.contains(password));
        QVERIFY(!readAll(stderrFile).contains(password));
        QVERIFY(!readAll(QDir(data).filePath(QStringLiteral("kilima.json"))).contains(password));
        QVERIFY(!readAll(QStringLiteral("/proc/%1/cmdline").arg(server.process().processId())).contains(password));
        // Loopback only: no warning about credentials in clear.
        QVERIFY2(!readAll(stderrFile).contains(QLatin1String("in clear")), qPrintable(readAll(stderrFile)));

        const QString url = QStringLiteral("http://127.0.0.1:%1/dicom-web/studies").arg(http);
        auto status = [&](const QString &credentials) {
            QString code;
            test::runTool(QStringLiteral("curl"), {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                                                   QStringLiteral("%{http_code}"), QStringLiteral("-u"), credentials, url},
                          &code);
            return code.trimmed();
        };
        QCOMPARE(status(QStringLiteral("admin:") + password), QStringLiteral("200"));
        QCOMPARE(status(QStringLiteral("admin:not-") + password), QStringLiteral("401"));
        server.terminate();
        // Neither the good nor the wrong password reached the log or the audit.
        QVERIFY(!readAll(stderrFile).contains(password));
        QString audit;
        QCOMPARE(nodeStdout(data, {QStringLiteral("audit"), QStringLiteral("--json")}, &audit), 0);
        QVERIFY2(audit.contains(QLatin1String("admin")), qPrintable(audit));
        QVERIFY(!audit.contains(password));
    }

    // serve bound to all addresses with plain HTTP says so at start, on
    // standard error. It runs in a network namespace of its own (unshare),
    // where "all addresses" is a loopback nobody else can reach.
    void plainHttpBeyondLoopback_ShouldBeSaidAtStart()
    {
        if (test::runTool(QStringLiteral("unshare"), {QStringLiteral("-rn"), QStringLiteral("true")}) != 0)
            QSKIP("no private network namespace (unshare -rn) to bind beyond loopback without exposing the node");
        const QString data = path(QStringLiteral("exposed-node"));
        test::Peer server;
        QVERIFY(server.start(QStringLiteral("unshare"), {QStringLiteral("-rn"), kNode, QStringLiteral("--data-dir"), data, QStringLiteral("serve"),
                                                         QStringLiteral("--bind"), QStringLiteral("0.0.0.0"), QStringLiteral("--dicom-port"),
                                                         QStringLiteral("11112"), QStringLiteral("--http-port"), QStringLiteral("8042")}));
        QTRY_VERIFY2_WITH_TIMEOUT(server.output().contains(QLatin1String("DICOMweb on http://0.0.0.0:8042")), qPrintable(server.output()),
                                  15000);
        const QString warning = QStringLiteral("warning kilima.node: DICOMweb serves plain HTTP on 0.0.0.0:8042, beyond this "
                                               "machine: passwords and tokens cross the network in clear. Turn on HTTPS with "
                                               "\"http\": {\"tls\": true} in kilima.json");
        QVERIFY2(server.output().contains(warning), qPrintable(server.output()));
        server.terminate();
    }

    // kilima-node status reads kilima.json: plain HTTP beyond loopback is
    // flagged with the setting that fixes it; loopback, HTTPS or no
    // DICOMweb are not.
    void plainHttpBeyondLoopback_ShouldBeFlaggedInStatus_data()
    {
        QTest::addColumn<QString>("bindAddress");
        QTest::addColumn<bool>("https");
        QTest::addColumn<int>("httpPort");
        QTest::addColumn<bool>("flagged");
        QTest::newRow("all addresses, http") << QStringLiteral("0.0.0.0") << false << 8042 << true;
        QTest::newRow("LAN address, http") << QStringLiteral("192.168.10.5") << false << 8042 << true;
        QTest::newRow("IPv6 any, http") << QStringLiteral("::") << false << 8042 << true;
        QTest::newRow("all addresses, https") << QStringLiteral("0.0.0.0") << true << 8042 << false;
        QTest::newRow("all addresses, no DICOMweb") << QStringLiteral("0.0.0.0") << false << 0 << false;
        QTest::newRow("127.0.0.1") << QStringLiteral("127.0.0.1") << false << 8042 << false;
        QTest::newRow("127.0.0.2") << QStringLiteral("127.0.0.2") << false << 8042 << false;
        QTest::newRow("::1") << QStringLiteral("::1") << false << 8042 << false;
        QTest::newRow("localhost") << QStringLiteral("localhost") << false << 8042 << false;
    }

    void plainHttpBeyondLoopback_ShouldBeFlaggedInStatus()
    {
        QFETCH(QString, bindAddress);
        QFETCH(bool, https);
        QFETCH(int, httpPort);
        QFETCH(bool, flagged);
        QTemporaryDir data;
        QFile config(data.filePath(QStringLiteral("kilima.json")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(QJsonDocument(QJsonObject{{QStringLiteral("node"), QJsonObject{{QStringLiteral("bindAddress"), bindAddress},
                                                                                    {QStringLiteral("httpPort"), httpPort}}},
                                               {QStringLiteral("http"), QJsonObject{{QStringLiteral("tls"), https}}},
                                               {QStringLiteral("tls"), QJsonObject{{QStringLiteral("certificateFile"), path(QStringLiteral("server.pem"))},
                                                                                  {QStringLiteral("privateKeyFile"), path(QStringLiteral("server.key"))}}}})
                         .toJson());
        config.close();
        QString text;
        QCOMPARE(nodeStdout(data.path(), {QStringLiteral("status")}, &text), 0);
        QCOMPARE(text.contains(QLatin1String("WARNING")), flagged);
        if (flagged) {
            QVERIFY2(text.contains(QLatin1String("passwords and tokens cross the network in clear")), qPrintable(text));
            QVERIFY2(text.contains(QLatin1String("\"http\": {\"tls\": true}")), qPrintable(text));
            QVERIFY2(text.contains(bindAddress + QLatin1Char(':') + QString::number(httpPort)), qPrintable(text));
        }
        QString json;
        QCOMPARE(nodeStdout(data.path(), {QStringLiteral("status"), QStringLiteral("--json")}, &json), 0);
        QCOMPARE(QJsonDocument::fromJson(json.toUtf8()).object().value(QStringLiteral("warnings")).toArray().size(), flagged ? 1 : 0);
    }

    // The node's files may not grow past 400 KiB (a soft RLIMIT_FSIZE, as a
    // full disk would stop them): a 512 KiB object is refused with 0xA700
    // and a reason, the node keeps serving, nothing is half-stored and the
    // archive verifies. Once the limit is lifted (the space freed) the same
    // object is stored, without a restart.
    void fullDisk_ShouldAnswerOutOfResourcesAndStoreNothing()
    {
        const QString data = path(QStringLiteral("full-node"));
        QCOMPARE(node(data, {QStringLiteral("nodes"), QStringLiteral("add"), QStringLiteral("modality"), QStringLiteral("--aet"),
                             QStringLiteral("MODALITY"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                             QStringLiteral("104"), QStringLiteral("--allow"), QStringLiteral("echo,store")}), 0);
        const quint16 port = test::freePort();
        test::Peer server;
        QVERIFY(server.start(QStringLiteral("/bin/bash"),
                             {QStringLiteral("-c"), QStringLiteral("ulimit -S -f 400; trap '' XFSZ; exec \"$0\" --data-dir \"$1\" serve "
                                                                   "--bind 127.0.0.1 --dicom-port \"$2\" --http-port 0"),
                              kNode, data, QString::number(port)}));
        QVERIFY2(test::waitForPort(port), qPrintable(server.output()));
        test::CtPhantom big;
        big.slices = 1;
        big.rows = big.columns = 512;
        const QStringList files = test::writeCtPhantom(path(QStringLiteral("big")), big);
        const QStringList ae{QStringLiteral("-aet"), QStringLiteral("MODALITY"), QStringLiteral("-aec"), QStringLiteral("KILIMA")};
        const QStringList target{QStringLiteral("127.0.0.1"), QString::number(port)};
        QString out;
        test::runTool(QStringLiteral("storescu"), QStringList{QStringLiteral("-v")} + ae + target + files, &out);
        QVERIFY2(out.contains(QStringLiteral("OutOfResources"), Qt::CaseInsensitive) ||
                     out.contains(QStringLiteral("0xa700"), Qt::CaseInsensitive),
                 qPrintable(out));
        QCOMPARE(test::runTool(QStringLiteral("echoscu"), ae + target, &out), 0);
        // The Error Comment (here in the audit, which the node writes in the
        // background) names the cause, whole.
        const QRegularExpression comment(QStringLiteral("0xA700 [0-9.]+: cannot write to storage: File too large"));
        QString audit;
        QTRY_VERIFY2_WITH_TIMEOUT((nodeStdout(data, {QStringLiteral("audit")}, &audit), audit.contains(comment)),
                                  qPrintable(audit), 10000);
        // Nothing half-stored: no object and no leftover in the storage area.
        QCOMPARE(test::filesBelow(data + QStringLiteral("/storage")).size(), 0);
        QString stats;
        QCOMPARE(nodeStdout(data, {QStringLiteral("stats"), QStringLiteral("--json")}, &stats), 0);
        QCOMPARE(QJsonDocument::fromJson(stats.toUtf8()).object().value(QStringLiteral("instances")).toInt(), 0);
        QCOMPARE(node(data, {QStringLiteral("verify")}), 0);

        // Space freed: the running node stores the same object.
        QCOMPARE(test::runTool(QStringLiteral("prlimit"), {QStringLiteral("--pid"), QString::number(server.process().processId()),
                                                           QStringLiteral("--fsize=unlimited")}, &out), 0);
        QVERIFY2(test::runTool(QStringLiteral("storescu"), QStringList{QStringLiteral("-v")} + ae + target + files, &out) == 0 &&
                     out.contains(QStringLiteral("Received Store Response (Success)")),
                 qPrintable(out));
        server.terminate();
        QCOMPARE(nodeStdout(data, {QStringLiteral("stats"), QStringLiteral("--json")}, &stats), 0);
        QCOMPARE(QJsonDocument::fromJson(stats.toUtf8()).object().value(QStringLiteral("instances")).toInt(), 1);
        QCOMPARE(node(data, {QStringLiteral("verify")}), 0);
        QCOMPARE(test::filesBelow(data + QStringLiteral("/storage")).filter(QStringLiteral(".dcm")).size(), 1);
    }

    // A real full disk: the storage area on a 1.5 MiB tmpfs, 700 KiB of it
    // taken by a filler, in a mount namespace of the node's own (unshare).
    // Of two 513 KiB objects the second gets 0xA700 "No space left on
    // device" and leaves nothing behind; once the filler is deleted it is
    // stored without a restart. verify runs in the namespace (the tmpfs
    // goes with it).
    void realFullDisk_ShouldAnswerOutOfResourcesAndResumeOnceFreed()
    {
        if (test::runTool(QStringLiteral("unshare"), {QStringLiteral("-rm"), QStringLiteral("true")}) != 0)
            QSKIP("no private mount namespace (unshare -rm) for a small tmpfs");
        const QString data = path(QStringLiteral("tmpfs-node")), control = path(QStringLiteral("tmpfs-control"));
        QVERIFY(QDir().mkpath(data + QStringLiteral("/vol")) && QDir().mkpath(control));
        QFile config(data + QStringLiteral("/kilima.json"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(QJsonDocument(QJsonObject{{QStringLiteral("archive"),
                                                QJsonObject{{QStringLiteral("storageDir"), QString(data + QStringLiteral("/vol/storage"))}}}})
                         .toJson());
        config.close();
        QCOMPARE(node(data, {QStringLiteral("nodes"), QStringLiteral("add"), QStringLiteral("modality"), QStringLiteral("--aet"),
                             QStringLiteral("MODALITY"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                             QStringLiteral("104"), QStringLiteral("--allow"), QStringLiteral("echo,store")}), 0);
        const quint16 port = test::freePort();
        // $0 node, $1 data, $2 port, $3 control folder (outside the tmpfs).
        const QString driver = QStringLiteral(
            "set -e; mount -t tmpfs -o size=1536k kilima-full \"$1/vol\"; head -c 700k /dev/zero > \"$1/vol/filler\"; "
            "(while [ ! -e \"$3/free\" ]; do kill -0 $$ 2>/dev/null || exit; sleep 0.1; done; rm -f \"$1/vol/filler\"; "
            "touch \"$3/freed\") & "
            "\"$0\" --data-dir \"$1\" serve --bind 127.0.0.1 --dicom-port \"$2\" --http-port 0 & node=$!; "
            "trap 'kill -TERM $node' TERM; set +e; wait $node; wait $node; "
            "\"$0\" --data-dir \"$1\" verify > \"$3/verify.txt\" 2>&1; echo $? > \"$3/verify.rc\"; "
            "\"$0\" --data-dir \"$1\" stats --json > \"$3/stats.json\"; "
            "find \"$1/vol/storage\" -type f -name '*.dcm' | wc -l > \"$3/files.txt\"; touch \"$3/done\"");
        test::Peer server;
        QVERIFY(server.start(QStringLiteral("unshare"), {QStringLiteral("-rm"), QStringLiteral("/bin/bash"), QStringLiteral("-c"), driver, kNode,
                                                         data, QString::number(port), control}));
        QVERIFY2(test::waitForPort(port), qPrintable(server.output()));
        test::CtPhantom big;
        big.slices = 2;
        big.rows = big.columns = 512;
        const QStringList files = test::writeCtPhantom(path(QStringLiteral("tmpfs-big")), big);
        const QStringList ae{QStringLiteral("-aet"), QStringLiteral("MODALITY"), QStringLiteral("-aec"), QStringLiteral("KILIMA")};
        const QStringList target{QStringLiteral("127.0.0.1"), QString::number(port)};
        QString out;
        test::runTool(QStringLiteral("storescu"), QStringList{QStringLiteral("-v")} + ae + target + files, &out);
        QCOMPARE(int(out.count(QStringLiteral("Received Store Response (Success)"))), 1);
        QVERIFY2(out.contains(QStringLiteral("Refused: OutOfResources")),
                 qPrintable(out));
        QString audit;
        QTRY_VERIFY2_WITH_TIMEOUT((nodeStdout(data, {QStringLiteral("audit")}, &audit),
                                   audit.contains(QRegularExpression(QStringLiteral("0xA700 [0-9.]+: .*No space left on device")))),
                                  qPrintable(audit), 10000);
        QCOMPARE(test::runTool(QStringLiteral("echoscu"), ae + target, &out), 0);

        QFile(control + QStringLiteral("/free")).open(QIODevice::WriteOnly);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(control + QStringLiteral("/freed")), 10000);
        QVERIFY2(test::runTool(QStringLiteral("storescu"), QStringList{QStringLiteral("-v")} + ae + target + files, &out) == 0 &&
                     out.count(QStringLiteral("Received Store Response (Success)")) == 2,
                 qPrintable(out));
        ::kill(pid_t(server.process().processId()), SIGTERM);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(control + QStringLiteral("/done")), 30000);
        auto readAll = [&](const QString &name) {
            QFile f(control + QLatin1Char('/') + name);
            return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
        };
        QVERIFY2(readAll(QStringLiteral("verify.rc")).trimmed() == QLatin1String("0"), qPrintable(readAll(QStringLiteral("verify.txt"))));
        QCOMPARE(QJsonDocument::fromJson(readAll(QStringLiteral("stats.json")).toUtf8()).object().value(QStringLiteral("instances")).toInt(), 2);
        QCOMPARE(readAll(QStringLiteral("files.txt")).trimmed(), QStringLiteral("2"));
        server.terminate();
    }
};

QTEST_GUILESS_MAIN(TestNodeSecurity)
#include "tst_nodesecurity.moc"
