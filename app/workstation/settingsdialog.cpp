#include "settingsdialog.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/users.h>
#include <kilima/browser/queryretrievepanel.h>

#include <qt6keychain/keychain.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QSemaphore>
#include <QTimer>
#include <QUrl>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QApplication>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace kilima::workstation {

namespace {

QSpinBox *portBox(int value, bool allowOff, QWidget *parent)
{
    auto *b = new QSpinBox(parent);
    b->setRange(allowOff ? 0 : 1, 65535);
    b->setValue(value);
    if (allowOff)
        b->setSpecialValueText(QObject::tr("off"));
    return b;
}

QWidget *fileRow(QLineEdit *edit, const QString &title, QWidget *parent, bool directory = false)
{
    auto *w = new QWidget(parent);
    auto *l = new QHBoxLayout(w);
    l->setContentsMargins(0, 0, 0, 0);
    auto *browse = new QPushButton(QObject::tr("Browse…"), w);
    l->addWidget(edit, 1);
    l->addWidget(browse);
    QObject::connect(browse, &QPushButton::clicked, w, [edit, title, w, directory] {
        const QString p = directory ? QFileDialog::getExistingDirectory(w, title, edit->text())
                                    : QFileDialog::getOpenFileName(w, title, edit->text());
        if (!p.isEmpty())
            edit->setText(p);
    });
    return w;
}

bool validAe(const QString &ae)
{
    static const QRegularExpression re(QStringLiteral("^[\\x20-\\x5B\\x5D-\\x7E]{1,16}$"));
    return re.match(ae).hasMatch() && !ae.trimmed().isEmpty();
}

const char *const kKeychainService = "kilima";


// A page listing things: the list on top, the form for one of them (if
// any), then Add and Remove at the right.
void layOutListPage(QWidget *page, QWidget *list, QLayout *form, QPushButton *add, QPushButton *remove)
{
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(add);
    buttons->addWidget(remove);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(list, 1);
    if (form)
        layout->addLayout(form);
    layout->addLayout(buttons);
}

} // namespace

QList<QPair<QString, QString>> SettingsDialog::languages()
{
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("sw"), QStringLiteral("Kiswahili")},
            {QStringLiteral("fr"), QStringLiteral("Français")},
            {QStringLiteral("es"), QStringLiteral("Español")},
            {QStringLiteral("pt"), QStringLiteral("Português")}};
}

SettingsDialog::SettingsDialog(std::shared_ptr<archive::Archive> archive, const core::Config &config,
                               const QString &configFile, QWidget *parent)
    : QDialog(parent),
      m_archive(std::move(archive)),
      m_config(config),
      m_configFile(configFile),
      m_tabs(new QTabWidget(this)),
      m_message(new QLabel(this))
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));
    m_tabs->addTab(nodePage(), tr("&Node"));
    m_tabs->addTab(nodesPage(), tr("&Known nodes"));
    m_tabs->addTab(webPage(), tr("&DICOMweb servers"));
    m_tabs->addTab(storagePage(), tr("&Storage"));
    m_tabs->addTab(usersPage(), tr("&Users"));
    m_tabs->addTab(appearancePage(), tr("&Appearance"));
    m_message->setObjectName(QStringLiteral("settingsMessage"));
    m_message->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(760, 520);
    loadKnownNodes();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #e06c60;") : QString());
}

