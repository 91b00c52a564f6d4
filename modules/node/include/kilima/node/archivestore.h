// The archive behind a Storage SCP (and behind a C-GET's incoming stores):
// objects are streamed into the storage area as they arrive and answered
// with the DIMSE status of their ingest outcome (PS3.4 Table B.2-1).
#pragma once

#include <kilima/archive/archive.h>
#include <kilima/dicomnet/handlers.h>

namespace kilima::node {

class ArchiveStoreHandler : public dicomnet::StoreHandler {
public:
    // `source` names the sender in messages and the audit; empty: "C-STORE
    // from AE@host" of each peer.
    explicit ArchiveStoreHandler(archive::Archive &archive, QString source = {})
        : m_archive(archive), m_source(std::move(source))
    {
    }
    dicomnet::StoreResponse store(const dicomnet::Peer &peer, const QByteArray &part10) override;
    // Renames the received file into the storage area: no second copy.
    dicomnet::StoreResponse storeFile(const dicomnet::Peer &peer, const QString &path) override;
    std::unique_ptr<dicomnet::IncomingSink> beginStore(const dicomnet::Peer &peer) override;
    dicomnet::StoreResponse finishStore(const dicomnet::Peer &peer, std::unique_ptr<dicomnet::IncomingSink> sink,
                                        const QString &sopInstanceUid) override;

    // The DIMSE answer to an ingest outcome.
    static dicomnet::StoreResponse responseFor(const archive::IngestOutcome &outcome);

protected:
    // Told every outcome, on the receiving thread.
    virtual void ingested(const archive::IngestOutcome &) {}

private:
    dicomnet::StoreResponse answer(const archive::IngestOutcome &outcome);
    QString sourceOf(const dicomnet::Peer &peer) const;
    archive::Archive &m_archive;
    QString m_source;
};

} // namespace kilima::node
