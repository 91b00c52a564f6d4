// The structural check that runs before DCMTK parses anything: hostile
// objects are refused with the offset and tag of the problem, and every
// object DCMTK's own dcmdump reads passes it.
#include "hostiledicom.h"
#include "phantom.h"
#include "testdata.h"

#include <kilima/dicom/attributes.h>
#include <kilima/dicom/dicomfile.h>
#include <kilima/dicom/structure.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcsequen.h>

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

using namespace kilima;

namespace {

using namespace kilima::test::hostile;


// `depth` sequences (0040,A730) nested inside one another, each with one
// item; undefined lengths with delimiters, or defined lengths.
QByteArray nested(int depth, bool undefinedLengths)
{
    QByteArray inner;
    putShort(inner, 0x0040, 0xa040, "CS", "TEXT");
    for (int level = 0; level < depth; ++level) {
        QByteArray seq;
        putTag(seq, 0x0040, 0xa730);
        seq.append("SQ\0\0", 4);
        putU32(seq, undefinedLengths ? 0xffffffff : quint32(inner.size() + 8));
        putTag(seq, 0xfffe, 0xe000);
        putU32(seq, undefinedLengths ? 0xffffffff : quint32(inner.size()));
        seq.append(inner);
        if (undefinedLengths) {
            putTag(seq, 0xfffe, 0xe00d);
            putU32(seq, 0);
            putTag(seq, 0xfffe, 0xe0dd);
            putU32(seq, 0);
        }
        inner = seq;
    }
    return inner;
}

long maxRssKb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

} // namespace

