// kilima-node's archive commands as a user and a script meet them: the
// real binary, real files, exit codes and printed lines.
#include "phantom.h"
#include "testdata.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

using namespace kilima;

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

static Run node(const QString &dataDir, const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(KILIMA_NODE_BIN), QStringList{QStringLiteral("--data-dir"), dataDir} + args);
    if (!p.waitForFinished(300000))
        qFatal("kilima-node did not finish");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

class TestCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void help_ShouldDocumentEveryCommand()
    {
        QTemporaryDir data;
        const Run r = node(data.path(), {QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *cmd : {"import", "find", "stats", "verify", "--data-dir", "--json", "--level"})
            QVERIFY2(r.out.contains(QLatin1String(cmd)), cmd);
    }

    void usageErrors_ShouldExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no command") << QStringList{};
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
        QTest::newRow("import without paths") << QStringList{QStringLiteral("import")};
        QTest::newRow("bad level") << QStringList{QStringLiteral("find"), QStringLiteral("--level"), QStringLiteral("galaxy")};
        QTest::newRow("unknown keyword") << QStringList{QStringLiteral("find"), QStringLiteral("--level"), QStringLiteral("study"), QStringLiteral("Nonsense=1")};
        QTest::newRow("bad date range") << QStringList{QStringLiteral("find"), QStringLiteral("--level"), QStringLiteral("study"), QStringLiteral("StudyDate=2020-2021")};
    }

    void usageErrors_ShouldExitTwo()
    {
        QFETCH(QStringList, args);
        QTemporaryDir data;
        const Run r = node(data.path(), args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.isEmpty());
    }

    void import_ShouldSummariseAndNameRejectedFiles()
    {
        QTemporaryDir data, src;
        test::CtPhantom p;
        p.slices = 5;
        const QStringList files = test::writeCtPhantom(src.filePath(QStringLiteral("ct")), p);
        QFile cut(src.filePath(QStringLiteral("ct/cut.dcm")));
        QFile whole(files.first());
        QVERIFY(whole.open(QIODevice::ReadOnly) && cut.open(QIODevice::WriteOnly));
        cut.write(whole.readAll().left(600));
        cut.close();
        QFile text(src.filePath(QStringLiteral("ct/notes.txt")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("reading notes, not an image\n");
        text.close();

        const Run r = node(data.path(), {QStringLiteral("import"), src.path()});
        QCOMPARE(r.exitCode, 1);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), QStringLiteral("imported 5, duplicates 0, rejected 1, skipped 1 non-DICOM"));
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("rejected ") + cut.fileName() + QStringLiteral(": ")), qPrintable(lines.at(1)));
        QVERIFY2(lines.at(1).contains(QStringLiteral("truncated")), qPrintable(lines.at(1)));

        QVERIFY(QFile::remove(cut.fileName()));
        const Run again = node(data.path(), {QStringLiteral("import"), src.path()});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.startsWith(QStringLiteral("imported 0, duplicates 5, rejected 0")), qPrintable(again.out));

        const Run stats = node(data.path(), {QStringLiteral("stats"), QStringLiteral("--json")});
        QCOMPARE(stats.exitCode, 0);
        const QJsonObject s = QJsonDocument::fromJson(stats.out.toUtf8()).object();
        QCOMPARE(s.value(QStringLiteral("patients")).toInt(), 1);
        QCOMPARE(s.value(QStringLiteral("studies")).toInt(), 1);
        QCOMPARE(s.value(QStringLiteral("series")).toInt(), 1);
        QCOMPARE(s.value(QStringLiteral("instances")).toInt(), 5);
        QVERIFY(s.value(QStringLiteral("storedBytes")).toDouble() > 5 * 64 * 64 * 2);

        QCOMPARE(node(data.path(), {QStringLiteral("verify")}).exitCode, 0);
    }

    void find_ShouldPrintDicomJson()
    {
        QTemporaryDir data, src;
        test::CtPhantom a;
        a.slices = 2;
        a.patientName = QStringLiteral("DOE^JOHN");
        a.patientId = QStringLiteral("ID-A");
        a.studyDate = QStringLiteral("20200310");
        test::CtPhantom b = a;
        b.patientName = QStringLiteral("ROE^RICHARD");
        b.patientId = QStringLiteral("ID-B");
        b.studyDate = QStringLiteral("20230101");
        b.modality = QStringLiteral("MR");
        test::writeCtPhantom(src.filePath(QStringLiteral("a")), a);
        test::writeCtPhantom(src.filePath(QStringLiteral("b")), b);
        QCOMPARE(node(data.path(), {QStringLiteral("import"), src.path()}).exitCode, 0);

        const Run r = node(data.path(), {QStringLiteral("find"), QStringLiteral("--level"), QStringLiteral("study"),
                                         QStringLiteral("PatientName=DOE*"), QStringLiteral("StudyDate=20200101-20201231"),
                                         QStringLiteral("ModalitiesInStudy=CT"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray arr = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(arr.size(), 1);
        const QJsonObject study = arr.first().toObject();
        QCOMPARE(study.value(QStringLiteral("00100010")).toObject().value(QStringLiteral("vr")).toString(), QStringLiteral("PN"));
        QCOMPARE(study.value(QStringLiteral("00100010")).toObject().value(QStringLiteral("Value")).toArray().first().toObject()
                     .value(QStringLiteral("Alphabetic")).toString(), QStringLiteral("DOE^JOHN"));
        QCOMPARE(study.value(QStringLiteral("00080020")).toObject().value(QStringLiteral("Value")).toArray().first().toString(),
                 QStringLiteral("20200310"));
        QCOMPARE(study.value(QStringLiteral("00201208")).toObject().value(QStringLiteral("Value")).toArray().first().toInt(), 2);

        const Run none = node(data.path(), {QStringLiteral("find"), QStringLiteral("--level"), QStringLiteral("study"),
                                            QStringLiteral("ModalitiesInStudy=US"), QStringLiteral("--json")});
        QCOMPARE(none.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(none.out.toUtf8()).array().size(), 0);

        const Run series = node(data.path(), {QStringLiteral("find"), QStringLiteral("--level"), QStringLiteral("series"),
                                              QStringLiteral("Modality=MR")});
        QCOMPARE(series.exitCode, 0);
        QCOMPARE(series.out.count(QLatin1Char('\n')), 1);
        QVERIFY(series.out.contains(QStringLiteral("PatientID=ID-B")));
    }

    void verify_ShouldFailWhenAStoredFileChanges()
    {
        QTemporaryDir data, src;
        test::CtPhantom p;
        p.slices = 3;
        test::writeCtPhantom(src.path(), p);
        QCOMPARE(node(data.path(), {QStringLiteral("import"), src.path()}).exitCode, 0);
        QCOMPARE(node(data.path(), {QStringLiteral("verify")}).exitCode, 0);
        const QStringList stored = test::filesBelow(data.filePath(QStringLiteral("storage"))).filter(QStringLiteral(".dcm"));
        QCOMPARE(stored.size(), 3);
        QFile f(stored.at(1));
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(f.size() - 4);
        f.write("\x01\x02\x03\x04", 4);
        f.close();
        const Run r = node(data.path(), {QStringLiteral("verify")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("checksum")), qPrintable(r.out));
    }

    // SIGKILL at random points while importing: after restart, verify
    // passes and every file reported imported before the kill is present.
    void killDuringImport_ShouldLoseNothingAcknowledged()
    {
        QTemporaryDir data, src;
        auto *rng = QRandomGenerator::global();
        int acknowledgedTotal = 0;
        for (int round = 0; round < 6; ++round) {
            test::CtPhantom p;
            p.slices = 150;
            p.rows = p.columns = 128;
            p.patientId = QStringLiteral("KILL%1").arg(round);
            const QString dir = src.filePath(QString::number(round));
            test::writeCtPhantom(dir, p);

            QProcess proc;
            proc.start(QStringLiteral(KILIMA_NODE_BIN),
                       {QStringLiteral("--data-dir"), data.path(), QStringLiteral("import"), QStringLiteral("--list"), dir});
            QVERIFY(proc.waitForStarted());
            QTest::qWait(int(rng->bounded(40, 600)));
            // Never kill(0): a process that already ended has no pid.
            if (proc.state() == QProcess::Running && proc.processId() > 0)
                ::kill(pid_t(proc.processId()), SIGKILL);
            proc.waitForFinished();
            QStringList acknowledged;
            for (const QString &line : QString::fromUtf8(proc.readAllStandardOutput()).split(QLatin1Char('\n'))) {
                const QStringList parts = line.split(QLatin1Char('\t'));
                if (parts.size() == 3 && parts.first() == QLatin1String("stored"))
                    acknowledged << parts.at(1);
            }
            acknowledgedTotal += acknowledged.size();

            const Run verify = node(data.path(), {QStringLiteral("verify")});
            QVERIFY2(verify.exitCode == 0, qPrintable(verify.out + verify.err));
            if (!acknowledged.isEmpty()) {
                const Run found = node(data.path(), {QStringLiteral("find"), QStringLiteral("--level"), QStringLiteral("instance"),
                                                     QStringLiteral("SOPInstanceUID=") + acknowledged.join(QLatin1Char('\\'))});
                QCOMPARE(found.exitCode, 0);
                QCOMPARE(found.out.count(QLatin1Char('\n')), acknowledged.size());
            }
            // Importing the rest afterwards completes the series.
            const Run rest = node(data.path(), {QStringLiteral("import"), dir});
            QCOMPARE(rest.exitCode, 0);
        }
        qInfo("acknowledged before kills: %d", acknowledgedTotal);
        const Run stats = node(data.path(), {QStringLiteral("stats"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(stats.out.toUtf8()).object().value(QStringLiteral("instances")).toInt(), 6 * 150);
        QCOMPARE(node(data.path(), {QStringLiteral("verify")}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
