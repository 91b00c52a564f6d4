#include <kilima/core/logging.h>

namespace kilima::core {

Q_LOGGING_CATEGORY(lcCore, "kilima.core")

void initLogging(bool verbose)
{
    qSetMessagePattern(QStringLiteral(
        "%{time yyyy-MM-ddThh:mm:ss.zzz} %{if-debug}debug%{endif}%{if-info}info%{endif}"
        "%{if-warning}warning%{endif}%{if-critical}error%{endif}%{if-fatal}fatal%{endif} "
        "%{category}: %{message}"));
    QLoggingCategory::setFilterRules(verbose ? QStringLiteral("kilima.*.debug=true")
                                             : QStringLiteral("kilima.*.debug=false"));
}

} // namespace kilima::core
