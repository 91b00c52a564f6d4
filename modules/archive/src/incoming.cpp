// IncomingObject: the bytes of an object still arriving (see incoming_p.h).
#include <kilima/archive/archive.h>

#include "incoming_p.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace kilima::archive {

IncomingObject::IncomingObject(std::unique_ptr<State> state) : d(std::move(state)) {}
IncomingObject::~IncomingObject() = default;

void IncomingObject::append(const char *data, qint64 size)
{
    if (!d->error.isEmpty() || size <= 0)
        return;
    qint64 done = 0;
    while (done < size) {
        const ssize_t n = ::write(d->file.fd, data + done, size_t(size - done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            d->fail(QStringLiteral("cannot write to storage: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
            return;
        }
        done += n;
    }
    EVP_DigestUpdate(d->hash, data, size_t(size));
    d->size += size;
}

bool IncomingObject::failed() const { return !d->error.isEmpty(); }
QString IncomingObject::error() const { return d->error; }
qint64 IncomingObject::size() const { return d->size; }

} // namespace kilima::archive
