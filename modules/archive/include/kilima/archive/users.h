// Users and API tokens of this node, kept beside the index in the archive's
// database: who may use DICOMweb, the workstation and report signing.
// Passwords are stored only as PBKDF2-HMAC-SHA256 with a per-user random
// salt and a high iteration count; tokens only as a SHA-256 of the secret,
// which is shown once at creation. Never logs a password or a secret.
// Thread safe (one connection, one mutex). Password checks are slow on
// purpose (about a third of a second); callers on a hot path cache results.
#pragma once

#include <kilima/core/result.h>

#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariantList>
#include <mutex>

struct sqlite3;

namespace kilima::archive {

enum class Role { Admin, Radiologist, Technologist, Viewer };

// Note for tests: QCOMPARE(role, Role::Admin) does not compile, because
// QTest finds this toString by argument-dependent lookup and expects a
// char*; write QVERIFY(role == Role::Admin).
QString toString(Role role);
// "admin", "radiologist", "technologist", "viewer" (case-insensitive).
core::Result<Role> roleFromString(const QString &text);

struct User {
    QString name;
    Role role = Role::Viewer;
    QDateTime createdAt;   // UTC
    bool disabled = false;
};

struct TokenInfo {
    QString id;
    QString user;
    QDateTime createdAt;   // UTC
    QDateTime lastUsedAt;  // invalid if never used
    bool revoked = false;
};

class Users {
public:
    // PBKDF2 iterations for new and changed passwords; stored per user so
    // that raising it later keeps old hashes verifiable.
    static constexpr int kIterations = 600000;
    static constexpr int kMinPasswordLength = 8;

    explicit Users(const QString &databasePath);
    ~Users();
    Users(const Users &) = delete;
    Users &operator=(const Users &) = delete;

    // Adds a new user; fails if the name exists, is invalid (1-64 printable
    // characters, no colon or whitespace) or the password is too short.
    core::Status add(const QString &name, Role role, const QString &password);
    // Removes the user and revokes all of their tokens.
    core::Status remove(const QString &name);
    core::Result<QList<User>> list() const;
    core::Result<User> byName(const QString &name) const;
    core::Status setPassword(const QString &name, const QString &password);
    core::Status setRole(const QString &name, Role role);
    core::Status setDisabled(const QString &name, bool disabled);

    // The user if the name exists, is enabled and the password matches;
    // the same message for unknown names and wrong passwords.
    core::Result<User> verifyPassword(const QString &name, const QString &password) const;

    struct Token {
        QString id;       // public handle, used to revoke
        QString secret;   // only returned at creation; never stored
    };
    core::Result<Token> createToken(const QString &name);
    core::Status revokeToken(const QString &id);
    // Tokens of one user, or of everyone when name is empty.
    core::Result<QList<TokenInfo>> tokens(const QString &name = QString()) const;
    // The owner of an unrevoked token with this secret, if enabled.
    core::Result<User> verifyToken(const QString &secret) const;

    bool isEmpty() const;

    // A random password of 20 characters from an unambiguous alphabet
    // (for the first admin account).
    static QString generatePassword();

private:
    core::Error openError() const;
    // Runs `sql` (bound with `values`, then the name last) on the row of
    // user `name`; an error when there is no such user. Caller holds m_mutex.
    core::Status changeUser(const char *sql, const QVariantList &values, const QString &name);

    sqlite3 *m_db = nullptr;
    QString m_openError;
    mutable std::mutex m_mutex;
};

} // namespace kilima::archive
