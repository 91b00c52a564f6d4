// The study browser's own SQL over the index and the reading table: the
// archive's query API cannot join the reading worklist (status filter,
// sort by status) nor sort by an arbitrary column, so the browser reads the
// index tables directly, read-only, on its worker threads. Matching follows
// the archive's rules: IDs case-sensitive with '*'/'?' wildcards, names
// case-insensitive, dates as YYYYMMDD ranges, one modality in the study.
#pragma once

#include <kilima/browser/studylistmodel.h>
#include <kilima/dicom/attributes.h>

#include <QDate>
#include <QList>
#include <QString>

struct sqlite3;

namespace kilima::browser {

struct StudyFilter {
    QString patientIdPattern;   // DICOM wildcards, case-sensitive
    QString namePattern;        // DICOM wildcards, case-insensitive
    // The search box: name OR patient ID OR accession number (see
    // StudyListModel::setFilterText for the rules).
    QString text;
    QDate from, to;             // inclusive; null = open
    QString modality;
    int status = -1;            // ReadingStatus as int; -1 = any
    QString assignedTo;         // empty = anyone
    int sortColumn = -1;        // StudyListModel::Column; -1 = default order
    bool descending = false;
    bool statFirst = false;     // STAT studies first (worklists)
    bool openOnly = false;      // only studies not final yet
};

// Opens a connection to the index database (and creates the reading table
// when missing). Null with `error` set when it cannot.
sqlite3 *openStudyConnection(const QString &databasePath, QString *error);
bool countStudies(sqlite3 *db, const StudyFilter &filter, qint64 *count, QString *error);
bool fetchStudies(sqlite3 *db, const StudyFilter &filter, int limit, int offset, QList<StudyRow> *rows,
                  QString *error);

} // namespace kilima::browser
