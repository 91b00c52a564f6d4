// kilima-node: the headless Kilima PACS node and its command-line tools.
#include "cli.h"

#include <kilima/core/datadir.h>
#include <kilima/core/logging.h>
#include <kilima/dicom/codecs.h>

#include <QCoreApplication>

#include <algorithm>
#include <memory>

using namespace kilima::node_cli;

namespace kilima::node_cli {

CommandRegistrar::CommandRegistrar(const Command &command)
{
    auto &list = const_cast<QList<Command> &>(commands());
    list.append(command);
    std::stable_sort(list.begin(), list.end(), [](const Command &a, const Command &b) { return a.order < b.order; });
}

const QList<Command> &commands()
{
    static QList<Command> registry;
    return registry;
}

} // namespace kilima::node_cli

namespace {

QString usage()
{
    QString text = QStringLiteral(
        "usage: kilima-node [--data-dir DIR] [--verbose] COMMAND [ARGS...]\n"
        "\n"
        "Kilima's headless PACS node and archive tools.\n"
        "\n"
        "Global options:\n"
        "  --data-dir DIR   archive location (default $KILIMA_DATA_DIR, else\n"
        "                   $XDG_DATA_HOME/kilima, normally ~/.local/share/kilima)\n"
        "  --verbose        debug logging\n"
        "  --help, -h       this help;  --version  the version\n"
        "  COMMAND --help   the same help\n"
        "\n"
        "Commands:\n");
    for (const Command &c : commands())
        text += QString::fromUtf8(c.usage);
    text += QStringLiteral("\nExit status: 0 success, 1 problems found, 2 usage error.\n");
    return text;
}

const Command *findCommand(const QString &name)
{
    for (const Command &c : commands()) {
        if (name == QLatin1String(c.name))
            return &c;
    }
    return nullptr;
}

// The first argument that is not a global option: the command name, used
// to pick the application object before Qt parses the arguments.
QString peekCommand(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "--data-dir") {
            ++i;
            continue;
        }
        if (a.startsWith('-'))
            continue;
        return QString::fromLocal8Bit(a);
    }
    return {};
}

} // namespace

int main(int argc, char **argv)
{
    const Command *peeked = findCommand(peekCommand(argc, argv));
    std::unique_ptr<QCoreApplication> application;
    if (peeked && peeked->makeApp)
        application = peeked->makeApp(argc, argv);
    else
        application = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kilima-node"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KILIMA_VERSION));

    QStringList args = QCoreApplication::arguments().mid(1);
    Context ctx;
    QString dataDir;
    while (!args.isEmpty() && args.first().startsWith(QLatin1Char('-'))) {
        const QString a = args.takeFirst();
        if (a == QLatin1String("--data-dir")) {
            if (args.isEmpty()) {
                err() << "kilima-node: --data-dir needs a folder\n" << usage() << Qt::flush;
                return kExitUsage;
            }
            dataDir = args.takeFirst();
        } else if (a.startsWith(QLatin1String("--data-dir="))) {
            dataDir = a.section(QLatin1Char('='), 1);
        } else if (a == QLatin1String("--verbose")) {
            ctx.verbose = true;
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            out() << usage() << Qt::flush;
            return kExitOk;
        } else if (a == QLatin1String("--version")) {
            out() << "kilima-node " << KILIMA_VERSION << Qt::endl;
            return kExitOk;
        } else {
            err() << "kilima-node: unknown option " << a << "\n" << usage() << Qt::flush;
            return kExitUsage;
        }
    }
    if (args.isEmpty()) {
        err() << usage() << Qt::flush;
        return kExitUsage;
    }
    kilima::core::initLogging(ctx.verbose);
    kilima::dicom::registerCodecs();
    ctx.dataDir = kilima::core::DataDir::resolve(dataDir);

    const QString name = args.takeFirst();
    const Command *command = findCommand(name);
    if (!command) {
        err() << "kilima-node: unknown command " << name << "\n" << usage() << Qt::flush;
        return kExitUsage;
    }
    if (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"))) {
        out() << usage() << Qt::flush;
        return kExitOk;
    }
    return command->run(ctx, args);
}
