// The storage area: immutable, content-addressed DICOM files
// (<storage>/ab/<sha256>.dcm). Files are written to a per-process
// temporary folder, fsynced and renamed into place; a stored file is never
// modified, only removed after the index no longer refers to it.
#pragma once

#include <kilima/core/result.h>

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>

#include <mutex>
#include <vector>

namespace kilima::archive {

QString sha256Hex(const QByteArray &bytes);

class StorageArea {
public:
    explicit StorageArea(QString root);
    ~StorageArea();

    core::Status ensure();
    QString root() const { return m_root; }
    QString absolutePath(const QString &relative) const { return m_root + QLatin1Char('/') + relative; }
    static QString relativePathFor(const QString &sha256);

    // Writes `bytes` under `relative` (temporary name, then rename). Not yet
    // durable: syncStorage() must run before the index commit.
    core::Status store(const QByteArray &bytes, const QString &relative);
    // Renames an existing file on the same filesystem to `relative`; as
    // after store(), syncStorage() makes it durable.
    core::Status adopt(const QString &path, const QString &relative);
    // A file for an object still arriving: unnamed (O_TMPFILE) on the
    // storage area's filesystem, or a named one in tempDirectory() where
    // the filesystem cannot make unnamed files. fd < 0: error says why.
    struct IncomingFile {
        int fd = -1;
        QString namedPath;   // empty for an unnamed file
        QString error;
    };
    // Takes a file opened ahead by openSpares() when there is one: making
    // a file (an inode) is the costliest step of a small C-STORE's path on
    // some filesystems, and this way it happens while the peer is still
    // preparing its next object.
    IncomingFile openIncoming();
    // Opens unnamed files ahead until `count` are waiting.
    void openSpares(int count);
    // Gives such a file its place at `relative`. A file already there has
    // the same content (names are content hashes) and is kept. Fills
    // `foldersToFlush` with the folders whose entries changed (the file's,
    // and the parents of folders made for it).
    core::Status place(const IncomingFile &file, const QString &relative, QStringList *foldersToFlush);
    // fsync()s folders, so new entries in them survive a power cut.
    static core::Status flushFolders(const QStringList &folders);
    // Flushes everything written to the storage area's filesystem, and to
    // `alsoDir`'s filesystem when that is another one (the index).
    core::Status syncStorage(const QString &alsoDir = {}) const;
    // This process's folder for files being written.
    QString tempDirectory() const { return tempDir(); }

    bool exists(const QString &relative) const;
    bool remove(const QString &relative);

    // Every stored file (relative paths), skipping temporary/quarantine folders.
    QStringList listFiles() const;
    // Removes temporary folders of processes that no longer run.
    int removeStaleTemp();
    // Moves a stored file aside; returns the new absolute path.
    QString quarantine(const QString &relative);

private:
    QString tempDir() const;
    // Creates the folders of a stored file's path, remembering those made
    // (`known`: trust that memory; false: check the disk again).
    bool ensureParent(const QString &finalPath, bool known = true, QStringList *created = nullptr);
    QString m_root;
    IncomingFile openNew() const;
    std::mutex m_sparesMutex;
    std::vector<int> m_spares;   // unnamed files opened ahead
    std::mutex m_dirsMutex;
    QSet<QString> m_knownDirs;
};

} // namespace kilima::archive
