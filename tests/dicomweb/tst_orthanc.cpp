// Orthanc with its DICOMweb plugin (Debian packages) as a peer in both
// directions, on loopback: Orthanc's DICOMweb client retrieves a study from
// `kilima-node serve`; Kilima's client (kilima/dicomweb/client.h) stores to,
// searches and retrieves from Orthanc, and talks to Kilima with a token.
#include "nodecli.h"
#include "peers.h"
#include "phantom.h"

#include <kilima/archive/archive.h>
#include <kilima/dicomweb/client.h>

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kilima;

namespace {

QByteArray sha(const QByteArray &b)
{
    return QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex();
}
QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestDicomWebOrthanc : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_data;
    quint16 m_kilimaHttp = 0, m_kilimaDicom = 0, m_orthancHttp = 0, m_orthancDicom = 0;
    test::Peer m_kilima, m_orthanc;
    QString m_password;
    const QString m_orthancUser = QStringLiteral("alice");
    const QString m_orthancPassword = QStringLiteral("alice-secret");

    QByteArray orthanc(const QString &method, const QString &path, const QByteArray &body = {}, int *status = nullptr)
    {
        const QString out = m_tmp.filePath(QStringLiteral("orthanc.out"));
        QStringList args{QStringLiteral("-s"), QStringLiteral("-o"), out, QStringLiteral("-w"), QStringLiteral("%{http_code}"),
                         QStringLiteral("-u"), m_orthancUser + QLatin1Char(':') + m_orthancPassword, QStringLiteral("-X"), method,
                         QStringLiteral("--max-time"), QStringLiteral("120")};
        if (!body.isEmpty())
            args << QStringLiteral("--data-binary") << QString::fromUtf8(body);
        args << QStringLiteral("http://127.0.0.1:%1%2").arg(m_orthancHttp).arg(path);
        QString code;
        test::runTool(QStringLiteral("curl"), args, &code, 150000);
        if (status)
            *status = code.trimmed().toInt();
        return readFile(out);
    }

