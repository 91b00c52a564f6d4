// gzip (RFC 1952) of a response body, for JSON answers to clients that send
// Accept-Encoding: gzip; and the matching decompression for the client.
#pragma once

#include <QByteArray>

namespace kilima::dicomweb {

QByteArray gzipCompress(const QByteArray &data, int level = 6);
// Empty on corrupt input or when the output would exceed maxBytes.
QByteArray gzipDecompress(const QByteArray &data, qint64 maxBytes = qint64(1) << 30);
bool acceptsGzip(const QByteArray &acceptEncoding);

} // namespace kilima::dicomweb
