// Query/retrieve against a remote node over DIMSE: C-FIND at study level
// with the same filters as the local browser, and C-GET or C-MOVE of one
// study into the local archive. Blocking: call from a worker thread, never
// from the UI thread. Errors are worded for a person at the workstation
// ("the node did not answer: check that it runs and that host and port are
// right").
#pragma once

#include <kilima/archive/knownnodes.h>
#include <kilima/core/result.h>
#include <kilima/dicomnet/scu.h>

#include <QDate>
#include <QList>
#include <QString>
#include <functional>

namespace kilima::archive {
class Archive;
}

namespace kilima::browser {

struct RemoteFilter {
    QString text;        // as the local browser: digits = patient ID prefix, else part of the name
    QString patientId;   // exact patient ID (priors); wins over text
    QDate from, to;
    QString modality;
};

struct RemoteStudy {
    QString studyUid;
    QString patientName;
    QString patientId;
    QString birthDate;
    QString sex;
    QString studyDate;
    QString studyTime;
    QString modalities;
    QString description;
    QString accession;
    int instances = 0;
};

enum class RetrieveMethod { Get, Move, WadoRs };

// A DICOMweb server (QIDO-RS search, WADO-RS retrieve). The password is
// never stored with it: it comes from the keychain when needed.
struct WebServer {
    QString name;
    QString baseUrl;     // "https://pacs.example.org/dicom-web"
    QString user;        // empty: no authentication
    QString password;
};

struct RetrieveResult {
    int received = 0;    // instances stored in the local archive (C-GET) or reported completed (C-MOVE)
    int failed = 0;
    QString warning;     // non-empty when something was not retrieved
};

class RemoteStudies {
public:
    // The SCU settings to reach `node` as `callingAe`.
    static dicomnet::ScuConfig scuConfig(const archive::KnownNode &node, const QString &callingAe);

    static core::Status echo(const dicomnet::ScuConfig &config);
    static core::Result<QList<RemoteStudy>> find(const dicomnet::ScuConfig &config, const RemoteFilter &filter);
    // C-GET: the instances come back on the same association and are
    // ingested here. C-MOVE: the remote sends them to `moveDestination`
    // (this workstation's node, which must be running and known there).
    // `progress(done, total)` after each instance when the peer says.
    static core::Result<RetrieveResult> retrieve(const dicomnet::ScuConfig &config, archive::Archive &archive,
                                                 const QString &studyUid, RetrieveMethod method,
                                                 const QString &moveDestination,
                                                 const std::function<void(int, int)> &progress = {});

    static core::Result<QList<RemoteStudy>> find(const WebServer &server, const RemoteFilter &filter);
    static core::Result<RetrieveResult> retrieve(const WebServer &server, archive::Archive &archive,
                                                 const QString &studyUid);

    // A DIMSE error turned into what to do about it.
    static QString explain(const QString &error, const dicomnet::ScuConfig &config);
};

} // namespace kilima::browser
