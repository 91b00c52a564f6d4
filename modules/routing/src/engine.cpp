#include <kilima/routing/engine.h>

#include <kilima/archive/archive.h>
#include <kilima/archive/auditlog.h>
#include <kilima/archive/knownnodes.h>
#include <kilima/archive/sqlite.h>
#include <kilima/cloud/cloudtier.h>
#include <kilima/cloud/credentials.h>
#include <kilima/cloud/s3client.h>
#include <kilima/dicom/attributes.h>
#include <kilima/dicomnet/scu.h>
#include <kilima/dicomweb/client.h>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>


Q_LOGGING_CATEGORY(lcRouting, "kilima.routing")

namespace kilima::routing {

QString callingAeOfSource(const QString &source)
{
    static const QRegularExpression re(QStringLiteral("^C-STORE from (.+)@[^@]*$"));
    const QRegularExpressionMatch m = re.match(source);
    return m.hasMatch() ? m.captured(1).trimmed() : QString();
}

namespace {

InstanceFacts readFacts(const QString &path, const QString &callingAe)
{
    InstanceFacts f;
    const QDateTime now = QDateTime::currentDateTime();
    f.arrival = now.time();
    f.arrivalWeekday = now.date().dayOfWeek();
    f.callingAe = callingAe;
    DcmFileFormat ff;
    const OFCondition c = ff.loadFileUntilTag(QFile::encodeName(path).constData(), EXS_Unknown, EGL_noChange,
                                              DCM_MaxReadLength, ERM_autoDetect, DCM_PixelData);
    if (c.bad())
        return f;
    DcmDataset &ds = *ff.getDataset();
    f.modality = dicom::stringValue(ds, DCM_Modality);
    f.bodyPart = dicom::stringValue(ds, DCM_BodyPartExamined);
    f.institution = dicom::stringValue(ds, DCM_InstitutionName);
    f.referringPhysician = dicom::stringValue(ds, DCM_ReferringPhysicianName);
    f.stationName = dicom::stringValue(ds, DCM_StationName);
    f.studyDescription = dicom::stringValue(ds, DCM_StudyDescription);
    f.seriesDescription = dicom::stringValue(ds, DCM_SeriesDescription);
    f.priority = dicom::stringValue(ds, DCM_RequestedProcedurePriority);
    if (f.priority.isEmpty())
        f.priority = dicom::stringValue(ds, DCM_RETIRED_StudyPriorityID);
    if (f.callingAe.isEmpty() && ff.getMetaInfo())
        f.callingAe = dicom::stringValue(*ff.getMetaInfo(), DCM_SourceApplicationEntityTitle);
    return f;
}

} // namespace

RoutingEngine::RoutingEngine(archive::Archive &archive, RoutingConfig rules, core::Config nodeConfig)
    : m_archive(archive), m_rules(std::move(rules)), m_config(std::move(nodeConfig))
{
}

RoutingEngine::~RoutingEngine() { stop(); }

core::Status RoutingEngine::start()
{
    auto queue = ForwardQueue::open(m_archive.databasePath());
    if (!queue)
        return core::Error{queue.error()};
    m_queue = queue.take();
    const int recovered = m_queue->recoverInFlight();
    if (recovered > 0)
        qCInfo(lcRouting) << recovered << "forwards interrupted by the last stop will be sent again";
    if (m_queue->watermark() < 0) {
        // Rules apply from now on; what was stored before is not re-sent.
        qint64 max = 0;
        std::lock_guard<std::mutex> lock(m_queue->mutex());
        archive::Statement s(m_queue->db(), "SELECT COALESCE(MAX(id), 0) FROM instances");
        if (s.next())
            max = s.int64(0);
        archive::Statement w(m_queue->db(), "INSERT OR REPLACE INTO routing_state(key, value) VALUES('evaluated_id', ?)");
        w.bind(1, QString::number(max));
        w.exec();
    }
    m_stop = false;
    m_observer = m_archive.addIngestObserver([this](const archive::IngestOutcome &o) {
        {
            std::lock_guard<std::mutex> lock(m_sourcesMutex);
            m_callingAe.insert(o.sopInstanceUid, callingAeOfSource(o.source));
        }
        std::lock_guard<std::mutex> lock(m_wakeMutex);
        m_newWork = true;
        m_wake.notify_all();
    });
    m_threads.emplace_back([this] { evaluatorLoop(); });
    for (const Destination &d : m_rules.destinations) {
        for (int i = 0; i < d.parallelism; ++i)
            m_threads.emplace_back([this, d] { workerLoop(d); });
    }
    qCInfo(lcRouting).noquote() << QStringLiteral("routing: %1 rules, %2 destinations").arg(m_rules.rules.size()).arg(m_rules.destinations.size());
    return {};
}

void RoutingEngine::stop()
{
    if (m_threads.empty())
        return;
    m_archive.removeIngestObserver(m_observer);
    {
        std::lock_guard<std::mutex> lock(m_wakeMutex);
        m_stop = true;
    }
    m_wake.notify_all();
    for (std::thread &t : m_threads)
        t.join();
    m_threads.clear();
}

int RoutingEngine::evaluatePending()
{
    struct Row {
        qint64 id;
        QString sop, series, study;
    };
    int queued = 0;
    for (;;) {
        const qint64 mark = m_queue->watermark();
        QList<Row> rows;
        {
            std::lock_guard<std::mutex> lock(m_queue->mutex());
            archive::Statement s(m_queue->db(), R"sql(
SELECT i.id, i.sop_uid, se.series_uid, st.study_uid FROM instances i
JOIN series se ON se.id = i.series_fk JOIN studies st ON st.id = se.study_fk
WHERE i.id > ? ORDER BY i.id LIMIT 500)sql");
            s.bind(1, mark);
            while (s.next())
                rows.append({s.int64(0), s.text(1), s.text(2), s.text(3)});
        }
        if (rows.isEmpty())
            return queued;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const Row &r : rows) {
            QString ae;
            {
                std::lock_guard<std::mutex> lock(m_sourcesMutex);
                ae = m_callingAe.take(r.sop);
            }
            const auto files = m_archive.instanceFiles(archive::Level::Instance, r.sop);
            if (!files || files.value().isEmpty())
                continue;   // deleted meanwhile
            const InstanceFacts facts = readFacts(files.value().first(), ae);
            for (const Rule &rule : m_rules.rules) {
                if (!rule.enabled || !rule.condition.matches(facts))
                    continue;
                const bool stable = rule.trigger == Trigger::StableStudy;
                const QDateTime ready = stable ? now.addSecs(rule.stableSeconds) : now;
                for (const QString &dest : rule.destinations) {
                    if (m_queue->enqueue(r.sop, r.study, r.series, rule.name, dest, rule.priority, ready, stable))
                        ++queued;
                }
                if (stable)
                    m_queue->touchStudy(r.study, rule.name, ready);
            }
        }
        m_queue->setWatermark(rows.last().id);
        {
            std::lock_guard<std::mutex> lock(m_wakeMutex);
            m_wake.notify_all();   // workers: new items
        }
    }
}

