// The report panel as a radiologist uses it: open a study (template filled),
// type with macros, autosave journal and recovery in a new panel (a restart),
// save, sign with the password (read-only afterwards), addendum, PDF export.
#include "peers.h"
#include "phantom.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/auditlog.h>
#include <kilima/archive/readingstatus.h>
#include <kilima/archive/users.h>
#include <kilima/reporting/draftjournal.h>
#include <kilima/reportui/reportpanel.h>

#include <QFile>
#include <QPrinter>
#include <QJsonArray>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTextEdit>

using namespace kilima;

class TestReportPanel : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::unique_ptr<archive::Archive> m_archive;
    QString m_study;

private Q_SLOTS:
    void initTestCase()
    {
        test::CtPhantom p;
        p.slices = 3;
        p.studyUid = test::newUid();
        p.patientName = QStringLiteral("Müller^Jürgen");
        m_study = p.studyUid;
        const QStringList files = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("ph")), p);
        auto a = archive::Archive::open(core::DataDir(m_tmp.filePath(QStringLiteral("data"))), core::Config{});
        QVERIFY(a);
        m_archive = a.take();
        for (const QString &f : files) {
            QFile in(f);
            QVERIFY(in.open(QIODevice::ReadOnly));
            QVERIFY(m_archive->ingest({in.readAll(), f}).success());
        }
        QVERIFY(archive::Users(m_archive->databasePath()).add(QStringLiteral("rad"), archive::Role::Radiologist, QStringLiteral("panel-pass-1")).ok());
    }

    void typing_ShouldExpandMacrosAutosaveAndRecoverAfterRestart()
    {
        {
            reportui::ReportPanel panel(*m_archive);
            panel.setUser(QStringLiteral("rad"), QStringLiteral("Dr Rad"));
            QVERIFY2(panel.openStudy(m_study), qPrintable(panel.lastError()));
            QVERIFY(!panel.recoveredFromJournal());
            QVERIFY(panel.report().section(QStringLiteral("technique")).text.contains(QStringLiteral("CT of the chest")) ||
                    !panel.report().section(QStringLiteral("technique")).text.isEmpty());
            panel.show();
            QTextEdit *impression = panel.sectionEditor(QStringLiteral("impression"));
            impression->setFocus();
            QTest::keyClicks(impression, QStringLiteral("Overall .nad"));
            QTest::keyClick(impression, Qt::Key_Space);
            QTest::keyClicks(impression, QStringLiteral("Done"));
            QCOMPARE(impression->toPlainText(), QStringLiteral("Overall No acute abnormality. Done"));
            // Typing starts the reading in the worklist.
            QCOMPARE(archive::toString(archive::ReadingList(m_archive->databasePath(), m_archive->auditLog()).state(m_study).value().status),
                     archive::toString(archive::ReadingStatus::InProgress));
            // The journal is written by itself within a few seconds.
            reporting::DraftJournal journal(m_tmp.filePath(QStringLiteral("data/reporting/journal")));
            QTRY_VERIFY_WITH_TIMEOUT(journal.has(m_study), 5000);
            QTRY_COMPARE_WITH_TIMEOUT(journal.read(m_study).value().section(QStringLiteral("impression")).text,
                                      QStringLiteral("Overall No acute abnormality. Done"), 5000);
            // The panel is dropped without saving: like a crash after the autosave.
        }
        reportui::ReportPanel again(*m_archive);
        again.setUser(QStringLiteral("rad"));
        QCOMPARE(again.pendingDrafts(), QStringList{m_study});   // offered at start
        QVERIFY(again.openStudy(m_study));
        QVERIFY(again.recoveredFromJournal());
        QCOMPARE(again.sectionEditor(QStringLiteral("impression"))->toPlainText(), QStringLiteral("Overall No acute abnormality. Done"));
        QVERIFY(again.saveDraft());
        archive::ReadingList reading(m_archive->databasePath(), m_archive->auditLog());
        QCOMPARE(archive::toString(reading.state(m_study).value().status), archive::toString(archive::ReadingStatus::InProgress));
    }

    void openStudy_ShouldRefuseAnUnknownStudyAndAuditViews()
    {
        reportui::ReportPanel panel(*m_archive);
        panel.setUser(QStringLiteral("rad"));
        QVERIFY(!panel.openStudy(QStringLiteral("1.2.3.4.5.6.7")));
        QVERIFY2(panel.lastError().contains(QStringLiteral("not in the archive")), qPrintable(panel.lastError()));
        archive::AuditFilter f;
        f.studyUid = m_study;
        f.actor = QStringLiteral("rad");
        bool viewed = false;
        for (const auto &rec : m_archive->auditLog().list(f).value())
            viewed = viewed || rec.action == QLatin1String("report view");
        QVERIFY(viewed);
    }

    void userTemplatesAndMacros_ShouldBeSavedFromThePanel()
    {
        reportui::ReportPanel panel(*m_archive);
        panel.setUser(QStringLiteral("rad"));
        QVERIFY(panel.openStudy(m_study));
        QVERIFY(panel.addMacro(QStringLiteral("rod"), QStringLiteral("Calibration rod in place.")));
        QTextEdit *findings = panel.sectionEditor(QStringLiteral("findings"));
        findings->setFocus();
        findings->moveCursor(QTextCursor::End);
        QTest::keyClicks(findings, QStringLiteral(" .rod"));
        QTest::keyClick(findings, Qt::Key_Tab);
        QVERIFY2(findings->toPlainText().endsWith(QStringLiteral(" Calibration rod in place.")), qPrintable(findings->toPlainText()));
        QVERIFY(panel.saveAsTemplate(QStringLiteral("phantom-qa"), QStringLiteral("Phantom QA")));
        QVERIFY(panel.templateIds().contains(QStringLiteral("phantom-qa")));
        reportui::ReportPanel other(*m_archive);   // another session sees it
        QVERIFY(other.templateIds().contains(QStringLiteral("phantom-qa")));
        QVERIFY(panel.saveDraft());
    }

    void sign_ShouldNeedPasswordAndMakeThePanelReadOnly()
    {
        reportui::ReportPanel panel(*m_archive);
        panel.setUser(QStringLiteral("rad"));
        QVERIFY(panel.openStudy(m_study));
        QVERIFY(!panel.recoveredFromJournal());
        QVERIFY(panel.sectionEditor(QStringLiteral("impression"))->toPlainText().startsWith(QStringLiteral("Overall No acute abnormality. Done")));
        QVERIFY(!panel.sign(QStringLiteral("wrong")));
        QVERIFY(!panel.sectionEditor(QStringLiteral("impression"))->isReadOnly());
        // Signing from the button runs on a worker thread; the UI stays responsive.
        QSignalSpy finished(&panel, &reportui::ReportPanel::signFinished);
        panel.signInBackground(QStringLiteral("panel-pass-1"));
        QVERIFY(panel.isBusy());
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(panel.lastError()));
        QCOMPARE(reporting::toString(panel.report().status), reporting::toString(reporting::ReportStatus::Final));
        QVERIFY(panel.sectionEditor(QStringLiteral("impression"))->isReadOnly());
        archive::ReadingList reading(m_archive->databasePath(), m_archive->auditLog());
        QCOMPARE(archive::toString(reading.state(m_study).value().status), archive::toString(archive::ReadingStatus::Final));
        QVERIFY(panel.addAddendum(QStringLiteral("Addendum text."), QStringLiteral("panel-pass-1")));
        QCOMPARE(panel.report().addenda.size(), 1);
        const QString pdf = m_tmp.filePath(QStringLiteral("panel.pdf"));
        QVERIFY(panel.exportPdf(pdf));
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(5) == "%PDF-");
        // Printing goes through QPrinter with the same layout (a PDF printer here).
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        const QString printed = m_tmp.filePath(QStringLiteral("printed.pdf"));
        printer.setOutputFileName(printed);
        QVERIFY(panel.print(printer));
        QString text;
        QCOMPARE(test::runTool(QStringLiteral("pdftotext"), {printed, QStringLiteral("-")}, &text), 0);
        QVERIFY2(text.contains(QStringLiteral("Müller, Jürgen")) && text.contains(QStringLiteral("Electronically signed by rad")) &&
                     text.contains(QStringLiteral("Addendum text.")),
                 qPrintable(text));
    }
};

QTEST_MAIN(TestReportPanel)
#include "tst_reportpanel.moc"
