#include "mainwindow.h"

#include "exportdialog.h"
#include "nodestatuspanel.h"
#include "readinglayout.h"
#include "settingsdialog.h"
#include "weblinks.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/auditlog.h>
#include <kilima/browser/importdialog.h>
#include <kilima/browser/queryretrievepanel.h>
#include <kilima/browser/seriespanel.h>
#include <kilima/browser/studybrowser.h>
#include <kilima/browser/studylistmodel.h>
#include <kilima/browser/worklistpanel.h>
#include <kilima/node/node.h>
#include <kilima/widgets/theme.h>

#include <kilima/viewer/studyviewer.h>
#include <kilima/reportui/reportpanel.h>
#include <kilima/reporting/draftjournal.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace kilima::workstation {

namespace {

// Studies, Query/Retrieve, Worklist, Node status; viewer tabs follow.
constexpr int kFixedTabs = 4;

QString currentUser()
{
    // The account made at first start (FirstRunDialog), else the login.
    const QString configured = QSettings().value(QStringLiteral("ui/user")).toString();
    if (!configured.isEmpty())
        return configured;
    const QString login = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return login.isEmpty() ? QStringLiteral("reader") : login;
}

QString currentFullName(const QString &user)
{
    const QString name = QSettings().value(QStringLiteral("users/%1/fullName").arg(user)).toString();
    return name.isEmpty() ? user : name;
}

} // namespace

MainWindow::MainWindow(std::shared_ptr<archive::Archive> archive, const core::Config &config,
                       const QString &configFile, node::Node *node, QWidget *parent)
    : QMainWindow(parent),
      m_archive(std::move(archive)),
      m_config(config),
      m_configFile(configFile),
      m_node(node),
      m_user(currentUser()),
      m_fullName(currentFullName(m_user)),
      m_model(new browser::StudyListModel(m_archive, this)),
      m_browser(new browser::StudyBrowser(m_model, this)),
      m_series(new browser::SeriesPanel(m_archive, this)),
      m_queryRetrieve(new browser::QueryRetrievePanel(m_archive, config.node.aeTitle, this)),
      m_worklist(new browser::WorklistPanel(m_archive, this)),
      m_nodeStatus(new NodeStatusPanel(m_archive, node, this)),
      m_tabs(new QTabWidget(this)),
      m_stats(new QLabel(this)),
      m_refreshTimer(new QTimer(this))
{
    setWindowTitle(tr("Kilima"));
    setAcceptDrops(true);
    browser::QueryRetrievePanel::setPasswordProvider([](const QString &server) {
        return SettingsDialog::keychainPassword(QStringLiteral("dicomweb:") + server);
    });
    m_model->setUser(m_user);

    auto *studies = new QSplitter(Qt::Vertical, this);
    studies->setObjectName(QStringLiteral("studiesPage"));
    m_studiesPage = studies;
    studies->addWidget(m_browser);
    studies->addWidget(m_series);
    studies->setStretchFactor(0, 4);
    studies->setStretchFactor(1, 1);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->addTab(studies, tr("Studies"));
    m_tabs->addTab(m_queryRetrieve, tr("Query/Retrieve"));
    m_tabs->addTab(m_worklist, tr("Worklist"));
    m_tabs->addTab(m_nodeStatus, tr("Node status"));
    m_tabs->setTabsClosable(true);
    m_tabs->setDocumentMode(true);
    // The fixed tabs cannot be closed; viewer tabs can.
    for (int i = 0; i < kFixedTabs; ++i)
        m_tabs->tabBar()->setTabButton(i, QTabBar::RightSide, nullptr);
    m_layout = new ReadingLayout(this, m_tabs, kFixedTabs);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (index < kFixedTabs)
            return;
        QWidget *w = m_tabs->widget(index);
        m_tabs->removeTab(index);
        m_layout->deletePage(w);
    });
    setCentralWidget(m_tabs);
    statusBar()->addPermanentWidget(m_stats);
    createMenus();

    connect(m_browser, &browser::StudyBrowser::studyActivated, this, &MainWindow::openStudy);
    connect(m_series, &browser::SeriesPanel::seriesActivated, this,
            [this](const QString &study, const QString &) { openStudy(study); });
    connect(m_browser->view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_series->showStudy(current.data(browser::StudyListModel::StudyInstanceUidRole).toString());
            });
    connect(m_model, &browser::StudyListModel::countChanged, this, &MainWindow::updateStats);
    connect(m_model, &browser::StudyListModel::queryFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("The study list could not be read: %1").arg(message));
    });
    connect(m_model, &browser::StudyListModel::readingFailed, this, [this](const QString &message) {
        QMessageBox::warning(this, tr("Reading worklist"),
                             tr("The change was not saved: %1\nTry again; if it keeps failing, check that the data "
                                "folder is writable and not full.").arg(message));
    });
    connect(m_queryRetrieve, &browser::QueryRetrievePanel::studyRetrieved, this, &MainWindow::scheduleRefresh);
    connect(m_nodeStatus, &NodeStatusPanel::studyReceived, this, &MainWindow::scheduleRefresh);

    // Studies arriving by the hundred must not refresh the list per image.
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(1500);
    connect(m_refreshTimer, &QTimer::timeout, this, &MainWindow::refresh);

    resize(1400, 860);
    m_model->refresh();
    offerRecoveredDrafts();
}

