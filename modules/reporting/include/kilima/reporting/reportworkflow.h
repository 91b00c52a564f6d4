// What a radiologist does with a report, as one service over the archive:
// create a draft from a template (study fields filled in), save it, make it
// preliminary, sign it with the password (final, immutable), add addenda,
// render the PDF. Signing stores an Encapsulated PDF, a TID 2000 SR and a
// Key Object Selection in the report's study through Archive::ingest, so
// they are found, served, routed and synced like any instance. The reading
// worklist follows: draft -> in progress, preliminary -> reported,
// final -> final. Every step is audited. Blocking (disk, PBKDF2, PDF
// layout): call it off the UI thread where it matters.
#pragma once

#include <kilima/core/result.h>
#include <kilima/reporting/dicomreport.h>
#include <kilima/reporting/draftjournal.h>
#include <kilima/reporting/pdfexport.h>
#include <kilima/reporting/report.h>
#include <kilima/reporting/reportstore.h>
#include <kilima/reporting/templates.h>

#include <memory>

namespace kilima::archive {
class Archive;
}

namespace kilima::reporting {

class ReportWorkflow {
public:
    explicit ReportWorkflow(archive::Archive &archive);
    ~ReportWorkflow();

    QString openError() const { return m_store->openError(); }
    archive::Archive &archive() const { return m_archive; }
    ReportStore &store() const { return *m_store; }
    TemplateLibrary &templates() const { return *m_templates; }
    DraftJournal &journal() const { return *m_journal; }
    ReportSettings settings() const;
    // <data-dir>/reporting
    QString reportingDir() const;

    // Patient/study attributes from one of the study's instances.
    core::Result<StudyHeader> studyHeader(const QString &studyUid) const;

    // A new draft for the study (not yet stored): study fields filled in,
    // the template applied (`templateId` empty: the best match, if any),
    // the viewer's measurements and key images linked.
    core::Result<Report> newDraft(const QString &studyUid, const QString &user, const QString &templateId = QString()) const;
    // Replaces the report's linked measurements and key images with the
    // study's current annotations (the viewer's).
    void linkAnnotations(Report &report) const;

    core::Result<Report> saveDraft(const Report &report, const QString &user);
    // The reader started typing a draft: the worklist shows "in progress"
    // (a study already reported or final is left as it is).
    void markInProgress(const QString &studyUid, const QString &user) const;
    core::Result<Report> makePreliminary(const Report &report, const QString &user);
    // Checks the password of `user`, then stores the PDF, SR and KOS and
    // makes the report final. Nothing changes when any step fails.
    core::Result<Report> sign(const Report &report, const QString &user, const QString &password);
    // A correction of a final report: the original stays, the addendum is
    // appended, and an amended SR and PDF are stored (the SR names the
    // previous one as its predecessor).
    core::Result<Report> addAddendum(qint64 reportId, const QString &text, const QString &user, const QString &password);

    // Audits that `user` looked at the study's report (the panel opening it).
    void auditView(const QString &studyUid, const QString &user) const;

    QList<RenderedKeyImage> renderKeyImages(const Report &report) const;
    // The PDF of the report as it stands; audited as an export by `user`.
    core::Result<QByteArray> exportPdf(const Report &report, const QString &user) const;

private:
    core::Status verifySigner(const QString &user, const QString &password, const QString &studyUid) const;
    core::Status storeObjects(Report &report, const QString &user, const QString &predecessorSr,
                              const QString &predecessorSeries, bool writeKos);
    void completeReferences(Report &report) const;
    void setReading(const QString &studyUid, ReportStatus status, const QString &user) const;
    void audit(const QString &user, const QString &action, const QString &studyUid, const QString &outcome,
               const QString &detail) const;

    archive::Archive &m_archive;
    std::unique_ptr<ReportStore> m_store;
    std::unique_ptr<TemplateLibrary> m_templates;
    std::unique_ptr<DraftJournal> m_journal;
};

} // namespace kilima::reporting
