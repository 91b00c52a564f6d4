#include <kilima/browser/queryretrievepanel.h>

#include <kilima/archive/archive.h>
#include <kilima/browser/studybrowser.h>
#include <kilima/browser/studylistmodel.h>

#include <QComboBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardItemModel>
#include <QTableView>
#include <QThreadPool>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace kilima::browser {

namespace {
constexpr int UidRole = Qt::UserRole + 1;
constexpr int PatientIdRole = Qt::UserRole + 2;
const QString kWebPrefix = QStringLiteral("web:");

QueryRetrievePanel::PasswordProvider &passwordProvider()
{
    static QueryRetrievePanel::PasswordProvider provider;
    return provider;
}

// The password is fetched on the worker thread, right before use.
WebServer withPassword(WebServer server)
{
    if (!server.user.isEmpty() && server.password.isEmpty() && passwordProvider())
        server.password = passwordProvider()(server.name);
    return server;
}
} // namespace

QList<WebServer> QueryRetrievePanel::webServers()
{
    QSettings settings;
    QList<WebServer> out;
    const int n = settings.beginReadArray(QStringLiteral("dicomweb/servers"));
    for (int i = 0; i < n; ++i) {
        settings.setArrayIndex(i);
        WebServer w;
        w.name = settings.value(QStringLiteral("name")).toString();
        w.baseUrl = settings.value(QStringLiteral("url")).toString();
        w.user = settings.value(QStringLiteral("user")).toString();
        if (!w.name.isEmpty() && !w.baseUrl.isEmpty())
            out << w;
    }
    settings.endArray();
    return out;
}

void QueryRetrievePanel::setWebServers(const QList<WebServer> &servers)
{
    QSettings settings;
    settings.beginWriteArray(QStringLiteral("dicomweb/servers"), int(servers.size()));
    for (int i = 0; i < servers.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("name"), servers.at(i).name);
        settings.setValue(QStringLiteral("url"), servers.at(i).baseUrl);
        settings.setValue(QStringLiteral("user"), servers.at(i).user);
    }
    settings.endArray();
}

void QueryRetrievePanel::setPasswordProvider(PasswordProvider provider)
{
    passwordProvider() = std::move(provider);
}

