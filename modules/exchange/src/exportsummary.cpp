// The export summary as a person reads it: the dialog and the CLI show the
// same words, so a privacy officer sees one account of what left the site.
#include <kilima/exchange/exporter.h>

#include <QCoreApplication>
#include <QDir>
#include <QLocale>

namespace kilima::exchange {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kilima::exchange::ExportSummary", text);
}

} // namespace

QString ExportSummary::text(const QString &destination) const
{
    QStringList lines;
    lines << tr("Exported %1 object(s) (%2) to %3.")
                 .arg(files)
                 .arg(QLocale::c().formattedDataSize(bytes))
                 .arg(QDir::toNativeSeparators(destination));
    const QString privacy = privacyText();
    if (!privacy.isEmpty())
        lines << privacy;
    return lines.join(QLatin1Char('\n'));
}

QString ExportSummary::privacyText() const
{
    if (!deidentified)
        return {};
    QStringList lines;
    lines << tr("De-identified (DICOM PS3.15 Basic Application Level Confidentiality Profile): %1 object(s) "
                "cleaned, %2 left out.")
                 .arg(cleaned.size())
                 .arg(dropped.size());
    if (!dropped.isEmpty()) {
        lines << tr("Left out (not written):");
        for (const ExportNote &n : dropped)
            lines << QStringLiteral("  dropped %1 — %2").arg(n.object, n.reason);
    }
    if (!cleaned.isEmpty()) {
        lines << tr("Cleaned:");
        for (const ExportNote &n : cleaned)
            lines << QStringLiteral("  cleaned %1 — %2").arg(n.object, n.reason);
    }
    return lines.join(QLatin1Char('\n'));
}

bool parseFormat(const QString &name, ExportOptions::Format *format)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("folder"))
        *format = ExportOptions::Format::Folder;
    else if (n == QLatin1String("zip"))
        *format = ExportOptions::Format::Zip;
    else if (n == QLatin1String("dicomdir"))
        *format = ExportOptions::Format::DicomDir;
    else
        return false;
    return true;
}

} // namespace kilima::exchange
