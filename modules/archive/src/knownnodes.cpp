#include <kilima/archive/knownnodes.h>

#include "sqlite_p.h"

namespace kilima::archive {

const QStringList &KnownNodes::allPermissions()
{
    static const QStringList all{QStringLiteral("echo"), QStringLiteral("store"), QStringLiteral("find"),
                                 QStringLiteral("move"), QStringLiteral("get"), QStringLiteral("worklist")};
    return all;
}

KnownNodes::KnownNodes(const QString &databasePath)
{
    m_db = openConnection(databasePath, &m_openError);
}

KnownNodes::~KnownNodes()
{
    sqlite3_close_v2(m_db);
}

static core::Status validate(const KnownNode &n)
{
    if (n.name.trimmed().isEmpty())
        return core::Error{QStringLiteral("a node needs a name")};
    if (n.aeTitle.isEmpty() || n.aeTitle.size() > 16 || n.aeTitle.trimmed().isEmpty())
        return core::Error{QStringLiteral("AE title \"%1\" must be 1 to 16 characters").arg(n.aeTitle)};
    for (QChar c : n.aeTitle) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e || c == QLatin1Char('\\'))
            return core::Error{QStringLiteral("AE title \"%1\" may hold printable ASCII only, no backslash").arg(n.aeTitle)};
    }
    if (n.host.trimmed().isEmpty())
        return core::Error{QStringLiteral("node %1 needs a host").arg(n.name)};
    if (n.port < 1 || n.port > 65535)
        return core::Error{QStringLiteral("port %1 is not between 1 and 65535").arg(n.port)};
    for (const QString &p : n.permissions) {
        if (!KnownNodes::allPermissions().contains(p))
            return core::Error{QStringLiteral("unknown permission \"%1\" (allowed: %2)")
                                   .arg(p, KnownNodes::allPermissions().join(QLatin1Char(',')))};
    }
    return {};
}

core::Status KnownNodes::put(const KnownNode &node)
{
    const core::Status valid = validate(node);
    if (!valid)
        return valid;
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return core::Error{m_openError};
    Statement s(m_db, "INSERT OR REPLACE INTO nodes(name, ae_title, host, port, tls, permissions) VALUES(?,?,?,?,?,?)");
    s.bind(1, node.name.trimmed());
    s.bind(2, node.aeTitle);
    s.bind(3, node.host.trimmed());
    s.bind(4, node.port);
    s.bind(5, node.tls ? 1 : 0);
    s.bind(6, node.permissions.join(QLatin1Char(',')));
    if (!s.exec())
        return core::Error{QStringLiteral("cannot save node %1: %2").arg(node.name, s.error())};
    return {};
}

core::Status KnownNodes::remove(const QString &name)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return core::Error{m_openError};
    Statement s(m_db, "DELETE FROM nodes WHERE name = ?");
    s.bind(1, name);
    if (!s.exec())
        return core::Error{s.error()};
    if (sqlite3_changes(m_db) == 0)
        return core::Error{QStringLiteral("no known node named %1").arg(name)};
    return {};
}

static QList<KnownNode> readNodes(Statement &s)
{
    QList<KnownNode> nodes;
    while (s.next()) {
        KnownNode n;
        n.name = s.text(0);
        n.aeTitle = s.text(1);
        n.host = s.text(2);
        n.port = int(s.int64(3));
        n.tls = s.int64(4) != 0;
        n.permissions = s.text(5).split(QLatin1Char(','), Qt::SkipEmptyParts);
        nodes << n;
    }
    return nodes;
}

core::Result<QList<KnownNode>> KnownNodes::list() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return core::Error{m_openError};
    Statement s(m_db, "SELECT name, ae_title, host, port, tls, permissions FROM nodes ORDER BY name");
    return readNodes(s);
}

core::Result<QList<KnownNode>> KnownNodes::byAeTitle(const QString &aeTitle) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return core::Error{m_openError};
    Statement s(m_db, "SELECT name, ae_title, host, port, tls, permissions FROM nodes WHERE ae_title = ? ORDER BY name");
    s.bind(1, aeTitle.trimmed());
    return readNodes(s);
}

core::Result<KnownNode> KnownNodes::byName(const QString &name) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return core::Error{m_openError};
    Statement s(m_db, "SELECT name, ae_title, host, port, tls, permissions FROM nodes WHERE name = ?");
    s.bind(1, name);
    const QList<KnownNode> nodes = readNodes(s);
    if (nodes.isEmpty())
        return core::Error{QStringLiteral("no known node named %1").arg(name)};
    return nodes.first();
}

} // namespace kilima::archive
