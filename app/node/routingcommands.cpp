// queue list|retry|drop: the forward queue of the routing rules.
#include "cli.h"

#include <kilima/core/config.h>
#include <kilima/core/datadir.h>
#include <kilima/routing/queue.h>
#include <kilima/routing/rules.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kilima::node_cli {
namespace {

int runQueue(const Context &ctx, const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub != QLatin1String("list") && sub != QLatin1String("retry") && sub != QLatin1String("drop")) {
        err() << "usage: kilima-node queue list [--state pending|failed|done|all] [--json] | queue retry ID...|--failed | "
                 "queue drop ID...|--failed"
              << Qt::endl;
        return kExitUsage;
    }
    const core::DataDir dir(ctx.dataDir);
    if (!QFile::exists(dir.indexFile())) {
        err() << "kilima-node: no archive in " << dir.root() << Qt::endl;
        return kExitProblems;
    }
    // The rules are checked here too, so a typo shows before serve starts.
    const auto config = core::Config::load(dir.configFile());
    if (!config) {
        err() << "kilima-node: " << config.error() << Qt::endl;
        return kExitProblems;
    }
    if (auto rules = routing::RoutingConfig::fromJson(config.value().routing.json); !rules)
        err() << "kilima-node: warning: " << rules.error() << Qt::endl;
    auto queue = routing::ForwardQueue::open(dir.indexFile());
    if (!queue) {
        err() << "kilima-node: " << queue.error() << Qt::endl;
        return kExitProblems;
    }

    if (sub == QLatin1String("list")) {
        QString state = QStringLiteral("pending");
        bool json = false;
        for (int i = 1; i < args.size(); ++i) {
            if (args.at(i) == QLatin1String("--json"))
                json = true;
            else if (args.at(i) == QLatin1String("--state") && i + 1 < args.size())
                state = args.at(++i);
            else {
                err() << "kilima-node queue list: unknown option " << args.at(i) << Qt::endl;
                return kExitUsage;
            }
        }
        auto items = queue.value()->list(state, 100000);
        if (!items) {
            err() << "kilima-node queue list: " << items.error() << Qt::endl;
            return kExitUsage;
        }
        if (json) {
            QJsonArray a;
            for (const routing::QueueItem &i : items.value()) {
                a.append(QJsonObject{{QStringLiteral("id"), i.id},
                                     {QStringLiteral("sopInstanceUid"), i.sopUid},
                                     {QStringLiteral("studyInstanceUid"), i.studyUid},
                                     {QStringLiteral("rule"), i.rule},
                                     {QStringLiteral("destination"), i.destination},
                                     {QStringLiteral("state"), i.state},
                                     {QStringLiteral("attempts"), i.attempts},
                                     {QStringLiteral("nextAttempt"), i.nextAttempt.toString(Qt::ISODate)},
                                     {QStringLiteral("lastError"), i.lastError}});
            }
            out() << QJsonDocument(a).toJson(QJsonDocument::Compact) << Qt::endl;
            return kExitOk;
        }
        out() << "ID\tSTATE\tDESTINATION\tRULE\tATTEMPTS\tNEXT\tSOPInstanceUID\tLAST ERROR" << Qt::endl;
        for (const routing::QueueItem &i : items.value()) {
            out() << i.id << '\t' << i.state << '\t' << i.destination << '\t' << i.rule << '\t' << i.attempts << '\t'
                  << (i.state == QLatin1String("done") || i.state == QLatin1String("failed") ? QStringLiteral("-")
                                                                                              : i.nextAttempt.toLocalTime().toString(Qt::ISODate))
                  << '\t' << i.sopUid << '\t' << i.lastError << Qt::endl;
        }
        const auto counts = queue.value()->counts();
        out() << "pending " << counts.value(QStringLiteral("pending")) + counts.value(QStringLiteral("waiting")) + counts.value(QStringLiteral("sending"))
              << ", failed " << counts.value(QStringLiteral("failed")) << ", done " << counts.value(QStringLiteral("done")) << Qt::endl;
        return kExitOk;
    }

    QList<qint64> ids;
    bool failed = false;
    for (int i = 1; i < args.size(); ++i) {
        bool ok = false;
        const qint64 id = args.at(i).toLongLong(&ok);
        if (args.at(i) == QLatin1String("--failed"))
            failed = true;
        else if (ok && id > 0)
            ids << id;
        else {
            err() << "kilima-node queue " << sub << ": \"" << args.at(i) << "\" is not an item ID (see queue list)" << Qt::endl;
            return kExitUsage;
        }
    }
    if (ids.isEmpty() == !failed) {
        err() << "kilima-node queue " << sub << ": give item IDs or --failed (every failed item)" << Qt::endl;
        return kExitUsage;
    }
    const auto changed = sub == QLatin1String("retry") ? queue.value()->retry(ids) : queue.value()->drop(ids);
    if (!changed) {
        err() << "kilima-node queue " << sub << ": " << changed.error() << Qt::endl;
        return kExitProblems;
    }
    out() << (sub == QLatin1String("retry") ? "queued again: " : "dropped: ") << changed.value() << Qt::endl;
    return (ids.isEmpty() || changed.value() == ids.size()) ? kExitOk : kExitProblems;
}

const CommandRegistrar k_queue{Command{"queue",
    "  queue list [--state pending|failed|done|all] [--json]\n"
    "  queue retry ID...|--failed    queue drop ID...|--failed\n"
    "        The forward queue of the routing rules (docs/routing.md): what\n"
    "        waits for which destination, attempts, next try and last error.\n"
    "        retry sends items again now; drop removes them. serve delivers.\n",
    &runQueue, 100}};

} // namespace
} // namespace kilima::node_cli
