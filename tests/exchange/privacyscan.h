// The privacy officer's scan of an export, with tools independent of
// Kilima: every byte of every file (ASCII/UTF-8, UTF-16LE and UTF-16BE),
// text that pdftotext extracts from any PDF inside, and every value that
// dcmdump (and dsrdump for SR) prints, searched for a patient's
// identifiers in the forms people and DICOM write them.
#pragma once

#include "peers.h"

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <algorithm>

namespace kilima::test {

struct PatientIdentity {
    QString name;          // as stored, PN components separated by ^
    QString id;
    QString birthDate;     // YYYYMMDD
    QString accession;
    QStringList uids;      // original UIDs that must not survive
};

// The strings to look for (lower case). `minWord`: words of the name
// shorter than this are left out (they occur in ordinary text).
inline QStringList identityNeedles(const PatientIdentity &p, int minWord = 4)
{
    QStringList n;
    auto add = [&n](const QString &s, int min) {
        const QString v = s.trimmed().toLower();
        if (v.size() >= min && !n.contains(v))
            n << v;
    };
    const QString name = p.name.trimmed();
    add(name, 3);
    const QStringList parts = name.split(QLatin1Char('^'));
    for (const QString &c : parts) {
        add(c, 3);
        // Words with a letter: "0051" of "CT 0051" occurs in any UID.
        for (const QString &w : c.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (std::any_of(w.begin(), w.end(), [](QChar ch) { return ch.isLetter(); }))
                add(w, minWord);
        }
    }
    if (parts.size() >= 2) {
        add(parts.at(1) + QLatin1Char(' ') + parts.at(0), 3);       // JANE DOE
        add(parts.at(0) + QStringLiteral(", ") + parts.at(1), 3);   // DOE, JANE
        add(QString(name).replace(QLatin1Char('^'), QLatin1Char(' ')), 3);
    }
    add(p.id, 3);
    add(p.accession, 3);
    const QString b = p.birthDate;
    if (b.size() == 8) {
        const QString y = b.left(4), m = b.mid(4, 2), d = b.right(2);
        const QStringList forms{b, QString(y + '-' + m + '-' + d), QString(d + '.' + m + '.' + y),
                                QString(m + '/' + d + '/' + y), QString(d + '/' + m + '/' + y), QString(y + '/' + m + '/' + d)};
        for (const QString &f : forms)
            add(f, 8);
    }
    for (const QString &u : p.uids)
        add(u, 8);
    return n;
}

// Needles found in `bytes` as whole words, in UTF-8, Latin-1, UTF-16LE or
// UTF-16BE (ASCII letters compared without case).
inline QStringList findInBytes(const QByteArray &bytes, const QStringList &needles, int minLength = 0)
{
    const QByteArray hay = bytes.toLower();
    QStringList found;
    for (const QString &needle : needles) {
        if (needle.size() < minLength)
            continue;
        QByteArray le(reinterpret_cast<const char *>(needle.utf16()), int(needle.size() * 2));
        QByteArray be = le;
        for (int i = 0; i + 1 < be.size(); i += 2)
            std::swap(be[i], be[i + 1]);
        // Identifiers are words: "patient" of "Patient^Test" is no leak in
        // "ImagePositionPatient", "0051" none inside a longer number.
        auto isWordByte = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
        bool hit = false;
        // 16-bit pixel ramps spell short digit strings in UTF-16 (the real
        // CT's values 49..54 read "123456"): digits-only needles are looked
        // for in UTF-16 from 8 characters on (a birth date).
        const bool digits = std::all_of(needle.begin(), needle.end(), [](QChar c) { return c.isDigit(); });
        QList<QByteArray> forms{needle.toUtf8(), needle.toLatin1()};
        if (!digits || needle.size() >= 8)
            forms << le << be;
        for (const QByteArray &form : forms) {
            for (qsizetype at = hay.indexOf(form); at >= 0 && !hit; at = hay.indexOf(form, at + 1)) {
                const qsizetype end = at + form.size();
                hit = (at == 0 || !isWordByte(hay.at(at - 1)) || !isWordByte(form.front())) &&
                      (end >= hay.size() || !isWordByte(hay.at(end)) || !isWordByte(form.back()));
            }
        }
        if (hit)
            found << needle;
    }
    return found;
}

// The values that dcmdump prints for a file ([...] parts), long values in
// full, bulk data (over 4 kB, pixel data) not loaded.
inline QStringList dcmdumpValues(const QString &file)
{
    QString out;
    runTool(QStringLiteral("dcmdump"), {QStringLiteral("-q"), QStringLiteral("+L"), QStringLiteral("-M"), file}, &out);
    QStringList values;
    static const QRegularExpression value(QStringLiteral("\\[(.*)\\]"));
    for (const QString &line : out.split(QLatin1Char('\n'))) {
        const auto m = value.match(line);
        if (m.hasMatch())
            values << m.captured(1);
    }
    return values;
}

inline bool isDicom(const QByteArray &bytes)
{
    return bytes.size() > 132 && bytes.mid(128, 4) == "DICM";
}

// Every finding, as "file: what" lines. `rawMin`: the shortest
// needle looked for in raw bytes (pixel data holds every short byte
// string somewhere).
inline QStringList scanFile(const QString &path, const QStringList &needles, const QString &scratch, int rawMin = 0)
{
    QStringList findings;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {path + QStringLiteral(": cannot read")};
    const QByteArray bytes = f.readAll();
    for (const QString &n : findInBytes(bytes, needles, rawMin))
        findings << path + QStringLiteral(": bytes contain ") + n;
    // A PDF anywhere inside (an Encapsulated PDF's document, a PDF in a
    // ZIP): the text a reader sees.
    const int pdf = bytes.indexOf("%PDF-");
    if (pdf >= 0) {
        const QString out = scratch + QStringLiteral("/extracted.pdf");
        QFile o(out);
        if (o.open(QIODevice::WriteOnly)) {
            o.write(bytes.mid(pdf));
            o.close();
        }
        QString text;
        runTool(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), out, QStringLiteral("-")}, &text);
        for (const QString &n : findInBytes(text.toUtf8(), needles))
            findings << path + QStringLiteral(": PDF text contains ") + n;
    }
    if (isDicom(bytes)) {
        for (const QString &v : dcmdumpValues(path)) {
            const QString lower = v.toLower();
            for (const QString &n : needles) {
                // Whole words, as in findInBytes ("0010" is inside many a
                // UID, "dev" inside "device").
                const bool hit = !findInBytes(lower.toUtf8(), {n}).isEmpty();
                if (hit)
                    findings << path + QStringLiteral(": dcmdump value [") + v + QStringLiteral("] contains ") + n;
            }
        }
        QString sr;
        if (runTool(QStringLiteral("dsrdump"), {QStringLiteral("-q"), path}, &sr) == 0) {
            for (const QString &n : findInBytes(sr.toUtf8(), needles, 4))
                findings << path + QStringLiteral(": SR content contains ") + n;
        }
    }
    return findings;
}

// Every regular file below `dir`; ZIP files are also unpacked with unzip
// and their members scanned.
inline QStringList scanTree(const QString &dir, const QStringList &needles, const QString &scratch, int rawMin = 0,
                            int *filesScanned = nullptr)
{
    QStringList findings;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (filesScanned)
            ++*filesScanned;
        findings += scanFile(path, needles, scratch, rawMin);
        if (path.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive)) {
            const QString into = scratch + QStringLiteral("/unzipped-") + QString::number(qHash(path));
            QDir().mkpath(into);
            QString out;
            if (runTool(QStringLiteral("unzip"), {QStringLiteral("-o"), QStringLiteral("-q"), path, QStringLiteral("-d"), into}, &out) != 0)
                findings << path + QStringLiteral(": unzip failed: ") + out;
            findings += scanTree(into, needles, scratch, rawMin, filesScanned);
        }
    }
    return findings;
}

} // namespace kilima::test
