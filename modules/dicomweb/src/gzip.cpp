#include "gzip_p.h"

#include <QList>

#include <zlib.h>

namespace kilima::dicomweb {

QByteArray gzipCompress(const QByteArray &data, int level)
{
    z_stream zs{};
    if (deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(int(deflateBound(&zs, uLong(data.size()))) + 32, Qt::Uninitialized);
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    zs.avail_in = uInt(data.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    out.truncate(int(zs.total_out));
    deflateEnd(&zs);
    return rc == Z_STREAM_END ? out : QByteArray();
}

QByteArray gzipDecompress(const QByteArray &data, qint64 maxBytes)
{
    z_stream zs{};
    if (inflateInit2(&zs, 15 + 32) != Z_OK)
        return {};
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    zs.avail_in = uInt(data.size());
    QByteArray out;
    char buf[65536];
    int rc = Z_OK;
    while (rc == Z_OK) {
        zs.next_out = reinterpret_cast<Bytef *>(buf);
        zs.avail_out = sizeof buf;
        rc = inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END)
            break;
        out.append(buf, int(sizeof buf - zs.avail_out));
        if (out.size() > maxBytes) {
            rc = Z_MEM_ERROR;
            break;
        }
    }
    inflateEnd(&zs);
    return rc == Z_STREAM_END ? out : QByteArray();
}

bool acceptsGzip(const QByteArray &acceptEncoding)
{
    for (const QByteArray &item : acceptEncoding.split(',')) {
        const QList<QByteArray> p = item.trimmed().split(';');
        if (p.value(0).trimmed().toLower() != "gzip")
            continue;
        if (p.size() > 1 && p.at(1).trimmed().replace(" ", "") == "q=0")
            return false;
        return true;
    }
    return false;
}

} // namespace kilima::dicomweb
