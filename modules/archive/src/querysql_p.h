// Translates a Query into one SQL statement over the index, implementing
// DICOM matching (PS3.4 C.2.2.2). Values are always bound, never spliced
// into the SQL text.
#pragma once

#include <kilima/archive/query.h>

#include <QByteArray>
#include <QList>
#include <QVariant>

namespace kilima::archive {

enum class FieldKind { Text, PersonName, Date, Time, Uid, Multi, Number, Count };

struct Field {
    unsigned int tag;
    Level level;
    const char *column;     // SQL expression returned
    const char *matchOn;    // SQL expression matched (PN: upper-cased key)
    FieldKind kind;
};

const Field *findField(unsigned int tag);
const QList<Field> &allFields();

struct SqlQuery {
    QByteArray sql;
    QVariantList binds;
    QList<const Field *> columns;  // in SELECT order
};

core::Result<SqlQuery> buildSql(const Query &query, bool countOnly);

// Appends to `where`/`binds` the condition matching `column` against a
// value in DICOM matching syntax for one kind of attribute. Shared by the
// index queries and the worklist.
core::Status addMatchCondition(FieldKind kind, const QString &column, const QString &value, QStringList &where,
                               QVariantList &binds);

} // namespace kilima::archive
