// The workstation as a desktop menu starts it, with no terminal: the first
// DICOMweb password its embedded node creates is kept in an owner-only file
// in the data directory (the node status panel names it; before, it was
// never shown at all), never in its output, and it signs in.
#include "peers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace kilima;

class TestFirstRun : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void firstAdminPassword_ShouldBeKeptInAnOwnerOnlyFile()
    {
        QTemporaryDir tmp;
        const QString data = tmp.filePath(QStringLiteral("data"));
        QVERIFY(QDir().mkpath(data));
        const quint16 dicom = test::freePort(), http = test::freePort();
        QFile config(QDir(data).filePath(QStringLiteral("kilima.json")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(QJsonDocument(QJsonObject{{QStringLiteral("node"), QJsonObject{{QStringLiteral("bindAddress"), QStringLiteral("127.0.0.1")},
                                                                                    {QStringLiteral("dicomPort"), dicom},
                                                                                    {QStringLiteral("httpPort"), http}}}})
                         .toJson());
        config.close();
        test::Peer app;
        // Its own home, so the person's settings and keychain stay untouched.
        QVERIFY(app.start(QStringLiteral(KILIMA_WORKSTATION_BIN), {QStringLiteral("--data-dir"), data},
                          {QStringLiteral("QT_QPA_PLATFORM=offscreen"), QStringLiteral("HOME=") + tmp.path(),
                           QStringLiteral("XDG_CONFIG_HOME=") + tmp.filePath(QStringLiteral("config"))}));
        QVERIFY2(test::waitForPort(http, 60000), qPrintable(app.output()));
        const QString passwordFile = QDir(data).filePath(QStringLiteral("initial-admin-password"));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(passwordFile).size() > 0, 10000);
        QFile f(passwordFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString password = QString::fromUtf8(f.readAll()).trimmed();
        QCOMPARE(password.size(), 20);
        const QFile::Permissions groupOrOther = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther |
                                                QFile::WriteOther | QFile::ExeOther;
        QCOMPARE(QFileInfo(passwordFile).permissions() & groupOrOther, QFile::Permissions());

        QString code;
        test::runTool(QStringLiteral("curl"), {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                                               QStringLiteral("%{http_code}"), QStringLiteral("-u"), QStringLiteral("admin:") + password,
                                               QStringLiteral("http://127.0.0.1:%1/dicom-web/studies").arg(http)},
                      &code);
        QCOMPARE(code.trimmed(), QStringLiteral("200"));
        app.terminate();
        QVERIFY(!app.output().contains(password));
    }
};

QTEST_GUILESS_MAIN(TestFirstRun)
#include "tst_firstrun.moc"
