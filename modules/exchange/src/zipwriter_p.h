// A minimal ZIP writer (PKWARE APPNOTE 6.3: stored entries, no ZIP64):
// enough for an export that any unzip and every OS opens. DICOM pixel data
// is mostly compressed already or compresses poorly in the time a user
// waits, so entries are stored. Refuses archives past 4 GiB instead of
// writing a broken file.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

namespace kilima::exchange {

class ZipWriter {
public:
    explicit ZipWriter(const QString &path);
    bool open(QString *error);
    bool add(const QString &name, const QByteArray &data, QString *error);
    bool finish(QString *error);

private:
    struct Entry {
        QByteArray name;
        quint32 crc = 0;
        quint32 size = 0;
        quint32 offset = 0;
    };
    QFile m_file;
    QList<Entry> m_entries;
};

} // namespace kilima::exchange