QueryRetrievePanel::QueryRetrievePanel(std::shared_ptr<archive::Archive> archive, const QString &callingAe,
                                       QWidget *parent)
    : QWidget(parent),
      m_archive(std::move(archive)),
      m_callingAe(callingAe),
      m_nodes(new QComboBox(this)),
      m_echo(new QPushButton(tr("&Echo"), this)),
      m_filter(new QLineEdit(this)),
      m_date(new QComboBox(this)),
      m_modality(new QComboBox(this)),
      m_method(new QComboBox(this)),
      m_search(new QPushButton(tr("&Search"), this)),
      m_retrieve(new QPushButton(tr("&Retrieve"), this)),
      m_view(new QTableView(this)),
      m_results(new QStandardItemModel(0, ColumnCount, this)),
      m_status(new QLabel(this)),
      m_pool(std::make_unique<QThreadPool>())
{
    m_pool->setMaxThreadCount(3);
    m_nodes->setObjectName(QStringLiteral("remoteNode"));
    m_nodes->setMinimumContentsLength(16);
    m_nodes->setToolTip(tr("Remote nodes come from Settings > Known nodes"));
    m_echo->setObjectName(QStringLiteral("echoButton"));
    m_echo->setToolTip(tr("Test the connection with a C-ECHO"));
    m_filter->setObjectName(QStringLiteral("remoteFilter"));
    m_filter->setPlaceholderText(tr("Patient name or ID"));
    m_filter->setClearButtonEnabled(true);
    m_date->setObjectName(QStringLiteral("remoteDate"));
    m_date->addItem(tr("Any date"), int(StudyListModel::DatePreset::Any));
    m_date->addItem(tr("Today"), int(StudyListModel::DatePreset::Today));
    m_date->addItem(tr("Yesterday"), int(StudyListModel::DatePreset::Yesterday));
    m_date->addItem(tr("Last 7 days"), int(StudyListModel::DatePreset::Last7Days));
    m_modality->setObjectName(QStringLiteral("remoteModality"));
    m_modality->addItem(tr("Any modality"), QString());
    for (const QString &m : StudyBrowser::modalities())
        m_modality->addItem(m, m);
    m_method->setObjectName(QStringLiteral("retrieveMethod"));
    m_method->addItem(tr("C-GET"), int(RetrieveMethod::Get));
    m_method->addItem(tr("C-MOVE"), int(RetrieveMethod::Move));
    m_method->setToolTip(tr("C-GET brings the images on the same connection; C-MOVE asks the node to send "
                            "them to this workstation's node, which that node must know"));
    m_search->setObjectName(QStringLiteral("searchButton"));
    m_search->setDefault(true);
    m_retrieve->setObjectName(QStringLiteral("retrieveButton"));
    m_retrieve->setEnabled(false);

    m_results->setHorizontalHeaderLabels({tr("Patient name"), tr("Patient ID"), tr("Study date"), tr("Modalities"),
                                          tr("Description"), tr("Accession #"), tr("Images"), tr("Retrieve")});
    m_view->setObjectName(QStringLiteral("remoteResults"));
    m_view->setModel(m_results);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(DescriptionColumn, QHeaderView::Stretch);
    m_status->setObjectName(QStringLiteral("remoteStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("&Node:"), this));
    static_cast<QLabel *>(top->itemAt(0)->widget())->setBuddy(m_nodes);
    top->addWidget(m_nodes, 1);
    top->addWidget(m_echo);
    top->addSpacing(16);
    top->addWidget(m_filter, 2);
    top->addWidget(m_date);
    top->addWidget(m_modality);
    top->addWidget(m_search);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_method);
    bottom->addWidget(m_retrieve);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottom);

    connect(m_echo, &QPushButton::clicked, this, &QueryRetrievePanel::echo);
    connect(m_search, &QPushButton::clicked, this, &QueryRetrievePanel::search);
    connect(m_filter, &QLineEdit::returnPressed, this, &QueryRetrievePanel::search);
    connect(m_retrieve, &QPushButton::clicked, this, &QueryRetrievePanel::retrieveSelected);
    connect(m_view, &QTableView::activated, this, &QueryRetrievePanel::retrieveSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_retrieve->setEnabled(m_view->selectionModel()->hasSelection()); });
    reloadNodes();
}

QueryRetrievePanel::~QueryRetrievePanel()
{
    m_pool->waitForDone();
}

void QueryRetrievePanel::busy(int delta)
{
    const bool was = m_busy > 0;
    m_busy += delta;
    if (was != (m_busy > 0))
        Q_EMIT busyChanged(m_busy > 0);
}

void QueryRetrievePanel::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setProperty("error", error);
    m_status->setStyleSheet(error ? QStringLiteral("color: #e06c60;") : QString());
}

QString QueryRetrievePanel::statusText() const
{
    return m_status->text();
}

void QueryRetrievePanel::reloadNodes()
{
    busy(1);
    std::shared_ptr<archive::Archive> archive = m_archive;
    auto *w = new QFutureWatcher<core::Result<QList<archive::KnownNode>>>(this);
    connect(w, &QFutureWatcher<core::Result<QList<archive::KnownNode>>>::finished, this, [this, w] {
        w->deleteLater();
        busy(-1);
        const auto r = w->result();
        const QString current = m_nodes->currentData().toString();
        m_nodes->clear();
        if (!r) {
            setStatus(tr("The known nodes cannot be read: %1").arg(r.error()), true);
            return;
        }
        m_knownNodes = r.value();
        for (const archive::KnownNode &n : m_knownNodes)
            m_nodes->addItem(QStringLiteral("%1 (%2@%3:%4)").arg(n.name, n.aeTitle, n.host).arg(n.port), n.name);
        m_webServers = webServers();
        for (const WebServer &w : m_webServers)
            m_nodes->addItem(QStringLiteral("%1 (DICOMweb %2)").arg(w.name, w.baseUrl), QString(kWebPrefix + w.name));
        const int i = m_nodes->findData(current);
        if (i >= 0)
            m_nodes->setCurrentIndex(i);
        if (m_knownNodes.isEmpty() && m_webServers.isEmpty())
            setStatus(tr("No remote nodes yet: add one in Settings > Known nodes (AE title, host, port)."));
    });
    w->setFuture(QtConcurrent::run(m_pool.get(), [archive] { return archive->knownNodes().list(); }));
}

