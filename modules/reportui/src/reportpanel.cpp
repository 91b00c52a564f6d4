#include <kilima/reportui/reportpanel.h>

#include <kilima/archive/archive.h>
#include <kilima/dicom/units.h>
#include <kilima/reporting/draftjournal.h>
#include <kilima/reporting/pdfexport.h>
#include <kilima/reporting/reportworkflow.h>

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScrollArea>
#include <QTableWidget>
#include <QTextBlock>
#include <QThread>
#include <QTextCursor>
#include <QTextEdit>
#include <QVBoxLayout>

namespace kilima::reportui {

using namespace kilima::reporting;

ReportPanel::ReportPanel(archive::Archive &archive, QWidget *parent)
    : QWidget(parent), m_archive(archive), m_workflow(std::make_unique<ReportWorkflow>(archive))
{
    m_user = qEnvironmentVariable("USER");
    m_autosaver = std::make_unique<Autosaver>(&m_workflow->journal(), [this] { return report(); }, nullptr);
    connect(m_autosaver.get(), &Autosaver::saved, this, [this](const QDateTime &at) {
        m_autosaveLabel->setText(tr("Draft autosaved %1").arg(at.toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
    });
    connect(m_autosaver.get(), &Autosaver::failed, this, [this](const QString &msg) {
        m_autosaveLabel->setText(tr("Autosave failed: %1").arg(msg));
        Q_EMIT message(msg);
    });
    buildUi();
    updateState();
}

ReportPanel::~ReportPanel()
{
    // A sign-off in flight finishes before the workflow goes away.
    for (QThread *t : findChildren<QThread *>())
        t->wait();
    // Whatever is typed and not saved stays in the journal for next time.
    if (m_autosaver)
        m_autosaver->flush();
}

void ReportPanel::setUser(const QString &userName, const QString &displayName)
{
    m_user = userName;
    m_userDisplay = displayName;
}

void ReportPanel::buildUi()
{
    auto *outer = new QVBoxLayout(this);
    m_header = new QLabel(tr("No study"), this);
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    outer->addWidget(m_header);

    auto *tplRow = new QHBoxLayout;
    m_templates = new QComboBox(this);
    m_templates->setObjectName(QStringLiteral("templates"));
    m_templateButton = new QPushButton(tr("Apply template"), this);
    connect(m_templateButton, &QPushButton::clicked, this, &ReportPanel::onApplyTemplateClicked);
    auto *saveTemplate = new QPushButton(tr("Save as template…"), this);
    connect(saveTemplate, &QPushButton::clicked, this, &ReportPanel::onSaveTemplateClicked);
    auto *addMacroButton = new QPushButton(tr("New macro…"), this);
    connect(addMacroButton, &QPushButton::clicked, this, &ReportPanel::onAddMacroClicked);
    tplRow->addWidget(new QLabel(tr("Template:"), this));
    tplRow->addWidget(m_templates, 1);
    tplRow->addWidget(m_templateButton);
    tplRow->addWidget(saveTemplate);
    tplRow->addWidget(addMacroButton);
    reloadTemplates();
    outer->addLayout(tplRow);
    m_templateHint = new QLabel(this);
    m_templateHint->setObjectName(QStringLiteral("templateHint"));
    m_templateHint->setWordWrap(true);
    outer->addWidget(m_templateHint);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto *page = new QWidget(scroll);
    auto *form = new QVBoxLayout(page);
    for (const QString &key : sectionKeys()) {
        auto *title = new QLabel(QStringLiteral("<b>%1</b>").arg(sectionTitle(key)), page);
        auto *edit = new QTextEdit(page);
        edit->setObjectName(key);
        edit->setAcceptRichText(true);
        edit->setMinimumHeight(key == QLatin1String("findings") ? 160 : 70);
        edit->setToolTip(tr("Type .key and space to insert a macro (e.g. .nad)"));
        edit->installEventFilter(this);
        connect(edit, &QTextEdit::textChanged, this, &ReportPanel::editorChanged);
        form->addWidget(title);
        form->addWidget(edit);
        m_editors.append({key, edit});
    }
    form->addWidget(new QLabel(tr("<b>Structured findings</b>"), page));
    m_items = new QTableWidget(0, 3, page);
    m_items->setHorizontalHeaderLabels({tr("Section"), tr("Item"), tr("Value")});
    m_items->horizontalHeader()->setStretchLastSection(true);
    m_items->setMinimumHeight(120);
    connect(m_items, &QTableWidget::itemChanged, this, &ReportPanel::editorChanged);
    form->addWidget(m_items);
    form->addWidget(new QLabel(tr("<b>Measurements</b> (from the viewer)"), page));
    m_measurements = new QTableWidget(0, 3, page);
    m_measurements->setHorizontalHeaderLabels({tr("Measurement"), tr("Value"), tr("Unit")});
    m_measurements->horizontalHeader()->setStretchLastSection(true);
    m_measurements->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_measurements->setMinimumHeight(90);
    form->addWidget(m_measurements);
    m_keyImages = new QLabel(page);
    form->addWidget(m_keyImages);
    auto *refresh = new QPushButton(tr("Link the viewer's measurements and key images"), page);
    connect(refresh, &QPushButton::clicked, this, &ReportPanel::refreshAnnotations);
    form->addWidget(refresh);
    m_addenda = new QLabel(page);
    m_addenda->setWordWrap(true);
    form->addWidget(m_addenda);
    form->addStretch();
    scroll->setWidget(page);
    outer->addWidget(scroll, 1);

    m_status = new QLabel(this);
    m_autosaveLabel = new QLabel(this);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_autosaveLabel);
    outer->addLayout(statusRow);

    auto *buttons = new QHBoxLayout;
    m_saveButton = new QPushButton(tr("Save draft"), this);
    m_prelimButton = new QPushButton(tr("Preliminary"), this);
    m_signButton = new QPushButton(tr("Sign…"), this);
    m_addendumButton = new QPushButton(tr("Addendum…"), this);
    m_exportButton = new QPushButton(tr("PDF…"), this);
    m_printButton = new QPushButton(tr("Print…"), this);
    for (QPushButton *b : {m_saveButton, m_prelimButton, m_signButton, m_addendumButton, m_exportButton, m_printButton})
        buttons->addWidget(b);
    outer->addLayout(buttons);
    connect(m_saveButton, &QPushButton::clicked, this, [this] { saveDraft(); });
    connect(m_prelimButton, &QPushButton::clicked, this, [this] { makePreliminary(); });
    connect(m_signButton, &QPushButton::clicked, this, &ReportPanel::onSignClicked);
    connect(m_addendumButton, &QPushButton::clicked, this, &ReportPanel::onAddendumClicked);
    connect(m_exportButton, &QPushButton::clicked, this, &ReportPanel::onExportClicked);
    connect(m_printButton, &QPushButton::clicked, this, &ReportPanel::onPrintClicked);
}

QStringList ReportPanel::pendingDrafts() const
{
    return m_workflow->journal().pendingStudies();
}

QString ReportPanel::studyUid() const
{
    return m_report.studyUid;
}

QTextEdit *ReportPanel::sectionEditor(const QString &key) const
{
    for (const auto &e : m_editors) {
        if (e.first == key)
            return e.second;
    }
    return nullptr;
}

QStringList ReportPanel::templateIds() const
{
    QStringList ids;
    for (const ReportTemplate &t : m_workflow->templates().templates())
        ids << t.id;
    return ids;
}

bool ReportPanel::fail(const QString &msg)
{
    m_lastError = msg;
    Q_EMIT message(msg);
    m_status->setText(QStringLiteral("<span style=\"color:#c0392b;\">%1</span>").arg(msg.toHtmlEscaped()));
    return false;
}

bool ReportPanel::openStudy(const QString &studyUid)
{
    m_autosaver->flush();
    m_recovered = false;
    m_readingMarked = false;
    m_lastError.clear();
    Report r;
    auto latest = m_workflow->store().latest(studyUid);
    const bool journalled = m_workflow->journal().has(studyUid);
    if (journalled && (!latest || latest.value().status != ReportStatus::Final)) {
        // A draft typed but never saved: the program or the machine died.
        auto j = m_workflow->journal().read(studyUid);
        if (j) {
            r = j.take();
            if (latest && r.id == 0)
                r.id = latest.value().id;
            m_recovered = true;
        }
    }
    if (!m_recovered) {
        if (latest) {
            r = latest.take();
        } else {
            auto draft = m_workflow->newDraft(studyUid, m_user);
            if (!draft)
                return fail(draft.error());
            r = draft.take();
            r.authorDisplayName = m_userDisplay;
        }
    }
    showReport(r);
    m_workflow->auditView(studyUid, m_user);
    if (m_recovered) {
        m_status->setText(tr("Recovered the unsaved draft journalled at %1")
                              .arg(m_workflow->journal().savedAt(studyUid).toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
        Q_EMIT message(m_status->text());
    }
    return true;
}

void ReportPanel::showReport(const Report &r)
{
    m_loading = true;
    m_report = r;
    const StudyFields &s = r.study;
    m_header->setText(QStringLiteral("<b>%1</b> · %2 · %3 · %4 %5<br/>%6")
                          .arg(StudyFields::displayName(s.patientName).toHtmlEscaped(), s.patientId.toHtmlEscaped(),
                               StudyFields::displayDate(s.studyDate), s.modality.toHtmlEscaped(), s.studyDescription.toHtmlEscaped(),
                               s.accessionNumber.isEmpty() ? QString() : tr("Accession %1").arg(s.accessionNumber.toHtmlEscaped())));
    for (const auto &e : m_editors) {
        const Section *sec = r.section(e.first);
        if (sec && !sec->html.isEmpty())
            e.second->setHtml(sec->html);
        else
            e.second->setPlainText(sec ? sec->text : QString());
    }
    m_items->setRowCount(0);
    for (const StructuredItem &i : r.items) {
        const int row = m_items->rowCount();
        m_items->insertRow(row);
        auto *sec = new QTableWidgetItem(sectionTitle(i.section));
        sec->setData(Qt::UserRole, i.section);
        sec->setFlags(sec->flags() & ~Qt::ItemIsEditable);
        auto *name = new QTableWidgetItem(i.name);
        name->setFlags(name->flags() & ~Qt::ItemIsEditable);
        m_items->setItem(row, 0, sec);
        m_items->setItem(row, 1, name);
        m_items->setItem(row, 2, new QTableWidgetItem(i.value));
    }
    m_measurements->setRowCount(0);
    for (const Measurement &m : r.measurements) {
        const int row = m_measurements->rowCount();
        m_measurements->insertRow(row);
        m_measurements->setItem(row, 0, new QTableWidgetItem(m.label));
        m_measurements->setItem(row, 1, new QTableWidgetItem(QString::number(m.value)));
        m_measurements->setItem(row, 2, new QTableWidgetItem(dicom::unitText(m.unit)));
    }
    m_keyImages->setText(tr("%n key image(s) linked", nullptr, int(r.keyImages.size())));
    QStringList addenda;
    for (const Addendum &a : r.addenda)
        addenda << tr("<b>Addendum</b> by %1, %2: %3").arg(a.author.toHtmlEscaped(), a.signedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                                         a.text.toHtmlEscaped());
    m_addenda->setText(addenda.join(QStringLiteral("<br/>")));
    const int idx = m_templates->findData(r.templateId);
    if (idx >= 0)
        m_templates->setCurrentIndex(idx);
    updateTemplateHint();
    m_loading = false;
    updateState();
}

Report ReportPanel::report() const
{
    Report r = m_report;
    for (const auto &e : m_editors)
        r.setSectionText(e.first, e.second->toPlainText(), e.second->document()->isEmpty() ? QString() : e.second->toHtml());
    r.items.clear();
    for (int row = 0; row < m_items->rowCount(); ++row) {
        r.items.append({m_items->item(row, 0)->data(Qt::UserRole).toString(), m_items->item(row, 1)->text(),
                        m_items->item(row, 2) ? m_items->item(row, 2)->text() : QString()});
    }
    if (r.author.isEmpty())
        r.author = m_user;
    if (r.authorDisplayName.isEmpty())
        r.authorDisplayName = m_userDisplay;
    return r;
}

void ReportPanel::updateState()
{
    const bool open = !m_report.studyUid.isEmpty();
    const bool final = m_report.status == ReportStatus::Final;
    for (const auto &e : m_editors)
        e.second->setReadOnly(!open || final);
    m_items->setEditTriggers(open && !final ? QAbstractItemView::AllEditTriggers : QAbstractItemView::NoEditTriggers);
    m_saveButton->setEnabled(open && !final);
    m_prelimButton->setEnabled(open && !final);
    m_signButton->setEnabled(open && !final);
    m_templateButton->setEnabled(open && !final);
    m_addendumButton->setEnabled(open && final);
    m_exportButton->setEnabled(open);
    m_printButton->setEnabled(open);
    m_autosaver->setEnabled(open && !final);
    if (!open) {
        m_status->setText(tr("No study open"));
        return;
    }
    QString text = tr("Status: %1").arg(toString(m_report.status));
    if (final)
        text += tr(" — signed by %1 on %2 (read-only; corrections as addenda)")
                    .arg(m_report.signedBy, m_report.signedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    m_status->setText(text);
}

void ReportPanel::editorChanged()
{
    if (m_loading || m_report.studyUid.isEmpty() || m_report.status == ReportStatus::Final)
        return;
    m_autosaver->changed();
    if (!m_readingMarked && m_report.status == ReportStatus::Draft) {
        // Typing starts the reading: the worklist shows "in progress" at once.
        m_readingMarked = true;
        m_workflow->markInProgress(m_report.studyUid, m_user);
    }
}

bool ReportPanel::flushAutosave()
{
    return m_autosaver->flush();
}

bool ReportPanel::expandMacroAtCursor(QTextEdit *edit)
{
    QTextCursor c = edit->textCursor();
    const QString block = c.block().text();
    const int pos = c.positionInBlock();
    int start = pos;
    while (start > 0 && !block.at(start - 1).isSpace())
        --start;
    const QString word = block.mid(start, pos - start);
    if (word.size() < 2 || !word.startsWith(QLatin1Char('.')))
        return false;
    const QString snippet = m_workflow->templates().expandMacro(word, m_report.templateId);
    if (snippet.isEmpty())
        return false;
    c.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, pos - start);
    c.insertText(snippet);
    edit->setTextCursor(c);
    return true;
}

bool ReportPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        auto *edit = qobject_cast<QTextEdit *>(watched);
        auto *key = static_cast<QKeyEvent *>(event);
        if (edit && !edit->isReadOnly() && (key->key() == Qt::Key_Space || key->key() == Qt::Key_Tab)) {
            if (expandMacroAtCursor(edit) && key->key() == Qt::Key_Tab)
                return true;   // Tab only completes the macro
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ReportPanel::refreshAnnotations()
{
    if (m_report.studyUid.isEmpty() || m_report.status == ReportStatus::Final)
        return;
    Report r = report();
    m_workflow->linkAnnotations(r);
    showReport(r);
    m_autosaver->changed();
}

bool ReportPanel::saveDraft()
{
    auto saved = m_workflow->saveDraft(report(), m_user);
    if (!saved)
        return fail(saved.error());
    m_autosaver->markClean();
    showReport(saved.value());
    m_status->setText(tr("Draft saved"));
    Q_EMIT statusChanged(saved.value().status);
    return true;
}

bool ReportPanel::makePreliminary()
{
    auto saved = m_workflow->makePreliminary(report(), m_user);
    if (!saved)
        return fail(saved.error());
    m_autosaver->markClean();
    showReport(saved.value());
    Q_EMIT statusChanged(ReportStatus::Preliminary);
    return true;
}

bool ReportPanel::sign(const QString &password)
{
    m_autosaver->flush();
    auto signedReport = m_workflow->sign(report(), m_user, password);
    if (!signedReport)
        return fail(signedReport.error());
    m_autosaver->markClean();
    showReport(signedReport.value());
    Q_EMIT statusChanged(ReportStatus::Final);
    Q_EMIT reportSigned(m_report.studyUid);
    return true;
}

bool ReportPanel::addAddendum(const QString &text, const QString &password)
{
    auto amended = m_workflow->addAddendum(m_report.id, text, m_user, password);
    if (!amended)
        return fail(amended.error());
    showReport(amended.value());
    return true;
}

bool ReportPanel::exportPdf(const QString &path)
{
    auto pdf = m_workflow->exportPdf(report(), m_user);
    if (!pdf)
        return fail(pdf.error());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(pdf.value()) != pdf.value().size() || !f.commit())
        return fail(tr("Cannot write %1: %2").arg(path, f.errorString()));
    return true;
}

void ReportPanel::signInBackground(const QString &password)
{
    if (m_busy)
        return;
    m_autosaver->flush();
    m_busy = true;
    setEnabled(false);
    m_status->setText(tr("Signing… (checking the password, writing the PDF, SR and key images into the study)"));
    auto result = std::make_shared<core::Result<Report>>(core::Error{QString()});
    const Report current = report();
    reporting::ReportWorkflow *workflow = m_workflow.get();
    const QString user = m_user;
    QThread *worker = QThread::create([result, current, workflow, user, password] { *result = workflow->sign(current, user, password); });
    worker->setParent(this);
    connect(worker, &QThread::finished, this, [this, worker, result] {
        worker->deleteLater();
        m_busy = false;
        setEnabled(true);
        if (!result->ok()) {
            fail(result->error());
            Q_EMIT signFinished(false);
            return;
        }
        m_autosaver->markClean();
        showReport(result->value());
        Q_EMIT statusChanged(ReportStatus::Final);
        Q_EMIT reportSigned(m_report.studyUid);
        Q_EMIT signFinished(true);
    });
    worker->start();
}

void ReportPanel::onSignClicked()
{
    bool ok = false;
    const QString password = QInputDialog::getText(this, tr("Sign report"),
                                                   tr("Signing makes the report final and stores it in the study.\n"
                                                      "Password of %1:").arg(m_user),
                                                   QLineEdit::Password, QString(), &ok);
    if (!ok)
        return;
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = connect(this, &ReportPanel::signFinished, this, [this, once](bool signedOk) {
        disconnect(*once);
        if (!signedOk)
            QMessageBox::warning(this, tr("Sign report"), m_lastError);
    });
    signInBackground(password);
}

void ReportPanel::onAddendumClicked()
{
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(this, tr("Addendum"), tr("Correction or addition (the signed report stays as it is):"),
                                                        QString(), &ok);
    if (!ok || text.trimmed().isEmpty())
        return;
    const QString password = QInputDialog::getText(this, tr("Sign addendum"), tr("Password of %1:").arg(m_user), QLineEdit::Password,
                                                   QString(), &ok);
    if (ok && !addAddendum(text, password))
        QMessageBox::warning(this, tr("Addendum"), m_lastError);
}

void ReportPanel::onExportClicked()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export report"), QStringLiteral("report.pdf"), tr("PDF (*.pdf)"));
    if (!path.isEmpty() && !exportPdf(path))
        QMessageBox::warning(this, tr("Export report"), m_lastError);
}

void ReportPanel::onPrintClicked()
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!print(printer))
        QMessageBox::warning(this, tr("Print report"), m_lastError);
}

bool ReportPanel::print(QPrinter &printer)
{
    const Report r = report();
    auto st = paintReport(printer, r, m_workflow->settings(), m_workflow->renderKeyImages(r));
    if (!st)
        return fail(st.error());
    if (printer.outputFormat() == QPrinter::PdfFormat && !printer.outputFileName().isEmpty()) {
        // "Print to file": the same text repair as the exported PDF, so that
        // the file's names and findings can be searched and copied.
        QFile f(printer.outputFileName());
        if (f.open(QIODevice::ReadWrite)) {
            QByteArray pdf = f.readAll();
            if (fixPdfTextMapping(pdf) > 0) {
                f.seek(0);
                f.write(pdf);
            }
        }
    }
    return true;
}

} // namespace kilima::reportui
