#include <kilima/browser/studylistmodel.h>

#include "studyquery_p.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/sqlite.h>

#include <dcmtk/dcmdata/dcdeftag.h>

#include <QFont>
#include <QFutureWatcher>
#include <QLocale>
#include <QRegularExpression>
#include <QtConcurrent/QtConcurrentRun>

namespace kilima::browser {

using dicom::tagNumber;

namespace {

const unsigned int kPatientName = tagNumber(DCM_PatientName);
const unsigned int kPatientId = tagNumber(DCM_PatientID);
const unsigned int kBirthDate = tagNumber(DCM_PatientBirthDate);
const unsigned int kSex = tagNumber(DCM_PatientSex);
const unsigned int kStudyUid = tagNumber(DCM_StudyInstanceUID);
const unsigned int kStudyDate = tagNumber(DCM_StudyDate);
const unsigned int kStudyTime = tagNumber(DCM_StudyTime);
const unsigned int kModalities = tagNumber(DCM_ModalitiesInStudy);
const unsigned int kDescription = tagNumber(DCM_StudyDescription);
const unsigned int kAccession = tagNumber(DCM_AccessionNumber);
const unsigned int kReferring = tagNumber(DCM_ReferringPhysicianName);
const unsigned int kNumSeries = tagNumber(DCM_NumberOfStudyRelatedSeries);
const unsigned int kNumInstances = tagNumber(DCM_NumberOfStudyRelatedInstances);

QString value(const dicom::AttributeMap &map, unsigned int tag)
{
    const auto it = map.find(tag);
    return it == map.end() ? QString() : it->second;
}

QString dicomDate(const QDate &d)
{
    return d.toString(QStringLiteral("yyyyMMdd"));
}

QString dateRangeValue(const QDate &from, const QDate &to)
{
    if (from.isValid() && from == to)
        return dicomDate(from);
    return (from.isValid() ? dicomDate(from) : QString()) + QLatin1Char('-') +
           (to.isValid() ? dicomDate(to) : QString());
}

} // namespace

// What one worker task brings back: a page of rows, and for a refresh the
// total count too.
struct StudyListModel::Fetch {
    int generation = 0;
    int page = 0;
    qint64 count = -1;
    QList<StudyRow> rows;
    QString error;
};

namespace {

// One connection per fetch: fetches run on pool threads and a connection
// must not be shared between threads; opening costs well under a
// millisecond next to the query.
StudyListModel::Fetch runFetch(const QString &databasePath, const StudyFilter &filter, int generation, int page,
                               int pageSize, bool withCount)
{
    StudyListModel::Fetch f;
    f.generation = generation;
    f.page = page;
    QString error;
    sqlite3 *db = openStudyConnection(databasePath, &error);
    if (!db) {
        f.error = error;
        return f;
    }
    qint64 count = -1;
    if (withCount && !countStudies(db, filter, &count, &error))
        f.error = error;
    f.count = count;
    if (f.error.isEmpty() && (!withCount || count > 0) &&
        !fetchStudies(db, filter, pageSize, page * pageSize, &f.rows, &error))
        f.error = error;
    sqlite3_close_v2(db);
    return f;
}

} // namespace

StudyListModel::StudyListModel(std::shared_ptr<archive::Archive> archive, QObject *parent)
    : QAbstractTableModel(parent), m_archive(std::move(archive))
{
    // Two threads: a refresh and a page fetch may overlap; more would only
    // contend for the index.
    m_pool.setMaxThreadCount(2);
    m_reading = std::make_shared<archive::ReadingList>(m_archive->databasePath(), m_archive->auditLog());
}

StudyListModel::~StudyListModel()
{
    m_pool.clear();
    m_pool.waitForDone();
}

void StudyListModel::setPageSize(int rows)
{
    m_pageSize = qMax(1, rows);
}

void StudyListModel::setMaxCachedPages(int pages)
{
    m_maxCachedPages = qMax(2, pages);
}

void StudyListModel::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    refresh();
}

void StudyListModel::setDatePreset(DatePreset preset)
{
    if (preset == m_datePreset && !m_from.isValid() && !m_to.isValid())
        return;
    m_datePreset = preset;
    m_from = m_to = QDate();
    refresh();
}

void StudyListModel::setDateRange(const QDate &from, const QDate &to)
{
    if (m_datePreset == DatePreset::Any && from == m_from && to == m_to)
        return;
    m_datePreset = DatePreset::Any;
    m_from = from;
    m_to = to;
    refresh();
}

void StudyListModel::setModality(const QString &modality)
{
    const QString m = modality.trimmed().toUpper();
    if (m == m_modality)
        return;
    m_modality = m;
    refresh();
}