bool QueryRetrievePanel::currentTarget(Target *target) const
{
    const QString name = m_nodes->currentData().toString();
    if (name.startsWith(kWebPrefix)) {
        for (const WebServer &w : m_webServers) {
            if (kWebPrefix + w.name == name) {
                target->web = true;
                target->server = w;
                return true;
            }
        }
        return false;
    }
    for (const archive::KnownNode &n : m_knownNodes) {
        if (n.name == name) {
            target->web = false;
            target->node = n;
            return true;
        }
    }
    return false;
}

void QueryRetrievePanel::echo()
{
    Target target;
    if (!currentTarget(&target)) {
        setStatus(tr("Choose a remote node first (add one in Settings > Known nodes)."), true);
        return;
    }
    if (target.web) {
        // DICOMweb has no echo: a search limited to one study proves the
        // address and the credentials.
        setStatus(tr("Testing %1…").arg(target.name()));
        busy(1);
        using R = core::Result<QList<RemoteStudy>>;
        auto *w = new QFutureWatcher<R>(this);
        connect(w, &QFutureWatcher<R>::finished, this, [this, w, target] {
            w->deleteLater();
            busy(-1);
            const R r = w->result();
            if (r)
                setStatus(tr("%1 answered the echo: the connection works.").arg(target.name()));
            else
                setStatus(r.error(), true);
        });
        const WebServer server = target.server;
        w->setFuture(QtConcurrent::run(m_pool.get(), [server] {
            RemoteFilter f;
            f.patientId = QStringLiteral("KILIMA-ECHO-NO-SUCH-ID");
            return RemoteStudies::find(withPassword(server), f);
        }));
        return;
    }
    const archive::KnownNode node = target.node;
    setStatus(tr("Testing %1…").arg(node.name));
    busy(1);
    const dicomnet::ScuConfig config = RemoteStudies::scuConfig(node, m_callingAe);
    auto *w = new QFutureWatcher<core::Status>(this);
    connect(w, &QFutureWatcher<core::Status>::finished, this, [this, w, node] {
        w->deleteLater();
        busy(-1);
        const core::Status st = w->result();
        if (st)
            setStatus(tr("%1 answered the echo: the connection works.").arg(node.name));
        else
            setStatus(st.error(), true);
    });
    w->setFuture(QtConcurrent::run(m_pool.get(), [config] { return RemoteStudies::echo(config); }));
}

void QueryRetrievePanel::search()
{
    RemoteFilter f;
    f.text = m_filter->text();
    const auto preset = StudyListModel::DatePreset(m_date->currentData().toInt());
    std::tie(f.from, f.to) = StudyListModel::presetRange(preset, QDate::currentDate());
    f.modality = m_modality->currentData().toString();
    runSearch(f);
}

void QueryRetrievePanel::searchPriors(const QString &patientId)
{
    RemoteFilter f;
    f.patientId = patientId;
    runSearch(f);
}

