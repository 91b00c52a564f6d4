#include "syntheticindex.h"

#include <QDate>
#include <QRandomGenerator>

#include <sqlite3.h>

namespace kilima::bench {

const char *const kSurnames[30] = {"SMITH", "JOHNSON", "WILLIAMS", "BROWN", "JONES", "GARCIA", "MILLER", "DAVIS",
                                  "RODRIGUEZ", "MARTINEZ", "HERNANDEZ", "LOPEZ", "GONZALEZ", "WILSON", "ANDERSON",
                                  "THOMAS", "TAYLOR", "MOORE", "JACKSON", "MARTIN", "OKAFOR", "MWANGI", "ODHIAMBO",
                                  "KAMAU", "NJOROGE", "WANJIKU", "OTIENO", "ACHIENG", "MUTUA", "KIPROTICH"};
const char *const kModalities[8] = {"CT", "MR", "CR", "US", "DX", "MG", "PT", "NM"};

void fillSyntheticIndex(const QString &indexPath, int instances)
{
    sqlite3 *db = nullptr;
    sqlite3_open(indexPath.toUtf8().constData(), &db);
    sqlite3_exec(db, "PRAGMA synchronous=OFF; BEGIN", nullptr, nullptr, nullptr);
    sqlite3_stmt *pat, *st, *se, *in;
    sqlite3_prepare_v2(db, "INSERT INTO patients(id, patient_key, patient_id, patient_name, patient_name_key, birth_date, sex, "
                           "num_studies, num_series, num_instances) VALUES(?1, ?2, ?2, ?3, ?3, '19700101', 'F', 2, 8, 40)", -1, &pat, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO studies(id, patient_fk, study_uid, study_date, study_time, accession, modalities, "
                           "sop_classes, num_series, num_instances, size_bytes) VALUES(?1, ?2, ?3, ?4, '101010', ?5, ?6, "
                           "'\\1.2.840.10008.5.1.4.1.1.2\\', 4, 20, 10000000)", -1, &st, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO series(id, study_fk, series_uid, modality, series_number, num_instances) "
                           "VALUES(?1, ?2, ?3, ?4, ?5, 5)", -1, &se, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO instances(series_fk, sop_uid, sop_class, instance_number, transfer_syntax, path, size, "
                           "sha256, received_at) VALUES(?1, ?2, '1.2.840.10008.5.1.4.1.1.2', ?3, '1.2.840.10008.1.2.1', ?4, "
                           "500000, 'x', '2024-01-01')", -1, &in, nullptr);
    auto text = [](sqlite3_stmt *s, int i, const QByteArray &v) { sqlite3_bind_text(s, i, v.constData(), v.size(), SQLITE_TRANSIENT); };
    auto *rng = QRandomGenerator::global();
    const int studies = instances / 20;
    qint64 seriesId = 0, instanceNo = 0;
    for (int p = 1; p <= studies / 2; ++p) {
        sqlite3_bind_int64(pat, 1, p);
        text(pat, 2, QByteArray("PID") + QByteArray::number(p));
        text(pat, 3, QByteArray(kSurnames[p % 30]) + "^" + QByteArray::number(p));
        sqlite3_step(pat);
        sqlite3_reset(pat);
        for (int k = 0; k < 2; ++k) {
            const qint64 studyId = qint64(p) * 2 + k;
            const QByteArray modality = kModalities[rng->bounded(8)];
            const int day = int(rng->bounded(3650));
            const QByteArray date = QDate(2015, 1, 1).addDays(day).toString(QStringLiteral("yyyyMMdd")).toLatin1();
            sqlite3_bind_int64(st, 1, studyId);
            sqlite3_bind_int64(st, 2, p);
            text(st, 3, "1.2.826.0.1.3680043.9." + QByteArray::number(studyId));
            text(st, 4, date);
            text(st, 5, "A" + QByteArray::number(studyId));
            text(st, 6, "\\" + modality + "\\");
            sqlite3_step(st);
            sqlite3_reset(st);
            for (int s = 0; s < 4; ++s) {
                ++seriesId;
                sqlite3_bind_int64(se, 1, seriesId);
                sqlite3_bind_int64(se, 2, studyId);
                text(se, 3, "1.2.826.0.1.3680043.10." + QByteArray::number(seriesId));
                text(se, 4, modality);
                sqlite3_bind_int(se, 5, s + 1);
                sqlite3_step(se);
                sqlite3_reset(se);
                for (int i = 0; i < 5; ++i) {
                    ++instanceNo;
                    sqlite3_bind_int64(in, 1, seriesId);
                    text(in, 2, "1.2.826.0.1.3680043.11." + QByteArray::number(instanceNo));
                    sqlite3_bind_int(in, 3, i + 1);
                    text(in, 4, "aa/bb/" + QByteArray::number(instanceNo) + ".dcm");
                    sqlite3_step(in);
                    sqlite3_reset(in);
                }
            }
        }
    }
    sqlite3_finalize(pat);
    sqlite3_finalize(st);
    sqlite3_finalize(se);
    sqlite3_finalize(in);
    sqlite3_exec(db, "COMMIT; ANALYZE", nullptr, nullptr, nullptr);
    sqlite3_close(db);
}

} // namespace kilima::bench
