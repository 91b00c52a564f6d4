// The main window driven with real widgets and QTest key/mouse events:
// filtering and sorting the study list, reading status shortcuts that
// persist in the archive, import through the dialog (summary with the
// rejected files, drag and drop), export to a folder / ZIP / DICOMDIR set
// with de-identification, and the settings dialog's validation.
#include "peers.h"
#include "phantom.h"

#include "exportdialog.h"
#include "mainwindow.h"
#include "settingsdialog.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/auditlog.h>
#include <kilima/archive/importer.h>
#include <kilima/archive/readingstatus.h>
#include <kilima/browser/importdialog.h>
#include <kilima/browser/studybrowser.h>
#include <kilima/browser/studylistmodel.h>
#include <kilima/browser/worklistpanel.h>
#include <kilima/archive/worklist.h>
#include <kilima/dicom/attributes.h>
#include <kilima/reporting/draftjournal.h>
#include <kilima/reportui/reportpanel.h>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDirIterator>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QTabWidget>
#include <QTextEdit>
#include <QSettings>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace kilima;
using browser::StudyListModel;

namespace {

bool settle(StudyListModel *m)
{
    return QTest::qWaitFor([m] { return !m->isLoading(); }, 15000);
}

QStringList column(StudyListModel *m, int col)
{
    QStringList out;
    for (int r = 0; r < m->rowCount(); ++r)
        out << m->data(m->index(r, col)).toString();
    return out;
}

QString tag(const QString &file, const DcmTagKey &key)
{
    DcmFileFormat ff;
    if (ff.loadFile(OFFilename(QFile::encodeName(file).constData())).bad())
        return QStringLiteral("<unreadable>");
    return dicom::stringValue(*ff.getDataset(), key);
}

QStringList dcmFiles(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString f = it.next();
        if (!f.endsWith(QLatin1String("DICOMDIR")))
            out << f;
    }
    out.sort();
    return out;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::shared_ptr<archive::Archive> m_archive;
    std::unique_ptr<workstation::MainWindow> m_window;
    QStringList m_uids;

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("KilimaTest"));
        qputenv("XDG_CONFIG_HOME", m_tmp.filePath(QStringLiteral("xdg")).toUtf8());
        struct S { const char *name, *id, *date, *modality; };
        const S studies[] = {
            {"DOE^JOHN", "P1001", "20240110", "CT"},
            {"DOE^JANE", "P1002", "20240111", "MR"},
            {"SMITH^ANNA", "P2001", "20240112", "CT"},
            {"MILLER^JACK", "X77", "20190704", "US"},
            {"OBRIEN^PAT", "P3001", "20200601", "CR"},
        };
        QStringList files;
        int i = 0;
        for (const S &s : studies) {
            test::CtPhantom ph;
            ph.slices = 3;
            ph.rows = ph.columns = 8;
            ph.patientName = QString::fromLatin1(s.name);
            ph.patientId = QString::fromLatin1(s.id);
            ph.studyDate = QString::fromLatin1(s.date);
            ph.modality = QString::fromLatin1(s.modality);
            ph.studyUid = test::newUid();
            m_uids << ph.studyUid;
            files << test::writeCtPhantom(m_tmp.filePath(QStringLiteral("src/%1").arg(i++)), ph);
        }
        auto opened = archive::Archive::open(core::DataDir(m_tmp.filePath(QStringLiteral("data"))), {});
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        m_archive = std::shared_ptr<archive::Archive>(opened.take());
        QCOMPARE(archive::Importer(*m_archive).run(files).imported, 15);

        m_window = std::make_unique<workstation::MainWindow>(m_archive, core::Config{},
                                                             m_tmp.filePath(QStringLiteral("data/kilima.json")));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(settle(m_window->studyModel()));
        QCOMPARE(m_window->studyModel()->rowCount(), 5);
    }

    void typingFiltersByNameAndId()
    {
        auto *b = m_window->studyBrowser();
        auto *m = m_window->studyModel();
        b->filterEdit()->setFocus();
        QTest::keyClicks(b->filterEdit(), QStringLiteral("doe"));
        QTRY_VERIFY_WITH_TIMEOUT(m->filterText() == QStringLiteral("doe") && !m->isLoading(), 10000);
        QCOMPARE(m->rowCount(), 2);
        QStringList names = column(m, StudyListModel::PatientNameColumn);
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("DOE, JANE"), QStringLiteral("DOE, JOHN")}));

        b->filterEdit()->clear();
        QTest::keyClicks(b->filterEdit(), QStringLiteral("P2"));
        QTest::keyClick(b->filterEdit(), Qt::Key_Return);
        QVERIFY(settle(m));
        QCOMPARE(column(m, StudyListModel::PatientIdColumn), QStringList{QStringLiteral("P2001")});

        b->filterEdit()->clear();
        QTest::keyClick(b->filterEdit(), Qt::Key_Return);
        b->modalityCombo()->setCurrentIndex(b->modalityCombo()->findData(QStringLiteral("CT")));
        QVERIFY(settle(m));
        QCOMPARE(m->rowCount(), 2);

        // Date range 2019-01-01..2020-12-31: MILLER and OBRIEN.
        b->modalityCombo()->setCurrentIndex(0);
        b->dateCombo()->setCurrentIndex(b->dateCombo()->findData(browser::StudyBrowser::RangeItem));
        b->fromEdit()->setDate(QDate(2019, 1, 1));
        b->toEdit()->setDate(QDate(2020, 12, 31));
        QVERIFY(settle(m));
        QStringList ids = column(m, StudyListModel::PatientIdColumn);
        ids.sort();
        QCOMPARE(ids, (QStringList{QStringLiteral("P3001"), QStringLiteral("X77")}));
        b->dateCombo()->setCurrentIndex(0);
        QVERIFY(settle(m));
        QCOMPARE(m->rowCount(), 5);
    }

    void headerClickSortsTheWholeList()
    {
        auto *view = m_window->studyBrowser()->view();
        auto *m = m_window->studyModel();
        QHeaderView *header = view->horizontalHeader();
        const int x = header->sectionViewportPosition(StudyListModel::PatientIdColumn) + 5;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
        QVERIFY(settle(m));
        QCOMPARE(m->sortColumn(), int(StudyListModel::PatientIdColumn));
        const QStringList ids = column(m, StudyListModel::PatientIdColumn);
        QStringList sorted = ids;
        sorted.sort();
        if (header->sortIndicatorOrder() == Qt::DescendingOrder)
            std::reverse(sorted.begin(), sorted.end());
        QCOMPARE(ids, sorted);
    }

    void readingShortcutsPersist()
    {
        auto *view = m_window->studyBrowser()->view();
        auto *m = m_window->studyModel();
        view->setFocus();
        view->selectRow(0);
        const QString uid = m->data(m->index(0, 0), StudyListModel::StudyInstanceUidRole).toString();
        QVERIFY(!uid.isEmpty());
        QSignalSpy changed(m, &StudyListModel::readingChanged);
        QTest::keyClick(view, Qt::Key_2, Qt::ControlModifier);   // Mark Reported
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 10000);
        QTest::keyClick(view, Qt::Key_T, Qt::ControlModifier);   // STAT
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 2, 10000);
        QTest::keyClick(view, Qt::Key_M, Qt::ControlModifier);   // assign to me
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 3, 10000);
        QVERIFY(settle(m));

        // Stored in the archive: a second connection (another workstation) sees it.
        archive::ReadingList other(m_archive->databasePath(), m_archive->auditLog());
        auto st = other.state(uid);
        QVERIFY(st.ok());
        QCOMPARE(int(st.value().status), int(archive::ReadingStatus::Reported));
        QVERIFY(st.value().stat);
        QCOMPARE(st.value().assignedTo, m_window->userName());

        // The status filter shows exactly that study; the column says so.
        auto *statusCombo = m_window->studyBrowser()->statusCombo();
        statusCombo->setCurrentIndex(statusCombo->findData(int(archive::ReadingStatus::Reported)));
        QVERIFY(settle(m));
        QCOMPARE(m->rowCount(), 1);
        QCOMPARE(m->data(m->index(0, 0), StudyListModel::StudyInstanceUidRole).toString(), uid);
        QVERIFY(m->data(m->index(0, StudyListModel::StatusColumn)).toString().contains(QStringLiteral("Reported")));
        statusCombo->setCurrentIndex(0);
        QVERIFY(settle(m));

        // My worklist: the one study assigned to me.
        QTest::mouseClick(m_window->studyBrowser()->myWorklistBox(), Qt::LeftButton);
        QVERIFY(settle(m));
        QCOMPARE(m->rowCount(), 1);
        QTest::mouseClick(m_window->studyBrowser()->myWorklistBox(), Qt::LeftButton);
        QVERIFY(settle(m));
        QCOMPARE(m->rowCount(), 5);

        // Audited with the user.
        archive::AuditFilter f;
        f.studyUid = uid;
        auto audit = m_archive->auditLog().list(f);
        QVERIFY(audit.ok());
        int readingEntries = 0;
        for (const auto &r : audit.value())
            readingEntries += r.action == QStringLiteral("reading") && r.actor == m_window->userName();
        QCOMPARE(readingEntries, 3);
    }

    void importDialogShowsSummary()
    {
        // Two new images, one already there, one text file, one broken DICOM.
        const QString dir = m_tmp.filePath(QStringLiteral("import"));
        test::CtPhantom ph;
        ph.slices = 2;
        ph.rows = ph.columns = 8;
        ph.patientName = QStringLiteral("NEW^PATIENT");
        ph.patientId = QStringLiteral("N500");
        test::writeCtPhantom(dir, ph);
        QVERIFY(QFile::copy(dcmFiles(m_tmp.filePath(QStringLiteral("src/0"))).first(), dir + QStringLiteral("/again.dcm")));
        QFile notes(dir + QStringLiteral("/notes.txt"));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("not an image\n");
        notes.close();
        QFile broken(dir + QStringLiteral("/broken.dcm"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(QByteArray(128, '\0') + "DICM" + QByteArray("\x02\x00\x10\x00UI\xff\x00", 8));
        broken.close();

        // Dropped onto the window, as from a file manager.
        auto *mime = new QMimeData;
        mime->setUrls({QUrl::fromLocalFile(dir)});
        QDropEvent drop(QPointF(100, 100), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &enter);
        QVERIFY(enter.isAccepted());
        QApplication::sendEvent(m_window.get(), &drop);
        browser::ImportDialog *dialog = m_window->importDialog();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning() && dialog->summaryText().startsWith(QStringLiteral("Imported")), 30000);
        const QString summary = dialog->summaryText();
        QVERIFY2(summary.contains(QStringLiteral("Imported 2 files.")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("1 already in the archive")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("1 not DICOM, skipped")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("1 rejected")), qPrintable(summary));
        QVERIFY2(dialog->detailsText().contains(QStringLiteral("broken.dcm")), qPrintable(dialog->detailsText()));
        delete mime;
        // The list picks the new study up.
        QTRY_COMPARE_WITH_TIMEOUT(m_window->studyModel()->rowCount(), 6, 10000);
        QTest::keyClick(dialog, Qt::Key_Escape);
    }

    void exportDeidentifiedFolderZipAndDicomdir()
    {
        const QString uid = m_uids.at(0);   // DOE^JOHN, 3 images
        const QString folder = m_tmp.filePath(QStringLiteral("export/folder"));
        {
            workstation::ExportDialog d(m_archive, archive::Level::Study, {uid}, QStringLiteral("tester"));
            d.formatCombo()->setCurrentIndex(0);
            d.destinationEdit()->setText(folder);
            QTest::mouseClick(d.deidentifyBox(), Qt::LeftButton);
            QVERIFY(d.deidentifyBox()->isChecked());
            d.start();
            QTRY_VERIFY_WITH_TIMEOUT(!d.isRunning() && d.messageText().startsWith(QStringLiteral("Exported")), 20000);
        }
        const QStringList files = dcmFiles(folder);
        QCOMPARE(files.size(), 3);
        const QString newStudy = tag(files.at(0), DCM_StudyInstanceUID);
        for (const QString &f : files) {
            QCOMPARE(tag(f, DCM_PatientName), QStringLiteral("ANONYMOUS"));
            QCOMPARE(tag(f, DCM_PatientID), QStringLiteral("ANON"));
            QCOMPARE(tag(f, DCM_PatientIdentityRemoved), QStringLiteral("YES"));
            QCOMPARE(tag(f, DCM_StudyDate), QString());
            // New UIDs, the same for the whole study.
            QCOMPARE(tag(f, DCM_StudyInstanceUID), newStudy);
            QVERIFY(tag(f, DCM_SOPInstanceUID) != QString());
        }
        QVERIFY(newStudy != uid);
        // dciodvfy finds no error in the copy that the original lacks.
        auto dciodvfyErrors = [](const QString &file) {
            QString out;
            test::runTool(QStringLiteral("dciodvfy"), {file}, &out);
            return int(out.count(QStringLiteral("Error - ")));
        };
        const QStringList originals = m_archive->instanceFiles(archive::Level::Study, uid).value();
        QVERIFY2(dciodvfyErrors(files.at(0)) <= dciodvfyErrors(originals.at(0)), qPrintable(files.at(0)));

        // ZIP: a valid archive that unzip tests clean, with the 3 images.
        const QString zip = m_tmp.filePath(QStringLiteral("export/study.zip"));
        {
            workstation::ExportDialog d(m_archive, archive::Level::Study, {uid}, QStringLiteral("tester"));
            d.formatCombo()->setCurrentIndex(d.formatCombo()->findData(int(browser::ExportOptions::Format::Zip)));
            d.destinationEdit()->setText(zip);
            d.start();
            QTRY_VERIFY_WITH_TIMEOUT(!d.isRunning() && d.messageText().startsWith(QStringLiteral("Exported")), 20000);
        }
        QString out;
        QCOMPARE(test::runTool(QStringLiteral("unzip"), {QStringLiteral("-t"), zip}, &out), 0);
        QVERIFY2(out.contains(QStringLiteral("No errors detected")), qPrintable(out));
        QCOMPARE(out.count(QStringLiteral(".dcm")), 3);

        // DICOMDIR set: dcmdump reads the directory with one IMAGE record
        // per image, and Kilima imports the set back.
        const QString set = m_tmp.filePath(QStringLiteral("export/cd"));
        {
            workstation::ExportDialog d(m_archive, archive::Level::Study, {uid, m_uids.at(1)}, QStringLiteral("tester"));
            d.formatCombo()->setCurrentIndex(d.formatCombo()->findData(int(browser::ExportOptions::Format::DicomDir)));
            d.destinationEdit()->setText(set);
            d.start();
            QTRY_VERIFY_WITH_TIMEOUT(!d.isRunning() && !d.messageText().startsWith(QStringLiteral("Exporting")), 20000);
            QVERIFY2(d.messageText().startsWith(QStringLiteral("Exported 6 images")), qPrintable(d.messageText()));
        }
        QCOMPARE(test::runTool(QStringLiteral("dcmdump"), {set + QStringLiteral("/DICOMDIR")}, &out), 0);
        QCOMPARE(out.count(QStringLiteral("[IMAGE]")), 6);
        QStringList errors;
        QCOMPARE(archive::Importer::collect({set + QStringLiteral("/DICOMDIR")}, &errors).size(), 6);

        // Exports are audited.
        archive::AuditFilter f;
        f.studyUid = uid;
        f.actor = QStringLiteral("tester");
        auto audit = m_archive->auditLog().list(f);
        QVERIFY(audit.ok());
        QCOMPARE(audit.value().size(), 3);
        QCOMPARE(audit.value().at(0).action, QStringLiteral("export"));
    }

    void worklistAddEditCancel()
    {
        browser::WorklistPanel *panel = m_window->worklistPanel();
        QTRY_VERIFY(!panel->isBusy());
        QCOMPARE(panel->table()->rowCount(), 0);
        browser::ScheduledProcedure p;
        p.patientName = QStringLiteral("MWANGI^AMINA");
        p.patientId = QStringLiteral("W900");
        p.modality = QStringLiteral("CR");
        p.stationAe = QStringLiteral("CR_ROOM1");
        p.accession = QStringLiteral("ACC77");
        p.date = QDate::currentDate().toString(QStringLiteral("yyyyMMdd"));
        p.time = QStringLiteral("0930");
        p.description = QStringLiteral("Chest PA");
        panel->save(p);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy() && panel->table()->rowCount() == 1, 10000);
        QCOMPARE(panel->table()->item(0, browser::WorklistPanel::NameColumn)->text(), QStringLiteral("MWANGI, AMINA"));
        QCOMPARE(panel->table()->item(0, browser::WorklistPanel::StationColumn)->text(), QStringLiteral("CR_ROOM1"));

        // What a modality's C-FIND would get: the node's worklist table.
        archive::WorklistQuery q;
        q.stationAeTitle = QStringLiteral("CR_ROOM1");
        auto found = m_archive->worklist().find(q);
        QVERIFY(found.ok());
        QCOMPARE(found.value().size(), 1);
        const auto stored = browser::ScheduledProcedure::fromJson(found.value().at(0).id, found.value().at(0).item);
        QCOMPARE(stored.accession, QStringLiteral("ACC77"));

        // Edit: the same item, new description, same study UID.
        browser::ScheduledProcedure edited = stored;
        edited.description = QStringLiteral("Chest PA and lateral");
        panel->save(edited);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy() &&
                                     panel->table()->item(0, browser::WorklistPanel::DescriptionColumn)->text() ==
                                         QStringLiteral("Chest PA and lateral"),
                                 10000);
        QCOMPARE(panel->table()->rowCount(), 1);
        found = m_archive->worklist().find(q);
        QCOMPARE(found.value().size(), 1);
        QCOMPARE(browser::ScheduledProcedure::fromJson(0, found.value().at(0).item).studyUid, stored.studyUid);

        panel->cancelItem(found.value().at(0).id);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy() && panel->table()->rowCount() == 0, 10000);
        QCOMPARE(m_archive->worklist().find(q).value().size(), 0);
    }

    void settingsValidateAndSave()
    {
        QDialog *d = m_window->showSettings();
        auto *settings = qobject_cast<workstation::SettingsDialog *>(d);
        QVERIFY(settings);
        settings->aeTitleEdit()->clear();
        QTest::keyClicks(settings->aeTitleEdit(), QStringLiteral("BAD\\AE"));
        settings->accept();
        QVERIFY(settings->isVisible());
        QVERIFY2(settings->messageLabel()->text().contains(QStringLiteral("AE title")),
                 qPrintable(settings->messageLabel()->text()));
        settings->aeTitleEdit()->clear();
        QTest::keyClicks(settings->aeTitleEdit(), QStringLiteral("READING_1"));
        auto *language = settings->findChild<QComboBox *>(QStringLiteral("language"));
        QVERIFY(language);
        language->setCurrentIndex(language->findData(QStringLiteral("sw")));
        auto *minFree = settings->findChild<QSpinBox *>(QStringLiteral("minFreeMegabytes"));
        QVERIFY(minFree);
        minFree->setValue(2048);
        settings->accept();
        QTRY_VERIFY(!m_window->findChild<workstation::SettingsDialog *>());
        auto saved = core::Config::load(m_tmp.filePath(QStringLiteral("data/kilima.json")));
        QVERIFY2(saved.ok(), qPrintable(saved.error()));
        QCOMPARE(saved.value().node.aeTitle, QStringLiteral("READING_1"));
        QCOMPARE(saved.value().archive.minFreeMegabytes, 2048);
        QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("sw"));
    }

    void recoveredDraftIsOfferedAtStart()
    {
        // A draft journalled while the radiologist typed, never saved: the
        // program died. The next start offers it and opening restores the text.
        const QString uid = m_uids.at(3);
        reporting::Report draft;
        draft.studyUid = uid;
        draft.setSectionText(QStringLiteral("findings"), QStringLiteral("Small left pleural effusion, typed before the crash."));
        reporting::DraftJournal journal(m_archive->dataDir().root() + QStringLiteral("/reporting/journal"));
        QVERIFY(journal.write(draft).ok());

        workstation::MainWindow window(m_archive, core::Config{}, m_tmp.filePath(QStringLiteral("data/kilima.json")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((box = window.findChild<QMessageBox *>(QStringLiteral("recoveredDraftsBox"))), 5000);
        QVERIFY(box->text().contains(QStringLiteral("1 report draft")));
        QTest::mouseClick(box->button(QMessageBox::Open), Qt::LeftButton);

        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("mainTabs"));
        QVERIFY(tabs);
        QWidget *page = nullptr;
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->widget(i)->property("studyUid").toString() == uid)
                page = tabs->widget(i);
        }
        QVERIFY2(page, "the recovered study opens in a tab");
        auto *panel = page->findChild<reportui::ReportPanel *>();
        QVERIFY(panel);
        QTRY_VERIFY_WITH_TIMEOUT(panel->report().section(QStringLiteral("findings")).text.contains(
                                     QStringLiteral("typed before the crash")), 5000);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
