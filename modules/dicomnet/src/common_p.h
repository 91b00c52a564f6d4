// Helpers shared by the SCP and the SCU: the logging category, DCMTK
// process setup (Nagle off, no reverse DNS), the transfer syntaxes and SOP
// classes Kilima negotiates, and conversions between DCMTK and Qt types.
// Never logs PHI above debug level.
#pragma once

#include <kilima/dicomnet/handlers.h>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmnet/assoc.h>
#include <dcmtk/dcmnet/dimse.h>

#include <QLoggingCategory>
#include <QString>
#include <vector>

namespace kilima::dicomnet {

Q_DECLARE_LOGGING_CATEGORY(lcDimse)

// Once per process: TCP_NODELAY for every DCMTK socket (Debian's DCMTK
// leaves Nagle on unless the environment says otherwise), no reverse DNS
// lookups on accept, and the codecs needed for transcoding.
void initDcmtkNetworking();

QString fromOF(const OFString &s);
QString conditionText(const OFCondition &cond);
// "0xA700"
QString statusHex(quint16 status);
// A short phrase for a DIMSE status code, e.g. "out of resources".
QString statusMeaning(quint16 status);
bool isSuccess(quint16 status);
bool isWarning(quint16 status);   // 0x0001, 0xB000-0xBFFF
bool isPending(quint16 status);   // 0xFF00, 0xFF01

// Transfer syntaxes the archive stores as received (preference order for
// responses is the peer's).
const std::vector<const char *> &storageTransferSyntaxes();
bool isStorageTransferSyntax(const char *uid);
bool isUncompressed(const QString &tsUid);
bool isStorageSopClass(const char *uid);

// The Q/R SOP classes for each model and operation.
const char *findSopClass(QueryModel model);
const char *moveSopClass(QueryModel model);
const char *getSopClass(QueryModel model);
QString modelName(QueryModel model);

// Reads the Error Comment (0000,0902) of a status detail, empty if none.
QString errorComment(DcmDataset *statusDetail);

// A path under `dir` that does not exist yet.
QString uniqueTempFile(const QString &dir, const QString &prefix);

// Reads a whole file; empty and false on error.
bool readWholeFile(const QString &path, QByteArray *bytes, QString *error);

} // namespace kilima::dicomnet
