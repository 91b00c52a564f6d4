// Kilima's configuration: one JSON file (<data-dir>/kilima.json) with a
// documented default for every key (docs/configuration.md). Secrets never
// live here. Loading validates types and ranges and names the offending key.
#pragma once

#include <kilima/core/result.h>

#include <QJsonObject>
#include <QString>
#include <QStringList>

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

    // The DICOMweb server on node.httpPort (0 = off). HTTPS when `tls` is
    // true, with the certificate and key of this section or, when empty,
    // of the tls section. Secrets (key passphrases) never live here.
    struct Http {
        QString basePath = QStringLiteral("/dicom-web");
        bool tls = false;
        QString certificateFile;
        QString privateKeyFile;
        // Origins allowed by CORS ("https://viewer.example.org", or "*");
        // empty = no CORS headers (browsers on other origins are refused).
        QStringList corsAllowedOrigins;
        int maxBodyMegabytes = 4096;   // STOW-RS request bodies
        int threads = 8;
        int readTimeoutSeconds = 30;   // a client that sends nothing this long is dropped
        int keepAliveSeconds = 10;
        // Open connections at once, in all and from one client address;
        // beyond, new ones get 503 (docs/dicomweb.md, "Limits").
        int maxConnections = 1024;
        int maxConnectionsPerAddress = 64;
        bool gzip = true;              // compress JSON when the client accepts it
        // The web viewer (docs/webviewer.md): the folder holding OHIF's
        // built dist/ (index.html); empty = the folder install-deps.sh
        // fills (~/.local/share/kilima/ohif, /usr/local/share/kilima/ohif).
        QString viewerDir;
        // The address share links start with ("https://pacs.example.org");
        // empty = this node's own address.
        QString publicUrl;
        // Browser sessions end after this long without a request, and
        // this long after sign-in whatever the activity.
        int sessionIdleSeconds = 30 * 60;
        int sessionMaxSeconds = 12 * 3600;
    } http;

    struct Archive {
        // Empty means <data-dir>/storage.
        QString storageDir;
        DuplicatePolicy duplicatePolicy = DuplicatePolicy::KeepFirst;
        // Reconcile index and storage when the archive opens.
        bool reconcileOnOpen = true;
        // Storage limit: new objects are refused (C-STORE 0xA700, STOW-RS
        // 409 with a reason) while the storage disk would be left with less
        // free space than this, so the index, the logs and the rest of the
        // machine never run out. 0 = off.
        int minFreeMegabytes = 0;
    } archive;

    struct Import {
        // 0 means one per CPU core.
        int threads = 0;
    } import;

    struct Logging {
        bool verbose = false;
    } logging;

    // Forwarding rules, destinations and retry policy (docs/routing.md).
    // Kept as JSON here; kilima::routing parses and validates it, naming
    // the rule and the field of any error.
    struct Routing {
        QJsonObject json;
    } routing;

    // The cloud tier (docs/cloud.md). Credentials never live here: a 0600
    // file in the data directory, the AWS environment variables or the
    // workstation's keychain.
    struct Cloud {
        QString endpoint;                 // empty = no cloud tier
        QString bucket;
        QString region = QStringLiteral("us-east-1");
        bool pathStyle = false;
        QString keyPrefix;                // optional folder inside the bucket
        QString caFile;                   // extra CA bundle (PEM) for HTTPS
        bool backgroundSync = true;       // sync in the background of serve / the workstation
        int syncIntervalSeconds = 60;
        int parallelUploads = 8;
        int bandwidthLimitKBps = 0;       // 0 = unlimited
        int evictAfterDays = -1;          // warm tier: -1 never, 0 right after a verified upload
        int evictWhenDiskAbovePercent = 0;// 0 = off
        int coldAfterDays = -1;           // cold tier: -1 never
        QString coldStorageClass = QStringLiteral("GLACIER");
        int deleteRetentionDays = 30;     // bucket copies of deleted instances are kept this long
        bool configured() const { return !endpoint.isEmpty() && !bucket.isEmpty(); }
    } cloud;

    QJsonObject toJson() const;
    static Result<Config> fromJson(const QJsonObject &json);

    // Reads `path`; a missing file yields the defaults.
    static Result<Config> load(const QString &path);
    Status save(const QString &path) const;
};

QString toString(DuplicatePolicy policy);

} // namespace kilima::core