class TestStructure : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void sequencesNestedTooDeep_ShouldBeRefusedWithoutRecursion_data()
    {
        QTest::addColumn<bool>("undefinedLengths");
        QTest::newRow("undefined lengths") << true;
        QTest::newRow("defined lengths") << false;
    }

    void sequencesNestedTooDeep_ShouldBeRefusedWithoutRecursion()
    {
        QFETCH(bool, undefinedLengths);
        // 5,700 levels crashed DCMTK's recursive parser (a stack overflow).
        const QByteArray bytes = part10(nested(5700, undefinedLengths));
        const auto file = dicom::DicomFile::parse(bytes, QStringLiteral("deep.dcm"));
        QVERIFY(!file.ok());
        QVERIFY2(file.error().startsWith(QStringLiteral("deep.dcm: sequences nested deeper than 64 levels: (0040,A730) at offset ")),
                 qPrintable(file.error()));
        QVERIFY2(file.error().endsWith(QStringLiteral("opens level 65")), qPrintable(file.error()));

        // The same from a file, as the receive path reads it.
        const QString path = m_dir.filePath(QStringLiteral("deep.dcm"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
        out.close();
        const auto structure = dicom::DicomFile::loadStructure(path, QStringLiteral("received"));
        QVERIFY(!structure.ok());
        QVERIFY2(structure.error().contains(QStringLiteral("nested deeper than 64")), qPrintable(structure.error()));
    }

    void sequencesNestedToTheLimit_ShouldParse()
    {
        for (bool undefinedLengths : {true, false}) {
            const auto file = dicom::DicomFile::parse(part10(nested(dicom::kMaxSequenceDepth, undefinedLengths)),
                                                      QStringLiteral("64.dcm"));
            QVERIFY2(file.ok(), qPrintable(file.error()));
            // The innermost item's text is there, 64 sequences down.
            DcmItem *item = &file.value().dataset();
            for (int level = 0; level < dicom::kMaxSequenceDepth; ++level) {
                DcmItem *next = nullptr;
                QVERIFY(item->findAndGetSequenceItem(DcmTagKey(0x0040, 0xa730), next, 0).good());
                item = next;
            }
            QCOMPARE(dicom::stringValue(*item, DcmTagKey(0x0040, 0xa040)), QStringLiteral("TEXT"));
        }
    }

    void elementDeclaringFourGigabytes_ShouldBeRefusedWithoutAllocating()
    {
        QByteArray body;
        putTag(body, 0x7fe0, 0x0010);
        body.append("OB\0\0", 4);
        putU32(body, 0xfffffffa);
        body.append(QByteArray(812, '\x55'));
        const QByteArray bytes = part10(body);
        QVERIFY(bytes.size() < 1400);
        const long before = maxRssKb();
        const auto file = dicom::DicomFile::parse(bytes, QStringLiteral("4g.dcm"));
        QVERIFY(!file.ok());
        const qint64 offset = bytes.size() - 812 - 12;
        QCOMPARE(file.error(), QStringLiteral("4g.dcm: truncated: element (7FE0,0010) at offset %1 declares 4294967290 bytes but only 812 remain")
                                   .arg(offset));
        const QString path = m_dir.filePath(QStringLiteral("4g.dcm"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
        out.close();
        const auto loaded = dicom::DicomFile::load(path);
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().contains(QStringLiteral("declares 4294967290 bytes but only 812 remain")), qPrintable(loaded.error()));
        const auto structure = dicom::DicomFile::loadStructure(path, QStringLiteral("received"));
        QVERIFY(!structure.ok());
        QVERIFY2(structure.error().contains(QStringLiteral("declares 4294967290 bytes")), qPrintable(structure.error()));
        // Nothing near the claimed size was ever allocated.
        QVERIFY2(maxRssKb() - before < 64 * 1024, qPrintable(QString::number(maxRssKb() - before)));
    }

    void lyingStructures_ShouldBeRefusedWithReason_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("reason");
        {
            QByteArray b;
            putShort(b, 0x0020, 0x0010, "SH", "A");
            putShort(b, 0x0020, 0x0010, "SH", "B");
            QTest::newRow("duplicated tag") << b << QStringLiteral("element (0020,0010) at offset");
        }
        {
            QByteArray b;
            putTag(b, 0x0028, 0x0010);
            b.append("US");
            putU16(b, 3);
            b.append("\1\2\3", 3);
            QTest::newRow("US of 3 bytes") << b << QStringLiteral("a US value of 3 bytes is not a whole number of 2-byte values");
        }
        {
            QByteArray b;
            putTag(b, 0x0040, 0x0275);
            b.append("SQ\0\0", 4);
            putU32(b, 0xffffffff);
            putTag(b, 0xfffe, 0xe000);
            putU32(b, 0xffffffff);
            putShort(b, 0x0040, 0x0009, "SH", "SPS1");
            QTest::newRow("item without delimiter") << b << QStringLiteral("has an undefined length and no delimiter");
        }
        {
            QByteArray b;
            putTag(b, 0x0040, 0x0275);
            b.append("SQ\0\0", 4);
            putU32(b, 16);
            putTag(b, 0xfffe, 0xe000);
            putU32(b, 40); // longer than its sequence
            b.append(QByteArray(40, '\0'));
            QTest::newRow("item longer than its sequence") << b << QStringLiteral("in sequence (0040,0275)");
        }
        {
            QByteArray b;
            putTag(b, 0x0028, 0x0010);
            b.append("\x01\x02", 2);
            putU16(b, 2);
            b.append("\0\1", 2);
            QTest::newRow("no VR") << b << QStringLiteral("has no valid VR");
        }
        {
            QByteArray b;
            putTag(b, 0x7fe0, 0x0010);
            b.append("OB\0\0", 4);
            putU32(b, 0xffffffff);
            putTag(b, 0xfffe, 0xe000);
            putU32(b, 0);
            putTag(b, 0xfffe, 0xe000);
            putU32(b, 0xffffffff);
            QTest::newRow("fragment of undefined length") << b << QStringLiteral("fragment at offset");
        }
        {
            // DCMTK inserts an element by walking its item's list from the
            // end: descending tags make parsing quadratic.
            QByteArray b;
            for (int k = 3000; k > 0; --k) {
                putTag(b, 0x0029, quint16(0x1000 + k));
                b.append("LO");
                putU16(b, 2);
                b.append("AB");
            }
            QTest::newRow("tags descending") << b << QStringLiteral("more than 256 elements out of ascending tag order");
        }
        {
            // A VR no standard defines: DCMTK reads two reserved bytes and a
            // 32-bit length (here 0xFFFFFFF0, which it allocated), so the
            // check must too (fuzz/dicom_parse found PL, TL, QI, UA).
            QByteArray b;
            putTag(b, 0x0029, 0x0010);
            b.append("PL");
            putU16(b, 4);
            putU32(b, 0xfffffff0);
            putShort(b, 0x0029, 0x0011, "LO", "ID");
            QTest::newRow("unknown VR with a 32-bit length") << b << QStringLiteral("element (0029,0010) at offset 460 declares 4294967280 bytes");
        }
    }

    void lyingStructures_ShouldBeRefusedWithReason()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, reason);
        const auto file = dicom::DicomFile::parse(part10(body), QStringLiteral("bad.dcm"));
        QVERIFY(!file.ok());
        QVERIFY2(file.error().startsWith(QStringLiteral("bad.dcm: ")), qPrintable(file.error()));
        QVERIFY2(file.error().contains(reason), qPrintable(file.error()));
    }

    void tooManyElements_ShouldBeRefusedQuickly()
    {
        // One sequence of 2,000,001 empty items (16 MB): each would be an
        // object in DCMTK's memory.
        QByteArray body;
        putTag(body, 0x0040, 0x0275);
        body.append("SQ\0\0", 4);
        putU32(body, 0xffffffff);
        QByteArray item;
        putTag(item, 0xfffe, 0xe000);
        putU32(item, 0);
        body.append(item.repeated(int(dicom::kMaxElementCount) + 1));
        putTag(body, 0xfffe, 0xe0dd);
        putU32(body, 0);
        QElapsedTimer clock;
        clock.start();
        const QString problem = dicom::checkStructure(part10(body), QStringLiteral("many.dcm"));
        QVERIFY2(problem.contains(QStringLiteral("more than 2000000 elements")), qPrintable(problem));
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    }

    void deflatedHostileDataset_ShouldBeRefusedWhileInflating()
    {
        // Deflated explicit VR little endian (1.2.840.10008.1.2.1.99): the
        // check inflates as it reads. zlib through python3 writes the raw
        // deflate stream, as pydicom and dcmconv do.
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty())
            QSKIP("python3 is not installed");
        auto deflated = [&](const QByteArray &dataset) {
            QProcess p;
            p.start(python, {QStringLiteral("-c"), QStringLiteral("import sys,zlib; c=zlib.compressobj(9, zlib.DEFLATED, -15); "
                                                                  "sys.stdout.buffer.write(c.compress(sys.stdin.buffer.read()) + c.flush())")});
            p.write(dataset);
            p.closeWriteChannel();
            p.waitForFinished(30000);
            return p.readAllStandardOutput();
        };
        auto file = [&](const QByteArray &dataset) {
            QByteArray meta;
            putTag(meta, 0x0002, 0x0001);
            meta.append("OB\0\0", 4);
            putU32(meta, 2);
            meta.append("\0\1", 2);
            putShort(meta, 0x0002, 0x0002, "UI", "1.2.840.10008.5.1.4.1.1.7", '\0');
            putShort(meta, 0x0002, 0x0003, "UI", "1.2.826.0.1.3680043.2.1125.99.9", '\0');
            putShort(meta, 0x0002, 0x0010, "UI", "1.2.840.10008.1.2.1.99", '\0');
            QByteArray f(128, '\0');
            f.append("DICM");
            putTag(f, 0x0002, 0x0000);
            f.append("UL");
            putU16(f, 4);
            putU32(f, quint32(meta.size()));
            f.append(meta);
            f.append(deflated(dataset));
            return f;
        };
        QByteArray good;
        putShort(good, 0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.7", '\0');
        putShort(good, 0x0008, 0x0018, "UI", "1.2.826.0.1.3680043.2.1125.99.9", '\0');
        putShort(good, 0x0010, 0x0010, "PN", "DEFLATED^TEST");
        const auto parsed = dicom::DicomFile::parse(file(good), QStringLiteral("good.dcm"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
        QCOMPARE(dicom::stringValue(parsed.value().dataset(), DCM_PatientName), QStringLiteral("DEFLATED^TEST"));

        QByteArray deep = good;
        deep.append(nested(500, true));
        const QString problem = dicom::checkStructure(file(deep), QStringLiteral("deep.dcm"));
        QVERIFY2(problem.startsWith(QStringLiteral("deep.dcm (deflated dataset): sequences nested deeper than 64 levels")), qPrintable(problem));

        QByteArray huge = good;
        putTag(huge, 0x7fe0, 0x0010);
        huge.append("OB\0\0", 4);
        putU32(huge, 0xfffffffa);
        huge.append(QByteArray(100, 'x'));
        const QString tooLong = dicom::checkStructure(file(huge), QStringLiteral("huge.dcm"));
        QVERIFY2(tooLong.contains(QStringLiteral("declares 4294967290 bytes but only 100 remain")), qPrintable(tooLong));
    }

    void implicitVrDeepNesting_ShouldBeRefused()
    {
        // Implicit VR, defined lengths: only the dictionary says (0040,A730)
        // is a sequence; and a private tag whose value starts with an item.
        for (quint16 group : {quint16(0x0040), quint16(0x0029)}) {
            QByteArray inner;
            for (int level = 0; level < 200; ++level) {
                QByteArray seq;
                putTag(seq, group, group == 0x0040 ? 0xa730 : 0x1010);
                putU32(seq, quint32(inner.size() + 8));
                putTag(seq, 0xfffe, 0xe000);
                putU32(seq, quint32(inner.size()));
                seq.append(inner);
                inner = seq;
            }
            QByteArray bytes;
            putTag(bytes, 0x0008, 0x0016);
            putU32(bytes, 8);
            bytes.append("1.2.3.4\0", 8);
            bytes.append(inner);
            const auto file = dicom::DicomFile::parse(bytes, QStringLiteral("implicit"));
            QVERIFY(!file.ok());
            QVERIFY2(file.error().contains(QStringLiteral("nested deeper than 64")), qPrintable(file.error()));
        }
    }

    void objectsDcmtkReads_ShouldPassTheCheck()
    {
        // Oracle: every file DCMTK's dcmdump reads whole must pass, so the
        // check refuses only what the parser must not see.
        QStringList files;
        const QString pydicom = test::pydicomTestFiles();
        if (!pydicom.isEmpty())
            files += test::filesBelow(pydicom);
        const QString shared = test::sharedTestData();
        if (!shared.isEmpty())
            files += test::filesBelow(shared);
        if (files.isEmpty())
            QSKIP("neither python3-pydicom nor ../shared/testdata is present");
        const QString dcmdump = QStandardPaths::findExecutable(QStringLiteral("dcmdump"));
        if (dcmdump.isEmpty())
            QSKIP("dcmdump is not installed");
        int checked = 0;
        qint64 bytesChecked = 0, nsChecking = 0;
        QElapsedTimer clock;
        QStringList wrong;
        for (const QString &path : files) {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = f.readAll();
            if (!dicom::DicomFile::looksLikeDicom(bytes.left(256)))
                continue;
            clock.start();
            const QString problem = dicom::checkStructure(bytes, path);
            nsChecking += clock.nsecsElapsed();
            if (problem.isEmpty()) {
                ++checked;
                bytesChecked += bytes.size();
                continue;
            }
            // Refused: DCMTK must refuse it too (or complain).
            QProcess dump;
            dump.start(dcmdump, {QStringLiteral("-q"), QStringLiteral("+E"), path});
            dump.waitForFinished(60000);
            const bool dcmtkOk = dump.exitCode() == 0 && dump.readAllStandardError().trimmed().isEmpty();
            if (dcmtkOk)
                wrong << problem;
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
        QVERIFY(checked > 50);
        qInfo("%d objects (%.1f MB) passed the structural check in %.1f ms", checked, double(bytesChecked) / 1e6,
              double(nsChecking) / 1e6);
    }
};

QTEST_GUILESS_MAIN(TestStructure)
#include "tst_structure.moc"