QWidget *SettingsDialog::nodePage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_aeTitle = new QLineEdit(m_config.node.aeTitle, page);
    m_aeTitle->setObjectName(QStringLiteral("aeTitle"));
    m_aeTitle->setMaxLength(16);
    m_dicomPort = portBox(m_config.node.dicomPort, false, page);
    m_tlsPort = portBox(m_config.node.dicomTlsPort, true, page);
    m_httpPort = portBox(m_config.node.httpPort, true, page);
    m_certFile = new QLineEdit(m_config.tls.certificateFile, page);
    m_keyFile = new QLineEdit(m_config.tls.privateKeyFile, page);
    m_keyPassphrase = new QLineEdit(page);
    m_keyPassphrase->setObjectName(QStringLiteral("keyPassphrase"));
    m_keyPassphrase->setEchoMode(QLineEdit::Password);
    m_keyPassphrase->setPlaceholderText(tr("unchanged (kept in the system keychain)"));
    m_allowUnknownStore = new QCheckBox(tr("Accept images from nodes not in the known nodes list"), page);
    m_allowUnknownStore->setChecked(m_config.node.allowUnknownStore);
    form->addRow(tr("AE &title:"), m_aeTitle);
    form->addRow(tr("DICOM &port:"), m_dicomPort);
    form->addRow(tr("DICOM T&LS port:"), m_tlsPort);
    form->addRow(tr("DICOMweb (&HTTP) port:"), m_httpPort);
    form->addRow(tr("TLS &certificate (PEM):"), fileRow(m_certFile, tr("TLS certificate"), page));
    form->addRow(tr("TLS private &key (PEM):"), fileRow(m_keyFile, tr("TLS private key"), page));
    form->addRow(tr("Key pa&ssphrase:"), m_keyPassphrase);
    form->addRow(QString(), m_allowUnknownStore);
    form->addRow(QString(), new QLabel(tr("Changes to the node take effect when the node restarts (Node status > "
                                          "Stop, then Start)."), page));
    return page;
}

QWidget *SettingsDialog::nodesPage()
{
    auto *page = new QWidget(this);
    m_nodes = new QTableWidget(0, 6, page);
    m_nodes->setObjectName(QStringLiteral("knownNodes"));
    m_nodes->setHorizontalHeaderLabels({tr("Name"), tr("AE title"), tr("Host"), tr("Port"), tr("TLS"), tr("Allowed")});
    m_nodes->horizontalHeader()->setSectionResizeMode(5, QHeaderView::Stretch);
    m_nodes->verticalHeader()->hide();
    m_nodes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_nodes->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_nodeName = new QLineEdit(page);
    m_nodeAe = new QLineEdit(page);
    m_nodeAe->setMaxLength(16);
    m_nodeHost = new QLineEdit(page);
    m_nodePort = portBox(104, false, page);
    m_nodeTls = new QCheckBox(tr("TLS"), page);
    auto *perms = new QHBoxLayout;
    for (const QString &p : archive::KnownNodes::allPermissions()) {
        auto *c = new QCheckBox(p, page);
        c->setChecked(p != QLatin1String("store") || true);
        m_nodePermissions << c;
        perms->addWidget(c);
    }
    auto *add = new QPushButton(tr("&Add or replace"), page);
    auto *remove = new QPushButton(tr("&Remove"), page);
    connect(add, &QPushButton::clicked, this, &SettingsDialog::addKnownNode);
    connect(remove, &QPushButton::clicked, this, &SettingsDialog::removeKnownNode);
    connect(m_nodes, &QTableWidget::itemSelectionChanged, this, [this] {
        const int r = m_nodes->currentRow();
        if (r < 0)
            return;
        m_nodeName->setText(m_nodes->item(r, 0)->text());
        m_nodeAe->setText(m_nodes->item(r, 1)->text());
        m_nodeHost->setText(m_nodes->item(r, 2)->text());
        m_nodePort->setValue(m_nodes->item(r, 3)->text().toInt());
        m_nodeTls->setChecked(!m_nodes->item(r, 4)->text().isEmpty());
        const QStringList allowed = m_nodes->item(r, 5)->text().split(QStringLiteral(", "));
        for (QCheckBox *c : m_nodePermissions)
            c->setChecked(allowed.contains(c->text()));
    });
    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_nodeName);
    form->addRow(tr("AE title:"), m_nodeAe);
    form->addRow(tr("Host:"), m_nodeHost);
    auto *portRow = new QHBoxLayout;
    portRow->addWidget(m_nodePort);
    portRow->addWidget(m_nodeTls);
    portRow->addStretch();
    form->addRow(tr("Port:"), portRow);
    form->addRow(tr("May use:"), perms);
    layOutListPage(page, m_nodes, form, add, remove);
    return page;
}

