// Kilima's configuration: one JSON file (<data-dir>/kilima.json) with a
// documented default for every key (docs/configuration.md). Secrets never
// live here. Loading validates types and ranges and names the offending key.
#pragma once

#include <kilima/core/result.h>

#include <QJsonObject>
#include <QString>

namespace kilima::core {

enum class DuplicatePolicy { KeepFirst, Overwrite };

struct Config {
    struct Node {
        QString aeTitle = QStringLiteral("KILIMA");
        QString bindAddress = QStringLiteral("0.0.0.0");
        int dicomPort = 11112;
        int dicomTlsPort = 0;          // 0 = no DICOM TLS listener
        int httpPort = 8042;
        int maxAssociations = 32;
        int maxPduSize = 116794;
        int acseTimeoutSeconds = 30;
        int dimseTimeoutSeconds = 60;
        // Unknown calling AE titles are refused unless these say otherwise;
        // query and retrieve always need a known node.
        bool allowUnknownEcho = false;
        bool allowUnknownStore = false;
    } node;

    // Certificate and key files (PEM). Passphrases never live here.
    struct Tls {
        QString certificateFile;
        QString privateKeyFile;
        QString trustedCaFile;
        bool requireClientCertificate = false;
    } tls;

    struct Archive {
        // Empty means <data-dir>/storage.
        QString storageDir;
        DuplicatePolicy duplicatePolicy = DuplicatePolicy::KeepFirst;
        // Reconcile index and storage when the archive opens.
        bool reconcileOnOpen = true;
    } archive;

    struct Import {
        // 0 means one per CPU core.
        int threads = 0;
    } import;

    struct Logging {
        bool verbose = false;
    } logging;

    QJsonObject toJson() const;
    static Result<Config> fromJson(const QJsonObject &json);

    // Reads `path`; a missing file yields the defaults.
    static Result<Config> load(const QString &path);
    Status save(const QString &path) const;
};

QString toString(DuplicatePolicy policy);

} // namespace kilima::core
