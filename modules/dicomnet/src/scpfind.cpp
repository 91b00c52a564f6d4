// Query SCP: C-FIND (Patient Root, Study Root, Modality Worklist) through
// the QueryHandler, one pending response per match, honouring C-CANCEL.
#include "common_p.h"
#include "scp_p.h"

#include <kilima/dicom/structure.h>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcistrmb.h>
#include <dcmtk/dcmdata/dcostrma.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcxfer.h>

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

namespace {

// An identifier is a few hundred bytes; a peer sending more is refused
// once it has sent it all (the association stays in step).
constexpr qint64 kMaxIdentifierBytes = 1 << 20;

// Collects the identifier's bytes as they arrive, without parsing them.
class IdentifierConsumer : public DcmConsumer {
public:
    OFBool good() const override { return OFTrue; }
    OFCondition status() const override { return EC_Normal; }
    OFBool isFlushed() const override { return OFTrue; }
    offile_off_t avail() const override { return offile_off_t(0x7fffffff); }
    offile_off_t write(const void *buf, offile_off_t buflen) override
    {
        if (m_bytes.size() + qint64(buflen) > kMaxIdentifierBytes)
            m_tooLarge = true;
        else
            m_bytes.append(static_cast<const char *>(buf), qsizetype(buflen));
        return buflen;
    }
    void flush() override {}
    QByteArray m_bytes;
    bool m_tooLarge = false;
};

class IdentifierStream : public DcmOutputStream {
public:
    explicit IdentifierStream(IdentifierConsumer *consumer) : DcmOutputStream(consumer) {}
};

} // namespace

bool receiveIdentifier(ScpAssociation &a, T_DIMSE_DataSetType type, std::unique_ptr<DcmDataset> *identifier,
                       QString *problem)
{
    if (type == DIMSE_DATASET_NULL)
        return true;
    // Received as bytes and checked before DCMTK parses them: its parser
    // recurses per sequence, and an identifier of thousands of nested
    // sequences would overflow the stack of the node.
    T_ASC_PresentationContextID dataPresId = 0;
    IdentifierConsumer consumer;
    OFCondition cond;
    {
        IdentifierStream stream(&consumer);
        cond = DIMSE_receiveDataSetInFile(a.assoc, DIMSE_NONBLOCKING, a.shared.config.dimseTimeoutSeconds, &dataPresId,
                                          &stream, nullptr, nullptr);
        stream.flush();
    }
    if (cond.bad())
        return false;
    auto refuse = [&](const QString &why) {
        if (problem)
            *problem = why;
        qCWarning(lcDimse).noquote() << QStringLiteral("%1@%2: identifier refused: %3").arg(a.peer.callingAe, a.peer.host, why);
        return true;
    };
    if (consumer.m_tooLarge)
        return refuse(QStringLiteral("identifier larger than %1 bytes").arg(kMaxIdentifierBytes));
    T_ASC_PresentationContext pc{};
    if (ASC_findAcceptedPresentationContext(a.assoc->params, dataPresId, &pc).bad())
        return refuse(QStringLiteral("identifier on an unknown presentation context"));
    const QString problemText = dicom::checkDatasetStructure(consumer.m_bytes, QString::fromLatin1(pc.acceptedTransferSyntax),
                                                             QStringLiteral("identifier"));
    if (!problemText.isEmpty())
        return refuse(problemText.mid(problemText.indexOf(QLatin1String(": ")) + 2));
    DcmInputBufferStream in;
    in.setBuffer(consumer.m_bytes.constData(), offile_off_t(consumer.m_bytes.size()));
    in.setEos();
    auto ds = std::make_unique<DcmDataset>();
    ds->transferInit();
    cond = ds->read(in, DcmXfer(pc.acceptedTransferSyntax).getXfer());
    ds->transferEnd();
    if (cond.bad())
        return refuse(QStringLiteral("cannot parse the identifier: %1").arg(conditionText(cond)));
    *identifier = std::move(ds);
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
    QString identifierProblem;
    if (!receiveIdentifier(a, req.DataSetType, &identifier, &identifierProblem))
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
        const QString why = identifierProblem.isEmpty() ? QStringLiteral("C-FIND request without identifier") : identifierProblem;
        a.shared.audit(a.peer, action, QStringLiteral("failure"), identifierProblem.isEmpty() ? QStringLiteral("no identifier") : why);
        return sendFindStatus(a, presId, req, 0xC000, why);
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
