// DICOMweb over HTTPS: kilima-node serve with http.tls and a certificate
// made by the openssl tool; curl and Kilima's client verify it against
// the CA file; plain HTTP on the same port gets nothing; a broken
// certificate keeps DICOM up and says why DICOMweb is off.
#include "nodecli.h"
#include "peers.h"

#include <kilima/dicomweb/client.h>

#include <QDir>
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
