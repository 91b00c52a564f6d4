#include <kilima/core/datadir.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace kilima::core {

DataDir::DataDir(QString root) : m_root(QDir::cleanPath(QFileInfo(root).absoluteFilePath())) {}

QString DataDir::defaultLocation()
{
    QString base = qEnvironmentVariable("XDG_DATA_HOME");
    if (base.isEmpty() || QDir::isRelativePath(base))
        base = QDir::homePath() + QStringLiteral("/.local/share");
    return base + QStringLiteral("/kilima");
}

QString DataDir::resolve(const QString &explicitPath)
{
    if (!explicitPath.isEmpty())
        return explicitPath;
    const QString env = qEnvironmentVariable("KILIMA_DATA_DIR");
    if (!env.isEmpty())
        return env;
    return defaultLocation();
}

Status DataDir::ensure() const
{
    for (const QString &dir : {m_root, storageDir(), tempDir()}) {
        if (!QDir().mkpath(dir))
            return Error{QStringLiteral("cannot create directory %1").arg(dir)};
    }
    QFile::setPermissions(m_root, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return {};
}

QString DataDir::configFile() const { return m_root + QStringLiteral("/kilima.json"); }
QString DataDir::indexFile() const { return m_root + QStringLiteral("/index.sqlite"); }
QString DataDir::storageDir() const { return m_root + QStringLiteral("/storage"); }
QString DataDir::tempDir() const { return m_root + QStringLiteral("/storage/.incoming"); }

} // namespace kilima::core