void MainWindow::offerRecoveredDrafts()
{
    // The journal folder is read on a worker: no disk on the UI thread.
    const QString journalDir = m_archive->dataDir().root() + QStringLiteral("/reporting/journal");
    auto *watcher = new QFutureWatcher<QStringList>(this);
    connect(watcher, &QFutureWatcher<QStringList>::finished, this, [this, watcher] {
        watcher->deleteLater();
        askToOpenRecoveredDrafts(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([journalDir] { return reporting::DraftJournal(journalDir).pendingStudies(); }));
}

void MainWindow::askToOpenRecoveredDrafts(const QStringList &studies)
{
    if (studies.isEmpty())
        return;
    // Window-modal and not blocking: the node and the list keep running.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Recovered report drafts"),
                                tr("%n report draft(s) were being typed when Kilima last stopped unexpectedly. "
                                   "Their text was saved. Open the studies now to review and save them?",
                                   nullptr, int(studies.size())),
                                QMessageBox::Open | QMessageBox::Ignore, this);
    box->setObjectName(QStringLiteral("recoveredDraftsBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, studies](int) {
        if (box->clickedButton() != box->button(QMessageBox::Open))
            return;
        for (const QString &uid : studies)
            openStudy(uid);
    });
    box->open();
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    // One key, one meaning (docs/workstation.md, "Keyboard"): window-wide
    // keys use Ctrl or function keys; plain letters, digits, Alt+digits
    // and F1/F2/F5/F7 belong to the viewer while it has the keyboard;
    // study-list keys act only on the study list.
    auto action = [this](QMenu *menu, const QString &text, const QKeySequence &key, auto slot,
                         QWidget *scope = nullptr) {
        QAction *a = menu->addAction(text);
        a->setShortcut(key);
        a->setShortcutVisibleInContextMenu(true);
        connect(a, &QAction::triggered, this, slot);
        if (scope) {
            a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            scope->addAction(a);
        } else {
            addAction(a);   // shortcuts work whichever tab has the focus
        }
        if (!key.isEmpty())
            m_helpRows.append({key.toString(QKeySequence::NativeText), QString(text).remove(QLatin1Char('&'))});
        return a;
    };

    QMenu *file = menuBar()->addMenu(tr("&File"));
    action(file, tr("&Import Folder…"), QKeySequence(tr("Ctrl+I")), [this] { chooseImportFolder(); });
    action(file, tr("Import &DICOMDIR / CD…"), QKeySequence(tr("Ctrl+Shift+I")), [this] { chooseDicomDir(); });
    action(file, tr("&Export…"), QKeySequence(tr("Ctrl+E")), [this] { exportSelected(); }, m_studiesPage);
    file->addSeparator();
    // Only from the study list: in a viewer tab the selection is out of sight.
    action(file, tr("&Delete Study…"), QKeySequence(tr("Shift+Del")), [this] { deleteSelected(); }, m_studiesPage);
    file->addSeparator();
    QAction *settings = action(file, tr("&Settings…"), QKeySequence(tr("Ctrl+,")), [this] { showSettings(); });
    settings->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction *quit = action(file, tr("&Quit"), QKeySequence(tr("Ctrl+Q")), [this] { close(); });
    quit->setMenuRole(QAction::QuitRole);

    QMenu *reading = menuBar()->addMenu(tr("&Reading"));
    action(reading, tr("&Open in Viewer"), QKeySequence(tr("Ctrl+O")), [this] {
        for (const QString &uid : selectedStudies())
            openStudy(uid);
    });
    reading->addSeparator();
    action(reading, tr("Mark &Unread"), QKeySequence(tr("Ctrl+0")),
           [this] { setReadingStatus(archive::ReadingStatus::Unread); });
    action(reading, tr("Mark &In Progress"), QKeySequence(tr("Ctrl+1")),
           [this] { setReadingStatus(archive::ReadingStatus::InProgress); });
    action(reading, tr("Mark &Reported"), QKeySequence(tr("Ctrl+2")),
           [this] { setReadingStatus(archive::ReadingStatus::Reported); });
    action(reading, tr("Mark &Final"), QKeySequence(tr("Ctrl+3")),
           [this] { setReadingStatus(archive::ReadingStatus::Final); });
    action(reading, tr("Toggle &STAT"), QKeySequence(tr("Ctrl+T")), [this] { toggleStat(); });
    reading->addSeparator();
    action(reading, tr("Assign to &Me"), QKeySequence(tr("Ctrl+M")), [this] {
        m_model->assignReader(selectedStudies(), m_user);
    });
    action(reading, tr("&Assign to…"), QKeySequence(tr("Ctrl+Shift+M")), [this] { assignSelected(); });
    // Ctrl+W closes the study tab, as everywhere else.
    action(reading, tr("My &Worklist"), QKeySequence(tr("Ctrl+L")), [this] {
        m_tabs->setCurrentIndex(0);
        m_browser->setMyWorklist(!m_model->assignedFilter().isEmpty() ? false : true);
    });
    reading->addSeparator();
    action(reading, tr("Fetch &Priors"), QKeySequence(tr("Ctrl+P")), [this] { priorsOfSelected(); });
    reading->addSeparator();
    // The node's web viewer (docs/webviewer.md), from the study list only.
    action(reading, tr("Open in &Web Viewer"), QKeySequence(tr("Ctrl+Shift+O")), [this] {
        const QStringList uids = selectedStudies();
        if (!uids.isEmpty())
            openInWebViewer(this, *m_archive, uids.first());
    }, m_studiesPage);
    action(reading, tr("S&hare Link…"), QKeySequence(tr("Ctrl+Shift+K")), [this] {
        const QStringList uids = selectedStudies();
        if (uids.isEmpty()) {
            statusBar()->showMessage(tr("Select the study to share first."), 5000);
            return;
        }
        auto *dialog = new ShareLinkDialog(m_archive, uids.first(), m_user, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    }, m_studiesPage);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    // Ctrl+Alt+digit: Alt+digit chooses the viewer's layout.
    action(view, tr("&Studies"), QKeySequence(tr("Ctrl+Alt+1")), [this] { m_tabs->setCurrentIndex(0); });
    action(view, tr("&Query/Retrieve"), QKeySequence(tr("Ctrl+Alt+2")), [this] { m_tabs->setCurrentIndex(1); });
    action(view, tr("&Worklist"), QKeySequence(tr("Ctrl+Alt+3")), [this] { m_tabs->setCurrentWidget(m_worklist); });
    action(view, tr("&Node Status"), QKeySequence(tr("Ctrl+Alt+4")), [this] { m_tabs->setCurrentWidget(m_nodeStatus); });
    view->addSeparator();
    action(view, tr("&Find Patient"), QKeySequence(tr("Ctrl+F")), [this] {
        m_tabs->setCurrentIndex(0);
        m_browser->setFocus();
    });
    // F5 is the viewer's 2D mode.
    action(view, tr("&Refresh"), QKeySequence(tr("Ctrl+R")), [this] { refresh(); });
    action(view, tr("&Light Theme"), QKeySequence(tr("Ctrl+Shift+L")), [] {
        QSettings s;
        const bool light = s.value(QStringLiteral("ui/theme")).toString() != QLatin1String("light");
        s.setValue(QStringLiteral("ui/theme"), light ? QStringLiteral("light") : QStringLiteral("dark"));
        widgets::applyTheme(*qApp, light ? widgets::Theme::Light : widgets::Theme::Dark);
    });
    view->addSeparator();
    for (QAction *a : {m_layout->measurementsAction(), m_layout->reportAction(), m_layout->detachAction(),
                       m_layout->fullScreenAction()}) {
        a->setShortcutVisibleInContextMenu(true);
        view->addAction(a);
        addAction(a);
        m_helpRows.append({a->shortcut().toString(QKeySequence::NativeText), a->text().remove(QLatin1Char('&'))});
    }
    m_helpRows.append({QKeySequence(Qt::Key_Escape).toString(QKeySequence::NativeText), tr("Leave full screen")});
    view->addSeparator();
    QAction *close = action(view, tr("&Close Viewer Tab"), QKeySequence(tr("Ctrl+W")), [this] {
        if (m_tabs->currentIndex() >= kFixedTabs)
            Q_EMIT m_tabs->tabCloseRequested(m_tabs->currentIndex());
    });
    close->setShortcuts({QKeySequence(tr("Ctrl+W")), QKeySequence(tr("Ctrl+F4"))});

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Kilima"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::about);
}

QStringList MainWindow::selectedStudies() const
{
    QStringList uids;
    const auto rows = m_browser->view()->selectionModel()->selectedRows();
    for (const QModelIndex &i : rows) {
        const QString uid = i.data(browser::StudyListModel::StudyInstanceUidRole).toString();
        if (!uid.isEmpty())
            uids << uid;
    }
    if (uids.isEmpty()) {
        const QString uid =
            m_browser->view()->currentIndex().data(browser::StudyListModel::StudyInstanceUidRole).toString();
        if (!uid.isEmpty())
            uids << uid;
    }
    return uids;
}

void MainWindow::setReadingStatus(archive::ReadingStatus status)
{
    const QStringList uids = selectedStudies();
    if (uids.isEmpty()) {
        statusBar()->showMessage(tr("Select a study first."), 5000);
        return;
    }
    m_model->setReadingStatus(uids, status);
    statusBar()->showMessage(tr("%1: %2").arg(browser::StudyListModel::statusName(int(status))).arg(uids.size()), 3000);
}

void MainWindow::toggleStat()
{
    const QModelIndex current = m_browser->view()->currentIndex();
    if (!current.isValid())
        return;
    m_model->setStat(selectedStudies(), !current.data(browser::StudyListModel::StatRole).toBool());
}

void MainWindow::assignSelected()
{
    const QStringList uids = selectedStudies();
    if (uids.isEmpty())
        return;
    bool ok = false;
    const QString reader = QInputDialog::getText(this, tr("Assign"), tr("Reader (empty to unassign):"),
                                                 QLineEdit::Normal, m_user, &ok);
    if (ok)
        m_model->assignReader(uids, reader.trimmed());
}

void MainWindow::priorsOfSelected()
{
    const QModelIndex current = m_browser->view()->currentIndex();
    const QString patientId = current.data(browser::StudyListModel::PatientIdRole).toString();
    if (patientId.isEmpty()) {
        statusBar()->showMessage(tr("Select a study first: its patient's priors are searched."), 5000);
        return;
    }
    m_tabs->setCurrentWidget(m_queryRetrieve);
    m_queryRetrieve->searchPriors(patientId);
}

void MainWindow::openStudy(const QString &studyUid)
{
    if (studyUid.isEmpty())
        return;
    for (int i = kFixedTabs; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i)->property("studyUid").toString() == studyUid) {
            m_tabs->setCurrentIndex(i);
            return;
        }
    }
    const QModelIndex current = m_browser->view()->currentIndex();
    QString title = current.isValid() ? m_model->data(m_model->index(current.row(), 0)).toString() : QString();
    if (title.isEmpty())
        title = tr("Study");
    // The report panel sits beside the viewer (docs/reporting.md), or in its
    // own window (ReadingLayout).
    // The first OpenGL view in the window makes Qt recreate the native
    // window, which then is no longer the active one: the keys a reader
    // presses next would go nowhere until a click. Take activation back.
    const bool wasActive = isActiveWindow();
    // Parented at once: a parentless widget would be a window of its own.
    auto *viewer = new viewer::StudyViewer(*m_archive, m_tabs);
    auto *report = new reportui::ReportPanel(*m_archive, m_tabs);
    // The signer and the audit log name the signed-in person.
    report->setUser(m_user, m_fullName);
    viewer->setUser(m_user);
    viewer->addHelpRows(m_helpRows);
    QWidget *page = m_layout->createPage(viewer, report);
    connect(report, &reportui::ReportPanel::statusChanged, this, [this] { refresh(); });
    // The first images arrive after the tab opens: the keyboard goes to
    // them unless the reader has moved on (typing the report, another tab).
    connect(viewer, &viewer::StudyViewer::studyLoaded, this, [this, page, report] {
        QWidget *focus = QApplication::focusWidget();
        if (m_tabs->currentWidget() == page && (!focus || !report->isAncestorOf(focus)))
            m_layout->focusViewer(page);
    });
    page->setProperty("studyUid", studyUid);
    const int index = m_tabs->addTab(page, title);
    m_tabs->setCurrentIndex(index);
    viewer->openStudy(studyUid);
    report->openStudy(studyUid);
    if (wasActive)
        activateWindow();
    m_layout->focusViewer(page);
    // Opening a study starts reading it.
    if (current.isValid() && current.data(browser::StudyListModel::ReadingStatusRole).toInt() ==
                                 int(archive::ReadingStatus::Unread))
        m_model->setReadingStatus({studyUid}, archive::ReadingStatus::InProgress);
}

