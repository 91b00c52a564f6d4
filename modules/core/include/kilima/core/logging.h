// Logging categories of the whole program (kilima.<module>) and the one
// message format used by both executables. No PHI is logged above debug.
#pragma once

#include <QLoggingCategory>

namespace kilima::core {

Q_DECLARE_LOGGING_CATEGORY(lcCore)

// Installs the message pattern ("time level category: message") and, when
// `verbose` is false, silences debug output of every kilima.* category.
void initLogging(bool verbose);

} // namespace kilima::core
