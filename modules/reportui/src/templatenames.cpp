#include "templatenames_p.h"

#include <QCoreApplication>

namespace kilima::reportui {

namespace {

// The built-in templates' names (resources/templates/*.json, data that
// lupdate cannot read) for the catalogs; workstation/translations fails
// when a name in those files is missing. The templates' text stays as
// written: it goes into the report, whose language the clinic chooses by
// its templates.
[[maybe_unused]] const char *const k_templateNames[] = {
    QT_TRANSLATE_NOOP("kilima::reportui::Templates", "CT chest"),
    QT_TRANSLATE_NOOP("kilima::reportui::Templates", "CT head"),
    QT_TRANSLATE_NOOP("kilima::reportui::Templates", "Chest X-ray"),
    QT_TRANSLATE_NOOP("kilima::reportui::Templates", "MR brain"),
    QT_TRANSLATE_NOOP("kilima::reportui::Templates", "Abdominal ultrasound"),
    QT_TRANSLATE_NOOP("kilima::reportui::Templates", "Echocardiogram"),
};

} // namespace

QString templateLabel(const QString &name)
{
    const QByteArray key = name.toUtf8();
    return QCoreApplication::translate("kilima::reportui::Templates", key.constData());
}

} // namespace kilima::reportui
