// The archive-backed implementations of dicomnet's handler interfaces.
#pragma once

#include <kilima/archive/archive.h>
#include <kilima/core/config.h>
#include <kilima/dicomnet/handlers.h>
#include <kilima/node/archivestore.h>

namespace kilima::node {

// Known nodes and their permissions decide; unknown AEs may echo/store only
// when the configuration allows it.
class NodeAccessPolicy : public dicomnet::AccessPolicy {
public:
    NodeAccessPolicy(archive::Archive &archive, const core::Config &config) : m_archive(archive), m_config(config) {}
    dicomnet::Decision acceptAssociation(const dicomnet::Peer &peer) override;
    dicomnet::Decision allow(const dicomnet::Peer &peer, dicomnet::Service service) override;

private:
    archive::Archive &m_archive;
    const core::Config &m_config;
};

class ArchiveQueryHandler : public dicomnet::QueryHandler {
public:
    ArchiveQueryHandler(archive::Archive &archive, const core::Config &config) : m_archive(archive), m_config(config) {}
    dicomnet::FindResponse find(const dicomnet::Peer &peer, dicomnet::QueryModel model, DcmDataset &identifier,
                                const std::function<bool(DcmDataset &)> &emit) override;

private:
    dicomnet::FindResponse findWorklist(DcmDataset &identifier, const std::function<bool(DcmDataset &)> &emit);
    archive::Archive &m_archive;
    const core::Config &m_config;
};

class ArchiveRetrieveHandler : public dicomnet::RetrieveHandler {
public:
    explicit ArchiveRetrieveHandler(archive::Archive &archive) : m_archive(archive) {}
    core::Result<QStringList> resolve(const dicomnet::Peer &peer, dicomnet::QueryModel model, DcmDataset &identifier) override;
    core::Result<dicomnet::RemoteNode> moveDestination(const dicomnet::Peer &peer, const QString &destinationAe) override;

private:
    archive::Archive &m_archive;
};

class ArchiveAuditSink : public dicomnet::AuditSink {
public:
    explicit ArchiveAuditSink(archive::Archive &archive) : m_archive(archive) {}
    void record(const dicomnet::AuditEvent &event) override;

private:
    archive::Archive &m_archive;
};

} // namespace kilima::node
