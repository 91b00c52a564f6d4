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
        int dicomPort = 11112;
        int httpPort = 8042;
    } node;

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
