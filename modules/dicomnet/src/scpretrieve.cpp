// Retrieve SCP: C-MOVE (C-STORE sub-operations on a new association to the
// destination) and C-GET (sub-operations on the requester's association),
// with pending responses, C-CANCEL and the Failed SOP Instance UID List.
#include "common_p.h"
#include "scp_p.h"
#include "scuassociation_p.h"
#include "sender_p.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcuid.h>

namespace kilima::dicomnet {

namespace {

struct Counts {
    int remaining = 0;
    int completed = 0;
    int failed = 0;
    int warning = 0;
    QStringList failedUids;
    QStringList reasons;   // first few, for the log and the Error Comment
};

quint16 finalStatus(const Counts &c, bool cancelled)
{
    if (cancelled)
        return 0xFE00;
    if (c.failed == 0 && c.warning == 0)
        return 0x0000;
    if (c.completed == 0 && c.warning == 0)
        return 0xA702;
    return 0xB000;
}

void account(Counts &c, const OutgoingFile &file, const SendOutcome &outcome)
{
    --c.remaining;
    if (isSuccess(outcome.status)) {
        ++c.completed;
    } else if (isWarning(outcome.status)) {
        ++c.warning;
    } else {
        ++c.failed;
        c.failedUids << file.sopInstance;
        if (c.reasons.size() < 3)
            c.reasons << outcome.reason;
        qCInfo(lcDimse).noquote() << QStringLiteral("sub-operation for %1 failed: %2").arg(file.path, outcome.reason);
    }
}

template <typename Rsp>
void fillCounts(Rsp &rsp, const Counts &c, bool final)
{
    rsp.NumberOfRemainingSubOperations = DIC_US(std::max(0, final ? 0 : c.remaining));
    rsp.NumberOfCompletedSubOperations = DIC_US(c.completed);
    rsp.NumberOfFailedSubOperations = DIC_US(c.failed);
    rsp.NumberOfWarningSubOperations = DIC_US(c.warning);
}

// One retrieve, generic over C-MOVE and C-GET responses.
struct Retrieve {
    ScpAssociation &a;
    T_ASC_PresentationContextID presId;
    bool isMove;
    T_DIMSE_C_MoveRQ *moveRq = nullptr;
    T_DIMSE_C_GetRQ *getRq = nullptr;

    DIC_US messageId() const { return isMove ? moveRq->MessageID : getRq->MessageID; }
    const char *sopClass() const { return isMove ? moveRq->AffectedSOPClassUID : getRq->AffectedSOPClassUID; }
    QString action() const { return isMove ? QStringLiteral("C-MOVE") : QStringLiteral("C-GET"); }

    bool respond(quint16 status, const Counts &c, bool final, const QString &comment, bool withCounts = true)
    {
        DcmDataset detail;
        const bool withComment = final && !comment.isEmpty() && !isSuccess(status);
        if (withComment)
            detail.putAndInsertString(DCM_ErrorComment, comment.left(64).toLatin1().constData());
        DcmDataset ids;
        const bool withIds = final && !c.failedUids.isEmpty() && status != 0x0000;
        if (withIds)
            ids.putAndInsertString(DCM_FailedSOPInstanceUIDList, c.failedUids.join(QLatin1Char('\\')).toLatin1().constData());
        if (isMove) {
            T_DIMSE_C_MoveRSP rsp{};
            rsp.MessageIDBeingRespondedTo = moveRq->MessageID;
            OFStandard::strlcpy(rsp.AffectedSOPClassUID, moveRq->AffectedSOPClassUID, sizeof rsp.AffectedSOPClassUID);
            rsp.DimseStatus = status;
            rsp.DataSetType = withIds ? DIMSE_DATASET_PRESENT : DIMSE_DATASET_NULL;
            rsp.opts = O_MOVE_AFFECTEDSOPCLASSUID;
            if (withCounts) {
                fillCounts(rsp, c, final && status != 0xFE00);
                rsp.opts |= O_MOVE_NUMBEROFCOMPLETEDSUBOPERATIONS | O_MOVE_NUMBEROFFAILEDSUBOPERATIONS
                          | O_MOVE_NUMBEROFWARNINGSUBOPERATIONS;
                if (!final || status == 0xFE00)
                    rsp.opts |= O_MOVE_NUMBEROFREMAININGSUBOPERATIONS;
            }
            return DIMSE_sendMoveResponse(a.assoc, presId, moveRq, &rsp, withIds ? &ids : nullptr,
                                          withComment ? &detail : nullptr)
                .good();
        }
        T_DIMSE_C_GetRSP rsp{};
        rsp.MessageIDBeingRespondedTo = getRq->MessageID;
        OFStandard::strlcpy(rsp.AffectedSOPClassUID, getRq->AffectedSOPClassUID, sizeof rsp.AffectedSOPClassUID);
        rsp.DimseStatus = status;
        rsp.DataSetType = withIds ? DIMSE_DATASET_PRESENT : DIMSE_DATASET_NULL;
        rsp.opts = O_GET_AFFECTEDSOPCLASSUID;
        if (withCounts) {
            fillCounts(rsp, c, final && status != 0xFE00);
            rsp.opts |= O_GET_NUMBEROFCOMPLETEDSUBOPERATIONS | O_GET_NUMBEROFFAILEDSUBOPERATIONS
                      | O_GET_NUMBEROFWARNINGSUBOPERATIONS;
            if (!final || status == 0xFE00)
                rsp.opts |= O_GET_NUMBEROFREMAININGSUBOPERATIONS;
        }
        return DIMSE_sendGetResponse(a.assoc, presId, getRq, &rsp, withIds ? &ids : nullptr,
                                     withComment ? &detail : nullptr)
            .good();
    }

