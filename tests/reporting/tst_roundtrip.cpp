// Round trip: a report written and signed on node A is stored in its study;
// node B (a second kilima-node serve) gets the study by C-MOVE from A and
// receives the Encapsulated PDF, the SR and the KOS with the images, and the
// SR's text equals the report's. WADO-RS from A returns them too when the
// DICOMweb service is built into kilima-node.
#include "nodecli.h"
#include "peers.h"
#include "phantom.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/users.h>
#include <kilima/dicom/attributes.h>
#include <kilima/dicom/dicomfile.h>
#include <kilima/reporting/reportworkflow.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace kilima;
using namespace kilima::reporting;

namespace {
const QString kUser = QStringLiteral("drjones");
const QString kPassword = QStringLiteral("s3cret-enough");
} // namespace

class TestRoundtrip : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_dataA, m_dataB;
    quint16 m_portA = 0, m_portB = 0, m_httpA = 0;
    test::Peer m_nodeA, m_nodeB;
    QString m_studyUid;
    Report m_report;
    QByteArray m_pdfBytes;

    QString findOnA()
    {
        QString o;
        test::node(m_dataA, {QStringLiteral("find"), QStringLiteral("--level"), QStringLiteral("series"), QStringLiteral("StudyInstanceUID=") + m_studyUid, QStringLiteral("Modality=")}, &o);
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // KILIMA_KEEP_TEST_DATA=1 keeps both data directories (for benchmarks by hand).
        if (qEnvironmentVariableIsSet("KILIMA_KEEP_TEST_DATA")) {
            m_tmp.setAutoRemove(false);
            qInfo("test data kept in %s", qPrintable(m_tmp.path()));
        }
        m_dataA = m_tmp.filePath(QStringLiteral("a"));
        m_dataB = m_tmp.filePath(QStringLiteral("b"));
        test::CtPhantom p;
        p.slices = 4;
        p.patientName = QStringLiteral("Παπαδόπουλος^Νίκος");
        p.patientId = QStringLiteral("RT-7");
        p.studyUid = test::newUid();
        m_studyUid = p.studyUid;
        const QStringList files = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("phantom")), p);
        {
            auto a = archive::Archive::open(core::DataDir(m_dataA), core::Config{});
            QVERIFY2(a, qPrintable(a.error()));
            auto &archive = *a.value();
            QString sop, series;
            for (const QString &f : files) {
                QFile in(f);
                QVERIFY(in.open(QIODevice::ReadOnly));
                const auto o = archive.ingest({in.readAll(), f});
                QVERIFY(o.success());
                sop = o.sopInstanceUid;
                series = o.seriesInstanceUid;
            }
            QVERIFY(archive::Users(archive.databasePath()).add(kUser, archive::Role::Radiologist, kPassword).ok());
            ReportWorkflow wf(archive);
            auto draft = wf.newDraft(m_studyUid, kUser);
            QVERIFY2(draft, qPrintable(draft.error()));
            Report r = draft.take();
            r.setSectionText(QStringLiteral("findings"), QStringLiteral("Bone-density rod, 6 mm.\nWater cylinder homogeneous."));
            r.setSectionText(QStringLiteral("impression"), QStringLiteral("Normal phantom."));
            KeyImage k;
            k.sopInstanceUid = sop;
            k.windowCenter = 300;
            k.windowWidth = 1500;
            r.keyImages = {k};
            QElapsedTimer signTime;
            signTime.start();
            auto s = wf.sign(r, kUser, kPassword);
            qInfo("sign-off (password check, PDF, SR, KOS, 3 ingests): %lld ms", signTime.elapsed());
            QVERIFY2(s, qPrintable(s.error()));
            m_report = s.take();
            auto pdfFile = archive.instanceFiles(archive::Level::Instance, m_report.pdfSopInstanceUid);
            QVERIFY(pdfFile && pdfFile.value().size() == 1);
        }
        m_portA = test::freePort();
        m_portB = test::freePort();
        m_httpA = test::freePort();
        const QString host = QStringLiteral("127.0.0.1");
        QCOMPARE(test::node(m_dataA, {QStringLiteral("nodes"), QStringLiteral("add"), QStringLiteral("b"), QStringLiteral("--aet"), QStringLiteral("NODE_B"),
                                      QStringLiteral("--host"), host, QStringLiteral("--port"), QString::number(m_portB), QStringLiteral("--allow"),
                                      QStringLiteral("echo,store,find,move")}), 0);
        QCOMPARE(test::node(m_dataA, {QStringLiteral("nodes"), QStringLiteral("add"), QStringLiteral("mover"), QStringLiteral("--aet"), QStringLiteral("MOVER"),
                                      QStringLiteral("--host"), host, QStringLiteral("--port"), QStringLiteral("104"), QStringLiteral("--allow"),
                                      QStringLiteral("echo,find,move")}), 0);
        QCOMPARE(test::node(m_dataB, {QStringLiteral("nodes"), QStringLiteral("add"), QStringLiteral("a"), QStringLiteral("--aet"), QStringLiteral("NODE_A"),
                                      QStringLiteral("--host"), host, QStringLiteral("--port"), QString::number(m_portA), QStringLiteral("--allow"),
                                      QStringLiteral("echo,store,find,move")}), 0);
        QVERIFY(m_nodeA.start(test::nodeBinary(), {QStringLiteral("--data-dir"), m_dataA, QStringLiteral("serve"), QStringLiteral("--aet"), QStringLiteral("NODE_A"),
                                                   QStringLiteral("--dicom-port"), QString::number(m_portA), QStringLiteral("--http-port"),
                                                   QString::number(m_httpA), QStringLiteral("--bind"), host}));
        QVERIFY(m_nodeB.start(test::nodeBinary(), {QStringLiteral("--data-dir"), m_dataB, QStringLiteral("serve"), QStringLiteral("--aet"), QStringLiteral("NODE_B"),
                                                   QStringLiteral("--dicom-port"), QString::number(m_portB), QStringLiteral("--http-port"),
                                                   QString::number(test::freePort()), QStringLiteral("--bind"), host}));
        QVERIFY2(test::waitForPort(m_portA), qPrintable(m_nodeA.output()));
        QVERIFY2(test::waitForPort(m_portB), qPrintable(m_nodeB.output()));
    }

    void cleanupTestCase()
    {
        m_nodeA.terminate();
        m_nodeB.terminate();
    }

    void cFind_ShouldListTheReportSeriesOnNodeA()
    {
        QString out;
        QCOMPARE(test::runTool(QStringLiteral("findscu"), {QStringLiteral("-S"), QStringLiteral("-aet"), QStringLiteral("MOVER"), QStringLiteral("-aec"),
                                                           QStringLiteral("NODE_A"), QStringLiteral("-k"), QStringLiteral("QueryRetrieveLevel=SERIES"),
                                                           QStringLiteral("-k"), QStringLiteral("StudyInstanceUID=") + m_studyUid, QStringLiteral("-k"),
                                                           QStringLiteral("Modality"), QStringLiteral("-k"), QStringLiteral("SeriesInstanceUID"),
                                                           QStringLiteral("127.0.0.1"), QString::number(m_portA)}, &out), 0);
        // Odd-length CS values come space-padded: "[DOC ]".
        for (const QString &m : {QStringLiteral("CS [SR]"), QStringLiteral("CS [DOC"), QStringLiteral("CS [KO]"), QStringLiteral("CS [CT]")})
            QVERIFY2(out.contains(m), qPrintable(m + QStringLiteral(" not in the C-FIND answer:\n") + out.right(3000) + findOnA()));
    }

    void cMove_ShouldBringPdfSrAndKosToNodeB()
    {
        QString out;
        QCOMPARE(test::runTool(QStringLiteral("movescu"), {QStringLiteral("-S"), QStringLiteral("-aet"), QStringLiteral("MOVER"), QStringLiteral("-aec"),
                                                           QStringLiteral("NODE_A"), QStringLiteral("-aem"), QStringLiteral("NODE_B"), QStringLiteral("-k"),
                                                           QStringLiteral("QueryRetrieveLevel=STUDY"), QStringLiteral("-k"),
                                                           QStringLiteral("StudyInstanceUID=") + m_studyUid, QStringLiteral("127.0.0.1"),
                                                           QString::number(m_portA)}, &out), 0);
        m_nodeB.terminate();   // node B's archive is read below, in this process
        auto b = archive::Archive::open(core::DataDir(m_dataB), core::Config{});
        QVERIFY2(b, qPrintable(b.error()));
        archive::Query q;
        q.level = archive::Level::Instance;
        q.keys.append({dicom::tagNumber(0x0020, 0x000D), m_studyUid});
        QCOMPARE(b.value()->count(q).value(), qint64(4 + 3));
        auto srFiles = b.value()->instanceFiles(archive::Level::Instance, m_report.srSopInstanceUid);
        QVERIFY2(srFiles && srFiles.value().size() == 1, qPrintable(out));
        QFile sr(srFiles.value().first());
        QVERIFY(sr.open(QIODevice::ReadOnly));
        auto text = srPlainText(sr.readAll());
        QVERIFY2(text, qPrintable(text.error()));
        QCOMPARE(text.value(), m_report.plainText());
        auto srObject = dicom::DicomFile::load(srFiles.value().first());
        QCOMPARE(dicom::stringValue(srObject.value().dataset(), DCM_SpecificCharacterSet), QStringLiteral("ISO_IR 192"));
        QCOMPARE(dicom::stringValue(srObject.value().dataset(), DCM_PatientName), QStringLiteral("Παπαδόπουλος^Νίκος"));
        auto pdfFiles = b.value()->instanceFiles(archive::Level::Instance, m_report.pdfSopInstanceUid);
        QVERIFY(pdfFiles && pdfFiles.value().size() == 1);
        auto pdf = dicom::DicomFile::load(pdfFiles.value().first());
        const Uint8 *bytes = nullptr;
        unsigned long length = 0;
        QVERIFY(pdf.value().dataset().findAndGetUint8Array(DCM_EncapsulatedDocument, bytes, &length).good());
        QVERIFY(length > 1000 && QByteArray(reinterpret_cast<const char *>(bytes), 5) == "%PDF-");
        QVERIFY(b.value()->instanceFiles(archive::Level::Instance, m_report.kosSopInstanceUid).value().size() == 1);
    }

    void wadoRs_ShouldServeTheReportObjects()
    {
        QVERIFY2(test::waitForPort(m_httpA, 10000), qPrintable(m_nodeA.output()));
        auto get = [this](const QString &path, QByteArray *body) {
            QString code;
            const QString file = m_tmp.filePath(QStringLiteral("wado.bin"));
            QFile::remove(file);
            test::runTool(QStringLiteral("curl"), {QStringLiteral("-s"), QStringLiteral("-o"), file, QStringLiteral("-w"), QStringLiteral("%{http_code}"),
                                                   QStringLiteral("-u"), kUser + QLatin1Char(':') + kPassword, QStringLiteral("-H"),
                                                   QStringLiteral("Accept: multipart/related; type=\"application/dicom\""),
                                                   QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(m_httpA) + path}, &code);
            QFile f(file);
            if (f.open(QIODevice::ReadOnly))
                *body = f.readAll();
            return code.trimmed();
        };
        QByteArray body;
        // The SR instance: its text is in it.
        QCOMPARE(get(QStringLiteral("/studies/%1/series/%2/instances/%3").arg(m_studyUid, m_report.srSeriesUid, m_report.srSopInstanceUid), &body),
                 QStringLiteral("200"));
        QVERIFY(body.contains(m_report.srSopInstanceUid.toLatin1()));
        QVERIFY(body.contains("Normal phantom."));
        QVERIFY(body.contains(QStringLiteral("Παπαδόπουλος^Νίκος").toUtf8()));
        // The whole study: images, PDF, SR and KOS.
        QCOMPARE(get(QStringLiteral("/studies/%1").arg(m_studyUid), &body), QStringLiteral("200"));
        QVERIFY(body.contains("%PDF-"));
        for (const QString &uid : {m_report.pdfSopInstanceUid, m_report.srSopInstanceUid, m_report.kosSopInstanceUid})
            QVERIFY2(body.contains(uid.toLatin1()), qPrintable(uid));
        QCOMPARE(body.count("Content-Type: application/dicom"), 4 + 3);
    }
};

QTEST_MAIN(TestRoundtrip)
#include "tst_roundtrip.moc"
