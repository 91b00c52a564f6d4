#include <kilima/cloud/credentials.h>

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <sys/stat.h>

namespace kilima::cloud {

QString FileCredentialStore::defaultPath(const QString &dataDir)
{
    return dataDir + QStringLiteral("/cloud-credentials");
}

core::Result<SigningKey> FileCredentialStore::load() const
{
    struct stat st {};
    if (::stat(QFile::encodeName(m_path).constData(), &st) != 0)
        return core::Error{QStringLiteral("no cloud credentials: run `kilima-node cloud configure` or set "
                                          "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")};
    if ((st.st_mode & 077) != 0)
        return core::Error{QStringLiteral("%1 is readable by other users (mode %2): chmod 600 it")
                               .arg(m_path).arg(st.st_mode & 0777, 3, 8, QLatin1Char('0'))};
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly))
        return core::Error{QStringLiteral("%1: cannot read: %2").arg(m_path, f.errorString())};
    const QList<QByteArray> lines = f.readAll().split('\n');
    SigningKey key;
    if (lines.size() >= 2) {
        key.accessKeyId = QString::fromUtf8(lines.at(0).trimmed());
        key.secretAccessKey = QString::fromUtf8(lines.at(1).trimmed());
        if (lines.size() >= 3)
            key.sessionToken = QString::fromUtf8(lines.at(2).trimmed());
    }
    if (key.accessKeyId.isEmpty() || key.secretAccessKey.isEmpty())
        return core::Error{QStringLiteral("%1: expected two lines, the access key ID and the secret").arg(m_path)};
    return key;
}

core::Status FileCredentialStore::save(const SigningKey &key)
{
    if (key.accessKeyId.isEmpty() || key.secretAccessKey.isEmpty())
        return core::Error{QStringLiteral("the access key ID and the secret must not be empty")};
    const mode_t old = ::umask(077);
    QSaveFile f(m_path);
    const bool opened = f.open(QIODevice::WriteOnly);
    ::umask(old);
    if (!opened)
        return core::Error{QStringLiteral("%1: cannot write: %2").arg(m_path, f.errorString())};
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QByteArray data = key.accessKeyId.toUtf8() + '\n' + key.secretAccessKey.toUtf8() + '\n';
    if (!key.sessionToken.isEmpty())
        data += key.sessionToken.toUtf8() + '\n';
    f.write(data);
    if (!f.commit())
        return core::Error{QStringLiteral("%1: cannot write: %2").arg(m_path, f.errorString())};
    ::chmod(QFile::encodeName(m_path).constData(), 0600);
    return {};
}

core::Result<SigningKey> resolveCredentials(const CredentialStore &store)
{
    const QString id = qEnvironmentVariable("AWS_ACCESS_KEY_ID");
    const QString secret = qEnvironmentVariable("AWS_SECRET_ACCESS_KEY");
    if (!id.isEmpty() && !secret.isEmpty())
        return SigningKey{id, secret, qEnvironmentVariable("AWS_SESSION_TOKEN")};
    return store.load();
}

} // namespace kilima::cloud
