// share: links that open one study in the node's web viewer for a limited
// time (docs/webviewer.md). The link holds a random token shown once; the
// archive keeps only its hash, so a lost link cannot be shown again, only
// revoked and made anew.
#include "cli.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/auditlog.h>
#include <kilima/dicomweb/shares.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <pwd.h>
#include <unistd.h>

namespace kilima::node_cli {

namespace {

const char *const kShareUsage =
    "usage: kilima-node share STUDY_UID [--expires 7d]   (units s, m, h, d; default 7d)\n"
    "       kilima-node share list [--json] | share revoke ID";

// Who made the link, for the audit trail: the account running the command.
QString operatorName()
{
    const passwd *pw = getpwuid(getuid());
    return QStringLiteral("kilima-node share (%1)").arg(pw ? QString::fromLocal8Bit(pw->pw_name) : QString::number(getuid()));
}

QString state(const dicomweb::Share &s)
{
    if (s.revoked)
        return QStringLiteral("revoked");
    return s.isActive(QDateTime::currentDateTimeUtc()) ? QStringLiteral("active") : QStringLiteral("expired");
}

int runShareList(const Context &ctx, const QStringList &args)
{
    const bool json = args.contains(QLatin1String("--json"));
    const auto archive = openArchive(ctx, "share");
    if (!archive)
        return kExitProblems;
    dicomweb::Shares shares(archive->databasePath());
    auto list = shares.list();
    if (!list) {
        err() << "kilima-node share list: " << list.error() << Qt::endl;
        return kExitProblems;
    }
    if (json) {
        QJsonArray a;
        for (const dicomweb::Share &s : list.value())
            a.append(QJsonObject{{QStringLiteral("id"), s.id},
                                 {QStringLiteral("studyInstanceUid"), s.studyUid},
                                 {QStringLiteral("createdBy"), s.createdBy},
                                 {QStringLiteral("createdAt"), s.createdAt.toString(Qt::ISODate)},
                                 {QStringLiteral("expiresAt"), s.expiresAt.toString(Qt::ISODate)},
                                 {QStringLiteral("lastUsedAt"), s.lastUsedAt.isValid() ? s.lastUsedAt.toString(Qt::ISODate) : QString()},
                                 {QStringLiteral("uses"), s.uses},
                                 {QStringLiteral("state"), state(s)}});
        out() << QJsonDocument(a).toJson(QJsonDocument::Indented);
        return kExitOk;
    }
    for (const dicomweb::Share &s : list.value())
        out() << s.id << '\t' << s.studyUid << '\t' << state(s) << "\texpires " << s.expiresAt.toString(Qt::ISODate)
              << '\t' << s.uses << " uses\t" << s.createdBy << Qt::endl;
    return kExitOk;
}

int runShareRevoke(const Context &ctx, const QStringList &args)
{
    if (args.size() != 2) {
        err() << kShareUsage << Qt::endl;
        return kExitUsage;
    }
    const auto archive = openArchive(ctx, "share");
    if (!archive)
        return kExitProblems;
    dicomweb::Shares shares(archive->databasePath());
    auto share = shares.byId(args.at(1));
    const core::Status revoked = shares.revoke(args.at(1));
    if (!revoked) {
        err() << "kilima-node share revoke: " << revoked.error() << Qt::endl;
        return kExitProblems;
    }
    archive::AuditRecord r;
    r.time = QDateTime::currentDateTimeUtc();
    r.actor = operatorName();
    r.action = QStringLiteral("share link revoked");
    r.studyUid = share ? share.value().studyUid : QString();
    r.outcome = QStringLiteral("success");
    r.detail = QStringLiteral("share %1").arg(args.at(1));
    archive->auditLog().append(r);
    out() << "kilima-node: share " << args.at(1) << " revoked; its link opens nothing from now on" << Qt::endl;
    return kExitOk;
}

} // namespace

int runShare(const Context &ctx, const QStringList &args)
{
    const QString first = args.value(0);
    if (first == QLatin1String("list"))
        return runShareList(ctx, args.mid(1));
    if (first == QLatin1String("revoke"))
        return runShareRevoke(ctx, args);
    if (first.isEmpty() || first.startsWith(QLatin1Char('-'))) {
        err() << kShareUsage << Qt::endl;
        return kExitUsage;
    }
    QString expires = QStringLiteral("7d");
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--expires") && i + 1 < args.size()) {
            expires = args.at(++i);
        } else if (args.at(i).startsWith(QLatin1String("--expires="))) {
            expires = args.at(i).mid(10);
        } else {
            err() << "kilima-node share: unknown argument " << args.at(i) << '\n' << kShareUsage << Qt::endl;
            return kExitUsage;
        }
    }
    const auto seconds = dicomweb::parseDuration(expires);
    if (!seconds) {
        err() << "kilima-node share: --expires: " << seconds.error() << Qt::endl;
        return kExitUsage;
    }
    const auto archive = openArchive(ctx, "share");
    if (!archive)
        return kExitProblems;
    const auto link = dicomweb::createShareLink(*archive, first, seconds.value(), operatorName());
    if (!link) {
        err() << "kilima-node share: " << link.error() << Qt::endl;
        return kExitProblems;
    }
    // The link on its own line, so that scripts can take the last line.
    out() << "kilima-node: share " << link.value().id << " of study " << first << ", expires "
          << link.value().expiresAt.toString(Qt::ISODate) << " (revoke: kilima-node share revoke " << link.value().id
          << ')' << Qt::endl;
    out() << link.value().url << Qt::endl;
    return kExitOk;
}

namespace {

const CommandRegistrar k_share{Command{"share",
    "  share STUDY_UID [--expires 7d] | share list [--json] | share revoke ID\n"
    "        A link that opens one study in the node's web viewer (/viewer)\n"
    "        without an account, until it expires (units s, m, h, d) or is\n"
    "        revoked; it starts with http.publicUrl (default: this node's\n"
    "        address). Only that study is visible through it; every use is\n"
    "        audited. The link is printed once: keep it like a password.\n",
    &runShare, 77}};

} // namespace

} // namespace kilima::node_cli
