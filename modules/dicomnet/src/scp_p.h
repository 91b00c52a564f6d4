// Internals of the DIMSE server: what every association worker shares
// (configuration, handlers, audit, the sockets to cut at shutdown) and the
// per-association state the service handlers work on. Private to dicomnet.
#pragma once

#include <kilima/dicomnet/server.h>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmnet/assoc.h>
#include <dcmtk/dcmnet/dimse.h>

#include <QElapsedTimer>

#include <atomic>
#include <memory>
#include <mutex>
#include <set>
#include <vector>

namespace kilima::dicomnet {

struct ScpShared {
    ServerConfig config;
    Handlers handlers;
    std::atomic<int> active{0};          // accepted associations in progress
    std::atomic<quint64> nextId{1};
    std::atomic<bool> stopping{false};

    std::mutex socketsMutex;
    std::set<int> sockets;               // open association sockets, shut down on stop

    void audit(const Peer &peer, const QString &action, const QString &outcome, const QString &detail,
               const QString &studyUid = {}) const;
    void registerSocket(int fd);
    void unregisterSocket(int fd);
    void shutdownAllSockets();
};

struct AcceptedContext {
    T_ASC_PresentationContextID id = 0;
    QString abstractSyntax;
    QString transferSyntax;
    T_ASC_SC_ROLE role = ASC_SC_ROLE_DEFAULT;
};

struct StoreResult;

// The C-STOREs of one association, summed for the line logged at its end:
// how many, how big, and where each object's time went on average.
struct StoreTally {
    int objects = 0;
    int failed = 0;          // answered with a failure status, or cut off
    qint64 bytes = 0;
    qint64 firstStartNs = -1, lastEndNs = 0;   // on ScpAssociation::clock
    double receiveMs = 0, storeMs = 0, answerMs = 0;
    int timed = 0;           // objects whose handler reported its own steps
    double checkMs = 0, diskMs = 0, indexMs = 0;

    void add(const StoreResult &result, bool failure, qint64 startNs, qint64 endNs, double answerMs);
    // "12 C-STOREs (12 stored), 6.3 MB in 0.05 s: ..." ; empty when none.
    QString summary() const;
};

struct ScpAssociation {
    ScpShared &shared;
    T_ASC_Association *assoc = nullptr;
    Peer peer;
    std::vector<AcceptedContext> accepted;
    QElapsedTimer clock;   // started when the association is accepted
    StoreTally stores;
};

// Runs one connection accepted on `fd` (TCP_NODELAY already set) from its
// A-ASSOCIATE-RQ to release or abort; `net` is the acceptor network whose
// transport layer adopts the socket. Never throws; closes the socket.
void runConnection(ScpShared &shared, T_ASC_Network *net, int fd, bool tls);

// Reads the identifier of a C-FIND/MOVE/GET request (none when the request
// carries none); false when the association is unusable.
bool receiveIdentifier(ScpAssociation &a, T_DIMSE_DataSetType type, std::unique_ptr<DcmDataset> *identifier);
// The Study Instance UID(s) an identifier names, for the audit.
QString identifierStudy(DcmDataset *identifier);

// DIMSE services; each returns false when the association is unusable.
bool handleStore(ScpAssociation &a, T_ASC_PresentationContextID presId, T_DIMSE_C_StoreRQ &req);
bool handleFind(ScpAssociation &a, T_ASC_PresentationContextID presId, T_DIMSE_C_FindRQ &req);
bool handleMove(ScpAssociation &a, T_ASC_PresentationContextID presId, T_DIMSE_C_MoveRQ &req);
bool handleGet(ScpAssociation &a, T_ASC_PresentationContextID presId, T_DIMSE_C_GetRQ &req);

} // namespace kilima::dicomnet
