// Storage SCP: C-STORE into the StoreHandler, bit-preserving.
#include "common_p.h"
#include "receive_p.h"
#include "scp_p.h"

namespace kilima::dicomnet {

bool handleStore(ScpAssociation &a, T_ASC_PresentationContextID presId, T_DIMSE_C_StoreRQ &req)
{
    const ServerConfig &cfg = a.shared.config;
    StoreHandler *store = a.shared.handlers.store;
    const QString instance = QString::fromLatin1(req.AffectedSOPInstanceUID);
    auto respond = [&](quint16 status, const QString &comment, const QString &outcome, const QString &studyUid) {
        a.shared.audit(a.peer, QStringLiteral("C-STORE"), outcome,
                       QStringLiteral("%1 %2%3").arg(statusHex(status), instance,
                                                      comment.isEmpty() ? QString() : QStringLiteral(": ") + comment),
                       studyUid);
        return sendStoreResponse(a.assoc, presId, req, status, comment).good();
    };

    const qint64 start = a.stores.now();
    // Refused before anything is received: counted as failed, no bytes.
    auto refuse = [&](quint16 status, const QString &comment, const QString &outcome) {
        StoreResult refused;
        refused.response.status = status;
        refused.connectionOk = discardDataset(a.assoc, cfg.dimseTimeoutSeconds);
        const bool sent = refused.connectionOk && respond(status, comment, outcome, {});
        a.stores.add(refused, start);
        return sent;
    };
    if (!store)
        return refuse(0x0122, QStringLiteral("storage is not offered by this node"), QStringLiteral("failure"));
    const Decision decision = a.shared.handlers.policy->allow(a.peer, Service::Store);
    if (!decision.accepted)
        return refuse(0x0124, decision.reason, QStringLiteral("denied"));
    const StoreResult result = receiveAndStore(a.assoc, presId, req, *store, a.peer, cfg.tempDir, cfg.dimseTimeoutSeconds);
    const StoreResponse &response = result.response;
    if (!result.connectionOk) {
        a.stores.add(result, start);
        a.shared.audit(a.peer, QStringLiteral("C-STORE"), QStringLiteral("failure"),
                       QStringLiteral("%1: %2").arg(instance, response.comment));
        return false;
    }
    const QString outcome = isSuccess(response.status)   ? QStringLiteral("success")
                          : isWarning(response.status) ? QStringLiteral("warning")
                                                       : QStringLiteral("failure");
    const qint64 answering = a.stores.now();
    const bool sent = respond(response.status, response.comment, outcome, response.studyInstanceUid);
    a.stores.add(result, start, answering);
    return sent;
}

} // namespace kilima::dicomnet
