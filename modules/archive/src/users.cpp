#include <kilima/archive/users.h>

#include <kilima/archive/sqlite.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace kilima::archive {

namespace {

const char *const kUsersV1 = R"SQL(
CREATE TABLE users(
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    salt BLOB NOT NULL,
    iterations INTEGER NOT NULL,
    hash BLOB NOT NULL,
    created_at TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE tokens(
    id TEXT PRIMARY KEY,
    user_name TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
    hash BLOB NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tokens_user ON tokens(user_name);
)SQL";

constexpr int kSaltBytes = 16;
constexpr int kHashBytes = 32;

QByteArray randomBytes(int n)
{
    QByteArray b(n, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(b.data()), n) != 1)
        return {};
    return b;
}

QByteArray pbkdf2(const QString &password, const QByteArray &salt, int iterations)
{
    const QByteArray pw = password.toUtf8();
    QByteArray out(kHashBytes, Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(pw.constData(), pw.size(), reinterpret_cast<const unsigned char *>(salt.constData()),
                          salt.size(), iterations, EVP_sha256(), kHashBytes,
                          reinterpret_cast<unsigned char *>(out.data())) != 1)
        return {};
    return out;
}

// A new salt and the password's PBKDF2 hash, hex-encoded as stored.
struct HashedPassword {
    QString salt;
    QString hash;
};

core::Result<HashedPassword> hashPassword(const QString &password)
{
    const QByteArray salt = randomBytes(kSaltBytes);
    const QByteArray hash = salt.isEmpty() ? QByteArray() : pbkdf2(password, salt, Users::kIterations);
    if (hash.isEmpty())
        return core::Error{QStringLiteral("cannot hash the password (OpenSSL failure)")};
    return HashedPassword{QString::fromLatin1(salt.toHex()), QString::fromLatin1(hash.toHex())};
}

QByteArray sha256(const QByteArray &bytes)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(bytes.constData(), size_t(bytes.size()), digest, &len, EVP_sha256(), nullptr);
    return QByteArray(reinterpret_cast<const char *>(digest), int(len));
}

bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QDateTime parseTime(const QString &t)
{
    if (t.isEmpty())
        return {};
    QDateTime d = QDateTime::fromString(t, Qt::ISODateWithMs);
    d.setTimeSpec(Qt::UTC);
    return d;
}

core::Status validateName(const QString &name)
{
    if (name.isEmpty() || name.size() > 64)
        return core::Error{QStringLiteral("a user name must be 1 to 64 characters")};
    for (QChar c : name) {
        if (c.isSpace() || c == QLatin1Char(':') || !c.isPrint())
            return core::Error{QStringLiteral("user name \"%1\" may not contain spaces, colons or control characters").arg(name)};
    }
    return {};
}

core::Status validatePassword(const QString &password)
{
    if (password.size() < Users::kMinPasswordLength)
        return core::Error{QStringLiteral("the password must be at least %1 characters").arg(Users::kMinPasswordLength)};
    if (password.size() > 1024)
        return core::Error{QStringLiteral("the password is longer than 1024 characters")};
    return {};
}

User readUser(Statement &s)
{
    User u;
    u.name = s.text(0);
    u.role = roleFromString(s.text(1)).ok() ? roleFromString(s.text(1)).value() : Role::Viewer;
    u.createdAt = parseTime(s.text(2));
    u.disabled = s.int64(3) != 0;
    return u;
}

} // namespace

QString toString(Role role)
{
    switch (role) {
    case Role::Admin: return QStringLiteral("admin");
    case Role::Radiologist: return QStringLiteral("radiologist");
    case Role::Technologist: return QStringLiteral("technologist");
    case Role::Viewer: return QStringLiteral("viewer");
    }
    return QStringLiteral("viewer");
}

core::Result<Role> roleFromString(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("admin"))
        return Role::Admin;
    if (t == QLatin1String("radiologist"))
        return Role::Radiologist;
    if (t == QLatin1String("technologist"))
        return Role::Technologist;
    if (t == QLatin1String("viewer"))
        return Role::Viewer;
    return core::Error{QStringLiteral("unknown role \"%1\" (use admin, radiologist, technologist or viewer)").arg(text)};
}

