// kilima-node serve against real DCMTK peers on loopback: echoscu,
// storescu, dcmsend, findscu (also -W), movescu to storescp, getscu, and a
// SIGKILL of the node, 10 times, in the middle of a storescu storm.
#include "nodecli.h"
#include "peers.h"
#include "phantom.h"
#include "testdata.h"

#include <kilima/archive/archive.h>
#include <kilima/dicom/attributes.h>
#include <kilima/dicom/dicomfile.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace kilima;

namespace {

const QString kNode = test::nodeBinary();
using test::node;
using test::nodeStdout;

// The bytes of a Part 10 file after its meta header: the dataset as sent.
QByteArray datasetBytes(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray all = f.readAll();
    if (all.size() < 144 || all.mid(128, 4) != "DICM")
        return {};
    // (0002,0000) UL, explicit VR LE, right after the preamble.
    const auto *u = reinterpret_cast<const unsigned char *>(all.constData() + 132);
    if (u[0] != 0x02 || u[1] != 0x00 || u[2] != 0x00 || u[3] != 0x00)
        return {};
    const quint32 groupLength = u[8] | (u[9] << 8) | (u[10] << 16) | (quint32(u[11]) << 24);
    return all.mid(132 + 12 + int(groupLength));
}

// The dataset re-encoded as explicit VR little endian with recalculated
// group lengths and without trailing padding: equal for two files when
// their content is equal, whatever uncompressed transfer syntax each was
// written in.
QByteArray canonicalDataset(const QString &path, const QString &scratch)
{
    DcmFileFormat ff;
    if (ff.loadFile(path.toLocal8Bit().constData()).bad())
        return {};
    DcmDataset *ds = ff.getDataset();
    // DCMTK senders never transmit Data Set Trailing Padding.
    delete ds->remove(DCM_DataSetTrailingPadding);
    if (ds->saveFile(scratch.toLocal8Bit().constData(), EXS_LittleEndianExplicit, EET_ExplicitLength, EGL_recalcGL).bad())
        return {};
    QFile f(scratch);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString sopUidOf(const QString &path)
{
    auto f = dicom::DicomFile::load(path);
    return f ? dicom::stringValue(f.value().dataset(), DCM_SOPInstanceUID) : QString();
}

int countFiles(const QString &dir)
{
    return int(test::filesBelow(dir).size());
}

} // namespace

class TestDimse : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_data;
    quint16 m_port = 0;
    test::Peer m_node;
    QStringList m_phantomFiles;
    QString m_studyUid;

    bool startNode()
    {
        m_port = test::freePort();
        if (!m_node.start(kNode, {QStringLiteral("--data-dir"), m_data, QStringLiteral("serve"), QStringLiteral("--aet"),
                                  QStringLiteral("KILIMA"), QStringLiteral("--dicom-port"), QString::number(m_port),
                                  QStringLiteral("--bind"), QStringLiteral("127.0.0.1")}))
            return false;
        return test::waitForPort(m_port);
    }

    QStringList scu(const char *aet = "SCU") const
    {
        return {QStringLiteral("-aet"), QLatin1String(aet), QStringLiteral("-aec"), QStringLiteral("KILIMA")};
    }
    QStringList target() const { return {QStringLiteral("127.0.0.1"), QString::number(m_port)}; }

private Q_SLOTS:
    void initTestCase()
    {
        m_data = m_tmp.filePath(QStringLiteral("data"));
        QVERIFY(node(m_data, {QStringLiteral("nodes"), QStringLiteral("add"), QStringLiteral("scu"), QStringLiteral("--aet"),
                              QStringLiteral("SCU"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                              QStringLiteral("104"), QStringLiteral("--allow"), QStringLiteral("echo,store,find,move,get,worklist")}) == 0);
        QVERIFY(node(m_data, {QStringLiteral("nodes"), QStringLiteral("add"), QStringLiteral("readonly"), QStringLiteral("--aet"),
                              QStringLiteral("VIEWER"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                              QStringLiteral("104"), QStringLiteral("--allow"), QStringLiteral("echo,find")}) == 0);
        test::CtPhantom p;
        p.slices = 12;
        p.patientName = QStringLiteral("NETWORK^PHANTOM");
        p.patientId = QStringLiteral("NET001");
        p.studyDate = QStringLiteral("20250610");
        p.studyUid = test::newUid();
        m_studyUid = p.studyUid;
        m_phantomFiles = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("phantom")), p);
        QVERIFY2(startNode(), qPrintable(m_node.output()));
    }