QWidget *SettingsDialog::webPage()
{
    auto *page = new QWidget(this);
    auto *table = new QTableWidget(0, 3, page);
    table->setObjectName(QStringLiteral("webServers"));
    table->setHorizontalHeaderLabels({tr("Name"), tr("Base URL"), tr("User")});
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto *name = new QLineEdit(page);
    auto *url = new QLineEdit(page);
    url->setPlaceholderText(QStringLiteral("https://pacs.example.org/dicom-web"));
    auto *user = new QLineEdit(page);
    auto *password = new QLineEdit(page);
    password->setEchoMode(QLineEdit::Password);
    password->setPlaceholderText(tr("kept in the system keychain"));
    auto fill = [table] {
        table->setRowCount(0);
        for (const browser::WebServer &w : browser::QueryRetrievePanel::webServers()) {
            const int r = table->rowCount();
            table->insertRow(r);
            table->setItem(r, 0, new QTableWidgetItem(w.name));
            table->setItem(r, 1, new QTableWidgetItem(w.baseUrl));
            table->setItem(r, 2, new QTableWidgetItem(w.user));
        }
    };
    fill();
    auto *add = new QPushButton(tr("&Add or replace"), page);
    auto *remove = new QPushButton(tr("&Remove"), page);
    connect(add, &QPushButton::clicked, this, [this, name, url, user, password, fill] {
        const QUrl u(url->text().trimmed());
        if (name->text().trimmed().isEmpty() || !u.isValid() ||
            (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https")) || u.host().isEmpty()) {
            showMessage(tr("A DICOMweb server needs a name and a base URL starting with http:// or https://, "
                           "e.g. https://pacs.example.org/dicom-web."),
                        true);
            return;
        }
        QList<browser::WebServer> servers = browser::QueryRetrievePanel::webServers();
        servers.erase(std::remove_if(servers.begin(), servers.end(),
                                     [&](const browser::WebServer &w) { return w.name == name->text().trimmed(); }),
                      servers.end());
        browser::WebServer w;
        w.name = name->text().trimmed();
        w.baseUrl = url->text().trimmed();
        w.user = user->text().trimmed();
        servers << w;
        browser::QueryRetrievePanel::setWebServers(servers);
        if (!password->text().isEmpty()) {
            auto *job = new QKeychain::WritePasswordJob(QString::fromLatin1(kKeychainService));
            job->setAutoDelete(true);
            job->setKey(QStringLiteral("dicomweb:") + w.name);
            job->setTextData(password->text());
            connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *j) {
                if (j->error() != QKeychain::NoError)
                    showMessage(tr("The password could not be stored in the system keychain (%1): start the "
                                   "desktop's keyring or wallet and save again.").arg(j->errorString()),
                                true);
            });
            job->start();
            password->clear();
        }
        showMessage(tr("Saved %1.").arg(w.name), false);
        fill();
    });
    connect(remove, &QPushButton::clicked, this, [table, fill] {
        const int r = table->currentRow();
        if (r < 0)
            return;
        const QString gone = table->item(r, 0)->text();
        QList<browser::WebServer> servers = browser::QueryRetrievePanel::webServers();
        servers.erase(std::remove_if(servers.begin(), servers.end(),
                                     [&](const browser::WebServer &w) { return w.name == gone; }),
                      servers.end());
        browser::QueryRetrievePanel::setWebServers(servers);
        auto *job = new QKeychain::DeletePasswordJob(QString::fromLatin1(kKeychainService));
        job->setAutoDelete(true);
        job->setKey(QStringLiteral("dicomweb:") + gone);
        job->start();
        fill();
    });
    connect(table, &QTableWidget::itemSelectionChanged, this, [table, name, url, user] {
        const int r = table->currentRow();
        if (r < 0)
            return;
        name->setText(table->item(r, 0)->text());
        url->setText(table->item(r, 1)->text());
        user->setText(table->item(r, 2)->text());
    });
    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), name);
    form->addRow(tr("Base URL:"), url);
    form->addRow(tr("User:"), user);
    form->addRow(tr("Password:"), password);
    layOutListPage(page, table, form, add, remove);
    return page;
}

