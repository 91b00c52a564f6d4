// The workstation's look: a dark theme by default (reading rooms are dim and
// a bright UI around images hurts contrast perception), a light one on
// request. A theme is a QPalette plus a stylesheet from resources/themes/;
// applying one never touches image display (window/level is the viewer's).
#pragma once

#include <QString>
#include <QStringList>

class QApplication;
class QPalette;

namespace kilima::widgets {

enum class Theme { Dark, Light };

QString toString(Theme theme);
// Accepts "dark" and "light" (any case); returns false on anything else.
bool themeFromString(const QString &text, Theme *theme);
QStringList themeNames();

QPalette palette(Theme theme);
// The stylesheet text compiled in from resources/themes/<name>.qss.
QString styleSheet(Theme theme);

// Sets the Fusion style (the one style that honours a palette on every
// platform), the theme's palette and its stylesheet on `app`.
void applyTheme(QApplication &app, Theme theme);

} // namespace kilima::widgets