Users::Users(const QString &databasePath)
{
    m_db = openConnection(databasePath, &m_openError);
    if (m_db && !applyComponentSchema(m_db, "users", {kUsersV1}, &m_openError)) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

Users::~Users()
{
    sqlite3_close_v2(m_db);
}

core::Error Users::openError() const
{
    return core::Error{QStringLiteral("the users table is not available: %1").arg(m_openError)};
}

core::Status Users::changeUser(const char *sql, const QVariantList &values, const QString &name)
{
    if (!m_db)
        return openError();
    Statement s(m_db, sql);
    int i = 1;
    for (const QVariant &v : values)
        s.bindVariant(i++, v);
    s.bind(i, name);
    if (!s.exec())
        return core::Error{s.error()};
    if (sqlite3_changes(m_db) == 0)
        return core::Error{QStringLiteral("no user named %1").arg(name)};
    return {};
}

// Salt and hash are stored hex-encoded in BLOB columns' text form, which
// keeps them readable with the sqlite3 shell and the Statement helper.
core::Status Users::add(const QString &name, Role role, const QString &password)
{
    if (auto v = validateName(name); !v)
        return v;
    if (auto v = validatePassword(password); !v)
        return v;
    const auto hashed = hashPassword(password);
    if (!hashed)
        return core::Error{hashed.error()};
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return openError();
    Statement s(m_db, "INSERT INTO users(name, role, salt, iterations, hash, created_at, disabled) VALUES(?,?,?,?,?,?,0)");
    s.bind(1, name);
    s.bind(2, toString(role));
    s.bind(3, hashed.value().salt);
    s.bind(4, kIterations);
    s.bind(5, hashed.value().hash);
    s.bind(6, nowText());
    if (!s.exec()) {
        if (sqlite3_extended_errcode(m_db) == SQLITE_CONSTRAINT_PRIMARYKEY)
            return core::Error{QStringLiteral("a user named %1 already exists").arg(name)};
        return core::Error{QStringLiteral("cannot add user %1: %2").arg(name, s.error())};
    }
    return {};
}

core::Status Users::remove(const QString &name)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const core::Status removed = changeUser("DELETE FROM users WHERE name = ?", {}, name);
    if (!removed)
        return removed;
    // foreign_keys=ON cascades, but be explicit for databases opened without it.
    Statement t(m_db, "DELETE FROM tokens WHERE user_name = ?");
    t.bind(1, name);
    t.exec();
    return {};
}

core::Result<QList<User>> Users::list() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return openError();
    Statement s(m_db, "SELECT name, role, created_at, disabled FROM users ORDER BY name");
    QList<User> users;
    while (s.next())
        users << readUser(s);
    return users;
}

core::Result<User> Users::byName(const QString &name) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return openError();
    Statement s(m_db, "SELECT name, role, created_at, disabled FROM users WHERE name = ?");
    s.bind(1, name);
    if (!s.next())
        return core::Error{QStringLiteral("no user named %1").arg(name)};
    return readUser(s);
}

core::Status Users::setPassword(const QString &name, const QString &password)
{
    if (auto v = validatePassword(password); !v)
        return v;
    const auto hashed = hashPassword(password);
    if (!hashed)
        return core::Error{hashed.error()};
    std::lock_guard<std::mutex> lock(m_mutex);
    return changeUser("UPDATE users SET salt = ?, iterations = ?, hash = ? WHERE name = ?",
                      {hashed.value().salt, kIterations, hashed.value().hash}, name);
}

core::Status Users::setRole(const QString &name, Role role)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return changeUser("UPDATE users SET role = ? WHERE name = ?", {toString(role)}, name);
}

core::Status Users::setDisabled(const QString &name, bool disabled)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return changeUser("UPDATE users SET disabled = ? WHERE name = ?", {disabled ? 1 : 0}, name);
}

core::Result<User> Users::verifyPassword(const QString &name, const QString &password) const
{
    const core::Error denied{QStringLiteral("wrong user name or password")};
    QByteArray salt, stored;
    int iterations = 0;
    User user;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_db)
            return openError();
        Statement s(m_db, "SELECT name, role, created_at, disabled, salt, iterations, hash FROM users WHERE name = ?");
        s.bind(1, name);
        if (s.next()) {
            user = readUser(s);
            salt = QByteArray::fromHex(s.text(4).toLatin1());
            iterations = int(s.int64(5));
            stored = QByteArray::fromHex(s.text(6).toLatin1());
        }
    }
    if (stored.isEmpty()) {
        // Spend the same time for unknown names so they cannot be told apart.
        pbkdf2(password, QByteArray(kSaltBytes, '\0'), kIterations);
        return denied;
    }
    // Hash outside the lock: other users' checks are not serialised behind it.
    const QByteArray hash = pbkdf2(password, salt, iterations);
    if (!sameBytes(hash, stored))
        return denied;
    if (user.disabled)
        return core::Error{QStringLiteral("user %1 is disabled").arg(name)};
    return user;
}

