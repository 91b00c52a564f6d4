// One association on the server side: A-ASSOCIATE-RQ checks (limit, called
// AE, access policy), presentation context negotiation, the DIMSE command
// loop, release and abort, each audited.
#include "adopt_p.h"
#include "common_p.h"
#include "scp_p.h"
#include "tls_p.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace kilima::dicomnet {

void ScpShared::audit(const Peer &peer, const QString &action, const QString &outcome, const QString &detail,
                      const QString &studyUid) const
{
    if (outcome == QLatin1String("success"))
        qCDebug(lcDimse).noquote() << QStringLiteral("#%1 %2@%3 %4: %5 %6")
                                          .arg(peer.associationId)
                                          .arg(peer.callingAe, peer.host, action, outcome, detail);
    else
        qCInfo(lcDimse).noquote() << QStringLiteral("#%1 %2@%3 %4: %5 %6")
                                         .arg(peer.associationId)
                                         .arg(peer.callingAe, peer.host, action, outcome, detail);
    if (!handlers.audit)
        return;
    AuditEvent event;
    event.time = QDateTime::currentDateTimeUtc();
    event.peer = peer;
    event.action = action;
    event.studyUid = studyUid;
    event.outcome = outcome;
    event.detail = detail;
    handlers.audit->record(event);
}

void ScpShared::registerSocket(int fd)
{
    std::lock_guard<std::mutex> lock(socketsMutex);
    sockets.insert(fd);
}

void ScpShared::unregisterSocket(int fd)
{
    std::lock_guard<std::mutex> lock(socketsMutex);
    sockets.erase(fd);
}

void ScpShared::shutdownAllSockets()
{
    std::lock_guard<std::mutex> lock(socketsMutex);
    for (int fd : sockets)
        ::shutdown(fd, SHUT_RDWR);
}

QString peerHost(int fd)
{
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&ss), &len) != 0)
        return QStringLiteral("?");
    char buf[INET6_ADDRSTRLEN] = {};
    if (ss.ss_family == AF_INET6)
        ::inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6 *>(&ss)->sin6_addr, buf, sizeof buf);
    else
        ::inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in *>(&ss)->sin_addr, buf, sizeof buf);
    return QString::fromLatin1(buf);
}

