// Query SCP: C-FIND (Patient Root, Study Root, Modality Worklist) through
// the QueryHandler, one pending response per match, honouring C-CANCEL.
#include "common_p.h"
#include "scp_p.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <memory>

namespace kilima::dicomnet {

namespace {

bool sendFindStatus(ScpAssociation &a, T_ASC_PresentationContextID presId, const T_DIMSE_C_FindRQ &req,
                    quint16 status, const QString &comment, DcmDataset *match = nullptr)
{
    T_DIMSE_C_FindRSP rsp{};
    rsp.MessageIDBeingRespondedTo = req.MessageID;
    OFStandard::strlcpy(rsp.AffectedSOPClassUID, req.AffectedSOPClassUID, sizeof rsp.AffectedSOPClassUID);
    rsp.opts = O_FIND_AFFECTEDSOPCLASSUID;
    rsp.DimseStatus = status;
    rsp.DataSetType = match ? DIMSE_DATASET_PRESENT : DIMSE_DATASET_NULL;
    DcmDataset detail;
    const bool withComment = !comment.isEmpty() && !isSuccess(status) && !isPending(status);
    if (withComment)
        detail.putAndInsertString(DCM_ErrorComment, comment.left(64).toLatin1().constData());
    return DIMSE_sendFindResponse(a.assoc, presId, &req, &rsp, match, withComment ? &detail : nullptr).good();
}

} // namespace

bool receiveIdentifier(ScpAssociation &a, T_DIMSE_DataSetType type, std::unique_ptr<DcmDataset> *identifier)
{
    if (type == DIMSE_DATASET_NULL)
        return true;
    T_ASC_PresentationContextID dataPresId = 0;
    DcmDataset *ds = nullptr;
    OFCondition cond = DIMSE_receiveDataSetInMemory(a.assoc, DIMSE_NONBLOCKING, a.shared.config.dimseTimeoutSeconds,
                                                    &dataPresId, &ds, nullptr, nullptr);
    if (cond.bad()) {
        delete ds;
        return false;
    }
    identifier->reset(ds);
    return true;
}

QString identifierStudy(DcmDataset *identifier)
{
    OFString value;
    if (identifier && identifier->findAndGetOFStringArray(DCM_StudyInstanceUID, value).good())
        return fromOF(value);
    return {};
}

bool handleFind(ScpAssociation &a, T_ASC_PresentationContextID presId, T_DIMSE_C_FindRQ &req)
{
    std::unique_ptr<DcmDataset> identifier;
    if (!receiveIdentifier(a, req.DataSetType, &identifier))
        return false;
    const QString action = QStringLiteral("C-FIND");
    QueryModel model = QueryModel::StudyRoot;
    Service service = Service::Find;
    if (qstrcmp(req.AffectedSOPClassUID, UID_FINDPatientRootQueryRetrieveInformationModel) == 0) {
        model = QueryModel::PatientRoot;
    } else if (qstrcmp(req.AffectedSOPClassUID, UID_FINDModalityWorklistInformationModel) == 0) {
        model = QueryModel::Worklist;
        service = Service::Worklist;
    } else if (qstrcmp(req.AffectedSOPClassUID, UID_FINDStudyRootQueryRetrieveInformationModel) != 0) {
        a.shared.audit(a.peer, action, QStringLiteral("failure"), QStringLiteral("SOP class not supported"));
        return sendFindStatus(a, presId, req, 0x0122, QStringLiteral("SOP class not supported"));
    }
    const QString study = identifierStudy(identifier.get());
    QueryHandler *query = a.shared.handlers.query;
    if (!query) {
        a.shared.audit(a.peer, action, QStringLiteral("failure"), QStringLiteral("queries not offered"));
        return sendFindStatus(a, presId, req, 0x0122, QStringLiteral("queries are not offered by this node"));
    }
    if (!identifier) {
        a.shared.audit(a.peer, action, QStringLiteral("failure"), QStringLiteral("no identifier"));
        return sendFindStatus(a, presId, req, 0xC000, QStringLiteral("C-FIND request without identifier"));
    }
    const Decision decision = a.shared.handlers.policy->allow(a.peer, service);
    if (!decision.accepted) {
        a.shared.audit(a.peer, action, QStringLiteral("denied"), decision.reason, study);
        return sendFindStatus(a, presId, req, 0x0124, decision.reason);
    }

    int matches = 0;
    bool cancelled = false;
    bool connectionOk = true;
    FindResponse result = query->find(a.peer, model, *identifier, [&](DcmDataset &match) {
        if (cancelled || !connectionOk)
            return false;
        if (!sendFindStatus(a, presId, req, 0xFF00, {}, &match)) {
            connectionOk = false;
            return false;
        }
        ++matches;
        if (DIMSE_checkForCancelRQ(a.assoc, presId, req.MessageID).good())
            cancelled = true;
        return !cancelled;
    });
    if (!connectionOk)
        return false;
    quint16 status = result.status;
    QString comment = result.comment;
    if (cancelled) {
        status = 0xFE00;
        comment.clear();
    }
    const QString outcome = isSuccess(status) || status == 0xFE00 ? QStringLiteral("success")
                                                                  : QStringLiteral("failure");
    a.shared.audit(a.peer, action, outcome,
                   QStringLiteral("%1 %2, %3 matches%4%5")
                       .arg(modelName(model), statusHex(status))
                       .arg(matches)
                       .arg(cancelled ? QStringLiteral(", cancelled") : QString(),
                            comment.isEmpty() ? QString() : QStringLiteral(": ") + comment),
                   study);
    return sendFindStatus(a, presId, req, status, comment);
}

} // namespace kilima::dicomnet
