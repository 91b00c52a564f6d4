// The modality worklist of this node (the scheduled procedures that
// modalities fetch with C-FIND): a list by date with add, edit and cancel
// for a technologist. Reads and writes run on worker threads.
#pragma once

#include <QDate>
#include <QJsonObject>
#include <QWidget>

#include <functional>
#include <memory>

class QDateEdit;
class QLabel;
class QPushButton;
class QTableWidget;

namespace kilima::archive {
class Archive;
}

namespace kilima::browser {

// The fields a technologist fills in for one scheduled procedure step.
struct ScheduledProcedure {
    qint64 id = 0;
    QString patientName, patientId, birthDate, sex, accession, modality, stationAe, date, time, description,
        requestedProcedureId, referring, studyUid;
    static ScheduledProcedure fromJson(qint64 id, const QJsonObject &item);
};

class WorklistPanel : public QWidget {
    Q_OBJECT

public:
    enum Column { DateColumn, NameColumn, IdColumn, ModalityColumn, StationColumn, AccessionColumn,
                  DescriptionColumn, ColumnCount };

    WorklistPanel(std::shared_ptr<archive::Archive> archive, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QDateEdit *dateEdit() const { return m_date; }
    bool isBusy() const { return m_busy > 0; }
    QString statusText() const;

    // Stores `p` (replacing the item with p.id when non-zero). Async.
    void save(const ScheduledProcedure &p);
    // Removes the item. Async.
    void cancelItem(qint64 id);

public Q_SLOTS:
    void reload();

private:
    void edit(const ScheduledProcedure &p);
    void setStatus(const QString &text, bool error);

    std::shared_ptr<archive::Archive> m_archive;
    QDateEdit *m_date;
    QTableWidget *m_table;
    QPushButton *m_add, *m_edit, *m_cancel;
    QLabel *m_status;
    QList<ScheduledProcedure> m_items;
    // Runs a change of the worklist on a worker thread (it returns an
    // error, or nothing), then reloads; a failure is shown after `failed`.
    void runChange(const QString &failed, std::function<QString()> change);
    int m_busy = 0;
};

} // namespace kilima::browser