    bool refuse(quint16 status, const QString &comment, const QString &outcome, const QString &study)
    {
        a.shared.audit(a.peer, action(), outcome, QStringLiteral("%1: %2").arg(statusHex(status), comment), study);
        return respond(status, Counts{}, true, comment, false);
    }

    bool run(T_DIMSE_DataSetType dataSetType);
    bool sendAll(const QList<OutgoingFile> &files, const QString &study, const QString &destination,
                 ScuAssociation *sub);
};

bool Retrieve::run(T_DIMSE_DataSetType dataSetType)
{
    std::unique_ptr<DcmDataset> identifier;
    QString identifierProblem;
    if (!receiveIdentifier(a, dataSetType, &identifier, &identifierProblem))
        return false;
    const QString study = identifierStudy(identifier.get());
    RetrieveHandler *retrieve = a.shared.handlers.retrieve;
    if (!retrieve)
        return refuse(0x0122, QStringLiteral("retrieve is not offered by this node"), QStringLiteral("failure"), study);
    if (!identifier)
        return refuse(0xC000, identifierProblem.isEmpty() ? QStringLiteral("request without identifier") : identifierProblem,
                      QStringLiteral("failure"), study);
    const QueryModel model = (qstrcmp(sopClass(), UID_MOVEPatientRootQueryRetrieveInformationModel) == 0
                              || qstrcmp(sopClass(), UID_GETPatientRootQueryRetrieveInformationModel) == 0)
                               ? QueryModel::PatientRoot
                               : QueryModel::StudyRoot;
    const Decision decision = a.shared.handlers.policy->allow(a.peer, isMove ? Service::Move : Service::Get);
    if (!decision.accepted)
        return refuse(0x0124, decision.reason, QStringLiteral("denied"), study);

    // C-MOVE: where to? (before resolving, so an unknown AE costs no query)
    std::unique_ptr<ScuAssociation> sub;
    QString destination;
    if (isMove) {
        destination = QString::fromLatin1(moveRq->MoveDestination).trimmed();
        auto node = retrieve->moveDestination(a.peer, destination);
        if (!node)
            return refuse(0xA801, node.error().isEmpty() ? QStringLiteral("move destination unknown") : node.error(),
                          QStringLiteral("failure"), study);
        auto files = retrieve->resolve(a.peer, model, *identifier);
        if (!files)
            return refuse(0xC000, files.error(), QStringLiteral("failure"), study);
        QList<OutgoingFile> outgoing;
        for (const QString &f : files.value())
            outgoing << inspectFile(f);
        if (!outgoing.isEmpty()) {
            const ServerConfig &cfg = a.shared.config;
            ScuConfig sc;
            sc.callingAe = cfg.aeTitle;
            sc.remote = node.value();
            sc.tls = cfg.tls;
            sc.tls.requireClientCertificate = false;
            sc.maxPduSize = cfg.maxPduSize;
            sc.acseTimeoutSeconds = cfg.acseTimeoutSeconds;
            sc.dimseTimeoutSeconds = cfg.dimseTimeoutSeconds;
            auto opened = ScuAssociation::open(sc, [&](T_ASC_Parameters *p) { proposeStorageContexts(p, outgoing); });
            if (!opened) {
                Counts c;
                c.failed = outgoing.size();
                for (const OutgoingFile &f : outgoing)
                    c.failedUids << f.sopInstance;
                a.shared.audit(a.peer, action(), QStringLiteral("failure"),
                               QStringLiteral("to %1: 0xA702: %2").arg(destination, opened.error()), study);
                return respond(0xA702, c, true, opened.error());
            }
            sub = opened.take();
        }
        return sendAll(outgoing, study, destination, sub.get());
    }
    auto files = retrieve->resolve(a.peer, model, *identifier);
    if (!files)
        return refuse(0xC000, files.error(), QStringLiteral("failure"), study);
    QList<OutgoingFile> outgoing;
    for (const QString &f : files.value())
        outgoing << inspectFile(f);
    return sendAll(outgoing, study, {}, nullptr);
}

bool Retrieve::sendAll(const QList<OutgoingFile> &files, const QString &study, const QString &destination,
                       ScuAssociation *sub)
{
    const int timeout = a.shared.config.dimseTimeoutSeconds;
    Counts c;
    c.remaining = files.size();
    std::vector<ContextChoice> contexts;
    if (sub) {
        contexts = acceptedContexts(sub->assoc());
    } else {
        // C-GET: only where the requester took the SCP role.
        for (const AcceptedContext &ac : a.accepted)
            if (ac.role == ASC_SC_ROLE_SCP || ac.role == ASC_SC_ROLE_SCUSCP)
                contexts.push_back({ac.id, ac.abstractSyntax, ac.transferSyntax});
    }
    bool cancelled = false;
    bool subBroken = false;
    for (const OutgoingFile &file : files) {
        SendOutcome outcome;
        if (subBroken) {
            outcome.reason = QStringLiteral("association with %1 lost").arg(destination);
        } else if (a.shared.stopping) {
            outcome.reason = QStringLiteral("server shutting down");
        } else if (isMove) {
            outcome = sendFile(sub->assoc(), contexts, file, sub->nextMessageId(), timeout, a.peer.callingAe,
                               messageId());
            if (!outcome.connectionOk) {
                subBroken = true;
                sub->markBroken();
            }
        } else {
            T_DIMSE_DetectedCancelParameters cancel{};
            cancel.cancelEncountered = OFFalse;
            outcome = sendFile(a.assoc, contexts, file, a.assoc->nextMsgID++, timeout, {}, 0, &cancel);
            if (!outcome.connectionOk)
                return false;   // the requester's association is gone
            if (cancel.cancelEncountered)
                cancelled = true;
        }
        account(c, file, outcome);
        if (!cancelled && DIMSE_checkForCancelRQ(a.assoc, presId, messageId()).good())
            cancelled = true;
        if (cancelled)
            break;
        if (c.remaining > 0 && !respond(0xFF00, c, false, {}))
            return false;
    }
    const quint16 status = finalStatus(c, cancelled);
    const QString comment = c.reasons.join(QStringLiteral("; "));
    const QString outcome = status == 0x0000 || status == 0xFE00 ? QStringLiteral("success")
                          : status == 0xB000                     ? QStringLiteral("warning")
                                                                 : QStringLiteral("failure");
    a.shared.audit(a.peer, action(), outcome,
                   QStringLiteral("%1%2: %3 completed, %4 failed, %5 warning%6%7")
                       .arg(destination.isEmpty() ? QString() : QStringLiteral("to ") + destination + QLatin1Char(' '),
                            statusHex(status))
                       .arg(c.completed)
                       .arg(c.failed)
                       .arg(c.warning)
                       .arg(cancelled ? QStringLiteral(", cancelled") : QString(),
                            comment.isEmpty() ? QString() : QStringLiteral(": ") + comment),
                   study);
    return respond(status, c, true, comment);
}

} // namespace

bool handleMove(ScpAssociation &a, T_ASC_PresentationContextID presId, T_DIMSE_C_MoveRQ &req)
{
    Retrieve r{a, presId, true, &req, nullptr};
    return r.run(req.DataSetType);
}

bool handleGet(ScpAssociation &a, T_ASC_PresentationContextID presId, T_DIMSE_C_GetRQ &req)
{
    Retrieve r{a, presId, false, nullptr, &req};
    return r.run(req.DataSetType);
}

} // namespace kilima::dicomnet
