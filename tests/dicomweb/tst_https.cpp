// DICOMweb over HTTPS: kilima-node serve with http.tls and a certificate
// made by the openssl tool; curl and Kilima's client verify it against
// the CA file; plain HTTP on the same port gets nothing; a broken
// certificate keeps DICOM up and says why DICOMweb is off.
#include "nodecli.h"
#include "peers.h"

#include <kilima/archive/archive.h>
#include <kilima/core/datadir.h>
#include <kilima/dicomweb/client.h>
#include <kilima/dicomweb/server.h>

#include <QDir>
#include <QElapsedTimer>
#include <QTcpSocket>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace kilima;

class TestDicomWebHttps : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;

    void writeConfig(const QString &data, const QString &cert, const QString &key)
    {
        QDir().mkpath(data);
        QFile f(data + QStringLiteral("/kilima.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(QJsonObject{{QStringLiteral("http"), QJsonObject{{QStringLiteral("tls"), true},
                                                                              {QStringLiteral("certificateFile"), cert},
                                                                              {QStringLiteral("privateKeyFile"), key}}}})
                    .toJson());
    }

private Q_SLOTS:
    void servesHttpsWithAVerifiedCertificate()
    {
        const QString cert = m_tmp.filePath(QStringLiteral("cert.pem")), key = m_tmp.filePath(QStringLiteral("key.pem"));
        QString out;
        QCOMPARE(test::runTool(QStringLiteral("openssl"),
                               {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert, QStringLiteral("-days"),
                                QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                                QStringLiteral("subjectAltName=IP:127.0.0.1")}, &out), 0);
        const QString data = m_tmp.filePath(QStringLiteral("data"));
        writeConfig(data, cert, key);
        const quint16 http = test::freePort(), dicom = test::freePort();
        test::Peer node;
        QVERIFY(node.start(test::nodeBinary(), {QStringLiteral("--data-dir"), data, QStringLiteral("serve"), QStringLiteral("--dicom-port"),
                                                QString::number(dicom), QStringLiteral("--http-port"), QString::number(http),
                                                QStringLiteral("--bind"), QStringLiteral("127.0.0.1")}));
        QVERIFY2(test::waitForPort(http, 30000), qPrintable(node.output()));
        QTRY_VERIFY_WITH_TIMEOUT(node.output().contains(QLatin1String("its password is in ")), 10000);
        QVERIFY(node.output().contains(QLatin1String("DICOMweb on https://")));
        const QString password = test::initialAdminPassword(node.output());
        QVERIFY2(!password.isEmpty(), qPrintable(node.output()));
        const QString url = QStringLiteral("https://127.0.0.1:%1/dicom-web/studies").arg(http);

        QCOMPARE(test::runTool(QStringLiteral("curl"), {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                                                        QStringLiteral("%{http_code}"), QStringLiteral("--cacert"), cert, QStringLiteral("-u"),
                                                        QStringLiteral("admin:") + password, url}, &out), 0);
        QCOMPARE(out.trimmed(), QStringLiteral("200"));
        // Without the CA the certificate is refused (curl exit 60).
        QCOMPARE(test::runTool(QStringLiteral("curl"), {QStringLiteral("-s"), QStringLiteral("-u"), QStringLiteral("admin:") + password, url}), 60);
        // Plain HTTP to the TLS port gets no HTTP answer.
        test::runTool(QStringLiteral("curl"), {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                                               QStringLiteral("%{http_code}"), QStringLiteral("--max-time"), QStringLiteral("10"),
                                               QStringLiteral("http://127.0.0.1:%1/dicom-web/studies").arg(http)}, &out);
        QCOMPARE(out.trimmed(), QStringLiteral("000"));

        dicomweb::ClientConfig c;
        c.baseUrl = QStringLiteral("https://127.0.0.1:%1/dicom-web").arg(http);
        c.user = QStringLiteral("admin");
        c.password = password;
        c.caFile = cert;
        auto found = dicomweb::Client(c).search(archive::Level::Study, {});
        QVERIFY2(found.ok(), qPrintable(found.error()));
        c.caFile.clear();
        QVERIFY(!dicomweb::Client(c).search(archive::Level::Study, {}).ok());   // not trusted by the system store
        node.terminate();
    }

    // BCP 195: TLS 1.2 or newer with AEAD suites only, probed by openssl
    // s_client; clients that open TLS connections and say nothing hold no
    // worker (the handshake runs on the event thread).
    void httpsRefusesOldProtocolsAndCbcSuites()
    {
        const QString cert = m_tmp.filePath(QStringLiteral("bcp.pem")), key = m_tmp.filePath(QStringLiteral("bcp-key.pem"));
        QCOMPARE(test::runTool(QStringLiteral("openssl"),
                               {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert, QStringLiteral("-days"),
                                QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")}), 0);
        core::Config config;
        config.node.bindAddress = QStringLiteral("127.0.0.1");
        config.node.httpPort = 0;
        config.http.tls = true;
        config.http.threads = 2;
        config.http.certificateFile = cert;
        config.http.privateKeyFile = key;
        auto archive = archive::Archive::open(core::DataDir(m_tmp.filePath(QStringLiteral("bcp"))), config);
        QVERIFY(archive.ok());
        dicomweb::DicomWebServer server(*archive.value(), config);
        const auto started = server.start();
        QVERIFY2(started.ok(), qPrintable(started.error()));
        const QString connect = QStringLiteral("127.0.0.1:%1").arg(server.port());
        auto handshake = [&](const QString &options) {
            QString out;
            const int rc = test::runTool(QStringLiteral("sh"), {QStringLiteral("-c"),
                                         QStringLiteral("openssl s_client -brief -connect %1 %2 </dev/null 2>&1").arg(connect, options)},
                                         &out, 30000);
            qInfo("s_client %s: exit %d", qPrintable(options), rc);
            return rc == 0 && !out.contains(QLatin1String("alert"));
        };
        QVERIFY(!handshake(QStringLiteral("-tls1 -cipher DEFAULT:@SECLEVEL=0")));
        QVERIFY(!handshake(QStringLiteral("-tls1_1 -cipher DEFAULT:@SECLEVEL=0")));
        QVERIFY(!handshake(QStringLiteral("-tls1_2 -cipher AES128-SHA:@SECLEVEL=0")));
        QVERIFY(!handshake(QStringLiteral("-tls1_2 -cipher ECDHE-RSA-AES128-SHA256")));
        QVERIFY(handshake(QStringLiteral("-tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256")));
        QVERIFY(handshake(QStringLiteral("-tls1_3")));

        // Twenty silent TLS clients, two workers: an HTTPS request still gets its answer at once.
        QList<QTcpSocket *> silent;
        for (int i = 0; i < 20; ++i) {
            silent << new QTcpSocket(this);
            silent.last()->connectToHost(QStringLiteral("127.0.0.1"), server.port());
            QVERIFY(silent.last()->waitForConnected(3000));
        }
        QString out;
        QElapsedTimer t;
        t.start();
        QCOMPARE(test::runTool(QStringLiteral("curl"), {QStringLiteral("-s"), QStringLiteral("-k"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                                                        QStringLiteral("-w"), QStringLiteral("%{http_code}"),
                                                        QStringLiteral("https://%1/dicom-web/studies").arg(connect)}, &out), 0);
        QCOMPARE(out.trimmed(), QStringLiteral("401"));
        QVERIFY2(t.elapsed() < 3000, qPrintable(QString::number(t.elapsed())));
        qDeleteAll(silent);
    }

    void aBrokenCertificateKeepsDicomUpAndSaysWhy()
    {
        const QString data = m_tmp.filePath(QStringLiteral("broken"));
        writeConfig(data, m_tmp.filePath(QStringLiteral("missing.pem")), m_tmp.filePath(QStringLiteral("missing-key.pem")));
        const quint16 http = test::freePort(), dicom = test::freePort();
        test::Peer node;
        QVERIFY(node.start(test::nodeBinary(), {QStringLiteral("--data-dir"), data, QStringLiteral("serve"), QStringLiteral("--dicom-port"),
                                                QString::number(dicom), QStringLiteral("--http-port"), QString::number(http),
                                                QStringLiteral("--bind"), QStringLiteral("127.0.0.1")}));
        QVERIFY2(test::waitForPort(dicom, 30000), qPrintable(node.output()));
        QTRY_VERIFY_WITH_TIMEOUT(node.output().contains(QLatin1String("DICOMweb is off")), 10000);
        QVERIFY(node.output().contains(QLatin1String("missing.pem")));
        node.terminate();
    }

    void httpPortZeroTurnsDicomWebOff()
    {
        const QString data = m_tmp.filePath(QStringLiteral("off"));
        const quint16 dicom = test::freePort();
        test::Peer node;
        QVERIFY(node.start(test::nodeBinary(), {QStringLiteral("--data-dir"), data, QStringLiteral("serve"), QStringLiteral("--dicom-port"),
                                                QString::number(dicom), QStringLiteral("--http-port"), QStringLiteral("0"),
                                                QStringLiteral("--bind"), QStringLiteral("127.0.0.1")}));
        QVERIFY2(test::waitForPort(dicom, 30000), qPrintable(node.output()));
        QTRY_VERIFY_WITH_TIMEOUT(node.output().contains(QLatin1String("listening on DICOM port")), 10000);
        QVERIFY(!node.output().contains(QLatin1String("DICOMweb")));
        QVERIFY(!node.output().contains(QLatin1String("password")));   // no server, no account made
        node.terminate();
        QString out;
        QCOMPARE(test::node(data, {QStringLiteral("users"), QStringLiteral("list")}, &out), 0);
        QVERIFY(out.trimmed().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDicomWebHttps)
#include "tst_https.moc"