QPair<QDate, QDate> StudyListModel::presetRange(DatePreset preset, const QDate &today)
{
    switch (preset) {
    case DatePreset::Any: return {};
    case DatePreset::Today: return {today, today};
    case DatePreset::Yesterday: return {today.addDays(-1), today.addDays(-1)};
    case DatePreset::Last7Days: return {today.addDays(-6), today};
    }
    return {};
}

archive::Query StudyListModel::query() const
{
    archive::Query q;
    q.level = archive::Level::Study;
    q.ordered = true;

    QDate from = m_from, to = m_to;
    if (m_datePreset != DatePreset::Any)
        std::tie(from, to) = presetRange(m_datePreset, QDate::currentDate());
    if (from.isValid() || to.isValid())
        q.keys.append({kStudyDate, dateRangeValue(from, to)});

    if (!m_modality.isEmpty())
        q.keys.append({kModalities, m_modality});

    for (unsigned int tag : {kPatientName, kPatientId, kBirthDate, kSex, kStudyUid, kStudyDate, kStudyTime,
                             kModalities, kDescription, kAccession, kReferring, kNumSeries, kNumInstances}) {
        bool isKey = false;
        for (const auto &k : q.keys)
            isKey = isKey || k.first == tag;
        if (!isKey)
            q.returnKeys << tag;
    }
    return q;
}

StudyFilter StudyListModel::filter() const
{
    StudyFilter f;
    f.text = m_text.trimmed();
    f.from = m_from;
    f.to = m_to;
    if (m_datePreset != DatePreset::Any)
        std::tie(f.from, f.to) = presetRange(m_datePreset, QDate::currentDate());
    f.modality = m_modality;
    f.status = m_status;
    f.assignedTo = m_assigned;
    f.statFirst = m_statFirst;
    f.openOnly = m_openOnly;
    f.sortColumn = m_sortColumn;
    f.descending = m_sortOrder == Qt::DescendingOrder;
    return f;
}

void StudyListModel::setStatusFilter(int status)
{
    if (status == m_status)
        return;
    m_status = status;
    refresh();
}

void StudyListModel::setAssignedFilter(const QString &reader)
{
    if (reader == m_assigned)
        return;
    m_assigned = reader;
    refresh();
}

void StudyListModel::setStatFirst(bool statFirst)
{
    if (statFirst == m_statFirst)
        return;
    m_statFirst = statFirst;
    refresh();
}

void StudyListModel::setOpenOnly(bool openOnly)
{
    if (openOnly == m_openOnly)
        return;
    m_openOnly = openOnly;
    refresh();
}

void StudyListModel::sort(int column, Qt::SortOrder order)
{
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    refresh();
}

void StudyListModel::changeReading(
    const QStringList &uids,
    std::function<core::Status(archive::ReadingList &, const QString &, const QString &)> change)
{
    std::shared_ptr<archive::ReadingList> reading = m_reading;
    const QString user = m_user;
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        const QString error = watcher->result();
        watcher->deleteLater();
        if (!error.isEmpty())
            Q_EMIT readingFailed(error);
        else
            Q_EMIT readingChanged();
        refresh();
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [reading, uids, user, change]() {
        for (const QString &uid : uids) {
            const core::Status st = change(*reading, uid, user);
            if (!st)
                return st.error();
        }
        return QString();
    }));
}

void StudyListModel::setReadingStatus(const QStringList &studyUids, archive::ReadingStatus status)
{
    changeReading(studyUids, [status](archive::ReadingList &r, const QString &uid, const QString &user) {
        return r.setStatus(uid, status, user);
    });
}

void StudyListModel::assignReader(const QStringList &studyUids, const QString &reader)
{
    changeReading(studyUids, [reader](archive::ReadingList &r, const QString &uid, const QString &user) {
        return r.assign(uid, reader, user);
    });
}

void StudyListModel::setStat(const QStringList &studyUids, bool stat)
{
    changeReading(studyUids, [stat](archive::ReadingList &r, const QString &uid, const QString &user) {
        return r.setStat(uid, stat, user);
    });
}

void StudyListModel::refresh()
{
    const int generation = ++m_generation;
    setRefreshing(true);
    m_lastError.clear();

    const StudyFilter f = filter();
    const int pageSize = m_pageSize;
    const QString db = m_archive->databasePath();

    auto *watcher = new QFutureWatcher<Fetch>(this);
    connect(watcher, &QFutureWatcher<Fetch>::finished, this, [this, watcher, pageSize] {
        const Fetch result = watcher->result();
        watcher->deleteLater();
        if (result.generation != m_generation)
            return;   // the filters changed meanwhile; a newer refresh is on its way
        m_activePageSize = pageSize;
        onRefreshDone(result);
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [db, f, generation, pageSize]() {
        return runFetch(db, f, generation, 0, pageSize, true);
    }));
}

