#include "storage_p.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <openssl/evp.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kilima::archive {

namespace {

const QString kTemp = QStringLiteral(".incoming");
const QString kQuarantine = QStringLiteral(".quarantine");

bool processAlive(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

QString errnoText() { return QString::fromLocal8Bit(std::strerror(errno)); }

} // namespace

QString sha256Hex(const QByteArray &bytes)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(bytes.constData(), size_t(bytes.size()), digest, &len, EVP_sha256(), nullptr);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), int(len)).toHex());
}

StorageArea::StorageArea(QString root) : m_root(std::move(root)) {}

core::Status StorageArea::ensure()
{
    if (!QDir().mkpath(tempDir()))
        return core::Error{QStringLiteral("cannot create %1").arg(tempDir())};
    return {};
}

QString StorageArea::tempDir() const
{
    return m_root + QLatin1Char('/') + kTemp + QLatin1Char('/') + QString::number(QCoreApplication::applicationPid());
}

QString StorageArea::relativePathFor(const QString &sha)
{
    return sha.left(2) + QLatin1Char('/') + sha.mid(2, 2) + QLatin1Char('/') + sha + QStringLiteral(".dcm");
}

core::Status StorageArea::store(const QByteArray &bytes, const QString &relative)
{
    const QString finalPath = absolutePath(relative);
    const QString dir = QFileInfo(finalPath).path();
    if (!QDir().mkpath(dir) || !QDir().mkpath(tempDir()))
        return core::Error{QStringLiteral("cannot create folder %1: %2").arg(dir, errnoText())};

    const QString temp = tempDir() + QLatin1Char('/') +
                         QString::number(QRandomGenerator::global()->generate64(), 16) + QStringLiteral(".part");
    const QByteArray tempLocal = QFile::encodeName(temp);
    const int fd = ::open(tempLocal.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return core::Error{QStringLiteral("cannot create %1: %2").arg(temp, errnoText())};
    qint64 written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + written, size_t(bytes.size() - written));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const QString why = errnoText();
            ::close(fd);
            ::unlink(tempLocal.constData());
            return core::Error{QStringLiteral("cannot write to storage (%1 bytes): %2").arg(bytes.size()).arg(why)};
        }
        written += n;
    }
    // Not flushed here: syncStorage() flushes every file of a commit group
    // at once, before the index rows that point at them are committed.
    if (::close(fd) != 0) {
        const QString why = errnoText();
        ::unlink(tempLocal.constData());
        return core::Error{QStringLiteral("cannot write to storage: %1").arg(why)};
    }
    if (::rename(tempLocal.constData(), QFile::encodeName(finalPath).constData()) != 0) {
        const QString why = errnoText();
        ::unlink(tempLocal.constData());
        return core::Error{QStringLiteral("cannot move file into storage: %1").arg(why)};
    }
    return {};
}

core::Status StorageArea::adopt(const QString &path, const QString &relative)
{
    const QString finalPath = absolutePath(relative);
    if (!QDir().mkpath(QFileInfo(finalPath).path()))
        return core::Error{QStringLiteral("cannot create folder for %1: %2").arg(relative, errnoText())};
    const QByteArray local = QFile::encodeName(path);
    if (::rename(local.constData(), QFile::encodeName(finalPath).constData()) != 0)
        return core::Error{QStringLiteral("cannot move file into storage: %1").arg(errnoText())};
    return {};
}

core::Status StorageArea::syncStorage(const QString &alsoDir) const
{
    // One syncfs() makes every file written and renamed so far durable,
    // with its folder entry (and the index's WAL when it shares the
    // filesystem): one flush for a whole commit group.
    auto syncOne = [](const QString &dir, dev_t *device) -> core::Status {
        const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0)
            return core::Error{QStringLiteral("cannot open folder %1: %2").arg(dir, errnoText())};
        struct stat st {};
        ::fstat(fd, &st);
        if (device)
            *device = st.st_dev;
        const int rc = ::syncfs(fd);
        const QString why = rc != 0 ? errnoText() : QString();
        ::close(fd);
        if (rc != 0)
            return core::Error{QStringLiteral("cannot flush %1 to disk: %2").arg(dir, why)};
        return {};
    };
    dev_t storageDevice = 0;
    const core::Status st = syncOne(m_root, &storageDevice);
    if (!st || alsoDir.isEmpty())
        return st;
    struct stat other {};
    if (::stat(QFile::encodeName(alsoDir).constData(), &other) == 0 && other.st_dev == storageDevice)
        return {};
    return syncOne(alsoDir, nullptr);
}

bool StorageArea::exists(const QString &relative) const
{
    return QFileInfo::exists(absolutePath(relative));
}

bool StorageArea::remove(const QString &relative)
{
    return QFile::remove(absolutePath(relative));
}

QStringList StorageArea::listFiles() const
{
    QStringList files;
    const QDir root(m_root);
    QDirIterator it(m_root, QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    while (it.hasNext()) {
        const QString first = it.next();
        const QString name = it.fileName();
        if (name == kTemp || name == kQuarantine)
            continue;
        QDirIterator files2(first, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files2.hasNext())
            files << root.relativeFilePath(files2.next());
    }
    return files;
}

int StorageArea::removeStaleTemp()
{
    int removed = 0;
    QDir temp(m_root + QLatin1Char('/') + kTemp);
    const QStringList pids = temp.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pidDir : pids) {
        bool ok = false;
        const qint64 pid = pidDir.toLongLong(&ok);
        if (ok && (processAlive(pid) && pid != QCoreApplication::applicationPid()))
            continue;
        if (ok && pid == QCoreApplication::applicationPid())
            continue;
        QDir d(temp.filePath(pidDir));
        removed += int(d.entryList(QDir::Files | QDir::Hidden).size());
        d.removeRecursively();
    }
    return removed;
}

QString StorageArea::quarantine(const QString &relative)
{
    const QString dir = m_root + QLatin1Char('/') + kQuarantine;
    QDir().mkpath(dir);
    QString target = dir + QLatin1Char('/') + QFileInfo(relative).fileName();
    if (QFileInfo::exists(target))
        target += QLatin1Char('.') + QString::number(QRandomGenerator::global()->generate(), 16);
    QFile::rename(absolutePath(relative), target);
    return target;
}

} // namespace kilima::archive
