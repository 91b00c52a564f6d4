// Settings: the node (AE title, ports, TLS certificate and key), known
// nodes with their permissions, storage location and duplicate policy,
// users, language and theme. Values are validated with a message that names
// the field and what to type; the configuration file gets no secrets: the
// TLS key passphrase goes to the system keychain (QtKeychain). Reads and
// writes run on worker threads.
#pragma once

#include <kilima/archive/knownnodes.h>
#include <kilima/core/config.h>

#include <QDialog>
#include <QFutureWatcher>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QTableWidget;
class QTabWidget;

namespace kilima::archive {
class Archive;
}

namespace kilima::workstation {

class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    SettingsDialog(std::shared_ptr<archive::Archive> archive, const core::Config &config, const QString &configFile,
                   QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // Empty when the values are acceptable, else what to fix.
    QString validate() const;
    core::Config config() const;
    QString language() const;
    QString theme() const;
    QTabWidget *tabs() const { return m_tabs; }
    QLineEdit *aeTitleEdit() const { return m_aeTitle; }
    QLabel *messageLabel() const { return m_message; }

    // Languages with a translation: code -> native name.
    static QList<QPair<QString, QString>> languages();

    void accept() override;

    // A secret from the system keychain. Blocking: call on a worker thread
    // only (the UI thread runs the keychain job); empty when absent or when
    // no keychain answers within 10 s.
    static QString keychainPassword(const QString &key);

Q_SIGNALS:
    void saved();

private:
    QWidget *nodePage();
    QWidget *nodesPage();
    QWidget *webPage();
    QWidget *storagePage();
    QWidget *usersPage();
    QWidget *appearancePage();
    void loadKnownNodes();
    void addKnownNode();
    void removeKnownNode();
    void showMessage(const QString &text, bool error);

    std::shared_ptr<archive::Archive> m_archive;
    core::Config m_config;
    QString m_configFile;
    QTabWidget *m_tabs;
    QLabel *m_message;
    // Node
    QLineEdit *m_aeTitle;
    QSpinBox *m_dicomPort;
    QSpinBox *m_tlsPort;
    QSpinBox *m_httpPort;
    QLineEdit *m_certFile;
    QLineEdit *m_keyFile;
    QLineEdit *m_keyPassphrase;
    QCheckBox *m_allowUnknownStore;
    // Known nodes
    QTableWidget *m_nodes;
    QLineEdit *m_nodeName, *m_nodeAe, *m_nodeHost;
    QSpinBox *m_nodePort;
    QCheckBox *m_nodeTls;
    QList<QCheckBox *> m_nodePermissions;
    // Storage
    QLineEdit *m_storageDir;
    QComboBox *m_duplicates;
    QSpinBox *m_minFree = nullptr;
    // Users
    QListWidget *m_users;
    // Appearance
    QComboBox *m_language;
    QComboBox *m_theme;
};

} // namespace kilima::workstation
