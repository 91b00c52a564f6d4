#include "index_p.h"
#include "querysql_p.h"
#include "sqlite_p.h"

#include <kilima/dicom/attributes.h>

#include <QDateTime>
#include <QLoggingCategory>

namespace kilima::archive {

Q_LOGGING_CATEGORY(lcIndex, "kilima.archive.index")

namespace {

// Version 1. Later versions append a migration step; never edit this one.
const char *const kSchemaV1 = R"sql(
CREATE TABLE patients(
  id INTEGER PRIMARY KEY,
  patient_key TEXT NOT NULL UNIQUE,
  patient_id TEXT NOT NULL,
  issuer TEXT NOT NULL DEFAULT '',
  patient_name TEXT NOT NULL DEFAULT '',
  patient_name_key TEXT NOT NULL DEFAULT '',
  birth_date TEXT NOT NULL DEFAULT '',
  sex TEXT NOT NULL DEFAULT '',
  num_studies INTEGER NOT NULL DEFAULT 0,
  num_series INTEGER NOT NULL DEFAULT 0,
  num_instances INTEGER NOT NULL DEFAULT 0);
CREATE INDEX patients_id ON patients(patient_id);
CREATE INDEX patients_name ON patients(patient_name_key);
CREATE TABLE studies(
  id INTEGER PRIMARY KEY,
  patient_fk INTEGER NOT NULL REFERENCES patients(id),
  study_uid TEXT NOT NULL UNIQUE,
  study_date TEXT NOT NULL DEFAULT '',
  study_time TEXT NOT NULL DEFAULT '',
  accession TEXT NOT NULL DEFAULT '',
  study_id TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  referring TEXT NOT NULL DEFAULT '',
  referring_key TEXT NOT NULL DEFAULT '',
  modalities TEXT NOT NULL DEFAULT '\',
  sop_classes TEXT NOT NULL DEFAULT '\',
  num_series INTEGER NOT NULL DEFAULT 0,
  num_instances INTEGER NOT NULL DEFAULT 0,
  size_bytes INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT '');
CREATE INDEX studies_patient ON studies(patient_fk);
CREATE INDEX studies_date ON studies(study_date, study_time);
CREATE INDEX studies_accession ON studies(accession);
CREATE TABLE series(
  id INTEGER PRIMARY KEY,
  study_fk INTEGER NOT NULL REFERENCES studies(id),
  series_uid TEXT NOT NULL UNIQUE,
  modality TEXT NOT NULL DEFAULT '',
  series_number INTEGER,
  description TEXT NOT NULL DEFAULT '',
  body_part TEXT NOT NULL DEFAULT '',
  series_date TEXT NOT NULL DEFAULT '',
  series_time TEXT NOT NULL DEFAULT '',
  pps_start_date TEXT NOT NULL DEFAULT '',
  num_instances INTEGER NOT NULL DEFAULT 0);
CREATE INDEX series_study ON series(study_fk);
CREATE INDEX series_modality ON series(modality);
CREATE TABLE instances(
  id INTEGER PRIMARY KEY,
  series_fk INTEGER NOT NULL REFERENCES series(id),
  sop_uid TEXT NOT NULL UNIQUE,
  sop_class TEXT NOT NULL,
  instance_number INTEGER,
  content_date TEXT NOT NULL DEFAULT '',
  content_time TEXT NOT NULL DEFAULT '',
  rows INTEGER, columns INTEGER, frames INTEGER,
  transfer_syntax TEXT NOT NULL,
  path TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  received_at TEXT NOT NULL);
CREATE INDEX instances_series ON instances(series_fk, instance_number);
CREATE INDEX instances_path ON instances(path);
)sql";

// Version 2: known nodes, the audit log and modality worklist items.
const char *const kSchemaV2 = R"sql(
CREATE TABLE nodes(
  name TEXT PRIMARY KEY,
  ae_title TEXT NOT NULL,
  host TEXT NOT NULL,
  port INTEGER NOT NULL,
  tls INTEGER NOT NULL DEFAULT 0,
  permissions TEXT NOT NULL DEFAULT '');
CREATE INDEX nodes_ae ON nodes(ae_title);
CREATE TABLE audit(
  id INTEGER PRIMARY KEY,
  time TEXT NOT NULL,
  actor TEXT NOT NULL DEFAULT '',
  peer_host TEXT NOT NULL DEFAULT '',
  calling_ae TEXT NOT NULL DEFAULT '',
  called_ae TEXT NOT NULL DEFAULT '',
  association INTEGER NOT NULL DEFAULT 0,
  action TEXT NOT NULL,
  study_uid TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '');
CREATE INDEX audit_time ON audit(time);
CREATE INDEX audit_study ON audit(study_uid);
CREATE TABLE worklist(
  id INTEGER PRIMARY KEY,
  item TEXT NOT NULL,
  patient_name_key TEXT NOT NULL DEFAULT '',
  patient_id TEXT NOT NULL DEFAULT '',
  accession TEXT NOT NULL DEFAULT '',
  requested_procedure_id TEXT NOT NULL DEFAULT '',
  modality TEXT NOT NULL DEFAULT '',
  station_ae TEXT NOT NULL DEFAULT '',
  start_date TEXT NOT NULL DEFAULT '',
  start_time TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL);
CREATE INDEX worklist_date ON worklist(start_date);
CREATE INDEX worklist_accession ON worklist(accession);
)sql";

