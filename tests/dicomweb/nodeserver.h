// `kilima-node serve` on free loopback ports for tests that talk to it with
// curl (a real, independent client): the data folder, the first admin's
// password and a curl wrapper that keeps each response's headers and body.
// Shared by tst_server (what DICOMweb answers) and tst_serverauth (who may
// ask); the process is always terminated with the test object.
#pragma once

#include "nodecli.h"
#include "peers.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace kilima::test {

struct CurlResponse {
    int status = 0;
    QByteArray headers;   // raw, lower-cased
    QByteArray body;
    QString verbose;
    QByteArray header(const char *name) const
    {
        const QRegularExpression re(QStringLiteral("(?m)^%1:\\s*(.*?)\\r?$").arg(QString::fromLatin1(name)));
        // last response block only (after redirects/100-continue)
        const QByteArray block = headers.mid(headers.lastIndexOf("http/1.1"));
        const auto m = re.match(QString::fromLatin1(block));
        return m.hasMatch() ? m.captured(1).toLatin1() : QByteArray();
    }
};

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

class NodeServerTest : public QObject {
protected:
    // Writes {"http": http} as kilima.json, imports `files` and starts
    // serve; false with the reason in `why`.
    bool startNode(const QJsonObject &http, const QStringList &files, QString *why)
    {
        m_data = m_tmp.filePath(QStringLiteral("data"));
        QDir().mkpath(m_data);
        QFile cfg(m_data + QStringLiteral("/kilima.json"));
        if (!cfg.open(QIODevice::WriteOnly)) {
            *why = cfg.errorString();
            return false;
        }
        cfg.write(QJsonDocument(QJsonObject{{QStringLiteral("http"), http}}).toJson());
        cfg.close();
        QString out;
        if (node(m_data, QStringList{QStringLiteral("import")} + files, &out) != 0) {
            *why = QStringLiteral("import failed: ") + out;
            return false;
        }
        m_http = freePort();
        m_dicom = freePort();
        if (!m_node.start(nodeBinary(), {QStringLiteral("--data-dir"), m_data, QStringLiteral("serve"), QStringLiteral("--dicom-port"),
                                         QString::number(m_dicom), QStringLiteral("--http-port"), QString::number(m_http),
                                         QStringLiteral("--bind"), QStringLiteral("127.0.0.1")}) ||
            !m_node.waitForPort(m_http, 30000)) {
            *why = QStringLiteral("serve did not start: ") + m_node.output();
            return false;
        }
        if (!QTest::qWaitFor([this] { return m_node.output().contains(QLatin1String("its password is in ")); }, 10000)) {
            *why = QStringLiteral("serve did not name the first admin's password file: ") + m_node.output();
            return false;
        }
        m_password = initialAdminPassword(m_node.output());
        m_base = QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(m_http);
        if (m_password.isEmpty())
            *why = QStringLiteral("no first admin password: ") + m_node.output();
        return !m_password.isEmpty();
    }

    CurlResponse curl(const QStringList &args, bool auth = true)
    {
        CurlResponse r;
        const QString prefix = m_tmp.filePath(QStringLiteral("r%1").arg(++m_n));
        QStringList a{QStringLiteral("-s"), QStringLiteral("-v"), QStringLiteral("-D"), prefix + QStringLiteral(".h"),
                      QStringLiteral("-o"), prefix + QStringLiteral(".b"), QStringLiteral("--max-time"), QStringLiteral("60")};
        if (auth)
            a << QStringLiteral("-u") << QStringLiteral("admin:") + m_password;
        a += args;
        QString out;
        runTool(QStringLiteral("curl"), a, &out, 90000);
        r.verbose = out;
        r.headers = readFile(prefix + QStringLiteral(".h")).toLower();
        r.body = readFile(prefix + QStringLiteral(".b"));
        QRegularExpressionMatchIterator it = QRegularExpression(QStringLiteral("http/1.1 (\\d+)")).globalMatch(QString::fromLatin1(r.headers));
        while (it.hasNext())
            r.status = it.next().captured(1).toInt();
        return r;
    }
    CurlResponse get(const QString &path, const QStringList &extra = {}, bool auth = true)
    {
        return curl(extra + QStringList{m_base + path}, auth);
    }

    QTemporaryDir m_tmp;
    QString m_data;
    quint16 m_http = 0, m_dicom = 0;
    Peer m_node;
    QString m_password;
    QString m_base;
    int m_n = 0;
};

} // namespace kilima::test
