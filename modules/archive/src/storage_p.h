// The storage area: immutable, content-addressed DICOM files
// (<storage>/ab/cd/<sha256>.dcm). Files are written to a per-process
// temporary folder, fsynced and renamed into place; a stored file is never
// modified, only removed after the index no longer refers to it.
#pragma once

#include <kilima/core/result.h>

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>

namespace kilima::archive {

QString sha256Hex(const QByteArray &bytes);

class StorageArea {
public:
    explicit StorageArea(QString root);

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
    QString m_root;
};

} // namespace kilima::archive
