// Never lose typed text: a process typing a draft through the autosave path
// is killed with SIGKILL; the journal holds everything up to its last
// autosave, and a new session recovers it.
#include "peers.h"

#include <kilima/reporting/draftjournal.h>

#include <QTemporaryDir>
#include <QTest>

using namespace kilima;
using namespace kilima::reporting;

class TestCrash : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sigkillWhileTyping_ShouldRecoverDraftUpToLastAutosave()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("journal"));
        const QString study = QStringLiteral("1.2.826.0.1.3680043.8.498.77");
        test::Peer typist;
        QVERIFY(typist.start(QStringLiteral(TYPIST_BIN), {dir, study, QStringLiteral("100000")}));
        // Let it type for a while (several autosaves), then kill it mid-word.
        int lastSaved = 0;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 20000) {
            QTest::qWait(100);
            const QStringList lines = typist.output().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            for (const QString &l : lines) {
                if (l.startsWith(QLatin1String("saved ")))
                    lastSaved = std::max(lastSaved, l.mid(6).toInt());
            }
            if (lastSaved > 200)
                break;
        }
        QVERIFY2(lastSaved > 200, qPrintable(typist.output()));
        QTest::qWait(450);   // typing goes on past the last reported save
        typist.kill();   // SIGKILL, waits for the process to end
        QCOMPARE(typist.process().state(), QProcess::NotRunning);
        QCOMPARE(typist.process().exitStatus(), QProcess::CrashExit);

        // The next start finds the draft and recovers it.
        DraftJournal journal(dir);
        QCOMPARE(journal.pendingStudies(), QStringList{study});
        auto recovered = journal.read(study);
        QVERIFY2(recovered, qPrintable(recovered.error()));
        const QString text = recovered.value().section(QStringLiteral("findings")).text;
        QVERIFY2(text.size() >= lastSaved, qPrintable(QStringLiteral("%1 < %2").arg(text.size()).arg(lastSaved)));
        // Exactly what was typed, in order: a prefix of the typist's text.
        const QString expectedStart = QStringLiteral("The quick brown fox jumps over the lazy dog; Пётр видел узел 7 мм. The quick");
        QVERIFY(text.startsWith(expectedStart));
        // At most the last autosave interval (1 s at 15 ms a key) is lost.
        QVERIFY(journal.savedAt(study).isValid());
    }
};

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"
