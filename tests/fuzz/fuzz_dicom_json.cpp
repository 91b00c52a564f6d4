// Fuzz target: DICOM JSON (PS3.18 Annex F) as STOW-RS metadata and imported
// JSON arrive: decoded to datasets, and each dataset written back to JSON and
// decoded again (what the server would serve of it must read back).
#include "fuzzreplay.h"

#include <kilima/dicom/dicomjson.h>

#include <dcmtk/dcmdata/dcdatset.h>

#include <QJsonDocument>

#include <cstdint>

using namespace kilima;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    // BulkDataURIs resolve to a few bytes derived from the URI, so both the
    // inline and the bulk data paths see data.
    const dicom::BulkDataResolver resolver = [](const QString &uri) -> core::Result<QByteArray> {
        if (uri.startsWith(QLatin1String("missing")))
            return core::Error{QStringLiteral("no bulk data at %1").arg(uri)};
        return uri.toUtf8().left(64);
    };
    QStringList warnings;
    auto datasets = dicom::fromDicomJsonArray(json, resolver, &warnings);
    if (!datasets.ok())
        return 0;
    for (const std::unique_ptr<DcmDataset> &dataset : datasets.value()) {
        const QJsonObject again = dicom::toDicomJson(*dataset);
        (void)dicom::fromDicomJsonArray(QJsonDocument(again).toJson(QJsonDocument::Compact));
    }
    return 0;
}

#ifdef KILIMA_FUZZ_REPLAY
namespace kilima::fuzz {

std::vector<HostileCase> hostileCases()
{
    std::vector<HostileCase> cases;
    // Sequences nested as deep as Qt's JSON parser allows (and deeper).
    for (int depth : {200, 500, 2000}) {
        QByteArray open, close;
        for (int i = 0; i < depth; ++i) {
            open += R"({"0040A730":{"vr":"SQ","Value":[)";
            close += "]}}";
        }
        cases.push_back({QStringLiteral("sequences nested %1 deep").arg(depth),
                         "[" + open + R"({"00100010":{"vr":"PN","Value":[{"Alphabetic":"DOE^J"}]}})" + close + "]"});
    }
    // 100,000 values in one attribute and 20,000 datasets.
    {
        QByteArray values;
        for (int i = 0; i < 100000; ++i)
            values += (i ? "," : "") + QByteArray::number(i % 65536);
        cases.push_back({QStringLiteral("US with 100000 values"), R"([{"00280010":{"vr":"US","Value":[)" + values + "]}}]"});
        QByteArray many = "[";
        for (int i = 0; i < 20000; ++i)
            many += QByteArray(i ? "," : "") + R"({"00080060":{"vr":"CS","Value":["CT"]}})";
        cases.push_back({QStringLiteral("20000 datasets"), many + "]"});
    }
    // Numbers at the edges of every numeric VR, and InlineBinary that is not base64.
    cases.push_back({QStringLiteral("numeric edges"),
                     R"([{"00280010":{"vr":"US","Value":[-1,65536,1e300,null]},)"
                     R"("00181310":{"vr":"SS","Value":[-32769,32768]},)"
                     R"("00280008":{"vr":"IS","Value":[1e30,-2147483649]},)"
                     R"("00281050":{"vr":"DS","Value":[1e308,-1e-320,"NaN"]},)"
                     R"("00189089":{"vr":"FD","Value":["Infinity","-Infinity","NaN",1.7976931348623157e308]},)"
                     R"("00091001":{"vr":"SV","Value":[9223372036854775807,-9223372036854775809]},)"
                     R"("00091002":{"vr":"UV","Value":[18446744073709551616]},)"
                     R"("7FE00010":{"vr":"OB","InlineBinary":"!!not base64=="}}])"});
    return cases;
}

} // namespace kilima::fuzz
#endif
