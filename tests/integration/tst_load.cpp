// A hard day for kilima-node serve, with real DCMTK peers on loopback: 16
// modalities send the 108-slice CT of ../shared/testdata at once (16
// distinct studies) while 4 workstations keep querying with findscu. No
// association may fail, every instance must be there once, and the archive
// must verify. Prints the time and rate; skipped without the shared data.
#include "nodecli.h"
#include "peers.h"
#include "phantom.h"
#include "testdata.h"

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/oflog/oflog.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace kilima;

namespace {

constexpr int kSenders = 16;
constexpr int kQueriers = 4;

} // namespace

class TestLoad : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QStringList m_series;   // one folder per sender
    int m_perSeries = 0;
    qint64 m_bytes = 0;

private Q_SLOTS:
    // 16 copies of the CT, each its own study, series and instances (new
    // UIDs, everything else as the scanner wrote it, same transfer syntax).
    void initTestCase()
    {
        const QString shared = test::sharedTestData();
        const QString ct = shared + QStringLiteral("/ct_invesalius_0051");
        if (shared.isEmpty() || !QDir(ct).exists())
            QSKIP("../shared/testdata/dicom/ct_invesalius_0051 is absent");
        const QStringList slices = test::filesBelow(ct).filter(QRegularExpression(QStringLiteral("\\.dcm$")));
        QCOMPARE(slices.size(), 108);
        // The scanner's meta header version (0x0100) draws a warning per file.
        OFLog::configure(OFLogger::ERROR_LOG_LEVEL);
        m_perSeries = int(slices.size());
        QElapsedTimer t;
        t.start();
        for (int s = 0; s < kSenders; ++s) {
            m_series << m_tmp.filePath(QStringLiteral("ct%1").arg(s, 2, 10, QLatin1Char('0')));
            QVERIFY(QDir().mkpath(m_series.last()));
        }
        QStringList studies, series;
        for (int s = 0; s < kSenders; ++s) {
            studies << test::newUid();
            series << test::newUid();
        }
        for (const QString &slice : slices) {
            DcmFileFormat ff;
            QVERIFY2(ff.loadFile(QFile::encodeName(slice).constData()).good(), qPrintable(slice));
            for (int s = 0; s < kSenders; ++s) {
                DcmDataset *ds = ff.getDataset();
                ds->putAndInsertString(DCM_StudyInstanceUID, studies.at(s).toLatin1().constData());
                ds->putAndInsertString(DCM_SeriesInstanceUID, series.at(s).toLatin1().constData());
                ds->putAndInsertString(DCM_SOPInstanceUID, test::newUid().toLatin1().constData());
                const QString out = QDir(m_series.at(s)).filePath(QFileInfo(slice).fileName());
                QVERIFY(ff.saveFile(QFile::encodeName(out).constData(), EXS_Unknown, EET_ExplicitLength, EGL_recalcGL,
                                    EPD_noChange, 0, 0, EWM_updateMeta)
                            .good());
                m_bytes += QFileInfo(out).size();
            }
        }
        qInfo("made %d copies of %d slices (%.0f MB) in %.1f s", kSenders, m_perSeries, m_bytes / 1e6, t.elapsed() / 1000.0);
    }

    void sixteenSendersAndFourQueriers_ShouldLoseNothing()
    {
        const QString data = m_tmp.filePath(QStringLiteral("node"));
        QCOMPARE(test::node(data, {QStringLiteral("nodes"), QStringLiteral("add"), QStringLiteral("load"), QStringLiteral("--aet"),
                                   QStringLiteral("LOADSCU"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                                   QStringLiteral("104"), QStringLiteral("--allow"), QStringLiteral("echo,store,find")}),
                 0);
        const quint16 port = test::freePort();
        test::Peer server;
        QVERIFY(server.start(test::nodeBinary(), {QStringLiteral("--data-dir"), data, QStringLiteral("serve"), QStringLiteral("--bind"),
                                                  QStringLiteral("127.0.0.1"), QStringLiteral("--dicom-port"), QString::number(port),
                                                  QStringLiteral("--http-port"), QStringLiteral("0")}));
        QVERIFY2(test::waitForPort(port), qPrintable(server.output()));
        const QStringList ae{QStringLiteral("-aet"), QStringLiteral("LOADSCU"), QStringLiteral("-aec"), QStringLiteral("KILIMA")};
        const QStringList target{QStringLiteral("127.0.0.1"), QString::number(port)};

        // Each querier: study-level C-FINDs back to back until told to stop;
        // it prints how many it ran and how many failed.
        const QString stop = m_tmp.filePath(QStringLiteral("stop-queries"));
        const QString loop = QStringLiteral(
            "n=0; f=0; while [ ! -e \"$0\" ]; do findscu -S -k QueryRetrieveLevel=STUDY -k StudyInstanceUID "
            "-k NumberOfStudyRelatedInstances \"$@\" >/dev/null 2>&1 || f=$((f+1)); n=$((n+1)); done; "
            "echo \"queries=$n failures=$f\"");
        std::vector<std::unique_ptr<test::Peer>> queriers;
        for (int q = 0; q < kQueriers; ++q) {
            queriers.push_back(std::make_unique<test::Peer>());
            QVERIFY(queriers.back()->start(QStringLiteral("/bin/bash"),
                                           QStringList{QStringLiteral("-c"), loop, stop} + ae + target));
        }

        QElapsedTimer t;
        t.start();
        std::vector<std::unique_ptr<test::Peer>> senders;
        for (const QString &folder : m_series) {
            senders.push_back(std::make_unique<test::Peer>());
            QVERIFY(senders.back()->start(QStringLiteral("storescu"),
                                          QStringList{QStringLiteral("-v"), QStringLiteral("+sd"), QStringLiteral("+sp"),
                                                      QStringLiteral("*.dcm")}
                                              + ae + target + QStringList{folder}));
        }
        int sendFailures = 0, acknowledged = 0;
        for (size_t s = 0; s < senders.size(); ++s) {
            QProcess &p = senders[s]->process();
            const bool finished = p.waitForFinished(170000);
            const QString log = senders[s]->output();
            const int ok = int(log.count(QStringLiteral("Received Store Response (Success)")));
            acknowledged += ok;
            if (!finished || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0 || ok != m_perSeries) {
                ++sendFailures;
                qWarning().noquote() << "storescu" << s << "acknowledged" << ok << "of" << m_perSeries << "\n" << log.right(2000);
            }
        }
        const double seconds = t.elapsed() / 1000.0;
        QFile(stop).open(QIODevice::WriteOnly);
        int queries = 0, queryFailures = 0;
        for (auto &q : queriers) {
            QVERIFY(q->process().waitForFinished(30000));
            const QRegularExpressionMatch m =
                QRegularExpression(QStringLiteral("queries=(\\d+) failures=(\\d+)")).match(q->output());
            QVERIFY2(m.hasMatch(), qPrintable(q->output()));
            queries += m.captured(1).toInt();
            queryFailures += m.captured(2).toInt();
        }
        qInfo("%d associations x %d CT slices (%.0f MB) in %.1f s: %.0f instances/s, %.1f MB/s; "
              "%d study C-FINDs from %d queriers meanwhile, %d failed",
              kSenders, m_perSeries, m_bytes / 1e6, seconds, acknowledged / seconds, m_bytes / 1e6 / seconds, queries, kQueriers,
              queryFailures);
        QCOMPARE(sendFailures, 0);
        QCOMPARE(acknowledged, kSenders * m_perSeries);
        QCOMPARE(queryFailures, 0);
        QVERIFY(queries > 0);

        // What a workstation sees now: 16 studies of 108 instances each.
        QString found;
        QCOMPARE(test::runTool(QStringLiteral("findscu"),
                               QStringList{QStringLiteral("-v"), QStringLiteral("-S"), QStringLiteral("-k"), QStringLiteral("QueryRetrieveLevel=STUDY"),
                                           QStringLiteral("-k"), QStringLiteral("StudyInstanceUID"),
                                           QStringLiteral("-k"), QStringLiteral("NumberOfStudyRelatedInstances")}
                                   + ae + target,
                               &found),
                 0);
        QCOMPARE(int(found.count(QRegularExpression(QStringLiteral("\\[%1 ?\\][^\n]*NumberOfStudyRelatedInstances").arg(m_perSeries)))),
                 kSenders);

        server.terminate();
        QString stats;
        QCOMPARE(test::nodeStdout(data, {QStringLiteral("stats"), QStringLiteral("--json")}, &stats), 0);
        const QJsonObject counts = QJsonDocument::fromJson(stats.toUtf8()).object();
        QCOMPARE(counts.value(QStringLiteral("instances")).toInt(), kSenders * m_perSeries);
        QCOMPARE(counts.value(QStringLiteral("studies")).toInt(), kSenders);
        QString verify;
        QVERIFY2(test::node(data, {QStringLiteral("verify")}, &verify) == 0, qPrintable(verify));
    }
};

QTEST_GUILESS_MAIN(TestLoad)
#include "tst_load.moc"
