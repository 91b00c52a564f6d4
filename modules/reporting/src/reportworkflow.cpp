#include <kilima/reporting/reportworkflow.h>

#include <kilima/archive/annotations.h>
#include <kilima/archive/archive.h>
#include <kilima/archive/auditlog.h>
#include <kilima/archive/readingstatus.h>
#include <kilima/archive/users.h>
#include <kilima/dicom/attributes.h>
#include <kilima/dicom/dicomfile.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>

#include <QLoggingCategory>
#include <QRegularExpression>

namespace kilima::reporting {

Q_LOGGING_CATEGORY(lcReporting, "kilima.reporting")

namespace {

constexpr int kPdfSeriesNumber = 9901;
constexpr int kSrSeriesNumber = 9902;
constexpr int kKosSeriesNumber = 9903;

// "42.3 mm", "mean 35.2 HU, SD 4.1, area 120 mm²" -> kind, value, UCUM unit.
bool parseMeasurement(const archive::Measurement &a, Measurement *m)
{
    static const QRegularExpression mean(QStringLiteral("mean\\s*(-?\\d+(?:\\.\\d+)?)\\s*HU"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression number(QStringLiteral("(-?\\d+(?:\\.\\d+)?)\\s*(mm²|mm2|cm²|cm2|mm|cm|°|deg|HU)?"));
    m->label = a.label.isEmpty() ? a.kind : a.label;
    m->seriesUid = a.seriesUid;
    m->sopInstanceUid = a.sopUid;
    m->frame = a.frame;
    if (const auto mm = mean.match(a.valueText); mm.hasMatch()) {
        m->kind = MeasurementKind::Mean;
        m->value = mm.captured(1).toDouble();
        m->unit = QStringLiteral("[hnsf'U]");
        return true;
    }
    const auto nm = number.match(a.valueText);
    if (!nm.hasMatch())
        return false;
    m->value = nm.captured(1).toDouble();
    const QString unit = nm.captured(2);
    if (a.kind == QLatin1String("angle") || unit == QLatin1String("°") || unit == QLatin1String("deg")) {
        m->kind = MeasurementKind::Angle;
        m->unit = QStringLiteral("deg");
    } else if (unit.startsWith(QLatin1String("mm²")) || unit == QLatin1String("mm2")) {
        m->kind = MeasurementKind::Area;
        m->unit = QStringLiteral("mm2");
    } else if (unit == QLatin1String("cm²") || unit == QLatin1String("cm2")) {
        m->kind = MeasurementKind::Area;
        m->unit = QStringLiteral("cm2");
    } else if (unit == QLatin1String("HU")) {
        m->kind = MeasurementKind::Mean;
        m->unit = QStringLiteral("[hnsf'U]");
    } else if (unit == QLatin1String("mm") || unit == QLatin1String("cm")) {
        m->kind = MeasurementKind::Length;
        m->unit = unit;
    } else {
        m->kind = MeasurementKind::Other;
        m->unit = QString();
    }
    return true;
}

} // namespace

ReportWorkflow::ReportWorkflow(archive::Archive &archive)
    : m_archive(archive),
      m_store(std::make_unique<ReportStore>(archive.databasePath(), &archive.auditLog())),
      m_templates(std::make_unique<TemplateLibrary>(reportingDir() + QStringLiteral("/templates"))),
      m_journal(std::make_unique<DraftJournal>(reportingDir() + QStringLiteral("/journal")))
{
}

ReportWorkflow::~ReportWorkflow() = default;

QString ReportWorkflow::reportingDir() const
{
    return m_archive.dataDir().root() + QStringLiteral("/reporting");
}

ReportSettings ReportWorkflow::settings() const
{
    return ReportSettings::load(m_archive.dataDir().root());
}

core::Result<StudyHeader> ReportWorkflow::studyHeader(const QString &studyUid) const
{
    auto files = m_archive.instanceFiles(archive::Level::Study, studyUid);
    if (!files)
        return core::Error{files.error()};
    if (files.value().isEmpty())
        return core::Error{QStringLiteral("study %1 is not in the archive").arg(studyUid)};
    return StudyHeader::fromFile(files.value().first());
}

void ReportWorkflow::linkAnnotations(Report &report) const
{
    archive::Annotations annotations(m_archive.databasePath());
    if (auto ms = annotations.measurements(report.studyUid)) {
        report.measurements.clear();
        for (const archive::Measurement &a : ms.value()) {
            Measurement m;
            if (parseMeasurement(a, &m))
                report.measurements.append(m);
        }
    }
    if (auto ks = annotations.keyImages(report.studyUid)) {
        report.keyImages.clear();
        for (const archive::KeyImage &a : ks.value()) {
            KeyImage k;
            k.seriesUid = a.seriesUid;
            k.sopInstanceUid = a.sopUid;
            k.frame = a.frame;
            k.windowCenter = a.windowCenter;
            k.windowWidth = a.windowWidth;
            report.keyImages.append(k);
        }
    }
    completeReferences(report);
}

core::Result<Report> ReportWorkflow::newDraft(const QString &studyUid, const QString &user, const QString &templateId) const
{
    auto header = studyHeader(studyUid);
    if (!header)
        return core::Error{header.error()};
    StudyFields fields = header.value().fields();
    // Modalities in study from the index, when it knows them.
    archive::Query q;
    q.level = archive::Level::Study;
    q.keys.append({dicom::tagNumber(0x0020, 0x000D), studyUid});
    q.returnKeys = {dicom::tagNumber(0x0008, 0x0061)};
    if (auto rows = m_archive.query(q); rows && !rows.value().isEmpty()) {
        const auto it = rows.value().first().find(dicom::tagNumber(0x0008, 0x0061));
        if (it != rows.value().first().end() && !it->second.isEmpty())
            fields.modality = it->second;
    }
    // Every series' description, not only the first file's: a study whose
    // first series is a scout still matches on its other series.
    archive::Query sq;
    sq.level = archive::Level::Series;
    sq.keys.append({dicom::tagNumber(0x0020, 0x000D), studyUid});
    sq.returnKeys = {dicom::tagNumber(0x0008, 0x103E)};
    if (auto rows = m_archive.query(sq)) {
        for (const auto &row : rows.value()) {
            const auto it = row.find(dicom::tagNumber(0x0008, 0x103E));
            if (it != row.end() && !it->second.trimmed().isEmpty() && !fields.descriptions.contains(it->second.trimmed()))
                fields.descriptions.append(it->second.trimmed());
        }
    }
    Report r = Report::forStudy(fields);
    r.author = user;
    // No match: the blank structure, and the panel asks the reader to choose.
    const ReportTemplate *t = templateId.isEmpty() ? m_templates->bestMatch(fields) : m_templates->find(templateId);
    if (!templateId.isEmpty() && !t)
        return core::Error{QStringLiteral("no report template \"%1\"").arg(templateId)};
    if (t)
        TemplateLibrary::apply(*t, r);
    linkAnnotations(r);
    return r;
}

void ReportWorkflow::completeReferences(Report &report) const
{
    auto fill = [this](const QString &sop, QString *series, QString *sopClass) {
        if (sop.isEmpty() || (!series->isEmpty() && !sopClass->isEmpty()))
            return;
        auto files = m_archive.instanceFiles(archive::Level::Instance, sop);
        if (!files || files.value().isEmpty())
            return;
        auto f = dicom::DicomFile::load(files.value().first());
        if (!f)
            return;
        *series = dicom::stringValue(f.value().dataset(), DCM_SeriesInstanceUID);
        *sopClass = dicom::stringValue(f.value().dataset(), DCM_SOPClassUID);
    };
    for (KeyImage &k : report.keyImages)
        fill(k.sopInstanceUid, &k.seriesUid, &k.sopClassUid);
    for (Measurement &m : report.measurements)
        fill(m.sopInstanceUid, &m.seriesUid, &m.sopClassUid);
}

void ReportWorkflow::setReading(const QString &studyUid, ReportStatus status, const QString &user) const
{
    archive::ReadingList reading(m_archive.databasePath(), m_archive.auditLog());
    archive::ReadingStatus rs = archive::ReadingStatus::InProgress;
    if (status == ReportStatus::Preliminary)
        rs = archive::ReadingStatus::Reported;
    else if (status == ReportStatus::Final)
        rs = archive::ReadingStatus::Final;
    if (auto st = reading.setStatus(studyUid, rs, user); !st)
        qCWarning(lcReporting) << "reading status not updated:" << st.error();
}

void ReportWorkflow::audit(const QString &user, const QString &action, const QString &studyUid, const QString &outcome,
                           const QString &detail) const
{
    archive::AuditRecord rec;
    rec.time = QDateTime::currentDateTimeUtc();
    rec.actor = user;
    rec.action = action;
    rec.studyUid = studyUid;
    rec.outcome = outcome;
    rec.detail = detail;
    m_archive.auditLog().append(rec);
}

void ReportWorkflow::markInProgress(const QString &studyUid, const QString &user) const
{
    archive::ReadingList reading(m_archive.databasePath(), m_archive.auditLog());
    auto state = reading.state(studyUid);
    if (state && state.value().status == archive::ReadingStatus::Unread)
        setReading(studyUid, ReportStatus::Draft, user);
}

core::Result<Report> ReportWorkflow::saveDraft(const Report &report, const QString &user)
{
    if (report.status == ReportStatus::Final)
        return core::Error{QStringLiteral("a final report cannot be changed; add an addendum")};
    Report r = report;
    const bool created = r.id == 0;
    auto saved = m_store->save(r, user, created ? QStringLiteral("create") : QStringLiteral("save"));
    if (!saved)
        return saved;
    m_journal->discard(r.studyUid);
    if (saved.value().status == ReportStatus::Draft)
        setReading(r.studyUid, ReportStatus::Draft, user);
    return saved;
}

core::Result<Report> ReportWorkflow::makePreliminary(const Report &report, const QString &user)
{
    if (report.status == ReportStatus::Final)
        return core::Error{QStringLiteral("the report is already final")};
    if (report.isEmpty())
        return core::Error{QStringLiteral("the report is empty")};
    Report r = report;
    r.status = ReportStatus::Preliminary;
    r.preliminaryAt = QDateTime::currentDateTimeUtc();
    auto saved = m_store->save(r, user, QStringLiteral("preliminary"));
    if (!saved)
        return saved;
    m_journal->discard(r.studyUid);
    setReading(r.studyUid, ReportStatus::Preliminary, user);
    return saved;
}

core::Status ReportWorkflow::verifySigner(const QString &user, const QString &password, const QString &studyUid) const
{
    archive::Users users(m_archive.databasePath());
    if (users.isEmpty()) {
        audit(user, QStringLiteral("report sign"), studyUid, QStringLiteral("denied"), QStringLiteral("no users"));
        return core::Error{QStringLiteral("signing needs a user account: create one with `kilima-node users add`")};
    }
    auto who = users.verifyPassword(user, password);
    if (!who) {
        audit(user, QStringLiteral("report sign"), studyUid, QStringLiteral("denied"), QStringLiteral("wrong user name or password"));
        return core::Error{QStringLiteral("signing refused: %1").arg(who.error())};
    }
    if (who.value().role != archive::Role::Radiologist && who.value().role != archive::Role::Admin) {
        audit(user, QStringLiteral("report sign"), studyUid, QStringLiteral("denied"), QStringLiteral("role"));
        return core::Error{QStringLiteral("signing refused: user %1 is a %2, not a radiologist").arg(user, archive::toString(who.value().role))};
    }
    return {};
}

void ReportWorkflow::auditView(const QString &studyUid, const QString &user) const
{
    audit(user, QStringLiteral("report view"), studyUid, QStringLiteral("success"), QString());
}

QList<RenderedKeyImage> ReportWorkflow::renderKeyImages(const Report &report) const
{
    QList<RenderedKeyImage> out;
    for (const KeyImage &k : report.keyImages) {
        auto files = m_archive.instanceFiles(archive::Level::Instance, k.sopInstanceUid);
        if (!files || files.value().isEmpty()) {
            qCWarning(lcReporting) << "key image not in the archive:" << k.sopInstanceUid;
            continue;
        }
        double c = 0, w = 0;
        auto img = renderKeyImage(files.value().first(), k, &c, &w);
        if (!img) {
            qCWarning(lcReporting) << "key image not rendered:" << img.error();
            continue;
        }
        QString caption = k.description;
        if (w > 0)
            caption += (caption.isEmpty() ? QString() : QStringLiteral(" · ")) + QStringLiteral("W %1 / L %2").arg(w, 0, 'f', 0).arg(c, 0, 'f', 0);
        out.append({img.take(), caption});
    }
    return out;
}

core::Result<QByteArray> ReportWorkflow::exportPdf(const Report &report, const QString &user) const
{
    auto pdf = renderPdf(report, settings(), renderKeyImages(report));
    audit(user, QStringLiteral("report export"), report.studyUid, pdf ? QStringLiteral("success") : QStringLiteral("failure"),
          QStringLiteral("report %1, %2").arg(report.id).arg(toString(report.status)));
    return pdf;
}

core::Status ReportWorkflow::storeObjects(Report &r, const QString &user, const QString &predecessorSr,
                                          const QString &predecessorSeries, bool writeKos)
{
    auto header = studyHeader(r.studyUid);
    if (!header)
        return core::Error{header.error()};
    if (r.pdfSeriesUid.isEmpty())
        r.pdfSeriesUid = newUid();
    if (r.srSeriesUid.isEmpty())
        r.srSeriesUid = newUid();
    const int instance = 1 + int(r.addenda.size());
    const ObjectIds pdfIds{r.pdfSeriesUid, newUid(), kPdfSeriesNumber, instance, QString()};
    const ReportSettings config = settings();
    const ObjectIds srIds{r.srSeriesUid, newUid(), kSrSeriesNumber, instance, config.institutionName};
    auto pdf = renderPdf(r, config, renderKeyImages(r));
    if (!pdf)
        return core::Error{pdf.error()};
    QList<QPair<QString, core::Result<QByteArray>>> objects;
    objects.append({QStringLiteral("encapsulated PDF"), encodeEncapsulatedPdf(header.value(), r, pdf.value(), pdfIds)});
    objects.append({QStringLiteral("SR"), encodeStructuredReport(header.value(), r, srIds, predecessorSr, predecessorSeries)});
    ObjectIds kosIds;
    if (writeKos && !r.keyImages.isEmpty()) {
        if (r.kosSeriesUid.isEmpty())
            r.kosSeriesUid = newUid();
        kosIds = ObjectIds{r.kosSeriesUid, newUid(), kKosSeriesNumber, 1, QString()};
        objects.append({QStringLiteral("key object selection"), encodeKeyObjectSelection(header.value(), r, kosIds)});
    }
    for (const auto &o : objects) {
        if (!o.second)
            return core::Error{o.second.error()};
    }
    for (const auto &o : objects) {
        const archive::IngestOutcome outcome = m_archive.ingest({o.second.value(), QStringLiteral("report sign-off by ") + user});
        if (!outcome.success())
            return core::Error{QStringLiteral("storing the %1 failed: %2").arg(o.first, outcome.reason)};
    }
    r.pdfSopInstanceUid = pdfIds.sopInstanceUid;
    r.srSopInstanceUid = srIds.sopInstanceUid;
    if (!kosIds.sopInstanceUid.isEmpty())
        r.kosSopInstanceUid = kosIds.sopInstanceUid;
    return {};
}

core::Result<Report> ReportWorkflow::sign(const Report &report, const QString &user, const QString &password)
{
    if (report.status == ReportStatus::Final)
        return core::Error{QStringLiteral("the report is already final")};
    if (report.isEmpty())
        return core::Error{QStringLiteral("the report is empty: nothing to sign")};
    if (auto st = verifySigner(user, password, report.studyUid); !st)
        return core::Error{st.error()};
    Report r = report;
    if (r.id == 0) {
        auto saved = m_store->save(r, user, QStringLiteral("create"));
        if (!saved)
            return saved;
        r = saved.take();
    }
    completeReferences(r);
    r.status = ReportStatus::Final;
    r.signedBy = user;
    r.signedAt = QDateTime::currentDateTimeUtc();
    if (auto st = storeObjects(r, user, QString(), QString(), true); !st) {
        audit(user, QStringLiteral("report sign"), r.studyUid, QStringLiteral("failure"), st.error());
        return core::Error{st.error()};
    }
    auto saved = m_store->save(r, user, QStringLiteral("sign"));
    if (!saved)
        return saved;
    m_journal->discard(r.studyUid);
    setReading(r.studyUid, ReportStatus::Final, user);
    return saved;
}

core::Result<Report> ReportWorkflow::addAddendum(qint64 reportId, const QString &text, const QString &user, const QString &password)
{
    if (text.trimmed().isEmpty())
        return core::Error{QStringLiteral("the addendum is empty")};
    auto current = m_store->byId(reportId);
    if (!current)
        return current;
    Report r = current.take();
    if (r.status != ReportStatus::Final)
        return core::Error{QStringLiteral("report %1 is not final: edit it instead of adding an addendum").arg(reportId)};
    if (auto st = verifySigner(user, password, r.studyUid); !st)
        return core::Error{st.error()};
    const QString previousSr = r.srSopInstanceUid;
    r.addenda.append(Addendum{text.trimmed(), user, QDateTime::currentDateTimeUtc(), QString(), QString()});
    if (auto st = storeObjects(r, user, previousSr, r.srSeriesUid, false); !st) {
        audit(user, QStringLiteral("report addendum"), r.studyUid, QStringLiteral("failure"), st.error());
        return core::Error{st.error()};
    }
    r.addenda.last().srSopInstanceUid = r.srSopInstanceUid;
    r.addenda.last().pdfSopInstanceUid = r.pdfSopInstanceUid;
    return m_store->save(r, user, QStringLiteral("addendum"));
}

} // namespace kilima::reporting
