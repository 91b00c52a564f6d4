// The files of the web viewer (OHIF's built dist/, installed outside the
// source tree by installers/install-deps.sh) served under /viewer: content
// types, ETags, long caching for content-hashed bundles, gzip of text
// files, index.html for the viewer's own routes, and app-config.js made
// per request so that the viewer reads this node's DICOMweb on the same
// origin and nothing else. Never serves a file outside the folder (no
// "..", no symbolic link leading out). Thread safe.
#pragma once

#include "service_p.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <mutex>

namespace kilima::dicomweb {

class ViewerFiles {
public:
    explicit ViewerFiles(const core::Config &config);

    // The folder in use, or empty when the viewer is not installed.
    QString directory() const { return m_dir; }
    bool installed() const { return !m_dir.isEmpty(); }
    // The folder http.viewerDir names or, when unset, the first of the
    // default places holding an index.html (install-deps.sh's targets).
    static QString resolveDirectory(const core::Config &config);
    static QStringList defaultDirectories();

    // `rest`: the decoded path below /viewer/ ("" for the index). Requests
    // that name no file (the viewer's routes) get index.html; `isIndex`
    // tells the caller so (it needs a session).
    HttpReply get(const QString &rest, const QByteArray &ifNoneMatch, const QByteArray &acceptEncoding, bool *isIndex);
    // Whether `rest` would be answered with index.html.
    bool isIndexRoute(const QString &rest) const;

    // The page /viewer answers when OHIF is not installed.
    static HttpReply notInstalledPage(const core::Config &config);

private:
    HttpReply index() const;
    HttpReply appConfig() const;

    const core::Config m_config;
    QString m_dir;           // canonical, without a trailing slash
    QByteArray m_index;      // index.html with its paths moved under /viewer/
    mutable std::mutex m_mutex;
    QHash<QString, QByteArray> m_gzipped;   // by path|size|mtime
    qint64 m_gzippedBytes = 0;
};

} // namespace kilima::dicomweb
