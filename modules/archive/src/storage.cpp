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

// Opens a folder and flushes it: fsync (its entries) or syncfs (its whole
// filesystem). Reports the folder's device when asked.
core::Status flushFolder(const QString &dir, int (*flush)(int), dev_t *device)
{
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return core::Error{QStringLiteral("cannot open folder %1: %2").arg(dir, errnoText())};
    if (device) {
        struct stat st {};
        ::fstat(fd, &st);
        *device = st.st_dev;
    }
    const int rc = flush(fd);
    const QString why = rc != 0 ? errnoText() : QString();
    ::close(fd);
    if (rc != 0)
        return core::Error{QStringLiteral("cannot flush %1 to disk: %2").arg(dir, why)};
    return {};
}

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
    // One level of 256 folders, as git keeps loose objects: a young
    // archive soon has them all (a new folder costs a mkdir and two folder
    // flushes on the C-STORE path), and ten million files make 40,000 a
    // folder, which ext4 and XFS index. Archives made before keep their
    // two-level ab/cd/ paths: the index holds each file's path.
    return sha.left(2) + QLatin1Char('/') + sha + QStringLiteral(".dcm");
}

bool StorageArea::ensureParent(const QString &finalPath, bool known, QStringList *created)
{
    const QString dir = QFileInfo(finalPath).path();
    if (known) {
        std::lock_guard<std::mutex> lock(m_dirsMutex);
        if (m_knownDirs.contains(dir))
            return true;
    }
    if (created) {
        // The folders below the root that do not exist yet, outermost first.
        QStringList missing;
        for (QString d = dir; d.size() > m_root.size() && !QFileInfo::exists(d); d = QFileInfo(d).path())
            missing.prepend(d);
        *created = missing;
    }
    if (!QDir().mkpath(dir))
        return false;
    std::lock_guard<std::mutex> lock(m_dirsMutex);
    m_knownDirs.insert(dir);
    return true;
}

StorageArea::~StorageArea()
{
    for (int fd : m_spares)
        ::close(fd);   // unnamed: nothing is left on disk
}

StorageArea::IncomingFile StorageArea::openIncoming()
{
    {
        std::lock_guard<std::mutex> lock(m_sparesMutex);
        if (!m_spares.empty()) {
            IncomingFile f;
            f.fd = m_spares.back();
            m_spares.pop_back();
            return f;
        }
    }
    return openNew();
}

void StorageArea::openSpares(int count)
{
    while (true) {
        {
            std::lock_guard<std::mutex> lock(m_sparesMutex);
            if (int(m_spares.size()) >= count)
                return;
        }
        IncomingFile f = openNew();
        if (f.fd < 0 || !f.namedPath.isEmpty()) {
            // No unnamed files here: named ones are not opened ahead (they
            // would be left behind by a crash).
            if (f.fd >= 0)
                ::close(f.fd);
            if (!f.namedPath.isEmpty())
                QFile::remove(f.namedPath);
            return;
        }
        std::lock_guard<std::mutex> lock(m_sparesMutex);
        m_spares.push_back(f.fd);
    }
}

StorageArea::IncomingFile StorageArea::openNew() const
{
    IncomingFile f;
#ifdef O_TMPFILE
    // An unnamed file is read back and linked through /proc/self/fd: only
    // where that is mounted.
    static const bool procFds = QFileInfo::exists(QStringLiteral("/proc/self/fd"));
    if (procFds) {
        f.fd = ::open(QFile::encodeName(m_root).constData(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
        if (f.fd >= 0)
            return f;
        if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) {
            f.error = QStringLiteral("cannot create a file in %1: %2").arg(m_root, errnoText());
            return f;
        }
    }
#endif
    QDir().mkpath(tempDir());
    f.namedPath = tempDir() + QLatin1Char('/') + QString::number(QRandomGenerator::global()->generate64(), 16) +
                  QStringLiteral(".part");
    f.fd = ::open(QFile::encodeName(f.namedPath).constData(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (f.fd < 0) {
        f.error = QStringLiteral("cannot create %1: %2").arg(f.namedPath, errnoText());
        f.namedPath.clear();
    }
    return f;
}

core::Status StorageArea::place(const IncomingFile &file, const QString &relative, QStringList *foldersToFlush)
{
    const QString finalPath = absolutePath(relative);
    const QByteArray target = QFile::encodeName(finalPath);
    auto attempt = [&]() -> int {
        if (!file.namedPath.isEmpty())
            return ::rename(QFile::encodeName(file.namedPath).constData(), target.constData());
        // linkat(fd, "", AT_EMPTY_PATH) needs CAP_DAC_READ_SEARCH; the
        // /proc link works for any owner of the descriptor.
        const QByteArray self = "/proc/self/fd/" + QByteArray::number(file.fd);
        return ::linkat(AT_FDCWD, self.constData(), AT_FDCWD, target.constData(), AT_SYMLINK_FOLLOW);
    };
    int rc = attempt();
    QStringList created;
    if (rc != 0 && errno == ENOENT) {
        if (!ensureParent(finalPath, false, &created))
            return core::Error{QStringLiteral("cannot create folder for %1: %2").arg(relative, errnoText())};
        rc = attempt();
    }
    if (rc != 0 && errno == EEXIST)
        return {};
    if (rc != 0)
        return core::Error{QStringLiteral("cannot put the file in place at %1: %2").arg(relative, errnoText())};
    // The new entry, and each new folder's entry in its parent.
    foldersToFlush->append(QFileInfo(finalPath).path());
    for (const QString &d : created)
        foldersToFlush->append(QFileInfo(d).path());
    return {};
}

core::Status StorageArea::flushFolders(const QStringList &folders)
{
    for (const QString &dir : folders) {
        const core::Status st = flushFolder(dir, ::fsync, nullptr);
        if (!st)
            return st;
    }
    return {};
}

core::Status StorageArea::store(const QByteArray &bytes, const QString &relative)
{
    const QString finalPath = absolutePath(relative);
    const QString dir = QFileInfo(finalPath).path();
    if (!ensureParent(finalPath) || !QDir().mkpath(tempDir()))
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
    if (!ensureParent(finalPath))
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
    auto syncOne = [](const QString &dir, dev_t *device) { return flushFolder(dir, ::syncfs, device); };
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