void StudyListModel::onRefreshDone(const Fetch &result)
{
    if (!result.error.isEmpty()) {
        beginResetModel();
        m_count = 0;
        m_pages.clear();
        m_lru.clear();
        m_inFlight.clear();
        m_pagesLoaded = 0;
        endResetModel();
        setRefreshing(false);
        fail(result.error);
        Q_EMIT countChanged(0);
        return;
    }
    beginResetModel();
    m_count = result.count;
    m_pages.clear();
    m_lru.clear();
    m_inFlight.clear();
    m_pagesLoaded = 0;
    if (m_count > 0)
        storePage(0, result.rows);
    endResetModel();
    setRefreshing(false);
    Q_EMIT countChanged(m_count);
    if (m_count > 0)
        Q_EMIT pageLoaded(0);
}

void StudyListModel::requestPage(int page) const
{
    if (m_refreshing || m_inFlight.contains(page))
        return;
    auto *self = const_cast<StudyListModel *>(this);
    m_inFlight.insert(page);

    const StudyFilter f = filter();
    const int pageSize = m_activePageSize;
    const int generation = m_generation;
    const QString db = m_archive->databasePath();

    auto *watcher = new QFutureWatcher<Fetch>(self);
    connect(watcher, &QFutureWatcher<Fetch>::finished, self, [self, watcher] {
        const Fetch result = watcher->result();
        watcher->deleteLater();
        if (result.generation == self->m_generation)
            self->onPageDone(result);
    });
    watcher->setFuture(QtConcurrent::run(&self->m_pool, [db, f, generation, page, pageSize]() {
        return runFetch(db, f, generation, page, pageSize, false);
    }));
}

void StudyListModel::onPageDone(const Fetch &result)
{
    m_inFlight.remove(result.page);
    if (!result.error.isEmpty()) {
        fail(result.error);
        return;
    }
    storePage(result.page, result.rows);
    const qint64 first = qint64(result.page) * m_activePageSize;
    const qint64 last = qMin(m_count, first + m_activePageSize) - 1;
    if (last >= first)
        Q_EMIT dataChanged(index(int(first), 0), index(int(last), ColumnCount - 1));
    Q_EMIT pageLoaded(result.page);
}

void StudyListModel::storePage(int page, QList<StudyRow> rows)
{
    m_pages.insert(page, std::move(rows));
    m_lru.removeAll(page);
    m_lru.append(page);
    ++m_pagesLoaded;
    while (m_lru.size() > m_maxCachedPages)
        m_pages.remove(m_lru.takeFirst());
}

void StudyListModel::setRefreshing(bool refreshing)
{
    if (refreshing == m_refreshing)
        return;
    m_refreshing = refreshing;
    Q_EMIT loadingChanged(refreshing);
}

void StudyListModel::fail(const QString &message)
{
    m_lastError = message;
    Q_EMIT queryFailed(message);
}

int StudyListModel::fetchedRows() const
{
    int rows = 0;
    for (const auto &page : m_pages)
        rows += int(page.size());
    return rows;
}

const StudyRow *StudyListModel::rowAt(int row) const
{
    if (row < 0 || row >= m_count)
        return nullptr;
    const int page = row / m_activePageSize;
    const auto it = m_pages.constFind(page);
    if (it == m_pages.constEnd())
        return nullptr;
    const int inPage = row - page * m_activePageSize;
    // A page can be shorter than counted when studies were deleted since.
    return inPage < it->size() ? &it->at(inPage) : nullptr;
}

dicom::AttributeMap StudyListModel::study(int row) const
{
    const StudyRow *r = rowAt(row);
    return r ? r->attributes : dicom::AttributeMap();
}

int StudyListModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(qMin<qint64>(m_count, std::numeric_limits<int>::max()));
}

int StudyListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StudyListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_count || index.column() >= ColumnCount)
        return {};
    const int page = index.row() / m_activePageSize;
    if (!m_pages.contains(page)) {
        if (role == Qt::DisplayRole || role == LoadingRole)
            requestPage(page);
        if (role == LoadingRole)
            return true;
        return {};
    }
    if (m_lru.constLast() != page) {
        m_lru.removeAll(page);
        m_lru.append(page);
    }
    if (role == LoadingRole)
        return false;

    const StudyRow *sr = rowAt(index.row());
    if (!sr)
        return {};
    const dicom::AttributeMap &row = sr->attributes;
    if (index.column() == StatusColumn && role == Qt::DisplayRole) {
        const QString status = statusName(sr->status);
        return sr->stat ? tr("STAT · %1").arg(status) : status;
    }
    if (index.column() == AssignedColumn && role == Qt::DisplayRole)
        return sr->assignedTo;
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(row, index.column());
    case ReadingStatusRole:
        return sr->status;
    case AssignedRole:
        return sr->assignedTo;
    case StatRole:
        return sr->stat;
    case Qt::FontRole:
        if (sr->stat) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole: {
        // Long descriptions and names are cut by the column width.
        const QVariant v = displayValue(row, index.column());
        return v.toString().isEmpty() ? QVariant() : v;
    }
    case Qt::TextAlignmentRole:
        if (index.column() == SeriesColumn || index.column() == InstancesColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case StudyInstanceUidRole:
        return value(row, kStudyUid);
    case PatientIdRole:
        return value(row, kPatientId);
    default:
        return {};
    }
}

QVariant StudyListModel::displayValue(const dicom::AttributeMap &study, int column) const
{
    if (study.empty())
        return {};
    switch (column) {
    case PatientNameColumn: return formatPersonName(value(study, kPatientName));
    case PatientIdColumn: return value(study, kPatientId);
    case BirthDateColumn: return formatDate(value(study, kBirthDate));
    case SexColumn: return value(study, kSex);
    case StudyDateColumn: {
        const QString date = formatDate(value(study, kStudyDate));
        const QString time = formatTime(value(study, kStudyTime));
        return time.isEmpty() ? date : date + QLatin1Char(' ') + time;
    }
    case ModalitiesColumn:
        return value(study, kModalities).split(QLatin1Char('\\'), Qt::SkipEmptyParts).join(QStringLiteral(", "));
    case DescriptionColumn: return value(study, kDescription);
    case AccessionColumn: return value(study, kAccession);
    case ReferringColumn: return formatPersonName(value(study, kReferring));
    case SeriesColumn: return value(study, kNumSeries);
    case InstancesColumn: return value(study, kNumInstances);
    }
    return {};
}

QVariant StudyListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PatientNameColumn: return tr("Patient name");
    case PatientIdColumn: return tr("Patient ID");
    case BirthDateColumn: return tr("Birth date");
    case SexColumn: return tr("Sex");
    case StudyDateColumn: return tr("Study date");
    case ModalitiesColumn: return tr("Modalities");
    case DescriptionColumn: return tr("Description");
    case AccessionColumn: return tr("Accession #");
    case ReferringColumn: return tr("Referring physician");
    case SeriesColumn: return tr("Series");
    case InstancesColumn: return tr("Images");
    case StatusColumn: return tr("Status");
    case AssignedColumn: return tr("Reader");
    }
    return {};
}

QString StudyListModel::statusName(int status)
{
    switch (archive::ReadingStatus(status)) {
    case archive::ReadingStatus::Unread: return tr("Unread");
    case archive::ReadingStatus::InProgress: return tr("In progress");
    case archive::ReadingStatus::Reported: return tr("Reported");
    case archive::ReadingStatus::Final: return tr("Final");
    }
    return tr("Unread");
}

QString StudyListModel::formatPersonName(const QString &dicomName)
{
    // Alphabetic group only; ideographic/phonetic groups follow '='.
    const QString alphabetic = dicomName.section(QLatin1Char('='), 0, 0);
    const QStringList parts = alphabetic.split(QLatin1Char('^'));
    auto part = [&parts](int i) { return i < parts.size() ? parts.at(i).trimmed() : QString(); };
    const QString family = part(0);
    QStringList rest;
    for (const QString &p : {part(3), part(1), part(2), part(4)}) // prefix given middle suffix
        if (!p.isEmpty())
            rest << p;
    if (rest.isEmpty())
        return family;
    if (family.isEmpty())
        return rest.join(QLatin1Char(' '));
    return family + QStringLiteral(", ") + rest.join(QLatin1Char(' '));
}

QString StudyListModel::formatDate(const QString &da)
{
    const QDate d = QDate::fromString(da.left(8), QStringLiteral("yyyyMMdd"));
    return d.isValid() ? d.toString(QStringLiteral("yyyy-MM-dd")) : da;
}

QString StudyListModel::formatTime(const QString &tm)
{
    QString t = tm.trimmed();
    t.remove(QLatin1Char(':'));   // ACR-NEMA style "14:30:15"
    if (t.size() < 2)
        return {};
    const QString hh = t.left(2);
    const QString mm = t.size() >= 4 ? t.mid(2, 2) : QStringLiteral("00");
    return hh + QLatin1Char(':') + mm;
}

} // namespace kilima::browser
