#include <kilima/browser/studylistmodel.h>

#include <kilima/archive/archive.h>

#include <dcmtk/dcmdata/dcdeftag.h>

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
    QList<dicom::AttributeMap> rows;
    QString error;
};

StudyListModel::StudyListModel(std::shared_ptr<archive::Archive> archive, QObject *parent)
    : QAbstractTableModel(parent), m_archive(std::move(archive))
{
    // Two threads: a refresh and a page fetch may overlap; more would only
    // contend for the index.
    m_pool.setMaxThreadCount(2);
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

    const QString text = m_text.trimmed();
    if (!text.isEmpty()) {
        static const QRegularExpression digit(QStringLiteral("\\d"));
        if (text.contains(digit)) {
            q.keys.append({kPatientId, text.endsWith(QLatin1Char('*')) ? text : text + QLatin1Char('*')});
        } else {
            // Spaces, commas and '^' between name parts match anything, so
            // "doe john", "Doe, J" and "DOE^JOHN" all find DOE^JOHN.
            static const QRegularExpression separators(QStringLiteral("[\\s,^]+"));
            QString pattern = text;
            pattern.replace(separators, QStringLiteral("*"));
            q.keys.append({kPatientName, QLatin1Char('*') + pattern + QLatin1Char('*')});
        }
    }

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

void StudyListModel::refresh()
{
    const int generation = ++m_generation;
    setRefreshing(true);
    m_lastError.clear();

    archive::Query q = query();
    q.limit = m_pageSize;
    q.offset = 0;
    const int pageSize = m_pageSize;
    std::shared_ptr<archive::Archive> archive = m_archive;

    auto *watcher = new QFutureWatcher<Fetch>(this);
    connect(watcher, &QFutureWatcher<Fetch>::finished, this, [this, watcher, pageSize] {
        const Fetch result = watcher->result();
        watcher->deleteLater();
        if (result.generation != m_generation)
            return;   // the filters changed meanwhile; a newer refresh is on its way
        m_activePageSize = pageSize;
        onRefreshDone(result);
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [archive, q, generation]() {
        Fetch f;
        f.generation = generation;
        const core::Result<qint64> count = archive->count(q);
        if (!count) {
            f.error = count.error();
            return f;
        }
        f.count = count.value();
        if (f.count > 0) {
            auto rows = archive->query(q);
            if (!rows)
                f.error = rows.error();
            else
                f.rows = rows.take();
        }
        return f;
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

    archive::Query q = query();
    q.limit = m_activePageSize;
    q.offset = page * m_activePageSize;
    const int generation = m_generation;
    std::shared_ptr<archive::Archive> archive = m_archive;

    auto *watcher = new QFutureWatcher<Fetch>(self);
    connect(watcher, &QFutureWatcher<Fetch>::finished, self, [self, watcher] {
        const Fetch result = watcher->result();
        watcher->deleteLater();
        if (result.generation == self->m_generation)
            self->onPageDone(result);
    });
    watcher->setFuture(QtConcurrent::run(&self->m_pool, [archive, q, generation, page]() {
        Fetch f;
        f.generation = generation;
        f.page = page;
        auto rows = archive->query(q);
        if (!rows)
            f.error = rows.error();
        else
            f.rows = rows.take();
        return f;
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

void StudyListModel::storePage(int page, QList<dicom::AttributeMap> rows)
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

dicom::AttributeMap StudyListModel::study(int row) const
{
    if (row < 0 || row >= m_count)
        return {};
    const int page = row / m_activePageSize;
    const auto it = m_pages.constFind(page);
    if (it == m_pages.constEnd())
        return {};
    const int inPage = row - page * m_activePageSize;
    // A page can be shorter than counted when studies were deleted since.
    return inPage < it->size() ? it->at(inPage) : dicom::AttributeMap();
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

    const dicom::AttributeMap row = study(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(row, index.column());
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
    }
    return {};
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
