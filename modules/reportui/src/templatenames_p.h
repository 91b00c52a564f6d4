// A built-in report template's name as the reader sees it (translated);
// the template's id stays its identity.
#pragma once

#include <QString>

namespace kilima::reportui {

QString templateLabel(const QString &name);

} // namespace kilima::reportui