void MainWindow::refresh()
{
    m_model->refresh();
}

void MainWindow::scheduleRefresh()
{
    if (!m_refreshTimer->isActive())
        m_refreshTimer->start();
}

void MainWindow::updateStats()
{
    if (m_statsPending)
        return;
    m_statsPending = true;
    auto *watcher = new QFutureWatcher<core::Result<archive::Stats>>(this);
    connect(watcher, &QFutureWatcher<core::Result<archive::Stats>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_statsPending = false;
        const core::Result<archive::Stats> stats = watcher->result();
        if (!stats) {
            m_stats->setText(tr("Archive statistics unavailable: %1").arg(stats.error()));
            return;
        }
        const archive::Stats &s = stats.value();
        const QLocale locale;
        m_stats->setText(tr("Patients: %1 · Studies: %2 · Series: %3 · Images: %4 · Stored: %5")
                             .arg(locale.toString(s.patients), locale.toString(s.studies),
                                  locale.toString(s.series), locale.toString(s.instances),
                                  locale.formattedDataSize(s.storedBytes)));
    });
    std::shared_ptr<archive::Archive> archive = m_archive;
    watcher->setFuture(QtConcurrent::run([archive] { return archive->stats(); }));
}

void MainWindow::chooseImportFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Import Folder"), QDir::homePath());
    if (!folder.isEmpty())
        importPaths({folder});
}