    void cleanupTestCase() { m_node.terminate(); }

    void echo_ShouldAnswerKnownAndRefuseUnknownAe()
    {
        QString out;
        QCOMPARE(test::runTool(QStringLiteral("echoscu"), scu() + target(), &out), 0);
        QVERIFY(test::runTool(QStringLiteral("echoscu"), scu("STRANGER") + target(), &out) != 0);
        QVERIFY2(out.contains(QStringLiteral("Rejected"), Qt::CaseInsensitive) || out.contains(QStringLiteral("reject"), Qt::CaseInsensitive),
                 qPrintable(out));
        // Wrong called AE title.
        QVERIFY(test::runTool(QStringLiteral("echoscu"), QStringList{QStringLiteral("-aet"), QStringLiteral("SCU"), QStringLiteral("-aec"),
                                                          QStringLiteral("NOTKILIMA")} + target(), &out) != 0);
        // The node writes audit lines within 50 ms (docs/node.md).
        QString audit;
        QTRY_VERIFY2_WITH_TIMEOUT((node(m_data, {QStringLiteral("audit"), QStringLiteral("--limit"), QStringLiteral("50")}, &audit),
                                   audit.contains(QStringLiteral("STRANGER")) && audit.contains(QStringLiteral("C-ECHO"))),
                                  qPrintable(audit), 10000);
    }

    void storescu_ShouldStoreBitForBit()
    {
        QString out;
        QCOMPARE(test::runTool(QStringLiteral("storescu"), scu() + target() + m_phantomFiles, &out), 0);
        QString find;
        QCOMPARE(node(m_data, {QStringLiteral("find"), QStringLiteral("--level"), QStringLiteral("instance"),
                               QStringLiteral("StudyInstanceUID=") + m_studyUid}, &find), 0);
        QCOMPARE(find.count(QLatin1Char('\n')), m_phantomFiles.size());

        // The association's end is logged with what it stored and where
        // each object's time went, the disk's share included.
        const QRegularExpression summary(
            QStringLiteral("SCU@127\\.0\\.0\\.1: %1 C-STOREs \\(%1 stored, 0 failed\\), ([0-9.]+) MB in [0-9.]+ s, "
                           "[0-9]+ objects/s; per object in ms: receiving [0-9.]+, storing [0-9.]+ "
                           "\\(checking [0-9.]+, waiting for the disk [0-9.]+, indexing [0-9.]+\\), answering [0-9.]+")
                .arg(m_phantomFiles.size()));
        QRegularExpressionMatch m;
        QTRY_VERIFY2_WITH_TIMEOUT((m = summary.match(m_node.output())).hasMatch(), qPrintable(m_node.output()), 10000);
        // Its size is what was stored (nothing else is stored yet).
        QString stats;
        QCOMPARE(nodeStdout(m_data, {QStringLiteral("stats"), QStringLiteral("--json")}, &stats), 0);
        const qint64 stored = QJsonDocument::fromJson(stats.toUtf8()).object().value(QStringLiteral("storedBytes")).toInteger();
        QVERIFY2(stored > 0, qPrintable(stats));
        QCOMPARE(m.captured(1), QString::number(double(stored) / 1e6, 'f', 1));
    }

