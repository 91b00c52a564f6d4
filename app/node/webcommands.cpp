// users and tokens: who may use DICOMweb (and sign reports) on this node.
// Passwords are read from standard input, never from the command line
// (which other users of the machine can see in the process list).
#include "cli.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/users.h>
#include <kilima/core/config.h>
#include <kilima/core/datadir.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>

namespace kilima::node_cli {

namespace {

// The users table lives in the archive's database: open the archive once
// so that the index (and its meta table) exists, then use Users on it.
std::unique_ptr<archive::Users> openUsers(const Context &ctx, const char *command)
{
    const auto archive = openArchive(ctx, command);
    if (!archive)
        return nullptr;
    return std::make_unique<archive::Users>(archive->databasePath());
}

// One line from standard input; on a terminal, prompted and not echoed.
bool readPassword(const char *prompt, QString *password)
{
    const bool tty = isatty(STDIN_FILENO);
    termios old{};
    if (tty) {
        std::fputs(prompt, stderr);
        std::fflush(stderr);
        tcgetattr(STDIN_FILENO, &old);
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    const bool ok = bool(std::getline(std::cin, line));
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &old);
        std::fputs("\n", stderr);
    }
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    *password = QString::fromStdString(line);
    return ok || !line.empty();
}

const char *const kUsersUsage =
    "usage: kilima-node users add NAME --role admin|radiologist|technologist|viewer  (password on stdin)\n"
    "       kilima-node users list [--json] | users remove NAME | users passwd NAME  (password on stdin)";

} // namespace

int runUsers(const Context &ctx, const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("add")) {
        const QString name = args.value(1);
        QString roleText;
        for (int i = 2; i < args.size(); ++i) {
            if (args.at(i) == QLatin1String("--role") && i + 1 < args.size())
                roleText = args.at(++i);
            else if (args.at(i).startsWith(QLatin1String("--role=")))
                roleText = args.at(i).mid(7);
            else {
                err() << "kilima-node users add: unknown argument " << args.at(i) << "\n" << kUsersUsage << Qt::endl;
                return kExitUsage;
            }
        }
        if (name.isEmpty() || name.startsWith(QLatin1String("--")) || roleText.isEmpty()) {
            err() << kUsersUsage << Qt::endl;
            return kExitUsage;
        }
        const auto role = archive::roleFromString(roleText);
        if (!role) {
            err() << "kilima-node users add: " << role.error() << Qt::endl;
            return kExitUsage;
        }
        auto users = openUsers(ctx, "users");
        if (!users)
            return kExitProblems;
        QString password;
        if (!readPassword("Password: ", &password) || password.isEmpty()) {
            err() << "kilima-node users add: no password on standard input" << Qt::endl;
            return kExitUsage;
        }
        const core::Status st = users->add(name, role.value(), password);
        if (!st) {
            err() << "kilima-node users add: " << st.error() << Qt::endl;
            return kExitUsage;
        }
        out() << "user " << name << " added (role " << archive::toString(role.value()) << ")" << Qt::endl;
        return kExitOk;
    }
    if (sub == QLatin1String("list")) {
        auto users = openUsers(ctx, "users");
        if (!users)
            return kExitProblems;
        auto list = users->list();
        if (!list) {
            err() << "kilima-node users list: " << list.error() << Qt::endl;
            return kExitProblems;
        }
        if (args.contains(QLatin1String("--json"))) {
            QJsonArray a;
            for (const archive::User &u : list.value())
                a.append(QJsonObject{{QStringLiteral("name"), u.name},
                                     {QStringLiteral("role"), archive::toString(u.role)},
                                     {QStringLiteral("createdAt"), u.createdAt.toString(Qt::ISODate)},
                                     {QStringLiteral("disabled"), u.disabled}});
            out() << QJsonDocument(a).toJson(QJsonDocument::Indented);
            out().flush();
            return kExitOk;
        }
        for (const archive::User &u : list.value())
            out() << u.name << '\t' << archive::toString(u.role) << '\t' << u.createdAt.toString(Qt::ISODate)
                  << (u.disabled ? "\tdisabled" : "") << Qt::endl;
        return kExitOk;
    }
    if (sub == QLatin1String("remove") || sub == QLatin1String("passwd")) {
        const QString name = args.value(1);
        if (name.isEmpty() || args.size() > 2) {
            err() << kUsersUsage << Qt::endl;
            return kExitUsage;
        }
        auto users = openUsers(ctx, "users");
        if (!users)
            return kExitProblems;
        core::Status st;
        if (sub == QLatin1String("remove")) {
            st = users->remove(name);
        } else {
            QString password;
            if (!readPassword("New password: ", &password) || password.isEmpty()) {
                err() << "kilima-node users passwd: no password on standard input" << Qt::endl;
                return kExitUsage;
            }
            st = users->setPassword(name, password);
        }
        if (!st) {
            err() << "kilima-node users " << sub << ": " << st.error() << Qt::endl;
            return kExitProblems;
        }
        out() << (sub == QLatin1String("remove") ? QString(QStringLiteral("user ") + name + QStringLiteral(" removed"))
                                                  : QString(QStringLiteral("password of ") + name + QStringLiteral(" changed")))
              << Qt::endl;
        return kExitOk;
    }
    err() << kUsersUsage << Qt::endl;
    return kExitUsage;
}