QString SettingsDialog::keychainPassword(const QString &key)
{
    // QtKeychain's jobs share one executor object and must run on the UI
    // thread: the worker asks the UI thread to start the job and waits for
    // its answer (never the other way round, so the UI never blocks).
    struct Answer {
        QSemaphore done;
        QString value;
    };
    auto answer = std::make_shared<Answer>();
    QMetaObject::invokeMethod(qApp, [answer, key] {
        auto *job = new QKeychain::ReadPasswordJob(QString::fromLatin1(kKeychainService));
        job->setAutoDelete(true);
        job->setKey(key);
        QObject::connect(job, &QKeychain::Job::finished, qApp, [answer](QKeychain::Job *j) {
            auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
            if (read->error() == QKeychain::NoError)
                answer->value = read->textData();
            answer->done.release();
        });
        job->start();
    }, Qt::QueuedConnection);
    // A keychain that never answers must not hang the operation.
    if (!answer->done.tryAcquire(1, 10000))
        return {};
    return answer->value;
}

QWidget *SettingsDialog::storagePage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_storageDir = new QLineEdit(m_config.archive.storageDir, page);
    m_storageDir->setPlaceholderText(QDir::toNativeSeparators(m_archive->storageDir()));
    m_duplicates = new QComboBox(page);
    m_duplicates->addItem(tr("Keep the first copy"), int(core::DuplicatePolicy::KeepFirst));
    m_duplicates->addItem(tr("Replace with the newer copy"), int(core::DuplicatePolicy::Overwrite));
    m_duplicates->setCurrentIndex(m_config.archive.duplicatePolicy == core::DuplicatePolicy::Overwrite ? 1 : 0);
    form->addRow(tr("Storage &location:"), fileRow(m_storageDir, tr("Storage location"), page, true));
    form->addRow(tr("Same image &received twice:"), m_duplicates);
    m_minFree = new QSpinBox(page);
    m_minFree->setObjectName(QStringLiteral("minFreeMegabytes"));
    m_minFree->setRange(0, 1 << 30);
    m_minFree->setSingleStep(512);
    m_minFree->setSuffix(tr(" MB"));
    m_minFree->setSpecialValueText(tr("No limit"));
    m_minFree->setValue(m_config.archive.minFreeMegabytes);
    m_minFree->setToolTip(tr("New images are refused (senders are told the archive is out of resources) while the "
                             "storage disk would be left with less free space than this."));
    form->addRow(tr("&Keep free on the storage disk:"), m_minFree);
    form->addRow(QString(), new QLabel(tr("A new location applies to images stored from the next start; existing "
                                          "images stay where they are."), page));
    return page;
}

QWidget *SettingsDialog::usersPage()
{
    auto *page = new QWidget(this);
    m_users = new QListWidget(page);
    m_users->setObjectName(QStringLiteral("users"));
    auto *add = new QPushButton(tr("&Add user…"), page);
    auto *remove = new QPushButton(tr("&Remove user"), page);
    layOutListPage(page, m_users, nullptr, add, remove);
    const QString db = m_archive->databasePath();
    auto reload = [this, db] {
        auto *w = new QFutureWatcher<QStringList>(this);
        connect(w, &QFutureWatcher<QStringList>::finished, this, [this, w] {
            w->deleteLater();
            m_users->clear();
            m_users->addItems(w->result());
        });
        w->setFuture(QtConcurrent::run([db] {
            QStringList out;
            archive::Users users(db);
            if (auto list = users.list())
                for (const archive::User &u : list.value())
                    out << QStringLiteral("%1 (%2)").arg(u.name, archive::toString(u.role));
            return out;
        }));
    };
    reload();
    connect(add, &QPushButton::clicked, this, [this, db, reload] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Add user"), tr("User name:"), QLineEdit::Normal, {}, &ok);
        if (!ok || name.isEmpty())
            return;
        const QString role = QInputDialog::getItem(this, tr("Add user"), tr("Role:"),
                                                   {QStringLiteral("radiologist"), QStringLiteral("technologist"),
                                                    QStringLiteral("viewer"), QStringLiteral("admin")},
                                                   0, false, &ok);
        if (!ok)
            return;
        const QString password = QInputDialog::getText(this, tr("Add user"),
                                                       tr("Password (at least %1 characters):").arg(archive::Users::kMinPasswordLength),
                                                       QLineEdit::Password, {}, &ok);
        if (!ok)
            return;
        auto *w = new QFutureWatcher<QString>(this);
        connect(w, &QFutureWatcher<QString>::finished, this, [this, w, reload] {
            w->deleteLater();
            if (!w->result().isEmpty())
                showMessage(w->result(), true);
            reload();
        });
        w->setFuture(QtConcurrent::run([db, name, role, password] {
            archive::Users users(db);
            auto r = archive::roleFromString(role);
            if (!r)
                return r.error();
            const core::Status st = users.add(name, r.value(), password);
            return st ? QString() : st.error();
        }));
    });
    connect(remove, &QPushButton::clicked, this, [this, db, reload] {
        if (!m_users->currentItem())
            return;
        const QString name = m_users->currentItem()->text().section(QLatin1Char(' '), 0, 0);
        auto *w = new QFutureWatcher<QString>(this);
        connect(w, &QFutureWatcher<QString>::finished, this, [this, w, reload] {
            w->deleteLater();
            if (!w->result().isEmpty())
                showMessage(w->result(), true);
            reload();
        });
        w->setFuture(QtConcurrent::run([db, name] {
            archive::Users users(db);
            const core::Status st = users.remove(name);
            return st ? QString() : st.error();
        }));
    });
    return page;
}