void RoutingEngine::evaluatorLoop()
{
    int ticks = 0;
    while (!m_stop) {
        evaluatePending();
        if (++ticks % 3600 == 0)
            m_queue->purgeDone(7);
        std::unique_lock<std::mutex> lock(m_wakeMutex);
        m_wake.wait_for(lock, std::chrono::seconds(1), [this] { return m_stop || m_newWork; });
        m_newWork = false;
    }
}

void RoutingEngine::workerLoop(const Destination &destination)
{
    const int batch = destination.type == Destination::Type::S3 ? 8 : 32;
    while (!m_stop) {
        const QList<QueueItem> items = m_queue->claim(destination.name, batch);
        if (items.isEmpty()) {
            std::unique_lock<std::mutex> lock(m_wakeMutex);
            m_wake.wait_for(lock, std::chrono::milliseconds(500), [this] { return m_stop.load(); });
            continue;
        }
        deliver(destination, items);
    }
}

void RoutingEngine::deliver(const Destination &destination, const QList<QueueItem> &items)
{
    QList<QueueItem> sendable;
    QStringList files;
    for (const QueueItem &item : items) {
        const auto f = m_archive.instanceFiles(archive::Level::Instance, item.sopUid);
        if (!f || f.value().isEmpty()) {
            m_queue->markFailed(item.id, f ? QStringLiteral("the instance is no longer in the archive") : f.error(), m_rules.retry);
            continue;
        }
        sendable.append(item);
        files.append(f.value().first());
    }
    if (sendable.isEmpty())
        return;
    QString fatal;
    QStringList errors;
    switch (destination.type) {
    case Destination::Type::Dicom:
        errors = sendDicom(destination, sendable, files, &fatal);
        break;
    case Destination::Type::DicomWeb:
        errors = sendDicomWeb(destination, sendable, files, &fatal);
        break;
    case Destination::Type::S3:
        errors = sendS3(destination, sendable, files, &fatal);
        break;
    }
    QList<qint64> done;
    int failed = 0;
    for (int i = 0; i < sendable.size(); ++i) {
        const QString e = !fatal.isEmpty() ? fatal : errors.value(i);
        if (e.isEmpty()) {
            done.append(sendable.at(i).id);
        } else {
            ++failed;
            m_queue->markFailed(sendable.at(i).id, e, m_rules.retry);
        }
    }
    m_queue->markDone(done);
    archive::AuditRecord a;
    a.time = QDateTime::currentDateTimeUtc();
    a.actor = QStringLiteral("routing");
    a.action = QStringLiteral("forward");
    a.studyUid = sendable.first().studyUid;
    a.outcome = failed == 0 ? QStringLiteral("success") : QStringLiteral("failure");
    a.detail = QStringLiteral("%1 of %2 instances to %3").arg(done.size()).arg(sendable.size()).arg(destination.name);
    if (failed)
        a.detail += QStringLiteral(": ") + (fatal.isEmpty() ? QStringLiteral("some refused") : fatal);
    m_archive.auditLog().append(a);
    if (failed)
        qCWarning(lcRouting).noquote() << QStringLiteral("forward to %1: %2 of %3 failed, will retry: %4")
                                              .arg(destination.name).arg(failed).arg(sendable.size()).arg(fatal.isEmpty() ? errors.join(QStringLiteral("; ")).left(300) : fatal);
}

