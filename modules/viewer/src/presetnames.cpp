#include "presetnames_p.h"

#include <QCoreApplication>

namespace kilima::viewer {

namespace {

// The files are data that lupdate cannot read: their names are listed here
// for the catalogs. workstation/translations fails when a name in
// resources/presets/*.json is missing from a catalog, so a preset added
// there without a line here is caught.
[[maybe_unused]] const char *const k_presetNames[] = {
    QT_TRANSLATE_NOOP("kilima::viewer::Presets", "CT Soft tissue"),
    QT_TRANSLATE_NOOP("kilima::viewer::Presets", "CT Lung"),
    QT_TRANSLATE_NOOP("kilima::viewer::Presets", "CT Bone"),
    QT_TRANSLATE_NOOP("kilima::viewer::Presets", "CT Brain"),
    QT_TRANSLATE_NOOP("kilima::viewer::Presets", "CT Liver"),
    QT_TRANSLATE_NOOP("kilima::viewer::Presets", "CT Mediastinum"),
    QT_TRANSLATE_NOOP("kilima::viewer::Presets", "CT Angio"),
    QT_TRANSLATE_NOOP("kilima::viewer::Presets", "CT Stroke"),
    QT_TRANSLATE_NOOP("kilima::viewer::Presets", "CT Subdural"),
    QT_TRANSLATE_NOOP("kilima::viewer::Presets", "MR Default"),
    QT_TRANSLATE_NOOP("kilima::viewer::Presets", "MIP"),
};

} // namespace

QString presetLabel(const QString &name)
{
    const QByteArray key = name.toUtf8();
    return QCoreApplication::translate("kilima::viewer::Presets", key.constData());
}

} // namespace kilima::viewer
