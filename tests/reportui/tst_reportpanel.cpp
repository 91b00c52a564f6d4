// The report panel as a radiologist uses it: open a study (template filled),
// type with macros, autosave journal and recovery in a new panel (a restart),
// save, sign with the password (read-only afterwards), addendum, PDF export.
#include "pdfprobe.h"
#include "peers.h"
#include "phantom.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/auditlog.h>
#include <kilima/archive/readingstatus.h>
#include <kilima/archive/users.h>
#include <kilima/reporting/draftjournal.h>
#include <kilima/reportui/reportpanel.h>
#include <kilima/widgets/theme.h>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <QApplication>
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
    QString m_cjkStudy;

    // Body text near-black, paper white, the Japanese name in an embedded
    // CJK font and extractable: what poppler makes of a report PDF.
    static void verifyPrintable(const QString &path)
    {
        if (!test::havePoppler())
            return;
        const QString text = test::pdfText(path);
        for (const QString &e : {QStringLiteral("山田"), QStringLiteral("太郎"), QStringLiteral("やまだ"), QStringLiteral("Calcified granuloma")})
            QVERIFY2(text.contains(e), qPrintable(QStringLiteral("%1: \"%2\" missing from:\n%3").arg(path, e, text)));
        QVERIFY2(!test::embeddedFonts(path, QStringLiteral("CJK")).isEmpty(), qPrintable(test::pdfFonts(path)));
        const int dpi = 150;
        const QImage page = test::pdfPage(path, 1, dpi);
        QVERIFY(!page.isNull());
        QCOMPARE(qGray(page.pixel(3, 3)), 255);
        bool seen = false;
        for (const test::PdfWord &w : test::pdfWords(path)) {
            if (w.text == QLatin1String("granuloma") && !seen) {
                seen = true;
                const int darkest = test::darkestIn(page, w.box, dpi);
                QVERIFY2(darkest < 60, qPrintable(QStringLiteral("%1: body text darkest grey %2, expected near-black").arg(path).arg(darkest)));
            }
        }
        QVERIFY(seen);
    }

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
        test::CtPhantom cjk;
        cjk.slices = 2;
        cjk.studyUid = test::newUid();
        cjk.patientName = QStringLiteral("山田^太郎=やまだ^たろう");
        cjk.patientId = QStringLiteral("JP0001");
        m_cjkStudy = cjk.studyUid;
        for (const QString &f : test::writeCtPhantom(m_tmp.filePath(QStringLiteral("cjk")), cjk)) {
            QFile in(f);
            QVERIFY(in.open(QIODevice::ReadOnly));
            QVERIFY(m_archive->ingest({in.readAll(), f}).success());
        }
        // The workstation's dark theme, as app/workstation applies it.
        widgets::applyTheme(*qobject_cast<QApplication *>(QCoreApplication::instance()), widgets::Theme::Dark);
    }

    void darkTheme_ShouldNotReachTheExportedPrintedOrArchivedPdf()
    {
        reportui::ReportPanel panel(*m_archive);
        panel.setUser(QStringLiteral("rad"), QStringLiteral("Dr Rad"));
        QVERIFY2(panel.openStudy(m_cjkStudy), qPrintable(panel.lastError()));
        panel.sectionEditor(QStringLiteral("findings"))->setPlainText(QStringLiteral("Calcified granuloma in the right upper lobe."));
        const QString exported = m_tmp.filePath(QStringLiteral("cjk-export.pdf"));
        QVERIFY2(panel.exportPdf(exported), qPrintable(panel.lastError()));
        verifyPrintable(exported);
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        const QString printed = m_tmp.filePath(QStringLiteral("cjk-printed.pdf"));
        printer.setOutputFileName(printed);
        QVERIFY(panel.print(printer));
        verifyPrintable(printed);
        // The Encapsulated PDF that sign-off stores for the PACS.
        QVERIFY2(panel.sign(QStringLiteral("panel-pass-1")), qPrintable(panel.lastError()));
        auto files = m_archive->instanceFiles(archive::Level::Instance, panel.report().pdfSopInstanceUid);
        QVERIFY(files && files.value().size() == 1);
        DcmFileFormat ff;
        QVERIFY(ff.loadFile(files.value().first().toStdString().c_str()).good());
        const Uint8 *bytes = nullptr;
        unsigned long length = 0;
        QVERIFY(ff.getDataset()->findAndGetUint8Array(DCM_EncapsulatedDocument, bytes, &length).good());
        const QString archived = m_tmp.filePath(QStringLiteral("cjk-archived.pdf"));
        QFile out(archived);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(reinterpret_cast<const char *>(bytes), qint64(length));
        out.close();
        verifyPrintable(archived);
    }

    void templates_ShouldAskWhenNothingFitsAndReplaceOnSwitch()
    {
        // The phantom is a CT without body part or anatomical description:
        // no template is guessed, the panel says so.
        reportui::ReportPanel panel(*m_archive);
        panel.setUser(QStringLiteral("rad"));
        test::CtPhantom p;
        p.slices = 1;
        p.studyUid = test::newUid();
        for (const QString &f : test::writeCtPhantom(m_tmp.filePath(QStringLiteral("tpl")), p)) {
            QFile in(f);
            QVERIFY(in.open(QIODevice::ReadOnly));
            QVERIFY(m_archive->ingest({in.readAll(), f}).success());
        }
        QVERIFY(panel.openStudy(p.studyUid));
        QVERIFY(panel.report().templateId.isEmpty());
        QVERIFY(panel.report().items.isEmpty());
        QVERIFY(panel.report().section(QStringLiteral("technique")).text.isEmpty());
        QVERIFY2(panel.templateHint().contains(QStringLiteral("No template matches")), qPrintable(panel.templateHint()));
        QVERIFY(panel.applyTemplate(QStringLiteral("ct-chest")));
        panel.sectionEditor(QStringLiteral("findings"))->setPlainText(QStringLiteral("Typed by the reader."));
        QVERIFY(panel.applyTemplate(QStringLiteral("ct-head")));
        QStringList names;
        for (const auto &i : panel.report().items)
            names << i.name;
        QVERIFY2(!names.contains(QStringLiteral("Lungs")) && names.contains(QStringLiteral("Brain parenchyma")), qPrintable(names.join(QLatin1Char(','))));
        QCOMPARE(panel.sectionEditor(QStringLiteral("findings"))->toPlainText(), QStringLiteral("Typed by the reader."));
        QVERIFY(panel.sectionEditor(QStringLiteral("technique"))->toPlainText().contains(QStringLiteral("CT of the head")));
        QVERIFY2(panel.templateHint().contains(QStringLiteral("CT head")), qPrintable(panel.templateHint()));
        QVERIFY(panel.saveDraft());   // no journalled draft left for the recovery test
    }

    void typing_ShouldExpandMacrosAutosaveAndRecoverAfterRestart()
    {
        {
            reportui::ReportPanel panel(*m_archive);
            panel.setUser(QStringLiteral("rad"), QStringLiteral("Dr Rad"));
            QVERIFY2(panel.openStudy(m_study), qPrintable(panel.lastError()));
            QVERIFY(!panel.recoveredFromJournal());
            // A CT phantom has no anatomy to match: no chest template guessed.
            QVERIFY(panel.report().section(QStringLiteral("technique")).text.isEmpty());
            QVERIFY(panel.report().items.isEmpty());
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