void MainWindow::chooseDicomDir()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Import DICOMDIR"), QStringLiteral("/media"),
                                                      tr("DICOMDIR (DICOMDIR dicomdir);;All files (*)"));
    if (!file.isEmpty())
        importPaths({file});
}

void MainWindow::importPaths(const QStringList &paths)
{
    if (m_importDialog && m_importDialog->isRunning()) {
        m_importDialog->raise();
        return;
    }
    if (m_importDialog)
        m_importDialog->deleteLater();
    m_importDialog = new browser::ImportDialog(m_archive, this);
    connect(m_importDialog, &browser::ImportDialog::finished, this, [this](int imported) {
        if (imported > 0)
            refresh();
        statusBar()->showMessage(browser::ImportDialog::describe(m_importDialog->result()), 10000);
    });
    m_importDialog->show();
    m_importDialog->start(paths);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    if (!paths.isEmpty()) {
        event->acceptProposedAction();
        importPaths(paths);
    }
}

void MainWindow::exportSelected()
{
    const QStringList uids = selectedStudies();
    if (uids.isEmpty()) {
        statusBar()->showMessage(tr("Select the studies to export first."), 5000);
        return;
    }
    auto *dialog = new ExportDialog(m_archive, archive::Level::Study, uids, m_user, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::deleteSelected()
{
    const QStringList uids = selectedStudies();
    if (uids.isEmpty())
        return;
    const QModelIndex current = m_browser->view()->currentIndex();
    const QString who = m_model->data(m_model->index(current.row(), 0)).toString();
    const QString text = uids.size() == 1
                             ? tr("Delete the study of %1 from this workstation's archive?\nThe images are removed "
                                  "for every workstation that uses this node; this cannot be undone.").arg(who)
                             : tr("Delete %1 studies from this workstation's archive?\nThe images are removed for "
                                  "every workstation that uses this node; this cannot be undone.").arg(uids.size());
    if (QMessageBox::warning(this, tr("Delete"), text, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) !=
        QMessageBox::Yes)
        return;
    std::shared_ptr<archive::Archive> archive = m_archive;
    const QString user = m_user;
    auto *w = new QFutureWatcher<QString>(this);
    connect(w, &QFutureWatcher<QString>::finished, this, [this, w] {
        w->deleteLater();
        if (!w->result().isEmpty())
            QMessageBox::warning(this, tr("Delete"), w->result());
        refresh();
    });
    w->setFuture(QtConcurrent::run([archive, uids, user] {
        archive::ReadingList reading(archive->databasePath(), archive->auditLog());
        for (const QString &uid : uids) {
            auto r = archive->remove(archive::Level::Study, uid);
            archive::AuditRecord rec;
            rec.actor = user;
            rec.action = QStringLiteral("delete");
            rec.studyUid = uid;
            rec.outcome = r ? QStringLiteral("success") : QStringLiteral("failure");
            rec.detail = r ? QStringLiteral("%1 images").arg(r.value()) : r.error();
            archive->auditLog().append(rec);
            if (!r)
                return QObject::tr("The study could not be deleted: %1").arg(r.error());
            reading.forget(uid);
        }
        return QString();
    }));
}

QDialog *MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(m_archive, m_config, m_configFile, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::saved, this, [this, dialog] {
        const QString oldLanguage = QSettings().value(QStringLiteral("ui/language.applied")).toString();
        m_config = dialog->config();
        widgets::Theme theme = widgets::Theme::Dark;
        widgets::themeFromString(dialog->theme(), &theme);
        widgets::applyTheme(*qApp, theme);
        m_queryRetrieve->reloadNodes();
        QString note = tr("Settings saved.");
        if (dialog->language() != oldLanguage)
            note += QLatin1Char(' ') + tr("The new language applies from the next start.");
        if (m_node && m_node->isRunning())
            note += QLatin1Char(' ') + tr("Restart the node (Node status) for node changes to apply.");
        statusBar()->showMessage(note, 10000);
    });
    dialog->show();
    return dialog;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_importDialog && m_importDialog->isRunning()) {
        const auto answer = QMessageBox::question(
            this, tr("Import in progress"),
            tr("An import is still running. Quit anyway? Files imported so far stay in the archive."),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
    }
    QSettings().setValue(QStringLiteral("ui/mainWindowGeometry"), saveGeometry());
    event->accept();
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About Kilima"),
                       tr("<h3>Kilima %1</h3><p>Diagnostic workstation with an embedded PACS node.</p>"
                          "<p>Licensed under the Apache License 2.0.</p>")
                           .arg(QCoreApplication::applicationVersion()));
}

} // namespace kilima::workstation