namespace {

void reject(T_ASC_Association *assoc, T_ASC_RejectParametersResult result, T_ASC_RejectParametersSource source,
            T_ASC_RejectParametersReason reason)
{
    T_ASC_RejectParameters rej{result, source, reason};
    ASC_rejectAssociation(assoc, &rej);
}

enum class Kind { None, Verification, Storage, Find, Move, Get };

Kind kindOf(const char *uid)
{
    if (qstrcmp(uid, UID_VerificationSOPClass) == 0)
        return Kind::Verification;
    if (qstrcmp(uid, UID_FINDPatientRootQueryRetrieveInformationModel) == 0
        || qstrcmp(uid, UID_FINDStudyRootQueryRetrieveInformationModel) == 0
        || qstrcmp(uid, UID_FINDModalityWorklistInformationModel) == 0)
        return Kind::Find;
    if (qstrcmp(uid, UID_MOVEPatientRootQueryRetrieveInformationModel) == 0
        || qstrcmp(uid, UID_MOVEStudyRootQueryRetrieveInformationModel) == 0)
        return Kind::Move;
    if (qstrcmp(uid, UID_GETPatientRootQueryRetrieveInformationModel) == 0
        || qstrcmp(uid, UID_GETStudyRootQueryRetrieveInformationModel) == 0)
        return Kind::Get;
    if (isStorageSopClass(uid))
        return Kind::Storage;
    return Kind::None;
}

bool requesterIsScu(T_ASC_SC_ROLE role)
{
    return role == ASC_SC_ROLE_DEFAULT || role == ASC_SC_ROLE_SCU || role == ASC_SC_ROLE_SCUSCP;
}

bool requesterIsScp(T_ASC_SC_ROLE role)
{
    return role == ASC_SC_ROLE_SCP || role == ASC_SC_ROLE_SCUSCP;
}

// Accepts what we offer, in the transfer syntax the peer proposed first.
void negotiate(ScpAssociation &a)
{
    const Handlers &h = a.shared.handlers;
    T_ASC_Parameters *params = a.assoc->params;
    static const std::vector<const char *> plainSyntaxes = {UID_LittleEndianExplicitTransferSyntax,
                                                            UID_LittleEndianImplicitTransferSyntax,
                                                            UID_BigEndianExplicitTransferSyntax};
    const int count = ASC_countPresentationContexts(params);
    for (int i = 0; i < count; ++i) {
        T_ASC_PresentationContext pc;
        if (ASC_getPresentationContext(params, i, &pc).bad())
            continue;
        const Kind kind = kindOf(pc.abstractSyntax);
        bool offered = false;
        const std::vector<const char *> *syntaxes = &plainSyntaxes;
        T_ASC_SC_ROLE role = ASC_SC_ROLE_DEFAULT;
        switch (kind) {
        case Kind::Verification:
            offered = true;
            break;
        case Kind::Storage:
            syntaxes = &storageTransferSyntaxes();
            // The requester sends (C-STORE) or, for C-GET, receives (SCP role).
            offered = (h.store && requesterIsScu(pc.proposedRole)) || (h.retrieve && requesterIsScp(pc.proposedRole));
            if (offered && pc.proposedRole != ASC_SC_ROLE_DEFAULT) {
                role = pc.proposedRole;
                if (role == ASC_SC_ROLE_SCUSCP && !h.store)
                    role = ASC_SC_ROLE_SCP;
                if (role == ASC_SC_ROLE_SCUSCP && !h.retrieve)
                    role = ASC_SC_ROLE_SCU;
            }
            break;
        case Kind::Find:
            offered = h.query != nullptr;
            break;
        case Kind::Move:
        case Kind::Get:
            offered = h.retrieve != nullptr;
            break;
        case Kind::None:
            break;
        }
        if (!offered) {
            ASC_refusePresentationContext(params, pc.presentationContextID, ASC_P_ABSTRACTSYNTAXNOTSUPPORTED);
            continue;
        }
        const char *chosen = nullptr;
        for (int t = 0; t < pc.transferSyntaxCount && !chosen; ++t)
            for (const char *ours : *syntaxes)
                if (qstrcmp(ours, pc.proposedTransferSyntaxes[t]) == 0) {
                    chosen = ours;
                    break;
                }
        if (!chosen) {
            ASC_refusePresentationContext(params, pc.presentationContextID, ASC_P_TRANSFERSYNTAXESNOTSUPPORTED);
            continue;
        }
        if (ASC_acceptPresentationContext(params, pc.presentationContextID, chosen, role).good()) {
            AcceptedContext ac;
            ac.id = pc.presentationContextID;
            ac.abstractSyntax = QString::fromLatin1(pc.abstractSyntax);
            ac.transferSyntax = QString::fromLatin1(chosen);
            ac.role = role;
            a.accepted.push_back(ac);
        }
    }
}

bool handleEcho(ScpAssociation &a, T_ASC_PresentationContextID presId, T_DIMSE_C_EchoRQ &req)
{
    const Decision decision = a.shared.handlers.policy->allow(a.peer, Service::Echo);
    quint16 status = STATUS_Success;
    DcmDataset detail;
    if (!decision.accepted) {
        status = 0x0124;
        detail.putAndInsertString(DCM_ErrorComment, decision.reason.left(64).toLatin1().constData());
        a.shared.audit(a.peer, QStringLiteral("C-ECHO"), QStringLiteral("denied"), decision.reason);
    } else {
        a.shared.audit(a.peer, QStringLiteral("C-ECHO"), QStringLiteral("success"), QStringLiteral("0x0000"));
    }
    OFCondition cond = DIMSE_sendEchoResponse(a.assoc, presId, &req, status, decision.accepted ? nullptr : &detail);
    return cond.good();
}

// Runs the command loop; returns how the association ended for the audit.
void commandLoop(ScpAssociation &a)
{
    const int timeout = a.shared.config.dimseTimeoutSeconds;
    while (true) {
        T_DIMSE_Message msg;
        T_ASC_PresentationContextID presId = 0;
        DcmDataset *statusDetail = nullptr;
        OFCondition cond = DIMSE_receiveCommand(a.assoc, DIMSE_NONBLOCKING, timeout, &presId, &msg, &statusDetail);
        delete statusDetail;
        if (cond == DUL_PEERREQUESTEDRELEASE) {
            ASC_acknowledgeRelease(a.assoc);
            a.shared.audit(a.peer, QStringLiteral("release"), QStringLiteral("success"), QString());
            return;
        }
        if (cond == DUL_PEERABORTEDASSOCIATION) {
            a.shared.audit(a.peer, QStringLiteral("abort"), QStringLiteral("failure"),
                           QStringLiteral("aborted by the peer"));
            return;
        }
        if (cond == DIMSE_NODATAAVAILABLE) {
            ASC_abortAssociation(a.assoc);
            a.shared.audit(a.peer, QStringLiteral("abort"), QStringLiteral("failure"),
                           QStringLiteral("no request for %1 s (DIMSE timeout)").arg(timeout));
            return;
        }
        if (cond.bad()) {
            ASC_abortAssociation(a.assoc);
            a.shared.audit(a.peer, QStringLiteral("abort"), QStringLiteral("failure"),
                           a.shared.stopping ? QStringLiteral("server shutting down")
                                             : QStringLiteral("protocol error: %1").arg(conditionText(cond)));
            return;
        }
        bool ok = true;
        switch (msg.CommandField) {
        case DIMSE_C_ECHO_RQ: ok = handleEcho(a, presId, msg.msg.CEchoRQ); break;
        case DIMSE_C_STORE_RQ: ok = handleStore(a, presId, msg.msg.CStoreRQ); break;
        case DIMSE_C_FIND_RQ: ok = handleFind(a, presId, msg.msg.CFindRQ); break;
        case DIMSE_C_MOVE_RQ: ok = handleMove(a, presId, msg.msg.CMoveRQ); break;
        case DIMSE_C_GET_RQ: ok = handleGet(a, presId, msg.msg.CGetRQ); break;
        case DIMSE_C_CANCEL_RQ: break;   // nothing in progress to cancel
        default:
            ASC_abortAssociation(a.assoc);
            a.shared.audit(a.peer, QStringLiteral("abort"), QStringLiteral("failure"),
                           QStringLiteral("unsupported DIMSE command 0x%1").arg(unsigned(msg.CommandField), 4, 16,
                                                                                   QLatin1Char('0')));
            return;
        }
        if (!ok) {
            ASC_abortAssociation(a.assoc);
            a.shared.audit(a.peer, QStringLiteral("abort"), QStringLiteral("failure"),
                           a.shared.stopping ? QStringLiteral("server shutting down")
                                             : QStringLiteral("connection lost during a DIMSE operation"));
            return;
        }
    }
}

} // namespace

