#include <kilima/dicom/charset.h>

#include <dcmtk/dcmdata/dcitem.h>

namespace kilima::dicom {

QString normalizeCharsetTerms(const QString &value)
{
    return value;
}

core::Status convertToUtf8(DcmItem &item, QString *warning)
{
    Q_UNUSED(warning);
    const OFCondition cond = item.convertToUTF8();
    if (cond.bad())
        return core::Error{QString::fromLatin1(cond.text())};
    return {};
}

} // namespace kilima::dicom
