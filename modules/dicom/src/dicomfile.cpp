#include <kilima/dicom/dicomfile.h>

#include <kilima/dicom/structure.h>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcistrmb.h>
#include <dcmtk/dcmdata/dcistrmf.h>
#include <dcmtk/dcmdata/dcostrmb.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include <dcmtk/dcmdata/dcvr.h>
#include <dcmtk/oflog/oflog.h>

#include <QFile>
#include <cctype>
#include <mutex>

namespace kilima::dicom {

DicomFile::DicomFile() : m_file(std::make_unique<DcmFileFormat>()) {}
DicomFile::DicomFile(DicomFile &&) noexcept = default;
DicomFile &DicomFile::operator=(DicomFile &&) noexcept = default;
DicomFile::~DicomFile() = default;

DcmFileFormat &DicomFile::fileFormat() const { return *m_file; }
DcmDataset &DicomFile::dataset() const { return *m_file->getDataset(); }

QString DicomFile::transferSyntaxUid() const
{
    const DcmXfer xfer(m_file->getDataset()->getOriginalXfer());
    return QString::fromLatin1(xfer.getXferID());
}

bool DicomFile::looksLikeDicom(const QByteArray &head)
{
    if (head.size() >= 132 && head.mid(128, 4) == "DICM")
        return true;
    if (head.size() < 8)
        return false;
    // A dataset without meta header starts with an element of a low group,
    // little or big endian: (0002,xxxx), (0008,xxxx) and the like.
    const auto u = reinterpret_cast<const unsigned char *>(head.constData());
    const unsigned groupLE = u[0] | (u[1] << 8);
    const unsigned groupBE = (u[0] << 8) | u[1];
    const unsigned elementLE = u[2] | (u[3] << 8);
    auto plausible = [](unsigned group) { return group == 0x0002 || group == 0x0008 || group == 0x0004; };
    if (plausible(groupLE) || plausible(groupBE)) {
        // Elements of the first group of a dataset come early in the group.
        return elementLE < 0x2000 || plausible(groupBE);
    }
    return false;
}

namespace {

void configureDcmtk()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // Explicit VR files sometimes carry standard attributes as UN; read
        // them with their dictionary VR so UIDs and names are text.
        dcmEnableUnknownVRConversion.set(OFTrue);
        // Parse problems come back to the caller as messages; DCMTK's own
        // console output would only duplicate them.
        OFLog::configure(OFLogger::FATAL_LOG_LEVEL);
    });
}

} // namespace

namespace {

// Without preamble and meta header DCMTK guesses little endian; a dataset
// whose first group only makes sense big endian ((0008,xxxx) written as
// 00 08) is read as explicit big endian.
E_TransferSyntax guessTransferSyntax(const QByteArray &head)
{
    const bool hasPreamble = head.size() >= 132 && head.mid(128, 4) == "DICM";
    if (!hasPreamble && head.size() >= 6) {
        const auto u = reinterpret_cast<const unsigned char *>(head.constData());
        const unsigned groupLE = u[0] | (u[1] << 8), groupBE = (u[0] << 8) | u[1];
        const bool explicitVr = std::isupper(u[4]) && std::isupper(u[5]);
        if (groupBE == 0x0008 && groupLE != 0x0008 && explicitVr)
            return EXS_BigEndianExplicit;
    }
    return EXS_Unknown;
}

} // namespace

