// An association Kilima requests as SCU (for the Scu API and for C-MOVE
// sub-operations): network, optional TLS, A-ASSOCIATE-RQ with the caller's
// presentation contexts, readable rejection messages, release on close.
#pragma once

#include <kilima/core/result.h>
#include <kilima/dicomnet/scu.h>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmnet/assoc.h>
#include <dcmtk/dcmnet/dimse.h>

#include <functional>
#include <memory>

namespace kilima::dicomnet {

class ScuAssociation {
public:
    ~ScuAssociation();   // releases (or aborts after an error) and frees everything

    static core::Result<std::unique_ptr<ScuAssociation>> open(const ScuConfig &config,
                                                              const std::function<void(T_ASC_Parameters *)> &propose);

    T_ASC_Association *assoc() const { return m_assoc; }
    T_ASC_Network *network() const { return m_net; }
    DIC_US nextMessageId() { return m_assoc->nextMsgID++; }
    // The presentation context accepted for an abstract syntax, 0 if none.
    T_ASC_PresentationContextID contextFor(const char *abstractSyntax) const;
    // "PACS1" (the configured name, else the AE title)
    QString peerName() const { return m_peerName; }
    // Marks the association broken: the destructor aborts instead of releasing.
    void markBroken() { m_broken = true; }

private:
    ScuAssociation() = default;
    T_ASC_Network *m_net = nullptr;
    T_ASC_Association *m_assoc = nullptr;
    QString m_peerName;
    bool m_broken = false;
};

QString peerDisplayName(const RemoteNode &remote);
// "called AE title 'X' not recognized" etc. from A-ASSOCIATE-RJ parameters.
QString rejectReasonText(const T_ASC_RejectParameters &rej, const QString &callingAe, const QString &calledAe);

} // namespace kilima::dicomnet
