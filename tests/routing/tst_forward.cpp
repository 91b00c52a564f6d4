// Routing with real peers: kilima-node serve receives a mixed set of
// studies over C-STORE and forwards each exactly where the rules say:
// to storescp (C-STORE), to Orthanc over DICOMweb (STOW-RS, study-stable
// trigger) and to an s3rver bucket. storescp is down at first and
// kilima-node is killed while it is: the queue survives, retries, and all
// arrive. An unreachable destination ends in failed items that queue
// retry/drop handle.
#include "nodecli.h"
#include "phantom.h"
#include "s3peer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace kilima;
using test::node;
using test::nodeStdout;

namespace {

struct Study {
    QString uid;
    QStringList files;
    QStringList sops;
};

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (done())
            return true;
        QThread::msleep(250);
    }
    return done();
}

} // namespace

class TestForward : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_data, m_pacsDir;
    quint16 m_kilimaPort = 0, m_pacsPort = 0, m_orthancHttp = 0, m_orthancDicom = 0, m_nowherePort = 0;
    test::Peer m_kilima, m_pacs, m_orthanc;
    std::unique_ptr<test::S3Server> m_s3;
    QNetworkAccessManager m_http;
    Study m_a, m_b, m_c, m_d;

    Study makeStudy(const QString &name, const QString &modality, int slices, const QStringList &modify)
    {
        test::CtPhantom p;
        p.slices = slices;
        p.modality = modality;
        p.studyUid = test::newUid();
        p.patientId = name;
        Study s;
        s.uid = p.studyUid;
        s.files = test::writeCtPhantom(m_tmp.filePath(name), p);
        for (const QString &f : s.files) {
            QStringList args{QStringLiteral("-nb")};
            for (const QString &m : modify)
                args << QStringLiteral("-i") << m;
            test::runTool(QStringLiteral("dcmodify"), args + QStringList{f});
            QString dump;
            test::runTool(QStringLiteral("dcmdump"), {QStringLiteral("+P"), QStringLiteral("0008,0018"), f}, &dump);
            const int open = int(dump.indexOf(QLatin1Char('['))), close = int(dump.indexOf(QLatin1Char(']')));
            s.sops << dump.mid(open + 1, close - open - 1);
        }
        return s;
    }

    int store(const Study &s, const QString &aet)
    {
        QString log;
        const int rc = test::runTool(QStringLiteral("storescu"), QStringList{QStringLiteral("-aet"), aet, QStringLiteral("-aec"), QStringLiteral("KILIMA"),
                                                                  QStringLiteral("127.0.0.1"), QString::number(m_kilimaPort)} + s.files, &log);
        if (rc != 0)
            qWarning().noquote() << log;
        return rc;
    }

    bool startKilima()
    {
        if (!m_kilima.start(test::nodeBinary(), {QStringLiteral("--data-dir"), m_data, QStringLiteral("serve"), QStringLiteral("--dicom-port"),
                                                 QString::number(m_kilimaPort), QStringLiteral("--bind"), QStringLiteral("127.0.0.1")},
                            {QStringLiteral("AWS_ACCESS_KEY_ID=S3RVER"), QStringLiteral("AWS_SECRET_ACCESS_KEY=S3RVER"), QStringLiteral("TCP_NODELAY=1")}))
            return false;
        return test::waitForPort(m_kilimaPort);
    }

    int orthancInstancesOfStudy(const QString &studyUid)
    {
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("Level"), QStringLiteral("Instance")},
                                                          {QStringLiteral("Query"), QJsonObject{{QStringLiteral("StudyInstanceUID"), studyUid}}}})
                                    .toJson();
        QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1/tools/find").arg(m_orthancHttp)));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply *reply = m_http.post(req, body);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
        const QByteArray data = reply->readAll();
        reply->deleteLater();
        return int(QJsonDocument::fromJson(data).array().size());
    }

    QStringList pacsFiles() { return QDir(m_pacsDir).entryList(QDir::Files); }

    QJsonArray queue(const QString &state)
    {
        QString out;
        nodeStdout(m_data, {QStringLiteral("queue"), QStringLiteral("list"), QStringLiteral("--state"), state, QStringLiteral("--json")}, &out);
        return QJsonDocument::fromJson(out.toUtf8()).array();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = test::s3rverUnavailable(); !why.isEmpty())
            QSKIP(qPrintable(why));
        const QString orthanc = QStandardPaths::findExecutable(QStringLiteral("Orthanc"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        const QString plugin = QStringLiteral("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");
        if (orthanc.isEmpty() || !QFile::exists(plugin))
            QSKIP("Orthanc with its DICOMweb plugin is not installed (installers/install-deps.sh installs them)");
        m_data = m_tmp.filePath(QStringLiteral("kilima"));
        m_pacsDir = m_tmp.filePath(QStringLiteral("pacs"));
        QDir().mkpath(m_pacsDir);
        m_kilimaPort = test::freePort();
        m_pacsPort = test::freePort();
        m_nowherePort = test::freePort();

        m_s3 = std::make_unique<test::S3Server>(m_tmp.filePath(QStringLiteral("s3")));
        QVERIFY(m_s3->start());
        QVERIFY(m_s3->createBucket(QStringLiteral("routed")));

        const QJsonObject oc{{QStringLiteral("Name"), QStringLiteral("KilimaRoutingPeer")},
                             {QStringLiteral("RemoteAccessAllowed"), false},
                             {QStringLiteral("AuthenticationEnabled"), false},
                             {QStringLiteral("Plugins"), QJsonArray{plugin}},
                             {QStringLiteral("DicomWeb"), QJsonObject{{QStringLiteral("Enable"), true}, {QStringLiteral("Root"), QStringLiteral("/dicom-web/")}}}};
        QString why;
        QVERIFY2(test::startOrthanc(m_orthanc, m_tmp.filePath(QStringLiteral("orthanc")), oc, &m_orthancHttp, &m_orthancDicom, &why),
                 qPrintable(why));

        // The rules: CT chest to the PACS; MR (not from a test bench) to
        // Orthanc once the study is stable; everything MODALITY1 sends to the
        // bucket; heads also to a PACS that never answers.
        const QByteArray routing = QStringLiteral("{\n"
"          \"destinations\": {\n"
"            \"pacs\": {\"type\": \"dicom\", \"aeTitle\": \"PACS\", \"host\": \"127.0.0.1\", \"port\": %1, \"parallelism\": 2},\n"
"            \"orthanc\": {\"type\": \"dicomweb\", \"url\": \"http://127.0.0.1:%2/dicom-web\"},\n"
"            \"bucket\": {\"type\": \"s3\", \"endpoint\": \"%3\", \"bucket\": \"routed\", \"pathStyle\": true},\n"
"            \"nowhere\": {\"type\": \"dicom\", \"aeTitle\": \"GONE\", \"host\": \"127.0.0.1\", \"port\": %4}\n"
"          },\n"
"          \"retry\": {\"initialSeconds\": 1, \"maxSeconds\": 2, \"maxAttempts\": 8},\n"
"          \"rules\": [\n"
"            {\"name\": \"chest-ct-to-pacs\", \"destinations\": [\"pacs\"], \"conditions\": {\"modality\": \"CT\", \"bodyPart\": [\"CHEST\", \"THORAX\"]}},\n"
"            {\"name\": \"mr-to-orthanc\", \"destinations\": [\"orthanc\"], \"trigger\": \"study-stable\", \"stableSeconds\": 2,\n"
"             \"conditions\": {\"all\": [{\"modality\": \"MR\"}, {\"not\": {\"stationName\": \"TEST*\"}}]}},\n"
"            {\"name\": \"modality1-to-bucket\", \"destinations\": \"bucket\", \"conditions\": {\"callingAe\": \"MODALITY1\"}},\n"
"            {\"name\": \"heads-to-nowhere\", \"destinations\": \"nowhere\", \"conditions\": {\"bodyPart\": \"HEAD\"}}\n"
"          ]}")
                                       .arg(m_pacsPort).arg(m_orthancHttp).arg(m_s3->endpoint()).arg(m_nowherePort)
                                       .toUtf8();
        QJsonObject config{{QStringLiteral("node"), QJsonObject{{QStringLiteral("allowUnknownStore"), true}}},
                           {QStringLiteral("routing"), QJsonDocument::fromJson(routing).object()}};
        QVERIFY(!config.value(QStringLiteral("routing")).toObject().isEmpty());
        QDir().mkpath(m_data);
        QFile cf(m_data + QStringLiteral("/kilima.json"));
        QVERIFY(cf.open(QIODevice::WriteOnly));
        cf.write(QJsonDocument(config).toJson());
        cf.close();

        m_a = makeStudy(QStringLiteral("A"), QStringLiteral("CT"), 5, {QStringLiteral("(0018,0015)=CHEST")});
        m_b = makeStudy(QStringLiteral("B"), QStringLiteral("MR"), 4, {QStringLiteral("(0008,1010)=MRI-1")});
        m_c = makeStudy(QStringLiteral("C"), QStringLiteral("MR"), 3, {QStringLiteral("(0008,1010)=TESTBENCH")});
        m_d = makeStudy(QStringLiteral("D"), QStringLiteral("CT"), 4, {QStringLiteral("(0018,0015)=HEAD")});
        QVERIFY(startKilima());
    }

    void cleanupTestCase()
    {
        m_kilima.terminate();
        m_pacs.terminate();
        m_orthanc.terminate();
        if (m_s3)
            m_s3->stop();
    }

    void invalidRules_stopServeWithTheRuleAndField()
    {
        const QString bad = m_tmp.filePath(QStringLiteral("bad"));
        QDir().mkpath(bad);
        QFile f(bad + QStringLiteral("/kilima.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"routing\": {\"destinations\": {}, \"rules\": [{\"name\": \"ct-night\", \"destinations\": [\"pacs\"]}]}}");
        f.close();
        QString out;
        QVERIFY(node(bad, {QStringLiteral("serve"), QStringLiteral("--dicom-port"), QString::number(test::freePort())}, &out) != 0);
        QVERIFY2(out.contains(QLatin1String("rule \"ct-night\": destinations")), qPrintable(out));
    }

    void mixedStudies_goExactlyWhereTheRulesSay_pacsDownAtFirstAndNodeKilled()
    {
        // The PACS is down: chest CT items wait and retry.
        QCOMPARE(store(m_a, QStringLiteral("MODALITY1")), 0);
        QCOMPARE(store(m_b, QStringLiteral("MODALITY2")), 0);
        QCOMPARE(store(m_c, QStringLiteral("MODALITY2")), 0);
        QCOMPARE(store(m_d, QStringLiteral("MODALITY1")), 0);
        QVERIFY2(waitFor([&] {
                     for (const QJsonValue &v : queue(QStringLiteral("pending")))
                         if (v.toObject().value(QStringLiteral("destination")).toString() == QLatin1String("pacs") &&
                             v.toObject().value(QStringLiteral("attempts")).toInt() >= 1)
                             return true;
                     return false;
                 }, 30000),
                 "no failed attempt to the PACS was recorded");
        // kilima-node dies with forwards queued; it starts again.
        m_kilima.kill();
        QVERIFY(startKilima());
        QVERIFY(m_pacs.start(QStringLiteral("storescp"), {QStringLiteral("-aet"), QStringLiteral("PACS"), QStringLiteral("-od"), m_pacsDir,
                                                          QString::number(m_pacsPort)}, {QStringLiteral("TCP_NODELAY=1")}));
        QVERIFY(test::waitForPort(m_pacsPort));

        QVERIFY2(waitFor([&] { return pacsFiles().size() >= 5; }, 60000), qPrintable(pacsFiles().join(QLatin1Char(' '))));
        QVERIFY2(waitFor([&] { return orthancInstancesOfStudy(m_b.uid) == 4; }, 60000), "study B did not reach Orthanc");
        const QString prefix = QStringLiteral("dicom/");
        QVERIFY2(waitFor([&] { return m_s3->listEtags(QStringLiteral("routed"), prefix).size() >= 9; }, 60000), "bucket incomplete");
        QThread::sleep(3);   // anything wrongly routed would arrive by now

        // Exactly where the rules say, nothing more.
        QStringList received = pacsFiles();
        QCOMPARE(received.size(), 5);
        for (const QString &sop : m_a.sops)
            QVERIFY2(received.join(QLatin1Char(' ')).contains(sop), qPrintable(sop));
        QCOMPARE(orthancInstancesOfStudy(m_b.uid), 4);
        QCOMPARE(orthancInstancesOfStudy(m_c.uid), 0);
        QCOMPARE(orthancInstancesOfStudy(m_a.uid), 0);
        const QMap<QString, QString> objects = m_s3->listEtags(QStringLiteral("routed"), prefix);
        QCOMPARE(objects.size(), 9);
        for (auto it = objects.begin(); it != objects.end(); ++it)
            QVERIFY2(it.key().startsWith(prefix + m_a.uid + QLatin1Char('/')) || it.key().startsWith(prefix + m_d.uid + QLatin1Char('/')), qPrintable(it.key()));
        // Delivered items are recorded as done.
        int done = 0;
        for (const QJsonValue &v : queue(QStringLiteral("done")))
            done += v.toObject().value(QStringLiteral("destination")).toString() != QLatin1String("nowhere");
        QCOMPARE(done, 5 + 4 + 9);
    }

    void unreachableDestination_endsFailedWithItsError_retryAndDrop()
    {
        QVERIFY2(waitFor([&] { return queue(QStringLiteral("failed")).size() == 4; }, 90000), "the head CT forwards did not fail");
        const QJsonArray failed = queue(QStringLiteral("failed"));
        for (const QJsonValue &v : failed) {
            QCOMPARE(v.toObject().value(QStringLiteral("destination")).toString(), QStringLiteral("nowhere"));
            QCOMPARE(v.toObject().value(QStringLiteral("attempts")).toInt(), 8);
            QVERIFY(!v.toObject().value(QStringLiteral("lastError")).toString().isEmpty());
        }
        QString out;
        const QString id = QString::number(failed.first().toObject().value(QStringLiteral("id")).toInteger());
        QCOMPARE(node(m_data, {QStringLiteral("queue"), QStringLiteral("retry"), id}, &out), 0);
        QVERIFY2(out.contains(QLatin1String("queued again: 1")), qPrintable(out));
        QCOMPARE(queue(QStringLiteral("failed")).size(), 3);
        QCOMPARE(node(m_data, {QStringLiteral("queue"), QStringLiteral("drop"), QStringLiteral("--failed")}, &out), 0);
        QVERIFY2(out.contains(QLatin1String("dropped: 3")), qPrintable(out));
        QCOMPARE(queue(QStringLiteral("failed")).size(), 0);
        QCOMPARE(node(m_data, {QStringLiteral("queue"), QStringLiteral("drop"), QStringLiteral("abc")}, &out), 2);
    }
};

QTEST_GUILESS_MAIN(TestForward)
#include "tst_forward.moc"
