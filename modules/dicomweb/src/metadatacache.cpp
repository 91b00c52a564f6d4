#include "metadatacache_p.h"

#include <kilima/dicom/attributes.h>
#include <kilima/dicom/charset.h>
#include <kilima/dicom/dicomjson.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QtConcurrent/QtConcurrentMap>

namespace kilima::dicomweb {

MetadataCache::MetadataCache(qint64 maxBytes) : m_maxBytes(maxBytes) {}

QString MetadataCache::keyOf(const QString &path) const
{
    const QFileInfo fi(path);
    return path + QLatin1Char('|') + QString::number(fi.size()) + QLatin1Char('|') +
           QString::number(fi.lastModified().toMSecsSinceEpoch());
}

core::Result<InstanceMetadata> MetadataCache::parse(const QString &path)
{
    DcmFileFormat ff;
    // Values over 4 KiB (pixel data, large private blobs) are not read:
    // they become BulkDataURIs anyway.
    const OFCondition cond = ff.loadFile(OFFilename(QFile::encodeName(path).constData()), EXS_Unknown, EGL_noChange, 4096);
    if (cond.bad())
        return core::Error{QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), QString::fromLatin1(cond.text()))};
    DcmDataset &ds = *ff.getDataset();
    dicom::convertToUtf8(ds);
    InstanceMetadata m;
    m.studyUid = dicom::stringValue(ds, DCM_StudyInstanceUID);
    m.seriesUid = dicom::stringValue(ds, DCM_SeriesInstanceUID);
    m.sopUid = dicom::stringValue(ds, DCM_SOPInstanceUID);
    const QString instanceUrl = QString::fromLatin1(kBasePlaceholder) + QStringLiteral("/studies/") + m.studyUid +
                                QStringLiteral("/series/") + m.seriesUid + QStringLiteral("/instances/") + m.sopUid;
    dicom::JsonOptions options;
    options.bulkDataUri = [&](const QStringList &tagPath, const QList<int> &itemPath) {
        QString uri = instanceUrl + QStringLiteral("/bulk");
        for (int i = 0; i < tagPath.size(); ++i) {
            uri += QLatin1Char('/') + tagPath.at(i);
            if (i < itemPath.size() && i + 1 < tagPath.size())
                uri += QLatin1Char('/') + QString::number(itemPath.at(i));
        }
        return uri;
    };
    m.json = QJsonDocument(dicom::toDicomJson(ds, options)).toJson(QJsonDocument::Compact);
    return m;
}

core::Result<QList<std::shared_ptr<const InstanceMetadata>>> MetadataCache::get(const QStringList &paths)
{
    QList<std::shared_ptr<const InstanceMetadata>> out(paths.size());
    QStringList keys;
    keys.reserve(paths.size());
    QList<int> missing;
    {
        for (const QString &p : paths)
            keys << keyOf(p);
        std::lock_guard<std::mutex> lock(m_mutex);
        for (int i = 0; i < paths.size(); ++i) {
            auto it = m_index.find(keys.at(i));
            if (it == m_index.end()) {
                missing << i;
                continue;
            }
            out[i] = (*it)->value;
            m_lru.splice(m_lru.begin(), m_lru, *it);
            ++m_hits;
        }
        m_misses += missing.size();
    }
    if (missing.isEmpty())
        return out;

    // Parse the misses on the global pool (header-only reads).
    QList<core::Result<InstanceMetadata>> parsed =
        QtConcurrent::blockingMapped(missing, [&paths](int i) { return parse(paths.at(i)); });
    std::lock_guard<std::mutex> lock(m_mutex);
    for (int k = 0; k < missing.size(); ++k) {
        if (!parsed.at(k))
            return core::Error{parsed.at(k).error()};
        const int i = missing.at(k);
        auto value = std::make_shared<const InstanceMetadata>(parsed[k].take());
        out[i] = value;
        if (m_index.contains(keys.at(i)))
            continue;
        m_lru.push_front(Entry{keys.at(i), value});
        m_index.insert(keys.at(i), m_lru.begin());
        m_bytes += value->json.size() + 256;
        while (m_bytes > m_maxBytes && m_lru.size() > 1) {
            const Entry &last = m_lru.back();
            m_bytes -= last.value->json.size() + 256;
            m_index.remove(last.key);
            m_lru.pop_back();
        }
    }
    return out;
}

} // namespace kilima::dicomweb