QWidget *SettingsDialog::appearancePage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_language = new QComboBox(page);
    m_language->setObjectName(QStringLiteral("language"));
    const QSettings settings;
    const QString lang = settings.value(QStringLiteral("ui/language"), QStringLiteral("en")).toString();
    for (const auto &l : languages())
        m_language->addItem(l.second, l.first);
    m_language->setCurrentIndex(qMax(0, m_language->findData(lang)));
    m_theme = new QComboBox(page);
    m_theme->setObjectName(QStringLiteral("theme"));
    m_theme->addItem(tr("Dark (reading room)"), QStringLiteral("dark"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(settings.value(QStringLiteral("ui/theme"), QStringLiteral("dark")))));
    form->addRow(tr("&Language:"), m_language);
    form->addRow(tr("&Theme:"), m_theme);
    return page;
}

void SettingsDialog::loadKnownNodes()
{
    std::shared_ptr<archive::Archive> archive = m_archive;
    using R = core::Result<QList<archive::KnownNode>>;
    auto *w = new QFutureWatcher<R>(this);
    connect(w, &QFutureWatcher<R>::finished, this, [this, w] {
        w->deleteLater();
        const R r = w->result();
        m_nodes->setRowCount(0);
        if (!r) {
            showMessage(tr("The known nodes cannot be read: %1").arg(r.error()), true);
            return;
        }
        for (const archive::KnownNode &n : r.value()) {
            const int row = m_nodes->rowCount();
            m_nodes->insertRow(row);
            const QStringList cells = {n.name, n.aeTitle, n.host, QString::number(n.port),
                                       n.tls ? tr("yes") : QString(), n.permissions.join(QStringLiteral(", "))};
            for (int c = 0; c < cells.size(); ++c)
                m_nodes->setItem(row, c, new QTableWidgetItem(cells.at(c)));
        }
    });
    w->setFuture(QtConcurrent::run([archive] { return archive->knownNodes().list(); }));
}

void SettingsDialog::addKnownNode()
{
    archive::KnownNode n;
    n.name = m_nodeName->text().trimmed();
    n.aeTitle = m_nodeAe->text().trimmed();
    n.host = m_nodeHost->text().trimmed();
    n.port = m_nodePort->value();
    n.tls = m_nodeTls->isChecked();
    for (QCheckBox *c : m_nodePermissions)
        if (c->isChecked())
            n.permissions << c->text();
    if (n.name.isEmpty() || n.host.isEmpty() || !validAe(n.aeTitle)) {
        showMessage(tr("A known node needs a name, a host name or address, and an AE title of 1 to 16 characters "
                       "without backslash."),
                    true);
        return;
    }
    std::shared_ptr<archive::Archive> archive = m_archive;
    auto *w = new QFutureWatcher<QString>(this);
    connect(w, &QFutureWatcher<QString>::finished, this, [this, w, n] {
        w->deleteLater();
        if (!w->result().isEmpty()) {
            showMessage(w->result(), true);
            return;
        }
        showMessage(tr("Saved %1.").arg(n.name), false);
        loadKnownNodes();
    });
    w->setFuture(QtConcurrent::run([archive, n] {
        const core::Status st = archive->knownNodes().put(n);
        return st ? QString() : st.error();
    }));
}

