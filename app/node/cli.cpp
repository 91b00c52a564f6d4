// What every command group shares: the output streams and opening the
// archive with its configuration, with errors named after the command.
#include "cli.h"

#include <kilima/archive/archive.h>
#include <kilima/core/config.h>
#include <kilima/core/datadir.h>

namespace kilima::node_cli {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

std::unique_ptr<archive::Archive> openArchive(const Context &ctx, const char *command)
{
    const QString who = command ? QStringLiteral("kilima-node %1: ").arg(QString::fromUtf8(command))
                                : QStringLiteral("kilima-node: ");
    const core::DataDir dir(ctx.dataDir);
    const core::Result<core::Config> config = core::Config::load(dir.configFile());
    if (!config) {
        err() << who << config.error() << Qt::endl;
        return nullptr;
    }
    auto archive = archive::Archive::open(dir, config.value());
    if (!archive) {
        err() << who << archive.error() << Qt::endl;
        return nullptr;
    }
    return archive.take();
}

} // namespace kilima::node_cli
