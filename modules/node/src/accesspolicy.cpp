#include "services_p.h"

#include <kilima/archive/auditlog.h>
#include <kilima/archive/knownnodes.h>

#include <QHostAddress>
#include <QHostInfo>

namespace kilima::node {

namespace {

QString permissionName(dicomnet::Service s)
{
    return dicomnet::toString(s);
}

// A known node is identified by its AE title and, where its host is an
// address or resolvable name, by the peer's address too.
bool hostMatches(const QString &configured, const QString &peerHost)
{
    if (configured.compare(peerHost, Qt::CaseInsensitive) == 0 || configured == QLatin1String("*"))
        return true;
    const QHostAddress peer(peerHost);
    QHostAddress addr(configured);
    if (!addr.isNull())
        return addr.isEqual(peer, QHostAddress::ConvertV4MappedToIPv4);
    const QHostInfo info = QHostInfo::fromName(configured);
    for (const QHostAddress &a : info.addresses()) {
        if (a.isEqual(peer, QHostAddress::ConvertV4MappedToIPv4))
            return true;
    }
    return false;
}

} // namespace

dicomnet::Decision NodeAccessPolicy::acceptAssociation(const dicomnet::Peer &peer)
{
    const auto nodes = m_archive.knownNodes().byAeTitle(peer.callingAe);
    if (nodes.ok()) {
        for (const archive::KnownNode &n : nodes.value()) {
            if (hostMatches(n.host, peer.host))
                return dicomnet::Decision::allow();
        }
    }
    if (m_config.node.allowUnknownEcho || m_config.node.allowUnknownStore)
        return dicomnet::Decision::allow();
    if (nodes.ok() && !nodes.value().isEmpty())
        return dicomnet::Decision::deny(QStringLiteral("calling AE title %1 is known, but not from host %2").arg(peer.callingAe, peer.host));
    return dicomnet::Decision::deny(QStringLiteral("calling AE title %1 is not a known node").arg(peer.callingAe));
}

dicomnet::Decision NodeAccessPolicy::allow(const dicomnet::Peer &peer, dicomnet::Service service)
{
    const auto nodes = m_archive.knownNodes().byAeTitle(peer.callingAe);
    if (nodes.ok()) {
        for (const archive::KnownNode &n : nodes.value()) {
            if (!hostMatches(n.host, peer.host))
                continue;
            if (n.allows(permissionName(service)))
                return dicomnet::Decision::allow();
            return dicomnet::Decision::deny(QStringLiteral("node %1 (%2) is not allowed to use %3").arg(n.name, n.aeTitle, permissionName(service)));
        }
    }
    if (service == dicomnet::Service::Echo && m_config.node.allowUnknownEcho)
        return dicomnet::Decision::allow();
    if (service == dicomnet::Service::Store && m_config.node.allowUnknownStore)
        return dicomnet::Decision::allow();
    return dicomnet::Decision::deny(QStringLiteral("calling AE title %1 is not a known node allowed to use %2")
                                        .arg(peer.callingAe, permissionName(service)));
}

void ArchiveAuditSink::record(const dicomnet::AuditEvent &e)
{
    archive::AuditRecord r;
    r.time = e.time.isValid() ? e.time : QDateTime::currentDateTimeUtc();
    r.actor = e.peer.callingAe;
    r.peerHost = e.peer.host;
    r.callingAe = e.peer.callingAe;
    r.calledAe = e.peer.calledAe;
    r.association = e.peer.associationId;
    r.action = e.action;
    r.studyUid = e.studyUid;
    r.outcome = e.outcome;
    r.detail = e.peer.tls ? (e.detail.isEmpty() ? QStringLiteral("TLS") : e.detail + QStringLiteral(" (TLS)")) : e.detail;
    m_archive.auditLog().append(r);
}

} // namespace kilima::node
