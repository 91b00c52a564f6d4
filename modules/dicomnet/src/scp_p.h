// Internals of the DIMSE server: what every association worker shares
// (configuration, handlers, audit, the sockets to cut at shutdown) and the
// per-association state the service handlers work on. Private to dicomnet.
#pragma once

#include <kilima/dicomnet/server.h>

#include "receive_p.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmnet/assoc.h>
#include <dcmtk/dcmnet/dimse.h>

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

struct ScpAssociation {
    ScpShared &shared;
    T_ASC_Association *assoc = nullptr;
    Peer peer;
    std::vector<AcceptedContext> accepted;
    StoreTally stores;
};

// The address of the peer connected on `fd` ("?" when unknown).
QString peerHost(int fd);

// Runs one connection accepted on `fd` (TCP_NODELAY already set) from its
// A-ASSOCIATE-RQ to release or abort; `net` is the acceptor network whose
// transport layer adopts the socket. Never throws; closes the socket.
void runConnection(ScpShared &shared, T_ASC_Network *net, int fd, bool tls);

// Reads the identifier of a C-FIND/MOVE/GET request (none when the request
// carries none); false when the association is unusable.
// False when the association broke; an identifier refused for its
// structure leaves `identifier` empty and says why in `problem`.
bool receiveIdentifier(ScpAssociation &a, T_DIMSE_DataSetType type, std::unique_ptr<DcmDataset> *identifier,
                       QString *problem = nullptr);
// The Study Instance UID(s) an identifier names, for the audit.
QString identifierStudy(DcmDataset *identifier);

// DIMSE services; each returns false when the association is unusable.
bool handleStore(ScpAssociation &a, T_ASC_PresentationContextID presId, T_DIMSE_C_StoreRQ &req);
bool handleFind(ScpAssociation &a, T_ASC_PresentationContextID presId, T_DIMSE_C_FindRQ &req);
bool handleMove(ScpAssociation &a, T_ASC_PresentationContextID presId, T_DIMSE_C_MoveRQ &req);
bool handleGet(ScpAssociation &a, T_ASC_PresentationContextID presId, T_DIMSE_C_GetRQ &req);

} // namespace kilima::dicomnet