QVariant optionalInt(int v) { return v >= 0 ? QVariant(qint64(v)) : QVariant(); }

} // namespace

Index::Index(sqlite3 *db) : m_db(db), m_cache(std::make_unique<StatementCache>(db)) {}

Index::~Index()
{
    m_cache.reset();
    // Keeps the planner's statistics fresh as the archive grows (cheap:
    // only tables whose size changed a lot are analysed).
    execSql(m_db, "PRAGMA optimize");
    sqlite3_close_v2(m_db);
}

core::Result<std::unique_ptr<Index>> Index::open(const QString &path)
{
    sqlite3 *db = nullptr;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const QString why = QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close_v2(db);
        return core::Error{QStringLiteral("cannot open index %1: %2").arg(path, why)};
    }
    sqlite3_busy_timeout(db, 30000);
    std::unique_ptr<Index> index(new Index(db));
    QString error;
    // synchronous=NORMAL: the WAL is not flushed per commit; the archive
    // flushes the filesystem once per commit group (StorageArea::
    // syncStorage) before anything is acknowledged, which makes the rows
    // and the files durable together. NORMAL keeps the database
    // consistent on a power cut; the durable mark lets repair drop rows
    // that were committed but never flushed (never acknowledged).
    // acknowledged instance survives a power cut, not only a crash.
    if (!execSql(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                     "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;", &error))
        return core::Error{QStringLiteral("cannot configure index %1: %2").arg(path, error)};
    const core::Status migrated = index->migrate();
    if (!migrated)
        return core::Error{QStringLiteral("index %1: %2").arg(path, migrated.error())};
    return index;
}

