#include "testdata.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

namespace kilima::test {

QString sharedTestData()
{
    const QString env = qEnvironmentVariable("KILIMA_SHARED_TESTDATA");
    const QString dir = env.isEmpty() ? QStringLiteral(KILIMA_SHARED_TESTDATA) : env;
    return QFileInfo(dir + QStringLiteral("/MANIFEST.txt")).exists() ? QDir::cleanPath(dir) : QString();
}

static QString pydicomData(const QString &sub)
{
    for (const char *base : {"/usr/lib/python3/dist-packages/pydicom/data/", "/usr/share/pydicom/data/"}) {
        const QString dir = QString::fromLatin1(base) + sub;
        if (QFileInfo(dir).isDir())
            return dir;
    }
    return {};
}

QString pydicomTestFiles() { return pydicomData(QStringLiteral("test_files")); }
QString pydicomCharsetFiles() { return pydicomData(QStringLiteral("charset_files")); }

QStringList filesBelow(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::NoSymLinks | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

} // namespace kilima::test