core::Result<DicomFile> DicomFile::read(DcmInputStream &stream, const QByteArray &head, qint64 size,
                                        quint32 maxReadLength, const QString &name)
{
    configureDcmtk();
    if (size == 0)
        return core::Error{QStringLiteral("%1: empty file (0 bytes)").arg(name)};
    if (!looksLikeDicom(head))
        return core::Error{QStringLiteral("%1: not a DICOM file (no 'DICM' preamble and no dataset header)").arg(name)};

    DicomFile result;
    DcmFileFormat &ff = *result.m_file;
    ff.transferInit();
    const OFCondition cond = ff.read(stream, guessTransferSyntax(head), EGL_noChange, maxReadLength);
    ff.transferEnd();

    if (cond == EC_StreamNotifyClient || cond == EC_InvalidStream) {
        return core::Error{QStringLiteral("%1: truncated: the file ends inside an element (%2 bytes read of %3)")
                               .arg(name)
                               .arg(qint64(stream.tell()))
                               .arg(size)};
    }
    if (cond.bad())
        return core::Error{QStringLiteral("%1: cannot parse: %2").arg(name, QString::fromLatin1(cond.text()))};
    if (!stream.eos() && stream.avail() > 0) {
        return core::Error{QStringLiteral("%1: malformed: parsing stopped at byte %2 of %3")
                               .arg(name)
                               .arg(qint64(stream.tell()))
                               .arg(size)};
    }

    DcmDataset *ds = ff.getDataset();
    if (ds->getOriginalXfer() == EXS_Unknown)
        return core::Error{QStringLiteral("%1: unknown transfer syntax").arg(name)};
    OFString tsuid;
    result.m_hasMeta = ff.getMetaInfo()->findAndGetOFString(DCM_TransferSyntaxUID, tsuid).good() && !tsuid.empty();
    if (ds->card() == 0)
        return core::Error{QStringLiteral("%1: the dataset is empty").arg(name)};
    return result;
}

core::Result<DicomFile> DicomFile::parse(const QByteArray &bytes, const QString &name)
{
    // DCMTK recurses per sequence and allocates what length fields claim:
    // the structure is checked first, without either.
    if (!bytes.isEmpty() && looksLikeDicom(bytes.left(256))) {
        const QString problem = checkStructure(bytes, name);
        if (!problem.isEmpty())
            return core::Error{problem};
    }
    DcmInputBufferStream stream;
    stream.setBuffer(bytes.constData(), offile_off_t(bytes.size()));
    stream.setEos();
    return read(stream, bytes.left(256), bytes.size(), DCM_MaxReadLength, name);
}

core::Result<DicomFile> DicomFile::loadStructure(const QString &path, const QString &name)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return core::Error{QStringLiteral("%1: cannot read: %2").arg(name, f.errorString())};
    const QByteArray head = f.read(256);
    const qint64 size = f.size();
    f.close();
    if (size > 0 && looksLikeDicom(head)) {
        const QString problem = checkFileStructure(path, name);
        if (!problem.isEmpty())
            return core::Error{problem};
    }
    DcmInputFileStream stream(OFFilename(QFile::encodeName(path).constData()));
    if (!stream.good())
        return core::Error{QStringLiteral("%1: cannot read: %2").arg(name, QString::fromLatin1(stream.status().text()))};
    // Values over 4 KB (pixel data, mostly) are skipped, not read: they
    // stay in the file and are read from it when asked for.
    return read(stream, head, size, 4096, name);
}

core::Result<DicomFile> DicomFile::load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return core::Error{QStringLiteral("%1: cannot read: %2").arg(path, f.errorString())};
    return parse(f.readAll(), path);
}

core::Result<QByteArray> writePart10(DcmFileFormat &ff, int xfer)
{
    const E_TransferSyntax ts = E_TransferSyntax(xfer);
    // The exact length plus room for what the meta header may still gain.
    const Uint32 length = ff.calcElementLength(ts, EET_ExplicitLength) + 4096;
    QByteArray out(int(length), '\0');
    DcmOutputBufferStream stream(out.data(), length);
    ff.transferInit();
    const OFCondition written = ff.write(stream, ts, EET_ExplicitLength, nullptr);
    ff.transferEnd();
    if (written.bad())
        return core::Error{QString::fromLatin1(written.text())};
    void *buffer = nullptr;
    offile_off_t size = 0;
    stream.flushBuffer(buffer, size);
    out.truncate(int(size));
    return out;
}

} // namespace kilima::dicom
