#include <kilima/archive/query.h>

#include "querysql_p.h"

#include <dcmtk/dcmdata/dctagkey.h>

namespace kilima::archive {

QString toString(Level level)
{
    switch (level) {
    case Level::Patient: return QStringLiteral("patient");
    case Level::Study: return QStringLiteral("study");
    case Level::Series: return QStringLiteral("series");
    case Level::Instance: return QStringLiteral("instance");
    }
    return {};
}

bool levelFromString(const QString &text, Level *level)
{
    const QString t = text.toLower();
    if (t == QLatin1String("patient"))
        *level = Level::Patient;
    else if (t == QLatin1String("study"))
        *level = Level::Study;
    else if (t == QLatin1String("series"))
        *level = Level::Series;
    else if (t == QLatin1String("instance") || t == QLatin1String("image"))
        *level = Level::Instance;
    else
        return false;
    return true;
}

bool isQueryable(Level level, unsigned int tag)
{
    const Field *f = findField(tag);
    return f && int(f->level) <= int(level);
}

QList<unsigned int> defaultReturnKeys(Level level)
{
    QList<unsigned int> keys;
    for (const Field &f : allFields()) {
        // Patient attributes come with every level (study root answers
        // carry them); study attributes with series and instances.
        if (f.level == level || f.level == Level::Patient ||
            (f.level == Level::Study && int(level) > int(Level::Study) && f.kind == FieldKind::Uid))
            keys << f.tag;
        else if (f.level == Level::Study && level == Level::Series && f.kind != FieldKind::Count)
            keys << f.tag;
    }
    return keys;
}

core::Status Query::addKey(const QString &keywordEqualsValue)
{
    const int eq = keywordEqualsValue.indexOf(QLatin1Char('='));
    if (eq <= 0)
        return core::Error{QStringLiteral("\"%1\" is not Keyword=Value").arg(keywordEqualsValue)};
    const QString keyword = keywordEqualsValue.left(eq).trimmed();
    DcmTagKey tag;
    if (!dicom::tagFromKeyword(keyword, &tag))
        return core::Error{QStringLiteral("unknown attribute keyword \"%1\"").arg(keyword)};
    const unsigned int number = dicom::tagNumber(tag);
    if (!findField(number))
        return core::Error{QStringLiteral("%1 is not a matching key the archive supports (see docs/query.md)").arg(keyword)};
    if (!isQueryable(level, number))
        return core::Error{QStringLiteral("%1 is not a matching key at %2 level").arg(keyword, toString(level))};
    keys.append({number, keywordEqualsValue.mid(eq + 1)});
    return {};
}

} // namespace kilima::archive
