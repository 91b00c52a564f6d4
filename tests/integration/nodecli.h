// The kilima-node binary under test (KILIMA_NODE_BIN, set per test target)
// and a one-line way to run one of its commands on a data directory.
#pragma once

#include "peers.h"

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

} // namespace kilima::test