core::Status Index::migrate()
{
    QString error;
    if (!execSql(m_db, "BEGIN IMMEDIATE", &error))
        return core::Error{error};
    execSql(m_db, "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    int version = 0;
    {
        Statement s(m_db, "SELECT value FROM meta WHERE key = 'schema_version'");
        if (s.next())
            version = s.text(0).toInt();
    }
    if (version > kSchemaVersion) {
        execSql(m_db, "ROLLBACK");
        return core::Error{QStringLiteral("schema version %1 is newer than this program (%2): upgrade Kilima")
                               .arg(version)
                               .arg(kSchemaVersion)};
    }
    // Forward migrations, one step per version.
    if (version < 1 && !execSql(m_db, kSchemaV1, &error)) {
        execSql(m_db, "ROLLBACK");
        return core::Error{QStringLiteral("migration to schema 1 failed: %1").arg(error)};
    }
    if (version < 2 && !execSql(m_db, kSchemaV2, &error)) {
        execSql(m_db, "ROLLBACK");
        return core::Error{QStringLiteral("migration to schema 2 failed: %1").arg(error)};
    }
    if (version < kSchemaVersion) {
        Statement s(m_db, "INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', ?)");
        s.bind(1, QString::number(kSchemaVersion));
        s.exec();
        qCInfo(lcIndex) << "index schema migrated from version" << version << "to" << kSchemaVersion;
    }
    if (!execSql(m_db, "COMMIT", &error))
        return core::Error{error};
    return {};
}

std::optional<Index::Existing> Index::findInstance(const QString &sopUid) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    Statement s(*m_cache, "SELECT sha256, path FROM instances WHERE sop_uid = ?");
    s.bind(1, sopUid);
    if (!s.next())
        return std::nullopt;
    return Existing{s.text(0), s.text(1)};
}

core::Result<QList<Index::InsertOutcome>> Index::insert(const QList<InstanceRecord> &records,
                                                        core::DuplicatePolicy policy, qint64 durableMark)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    QString error;
    if (!execSql(m_db, "BEGIN IMMEDIATE", &error))
        return core::Error{QStringLiteral("index is busy: %1").arg(error)};
    if (durableMark > 0) {
        Statement mark(*m_cache, "INSERT OR REPLACE INTO meta(key, value) VALUES('durable_instance_id', ?)");
        mark.bind(1, QString::number(durableMark));
        mark.exec();
    }
    QList<InsertOutcome> outcomes;
    for (const InstanceRecord &r : records) {
        InsertOutcome out;
        const core::Status st = insertOne(r, policy, &out);
        if (!st) {
            execSql(m_db, "ROLLBACK");
            return core::Error{QStringLiteral("index insert failed: %1").arg(st.error())};
        }
        outcomes << out;
    }
    if (!execSql(m_db, "COMMIT", &error)) {
        execSql(m_db, "ROLLBACK");
        return core::Error{QStringLiteral("index commit failed: %1").arg(error)};
    }
    return outcomes;
}

