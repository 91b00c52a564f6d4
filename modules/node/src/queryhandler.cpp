#include "services_p.h"

#include <kilima/archive/query.h>
#include <kilima/archive/worklist.h>
#include <kilima/dicom/attributes.h>
#include <kilima/dicom/charset.h>
#include <kilima/dicom/dicomjson.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcelem.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>

namespace kilima::node {

namespace {

constexpr quint16 kSuccess = 0x0000;
constexpr quint16 kIdentifierDoesNotMatch = 0xA900;
constexpr quint16 kUnableToProcess = 0xC000;

bool levelOf(DcmDataset &identifier, archive::Level *level, QString *text)
{
    *text = dicom::stringValue(identifier, DCM_QueryRetrieveLevel).toUpper();
    if (*text == QLatin1String("IMAGE"))
        *text = QStringLiteral("instance");
    return archive::levelFromString(*text, level);
}

void putString(DcmItem &item, const DcmTagKey &tag, const QString &value)
{
    item.putAndInsertString(tag, value.toUtf8().constData());
}

} // namespace

dicomnet::FindResponse ArchiveQueryHandler::find(const dicomnet::Peer &, dicomnet::QueryModel model, DcmDataset &identifier,
                                                 const std::function<bool(DcmDataset &)> &emit)
{
    QString warning;
    if (!dicom::convertToUtf8(identifier, &warning))
        return {kUnableToProcess, QStringLiteral("cannot decode the identifier's character set")};
    if (model == dicomnet::QueryModel::Worklist)
        return findWorklist(identifier, emit);

    archive::Query query;
    QString levelText;
    if (!levelOf(identifier, &query.level, &levelText))
        return {kIdentifierDoesNotMatch, QStringLiteral("Query/Retrieve Level \"%1\" is not valid").arg(levelText)};
    query.ordered = false;

    // Every element of the identifier is a matching key or a return key;
    // keys the index cannot answer are returned empty (PS3.4 C.2.2.1.3).
    // The identifier comes from the network: walk its list (getElement(i)
    // and a lookup per key seek from the start, quadratic in the keys).
    QList<DcmTagKey> requested;
    for (DcmObject *o = identifier.nextInContainer(nullptr); o; o = identifier.nextInContainer(o)) {
        auto *el = dynamic_cast<DcmElement *>(o);
        if (!el)
            continue;
        const DcmTagKey tag = el->getTag();
        if (tag == DCM_QueryRetrieveLevel || tag == DCM_SpecificCharacterSet || tag.getGroup() == 0x0000 ||
            tag.getElement() == 0x0000)
            continue;
        requested << tag;
        const unsigned int number = dicom::tagNumber(tag);
        if (!archive::isQueryable(query.level, number))
            continue;
        query.keys.append({number, dicom::stringValue(*el)});
    }
    const auto rows = m_archive.query(query);
    if (!rows)
        return {kUnableToProcess, rows.error().left(64)};
    for (const dicom::AttributeMap &row : rows.value()) {
        DcmDataset match;
        putString(match, DCM_SpecificCharacterSet, QStringLiteral("ISO_IR 192"));
        putString(match, DCM_QueryRetrieveLevel, dicom::stringValue(identifier, DCM_QueryRetrieveLevel));
        putString(match, DCM_RetrieveAETitle, m_config.node.aeTitle);
        for (const DcmTagKey &tag : requested) {
            const auto it = row.find(dicom::tagNumber(tag));
            match.insertEmptyElement(tag);
            if (it != row.end() && !it->second.isEmpty())
                putString(match, tag, it->second);
        }
        if (!emit(match))
            break;
    }
    return {kSuccess, {}};
}

dicomnet::FindResponse ArchiveQueryHandler::findWorklist(DcmDataset &identifier, const std::function<bool(DcmDataset &)> &emit)
{
    const archive::WorklistQuery q = archive::Worklist::fromIdentifier(identifier);
    const auto items = m_archive.worklist().find(q);
    if (!items)
        return {kUnableToProcess, items.error().left(64)};
    DcmItem *requestedStep = nullptr;
    identifier.findAndGetSequenceItem(DCM_ScheduledProcedureStepSequence, requestedStep, 0);
    for (const archive::WorklistItem &item : items.value()) {
        auto parsed = dicom::fromDicomJson(item.item);
        if (!parsed)
            continue;
        DcmDataset &stored = *parsed.value();
        DcmDataset match;
        putString(match, DCM_SpecificCharacterSet, QStringLiteral("ISO_IR 192"));
        // Return what was asked for: each requested key with the stored value
        // (empty when the item has none); the procedure step sequence item by item.
        for (DcmObject *o = identifier.nextInContainer(nullptr); o; o = identifier.nextInContainer(o)) {
            auto *el = dynamic_cast<DcmElement *>(o);
            if (!el)
                continue;
            const DcmTagKey tag = el->getTag();
            if (tag == DCM_SpecificCharacterSet || tag.getElement() == 0x0000)
                continue;
            if (tag == DCM_ScheduledProcedureStepSequence) {
                DcmItem *storedStep = nullptr;
                stored.findAndGetSequenceItem(tag, storedStep, 0);
                DcmItem *out = nullptr;
                match.findOrCreateSequenceItem(tag, out, 0);
                if (!out)
                    continue;
                if (requestedStep && storedStep) {
                    for (DcmObject *k = requestedStep->nextInContainer(nullptr); k; k = requestedStep->nextInContainer(k)) {
                        const DcmTagKey sub = k->getTag();
                        DcmElement *value = nullptr;
                        if (storedStep->findAndGetElement(sub, value, OFFalse, OFTrue /* copy */).good() && value)
                            out->insert(value, OFTrue);
                        else
                            out->insertEmptyElement(sub);
                    }
                }
                continue;
            }
            DcmElement *value = nullptr;
            if (stored.findAndGetElement(tag, value, OFFalse, OFTrue).good() && value)
                match.insert(value, OFTrue);
            else
                match.insertEmptyElement(tag);
        }
        if (!emit(match))
            break;
    }
    return {kSuccess, {}};
}

} // namespace kilima::node