void QueryRetrievePanel::runSearch(const RemoteFilter &filter)
{
    Target target;
    if (!currentTarget(&target)) {
        setStatus(tr("Choose a remote node first (add one in Settings > Known nodes)."), true);
        return;
    }
    archive::KnownNode node;
    node.name = target.name();
    setStatus(tr("Searching %1…").arg(node.name));
    m_search->setEnabled(false);
    busy(1);
    const dicomnet::ScuConfig config = RemoteStudies::scuConfig(target.node, m_callingAe);
    using R = core::Result<QList<RemoteStudy>>;
    auto *w = new QFutureWatcher<R>(this);
    connect(w, &QFutureWatcher<R>::finished, this, [this, w, node] {
        w->deleteLater();
        busy(-1);
        m_search->setEnabled(true);
        const R r = w->result();
        m_results->removeRows(0, m_results->rowCount());
        if (!r) {
            setStatus(r.error(), true);
            return;
        }
        for (const RemoteStudy &s : r.value()) {
            QList<QStandardItem *> row;
            row << new QStandardItem(StudyListModel::formatPersonName(s.patientName))
                << new QStandardItem(s.patientId)
                << new QStandardItem(StudyListModel::formatDate(s.studyDate) + QLatin1Char(' ') +
                                     StudyListModel::formatTime(s.studyTime))
                << new QStandardItem(s.modalities) << new QStandardItem(s.description)
                << new QStandardItem(s.accession)
                << new QStandardItem(s.instances > 0 ? QString::number(s.instances) : QString())
                << new QStandardItem(QString());
            row.first()->setData(s.studyUid, UidRole);
            row.first()->setData(s.patientId, PatientIdRole);
            m_results->appendRow(row);
        }
        const int n = int(r.value().size());
        setStatus(n == 1 ? tr("1 study on %1.").arg(node.name) : tr("%1 studies on %2.").arg(n).arg(node.name));
    });
    w->setFuture(QtConcurrent::run(m_pool.get(), [config, filter, target] {
        return target.web ? RemoteStudies::find(withPassword(target.server), filter) : RemoteStudies::find(config, filter);
    }));
}

void QueryRetrievePanel::setRowState(const QString &studyUid, const QString &text)
{
    for (int r = 0; r < m_results->rowCount(); ++r) {
        if (m_results->item(r, 0)->data(UidRole).toString() == studyUid)
            m_results->item(r, StateColumn)->setText(text);
    }
}

void QueryRetrievePanel::retrieveSelected()
{
    Target target;
    if (!currentTarget(&target))
        return;
    const dicomnet::ScuConfig config = RemoteStudies::scuConfig(target.node, m_callingAe);
    // A DICOMweb server is always retrieved from with WADO-RS.
    const auto method = target.web ? RetrieveMethod::WadoRs : RetrieveMethod(m_method->currentData().toInt());
    const WebServer server = target.server;
    const QString destination = m_callingAe;
    std::shared_ptr<archive::Archive> archive = m_archive;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        const QString uid = m_results->item(index.row(), 0)->data(UidRole).toString();
        const int expected = m_results->item(index.row(), ImagesColumn)->text().toInt();
        setRowState(uid, tr("Waiting…"));
        busy(1);
        using R = core::Result<RetrieveResult>;
        auto *w = new QFutureWatcher<R>(this);
        connect(w, &QFutureWatcher<R>::finished, this, [this, w, uid] {
            w->deleteLater();
            busy(-1);
            const R r = w->result();
            if (!r) {
                setRowState(uid, tr("Failed"));
                setStatus(r.error(), true);
                return;
            }
            setRowState(uid, r.value().warning.isEmpty() ? tr("Done: %1 images").arg(r.value().received)
                                                         : tr("Partly: %1 images").arg(r.value().received));
            if (!r.value().warning.isEmpty())
                setStatus(r.value().warning, true);
            else
                setStatus(tr("Retrieved %1 images.").arg(r.value().received));
            if (r.value().received > 0)
                Q_EMIT studyRetrieved(uid);
        });
        w->setFuture(QtConcurrent::run(m_pool.get(), [this, config, archive, uid, method, destination, expected, server] {
            if (method == RetrieveMethod::WadoRs)
                return RemoteStudies::retrieve(withPassword(server), *archive, uid);
            return RemoteStudies::retrieve(config, *archive, uid, method, destination, [this, uid, expected](int done, int) {
                QMetaObject::invokeMethod(this, [this, uid, done, expected] {
                    setRowState(uid, expected > 0 ? tr("%1 of %2").arg(done).arg(expected) : tr("%1 images").arg(done));
                }, Qt::QueuedConnection);
            });
        }));
    }
}

} // namespace kilima::browser