core::Status Index::insertOne(const InstanceRecord &r, core::DuplicatePolicy policy, InsertOutcome *out)
{
    auto fail = [this](const char *what) {
        return core::Error{QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromUtf8(sqlite3_errmsg(m_db)))};
    };

    // Duplicate SOP Instance UID?
    {
        Statement s(*m_cache, "SELECT id, sha256, path FROM instances WHERE sop_uid = ?");
        s.bind(1, r.sopUid);
        if (s.next()) {
            const qint64 id = s.int64(0);
            if (s.text(1) == r.sha256) {
                out->status = IngestStatus::Duplicate;
                out->reason = QStringLiteral("already stored with identical content");
                return {};
            }
            if (policy == core::DuplicatePolicy::KeepFirst) {
                out->status = IngestStatus::DuplicateConflict;
                out->reason = QStringLiteral("SOP Instance UID already stored with different content; kept the first (policy keep-first)");
                return {};
            }
            const core::Status st = deleteInstance(id, &out->obsoletePath);
            if (!st)
                return st;
            out->status = IngestStatus::Replaced;
            out->reason = QStringLiteral("SOP Instance UID already stored with different content; replaced (policy overwrite)");
        }
    }

    // Patient.
    qint64 patientFk = 0;
    {
        Statement s(*m_cache, "SELECT id FROM patients WHERE patient_key = ?");
        s.bind(1, r.patientKey());
        if (s.next()) {
            patientFk = s.int64(0);
        } else {
            Statement ins(*m_cache, "INSERT INTO patients(patient_key, patient_id, issuer, patient_name, patient_name_key, "
                                "birth_date, sex) VALUES(?,?,?,?,?,?,?)");
            ins.bind(1, r.patientKey());
            ins.bind(2, r.patientId);
            ins.bind(3, r.issuerOfPatientId);
            ins.bind(4, r.patientName);
            ins.bind(5, personNameKey(r.patientName));
            ins.bind(6, r.patientBirthDate);
            ins.bind(7, r.patientSex);
            if (!ins.exec())
                return fail("patient");
            patientFk = sqlite3_last_insert_rowid(m_db);
        }
    }

    // Study: a study already filed under another patient keeps its patient.
    qint64 studyFk = 0;
    {
        Statement s(*m_cache, "SELECT id, patient_fk FROM studies WHERE study_uid = ?");
        s.bind(1, r.studyUid);
        if (s.next()) {
            studyFk = s.int64(0);
            patientFk = s.int64(1);
        } else {
            Statement ins(*m_cache, "INSERT INTO studies(patient_fk, study_uid, study_date, study_time, accession, study_id, "
                                "description, referring, referring_key, created_at) VALUES(?,?,?,?,?,?,?,?,?,?)");
            ins.bind(1, patientFk);
            ins.bind(2, r.studyUid);
            ins.bind(3, r.studyDate);
            ins.bind(4, r.studyTime);
            ins.bind(5, r.accessionNumber);
            ins.bind(6, r.studyId);
            ins.bind(7, r.studyDescription);
            ins.bind(8, r.referringPhysician);
            ins.bind(9, personNameKey(r.referringPhysician));
            ins.bind(10, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
            if (!ins.exec())
                return fail("study");
            studyFk = sqlite3_last_insert_rowid(m_db);
            Statement up(*m_cache, "UPDATE patients SET num_studies = num_studies + 1 WHERE id = ?");
            up.bind(1, patientFk);
            if (!up.exec())
                return fail("patient counts");
        }
    }

    // Series.
    qint64 seriesFk = 0;
    {
        Statement s(*m_cache, "SELECT id FROM series WHERE series_uid = ?");
        s.bind(1, r.seriesUid);
        if (s.next()) {
            seriesFk = s.int64(0);
        } else {
            Statement ins(*m_cache, "INSERT INTO series(study_fk, series_uid, modality, series_number, description, body_part, "
                                "series_date, series_time, pps_start_date) VALUES(?,?,?,?,?,?,?,?,?)");
            ins.bind(1, studyFk);
            ins.bind(2, r.seriesUid);
            ins.bind(3, r.modality);
            ins.bindVariant(4, optionalInt(r.seriesNumber));
            ins.bind(5, r.seriesDescription);
            ins.bind(6, r.bodyPart);
            ins.bind(7, r.seriesDate);
            ins.bind(8, r.seriesTime);
            ins.bind(9, r.ppsStartDate);
            if (!ins.exec())
                return fail("series");
            seriesFk = sqlite3_last_insert_rowid(m_db);
            Statement up(*m_cache, "UPDATE studies SET num_series = num_series + 1, "
                               "modalities = CASE WHEN ?1 = '' OR instr(modalities, '\\' || ?1 || '\\') > 0 "
                               "THEN modalities ELSE modalities || ?1 || '\\' END WHERE id = ?2");
            up.bind(1, r.modality);
            up.bind(2, studyFk);
            if (!up.exec())
                return fail("study counts");
            Statement upp(*m_cache, "UPDATE patients SET num_series = num_series + 1 WHERE id = ?");
            upp.bind(1, patientFk);
            if (!upp.exec())
                return fail("patient counts");
        }
    }

    Statement ins(*m_cache, "INSERT INTO instances(series_fk, sop_uid, sop_class, instance_number, content_date, content_time, "
                        "rows, columns, frames, transfer_syntax, path, size, sha256, received_at) "
                        "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    ins.bind(1, seriesFk);
    ins.bind(2, r.sopUid);
    ins.bind(3, r.sopClassUid);
    ins.bindVariant(4, optionalInt(r.instanceNumber));
    ins.bind(5, r.contentDate);
    ins.bind(6, r.contentTime);
    ins.bindVariant(7, optionalInt(r.rows));
    ins.bindVariant(8, optionalInt(r.columns));
    ins.bindVariant(9, optionalInt(r.frames));
    ins.bind(10, r.transferSyntax);
    ins.bind(11, r.relativePath);
    ins.bind(12, r.size);
    ins.bind(13, r.sha256);
    ins.bind(14, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!ins.exec())
        return fail("instance");

    Statement se(*m_cache, "UPDATE series SET num_instances = num_instances + 1 WHERE id = ?");
    se.bind(1, seriesFk);
    Statement st(*m_cache, "UPDATE studies SET num_instances = num_instances + 1, size_bytes = size_bytes + ?1, "
                       "sop_classes = CASE WHEN instr(sop_classes, '\\' || ?2 || '\\') > 0 THEN sop_classes "
                       "ELSE sop_classes || ?2 || '\\' END WHERE id = ?3");
    st.bind(1, r.size);
    st.bind(2, r.sopClassUid);
    st.bind(3, studyFk);
    Statement pa(*m_cache, "UPDATE patients SET num_instances = num_instances + 1 WHERE id = ?");
    pa.bind(1, patientFk);
    if (!se.exec() || !st.exec() || !pa.exec())
        return fail("counts");
    return {};
}

core::Status Index::deleteInstance(qint64 instanceId, QString *path)
{
    auto fail = [this](const char *what) {
        return core::Error{QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromUtf8(sqlite3_errmsg(m_db)))};
    };
    Statement s(*m_cache, "SELECT i.series_fk, se.study_fk, st.patient_fk, i.path, i.size FROM instances i "
                      "JOIN series se ON se.id = i.series_fk JOIN studies st ON st.id = se.study_fk WHERE i.id = ?");
    s.bind(1, instanceId);
    if (!s.next())
        return fail("instance lookup");
    const qint64 seriesId = s.int64(0), studyId = s.int64(1), patientId = s.int64(2), size = s.int64(4);
    *path = s.text(3);

    auto run = [&](const char *sql, qint64 a, qint64 b = 0) {
        Statement q(m_db, sql);
        q.bind(1, a);
        if (b)
            q.bind(2, b);
        return q.exec();
    };
    if (!run("DELETE FROM instances WHERE id = ?", instanceId) ||
        !run("UPDATE series SET num_instances = num_instances - 1 WHERE id = ?", seriesId) ||
        !run("UPDATE studies SET num_instances = num_instances - 1, size_bytes = size_bytes - ?2 WHERE id = ?1", studyId, size) ||
        !run("UPDATE patients SET num_instances = num_instances - 1 WHERE id = ?", patientId))
        return fail("instance delete");

    // Empty parents go; the study's modalities and SOP classes are recomputed.
    Statement left(m_db, "SELECT num_instances FROM series WHERE id = ?");
    left.bind(1, seriesId);
    if (left.next() && left.int64(0) == 0) {
        if (!run("DELETE FROM series WHERE id = ?", seriesId) ||
            !run("UPDATE studies SET num_series = num_series - 1 WHERE id = ?", studyId) ||
            !run("UPDATE patients SET num_series = num_series - 1 WHERE id = ?", patientId))
            return fail("series delete");
    }
    Statement studyLeft(m_db, "SELECT num_series FROM studies WHERE id = ?");
    studyLeft.bind(1, studyId);
    if (studyLeft.next() && studyLeft.int64(0) == 0) {
        if (!run("DELETE FROM studies WHERE id = ?", studyId) ||
            !run("UPDATE patients SET num_studies = num_studies - 1 WHERE id = ?", patientId))
            return fail("study delete");
    } else if (!run("UPDATE studies SET "
                    "modalities = '\\' || coalesce((SELECT group_concat(m, '\\') FROM (SELECT DISTINCT modality AS m FROM series "
                    "  WHERE study_fk = ?1 AND modality <> '')), '') || '\\', "
                    "sop_classes = '\\' || coalesce((SELECT group_concat(c, '\\') FROM (SELECT DISTINCT i.sop_class AS c "
                    "  FROM instances i JOIN series se ON se.id = i.series_fk WHERE se.study_fk = ?1)), '') || '\\' "
                    "WHERE id = ?1",
                    studyId)) {
        return fail("study recompute");
    }
    execSql(m_db, "UPDATE studies SET modalities = '\\' WHERE modalities = '\\\\'");
    execSql(m_db, "UPDATE studies SET sop_classes = '\\' WHERE sop_classes = '\\\\'");
    Statement patientLeft(m_db, "SELECT num_studies FROM patients WHERE id = ?");
    patientLeft.bind(1, patientId);
    if (patientLeft.next() && patientLeft.int64(0) == 0 && !run("DELETE FROM patients WHERE id = ?", patientId))
        return fail("patient delete");
    return {};
}

