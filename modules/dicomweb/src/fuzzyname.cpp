#include "fuzzyname_p.h"

#include <QRegularExpression>
#include <QStringList>

namespace kilima::dicomweb {

namespace {

// Lower case without diacritics: NFD splits "Ü" into "U" and a combining
// mark, which goes. Letters without a decomposition (ß, Ø) stay as they are.
QString fold(const QString &s)
{
    const QString d = s.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(d.size());
    for (const QChar c : d) {
        const QChar::Category cat = c.category();
        if (cat == QChar::Mark_NonSpacing || cat == QChar::Mark_SpacingCombining || cat == QChar::Mark_Enclosing)
            continue;
        out += c.toCaseFolded();
    }
    return out;
}

QStringList words(const QString &folded)
{
    static const QRegularExpression sep(QStringLiteral("[\\^=\\s,]+"));
    return folded.split(sep, Qt::SkipEmptyParts);
}

} // namespace

bool fuzzyNameMatches(const QString &pattern, const QString &name)
{
    const QStringList terms = words(fold(pattern));
    if (terms.isEmpty())
        return true;   // universal match
    const QStringList components = words(fold(name));
    for (const QString &term : terms) {
        // A word is a prefix of a component, with the DICOM wildcards.
        QString rx = QStringLiteral("^");
        for (const QChar c : term) {
            if (c == QLatin1Char('*'))
                rx += QStringLiteral(".*");
            else if (c == QLatin1Char('?'))
                rx += QLatin1Char('.');
            else
                rx += QRegularExpression::escape(QString(c));
        }
        const QRegularExpression re(rx, QRegularExpression::UseUnicodePropertiesOption);
        bool found = false;
        for (const QString &component : components) {
            if (re.match(component).hasMatch()) {
                found = true;
                break;
            }
        }
        if (!found)
            return false;
    }
    return true;
}

} // namespace kilima::dicomweb
