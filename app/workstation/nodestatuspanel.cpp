#include "nodestatuspanel.h"

#include <kilima/archive/archive.h>
#include <kilima/node/node.h>
#include <kilima/routing/queue.h>

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QSet>
#include <QPushButton>
#include <QStorageInfo>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace kilima::workstation {

// The routing module's queue, opened on the first poll (on a worker).
struct NodeStatusPanel::RoutingState {
    std::mutex mutex;
    std::unique_ptr<routing::ForwardQueue> queue;
};

NodeStatusPanel::NodeStatusPanel(std::shared_ptr<archive::Archive> archive, node::Node *node, QWidget *parent)
    : QWidget(parent),
      m_archive(std::move(archive)),
      m_node(node),
      m_state(new QLabel(this)),
      m_storage(new QLabel(this)),
      m_startStop(new QPushButton(this)),
      m_received(new QTableWidget(0, 5, this)),
      m_errors(new QPlainTextEdit(this)),
      m_timer(new QTimer(this)),
      m_drain(new QTimer(this)),
      m_pending(std::make_shared<Pending>()),
      m_routing(std::make_shared<RoutingState>())
{
    m_state->setObjectName(QStringLiteral("nodeState"));
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_storage->setObjectName(QStringLiteral("nodeStorage"));
    m_startStop->setObjectName(QStringLiteral("nodeStartStop"));
    m_received->setObjectName(QStringLiteral("receivedStudies"));
    m_received->setHorizontalHeaderLabels({tr("Last received"), tr("Study"), tr("From"), tr("Images"), tr("Problems")});
    m_received->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_received->verticalHeader()->hide();
    m_received->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_received->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_errors->setObjectName(QStringLiteral("nodeErrors"));
    m_errors->setReadOnly(true);
    m_errors->setMaximumBlockCount(200);
    m_errors->setPlaceholderText(tr("No errors."));

    auto *top = new QHBoxLayout;
    top->addWidget(m_state, 1);
    top->addWidget(m_startStop);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_storage);
    layout->addWidget(new QLabel(tr("Studies received since the workstation started:"), this));
    layout->addWidget(m_received, 3);
    layout->addWidget(new QLabel(tr("Errors:"), this));
    layout->addWidget(m_errors, 1);

    connect(m_startStop, &QPushButton::clicked, this, &NodeStatusPanel::toggleNode);
    connect(&m_poll, &QFutureWatcher<Poll>::finished, this, [this] {
        const Poll p = m_poll.result();
        const QLocale locale;
        if (!m_node) {
            m_state->setText(tr("The embedded node is off (started with --no-node)."));
            m_startStop->setEnabled(false);
        } else if (p.running) {
            QString ports = tr("DICOM port %1").arg(p.port);
            if (p.tlsPort > 0)
                ports += tr(", DICOM TLS port %1").arg(p.tlsPort);
            QString state = tr("Running as %1 on %2 · %3 open associations")
                                .arg(m_node->config().node.aeTitle, ports)
                                .arg(p.associations);
            // Said where the person running the node looks, not only in a log.
            if (!p.securityWarning.isEmpty())
                state += QLatin1Char('\n') + tr("Warning: %1.").arg(p.securityWarning);
            m_state->setText(state);
            m_startStop->setText(tr("S&top node"));
        } else {
            m_state->setText(tr("Stopped: other nodes cannot send to this workstation."));
            m_startStop->setText(tr("S&tart node"));
        }
        QString storage = tr("Archive: %1 studies, %2 images, %3")
                              .arg(locale.toString(p.studies), locale.toString(p.instances),
                                   locale.formattedDataSize(p.storedBytes));
        if (p.diskTotal > 0) {
            storage += tr(" · Disk: %1 free of %2").arg(locale.formattedDataSize(p.diskFree),
                                                         locale.formattedDataSize(p.diskTotal));
            if (p.diskFree < p.diskTotal / 20)
                storage += tr(" — almost full: free space or move the storage location in Settings");
        }
        QStringList queued;
        for (auto it = p.queue.begin(); it != p.queue.end(); ++it)
            if (it.value() > 0 && it.key() != QLatin1String("done"))
                queued << QStringLiteral("%1 %2").arg(locale.toString(it.value()), it.key());
        if (!queued.isEmpty())
            storage += QLatin1Char('\n') + tr("Forwarding queue: %1").arg(queued.join(QStringLiteral(", ")));
        storage += cloudLine(p.cloud, locale);
        m_storage->setText(storage);
    });
    connect(&m_toggle, &QFutureWatcher<QString>::finished, this, [this] {
        m_startStop->setEnabled(true);
        const QString error = m_toggle.result();
        if (!error.isEmpty())
            addError(tr("The node did not start: %1. Check that no other program uses the port (Settings > Node).")
                         .arg(error));
        poll();
        Q_EMIT nodeStateChanged(m_node && m_node->isRunning());
    });

    // The observer runs on the ingest threads, once per image: it only
    // queues; the UI drains the queue a few times a second, so thousands of
    // images a minute cost the event loop a handful of short updates.
    auto pending = m_pending;
    m_observer = m_archive->addIngestObserver([pending](const archive::IngestOutcome &o) {
        std::lock_guard<std::mutex> lock(pending->mutex);
        pending->items.append({o.studyInstanceUid, o.source, o.success(), o.reason});
    });
    m_drain->setInterval(300);
    connect(m_drain, &QTimer::timeout, this, [this] {
        QList<Pending::Item> items;
        {
            std::lock_guard<std::mutex> lock(m_pending->mutex);
            items.swap(m_pending->items);
        }
        QSet<QString> studies;
        m_received->setUpdatesEnabled(false);
        for (const Pending::Item &i : items) {
            onIngest(i.study, i.source, i.ok, i.reason);
            if (i.ok)
                studies.insert(i.study);
        }
        m_received->setUpdatesEnabled(true);
        for (const QString &s : studies)
            Q_EMIT studyReceived(s);
    });
    m_drain->start();

    m_timer->setInterval(2000);
    connect(m_timer, &QTimer::timeout, this, &NodeStatusPanel::poll);
    m_timer->start();
    poll();
}

