#include "transcode_p.h"

#include <kilima/dicom/codecs.h>
#include <kilima/dicom/dicomfile.h>
#include <kilima/dicom/pixeldata.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcostrmb.h>
#include <dcmtk/dcmdata/dcrleerg.h>
#include <dcmtk/dcmdata/dcxfer.h>
#include <dcmtk/dcmjpeg/djencode.h>
#include <dcmtk/dcmjpls/djencode.h>

#include <QFile>
#include <mutex>

namespace kilima::dicomweb {

namespace {

void registerEncoders()
{
    static std::once_flag once;
    std::call_once(once, [] {
        dicom::registerCodecs();
        DJEncoderRegistration::registerCodecs();
        DJLSEncoderRegistration::registerCodecs();
        DcmRLEEncoderRegistration::registerCodecs();
    });
}

} // namespace

bool canProduce(const QString &ts)
{
    static const QStringList producible{
        QStringLiteral("1.2.840.10008.1.2.1"),    // explicit VR little endian
        QStringLiteral("1.2.840.10008.1.2"),      // implicit VR little endian
        QStringLiteral("1.2.840.10008.1.2.4.70"), // JPEG lossless SV1
        QStringLiteral("1.2.840.10008.1.2.4.80"), // JPEG-LS lossless
        QStringLiteral("1.2.840.10008.1.2.5"),    // RLE lossless
    };
    return producible.contains(ts);
}

QString storedTransferSyntax(const QString &path)
{
    DcmFileFormat ff;
    if (ff.loadFile(OFFilename(QFile::encodeName(path).constData()), EXS_Unknown, EGL_noChange, DCM_MaxReadLength,
                    ERM_metaOnly).bad())
        return {};
    OFString ts;
    ff.getMetaInfo()->findAndGetOFString(DCM_TransferSyntaxUID, ts);
    return QString::fromLatin1(ts.c_str());
}

core::Result<QByteArray> transcodeFile(const QString &path, const QString &ts)
{
    registerEncoders();
    if (!canProduce(ts))
        return core::Error{QStringLiteral("transfer syntax %1 cannot be produced by this server").arg(ts)};
    auto file = dicom::DicomFile::loadStructure(path, QStringLiteral("the stored file"));
    if (!file)
        return core::Error{QStringLiteral("cannot read the stored file: %1").arg(file.error())};
    DcmFileFormat &ff = file.value().fileFormat();
    const E_TransferSyntax target = DcmXfer(ts.toLatin1().constData()).getXfer();
    DcmDataset *ds = ff.getDataset();
    // DCMTK's decoders fill what each codestream's header says and report
    // success: every frame must describe the image before it is converted,
    // or the converted object would carry unwritten memory as pixels.
    if (DcmXfer(ds->getOriginalXfer()).isEncapsulated() && ds->getOriginalXfer() != target) {
        if (const auto info = dicom::pixelInfo(*ds); info.ok()) {
            for (int f = 0; f < info.value().frames; ++f) {
                if (const core::Status frame = dicom::checkEncodedFrame(*ds, f); !frame.ok())
                    return core::Error{QStringLiteral("the stored pixel data cannot be decoded: %1").arg(frame.error())};
            }
        }
    }
    OFCondition cond = ds->chooseRepresentation(target, nullptr);
    if (cond.bad() || !ds->canWriteXfer(target))
        return core::Error{QStringLiteral("the stored pixel data (%1) cannot be converted to %2%3")
                               .arg(QString::fromLatin1(DcmXfer(ds->getOriginalXfer()).getXferName()),
                                    QString::fromLatin1(DcmXfer(target).getXferName()),
                                    cond.bad() ? QStringLiteral(": ") + QString::fromLatin1(cond.text()) : QString())};
    ff.validateMetaInfo(target, EWM_updateMeta);
    // Preamble + "DICM" + meta + dataset, written into memory.
    auto out = dicom::writePart10(ff, target);
    if (!out)
        return core::Error{QStringLiteral("cannot encode the dataset in %1: %2").arg(ts, out.error())};
    return out;
}

} // namespace kilima::dicomweb
