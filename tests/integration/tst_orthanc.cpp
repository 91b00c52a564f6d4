// Orthanc (Debian package) as a peer of kilima-node serve, on loopback:
// Kilima C-MOVEs a study to Orthanc; Orthanc queries and retrieves from
// Kilima; Kilima (the dicomnet SCU library) queries and retrieves from
// Orthanc.
#include "nodecli.h"
#include "peers.h"
#include "phantom.h"

#include <kilima/dicom/attributes.h>
#include <kilima/dicomnet/scu.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace kilima;

namespace {

const QString kNode = test::nodeBinary();
using test::node;

} // namespace

class TestOrthanc : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_data;
    quint16 m_kilimaPort = 0, m_orthancDicom = 0, m_orthancHttp = 0;
    test::Peer m_kilima, m_orthanc;
    QNetworkAccessManager m_http;

    QByteArray http(const QByteArray &verb, const QString &path, const QByteArray &body = {}, int *status = nullptr)
    {
        QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_orthancHttp).arg(path)));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply *reply = m_http.sendCustomRequest(req, verb, body);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        loop.exec();
        if (status)
            *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = reply->readAll();
        reply->deleteLater();
        return data;
    }

    int orthancInstancesOfStudy(const QString &studyUid)
    {
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("Level"), QStringLiteral("Instance")},
                                                          {QStringLiteral("Query"), QJsonObject{{QStringLiteral("StudyInstanceUID"), studyUid}}}})
                                    .toJson();
        return int(QJsonDocument::fromJson(http("POST", QStringLiteral("/tools/find"), body)).array().size());
    }

    dicomnet::ScuConfig toOrthanc() const
    {
        dicomnet::ScuConfig c;
        c.callingAe = QStringLiteral("KILIMA");
        c.remote = {QStringLiteral("orthanc"), QStringLiteral("ORTHANC"), QStringLiteral("127.0.0.1"), m_orthancDicom, false};
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString orthanc = QStandardPaths::findExecutable(QStringLiteral("Orthanc"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        if (orthanc.isEmpty())
            QSKIP("Orthanc is not installed (installers/install-deps.sh installs it)");
        m_data = m_tmp.filePath(QStringLiteral("kilima"));
        m_kilimaPort = test::freePort();

        const QJsonObject config{
            {QStringLiteral("Name"), QStringLiteral("KilimaTestPeer")},
            {QStringLiteral("DicomAet"), QStringLiteral("ORTHANC")},
            {QStringLiteral("RemoteAccessAllowed"), false},
            {QStringLiteral("AuthenticationEnabled"), false},
            {QStringLiteral("DicomCheckCalledAet"), true},
            {QStringLiteral("Plugins"), QJsonArray{}},
            {QStringLiteral("DicomModalities"),
             QJsonObject{{QStringLiteral("kilima"), QJsonArray{QStringLiteral("KILIMA"), QStringLiteral("127.0.0.1"), m_kilimaPort}}}},
        };
        QString why;
        QVERIFY2(test::startOrthanc(m_orthanc, m_tmp.filePath(QStringLiteral("orthanc")), config, &m_orthancHttp, &m_orthancDicom, &why),
                 qPrintable(why));
        QVERIFY(m_orthanc.waitForPort(m_orthancDicom, 90000));

        QCOMPARE(node(m_data, {QStringLiteral("nodes"), QStringLiteral("add"), QStringLiteral("orthanc"), QStringLiteral("--aet"),
                               QStringLiteral("ORTHANC"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                               QString::number(m_orthancDicom), QStringLiteral("--allow"), QStringLiteral("echo,store,find,move,get")}), 0);
        QCOMPARE(node(m_data, {QStringLiteral("nodes"), QStringLiteral("add"), QStringLiteral("scu"), QStringLiteral("--aet"),
                               QStringLiteral("SCU"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                               QStringLiteral("104"), QStringLiteral("--allow"), QStringLiteral("echo,store,find,move,get")}), 0);
        QVERIFY(m_kilima.start(kNode, {QStringLiteral("--data-dir"), m_data, QStringLiteral("serve"), QStringLiteral("--dicom-port"),
                                       QString::number(m_kilimaPort), QStringLiteral("--bind"), QStringLiteral("127.0.0.1")}));
        QVERIFY2(test::waitForPort(m_kilimaPort), qPrintable(m_kilima.output()));
    }

    void cleanupTestCase()
    {
        m_kilima.terminate();
        m_orthanc.terminate();
    }

    void kilimaMovesStudyToOrthanc()
    {
        test::CtPhantom p;
        p.slices = 6;
        p.studyUid = test::newUid();
        p.patientId = QStringLiteral("TO-ORTHANC");
        const QStringList files = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("a")), p);
        QString log;
        QCOMPARE(test::runTool(QStringLiteral("storescu"), QStringList{QStringLiteral("-aet"), QStringLiteral("SCU"), QStringLiteral("-aec"), QStringLiteral("KILIMA"),
                                                            QStringLiteral("127.0.0.1"), QString::number(m_kilimaPort)} + files, &log), 0);
        QCOMPARE(test::runTool(QStringLiteral("movescu"), QStringList{QStringLiteral("-S"), QStringLiteral("-aet"), QStringLiteral("SCU"), QStringLiteral("-aec"),
                                                           QStringLiteral("KILIMA"), QStringLiteral("-aem"), QStringLiteral("ORTHANC"),
                                                           QStringLiteral("-k"), QStringLiteral("QueryRetrieveLevel=STUDY"), QStringLiteral("-k"),
                                                           QStringLiteral("StudyInstanceUID=") + p.studyUid, QStringLiteral("127.0.0.1"),
                                                           QString::number(m_kilimaPort)}, &log), 0);
        QCOMPARE(orthancInstancesOfStudy(p.studyUid), 6);
    }

    void orthancQueriesAndRetrievesFromKilima()
    {
        test::CtPhantom p;
        p.slices = 4;
        p.studyUid = test::newUid();
        p.patientName = QStringLiteral("ORTHANC^PULLS");
        p.patientId = QStringLiteral("PULL1");
        const QStringList files = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("b")), p);
        QCOMPARE(node(m_data, {QStringLiteral("import"), m_tmp.filePath(QStringLiteral("b"))}), 0);

        const QByteArray query = QJsonDocument(QJsonObject{
                                                   {QStringLiteral("Level"), QStringLiteral("Study")},
                                                   {QStringLiteral("Query"), QJsonObject{{QStringLiteral("PatientName"), QStringLiteral("ORTHANC*")},
                                                                                        {QStringLiteral("StudyInstanceUID"), QString()}}}})
                                     .toJson();
        int status = 0;
        const QJsonObject q = QJsonDocument::fromJson(http("POST", QStringLiteral("/modalities/kilima/query"), query, &status)).object();
        QCOMPARE(status, 200);
        const QString id = q.value(QStringLiteral("ID")).toString();
        QVERIFY(!id.isEmpty());
        const QJsonArray answers = QJsonDocument::fromJson(http("GET", QStringLiteral("/queries/%1/answers").arg(id))).array();
        QCOMPARE(answers.size(), 1);
        const QByteArray answer = http("POST", QStringLiteral("/queries/%1/retrieve").arg(id), QByteArray("ORTHANC"), &status);
        QVERIFY2(status == 200, answer.constData());
        QCOMPARE(orthancInstancesOfStudy(p.studyUid), 4);
    }

    void kilimaQueriesAndRetrievesFromOrthanc()
    {
        test::CtPhantom p;
        p.slices = 3;
        p.studyUid = test::newUid();
        p.patientName = QStringLiteral("IN^ORTHANC");
        p.patientId = QStringLiteral("ONLY-ORTHANC");
        for (const QString &f : test::writeCtPhantom(m_tmp.filePath(QStringLiteral("c")), p)) {
            QFile file(f);
            QVERIFY(file.open(QIODevice::ReadOnly));
            int status = 0;
            http("POST", QStringLiteral("/instances"), file.readAll(), &status);
            QCOMPARE(status, 200);
        }
        DcmDataset identifier;
        identifier.putAndInsertString(DCM_QueryRetrieveLevel, "STUDY");
        identifier.putAndInsertString(DCM_PatientID, "ONLY-ORTHANC");
        identifier.putAndInsertString(DCM_StudyInstanceUID, "");
        identifier.putAndInsertString(DCM_PatientName, "");
        const auto found = dicomnet::Scu::find(toOrthanc(), dicomnet::QueryModel::StudyRoot, identifier);
        QVERIFY2(found.ok(), qPrintable(found.error()));
        QCOMPARE(found.value().size(), 1);
        QCOMPARE(dicom::stringValue(*found.value().first(), DCM_StudyInstanceUID), p.studyUid);

        // C-MOVE from Orthanc to Kilima.
        DcmDataset move;
        move.putAndInsertString(DCM_QueryRetrieveLevel, "STUDY");
        move.putAndInsertString(DCM_StudyInstanceUID, p.studyUid.toLatin1().constData());
        const auto moved = dicomnet::Scu::move(toOrthanc(), dicomnet::QueryModel::StudyRoot, move, QStringLiteral("KILIMA"));
        QVERIFY2(moved.ok(), qPrintable(moved.error()));
        QCOMPARE(moved.value().completed, 3);
        QCOMPARE(moved.value().failed, 0);
        QString out;
        QCOMPARE(node(m_data, {QStringLiteral("find"), QStringLiteral("--level"), QStringLiteral("instance"),
                               QStringLiteral("StudyInstanceUID=") + p.studyUid}, &out), 0);
        QCOMPARE(out.count(QLatin1Char('\n')), 3);
    }
};

QTEST_GUILESS_MAIN(TestOrthanc)
#include "tst_orthanc.moc"