int runTokens(const Context &ctx, const QStringList &args)
{
    const char *usage = "usage: kilima-node tokens create NAME | tokens revoke ID | tokens list [NAME]";
    const QString sub = args.value(0);
    if ((sub == QLatin1String("create") || sub == QLatin1String("revoke")) && args.size() == 2) {
        auto users = openUsers(ctx, "tokens");
        if (!users)
            return kExitProblems;
        if (sub == QLatin1String("create")) {
            auto token = users->createToken(args.at(1));
            if (!token) {
                err() << "kilima-node tokens create: " << token.error() << Qt::endl;
                return kExitProblems;
            }
            // The secret is shown once; only its hash is kept.
            out() << "token id: " << token.value().id << "\n"
                  << "secret:   " << token.value().secret << "\n"
                  << "Send it as \"Authorization: Bearer <secret>\"; it is not shown again." << Qt::endl;
            return kExitOk;
        }
        const core::Status st = users->revokeToken(args.at(1));
        if (!st) {
            err() << "kilima-node tokens revoke: " << st.error() << Qt::endl;
            return kExitProblems;
        }
        out() << "token " << args.at(1) << " revoked" << Qt::endl;
        return kExitOk;
    }
    if (sub == QLatin1String("list") && args.size() <= 2) {
        auto users = openUsers(ctx, "tokens");
        if (!users)
            return kExitProblems;
        auto tokens = users->tokens(args.value(1));
        if (!tokens) {
            err() << "kilima-node tokens list: " << tokens.error() << Qt::endl;
            return kExitProblems;
        }
        for (const archive::TokenInfo &t : tokens.value())
            out() << t.id << '\t' << t.user << '\t' << t.createdAt.toString(Qt::ISODate) << '\t'
                  << (t.lastUsedAt.isValid() ? t.lastUsedAt.toString(Qt::ISODate) : QStringLiteral("never used"))
                  << (t.revoked ? "\trevoked" : "") << Qt::endl;
        return kExitOk;
    }
    err() << usage << Qt::endl;
    return kExitUsage;
}

namespace {

const CommandRegistrar k_users{Command{"users",
    "  users add NAME --role admin|radiologist|technologist|viewer\n"
    "  users list [--json] | users remove NAME | users passwd NAME\n"
    "        The people who may use DICOMweb and the workstation. The password\n"
    "        is read from standard input (prompted without echo on a terminal)\n"
    "        and stored only as a salted PBKDF2-HMAC-SHA256 hash.\n",
    &runUsers, 75}};

const CommandRegistrar k_tokens{Command{"tokens",
    "  tokens create NAME | tokens revoke ID | tokens list [NAME]\n"
    "        Bearer tokens for DICOMweb clients (scripts, viewers): create\n"
    "        prints the secret once; only its hash is kept. Revoked tokens are\n"
    "        refused at once.\n",
    &runTokens, 76}};

} // namespace

} // namespace kilima::node_cli
