// Scu: C-ECHO, C-STORE, C-FIND, C-MOVE and C-GET as a service class user.
#include <kilima/dicomnet/scu.h>

#include "common_p.h"
#include "receive_p.h"
#include "scuassociation_p.h"
#include "sender_p.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <QDir>
#include <QFileInfo>
#include <QScopeGuard>

namespace kilima::dicomnet {

namespace {

const char *kPlainSyntaxes[] = {UID_LittleEndianExplicitTransferSyntax, UID_LittleEndianImplicitTransferSyntax};

void proposePlain(T_ASC_Parameters *params, T_ASC_PresentationContextID id, const char *sopClass)
{
    ASC_addPresentationContext(params, id, sopClass, kPlainSyntaxes, 2);
}

QString statusText(quint16 status, const QString &comment)
{
    QString text = QStringLiteral("%1 (%2)").arg(statusMeaning(status), statusHex(status));
    if (!comment.isEmpty())
        text += QStringLiteral(": ") + comment;
    return text;
}

// Retrieve statuses after which the counts still tell the story.
bool retrieveCompleted(quint16 status)
{
    return status == 0x0000 || status == 0xB000 || status == 0xFE00 || isWarning(status);
}

} // namespace

core::Status Scu::echo(const ScuConfig &config)
{
    auto opened = ScuAssociation::open(config, [](T_ASC_Parameters *p) { proposePlain(p, 1, UID_VerificationSOPClass); });
    if (!opened)
        return core::Error{opened.error()};
    ScuAssociation &a = *opened.value();
    DIC_US status = 0;
    DcmDataset *detail = nullptr;
    OFCondition cond = DIMSE_echoUser(a.assoc(), a.nextMessageId(), DIMSE_NONBLOCKING,
                                      std::max(1, config.dimseTimeoutSeconds), &status, &detail);
    const QString comment = errorComment(detail);
    delete detail;
    if (cond.bad()) {
        a.markBroken();
        return core::Error{QStringLiteral("C-ECHO to %1 failed: %2").arg(a.peerName(), conditionText(cond))};
    }
    if (status != 0)
        return core::Error{QStringLiteral("C-ECHO to %1: %2").arg(a.peerName(), statusText(status, comment))};
    return {};
}

core::Result<StoreSummary> Scu::store(const ScuConfig &config, const QStringList &files,
                                      const std::function<void(int, int)> &progress)
{
    StoreSummary summary;
    QList<OutgoingFile> outgoing;
    for (const QString &f : files)
        outgoing << inspectFile(f);
    const int total = outgoing.size();
    int done = 0;
    auto fail = [&](const OutgoingFile &f, const QString &reason, quint16 status) {
        ++summary.failed;
        summary.failures << (status == 0xFFFF ? QStringLiteral("%1: %2").arg(f.path, reason)
                                              : QStringLiteral("%1: %2 (status %3)").arg(f.path, reason, statusHex(status)));
    };
    bool anyValid = false;
    for (const OutgoingFile &f : outgoing)
        anyValid = anyValid || f.error.isEmpty();
    if (!anyValid) {
        for (const OutgoingFile &f : outgoing) {
            fail(f, f.error, 0xFFFF);
            if (progress)
                progress(++done, total);
        }
        return summary;
    }
    auto opened = ScuAssociation::open(config, [&](T_ASC_Parameters *p) { proposeStorageContexts(p, outgoing); });
    if (!opened)
        return core::Error{opened.error()};
    ScuAssociation &a = *opened.value();
    const std::vector<ContextChoice> contexts = acceptedContexts(a.assoc());
    bool broken = false;
    for (const OutgoingFile &f : outgoing) {
        if (broken) {
            fail(f, QStringLiteral("association with %1 lost").arg(a.peerName()), 0xFFFF);
        } else {
            SendOutcome out = sendFile(a.assoc(), contexts, f, a.nextMessageId(), std::max(1, config.dimseTimeoutSeconds));
            if (!out.connectionOk) {
                broken = true;
                a.markBroken();
            }
            if (isSuccess(out.status))
                ++summary.completed;
            else if (isWarning(out.status))
                ++summary.warning;
            else
                fail(f, out.reason, out.status);
        }
        if (progress)
            progress(++done, total);
    }
    return summary;
}

core::Result<QList<std::shared_ptr<DcmDataset>>> Scu::find(const ScuConfig &config, QueryModel model,
                                                           const DcmDataset &identifier)
{
    const char *sopClass = findSopClass(model);
    auto opened = ScuAssociation::open(config, [&](T_ASC_Parameters *p) { proposePlain(p, 1, sopClass); });
    if (!opened)
        return core::Error{opened.error()};
    ScuAssociation &a = *opened.value();
    const T_ASC_PresentationContextID presId = a.contextFor(sopClass);
    if (presId == 0)
        return core::Error{QStringLiteral("%1 does not support %2 C-FIND").arg(a.peerName(), modelName(model))};

    T_DIMSE_C_FindRQ req{};
    req.MessageID = a.nextMessageId();
    OFStandard::strlcpy(req.AffectedSOPClassUID, sopClass, sizeof req.AffectedSOPClassUID);
    req.DataSetType = DIMSE_DATASET_PRESENT;
    req.Priority = DIMSE_PRIORITY_MEDIUM;
    DcmDataset query(identifier);
    QList<std::shared_ptr<DcmDataset>> results;
    struct Collect {
        static void cb(void *data, T_DIMSE_C_FindRQ *, int, T_DIMSE_C_FindRSP *, DcmDataset *ids)
        {
            if (ids)
                static_cast<QList<std::shared_ptr<DcmDataset>> *>(data)->append(std::make_shared<DcmDataset>(*ids));
        }
    };
    int responses = 0;
    T_DIMSE_C_FindRSP rsp{};
    DcmDataset *detail = nullptr;
    OFCondition cond = DIMSE_findUser(a.assoc(), presId, &req, &query, responses, &Collect::cb, &results,
                                      DIMSE_NONBLOCKING, std::max(1, config.dimseTimeoutSeconds), &rsp, &detail);
    const QString comment = errorComment(detail);
    delete detail;
    if (cond.bad()) {
        a.markBroken();
        return core::Error{QStringLiteral("C-FIND on %1 failed: %2").arg(a.peerName(), conditionText(cond))};
    }
    if (!isSuccess(rsp.DimseStatus) && !isWarning(rsp.DimseStatus) && rsp.DimseStatus != 0xFE00)
        return core::Error{QStringLiteral("C-FIND on %1: %2").arg(a.peerName(), statusText(rsp.DimseStatus, comment))};
    return results;
}

core::Result<RetrieveSummary> Scu::move(const ScuConfig &config, QueryModel model, const DcmDataset &identifier,
                                        const QString &destinationAe,
                                        const std::function<void(const RetrieveSummary &)> &progress)
{
    const char *sopClass = moveSopClass(model);
    auto opened = ScuAssociation::open(config, [&](T_ASC_Parameters *p) { proposePlain(p, 1, sopClass); });
    if (!opened)
        return core::Error{opened.error()};
    ScuAssociation &a = *opened.value();
    const T_ASC_PresentationContextID presId = a.contextFor(sopClass);
    if (presId == 0)
        return core::Error{QStringLiteral("%1 does not support %2 C-MOVE").arg(a.peerName(), modelName(model))};

    T_DIMSE_C_MoveRQ req{};
    req.MessageID = a.nextMessageId();
    OFStandard::strlcpy(req.AffectedSOPClassUID, sopClass, sizeof req.AffectedSOPClassUID);
    OFStandard::strlcpy(req.MoveDestination, destinationAe.toLatin1().constData(), sizeof req.MoveDestination);
    req.DataSetType = DIMSE_DATASET_PRESENT;
    req.Priority = DIMSE_PRIORITY_MEDIUM;
    DcmDataset query(identifier);
    struct Progress {
        const std::function<void(const RetrieveSummary &)> *fn;
        static void cb(void *data, T_DIMSE_C_MoveRQ *, int, T_DIMSE_C_MoveRSP *rsp)
        {
            auto *self = static_cast<Progress *>(data);
            if (!*self->fn)
                return;
            RetrieveSummary s;
            s.completed = rsp->NumberOfCompletedSubOperations;
            s.failed = rsp->NumberOfFailedSubOperations;
            s.warning = rsp->NumberOfWarningSubOperations;
            s.finalStatus = rsp->DimseStatus;
            (*self->fn)(s);
        }
    } cbData{&progress};
    T_DIMSE_C_MoveRSP rsp{};
    DcmDataset *detail = nullptr;
    DcmDataset *rspIds = nullptr;
    OFCondition cond = DIMSE_moveUser(a.assoc(), presId, &req, &query, &Progress::cb, &cbData, DIMSE_NONBLOCKING,
                                      std::max(1, config.dimseTimeoutSeconds), a.network(), nullptr, nullptr, &rsp,
                                      &detail, &rspIds);
    RetrieveSummary summary;
    summary.comment = errorComment(detail);
    delete detail;
    delete rspIds;
    const QString what = QStringLiteral("C-MOVE to %1 (destination %2)").arg(a.peerName(), destinationAe);
    if (cond.bad()) {
        a.markBroken();
        return core::Error{QStringLiteral("%1 failed: %2").arg(what, conditionText(cond))};
    }
    summary.completed = rsp.NumberOfCompletedSubOperations;
    summary.failed = rsp.NumberOfFailedSubOperations;
    summary.warning = rsp.NumberOfWarningSubOperations;
    summary.finalStatus = rsp.DimseStatus;
    if (!retrieveCompleted(rsp.DimseStatus))
        return core::Error{QStringLiteral("%1: %2").arg(what, statusText(rsp.DimseStatus, summary.comment))};
    return summary;
}

core::Result<RetrieveSummary> Scu::get(const ScuConfig &config, QueryModel model, const DcmDataset &identifier,
                                       StoreHandler &sink, const std::function<void(const RetrieveSummary &)> &progress)
{
    const char *sopClass = getSopClass(model);
    auto opened = ScuAssociation::open(config, [&](T_ASC_Parameters *p) {
        proposePlain(p, 1, sopClass);
        // Storage contexts in the SCP role for the instances coming back;
        // 127 contexts at most, so the long list DCMTK's SCUs use.
        static const char *syntaxes[] = {
            UID_LittleEndianExplicitTransferSyntax, UID_LittleEndianImplicitTransferSyntax,
            UID_JPEGProcess14SV1TransferSyntax, UID_JPEGProcess1TransferSyntax, UID_JPEGProcess2_4TransferSyntax,
            UID_JPEGProcess14TransferSyntax, UID_JPEGLSLosslessTransferSyntax, UID_JPEGLSLossyTransferSyntax,
            UID_JPEG2000LosslessOnlyTransferSyntax, UID_JPEG2000TransferSyntax, UID_RLELosslessTransferSyntax,
            UID_DeflatedExplicitVRLittleEndianTransferSyntax, UID_BigEndianExplicitTransferSyntax,
            UID_MPEG2MainProfileAtMainLevelTransferSyntax, UID_MPEG4HighProfileLevel4_1TransferSyntax};
        int id = 3;
        for (int i = 0; i < numberOfDcmLongSCUStorageSOPClassUIDs && id <= 255; ++i, id += 2)
            ASC_addPresentationContext(p, T_ASC_PresentationContextID(id), dcmLongSCUStorageSOPClassUIDs[i], syntaxes,
                                       int(sizeof syntaxes / sizeof *syntaxes), ASC_SC_ROLE_SCP);
    });
    if (!opened)
        return core::Error{opened.error()};
    ScuAssociation &a = *opened.value();
    const T_ASC_PresentationContextID presId = a.contextFor(sopClass);
    const QString what = QStringLiteral("C-GET from %1").arg(a.peerName());
    if (presId == 0)
        return core::Error{QStringLiteral("%1 does not support %2 C-GET").arg(a.peerName(), modelName(model))};

    const int timeout = std::max(1, config.dimseTimeoutSeconds);
    T_DIMSE_Message msg{};
    msg.CommandField = DIMSE_C_GET_RQ;
    T_DIMSE_C_GetRQ &req = msg.msg.CGetRQ;
    req.MessageID = a.nextMessageId();
    OFStandard::strlcpy(req.AffectedSOPClassUID, sopClass, sizeof req.AffectedSOPClassUID);
    req.DataSetType = DIMSE_DATASET_PRESENT;
    req.Priority = DIMSE_PRIORITY_MEDIUM;
    DcmDataset query(identifier);
    OFCondition cond = DIMSE_sendMessageUsingMemoryData(a.assoc(), presId, &msg, nullptr, &query, nullptr, nullptr);
    if (cond.bad()) {
        a.markBroken();
        return core::Error{QStringLiteral("%1 failed: %2").arg(what, conditionText(cond))};
    }
    Peer peer;
    peer.callingAe = config.remote.aeTitle;
    peer.calledAe = config.callingAe;
    peer.host = config.remote.host;
    peer.tls = config.remote.tls;
    const QString tempDir = QDir(QDir::tempPath()).filePath(QStringLiteral("kilima-dimse"));
    RetrieveSummary summary;
    // The sub-operations' C-STOREs, logged as the SCP logs an association's.
    StoreTally stores;
    const auto logStores = qScopeGuard([&] {
        if (stores.objects > 0)
            qCInfo(lcDimse).noquote() << QStringLiteral("%1: %2").arg(what, stores.summary());
    });
    while (true) {
        T_DIMSE_Message in{};
        T_ASC_PresentationContextID inPresId = 0;
        DcmDataset *detail = nullptr;
        cond = DIMSE_receiveCommand(a.assoc(), DIMSE_NONBLOCKING, timeout, &inPresId, &in, &detail);
        const QString comment = errorComment(detail);
        delete detail;
        if (cond.bad()) {
            a.markBroken();
            return core::Error{QStringLiteral("%1 failed: %2").arg(what, conditionText(cond))};
        }
        if (in.CommandField == DIMSE_C_STORE_RQ) {
            T_DIMSE_C_StoreRQ &store = in.msg.CStoreRQ;
            const qint64 start = stores.now();
            const StoreResult obj = receiveAndStore(a.assoc(), inPresId, store, sink, peer, tempDir, timeout);
            if (!obj.connectionOk) {
                stores.add(obj, start);
                a.markBroken();
                return core::Error{QStringLiteral("%1 failed: %2").arg(what, obj.response.comment)};
            }
            const quint16 status = obj.response.status;
            const QString why = obj.response.comment;
            const qint64 answering = stores.now();
            const bool sent = sendStoreResponse(a.assoc(), inPresId, store, status, why).good();
            stores.add(obj, start, answering);
            if (!sent) {
                a.markBroken();
                return core::Error{QStringLiteral("%1 failed: connection lost").arg(what)};
            }
            continue;
        }
        if (in.CommandField != DIMSE_C_GET_RSP) {
            a.markBroken();
            return core::Error{QStringLiteral("%1: unexpected DIMSE command 0x%2").arg(what).arg(
                unsigned(in.CommandField), 4, 16, QLatin1Char('0'))};
        }
        const T_DIMSE_C_GetRSP &rsp = in.msg.CGetRSP;
        if (rsp.DataSetType != DIMSE_DATASET_NULL) {
            DcmDataset *ids = nullptr;
            T_ASC_PresentationContextID idsPresId = 0;
            cond = DIMSE_receiveDataSetInMemory(a.assoc(), DIMSE_NONBLOCKING, timeout, &idsPresId, &ids, nullptr, nullptr);
            delete ids;
            if (cond.bad()) {
                a.markBroken();
                return core::Error{QStringLiteral("%1 failed: %2").arg(what, conditionText(cond))};
            }
        }
        summary.completed = rsp.NumberOfCompletedSubOperations;
        summary.failed = rsp.NumberOfFailedSubOperations;
        summary.warning = rsp.NumberOfWarningSubOperations;
        summary.finalStatus = rsp.DimseStatus;
        summary.comment = comment;
        if (isPending(rsp.DimseStatus)) {
            if (progress)
                progress(summary);
            continue;
        }
        if (!retrieveCompleted(rsp.DimseStatus))
            return core::Error{QStringLiteral("%1: %2").arg(what, statusText(rsp.DimseStatus, comment))};
        return summary;
    }
}

} // namespace kilima::dicomnet