QStringList RoutingEngine::sendDicom(const Destination &d, const QList<QueueItem> &items, const QStringList &files, QString *fatal)
{
    dicomnet::ScuConfig c;
    c.callingAe = m_config.node.aeTitle;
    c.maxPduSize = m_config.node.maxPduSize;
    c.acseTimeoutSeconds = m_config.node.acseTimeoutSeconds;
    c.dimseTimeoutSeconds = m_config.node.dimseTimeoutSeconds;
    if (!d.node.isEmpty()) {
        const auto nodes = m_archive.knownNodes().list();
        bool found = false;
        if (nodes) {
            for (const archive::KnownNode &n : nodes.value()) {
                if (n.name == d.node) {
                    c.remote = {n.name, n.aeTitle, n.host, quint16(n.port), n.tls};
                    found = true;
                }
            }
        }
        if (!found) {
            *fatal = QStringLiteral("known node \"%1\" does not exist (kilima-node nodes add)").arg(d.node);
            return {};
        }
    } else {
        c.remote = {d.name, d.aeTitle, d.host, quint16(d.port), d.tls};
    }
    if (c.remote.tls) {
        c.tls.certificateFile = m_config.tls.certificateFile;
        c.tls.privateKeyFile = m_config.tls.privateKeyFile;
        c.tls.trustedCaFile = m_config.tls.trustedCaFile;
    }
    const auto result = dicomnet::Scu::store(c, files);
    if (!result) {
        *fatal = result.error();
        return {};
    }
    QStringList errors;
    for (int i = 0; i < items.size(); ++i) {
        QString e;
        for (const QString &f : result.value().failures) {
            if (f.startsWith(files.at(i)))
                e = f.mid(files.at(i).size()).remove(0, 2);
        }
        errors << e;
    }
    return errors;
}

QStringList RoutingEngine::sendDicomWeb(const Destination &d, const QList<QueueItem> &items, const QStringList &files, QString *fatal)
{
    // STOW-RS (PS3.18 10.5) through the DICOMweb module's client: one
    // request per batch, streamed from the stored files.
    dicomweb::ClientConfig c;
    c.baseUrl = d.url;
    if (!d.tokenEnv.isEmpty())
        c.bearerToken = qEnvironmentVariable(d.tokenEnv.toLatin1().constData());
    c.readTimeoutSeconds = 600;
    dicomweb::Client client(c);
    const auto report = client.store(files);
    if (!report) {
        *fatal = QStringLiteral("STOW-RS to %1: %2").arg(d.url, report.error());
        return {};
    }
    // Per-instance failures ("SOP UID: reason") are retried, the rest is done.
    QStringList errors;
    for (const QueueItem &item : items) {
        QString e;
        for (const QString &f : report.value().failures) {
            if (f.startsWith(item.sopUid + QLatin1Char(':')))
                e = QStringLiteral("STOW-RS refused it: ") + f.mid(item.sopUid.size() + 1).trimmed();
        }
        errors << e;
    }
    return errors;
}

QStringList RoutingEngine::sendS3(const Destination &d, const QList<QueueItem> &items, const QStringList &files, QString *fatal)
{
    const cloud::FileCredentialStore store(cloud::FileCredentialStore::defaultPath(m_archive.dataDir().root()));
    const auto key = cloud::resolveCredentials(store);
    if (!key) {
        *fatal = key.error();
        return {};
    }
    cloud::S3Settings s;
    s.endpoint = d.endpoint;
    s.bucket = d.bucket;
    s.region = d.region;
    s.pathStyle = d.pathStyle;
    cloud::S3Client client(s, key.value());
    QStringList errors;
    for (int i = 0; i < items.size(); ++i) {
        QFile f(files.at(i));
        if (!f.open(QIODevice::ReadOnly)) {
            errors << QStringLiteral("cannot read %1").arg(files.at(i));
            continue;
        }
        const QByteArray bytes = f.readAll();
        cloud::PutOptions options;
        options.metadata.insert(QStringLiteral("sha256"), cloud::sha256Hex(bytes));
        const QString objectKey = cloud::CloudTier::objectKey(d.prefix, items.at(i).studyUid, items.at(i).seriesUid, items.at(i).sopUid);
        const auto put = client.putObject(objectKey, bytes, options);
        errors << (put ? QString() : put.error());
    }
    return errors;
}

} // namespace kilima::routing