void runConnection(ScpShared &shared, T_ASC_Network *net, int fd, bool tls)
{
    const ServerConfig &cfg = shared.config;
    shared.registerSocket(fd);
    ScpAssociation a{shared, nullptr, {}, {}, {}};
    a.peer.associationId = shared.nextId++;
    a.peer.host = peerHost(fd);
    a.peer.tls = tls;

    bool adopted = false;
    OFCondition cond = receiveAssociationOnSocket(net, fd, cfg.maxPduSize, tls, &a.assoc, &adopted);
    auto finish = [&] {
        shared.unregisterSocket(fd);
        if (a.assoc) {
            ASC_dropAssociation(a.assoc);   // never wait for a peer that stalls
            ASC_destroyAssociation(&a.assoc);
        }
        if (!adopted)
            ::close(fd);
    };
    if (cond.bad()) {
        const QString why = conditionText(cond);
        a.shared.audit(a.peer, QStringLiteral("abort"), QStringLiteral("failure"),
                       QStringLiteral("no valid A-ASSOCIATE-RQ%1: %2%3")
                           .arg(tls ? QStringLiteral(" over TLS") : QString(), why, tls ? tlsFailureHint(why) : QString()));
        finish();
        return;
    }

    DIC_AE calling = {}, called = {};
    ASC_getAPTitles(a.assoc->params, calling, sizeof calling, called, sizeof called, nullptr, 0);
    a.peer.callingAe = QString::fromLatin1(calling).trimmed();
    a.peer.calledAe = QString::fromLatin1(called).trimmed();
    if (tls)
        a.peer.tlsSubject = peerCertificateSubject(a.assoc);

    auto rejected = [&](const QString &why) {
        a.shared.audit(a.peer, QStringLiteral("reject"), QStringLiteral("denied"), why);
        finish();
    };

    if (shared.stopping) {
        reject(a.assoc, ASC_RESULT_REJECTEDTRANSIENT, ASC_SOURCE_SERVICEPROVIDER_PRESENTATION_RELATED,
               ASC_REASON_SP_PRES_TEMPORARYCONGESTION);
        return rejected(QStringLiteral("server shutting down"));
    }
    DIC_UI appContext = {};
    ASC_getApplicationContextName(a.assoc->params, appContext, sizeof appContext);
    if (qstrcmp(appContext, UID_StandardApplicationContext) != 0) {
        reject(a.assoc, ASC_RESULT_REJECTEDPERMANENT, ASC_SOURCE_SERVICEUSER, ASC_REASON_SU_APPCONTEXTNAMENOTSUPPORTED);
        return rejected(QStringLiteral("application context name %1 not supported").arg(QLatin1String(appContext)));
    }
    if (a.peer.calledAe != cfg.aeTitle) {
        reject(a.assoc, ASC_RESULT_REJECTEDPERMANENT, ASC_SOURCE_SERVICEUSER, ASC_REASON_SU_CALLEDAETITLENOTRECOGNIZED);
        return rejected(QStringLiteral("called AE title '%1' not recognized (this node is '%2')")
                            .arg(a.peer.calledAe, cfg.aeTitle));
    }
    const Decision decision = shared.handlers.policy->acceptAssociation(a.peer);
    if (!decision.accepted) {
        reject(a.assoc, ASC_RESULT_REJECTEDPERMANENT, ASC_SOURCE_SERVICEUSER, ASC_REASON_SU_CALLINGAETITLENOTRECOGNIZED);
        return rejected(decision.reason.isEmpty()
                            ? QStringLiteral("calling AE title '%1' not recognized").arg(a.peer.callingAe)
                            : decision.reason);
    }
    if (shared.active.fetch_add(1) >= cfg.maxAssociations) {
        shared.active.fetch_sub(1);
        reject(a.assoc, ASC_RESULT_REJECTEDTRANSIENT, ASC_SOURCE_SERVICEPROVIDER_PRESENTATION_RELATED,
               ASC_REASON_SP_PRES_LOCALLIMITEXCEEDED);
        qCWarning(lcDimse).noquote() << QStringLiteral("association from %1@%2 rejected: %3 associations open (limit)")
                                            .arg(a.peer.callingAe, a.peer.host)
                                            .arg(cfg.maxAssociations);
        return rejected(QStringLiteral("local limit exceeded: %1 associations already open").arg(cfg.maxAssociations));
    }

    negotiate(a);
    cond = ASC_acknowledgeAssociation(a.assoc);
    if (cond.bad()) {
        shared.active.fetch_sub(1);
        a.shared.audit(a.peer, QStringLiteral("abort"), QStringLiteral("failure"),
                       QStringLiteral("cannot acknowledge the association: %1").arg(conditionText(cond)));
        finish();
        return;
    }
    a.shared.audit(a.peer, QStringLiteral("associate"), QStringLiteral("success"),
                   QStringLiteral("%1 presentation contexts accepted%2")
                       .arg(a.accepted.size())
                       .arg(tls ? QStringLiteral(", TLS") + (a.peer.tlsSubject.isEmpty()
                                                                 ? QString()
                                                                 : QStringLiteral(" client ") + a.peer.tlsSubject)
                                : QString()));
    commandLoop(a);
    shared.active.fetch_sub(1);
    if (a.stores.objects > 0)
        qCInfo(lcDimse).noquote() << QStringLiteral("#%1 %2@%3: %4")
                                         .arg(a.peer.associationId)
                                         .arg(a.peer.callingAe, a.peer.host, a.stores.summary());
    finish();
}

} // namespace kilima::dicomnet