NodeStatusPanel::~NodeStatusPanel()
{
    m_archive->removeIngestObserver(m_observer);
    m_poll.waitForFinished();
    m_toggle.waitForFinished();
}

QString NodeStatusPanel::stateText() const
{
    return m_state->text();
}

void NodeStatusPanel::addError(const QString &message)
{
    m_errors->appendPlainText(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss ")) + message);
}

QString NodeStatusPanel::cloudLine(const node::CloudSyncState &c, const QLocale &locale)
{
    if (!c.configured)
        return {};
    if (!c.syncing) {
        if (!c.error.isEmpty())
            return QLatin1Char('\n') + tr("Cloud sync is off: %1. Check the cloud settings and credentials.").arg(c.error);
        return QLatin1Char('\n') + tr("Cloud sync: not running in this node.");
    }
    QString line = QLatin1Char('\n') + tr("Cloud sync: %1 of %2 images verified in the bucket, %3 waiting, %4 only in the bucket")
                                          .arg(locale.toString(c.verified), locale.toString(c.instances),
                                               locale.toString(c.pending), locale.toString(c.evicted));
    if (c.passRunning)
        line += tr(" · uploading now");
    else if (!c.lastPassAt.isEmpty())
        line += tr(" · last pass %1: %2")
                    .arg(locale.toString(QDateTime::fromString(c.lastPassAt, Qt::ISODate).toLocalTime(), QLocale::ShortFormat),
                         c.lastPassResult);
    if (!c.lastError.isEmpty())
        line += QLatin1Char('\n') + tr("Last cloud error: %1 (the upload is retried on the next pass)").arg(c.lastError);
    return line;
}

void NodeStatusPanel::poll()
{
    if (m_poll.isRunning())
        return;
    std::shared_ptr<archive::Archive> archive = m_archive;
    node::Node *node = m_node;
    auto routingState = m_routing;
    m_poll.setFuture(QtConcurrent::run([archive, node, routingState] {
        Poll p;
        if (node) {
            p.running = node->isRunning();
            p.associations = node->activeAssociations();
            p.port = node->dicomPort();
            p.tlsPort = node->dicomTlsPort();
            p.securityWarning = node->securityWarning();
            p.cloud = node->cloudSync();
        }
        // The forwarding queue (docs/routing.md), when routing is in use.
        {
            std::lock_guard<std::mutex> lock(routingState->mutex);
            if (!routingState->queue) {
                if (auto q = routing::ForwardQueue::open(archive->databasePath()))
                    routingState->queue = q.take();
            }
            if (routingState->queue) {
                const auto counts = routingState->queue->counts();
                for (auto it = counts.begin(); it != counts.end(); ++it)
                    p.queue.insert(it.key(), it.value());
            }
        }
        if (auto s = archive->stats()) {
            p.studies = s.value().studies;
            p.instances = s.value().instances;
            p.storedBytes = s.value().storedBytes;
        }
        const QStorageInfo disk(archive->storageDir());
        if (disk.isValid()) {
            p.diskFree = disk.bytesAvailable();
            p.diskTotal = disk.bytesTotal();
        }
        return p;
    }));
}

void NodeStatusPanel::toggleNode()
{
    if (!m_node || m_toggle.isRunning())
        return;
    m_startStop->setEnabled(false);
    node::Node *node = m_node;
    // Stopping waits for open associations: never on the UI thread.
    m_toggle.setFuture(QtConcurrent::run([node] {
        if (node->isRunning()) {
            node->stop();
            return QString();
        }
        const core::Status st = node->start();
        return st ? QString() : st.error();
    }));
}

void NodeStatusPanel::onIngest(const QString &studyUid, const QString &source, bool ok, const QString &reason)
{
    if (!ok)
        addError(tr("An image from %1 was not stored: %2").arg(source, reason));
    int row = m_rows.value(studyUid, -1);
    if (row < 0) {
        row = 0;
        m_received->insertRow(0);
        for (auto it = m_rows.begin(); it != m_rows.end(); ++it)
            ++it.value();
        m_rows.insert(studyUid, 0);
        for (int c = 0; c < 5; ++c)
            m_received->setItem(0, c, new QTableWidgetItem);
        m_received->item(0, 1)->setText(studyUid);
        m_received->item(0, 3)->setText(QStringLiteral("0"));
        m_received->item(0, 4)->setText(QStringLiteral("0"));
    }
    m_received->item(row, 0)->setText(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")));
    m_received->item(row, 2)->setText(source);
    QTableWidgetItem *counter = m_received->item(row, ok ? 3 : 4);
    counter->setText(QString::number(counter->text().toInt() + 1));
}

} // namespace kilima::workstation
