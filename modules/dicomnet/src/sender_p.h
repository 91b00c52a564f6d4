// Sending stored files as C-STORE sub-operations: proposing presentation
// contexts for a set of files (the stored transfer syntax plus an
// uncompressed fallback), picking an accepted context for each file, and
// transcoding to an uncompressed syntax when the peer took only that. Used
// by Scu::store, C-MOVE sub-associations and C-GET on the same association.
#pragma once

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmnet/assoc.h>
#include <dcmtk/dcmnet/dimse.h>

#include <QList>
#include <QString>
#include <vector>

namespace kilima::dicomnet {

struct OutgoingFile {
    QString path;
    QString sopClass;
    QString sopInstance;
    QString transferSyntax;
    QString error;   // set when the file cannot be sent at all
};

OutgoingFile inspectFile(const QString &path);

struct ContextChoice {
    T_ASC_PresentationContextID id = 0;
    QString abstractSyntax;
    QString transferSyntax;
};

// Proposes contexts for the files' SOP classes (at most 128 contexts).
// Files whose SOP class did not fit are reported by sendFile as not
// negotiated.
void proposeStorageContexts(T_ASC_Parameters *params, const QList<OutgoingFile> &files,
                            T_ASC_SC_ROLE role = ASC_SC_ROLE_DEFAULT);

// The contexts the peer accepted on an association we requested.
std::vector<ContextChoice> acceptedContexts(T_ASC_Association *assoc);

struct SendOutcome {
    bool connectionOk = true;
    quint16 status = 0xFFFF;  // the peer's C-STORE-RSP status; 0xFFFF when not sent
    QString reason;           // why it failed, for a person
};

SendOutcome sendFile(T_ASC_Association *assoc, const std::vector<ContextChoice> &contexts, const OutgoingFile &file,
                     DIC_US messageId, int timeoutSeconds, const QString &moveOriginatorAe = {},
                     DIC_US moveOriginatorId = 0, T_DIMSE_DetectedCancelParameters *cancel = nullptr);

// "CT Image Storage" or the UID.
QString sopClassName(const QString &uid);
QString transferSyntaxName(const QString &uid);

} // namespace kilima::dicomnet
