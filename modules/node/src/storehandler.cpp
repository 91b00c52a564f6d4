#include "services_p.h"

namespace kilima::node {

// DIMSE statuses of the Storage service (PS3.4 Table B.2-1).
namespace status {
constexpr quint16 success = 0x0000;
constexpr quint16 elementsDiscarded = 0xB006;
constexpr quint16 outOfResources = 0xA700;
constexpr quint16 cannotUnderstand = 0xC000;
} // namespace status

namespace {

dicomnet::StoreResponse toResponse(const archive::IngestOutcome &o);

QString sourceOf(const dicomnet::Peer &peer)
{
    return QStringLiteral("C-STORE from %1@%2").arg(peer.callingAe, peer.host);
}

} // namespace

dicomnet::StoreResponse ArchiveStoreHandler::store(const dicomnet::Peer &peer, const QByteArray &part10)
{
    return toResponse(m_archive.ingest({part10, sourceOf(peer)}));
}

dicomnet::StoreResponse ArchiveStoreHandler::storeFile(const dicomnet::Peer &peer, const QString &path)
{
    return toResponse(m_archive.ingestFile(path, sourceOf(peer)));
}

namespace {

dicomnet::StoreResponse toResponse(const archive::IngestOutcome &o)
{
    dicomnet::StoreResponse r;
    r.studyInstanceUid = o.studyInstanceUid;
    switch (o.status) {
    case archive::IngestStatus::Stored:
    case archive::IngestStatus::Duplicate:
    case archive::IngestStatus::Replaced:
        r.status = status::success;
        break;
    case archive::IngestStatus::DuplicateConflict:
        // The object sent was not kept: the stored one with this UID stays.
        r.status = status::elementsDiscarded;
        r.comment = o.reason;
        break;
    case archive::IngestStatus::Rejected:
        r.status = status::cannotUnderstand;
        r.comment = o.reason;
        break;
    case archive::IngestStatus::Failed:
        r.status = status::outOfResources;
        r.comment = o.reason;
        break;
    }
    // Error Comment is LO: at most 64 characters.
    if (r.comment.size() > 64)
        r.comment = r.comment.right(64);
    return r;
}

} // namespace

} // namespace kilima::node
