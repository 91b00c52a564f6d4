// The report panel that sits beside the viewer: one study's report with its
// five sections (rich text), structured items, the viewer's measurements
// and key images, template choice, macros (type ".key" then space or tab),
// status actions (save draft, preliminary, sign with password, addendum),
// PDF export and printing. Typed text is journalled to disk within seconds
// (reporting::Autosaver) and recovered when the study is opened again after
// a crash. A final report is shown read-only; corrections are addenda.
#pragma once

#include <kilima/reporting/report.h>

#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QPrinter;
class QPushButton;
class QTableWidget;
class QTextEdit;

namespace kilima::archive {
class Archive;
}
namespace kilima::reporting {
class Autosaver;
class ReportWorkflow;
}

namespace kilima::reportui {

class ReportPanel : public QWidget {
    Q_OBJECT
public:
    explicit ReportPanel(archive::Archive &archive, QWidget *parent = nullptr);
    ~ReportPanel() override;

    // The signed-in reader: author of drafts, the account asked for the
    // password on signing. Defaults to $USER.
    void setUser(const QString &userName, const QString &displayName = QString());
    QString user() const { return m_user; }

    // Shows the study's latest report; a draft left by a crash (journal) is
    // recovered; a study without a report gets a new draft from the best
    // matching template. False (lastError()) when the study is unknown.
    bool openStudy(const QString &studyUid);
    QString studyUid() const;
    bool recoveredFromJournal() const { return m_recovered; }
    // Studies with a draft journalled but never saved (left by a crash):
    // the workstation offers them at start; openStudy() recovers each.
    QStringList pendingDrafts() const;

    // The report as it stands in the editors (unsaved edits included).
    reporting::Report report() const;
    QTextEdit *sectionEditor(const QString &key) const;
    QStringList templateIds() const;

    // The actions behind the buttons, without dialogs (automation, tests).
    // Switches to `templateId` (empty: the blank structure): the previous
    // template's own text and unchanged items are replaced, typed section
    // text and added items stay; items of the old template the reader
    // edited stay when `keepEditedItems` (the button asks first).
    bool applyTemplate(const QString &templateId, bool keepEditedItems = true);
    // What the panel tells the reader about the template: the one chosen and
    // why, or that none matched and a choice is needed.
    QString templateHint() const;
    bool saveDraft();
    bool makePreliminary();
    bool sign(const QString &password);
    // The same on a worker thread (PBKDF2, PDF layout, three fsynced
    // ingests): the UI stays responsive; signFinished(ok) follows.
    void signInBackground(const QString &password);
    bool isBusy() const { return m_busy; }
    bool addAddendum(const QString &text, const QString &password);
    bool exportPdf(const QString &path);
    // Prints the report (same layout as the PDF) on `printer`, e.g. one
    // chosen in the system print dialog behind the Print button.
    bool print(QPrinter &printer);
    // The current sections and structured items as a user template (a
    // built-in of the same id is overridden), and a new macro ".key".
    bool saveAsTemplate(const QString &templateId, const QString &name);
    bool addMacro(const QString &key, const QString &text);
    // Re-reads the viewer's measurements and key images for the study.
    void refreshAnnotations();
    // Writes the journal now (also happens by itself while typing).
    bool flushAutosave();
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void statusChanged(kilima::reporting::ReportStatus status);
    void signFinished(bool ok);
    void reportSigned(const QString &studyUid);
    void message(const QString &text);

private:
    void buildUi();
    void showReport(const reporting::Report &report);
    void updateState();
    void editorChanged();
    bool expandMacroAtCursor(QTextEdit *edit);
    bool eventFilter(QObject *watched, QEvent *event) override;
    bool fail(const QString &message);
    void onSignClicked();
    void onAddendumClicked();
    void onExportClicked();
    void onPrintClicked();
    void onSaveTemplateClicked();
    void onAddMacroClicked();
    void reloadTemplates();
    void onApplyTemplateClicked();
    void updateTemplateHint();

    archive::Archive &m_archive;
    std::unique_ptr<reporting::ReportWorkflow> m_workflow;
    std::unique_ptr<reporting::Autosaver> m_autosaver;
    reporting::Report m_report;
    QString m_user;
    QString m_userDisplay;
    QString m_lastError;
    bool m_recovered = false;
    bool m_loading = false;
    bool m_readingMarked = false;
    bool m_busy = false;

    QLabel *m_header = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_autosaveLabel = nullptr;
    QComboBox *m_templates = nullptr;
    QLabel *m_templateHint = nullptr;
    QList<QPair<QString, QTextEdit *>> m_editors;
    QTableWidget *m_items = nullptr;
    QTableWidget *m_measurements = nullptr;
    QLabel *m_keyImages = nullptr;
    QLabel *m_addenda = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_prelimButton = nullptr;
    QPushButton *m_signButton = nullptr;
    QPushButton *m_addendumButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QPushButton *m_printButton = nullptr;
    QPushButton *m_templateButton = nullptr;
};

} // namespace kilima::reportui
