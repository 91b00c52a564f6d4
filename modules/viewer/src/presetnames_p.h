// The names of the window and rendering presets (resources/presets/*.json)
// as the reader sees them: translated, while the name in the file stays
// the preset's identity (applyPreset, VolumeView::setPreset).
#pragma once

#include <QString>

namespace kilima::viewer {

QString presetLabel(const QString &name);

} // namespace kilima::viewer
