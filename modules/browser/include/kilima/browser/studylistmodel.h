// The study list of the local archive as a table model. Rows come from the
// archive's query API in pages (limit/offset) fetched on worker threads when
// a view first asks for a row of that page; rowCount() is the archive's
// count() for the current filters. Never loads the whole list and never runs
// a query on the UI thread: rows not fetched yet read as empty until their
// page arrives (dataChanged follows).
//
// Order is the study date and time, newest first, unless sort() picks
// another column: sorting and the reading-status filter run in SQL over the
// index and the reading table (kilima/archive/readingstatus.h), page by
// page, so they stay fast at 100,000 studies.
#pragma once

#include <kilima/archive/query.h>
#include <kilima/archive/readingstatus.h>
#include <kilima/dicom/attributes.h>

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QList>
#include <QSet>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace kilima::archive {
class Archive;
}

namespace kilima::browser {

// One study of the list with its reading state.
struct StudyRow {
    dicom::AttributeMap attributes;
    int status = 0;          // archive::ReadingStatus
    QString assignedTo;
    bool stat = false;
};

class StudyListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        PatientNameColumn,
        PatientIdColumn,
        BirthDateColumn,
        SexColumn,
        StudyDateColumn,
        ModalitiesColumn,
        DescriptionColumn,
        AccessionColumn,
        ReferringColumn,
        SeriesColumn,
        InstancesColumn,
        StatusColumn,
        AssignedColumn,
        ColumnCount
    };
    enum Role {
        StudyInstanceUidRole = Qt::UserRole + 1,
        PatientIdRole,
        // The row's page is still being fetched.
        LoadingRole,
        ReadingStatusRole,   // int (archive::ReadingStatus)
        AssignedRole,
        StatRole,
    };
    enum class DatePreset { Any, Today, Yesterday, Last7Days };

    static constexpr int DefaultPageSize = 200;

    // `archive` is shared with the worker threads, so queries in flight
    // outlive neither it nor the model's owner.
    explicit StudyListModel(std::shared_ptr<archive::Archive> archive, QObject *parent = nullptr);
    ~StudyListModel() override;

    // Takes effect at the next refresh.
    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }
    // Pages kept in memory; the least recently used is dropped beyond it.
    void setMaxCachedPages(int pages);

    // Free text, matched against the patient name, the patient ID and the
    // accession number at once (a name may hold digits, an ID may hold
    // none; guessing the field from the text missed both). Names match any
    // part, IDs and accession numbers from the start; all case-insensitive,
    // with spaces, ", " and '^' read as the gap between name parts. '*' and
    // '?' typed by the user are DICOM wildcards; a value with them must then
    // match as a whole (DICOM matching), e.g. "*0051*" or "P?00?".
    // Query failures and matches of other fields are never guessed.
    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }
    // A preset is resolved against today's date when the filter is applied.
    void setDatePreset(DatePreset preset);
    DatePreset datePreset() const { return m_datePreset; }
    // Explicit range, inclusive; a null date leaves that end open. Replaces
    // any preset.
    void setDateRange(const QDate &from, const QDate &to);
    // One modality ("CT"); empty for any. Matches ModalitiesInStudy.
    void setModality(const QString &modality);
    QString modality() const { return m_modality; }

    // Reading worklist filters: one status (-1 for any), studies assigned
    // to one reader (empty for anyone), STAT studies first.
    void setStatusFilter(int status);
    int statusFilter() const { return m_status; }
    void setAssignedFilter(const QString &reader);
    QString assignedFilter() const { return m_assigned; }
    void setStatFirst(bool statFirst);
    // Only studies whose status is below Final (open work).
    void setOpenOnly(bool openOnly);

    // Column sort, in SQL over the whole list (not one page).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }

    // Reading worklist changes, stored in the archive on a worker thread
    // (shared with every workstation on this node, audited under `user`);
    // the list refreshes afterwards, readingFailed() says what went wrong.
    void setUser(const QString &user) { m_user = user; }
    QString user() const { return m_user; }
    void setReadingStatus(const QStringList &studyUids, archive::ReadingStatus status);
    void assignReader(const QStringList &studyUids, const QString &reader);
    void setStat(const QStringList &studyUids, bool stat);

    // The query the filters other than the free text map to, without
    // limit/offset (archive matching is AND-only: it cannot say "name OR ID
    // OR accession"; the browser's own SQL matches the text).
    archive::Query query() const;
    static QPair<QDate, QDate> presetRange(DatePreset preset, const QDate &today);

    // Counts again and drops fetched pages (after an import or a filter
    // change). Asynchronous: countChanged() follows.
    void refresh();

    qint64 totalCount() const { return m_count; }
    // Whether a refresh (count and first page) is still running.
    bool isLoading() const { return m_refreshing; }
    // Pages fetched from the archive since the last refresh, and rows held
    // now: what paging costs, for tests and diagnostics.
    int pagesLoaded() const { return m_pagesLoaded; }
    int fetchedRows() const;
    QString lastError() const { return m_lastError; }

    // The study at `row` when its page is in memory, else an empty map.
    dicom::AttributeMap study(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Display helpers, shared with other study lists.
    static QString formatPersonName(const QString &dicomName);
    // "Unread", "In progress", "Reported", "Final", translated.
    static QString statusName(int status);
    static QString formatDate(const QString &da);
    static QString formatTime(const QString &tm);

Q_SIGNALS:
    // After each refresh, with the first page already in memory.
    void countChanged(qint64 count);
    void loadingChanged(bool loading);
    void pageLoaded(int page);
    void queryFailed(const QString &message);
    void readingChanged();
    void readingFailed(const QString &message);

public:
    struct Fetch;   // one worker task's answer (internal)

private:
    void requestPage(int page) const;
    void onRefreshDone(const Fetch &result);
    void onPageDone(const Fetch &result);
    void storePage(int page, QList<StudyRow> rows);
    void changeReading(const QStringList &uids,
                       std::function<core::Status(archive::ReadingList &, const QString &, const QString &)> change);
    struct StudyFilter filter() const;
    const StudyRow *rowAt(int row) const;
    void setRefreshing(bool refreshing);
    void fail(const QString &message);
    QVariant displayValue(const dicom::AttributeMap &study, int column) const;

    std::shared_ptr<archive::Archive> m_archive;
    // Own pool so that an import filling the global pool cannot starve
    // the list; destroyed (and waited for) before m_archive is released.
    QThreadPool m_pool;

    QString m_text;
    DatePreset m_datePreset = DatePreset::Any;
    QDate m_from, m_to;
    QString m_modality;
    int m_status = -1;
    QString m_assigned;
    bool m_statFirst = false;
    bool m_openOnly = false;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QString m_user;
    std::shared_ptr<archive::ReadingList> m_reading;

    int m_pageSize = DefaultPageSize;
    int m_activePageSize = DefaultPageSize;
    int m_maxCachedPages = 16;
    qint64 m_count = 0;
    bool m_refreshing = false;
    int m_generation = 0;
    int m_pagesLoaded = 0;
    QString m_lastError;

    // Fetched pages and their use order; mutable because views trigger
    // fetches from data().
    mutable QHash<int, QList<StudyRow>> m_pages;
    mutable QList<int> m_lru;
    mutable QSet<int> m_inFlight;
};

} // namespace kilima::browser
