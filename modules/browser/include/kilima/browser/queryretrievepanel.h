// Query/retrieve: the remote nodes of the known-nodes table, an echo test,
// a search with the local browser's filters, and retrieval of the chosen
// studies into the local archive (C-GET or C-MOVE) with progress per study.
// All network and archive work runs on worker threads.
#pragma once

#include <kilima/browser/remotestudies.h>

#include <QHash>
#include <QWidget>

#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStandardItemModel;
class QTableView;
class QThreadPool;

namespace kilima::browser {

class QueryRetrievePanel : public QWidget {
    Q_OBJECT

public:
    enum Column { NameColumn, IdColumn, DateColumn, ModalitiesColumn, DescriptionColumn, AccessionColumn,
                  ImagesColumn, StateColumn, ColumnCount };

    // `callingAe` is this workstation's AE title; C-MOVE sends to it.
    QueryRetrievePanel(std::shared_ptr<archive::Archive> archive, const QString &callingAe, QWidget *parent = nullptr);
    ~QueryRetrievePanel() override;

    QComboBox *nodeCombo() const { return m_nodes; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *dateCombo() const { return m_date; }
    QComboBox *modalityCombo() const { return m_modality; }
    QComboBox *methodCombo() const { return m_method; }
    QPushButton *echoButton() const { return m_echo; }
    QPushButton *searchButton() const { return m_search; }
    QPushButton *retrieveButton() const { return m_retrieve; }
    QTableView *resultView() const { return m_view; }
    QStandardItemModel *results() const { return m_results; }
    QString statusText() const;
    bool isBusy() const { return m_busy > 0; }

    // DICOMweb servers, kept in the user's settings (QSettings array
    // "dicomweb/servers": name, url, user); passwords come from `provider`
    // (the system keychain in the workstation), called on a worker thread.
    static QList<WebServer> webServers();
    static void setWebServers(const QList<WebServer> &servers);
    using PasswordProvider = std::function<QString(const QString &serverName)>;
    static void setPasswordProvider(PasswordProvider provider);

public Q_SLOTS:
    // Loads the known nodes again (after settings changed them).
    void reloadNodes();
    void echo();
    void search();
    // Retrieves the selected rows.
    void retrieveSelected();
    // The priors of a patient on the chosen node.
    void searchPriors(const QString &patientId);

Q_SIGNALS:
    // A study arrived in the local archive.
    void studyRetrieved(const QString &studyUid);
    void busyChanged(bool busy);

private:
    struct Target {
        bool web = false;
        archive::KnownNode node;
        WebServer server;
        QString name() const { return web ? server.name : node.name; }
    };
    bool currentTarget(Target *target) const;
    void runSearch(const RemoteFilter &filter);
    void setStatus(const QString &text, bool error = false);
    void setRowState(const QString &studyUid, const QString &text);
    void busy(int delta);

    std::shared_ptr<archive::Archive> m_archive;
    QString m_callingAe;
    QList<archive::KnownNode> m_knownNodes;
    QList<WebServer> m_webServers;
    QComboBox *m_nodes;
    QPushButton *m_echo;
    QLineEdit *m_filter;
    QComboBox *m_date;
    QComboBox *m_modality;
    QComboBox *m_method;
    QPushButton *m_search;
    QPushButton *m_retrieve;
    QTableView *m_view;
    QStandardItemModel *m_results;
    QLabel *m_status;
    std::unique_ptr<QThreadPool> m_pool;
    int m_busy = 0;
};

} // namespace kilima::browser
