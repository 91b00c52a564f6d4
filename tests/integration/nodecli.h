// The kilima-node binary under test (KILIMA_NODE_BIN, set per test target)
// and a one-line way to run one of its commands on a data directory, and
// the first admin password a serve created.
#pragma once

#include "peers.h"

#include <QFile>
#include <QRegularExpression>

namespace kilima::test {

inline QString nodeBinary()
{
    return QStringLiteral(KILIMA_NODE_BIN);
}

// `kilima-node --data-dir DATA ARGS...`; returns the exit code.
inline int node(const QString &data, const QStringList &args, QString *out = nullptr)
{
    return runTool(nodeBinary(), QStringList{QStringLiteral("--data-dir"), data} + args, out);
}

// The same with only standard output in `out`: for output that is parsed
// (--json, one line per match), which a warning on standard error must not
// break.
inline int nodeStdout(const QString &data, const QStringList &args, QString *out)
{
    return runToolStdout(nodeBinary(), QStringList{QStringLiteral("--data-dir"), data} + args, out);
}

// The first admin password that `kilima-node serve` created, from the file
// its output names (standard output is not a terminal in tests, so the
// password itself is never printed). Empty when the output names none.
inline QString initialAdminPassword(const QString &serveOutput)
{
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("its password is in (\\S+) \\(")).match(serveOutput);
    QFile f(m.captured(1));
    if (!m.hasMatch() || !f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).trimmed();
}

} // namespace kilima::test
