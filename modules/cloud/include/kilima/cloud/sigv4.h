// AWS Signature Version 4 (the signing every S3-compatible service speaks).
// Pure functions over the request's parts; checked against AWS's published
// signing test vectors (tests/cloud/tst_sigv4.cpp). Never logs keys.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace kilima::cloud {

struct SigningKey {
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken;   // optional (temporary credentials)
};

struct SignRequest {
    QByteArray method;                               // GET, PUT, ...
    QByteArray path;                                 // already URI-encoded, starts with '/'
    QList<QPair<QByteArray, QByteArray>> query;      // raw (not encoded) names and values
    QList<QPair<QByteArray, QByteArray>> headers;    // every header that is signed, host included
    QByteArray payloadHash;                          // hex SHA-256 of the body, or UNSIGNED-PAYLOAD
    QByteArray amzDate;                              // 20150830T123600Z
    QByteArray region;
    QByteArray service;                              // s3
};

namespace sigv4 {

// RFC 3986 encoding as SigV4 wants it (unreserved characters kept; '/'
// kept only when encodeSlash is false).
QByteArray uriEncode(const QByteArray &raw, bool encodeSlash);
QByteArray canonicalQuery(const QList<QPair<QByteArray, QByteArray>> &query);
QByteArray canonicalRequest(const SignRequest &request);
QByteArray signedHeaders(const SignRequest &request);
QByteArray stringToSign(const SignRequest &request);
QByteArray signature(const SignRequest &request, const SigningKey &key);
// The value of the Authorization header.
QByteArray authorization(const SignRequest &request, const SigningKey &key);

QByteArray sha256Hex(const QByteArray &data);
QByteArray hmacSha256(const QByteArray &key, const QByteArray &data);

} // namespace sigv4
} // namespace kilima::cloud
