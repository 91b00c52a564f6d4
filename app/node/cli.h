// kilima-node's command-line layer: each command is a function that takes
// its arguments (after the command name) and returns the exit status.
// Exit codes: 0 success, 1 the operation found problems, 2 usage errors.
// A command group lives in its own file and registers itself with a
// static CommandRegistrar; main.cpp builds --help from the registry.
#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

#include <memory>

class QCoreApplication;

namespace kilima::archive {
class Archive;
}

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

// Opens the archive in ctx.dataDir with its kilima.json; on failure prints
// "kilima-node COMMAND: why" and returns null.
std::unique_ptr<archive::Archive> openArchive(const Context &ctx, const char *command = nullptr);

using CommandFunction = int (*)(const Context &ctx, const QStringList &args);
// Makes the application object for a command that needs more than
// QCoreApplication (report export renders PDF through Qt Gui on the
// offscreen platform). Null: QCoreApplication.
using AppFactory = std::unique_ptr<QCoreApplication> (*)(int &argc, char **argv);

struct Command {
    const char *name;
    const char *usage;      // the --help block: lines indented as in main.cpp's usage
    CommandFunction run;
    int order = 100;        // position in --help
    AppFactory makeApp = nullptr;
};

// Registers a command at static initialisation: one per command name.
struct CommandRegistrar {
    explicit CommandRegistrar(const Command &command);
};
const QList<Command> &commands();

int runImport(const Context &ctx, const QStringList &args);
int runFind(const Context &ctx, const QStringList &args);
int runStats(const Context &ctx, const QStringList &args);
int runVerify(const Context &ctx, const QStringList &args);
int runServe(const Context &ctx, const QStringList &args);
int runNodes(const Context &ctx, const QStringList &args);
int runWorklist(const Context &ctx, const QStringList &args);
int runAudit(const Context &ctx, const QStringList &args);

} // namespace kilima::node_cli
