// The study list of the local archive as a table model. Rows come from the
// archive's query API in pages (limit/offset) fetched on worker threads when
// a view first asks for a row of that page; rowCount() is the archive's
// count() for the current filters. Never loads the whole list and never runs
// a query on the UI thread: rows not fetched yet read as empty until their
// page arrives (dataChanged follows).
//
// Order is the archive's study order (study date and time, newest first).
// The model does not sort: a sort on another column would be either a sort
// of one page (misleading) or a full load (what paging avoids).
#pragma once

#include <kilima/archive/query.h>
#include <kilima/dicom/attributes.h>

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QList>
#include <QSet>
#include <QThreadPool>

#include <memory>

namespace kilima::archive {
class Archive;
}

namespace kilima::browser {

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
        ColumnCount
    };
    enum Role {
        StudyInstanceUidRole = Qt::UserRole + 1,
        PatientIdRole,
        // The row's page is still being fetched.
        LoadingRole,
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

    // Free text. Archive matching is AND-only, so the text matches either
    // the patient ID or the name, never both: text containing a digit is
    // taken as an ID and matches PatientID=TEXT* (IDs are typed from the
    // start), anything else matches PatientName=*TEXT*, case-insensitive,
    // with ", " read as the '^' between family and given name. '*' and '?'
    // typed by the user stay wildcards.
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

    // The query the filters map to, without limit/offset.
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
    static QString formatDate(const QString &da);
    static QString formatTime(const QString &tm);

Q_SIGNALS:
    // After each refresh, with the first page already in memory.
    void countChanged(qint64 count);
    void loadingChanged(bool loading);
    void pageLoaded(int page);
    void queryFailed(const QString &message);

private:
    struct Fetch;
    void requestPage(int page) const;
    void onRefreshDone(const Fetch &result);
    void onPageDone(const Fetch &result);
    void storePage(int page, QList<dicom::AttributeMap> rows);
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
    mutable QHash<int, QList<dicom::AttributeMap>> m_pages;
    mutable QList<int> m_lru;
    mutable QSet<int> m_inFlight;
};

} // namespace kilima::browser
