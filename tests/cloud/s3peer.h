// s3rver (npm, installed into tests/cloud/s3rver by installers/install-deps.sh)
// on a free loopback port, and awscli as the independent client that checks
// what is in the bucket. Shared by the cloud and routing tests.
#pragma once

#include "peers.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace kilima::test {

inline QString s3rverScript()
{
    return QStringLiteral(KILIMA_SOURCE_DIR "/tests/cloud/s3rver/node_modules/s3rver/bin/s3rver.js");
}

// Why s3rver cannot run here, or empty when it can.
inline QString s3rverUnavailable()
{
    if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
        return QStringLiteral("node (Node.js) is not installed: s3rver cannot run");
    if (!QFile::exists(s3rverScript()))
        return QStringLiteral("s3rver is not installed in tests/cloud/s3rver: run installers/install-deps.sh (npm ci there)");
    if (QStandardPaths::findExecutable(QStringLiteral("aws")).isEmpty())
        return QStringLiteral("awscli is not installed");
    return {};
}

class S3Server {
public:
    explicit S3Server(QString storeDir) : m_dir(std::move(storeDir)) { QDir().mkpath(m_dir); }
    bool start(quint16 port = 0)
    {
        if (port)
            m_port = port;
        else if (!m_port)
            m_port = freePort();
        m_peer = std::make_unique<Peer>();
        if (!m_peer->start(QStandardPaths::findExecutable(QStringLiteral("node")),
                           // s3rver's continuation tokens use DES, which OpenSSL 3 keeps in its legacy provider.
                           {QStringLiteral("--openssl-legacy-provider"), s3rverScript(), QStringLiteral("-d"), m_dir, QStringLiteral("-a"), QStringLiteral("127.0.0.1"),
                            QStringLiteral("-p"), QString::number(m_port), QStringLiteral("--silent")}))
            return false;
        return waitForPort(m_port, 20000);
    }
    void kill()
    {
        if (m_peer)
            m_peer->kill();
        m_peer.reset();
    }
    void stop()
    {
        if (m_peer)
            m_peer->terminate(3000);
        m_peer.reset();
    }
    quint16 port() const { return m_port; }
    QString endpoint() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    QString dir() const { return m_dir; }

    // `aws --endpoint-url ... ARGS` with s3rver's default credentials.
    int aws(const QStringList &args, QString *out = nullptr) const
    {
        qputenv("AWS_ACCESS_KEY_ID", "S3RVER");
        qputenv("AWS_SECRET_ACCESS_KEY", "S3RVER");
        qputenv("AWS_DEFAULT_REGION", "us-east-1");
        qputenv("AWS_EC2_METADATA_DISABLED", "true");
        const int rc = runTool(QStandardPaths::findExecutable(QStringLiteral("aws")),
                               QStringList{QStringLiteral("--endpoint-url"), endpoint()} + args, out, 300000);
        qunsetenv("AWS_ACCESS_KEY_ID");
        qunsetenv("AWS_SECRET_ACCESS_KEY");
        return rc;
    }
    bool createBucket(const QString &bucket) const
    {
        return aws({QStringLiteral("s3api"), QStringLiteral("create-bucket"), QStringLiteral("--bucket"), bucket}) == 0;
    }
    // key -> ETag (MD5 hex, quotes removed), listed by awscli (it follows continuation).
    QMap<QString, QString> listEtags(const QString &bucket, const QString &prefix = {}) const
    {
        QString out;
        QStringList args{QStringLiteral("s3api"), QStringLiteral("list-objects-v2"), QStringLiteral("--bucket"), bucket,
                         QStringLiteral("--output"), QStringLiteral("json")};
        if (!prefix.isEmpty())
            args << QStringLiteral("--prefix") << prefix;
        QMap<QString, QString> result;
        if (aws(args, &out) != 0)
            return result;
        const int brace = int(out.indexOf(QLatin1Char('{')));
        const QJsonArray contents = QJsonDocument::fromJson(out.mid(brace).toUtf8()).object().value(QStringLiteral("Contents")).toArray();
        for (const QJsonValue &v : contents) {
            QString etag = v.toObject().value(QStringLiteral("ETag")).toString();
            etag.remove(QLatin1Char('"'));
            result.insert(v.toObject().value(QStringLiteral("Key")).toString(), etag);
        }
        return result;
    }

private:
    QString m_dir;
    quint16 m_port = 0;
    std::unique_ptr<Peer> m_peer;
};

} // namespace kilima::test
