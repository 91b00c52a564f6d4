// The known nodes table: remote DICOM nodes by name, with the services each
// may use on this node (echo, store, find, move, get, worklist). Kept in the
// archive's database so the node, the CLI and the workstation share it.
// Thread safe.
#pragma once

#include <kilima/core/result.h>

#include <QList>
#include <QString>
#include <QStringList>
#include <mutex>

struct sqlite3;

namespace kilima::archive {

struct KnownNode {
    QString name;
    QString aeTitle;
    QString host;
    int port = 104;
    bool tls = false;
    QStringList permissions;   // subset of: echo store find move get worklist

    bool allows(const QString &service) const { return permissions.contains(service); }
};

class KnownNodes {
public:
    static const QStringList &allPermissions();

    explicit KnownNodes(const QString &databasePath);
    ~KnownNodes();

    // Adds or replaces (by name). Validates AE title, host, port, permissions.
    core::Status put(const KnownNode &node);
    core::Status remove(const QString &name);
    core::Result<QList<KnownNode>> list() const;
    // Nodes with this AE title (several hosts may share one).
    core::Result<QList<KnownNode>> byAeTitle(const QString &aeTitle) const;
    core::Result<KnownNode> byName(const QString &name) const;

private:
    sqlite3 *m_db = nullptr;
    QString m_openError;
    mutable std::mutex m_mutex;
};

} // namespace kilima::archive
