// Node status: AE title and listening ports, live associations, a warning
// when DICOMweb sends credentials in clear, studies
// received in this session (live, from the archive's ingest observer),
// archive size and disk use, the last errors, and a Start/Stop button.
// Polls on a timer; every poll runs on a worker thread.
#pragma once

#include <kilima/node/node.h>

#include <QFutureWatcher>
#include <QHash>
#include <QMap>
#include <QWidget>

#include <memory>
#include <mutex>

class QLabel;
class QPushButton;
class QTableWidget;
class QPlainTextEdit;
class QTimer;

namespace kilima::archive {
class Archive;
struct IngestOutcome;
}
namespace kilima::node {
class Node;
}

namespace kilima::workstation {

class NodeStatusPanel : public QWidget {
    Q_OBJECT

public:
    NodeStatusPanel(std::shared_ptr<archive::Archive> archive, node::Node *node, QWidget *parent = nullptr);
    ~NodeStatusPanel() override;

    QTableWidget *receivedTable() const { return m_received; }
    QPushButton *startStopButton() const { return m_startStop; }
    QString stateText() const;
    // Adds a line to the error list (also used by the main window).
    void addError(const QString &message);

public Q_SLOTS:
    void poll();
    void toggleNode();

Q_SIGNALS:
    // A study got new instances (the browser refreshes).
    void studyReceived(const QString &studyUid);
    void nodeStateChanged(bool running);

private:
    QString cloudLine(const node::CloudSyncState &c, const QLocale &locale);
    void onIngest(const QString &studyUid, const QString &source, bool ok, const QString &reason);

    struct Poll {
        bool running = false;
        int associations = 0;
        int port = 0;
        int tlsPort = 0;
        QString securityWarning;   // credentials in clear (plain HTTP beyond loopback)
        qint64 studies = 0;
        qint64 instances = 0;
        qint64 storedBytes = 0;
        qint64 diskFree = -1;
        qint64 diskTotal = -1;
        QMap<QString, qint64> queue;   // forwarding queue: state -> items
        node::CloudSyncState cloud;
    };

    std::shared_ptr<archive::Archive> m_archive;
    node::Node *m_node;
    int m_observer = 0;
    QLabel *m_state;
    QLabel *m_storage;
    QPushButton *m_startStop;
    QTableWidget *m_received;
    QPlainTextEdit *m_errors;
    QTimer *m_timer;
    QTimer *m_drain;
    struct Pending {
        struct Item {
            QString study, source;
            bool ok = true;
            QString reason;
        };
        std::mutex mutex;
        QList<Item> items;
    };
    std::shared_ptr<Pending> m_pending;
    struct RoutingState;
    std::shared_ptr<RoutingState> m_routing;
    QFutureWatcher<Poll> m_poll;
    QFutureWatcher<QString> m_toggle;
    QHash<QString, int> m_rows;   // study UID -> row
};

} // namespace kilima::workstation