core::Result<QList<dicom::AttributeMap>> Index::query(const Query &query) const
{
    const core::Result<SqlQuery> sql = buildSql(query, false);
    if (!sql)
        return core::Error{sql.error()};
    std::lock_guard<std::mutex> lock(m_mutex);
    Statement s(m_db, sql.value().sql);
    if (!s.ok())
        return core::Error{QStringLiteral("query failed: %1").arg(s.error())};
    for (int i = 0; i < sql.value().binds.size(); ++i)
        s.bindVariant(i + 1, sql.value().binds.at(i));
    QList<dicom::AttributeMap> rows;
    while (s.next()) {
        dicom::AttributeMap row;
        for (int c = 0; c < sql.value().columns.size(); ++c) {
            const Field *f = sql.value().columns.at(c);
            QString v = s.isNull(c) ? QString() : s.text(c);
            if (f->kind == FieldKind::Multi)
                v = v.mid(1, qMax(0, v.size() - 2));   // "\CT\MR\" -> "CT\MR"
            row[f->tag] = v;
        }
        rows << row;
    }
    if (s.lastCode() != SQLITE_DONE)
        return core::Error{QStringLiteral("query failed: %1").arg(s.error())};
    return rows;
}

core::Result<qint64> Index::count(const Query &query) const
{
    const core::Result<SqlQuery> sql = buildSql(query, true);
    if (!sql)
        return core::Error{sql.error()};
    std::lock_guard<std::mutex> lock(m_mutex);
    Statement s(m_db, sql.value().sql);
    for (int i = 0; i < sql.value().binds.size(); ++i)
        s.bindVariant(i + 1, sql.value().binds.at(i));
    if (!s.next())
        return core::Error{QStringLiteral("count failed: %1").arg(s.error())};
    return s.int64(0);
}