    QJsonArray orthancFind(const QString &studyUid)
    {
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("Level"), QStringLiteral("Instance")},
                                                          {QStringLiteral("Query"), QJsonObject{{QStringLiteral("StudyInstanceUID"), studyUid}}}})
                                    .toJson(QJsonDocument::Compact);
        return QJsonDocument::fromJson(orthanc(QStringLiteral("POST"), QStringLiteral("/tools/find"), body)).array();
    }

    dicomweb::ClientConfig toOrthanc() const
    {
        dicomweb::ClientConfig c;
        c.baseUrl = QStringLiteral("http://127.0.0.1:%1/dicom-web/").arg(m_orthancHttp);
        c.user = m_orthancUser;
        c.password = m_orthancPassword;
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString orthancBin = QStandardPaths::findExecutable(QStringLiteral("Orthanc"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        const QString plugin = QStringLiteral("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");
        if (orthancBin.isEmpty() || !QFileInfo::exists(plugin))
            QSKIP("Orthanc or orthanc-dicomweb is not installed (installers/install-deps.sh installs them)");
        m_data = m_tmp.filePath(QStringLiteral("kilima"));
        m_kilimaHttp = test::freePort();
        m_kilimaDicom = test::freePort();

        QVERIFY(m_kilima.start(test::nodeBinary(), {QStringLiteral("--data-dir"), m_data, QStringLiteral("serve"), QStringLiteral("--dicom-port"),
                                                    QString::number(m_kilimaDicom), QStringLiteral("--http-port"), QString::number(m_kilimaHttp),
                                                    QStringLiteral("--bind"), QStringLiteral("127.0.0.1")}));
        QVERIFY2(test::waitForPort(m_kilimaHttp, 30000), qPrintable(m_kilima.output()));
        QTRY_VERIFY_WITH_TIMEOUT(m_kilima.output().contains(QLatin1String("its password is in ")), 10000);
        m_password = test::initialAdminPassword(m_kilima.output());
        QVERIFY2(!m_password.isEmpty(), qPrintable(m_kilima.output()));

        const QJsonObject config{
            {QStringLiteral("Name"), QStringLiteral("KilimaWebPeer")},
            {QStringLiteral("RemoteAccessAllowed"), false},
            {QStringLiteral("AuthenticationEnabled"), true},
            {QStringLiteral("RegisteredUsers"), QJsonObject{{m_orthancUser, m_orthancPassword}}},
            {QStringLiteral("Plugins"), QJsonArray{plugin}},
            {QStringLiteral("DicomWeb"),
             QJsonObject{{QStringLiteral("Enable"), true},
                         {QStringLiteral("Root"), QStringLiteral("/dicom-web/")},
                         {QStringLiteral("Servers"),
                          QJsonObject{{QStringLiteral("kilima"),
                                       QJsonObject{{QStringLiteral("Url"), QStringLiteral("http://127.0.0.1:%1/dicom-web/").arg(m_kilimaHttp)},
                                                   {QStringLiteral("Username"), QStringLiteral("admin")},
                                                   {QStringLiteral("Password"), m_password}}}}}}},
        };
        QString why;
        QVERIFY2(test::startOrthanc(m_orthanc, m_tmp.filePath(QStringLiteral("orthanc")), config, &m_orthancHttp, &m_orthancDicom, &why),
                 qPrintable(why));
    }

    void cleanupTestCase()
    {
        m_kilima.terminate();
        m_orthanc.terminate();
    }

    void orthancRetrievesAStudyFromKilima()
    {
        test::CtPhantom p;
        p.slices = 5;
        p.studyUid = test::newUid();
        p.patientId = QStringLiteral("FROM-KILIMA");
        const QStringList files = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("a")), p);
        // Into Kilima over its own STOW-RS, with the C++ client.
        dicomweb::ClientConfig kc;
        kc.baseUrl = QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(m_kilimaHttp);
        kc.user = QStringLiteral("admin");
        kc.password = m_password;
        dicomweb::Client kilima(kc);
        auto stored = kilima.store(files);
        QVERIFY2(stored.ok(), qPrintable(stored.error()));
        QCOMPARE(stored.value().httpStatus, 200);
        QCOMPARE(stored.value().storedSopUids.size(), 5);

        int status = 0;
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("Resources"),
                                                           QJsonArray{QJsonObject{{QStringLiteral("Study"), p.studyUid}}}}})
                                    .toJson(QJsonDocument::Compact);
        const QByteArray answer = orthanc(QStringLiteral("POST"), QStringLiteral("/dicom-web/servers/kilima/retrieve"), body, &status);
        QVERIFY2(status == 200, answer.constData());
        const QJsonArray found = orthancFind(p.studyUid);
        QCOMPARE(found.size(), 5);
        // Orthanc holds the very bytes Kilima stored (explicit VR little endian is served unchanged).
        QSet<QByteArray> original, atOrthanc;
        for (const QString &f : files)
            original << sha(readFile(f));
        for (const QJsonValue &id : found)
            atOrthanc << sha(orthanc(QStringLiteral("GET"), QStringLiteral("/instances/%1/file").arg(id.toString())));
        QCOMPARE(atOrthanc, original);
    }

    void kilimaStoresSearchesAndRetrievesFromOrthanc()
    {
        test::CtPhantom p;
        p.slices = 4;
        p.studyUid = test::newUid();
        p.patientId = QStringLiteral("TO-ORTHANC-WEB");
        const QStringList files = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("b")), p);
        dicomweb::Client client(toOrthanc());
        auto stored = client.store(files);
        QVERIFY2(stored.ok(), qPrintable(stored.error()));
        QCOMPARE(stored.value().storedSopUids.size(), 4);
        QVERIFY(stored.value().failures.isEmpty());
        QCOMPARE(orthancFind(p.studyUid).size(), 4);

        auto studies = client.search(archive::Level::Study, {{QStringLiteral("PatientID"), QStringLiteral("TO-ORTHANC-WEB")}});
        QVERIFY2(studies.ok(), qPrintable(studies.error()));
        QCOMPARE(studies.value().size(), 1);
        auto instances = client.search(archive::Level::Instance, {}, p.studyUid);
        QVERIFY(instances.ok());
        QCOMPARE(instances.value().size(), 4);

        // Retrieve into a local archive: same bytes as sent.
        QTemporaryDir local;
        auto archive = archive::Archive::open(core::DataDir(local.path()), core::Config{});
        QVERIFY(archive.ok());
        auto report = client.retrieveInto(*archive.value(), p.studyUid);
        QVERIFY2(report.ok(), qPrintable(report.error()));
        QCOMPARE(report.value().received, 4);
        QCOMPARE(report.value().stored, 4);
        auto localFiles = archive.value()->instanceFiles(archive::Level::Study, p.studyUid);
        QVERIFY(localFiles.ok());
        QSet<QByteArray> a, b;
        for (const QString &f : files)
            a << sha(readFile(f));
        for (const QString &f : localFiles.value())
            b << sha(readFile(f));
        QCOMPARE(b, a);

        // Errors are messages, not crashes.
        auto missing = client.retrieveInto(*archive.value(), QStringLiteral("1.2.3.999"));
        QVERIFY(!missing.ok() || missing.value().received == 0);
        dicomweb::ClientConfig bad = toOrthanc();
        bad.password = QStringLiteral("wrong");
        auto denied = dicomweb::Client(bad).search(archive::Level::Study, {});
        QVERIFY(!denied.ok());
        QVERIFY(denied.error().contains(QLatin1String("401")));
    }

    void kilimaClientWithATokenOnKilima()
    {
        QString out;
        QCOMPARE(test::node(m_data, {QStringLiteral("tokens"), QStringLiteral("create"), QStringLiteral("admin")}, &out), 0);
        const QString secret = QRegularExpression(QStringLiteral("secret:\\s+(\\S+)")).match(out).captured(1);
        dicomweb::ClientConfig c;
        c.baseUrl = QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(m_kilimaHttp);
        c.bearerToken = secret;
        dicomweb::Client client(c);
        auto studies = client.search(archive::Level::Study, {{QStringLiteral("PatientID"), QStringLiteral("FROM-KILIMA")}});
        QVERIFY2(studies.ok(), qPrintable(studies.error()));
        QCOMPARE(studies.value().size(), 1);
        const QString study = studies.value().first().value(QStringLiteral("0020000D")).toObject().value(QStringLiteral("Value")).toArray().first().toString();
        auto md = client.metadata(study);
        QVERIFY2(md.ok(), qPrintable(md.error()));
        QCOMPARE(md.value().size(), 5);
        int n = 0;
        auto r = client.retrieve(study, {}, {}, [&](QByteArray &bytes) {
            n += bytes.mid(128, 4) == "DICM";
            return true;
        });
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r.value(), 5);
        QCOMPARE(n, 5);
    }
};

QTEST_GUILESS_MAIN(TestDicomWebOrthanc)
#include "tst_orthanc.moc"
