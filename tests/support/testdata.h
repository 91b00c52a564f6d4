// Where test data lives: the real data in ../shared/testdata/dicom (absent on
// a user's fresh machine: tests then skip those cases) and the files Debian's
// python3-pydicom installs.
#pragma once

#include <QString>
#include <QStringList>

namespace kilima::test {

// Empty when ../shared/testdata/dicom is absent.
QString sharedTestData();
// pydicom's test_files directory; empty when python3-pydicom is absent.
QString pydicomTestFiles();
// pydicom's charset_files directory; empty when absent.
QString pydicomCharsetFiles();
// Every regular file below `dir`, sorted.
QStringList filesBelow(const QString &dir);

} // namespace kilima::test