void SettingsDialog::removeKnownNode()
{
    const int r = m_nodes->currentRow();
    if (r < 0)
        return;
    const QString name = m_nodes->item(r, 0)->text();
    std::shared_ptr<archive::Archive> archive = m_archive;
    auto *w = new QFutureWatcher<QString>(this);
    connect(w, &QFutureWatcher<QString>::finished, this, [this, w] {
        w->deleteLater();
        if (!w->result().isEmpty())
            showMessage(w->result(), true);
        loadKnownNodes();
    });
    w->setFuture(QtConcurrent::run([archive, name] {
        const core::Status st = archive->knownNodes().remove(name);
        return st ? QString() : st.error();
    }));
}

QString SettingsDialog::validate() const
{
    if (!validAe(m_aeTitle->text()))
        return tr("The AE title must be 1 to 16 characters (letters, digits, no backslash), e.g. KILIMA_WS1.");
    QList<int> ports = {m_dicomPort->value()};
    for (int p : {m_tlsPort->value(), m_httpPort->value()}) {
        if (p > 0 && ports.contains(p))
            return tr("Port %1 is used twice: give the DICOM, DICOM TLS and HTTP listeners different ports.").arg(p);
        if (p > 0)
            ports << p;
    }
    if (m_tlsPort->value() > 0 && (m_certFile->text().isEmpty() || m_keyFile->text().isEmpty()))
        return tr("The DICOM TLS port needs a certificate and a private key file (PEM).");
    for (QLineEdit *f : {m_certFile, m_keyFile})
        if (!f->text().isEmpty() && !QFileInfo(f->text()).isReadable())
            return tr("The file %1 does not exist or cannot be read.").arg(QDir::toNativeSeparators(f->text()));
    return {};
}

core::Config SettingsDialog::config() const
{
    core::Config c = m_config;
    c.node.aeTitle = m_aeTitle->text().trimmed();
    c.node.dicomPort = m_dicomPort->value();
    c.node.dicomTlsPort = m_tlsPort->value();
    c.node.httpPort = m_httpPort->value();
    c.node.allowUnknownStore = m_allowUnknownStore->isChecked();
    c.tls.certificateFile = m_certFile->text().trimmed();
    c.tls.privateKeyFile = m_keyFile->text().trimmed();
    c.archive.storageDir = m_storageDir->text().trimmed();
    c.archive.minFreeMegabytes = m_minFree->value();
    c.archive.duplicatePolicy = core::DuplicatePolicy(m_duplicates->currentData().toInt());
    return c;
}

QString SettingsDialog::language() const
{
    return m_language->currentData().toString();
}

QString SettingsDialog::theme() const
{
    return m_theme->currentData().toString();
}

void SettingsDialog::accept()
{
    const QString problem = validate();
    if (!problem.isEmpty()) {
        showMessage(problem, true);
        return;
    }
    const core::Status st = config().save(m_configFile);
    if (!st) {
        showMessage(tr("The settings could not be saved: %1. Check that the data folder is writable.").arg(st.error()),
                    true);
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("ui/language"), language());
    settings.setValue(QStringLiteral("ui/theme"), theme());
    if (!m_keyPassphrase->text().isEmpty()) {
        // Into the system keychain, never the configuration file.
        auto *job = new QKeychain::WritePasswordJob(QString::fromLatin1(kKeychainService));
        job->setAutoDelete(true);
        job->setKey(QStringLiteral("tls-key-passphrase:") + QDir::cleanPath(m_configFile));
        job->setTextData(m_keyPassphrase->text());
        QWidget *owner = parentWidget();
        connect(job, &QKeychain::Job::finished, owner ? static_cast<QObject *>(owner) : qApp, [owner](QKeychain::Job *j) {
            if (j->error() != QKeychain::NoError && owner)
                qWarning("kilima: the key passphrase was not stored in the keychain: %s", qPrintable(j->errorString()));
        });
        job->start();
    }
    Q_EMIT saved();
    QDialog::accept();
}

} // namespace kilima::workstation
