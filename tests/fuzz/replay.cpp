// Replays inputs through a fuzz target's LLVMFuzzerTestOneInput in the
// ordinary (g++, uninstrumented) build, so every CI run checks that each
// crash ever found stays fixed, without clang. A crash kills the process;
// the signal handler names the input first, so the failing CTest says which.
//
//   fuzzreplay_<target> [--generated] [--pending] [--max-bytes N] DIR... [--optional DIR]...
//
// --generated adds the target's hostile cases (fuzzreplay.h); --pending
// also those marked pending (known failures waiting for a fix).
// Every file under each DIR (recursively) is fed once; a DIR that is missing
// is an error unless marked --optional (real data beside the project).
// Files over --max-bytes (default 2 MB) in optional folders are skipped:
// they slow the replay without reaching code the small ones do not.
#include "fuzzreplay.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>

#include <csignal>
#include <cstdlib>
#include <new>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

char g_current[4096] = "(none)";

// One input may take this long (libFuzzer's -timeout is 10 s; the ASan
// Debug build and a loaded CI machine are several times slower).
constexpr unsigned kSecondsPerInput = 60;

void onFatalSignal(int sig)
{
    const char *what = sig == SIGALRM ? "fuzz replay: over 60 s on input: " : "fuzz replay: crashed on input: ";
    (void)!write(STDERR_FILENO, what, strlen(what));
    (void)!write(STDERR_FILENO, g_current, strlen(g_current));
    (void)!write(STDERR_FILENO, "\n", 1);
    signal(sig, SIG_DFL);
    raise(sig);
}

void setCurrent(const QString &name)
{
    const QByteArray utf8 = name.toUtf8();
    const size_t n = std::min(sizeof(g_current) - 1, size_t(utf8.size()));
    memcpy(g_current, utf8.constData(), n);
    g_current[n] = 0;
}

} // namespace

// Out-of-memory findings (a claimed length allocated before it is checked)
// fail the fuzzers through libFuzzer's 2 GB malloc limit; here, where such
// an allocation would simply succeed, the same limit aborts the replay and
// names the input. Not under ASan, which replaces operator new itself.
#if !defined(__SANITIZE_ADDRESS__)
namespace {

constexpr std::size_t kMallocLimit = std::size_t(2048) << 20;

void *limitedAlloc(std::size_t size, bool nothrow)
{
    if (size > kMallocLimit) {
        char line[128];
        const int n = snprintf(line, sizeof line, "fuzz replay: allocation of %zu bytes (over the 2 GB limit)\n", size);
        (void)!write(STDERR_FILENO, line, size_t(n));
        abort();
    }
    if (void *p = malloc(size ? size : 1))
        return p;
    if (nothrow)
        return nullptr;
    throw std::bad_alloc();
}

} // namespace

void *operator new(std::size_t size) { return limitedAlloc(size, false); }
void *operator new[](std::size_t size) { return limitedAlloc(size, false); }
void *operator new(std::size_t size, const std::nothrow_t &) noexcept { return limitedAlloc(size, true); }
void *operator new[](std::size_t size, const std::nothrow_t &) noexcept { return limitedAlloc(size, true); }
void operator delete(void *p) noexcept { free(p); }
void operator delete[](void *p) noexcept { free(p); }
void operator delete(void *p, std::size_t) noexcept { free(p); }
void operator delete[](void *p, std::size_t) noexcept { free(p); }
#endif

namespace {

void feed(const QString &name, const QByteArray &bytes)
{
    setCurrent(name);
    alarm(kSecondsPerInput);
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size()));
    alarm(0);
}

} // namespace

int main(int argc, char **argv)
{
    for (int sig : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGALRM})
        signal(sig, onFatalSignal);

    bool generated = false, pending = false;
    qint64 maxBytes = 2 * 1024 * 1024;
    struct Folder {
        QString path;
        bool optional;
    };
    QList<Folder> folders;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg = argv[i];
        if (arg == "--generated") {
            generated = true;
        } else if (arg == "--pending") {
            pending = true;
        } else if (arg == "--max-bytes" && i + 1 < argc) {
            maxBytes = QByteArray(argv[++i]).toLongLong();
        } else if (arg == "--optional" && i + 1 < argc) {
            folders.append({QString::fromLocal8Bit(argv[++i]), true});
        } else {
            folders.append({QString::fromLocal8Bit(arg), false});
        }
    }

    QElapsedTimer timer;
    timer.start();
    int files = 0, skipped = 0, cases = 0;
    for (const Folder &folder : folders) {
        if (!QFileInfo(folder.path).exists()) {
            if (folder.optional) {
                printf("%s: absent, not replayed\n", qPrintable(folder.path));
                continue;
            }
            fprintf(stderr, "fuzz replay: folder %s does not exist\n", qPrintable(folder.path));
            return 2;
        }
        QStringList paths;
        if (QFileInfo(folder.path).isFile()) {
            paths << folder.path;
        } else {
            QDirIterator it(folder.path, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext())
                paths << it.next();
        }
        paths.sort();
        for (const QString &path : paths) {
            QFile f(path);
            if (folder.optional && f.size() > maxBytes) {
                ++skipped;
                continue;
            }
            if (!f.open(QIODevice::ReadOnly)) {
                fprintf(stderr, "fuzz replay: cannot read %s: %s\n", qPrintable(path), qPrintable(f.errorString()));
                return 2;
            }
            feed(path, f.readAll());
            ++files;
        }
    }
    if (generated && kilima::fuzz::hostileCases) {
        for (const kilima::fuzz::HostileCase &c : kilima::fuzz::hostileCases()) {
            if (c.pending && !pending) {
                printf("pending, not replayed: %s\n", qPrintable(c.name));
                continue;
            }
            feed(QStringLiteral("generated: ") + c.name, c.bytes);
            ++cases;
        }
    }
    if (files + cases == 0) {
        fprintf(stderr, "fuzz replay: no input found to replay\n");
        return 2;
    }
    printf("replayed %d files and %d generated cases (%d over %lld bytes skipped) in %.1f s\n", files, cases, skipped,
           maxBytes, timer.elapsed() / 1000.0);
    return 0;
}
