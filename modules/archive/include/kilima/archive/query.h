// The one query API of the archive: DICOM matching (PS3.4 C.2.2.2) at
// patient/study/series/instance level, answered from the index only.
// C-FIND, QIDO-RS and the study browser all go through it.
#pragma once

#include <kilima/core/result.h>
#include <kilima/dicom/attributes.h>

#include <QList>
#include <QPair>
#include <QString>

namespace kilima::archive {

enum class Level { Patient, Study, Series, Instance };

QString toString(Level level);
bool levelFromString(const QString &text, Level *level);

struct Query {
    Level level = Level::Study;
    // Matching keys: tag -> value in DICOM matching syntax. An empty value
    // or "*" matches everything and only asks for the attribute to be
    // returned (universal matching).
    QList<QPair<unsigned int, QString>> keys;
    // Attributes to return besides the keys; empty means the level's
    // default set (see docs/query.md).
    QList<unsigned int> returnKeys;
    int limit = 0;   // 0 = no limit
    int offset = 0;
    // Order by the level's natural order (patient name, study date desc,
    // series number, instance number); C-FIND does not need it.
    bool ordered = true;

    // Parses "Keyword=Value" (or "GGGGEEEE=Value") into a key; the error
    // names the keyword when it is unknown or not queryable at any level.
    core::Status addKey(const QString &keywordEqualsValue);
};

// Whether `tag` is a matching key the index can answer at `level`.
bool isQueryable(Level level, unsigned int tag);
// The attributes returned at `level` when no return keys are given.
QList<unsigned int> defaultReturnKeys(Level level);

} // namespace kilima::archive