static const char *instanceSelect(Level level)
{
    switch (level) {
    case Level::Patient:
        return "SELECT i.path, i.id FROM instances i JOIN series se ON se.id = i.series_fk JOIN studies st ON st.id = se.study_fk "
               "JOIN patients p ON p.id = st.patient_fk WHERE p.patient_id = ? ORDER BY st.id, se.series_number, se.id, i.instance_number, i.id";
    case Level::Study:
        return "SELECT i.path, i.id FROM instances i JOIN series se ON se.id = i.series_fk JOIN studies st ON st.id = se.study_fk "
               "WHERE st.study_uid = ? ORDER BY se.series_number, se.id, i.instance_number, i.id";
    case Level::Series:
        return "SELECT i.path, i.id FROM instances i JOIN series se ON se.id = i.series_fk WHERE se.series_uid = ? "
               "ORDER BY i.instance_number, i.id";
    case Level::Instance:
        return "SELECT i.path, i.id FROM instances i WHERE i.sop_uid = ?";
    }
    return "";
}

core::Result<QStringList> Index::instancePaths(Level level, const QString &uid) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    Statement s(m_db, instanceSelect(level));
    s.bind(1, uid);
    QStringList paths;
    while (s.next())
        paths << s.text(0);
    if (s.lastCode() != SQLITE_DONE)
        return core::Error{s.error()};
    return paths;
}

