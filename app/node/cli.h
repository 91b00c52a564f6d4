// kilima-node's command-line layer: each command is a function that takes
// its arguments (after the command name) and returns the exit status.
// Exit codes: 0 success, 1 the operation found problems, 2 usage errors.
#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace kilima::node_cli {

constexpr int kExitOk = 0;
constexpr int kExitProblems = 1;
constexpr int kExitUsage = 2;

struct Context {
    QString dataDir;   // resolved --data-dir
    bool verbose = false;
};

QTextStream &out();
QTextStream &err();

int runImport(const Context &ctx, const QStringList &args);
int runFind(const Context &ctx, const QStringList &args);
int runStats(const Context &ctx, const QStringList &args);
int runVerify(const Context &ctx, const QStringList &args);
int runServe(const Context &ctx, const QStringList &args);
int runNodes(const Context &ctx, const QStringList &args);
int runWorklist(const Context &ctx, const QStringList &args);
int runAudit(const Context &ctx, const QStringList &args);

} // namespace kilima::node_cli
