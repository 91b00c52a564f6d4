#include <kilima/node/node.h>

#include "services_p.h"

#include <kilima/archive/archive.h>
#include <kilima/dicomnet/server.h>
#include <kilima/dicomweb/server.h>
#include <kilima/cloud/cloudtier.h>
#include <kilima/cloud/setup.h>
#include <kilima/routing/engine.h>

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QLoggingCategory>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kilima::node {

Q_LOGGING_CATEGORY(lcNode, "kilima.node")

struct Node::Services {
    Services(archive::Archive &archive, const core::Config &config)
        : policy(archive, config), store(archive), query(archive, config), retrieve(archive), audit(archive)
    {
    }
    NodeAccessPolicy policy;
    ArchiveStoreHandler store;
    ArchiveQueryHandler query;
    ArchiveRetrieveHandler retrieve;
    ArchiveAuditSink audit;
    std::unique_ptr<dicomnet::DimseServer> server;
    std::unique_ptr<dicomweb::DicomWebServer> web;
    std::unique_ptr<routing::RoutingEngine> routing;
    std::shared_ptr<cloud::CloudTier> cloud;
};

QString plainHttpWarning(const core::Config &config)
{
    if (config.node.httpPort == 0 || config.http.tls)
        return {};
    const QString bind = config.node.bindAddress.trimmed();
    if (bind.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 || QHostAddress(bind).isLoopback())
        return {};
    return QStringLiteral("DICOMweb serves plain HTTP on %1:%2, beyond this machine: passwords and tokens cross the "
                          "network in clear. Turn on HTTPS with \"http\": {\"tls\": true} in kilima.json (it uses the "
                          "certificate and key of the tls section), or bind to 127.0.0.1")
        .arg(bind.isEmpty() ? QStringLiteral("0.0.0.0") : bind)
        .arg(config.node.httpPort);
}

Node::Node(archive::Archive &archive, core::Config config) : m_archive(archive), m_config(std::move(config)) {}

Node::~Node()
{
    stop();
}

core::Status Node::start()
{
    if (isRunning())
        return {};
    m_cloudError.clear();
    m_httpError.clear();
    m_services = std::make_unique<Services>(m_archive, m_config);
    dicomnet::ServerConfig sc;
    sc.aeTitle = m_config.node.aeTitle;
    sc.bindAddress = m_config.node.bindAddress;
    sc.port = quint16(m_config.node.dicomPort);
    sc.tlsPort = quint16(m_config.node.dicomTlsPort);
    sc.tls.certificateFile = m_config.tls.certificateFile;
    sc.tls.privateKeyFile = m_config.tls.privateKeyFile;
    sc.tls.trustedCaFile = m_config.tls.trustedCaFile;
    sc.tls.requireClientCertificate = m_config.tls.requireClientCertificate;
    sc.maxAssociations = m_config.node.maxAssociations;
    sc.maxPduSize = m_config.node.maxPduSize;
    sc.acseTimeoutSeconds = m_config.node.acseTimeoutSeconds;
    sc.dimseTimeoutSeconds = m_config.node.dimseTimeoutSeconds;
    sc.tempDir = m_archive.incomingDir();
    dicomnet::Handlers h;
    h.policy = &m_services->policy;
    h.store = &m_services->store;
    h.query = &m_services->query;
    h.retrieve = &m_services->retrieve;
    h.audit = &m_services->audit;
    // node.dicomPort 0 and node.dicomTlsPort 0 mean no DICOM listener (as
    // configuration.md says), never a random port: DimseServer alone reads
    // 0 as "any free port", which only its own tests want.
    if (sc.port != 0 || sc.tlsPort != 0) {
        m_services->server = std::make_unique<dicomnet::DimseServer>(sc, h);
        const core::Status st = m_services->server->start();
        if (!st) {
            m_services.reset();
            return st;
        }
    }
    // Forwarding rules and the cloud tier's background sync run beside it.
    if (!m_config.routing.json.isEmpty()) {
        auto rules = routing::RoutingConfig::fromJson(m_config.routing.json);
        if (!rules) {
            stop();
            return core::Error{rules.error()};
        }
        if (!rules.value().isEmpty()) {
            m_services->routing = std::make_unique<routing::RoutingEngine>(m_archive, rules.take(), m_config);
            if (const core::Status rs = m_services->routing->start(); !rs) {
                stop();
                return rs;
            }
        }
    }
    if (m_config.cloud.configured()) {
        auto tier = cloud::openConfiguredTier(m_archive);
        if (!tier) {
            qCWarning(lcNode).noquote() << "cloud sync and recall are off:" << tier.error();
            m_cloudError = tier.error();
        } else {
            // Evicted files come back transparently for C-MOVE/C-GET, WADO-RS
            // and the viewer, also in the workstation's embedded node.
            if (!m_archive.recallProvider())
                m_archive.setRecallProvider(tier.value());
            if (m_config.cloud.backgroundSync) {
                m_services->cloud = tier.value();
                m_services->cloud->startBackground();
            }
        }
    }
    // DICOMweb on node.httpPort (0 = off). A port in use does not stop the
    // DICOM side (the workstation must still start); httpError() says why.
    if (m_config.node.httpPort != 0) {
        m_services->web = std::make_unique<dicomweb::DicomWebServer>(m_archive, m_config);
        if (const core::Status ws = m_services->web->start(); !ws) {
            qCWarning(lcNode).noquote() << ws.error();
            m_httpError = ws.error();
            m_services->web.reset();
        }
    }
    if (const QString warning = securityWarning(); !warning.isEmpty())
        qCWarning(lcNode).noquote() << warning;
    qCInfo(lcNode).noquote() << QStringLiteral("node %1 listening on DICOM port %2%3")
                                    .arg(m_config.node.aeTitle)
                                    .arg(dicomPort())
                                    .arg(dicomTlsPort() ? QStringLiteral(", DICOM TLS port %1").arg(dicomTlsPort()) : QString());
    return {};
}

void Node::stop()
{
    if (m_services && m_services->web)
        m_services->web->stop();
    if (m_services && m_services->server)
        m_services->server->stop();
    if (m_services && m_services->routing)
        m_services->routing->stop();
    if (m_services && m_services->cloud)
        m_services->cloud->stopBackground();
    m_services.reset();
}

bool Node::isRunning() const { return m_services && (!m_services->server || m_services->server->isRunning()); }
quint16 Node::dicomPort() const { return m_services && m_services->server ? m_services->server->port() : 0; }
quint16 Node::httpPort() const { return m_services && m_services->web ? m_services->web->port() : 0; }
QString Node::httpError() const { return m_httpError; }
QString Node::securityWarning() const { return httpPort() ? plainHttpWarning(m_config) : QString(); }
QString Node::initialAdminPassword() const
{
    return m_services && m_services->web ? m_services->web->initialAdminPassword() : QString();
}
core::Result<QString> Node::saveInitialAdminPassword() const
{
    const QString password = initialAdminPassword();
    if (password.isEmpty())
        return core::Error{QStringLiteral("this start created no admin account")};
    const QString path = QDir(m_archive.dataDir().root()).filePath(QStringLiteral("initial-admin-password"));
    const QByteArray name = QFile::encodeName(path);
    // Whatever was there goes first; a link planted there is not followed.
    if (::unlink(name.constData()) != 0 && errno != ENOENT)
        return core::Error{QStringLiteral("cannot replace %1: %2").arg(path, qt_error_string(errno))};
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return core::Error{QStringLiteral("cannot create %1: %2").arg(path, qt_error_string(errno))};
    const QByteArray bytes = password.toUtf8() + '\n';
    const bool ok = ::fchmod(fd, 0600) == 0 && ::write(fd, bytes.constData(), size_t(bytes.size())) == bytes.size()
                 && ::fsync(fd) == 0;
    const int error = errno;
    ::close(fd);
    if (!ok) {
        ::unlink(name.constData());
        return core::Error{QStringLiteral("cannot write %1: %2").arg(path, qt_error_string(error))};
    }
    return path;
}
quint16 Node::dicomTlsPort() const { return m_services && m_services->server ? m_services->server->tlsPort() : 0; }
int Node::activeAssociations() const
{
    return m_services && m_services->server ? m_services->server->activeAssociations() : 0;
}

CloudSyncState Node::cloudSync() const
{
    CloudSyncState state;
    state.configured = m_config.cloud.configured();
    state.error = m_cloudError;
    if (!m_services || !m_services->cloud)
        return state;
    const cloud::SyncStatus st = m_services->cloud->status();
    state.syncing = true;
    state.instances = st.instances;
    state.verified = st.verified;
    state.pending = st.pending;
    state.evicted = st.evicted;
    state.lastPassAt = st.lastPassAt;
    state.lastPassResult = st.lastPassResult;
    state.lastError = st.lastError;
    state.passRunning = st.running;
    return state;
}

} // namespace kilima::node
