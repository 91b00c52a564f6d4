#include "scuassociation_p.h"

#include "common_p.h"
#include "tls_p.h"

#include <dcmtk/dcmnet/dul.h>
#include <dcmtk/dcmtls/tlslayer.h>

namespace kilima::dicomnet {

QString peerDisplayName(const RemoteNode &remote)
{
    return remote.name.isEmpty() ? remote.aeTitle : remote.name;
}

QString rejectReasonText(const T_ASC_RejectParameters &rej, const QString &callingAe, const QString &calledAe)
{
    QString why;
    switch (rej.reason) {
    case ASC_REASON_SU_NOREASON: why = QStringLiteral("no reason given"); break;
    case ASC_REASON_SU_APPCONTEXTNAMENOTSUPPORTED: why = QStringLiteral("application context name not supported"); break;
    case ASC_REASON_SU_CALLINGAETITLENOTRECOGNIZED:
        why = QStringLiteral("calling AE title '%1' not recognized").arg(callingAe);
        break;
    case ASC_REASON_SU_CALLEDAETITLENOTRECOGNIZED:
        why = QStringLiteral("called AE title '%1' not recognized").arg(calledAe);
        break;
    case ASC_REASON_SP_ACSE_NOREASON: why = QStringLiteral("no reason given (ACSE)"); break;
    case ASC_REASON_SP_ACSE_PROTOCOLVERSIONNOTSUPPORTED: why = QStringLiteral("protocol version not supported"); break;
    case ASC_REASON_SP_PRES_TEMPORARYCONGESTION: why = QStringLiteral("temporary congestion"); break;
    case ASC_REASON_SP_PRES_LOCALLIMITEXCEEDED:
        why = QStringLiteral("local limit exceeded (too many associations)");
        break;
    default: why = QStringLiteral("reason 0x%1").arg(unsigned(rej.reason), 4, 16, QLatin1Char('0')); break;
    }
    if (rej.result == ASC_RESULT_REJECTEDTRANSIENT)
        why += QStringLiteral("; transient, try again later");
    return why;
}

ScuAssociation::~ScuAssociation()
{
    if (m_assoc) {
        if (m_broken)
            ASC_abortAssociation(m_assoc);
        else if (ASC_releaseAssociation(m_assoc).bad())
            ASC_abortAssociation(m_assoc);
        ASC_destroyAssociation(&m_assoc);
    }
    if (m_net)
        ASC_dropNetwork(&m_net);
}

T_ASC_PresentationContextID ScuAssociation::contextFor(const char *abstractSyntax) const
{
    return ASC_findAcceptedPresentationContextID(m_assoc, abstractSyntax);
}

core::Result<std::unique_ptr<ScuAssociation>> ScuAssociation::open(
    const ScuConfig &config, const std::function<void(T_ASC_Parameters *)> &propose)
{
    initDcmtkNetworking();
    const RemoteNode &remote = config.remote;
    const QString name = peerDisplayName(remote);
    if (remote.aeTitle.isEmpty() || remote.host.isEmpty() || remote.port == 0)
        return core::Error{QStringLiteral("%1: AE title, host and port must be configured").arg(name)};

    std::unique_ptr<ScuAssociation> a(new ScuAssociation);
    a->m_peerName = name;
    const int acse = std::max(1, config.acseTimeoutSeconds);
    dcmConnectionTimeout.set(acse);
    OFCondition cond = ASC_initializeNetwork(NET_REQUESTOR, 0, acse, &a->m_net);
    if (cond.bad())
        return core::Error{QStringLiteral("cannot initialise the network: %1").arg(conditionText(cond))};
    if (remote.tls) {
        auto *layer = new DcmTLSTransportLayer(NET_REQUESTOR, nullptr, OFTrue);
        if (auto st = configureTls(*layer, config.tls, false); !st) {
            delete layer;
            return core::Error{QStringLiteral("%1: %2").arg(name, st.error())};
        }
        ASC_setTransportLayer(a->m_net, layer, 1);
    }
    T_ASC_Parameters *params = nullptr;
    cond = ASC_createAssociationParameters(&params, std::clamp(config.maxPduSize, ASC_MINIMUMPDUSIZE,
                                                                   ASC_MAXIMUMPDUSIZE));
    if (cond.bad())
        return core::Error{QStringLiteral("cannot create association parameters: %1").arg(conditionText(cond))};
    ASC_setAPTitles(params, config.callingAe.toLatin1().constData(), remote.aeTitle.toLatin1().constData(), nullptr);
    ASC_setTransportLayerType(params, remote.tls ? OFTrue : OFFalse);
    const QByteArray address = QStringLiteral("%1:%2").arg(remote.host).arg(remote.port).toLatin1();
    ASC_setPresentationAddresses(params, "localhost", address.constData());
    propose(params);

    cond = ASC_requestAssociation(a->m_net, params, &a->m_assoc);
    if (cond.bad()) {
        QString message;
        if (cond == DUL_ASSOCIATIONREJECTED) {
            T_ASC_RejectParameters rej;
            ASC_getRejectParameters(params, &rej);
            message = QStringLiteral("association rejected by %1: %2")
                          .arg(name, rejectReasonText(rej, config.callingAe, remote.aeTitle));
        } else {
            const QString why = conditionText(cond);
            message = QStringLiteral("cannot open an association with %1 (%2:%3%4): %5")
                          .arg(name, remote.host)
                          .arg(remote.port)
                          .arg(remote.tls ? QStringLiteral(", TLS") : QString(), why);
            // OpenSSL's alert names say little to whoever set up the node. A
            // handshake failure may also be a client certificate the peer
            // wants and did not get.
            QString hint = remote.tls ? tlsFailureHint(why) : QString();
            if (remote.tls && config.tls.certificateFile.isEmpty() && !why.contains(QLatin1String("protocol version")))
                hint = hint.isEmpty() ? QStringLiteral(" (the peer may require a client certificate)")
                                      : hint.chopped(1) + QStringLiteral(", or requires a client certificate)");
            message += hint;
        }
        if (a->m_assoc) {
            ASC_dropAssociation(a->m_assoc);
            ASC_destroyAssociation(&a->m_assoc);
        } else {
            ASC_destroyAssociationParameters(&params);
        }
        return core::Error{message};
    }
    if (ASC_countAcceptedPresentationContexts(params) == 0) {
        a->markBroken();
        return core::Error{QStringLiteral("%1 accepted none of the proposed presentation contexts").arg(name)};
    }
    return a;
}

} // namespace kilima::dicomnet
