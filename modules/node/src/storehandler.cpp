#include <kilima/node/archivestore.h>

namespace kilima::node {

// DIMSE statuses of the Storage service (PS3.4 Table B.2-1).
namespace status {
constexpr quint16 success = 0x0000;
constexpr quint16 elementsDiscarded = 0xB006;
constexpr quint16 outOfResources = 0xA700;
constexpr quint16 cannotUnderstand = 0xC000;
} // namespace status

namespace {

// The archive's streamed object behind dicomnet's sink.
class ArchiveSink : public dicomnet::IncomingSink {
public:
    explicit ArchiveSink(std::unique_ptr<archive::IncomingObject> object) : object(std::move(object)) {}
    void write(const char *data, qint64 size) override { object->append(data, size); }
    std::unique_ptr<archive::IncomingObject> object;
};

} // namespace

QString ArchiveStoreHandler::sourceOf(const dicomnet::Peer &peer) const
{
    if (!m_source.isEmpty())
        return m_source;
    return QStringLiteral("C-STORE from %1@%2").arg(peer.callingAe, peer.host);
}

dicomnet::StoreResponse ArchiveStoreHandler::answer(const archive::IngestOutcome &outcome)
{
    ingested(outcome);
    return responseFor(outcome);
}

dicomnet::StoreResponse ArchiveStoreHandler::store(const dicomnet::Peer &peer, const QByteArray &part10)
{
    return answer(m_archive.ingest({part10, sourceOf(peer)}));
}

dicomnet::StoreResponse ArchiveStoreHandler::storeFile(const dicomnet::Peer &peer, const QString &path)
{
    return answer(m_archive.ingestFile(path, sourceOf(peer)));
}

std::unique_ptr<dicomnet::IncomingSink> ArchiveStoreHandler::beginStore(const dicomnet::Peer &)
{
    return std::make_unique<ArchiveSink>(m_archive.beginIncoming());
}

dicomnet::StoreResponse ArchiveStoreHandler::finishStore(const dicomnet::Peer &peer,
                                                         std::unique_ptr<dicomnet::IncomingSink> sink,
                                                         const QString &sopInstanceUid)
{
    auto *ours = dynamic_cast<ArchiveSink *>(sink.get());
    if (!ours)
        return {status::outOfResources, QStringLiteral("object was not received into the archive"), {}, {}};
    return answer(m_archive.ingestIncoming(std::move(ours->object), sourceOf(peer), sopInstanceUid));
}

dicomnet::StoreResponse ArchiveStoreHandler::responseFor(const archive::IngestOutcome &o)
{
    dicomnet::StoreResponse r;
    r.studyInstanceUid = o.studyInstanceUid;
    r.timings = {o.timings.checkMs, o.timings.diskMs, o.timings.indexMs};
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
    // Error Comment goes back to the sender, who knows who it is: the reason
    // without the "C-STORE from AE@host: " it starts with. It is LO, at most
    // 64 characters: when longer, its end, which names the cause.
    const QString sender = o.source + QStringLiteral(": ");
    if (!o.source.isEmpty() && r.comment.startsWith(sender))
        r.comment = r.comment.mid(sender.size());
    if (r.comment.size() > 64)
        r.comment = r.comment.right(64);
    return r;
}

} // namespace kilima::node