core::Result<Users::Token> Users::createToken(const QString &name)
{
    const QByteArray secretBytes = randomBytes(32);
    const QByteArray idBytes = randomBytes(8);
    if (secretBytes.isEmpty() || idBytes.isEmpty())
        return core::Error{QStringLiteral("cannot create a token (no random bytes from OpenSSL)")};
    Token token;
    token.id = QString::fromLatin1(idBytes.toHex());
    token.secret = QStringLiteral("kt_") +
                   QString::fromLatin1(secretBytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return openError();
    {
        Statement s(m_db, "SELECT 1 FROM users WHERE name = ?");
        s.bind(1, name);
        if (!s.next())
            return core::Error{QStringLiteral("no user named %1").arg(name)};
    }
    Statement s(m_db, "INSERT INTO tokens(id, user_name, hash, created_at, revoked) VALUES(?,?,?,?,0)");
    s.bind(1, token.id);
    s.bind(2, name);
    s.bind(3, QString::fromLatin1(sha256(token.secret.toUtf8()).toHex()));
    s.bind(4, nowText());
    if (!s.exec())
        return core::Error{QStringLiteral("cannot save the token: %1").arg(s.error())};
    return token;
}

core::Status Users::revokeToken(const QString &id)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return openError();
    Statement s(m_db, "UPDATE tokens SET revoked = 1 WHERE id = ?");
    s.bind(1, id);
    if (!s.exec())
        return core::Error{s.error()};
    if (sqlite3_changes(m_db) == 0)
        return core::Error{QStringLiteral("no token with id %1").arg(id)};
    return {};
}

core::Result<QList<TokenInfo>> Users::tokens(const QString &name) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return openError();
    Statement s(m_db, name.isEmpty()
                          ? "SELECT id, user_name, created_at, last_used_at, revoked FROM tokens ORDER BY created_at"
                          : "SELECT id, user_name, created_at, last_used_at, revoked FROM tokens WHERE user_name = ? ORDER BY created_at");
    if (!name.isEmpty())
        s.bind(1, name);
    QList<TokenInfo> out;
    while (s.next()) {
        TokenInfo t;
        t.id = s.text(0);
        t.user = s.text(1);
        t.createdAt = parseTime(s.text(2));
        t.lastUsedAt = parseTime(s.text(3));
        t.revoked = s.int64(4) != 0;
        out << t;
    }
    return out;
}

core::Result<User> Users::verifyToken(const QString &secret) const
{
    const core::Error denied{QStringLiteral("unknown or revoked token")};
    if (secret.isEmpty() || secret.size() > 256)
        return denied;
    const QString hash = QString::fromLatin1(sha256(secret.toUtf8()).toHex());
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return openError();
    Statement s(m_db, "SELECT u.name, u.role, u.created_at, u.disabled, t.id FROM tokens t JOIN users u ON u.name = t.user_name "
                      "WHERE t.hash = ? AND t.revoked = 0");
    s.bind(1, hash);
    if (!s.next())
        return denied;
    const User user = readUser(s);
    const QString id = s.text(4);
    if (user.disabled)
        return core::Error{QStringLiteral("user %1 is disabled").arg(user.name)};
    // Last use at minute resolution: no write per request on a hot path.
    Statement u(m_db, "UPDATE tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)");
    u.bind(1, nowText());
    u.bind(2, id);
    u.bind(3, QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODateWithMs));
    u.exec();
    return user;
}

bool Users::isEmpty() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_db)
        return true;
    Statement s(m_db, "SELECT 1 FROM users LIMIT 1");
    return !s.next();
}

QString Users::generatePassword()
{
    static const char alphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    const int n = int(sizeof(alphabet)) - 1;
    QString out;
    while (out.size() < 20) {
        const QByteArray b = randomBytes(32);
        for (char c : b) {
            const int v = static_cast<unsigned char>(c);
            if (v < 256 - 256 % n && out.size() < 20)   // no modulo bias
                out += QLatin1Char(alphabet[v % n]);
        }
    }
    return out;
}

} // namespace kilima::archive
