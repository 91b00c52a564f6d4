// The interfaces the DIMSE service class providers call. dicomnet owns the
// protocol; whoever runs a server (modules/node) supplies the policy and
// the storage/query/retrieve behind these interfaces, so the SCP is tested
// without an archive. Implementations must be thread safe: every
// association runs on its own worker thread.
#pragma once

#include <kilima/core/result.h>

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

class DcmDataset;

namespace kilima::dicomnet {

enum class Service { Echo, Store, Find, Move, Get, Worklist };
QString toString(Service service);
// "echo,store,find" -> services; false on an unknown name.
bool servicesFromString(const QString &list, QList<Service> *services, QString *unknown = nullptr);

// Who is on the other end of an association.
struct Peer {
    quint64 associationId = 0;
    QString callingAe;
    QString calledAe;
    QString host;
    bool tls = false;
    QString tlsSubject;   // client certificate subject, when one was presented
};

struct Decision {
    bool accepted = true;
    QString reason;       // why not, for the log, the audit and the peer
    static Decision allow() { return {}; }
    static Decision deny(const QString &why) { return {false, why}; }
};

class AccessPolicy {
public:
    virtual ~AccessPolicy() = default;
    // A-ASSOCIATE-RQ: may this peer associate at all?
    virtual Decision acceptAssociation(const Peer &peer) = 0;
    // May this peer use this service (checked per DIMSE request)?
    virtual Decision allow(const Peer &peer, Service service) = 0;
};

// Where a handler spent the time of one stored object after its last byte
// arrived, in milliseconds; negative where the handler does not measure it.
// Summed per association in the node's log (see docs/node.md).
struct StoreTimings {
    double checkMs = -1;   // parsing and checking the object
    double diskMs = -1;    // waiting, once checked, until it is durable on disk
    double indexMs = -1;   // committing its index rows
};

struct StoreResponse {
    quint16 status = 0x0000;   // DIMSE status: 0x0000, 0xA700 out of resources, 0xC000 cannot understand...
    QString comment;           // Error Comment (0000,0902) when not success
    QString studyInstanceUid;  // for the audit
    StoreTimings timings;
};

// Where a streamed C-STORE's bytes go while they arrive (see
// StoreHandler::beginStore).
class IncomingSink {
public:
    virtual ~IncomingSink() = default;
    // Appends bytes. After a failed write the sink keeps accepting and
    // dropping bytes, so the dataset is still read to its end and the
    // peer gets a status instead of an abort.
    virtual void write(const char *data, qint64 size) = 0;
};

class StoreHandler {
public:
    virtual ~StoreHandler() = default;
    // `part10` is the object exactly as sent (bit-preserving), as a Part 10
    // file with meta header. Answer success only once it is durable.
    virtual StoreResponse store(const Peer &peer, const QByteArray &part10) = 0;
    // The same object as a file in the server's temporary folder. A handler
    // may move the file away (rename it into its storage) instead of copying
    // it; the server removes it afterwards if it is still there. The default
    // reads the file and calls store().
    virtual StoreResponse storeFile(const Peer &peer, const QString &path);
    // Streaming, for handlers that can take the bytes as they arrive: the
    // server writes the object (meta header, then the dataset as its PDVs
    // come) into the sink beginStore() returns, then finishStore() answers
    // as store() would, refusing a dataset whose SOP Instance UID is not
    // `sopInstanceUid` (the request's). The default returns nullptr and
    // the server uses storeFile() instead.
    virtual std::unique_ptr<IncomingSink> beginStore(const Peer &peer);
    virtual StoreResponse finishStore(const Peer &peer, std::unique_ptr<IncomingSink> sink,
                                      const QString &sopInstanceUid);
};

enum class QueryModel { PatientRoot, StudyRoot, Worklist };

struct FindResponse {
    quint16 status = 0x0000;   // final status: 0x0000, 0xA900 identifier does not match SOP class, 0xC000...
    QString comment;
};

class QueryHandler {
public:
    virtual ~QueryHandler() = default;
    // Answers a C-FIND. Each match is handed to `emit` as it is found (sent
    // as a pending response); `emit` returns false when the peer cancelled.
    virtual FindResponse find(const Peer &peer, QueryModel model, DcmDataset &identifier,
                              const std::function<bool(DcmDataset &match)> &emit) = 0;
};

struct RemoteNode {
    QString name;
    QString aeTitle;
    QString host;
    quint16 port = 104;
    bool tls = false;
};

class RetrieveHandler {
public:
    virtual ~RetrieveHandler() = default;
    // The files (Part 10) of the instances an identifier selects, for
    // C-MOVE and C-GET. An error names what is wrong with the identifier.
    virtual core::Result<QStringList> resolve(const Peer &peer, QueryModel model, DcmDataset &identifier) = 0;
    // Where a C-MOVE destination AE title points; an error when unknown.
    virtual core::Result<RemoteNode> moveDestination(const Peer &peer, const QString &destinationAe) = 0;
};

// One line of the audit log: every association and every DIMSE operation.
struct AuditEvent {
    QDateTime time;
    Peer peer;
    QString action;        // "associate", "release", "abort", "reject", "C-ECHO", "C-STORE", "C-FIND", "C-MOVE", "C-GET"
    QString studyUid;      // the study concerned, when one is
    QString outcome;       // "success", "failure", "denied", "warning"
    QString detail;        // status code, counts, reason
};

class AuditSink {
public:
    virtual ~AuditSink() = default;
    virtual void record(const AuditEvent &event) = 0;
};

} // namespace kilima::dicomnet
