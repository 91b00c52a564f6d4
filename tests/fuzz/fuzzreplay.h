// What a fuzz target may add for the replay build (replay.cpp): hostile
// inputs generated at run time, too large to commit or better described as
// code (deep nesting, huge counts). The fuzzers never see this.
#pragma once

#ifdef KILIMA_FUZZ_REPLAY
#include <QByteArray>
#include <QString>
#include <vector>

namespace kilima::fuzz {

struct HostileCase {
    QString name;      // says what the input is, printed when it crashes
    QByteArray bytes;
    // Still crashes or hangs until a fix lands: run only with --pending
    // (docs/development.md), so the replay passes meanwhile.
    bool pending = false;
};

// Defined by the targets that have generated cases; weak, so others need nothing.
__attribute__((weak)) std::vector<HostileCase> hostileCases();

} // namespace kilima::fuzz
#endif