core::Result<QStringList> Index::remove(Level level, const QString &uid)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    QList<qint64> ids;
    {
        Statement s(m_db, instanceSelect(level));
        s.bind(1, uid);
        while (s.next())
            ids << s.int64(1);
    }
    QString error;
    if (!execSql(m_db, "BEGIN IMMEDIATE", &error))
        return core::Error{error};
    QStringList paths;
    for (qint64 id : ids) {
        QString path;
        const core::Status st = deleteInstance(id, &path);
        if (!st) {
            execSql(m_db, "ROLLBACK");
            return core::Error{st.error()};
        }
        paths << path;
    }
    if (!execSql(m_db, "COMMIT", &error)) {
        execSql(m_db, "ROLLBACK");
        return core::Error{error};
    }
    return paths;
}

core::Result<Stats> Index::stats() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    Statement s(m_db, "SELECT (SELECT count(*) FROM patients), (SELECT count(*) FROM studies), "
                      "(SELECT count(*) FROM series), (SELECT count(*) FROM instances), "
                      "(SELECT coalesce(sum(size), 0) FROM instances)");
    if (!s.next())
        return core::Error{s.error()};
    Stats st;
    st.patients = s.int64(0);
    st.studies = s.int64(1);
    st.series = s.int64(2);
    st.instances = s.int64(3);
    st.storedBytes = s.int64(4);
    return st;
}

QList<Index::FileRow> Index::allFiles() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    Statement s(m_db, "SELECT sop_uid, path, sha256, size, id FROM instances");
    QList<FileRow> rows;
    while (s.next())
        rows << FileRow{s.text(0), s.text(1), s.text(2), s.int64(3), s.int64(4)};
    return rows;
}

qint64 Index::maxInstanceId() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    Statement s(*m_cache, "SELECT coalesce(max(id), 0) FROM instances");
    return s.next() ? s.int64(0) : 0;
}

qint64 Index::durableMark() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    Statement s(m_db, "SELECT value FROM meta WHERE key = 'durable_instance_id'");
    return s.next() ? s.text(0).toLongLong() : 0;
}

void Index::setDurableMark(qint64 id)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    Statement mark(m_db, "INSERT OR REPLACE INTO meta(key, value) VALUES('durable_instance_id', ?)");
    mark.bind(1, QString::number(id));
    mark.exec();
    execSql(m_db, "PRAGMA wal_checkpoint(PASSIVE)");
}

core::Status Index::removeInstanceRow(const QString &sopUid)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    QString error;
    if (!execSql(m_db, "BEGIN IMMEDIATE", &error))
        return core::Error{error};
    Statement s(m_db, "SELECT id FROM instances WHERE sop_uid = ?");
    s.bind(1, sopUid);
    if (s.next()) {
        QString path;
        const core::Status st = deleteInstance(s.int64(0), &path);
        if (!st) {
            execSql(m_db, "ROLLBACK");
            return st;
        }
    }
    if (!execSql(m_db, "COMMIT", &error)) {
        execSql(m_db, "ROLLBACK");
        return core::Error{error};
    }
    return {};
}

bool Index::referencesPath(const QString &relativePath) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    Statement s(*m_cache, "SELECT 1 FROM instances WHERE path = ? LIMIT 1");
    s.bind(1, relativePath);
    return s.next();
}

} // namespace kilima::archive
