// Streaming ingest: a C-STORE's bytes go into an unnamed file on the storage
// area's filesystem as they arrive, hashed on the way. At the end the file
// is flushed while it is checked (structure only: pixel data is not read
// again), then linked into its place and committed with the group
// (Archive::ingestIncoming). Starting the write-out early with
// sync_file_range() was measured slower (fewer, larger writes win).
#pragma once

#include <kilima/archive/archive.h>

#include "storage_p.h"

#include <QFile>

#include <openssl/evp.h>

#include <unistd.h>

namespace kilima::archive {


struct IncomingObject::State {
    StorageArea::IncomingFile file;
    EVP_MD_CTX *hash = nullptr;
    qint64 size = 0;
    QString error;

    ~State()
    {
        if (hash)
            EVP_MD_CTX_free(hash);
        if (file.fd >= 0)
            ::close(file.fd);
        if (!file.namedPath.isEmpty())
            QFile::remove(file.namedPath);
    }
    void fail(const QString &why)
    {
        if (error.isEmpty())
            error = why;
    }
    // Where the bytes can be read back while the object is open.
    QString readPath() const
    {
        return file.namedPath.isEmpty() ? QStringLiteral("/proc/self/fd/%1").arg(file.fd) : file.namedPath;
    }
    QString digestHex()
    {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int len = 0;
        EVP_DigestFinal_ex(hash, digest, &len);
        return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), int(len)).toHex());
    }
};

} // namespace kilima::archive