    void storeWithoutPermission_ShouldBeRefused()
    {
        test::CtPhantom p;
        p.slices = 1;
        const QStringList files = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("refused")), p);
        QString out;
        test::runTool(QStringLiteral("storescu"), scu("VIEWER") + target() + files, &out);
        QString find;
        node(m_data, {QStringLiteral("find"), QStringLiteral("--level"), QStringLiteral("instance"),
                      QStringLiteral("SOPInstanceUID=") + sopUidOf(files.first())}, &find);
        QCOMPARE(find.count(QLatin1Char('\n')), 0);
        // The association's log line counts it as failed.
        QTRY_VERIFY2_WITH_TIMEOUT(m_node.output().contains(QStringLiteral("VIEWER@127.0.0.1: 1 C-STORE (0 stored, 1 failed)")),
                                  qPrintable(m_node.output()), 10000);
    }

    void dcmsendRealData_ShouldArriveBitForBit()
    {
        QString source = test::sharedTestData();
        if (source.isEmpty())
            source = test::pydicomTestFiles();
        if (source.isEmpty())
            QSKIP("no DICOM data to send");
        QString out;
        test::runTool(QStringLiteral("dcmsend"), QStringList{QStringLiteral("-aet"), QStringLiteral("SCU"), QStringLiteral("-aec"),
                                                  QStringLiteral("KILIMA"), QStringLiteral("+sd"), QStringLiteral("+r"),
                                                  QStringLiteral("-nuc"), QStringLiteral("-nh"), QStringLiteral("-dn"), QStringLiteral("127.0.0.1"), QString::number(m_port), source},
                      &out, 600000);
        // Every Part 10 file whose SOP Instance UID was sent once must be
        // stored exactly as it was sent: the same dataset bytes when the
        // sender kept the file's transfer syntax (dcmsend -dn keeps every
        // compressed one), the same content when dcmsend re-encoded an
        // uncompressed file in the syntax it proposed first.
        QHash<QString, QStringList> byUid;
        for (const QString &f : test::filesBelow(source)) {
            if (datasetBytes(f).isEmpty())
                continue;
            const QString uid = sopUidOf(f);
            if (!uid.isEmpty())
                byUid[uid] << f;
        }
        m_node.terminate();
        int compared = 0, missing = 0, changed = 0;
        QStringList problems;
        {
            auto a = archive::Archive::open(core::DataDir(m_data), {});
            QVERIFY(a.ok());
            for (auto it = byUid.begin(); it != byUid.end(); ++it) {
                if (it.value().size() != 1)
                    continue;
                const auto stored = a.value()->instanceFiles(archive::Level::Instance, it.key()).value();
                if (stored.isEmpty()) {
                    ++missing;
                    problems << QStringLiteral("missing %1").arg(it.value().first());
                    continue;
                }
                ++compared;
                const QString original = it.value().first();
                const bool sameBytes = datasetBytes(stored.first()) == datasetBytes(original);
                const QString scratch = m_tmp.filePath(QStringLiteral("canonical.dcm"));
                if (!sameBytes && canonicalDataset(stored.first(), scratch) != canonicalDataset(original, scratch)) {
                    ++changed;
                    problems << QStringLiteral("changed %1").arg(it.value().first());
                }
            }
        }
        QVERIFY2(startNode(), qPrintable(m_node.output()));
        qInfo("dcmsend: %d instances compared, %d missing, %d changed", compared, missing, changed);
        // Files dcmsend itself cannot send (no meta, broken) are not counted;
        // the truly broken one is rejected by the node.
        for (const QString &p : problems)
            qInfo("  %s", qPrintable(p));
        QVERIFY(compared > 50);
        QCOMPARE(changed, 0);
        QVERIFY2(missing <= 2, qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void findscu_ShouldMatchAtEveryLevel_data()
    {
        QTest::addColumn<QStringList>("keys");
        QTest::addColumn<int>("expected");
        QTest::newRow("patient wildcard") << QStringList{"QueryRetrieveLevel=PATIENT", "PatientName=network*", "PatientID"} << 1;
        QTest::newRow("study date range") << QStringList{"QueryRetrieveLevel=STUDY", "StudyDate=20250601-20250630", "StudyInstanceUID", "PatientName"} << 1;
        QTest::newRow("study no match") << QStringList{"QueryRetrieveLevel=STUDY", "StudyDate=19000101-19001231"} << 0;
        QTest::newRow("series by study") << QStringList{"QueryRetrieveLevel=SERIES", "StudyInstanceUID=" + m_studyUid, "Modality=CT", "SeriesInstanceUID"} << 1;
        QTest::newRow("images by study") << QStringList{"QueryRetrieveLevel=IMAGE", "StudyInstanceUID=" + m_studyUid, "SOPInstanceUID"} << 12;
    }

    void findscu_ShouldMatchAtEveryLevel()
    {
        QFETCH(QStringList, keys);
        QFETCH(int, expected);
        QTemporaryDir out;
        QStringList args = scu() + QStringList{QStringLiteral("-S"), QStringLiteral("-X"), QStringLiteral("-od"), out.path()};
        for (const QString &k : keys)
            args << QStringLiteral("-k") << k;
        QString log;
        QCOMPARE(test::runTool(QStringLiteral("findscu"), args + target(), &log), 0);
        QCOMPARE(countFiles(out.path()), expected);
        if (expected > 0 && keys.contains(QStringLiteral("PatientName"))) {
            auto rsp = dicom::DicomFile::load(test::filesBelow(out.path()).first());
            QVERIFY(rsp.ok());
            QCOMPARE(dicom::stringValue(rsp.value().dataset(), DCM_PatientName), QStringLiteral("NETWORK^PHANTOM"));
        }
    }

    void findWithoutPermission_ShouldFail()
    {
        QString log;
        QTemporaryDir out;
        test::runTool(QStringLiteral("findscu"), scu("STRANGER") + QStringList{QStringLiteral("-S"), QStringLiteral("-X"),
                      QStringLiteral("-od"), out.path(), QStringLiteral("-k"), QStringLiteral("QueryRetrieveLevel=STUDY")} + target(), &log);
        QCOMPARE(countFiles(out.path()), 0);
    }

    void movescu_ShouldSendStudyToKnownDestination()
    {
        QTemporaryDir received;
        const quint16 port = test::freePort();
        test::Peer storescp;
        QVERIFY(storescp.start(QStringLiteral("storescp"), {QStringLiteral("-aet"), QStringLiteral("STORESCP"), QStringLiteral("-od"),
                                                            received.path(), QString::number(port)}));
        QVERIFY(test::waitForPort(port));
        QCOMPARE(node(m_data, {QStringLiteral("nodes"), QStringLiteral("add"), QStringLiteral("storescp"), QStringLiteral("--aet"),
                               QStringLiteral("STORESCP"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                               QString::number(port), QStringLiteral("--allow"), QStringLiteral("echo")}), 0);
        QString log;
        QCOMPARE(test::runTool(QStringLiteral("movescu"), scu() + QStringList{QStringLiteral("-S"), QStringLiteral("-aem"), QStringLiteral("STORESCP"),
                               QStringLiteral("-k"), QStringLiteral("QueryRetrieveLevel=STUDY"), QStringLiteral("-k"),
                               QStringLiteral("StudyInstanceUID=") + m_studyUid} + target(), &log), 0);
        QCOMPARE(countFiles(received.path()), m_phantomFiles.size());

        // An unknown destination is refused.
        QTemporaryDir none;
        test::runTool(QStringLiteral("movescu"), scu() + QStringList{QStringLiteral("-S"), QStringLiteral("-aem"), QStringLiteral("NOWHERE"),
                      QStringLiteral("-k"), QStringLiteral("QueryRetrieveLevel=STUDY"), QStringLiteral("-k"),
                      QStringLiteral("StudyInstanceUID=") + m_studyUid} + target(), &log);
        QVERIFY2(log.contains(QStringLiteral("a801"), Qt::CaseInsensitive) || log.contains(QStringLiteral("MoveDestinationUnknown"), Qt::CaseInsensitive),
                 qPrintable(log));
        storescp.terminate();
    }

    void getscu_ShouldRetrieveOnTheSameAssociation()
    {
        QTemporaryDir received;
        QString log;
        QCOMPARE(test::runTool(QStringLiteral("getscu"), scu() + QStringList{QStringLiteral("-S"), QStringLiteral("-od"), received.path(),
                               QStringLiteral("-k"), QStringLiteral("QueryRetrieveLevel=STUDY"), QStringLiteral("-k"),
                               QStringLiteral("StudyInstanceUID=") + m_studyUid} + target(), &log), 0);
        QCOMPARE(countFiles(received.path()), m_phantomFiles.size());
        // What came back is what was stored.
        QSet<QByteArray> sent, got;
        for (const QString &f : m_phantomFiles)
            sent.insert(datasetBytes(f));
        for (const QString &f : test::filesBelow(received.path()))
            got.insert(datasetBytes(f));
        QCOMPARE(got, sent);
    }

    void worklist_ShouldAnswerFindscuW()
    {
        QCOMPARE(node(m_data, {QStringLiteral("worklist"), QStringLiteral("add"), QStringLiteral("--patient-name"), QStringLiteral("DOE^JANE"),
                               QStringLiteral("--patient-id"), QStringLiteral("W1"), QStringLiteral("--modality"), QStringLiteral("CT"),
                               QStringLiteral("--station-aet"), QStringLiteral("CT01"), QStringLiteral("--date"), QStringLiteral("20261122"),
                               QStringLiteral("--time"), QStringLiteral("0930"), QStringLiteral("--accession"), QStringLiteral("ACC1"),
                               QStringLiteral("--description"), QStringLiteral("CT HEAD")}), 0);
        QCOMPARE(node(m_data, {QStringLiteral("worklist"), QStringLiteral("add"), QStringLiteral("--patient-name"), QStringLiteral("ROE^RICHARD"),
                               QStringLiteral("--patient-id"), QStringLiteral("W2"), QStringLiteral("--modality"), QStringLiteral("MR"),
                               QStringLiteral("--station-aet"), QStringLiteral("MR01"), QStringLiteral("--date"), QStringLiteral("20261123"),
                               QStringLiteral("--time"), QStringLiteral("1400"), QStringLiteral("--accession"), QStringLiteral("ACC2")}), 0);
        auto query = [&](const QStringList &keys) {
            QTemporaryDir out;
            QStringList args = scu() + QStringList{QStringLiteral("-W"), QStringLiteral("-X"), QStringLiteral("-od"), out.path()};
            for (const QString &k : keys)
                args << QStringLiteral("-k") << k;
            QString log;
            test::runTool(QStringLiteral("findscu"), args + target(), &log);
            QStringList names;
            for (const QString &f : test::filesBelow(out.path())) {
                auto rsp = dicom::DicomFile::load(f);
                if (rsp)
                    names << dicom::stringValue(rsp.value().dataset(), DCM_PatientName);
            }
            names.sort();
            return names;
        };
        const QString step = QStringLiteral("ScheduledProcedureStepSequence[0].");
        QCOMPARE(query({QStringLiteral("PatientName"), step + QStringLiteral("Modality=CT")}), QStringList{QStringLiteral("DOE^JANE")});
        QCOMPARE(query({QStringLiteral("PatientName"), step + QStringLiteral("ScheduledProcedureStepStartDate=20261120-20261130")}).size(), 2);
        QCOMPARE(query({QStringLiteral("PatientName"), step + QStringLiteral("ScheduledStationAETitle=MR01")}), QStringList{QStringLiteral("ROE^RICHARD")});
        QCOMPARE(query({QStringLiteral("PatientName=roe*"), QStringLiteral("PatientID")}), QStringList{QStringLiteral("ROE^RICHARD")});
        QCOMPARE(query({QStringLiteral("PatientName"), QStringLiteral("PatientID=W1"), step + QStringLiteral("ScheduledProcedureStepStartDate=20261122")}), QStringList{QStringLiteral("DOE^JANE")});
    }

    // SIGKILL of the node 10 times, each at a random moment of a
    // 4-association storescu storm: after every kill `verify` passes, and
    // after the restarts every instance a storescu saw acknowledged, in any
    // round, is present.
    void killDuringStoreStorm_ShouldLoseNothingAcknowledged()
    {
        constexpr int kRounds = 10, kAssociations = 4, kSlices = 150;
        QStringList acknowledged;
        int roundsCutShort = 0;
        for (int round = 0; round < kRounds; ++round) {
            QList<QStringList> batches;
            for (int b = 0; b < kAssociations; ++b) {
                test::CtPhantom p;
                p.slices = kSlices;
                p.rows = p.columns = 128;
                p.patientId = QStringLiteral("STORM%1-%2").arg(round).arg(b);
                batches << test::writeCtPhantom(m_tmp.filePath(QStringLiteral("storm%1-%2").arg(round).arg(b)), p);
            }
            std::vector<std::unique_ptr<test::Peer>> senders;
            for (const QStringList &files : batches) {
                senders.push_back(std::make_unique<test::Peer>());
                QVERIFY(senders.back()->start(QStringLiteral("storescu"), scu() + QStringList{QStringLiteral("-v")} + target() + files));
            }
            // Once the storm is under way, a random moment later.
            QTRY_VERIFY_WITH_TIMEOUT(senders.front()->output().contains(QLatin1String("Received Store Response")), 20000);
            const int delayMs = int(QRandomGenerator::global()->bounded(0, 400));
            QTest::qWait(delayMs);
            m_node.kill();
            int roundAcknowledged = 0;
            for (size_t b = 0; b < senders.size(); ++b) {
                senders[b]->process().waitForFinished(30000);
                const QString log = senders[b]->output();
                // storescu sends the files in order; each success response
                // acknowledges the next file.
                const int ok = int(log.count(QRegularExpression(QStringLiteral("Received Store Response \\(Success\\)"))));
                roundAcknowledged += ok;
                for (int i = 0; i < ok && i < batches.at(int(b)).size(); ++i)
                    acknowledged << sopUidOf(batches.at(int(b)).at(i));
            }
            if (roundAcknowledged < kAssociations * kSlices)
                ++roundsCutShort;
            QString verify;
            QVERIFY2(node(m_data, {QStringLiteral("verify")}, &verify) == 0, qPrintable(verify));
            qInfo("kill %d, %d ms into the storm: %d of %d acknowledged", round + 1, delayMs, roundAcknowledged,
                  kAssociations * kSlices);
            QVERIFY2(startNode(), qPrintable(m_node.output()));
        }
        // The kills must have hit stores in flight, or this proves nothing.
        QVERIFY2(roundsCutShort >= kRounds / 2, qPrintable(QStringLiteral("only %1 kills cut a storm short").arg(roundsCutShort)));
        // A UID list matches at most 1000 UIDs at once.
        int present = 0;
        for (int i = 0; i < acknowledged.size(); i += 1000) {
            QString found;
            QCOMPARE(nodeStdout(m_data, {QStringLiteral("find"), QStringLiteral("--level"), QStringLiteral("instance"),
                                         QStringLiteral("SOPInstanceUID=") + acknowledged.mid(i, 1000).join(QLatin1Char('\\'))},
                                &found),
                     0);
            present += int(found.count(QLatin1Char('\n')));
        }
        QCOMPARE(present, acknowledged.size());
        QString verify;
        QVERIFY2(node(m_data, {QStringLiteral("verify")}, &verify) == 0, qPrintable(verify));
        qInfo("%d kills, %d cut a storm short; %lld instances acknowledged, all present", kRounds, roundsCutShort,
              qint64(acknowledged.size()));
    }
};

QTEST_GUILESS_MAIN(TestDimse)
#include "tst_dimse.moc"
