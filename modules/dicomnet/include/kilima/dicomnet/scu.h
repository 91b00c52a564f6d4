// DIMSE service class user: C-ECHO, C-STORE (negotiating a transfer syntax
// the peer accepts, transcoding when it accepts none of the stored one),
// C-FIND, C-MOVE and C-GET against a remote node. Blocking; call from a
// worker thread. Used by C-MOVE sub-operations, routing and the
// workstation's query/retrieve.
#pragma once

#include <kilima/core/result.h>
#include <kilima/dicomnet/handlers.h>
#include <kilima/dicomnet/server.h>

#include <QList>
#include <QString>
#include <functional>
#include <memory>

class DcmDataset;

namespace kilima::dicomnet {

struct ScuConfig {
    QString callingAe = QStringLiteral("KILIMA");
    RemoteNode remote;
    TlsConfig tls;               // used when remote.tls; client certificate optional
    int maxPduSize = 116794;
    int acseTimeoutSeconds = 30;
    int dimseTimeoutSeconds = 60;
};

struct StoreSummary {
    int completed = 0;
    int failed = 0;
    int warning = 0;
    QStringList failures;        // "FILE: reason (status 0xA700)"
};

struct RetrieveSummary {
    int completed = 0;
    int failed = 0;
    int warning = 0;
    quint16 finalStatus = 0;
    QString comment;
};

class Scu {
public:
    static core::Status echo(const ScuConfig &config);

    // Sends files over one association. `progress(done, total)` after each.
    static core::Result<StoreSummary> store(const ScuConfig &config, const QStringList &files,
                                            const std::function<void(int, int)> &progress = {});

    // C-FIND; `identifier` holds QueryRetrieveLevel and the keys.
    static core::Result<QList<std::shared_ptr<DcmDataset>>> find(const ScuConfig &config, QueryModel model,
                                                                 const DcmDataset &identifier);

    // C-MOVE to `destinationAe` (a node the remote knows).
    static core::Result<RetrieveSummary> move(const ScuConfig &config, QueryModel model, const DcmDataset &identifier,
                                              const QString &destinationAe,
                                              const std::function<void(const RetrieveSummary &)> &progress = {});

    // C-GET: instances arrive on the same association and go to `sink`.
    static core::Result<RetrieveSummary> get(const ScuConfig &config, QueryModel model, const DcmDataset &identifier,
                                             StoreHandler &sink,
                                             const std::function<void(const RetrieveSummary &)> &progress = {});
};

} // namespace kilima::dicomnet
