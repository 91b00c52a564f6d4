// A blocking S3 client for any S3-compatible endpoint (AWS, MinIO, s3rver):
// SigV4 signing, path-style or virtual-hosted addressing, HTTPS with
// certificate checks, PUT with Content-MD5 (multipart above a threshold),
// ranged GET, HEAD, ListObjectsV2 with continuation, DELETE, CopyObject.
// One client per thread (it owns one libcurl handle, reused for keep-alive).
// Credentials are never logged or put in messages.
#pragma once

#include <kilima/cloud/sigv4.h>
#include <kilima/core/result.h>

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QUrl>

namespace kilima::cloud {

struct S3Settings {
    QString endpoint;                 // http(s)://host[:port], no bucket
    QString bucket;
    QString region = QStringLiteral("us-east-1");
    bool pathStyle = false;           // https://host/bucket/key instead of https://bucket.host/key
    QString caFile;                   // extra CA bundle (PEM); empty = system store
    qint64 maxSendBytesPerSecond = 0; // per client; 0 = unlimited
    qint64 maxRecvBytesPerSecond = 0;
    int connectTimeoutSeconds = 15;
    int timeoutSeconds = 600;
    qint64 multipartThreshold = qint64(64) << 20;
    qint64 partSize = qint64(16) << 20;
};

struct ObjectInfo {
    QString key;
    qint64 size = -1;
    QString etag;                     // without quotes
    QString storageClass;
    QDateTime lastModified;
    QMap<QString, QString> metadata;  // x-amz-meta-* (name without prefix, lower case)
};

struct ListPage {
    QList<ObjectInfo> objects;
    QString nextContinuationToken;    // empty when this was the last page
};

struct PutOptions {
    QString contentType = QStringLiteral("application/dicom");
    QMap<QString, QString> metadata;
    QString storageClass;             // empty = bucket default (STANDARD)
};

class S3Client {
public:
    S3Client(S3Settings settings, SigningKey credentials);
    ~S3Client();
    S3Client(const S3Client &) = delete;
    S3Client &operator=(const S3Client &) = delete;

    const S3Settings &settings() const { return m_settings; }

    // The URL of `key` (or of the bucket when empty) in the configured addressing.
    QUrl objectUrl(const QString &key) const;

    core::Status createBucket();
    // PUT with Content-MD5; the returned ETag was checked against the MD5.
    core::Result<ObjectInfo> putObject(const QString &key, const QByteArray &data, const PutOptions &options = {});
    // Uploads a file: one PUT below the multipart threshold, else a multipart
    // upload whose parts each carry Content-MD5 (aborted on failure).
    core::Result<ObjectInfo> putFile(const QString &key, const QString &path, const PutOptions &options = {});
    // Whole object (length < 0) or the byte range [offset, offset + length).
    core::Result<QByteArray> getObject(const QString &key, qint64 offset = 0, qint64 length = -1);
    core::Result<ObjectInfo> headObject(const QString &key);
    core::Result<ListPage> listObjects(const QString &prefix, const QString &continuationToken = {}, int maxKeys = 1000);
    core::Result<QList<ObjectInfo>> listAll(const QString &prefix);
    core::Status deleteObject(const QString &key);
    // Server-side copy (used to change the storage class in place).
    core::Status copyObject(const QString &sourceKey, const QString &destinationKey, const QString &storageClass);

    // HTTP status of the last request (0 when it never got an answer).
    int lastStatus() const { return m_lastStatus; }

    struct Response {
        int status = 0;
        QMap<QByteArray, QByteArray> headers;   // names in lower case
        QByteArray body;
        QString transportError;
    };

private:
    Response request(const QByteArray &method, const QString &key, const QList<QPair<QByteArray, QByteArray>> &query,
                     QList<QPair<QByteArray, QByteArray>> headers, const QByteArray &body);
    core::Error failure(const QString &what, const Response &r) const;
    core::Result<ObjectInfo> putMultipart(const QString &key, const QString &path, qint64 size, const PutOptions &options);

    S3Settings m_settings;
    SigningKey m_credentials;
    void *m_curl = nullptr;
    int m_lastStatus = 0;
};

// Hex MD5 / SHA-256 of bytes.
QString md5Hex(const QByteArray &data);
QString sha256Hex(const QByteArray &data);

} // namespace kilima::cloud
