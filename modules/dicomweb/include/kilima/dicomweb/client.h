// A DICOMweb client for remote servers (Orthanc, dcm4chee, another Kilima):
// QIDO-RS search, WADO-RS retrieve (streamed part by part, optionally
// straight into the archive through Archive::ingest) and STOW-RS (streamed
// from files). HTTP Basic or a bearer token; HTTPS with system or given CA.
// Blocking: call from a worker thread, never the UI thread. One Client per
// thread (it keeps one keep-alive connection).
#pragma once

#include <kilima/archive/query.h>
#include <kilima/core/result.h>

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

namespace kilima::archive {
class Archive;
}

namespace kilima::dicomweb {

struct ClientConfig {
    QString baseUrl;          // "https://pacs.example.org/dicom-web"
    QString user;             // Basic, when set
    QString password;
    QString bearerToken;      // instead of Basic
    QString caFile;           // PEM; empty = system store
    bool verifyPeer = true;
    int connectTimeoutSeconds = 10;
    int readTimeoutSeconds = 120;
};

struct StoreReport {
    int httpStatus = 0;
    QStringList storedSopUids;
    // "SOP UID: failure reason 0xC000" per failed instance
    QStringList failures;
};

struct RetrieveReport {
    int received = 0;
    int stored = 0;           // newly stored or already present
    QStringList failures;     // one line per instance the archive refused
};

class Client {
public:
    explicit Client(ClientConfig config);
    ~Client();
    Client(const Client &) = delete;
    Client &operator=(const Client &) = delete;

    // QIDO-RS at `level`, optionally below a study (and series). `params`
    // are query parameters as sent ("PatientID" = "X*", "includefield" =
    // "all", "limit" = "10").
    core::Result<QList<QJsonObject>> search(archive::Level level, const QList<QPair<QString, QString>> &params,
                                            const QString &studyUid = {}, const QString &seriesUid = {});

    // WADO-RS retrieve of a study, series (seriesUid set) or instance (all
    // three set). Each instance is handed over as it arrives; return false
    // from `onInstance` to stop. transferSyntax "*" asks for the stored form.
    core::Result<int> retrieve(const QString &studyUid, const QString &seriesUid, const QString &sopUid,
                               const std::function<bool(QByteArray &instance)> &onInstance,
                               const QString &transferSyntax = QStringLiteral("*"));
    // The same, stored into `archive` (one ingest per instance).
    core::Result<RetrieveReport> retrieveInto(archive::Archive &archive, const QString &studyUid,
                                              const QString &seriesUid = {}, const QString &sopUid = {});

    // WADO-RS metadata: the DICOM JSON array.
    core::Result<QList<QJsonObject>> metadata(const QString &studyUid, const QString &seriesUid = {},
                                              const QString &sopUid = {});

    // STOW-RS of Part 10 files (streamed from disk) to /studies or
    // /studies/{studyUid}. An error only when the request failed as a
    // whole; per-instance failures are in the report.
    core::Result<StoreReport> store(const QStringList &files, const QString &studyUid = {});

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace kilima::dicomweb
