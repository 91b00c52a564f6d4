#include <kilima/dicom/srdocument.h>

#include <kilima/dicom/attributes.h>
#include <kilima/dicom/charset.h>
#include <kilima/dicom/dicomfile.h>
#include <kilima/dicom/units.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

namespace kilima::dicom {

namespace {

// Deep trees are legal but a reader never needs more than this; the limit
// keeps a hostile file from exhausting the stack.
constexpr int kMaxDepth = 64;

QString tr(const char *s)
{
    return QCoreApplication::translate("kilima::dicom::SrDocument", s);
}

DcmItem *firstItem(DcmItem &item, const DcmTagKey &tag)
{
    DcmSequenceOfItems *seq = nullptr;
    if (item.findAndGetSequence(tag, seq).good() && seq && seq->card() > 0)
        return seq->getItem(0);
    return nullptr;
}

QString sopClassName(const QString &uid)
{
    const char *n = dcmFindNameOfUID(uid.toLatin1().constData(), nullptr);
    if (!n)
        return uid.isEmpty() ? tr("unknown object") : uid;
    // DCMTK names classes by keyword ("ComprehensiveSRStorage"): spaced for reading.
    QString s = QString::fromLatin1(n);
    if (s.endsWith(QLatin1String("Storage")))
        s.chop(7);
    static const QRegularExpression words(QStringLiteral("([a-z])([A-Z])"));
    s.replace(words, QStringLiteral("\\1 \\2"));
    return s.trimmed();
}

QString codeMeaning(DcmItem *code)
{
    return code ? stringValue(*code, DCM_CodeMeaning) : QString();
}

QString codeRef(DcmItem *code)
{
    if (!code)
        return {};
    QString value = stringValue(*code, DCM_CodeValue);
    if (value.isEmpty())
        value = stringValue(*code, DCM_LongCodeValue);
    if (value.isEmpty())
        value = stringValue(*code, DCM_URNCodeValue);
    const QString scheme = stringValue(*code, DCM_CodingSchemeDesignator);
    if (value.isEmpty())
        return {};
    return QStringLiteral("(%1, %2)").arg(value, scheme);
}

// UCUM units as a radiologist writes them: "mm", "HU", "cm2"; annotation
// units ("{pixels}") and bracketed ones by their meaning.
QString unitsText(DcmItem *units)
{
    if (!units)
        return {};
    const QString value = stringValue(*units, DCM_CodeValue);
    const QString meaning = stringValue(*units, DCM_CodeMeaning);
    if (value == QLatin1String("1"))
        return meaning.compare(QLatin1String("no units"), Qt::CaseInsensitive) == 0 ? QString() : meaning;
    // Bracketed codes other than the ones unitText() knows read as their meaning.
    const QString text = unitText(value);
    if (text.isEmpty() || (text == value && (value.contains(QLatin1Char('{')) || value.contains(QLatin1Char('[')))))
        return meaning;
    return text;
}

QString dateText(const QString &da)
{
    if (da.size() >= 8)
        return QStringLiteral("%1-%2-%3").arg(da.left(4), da.mid(4, 2), da.mid(6, 2));
    return da;
}

QString timeText(const QString &tm)
{
    if (tm.size() >= 4)
        return QStringLiteral("%1:%2").arg(tm.left(2), tm.mid(2, 2)) + (tm.size() >= 6 ? QLatin1Char(':') + tm.mid(4, 2) : QString());
    return tm;
}

QString personText(QString pn)
{
    // "Family^Given^Middle^Prefix^Suffix" → "Given Middle Family"
    const QStringList parts = pn.split(QLatin1Char('='), Qt::KeepEmptyParts).value(0).split(QLatin1Char('^'));
    if (parts.size() < 2)
        return pn;
    QStringList out;
    for (int i : {3, 1, 2, 0, 4}) {
        if (i < parts.size() && !parts[i].trimmed().isEmpty())
            out.append(parts[i].trimmed());
    }
    return out.join(QLatin1Char(' '));
}

void readItem(DcmItem &item, SrContentItem *out, SrDocument *doc, int depth)
{
    out->relationship = stringValue(item, DCM_RelationshipType);
    out->valueType = stringValue(item, DCM_ValueType);
    DcmItem *name = firstItem(item, DCM_ConceptNameCodeSequence);
    out->conceptName = codeMeaning(name);
    out->conceptCode = codeRef(name);
    const QString vt = out->valueType;
    if (vt == QLatin1String("TEXT")) {
        out->value = stringValue(item, DCM_TextValue);
    } else if (vt == QLatin1String("CODE")) {
        DcmItem *code = firstItem(item, DCM_ConceptCodeSequence);
        out->value = codeMeaning(code);
        const QString ref = codeRef(code);
        if (!ref.isEmpty())
            out->value += QLatin1Char(' ') + ref;
    } else if (vt == QLatin1String("NUM")) {
        if (DcmItem *mv = firstItem(item, DCM_MeasuredValueSequence)) {
            out->value = stringValue(*mv, DCM_NumericValue);
            out->units = unitsText(firstItem(*mv, DCM_MeasurementUnitsCodeSequence));
        } else if (DcmItem *q = firstItem(item, DCM_NumericValueQualifierCodeSequence)) {
            out->value = codeMeaning(q);
        } else {
            out->value = tr("(no value)");
        }
    } else if (vt == QLatin1String("PNAME")) {
        out->value = personText(stringValue(item, DCM_PersonName));
    } else if (vt == QLatin1String("DATE")) {
        out->value = dateText(stringValue(item, DCM_Date));
    } else if (vt == QLatin1String("TIME")) {
        out->value = timeText(stringValue(item, DCM_Time));
    } else if (vt == QLatin1String("DATETIME")) {
        const QString dt = stringValue(item, DCM_DateTime);
        out->value = dateText(dt.left(8)) + (dt.size() > 8 ? QLatin1Char(' ') + timeText(dt.mid(8)) : QString());
    } else if (vt == QLatin1String("UIDREF")) {
        out->value = stringValue(item, DCM_UID);
    } else if (vt == QLatin1String("IMAGE") || vt == QLatin1String("COMPOSITE") || vt == QLatin1String("WAVEFORM")) {
        if (DcmItem *ref = firstItem(item, DCM_ReferencedSOPSequence))
            out->reference = sopClassName(stringValue(*ref, DCM_ReferencedSOPClassUID));
        out->value = out->reference.isEmpty() ? tr("image") : out->reference;
        if (vt == QLatin1String("IMAGE"))
            ++doc->imageReferences;
    } else if (vt == QLatin1String("SCOORD") || vt == QLatin1String("SCOORD3D")) {
        out->value = tr("%1 region (%2)").arg(vt == QLatin1String("SCOORD") ? tr("2D") : tr("3D"),
                                              stringValue(item, DCM_GraphicType));
    } else if (vt == QLatin1String("TCOORD")) {
        out->value = tr("time range (%1)").arg(stringValue(item, DCM_TemporalRangeType));
    } else if (vt == QLatin1String("CONTAINER")) {
        // Headings carry no value; the name is the heading.
    } else if (vt.isEmpty() && item.tagExists(DCM_ReferencedContentItemIdentifier)) {
        out->valueType = QStringLiteral("REFERENCE");
        out->value = tr("(refers to another item)");
    } else {
        out->value = tr("(%1 item)").arg(vt);
    }
    if (depth >= kMaxDepth)
        return;
    DcmSequenceOfItems *children = nullptr;
    if (item.findAndGetSequence(DCM_ContentSequence, children).good() && children) {
        for (unsigned long i = 0; i < children->card(); ++i) {
            SrContentItem child;
            readItem(*children->getItem(i), &child, doc, depth + 1);
            out->children.append(std::move(child));
        }
    }
}

QString line(const SrContentItem &it)
{
    QString name = it.conceptName;
    if (it.valueType == QLatin1String("CONTAINER"))
        return name.isEmpty() ? tr("(untitled section)") : name;
    QString value = it.value;
    if (!it.units.isEmpty())
        value += QLatin1Char(' ') + it.units;
    if (name.isEmpty())
        return value;
    return name + QStringLiteral(": ") + value;
}

void appendText(const SrContentItem &it, int indent, QStringList *out)
{
    const QString pad(indent * 2, QLatin1Char(' '));
    out->append(pad + line(it));
    // Image libraries list dozens of identical references: one line says it.
    for (int i = 0; i < it.children.size();) {
        const SrContentItem &c = it.children[i];
        int run = 1;
        if (c.children.isEmpty() && (c.valueType == QLatin1String("IMAGE") || c.valueType == QLatin1String("COMPOSITE"))) {
            while (i + run < it.children.size() && it.children[i + run].children.isEmpty() &&
                   line(it.children[i + run]) == line(c))
                ++run;
        }
        if (run > 1)
            out->append(pad + QStringLiteral("  ") + line(c) + QStringLiteral(" × %1").arg(run));
        else
            appendText(c, indent + 1, out);
        i += run;
    }
}

int countImages(DcmItem &ds)
{
    int n = 0;
    DcmSequenceOfItems *series = nullptr;
    if (ds.findAndGetSequence(DCM_ReferencedSeriesSequence, series).good() && series) {
        for (unsigned long i = 0; i < series->card(); ++i) {
            DcmSequenceOfItems *images = nullptr;
            if (series->getItem(i)->findAndGetSequence(DCM_ReferencedImageSequence, images).good() && images)
                n += int(images->card());
        }
    }
    return n;
}

} // namespace

core::Result<SrDocument> readSrDocument(DcmItem &ds)
{
    if (stringValue(ds, DCM_ValueType) != QLatin1String("CONTAINER") && !ds.tagExists(DCM_ContentSequence))
        return core::Error{tr("not a structured report: no content tree")};
    SrDocument doc;
    doc.sopClassName = sopClassName(stringValue(ds, DCM_SOPClassUID));
    doc.completion = stringValue(ds, DCM_CompletionFlag);
    doc.verification = stringValue(ds, DCM_VerificationFlag);
    doc.seriesDescription = stringValue(ds, DCM_SeriesDescription);
    const QString date = stringValue(ds, DCM_ContentDate), time = stringValue(ds, DCM_ContentTime);
    if (!date.isEmpty())
        doc.contentDateTime = dateText(date) + (time.isEmpty() ? QString() : QLatin1Char(' ') + timeText(time).left(5));
    readItem(ds, &doc.root, &doc, 0);
    doc.root.relationship.clear();
    doc.title = doc.root.conceptName;
    return doc;
}

core::Result<SrDocument> loadSrDocument(const QString &path)
{
    auto f = DicomFile::load(path);
    if (!f)
        return core::Error{f.error()};
    DcmDataset &ds = f.value().dataset();
    convertToUtf8(ds);
    return readSrDocument(ds);
}

QString srText(const SrDocument &doc)
{
    QStringList out;
    QStringList status;
    if (!doc.completion.isEmpty())
        status.append(doc.completion == QLatin1String("COMPLETE") ? tr("complete") : tr("partial"));
    if (!doc.verification.isEmpty())
        status.append(doc.verification == QLatin1String("VERIFIED") ? tr("verified") : tr("unverified"));
    if (!doc.contentDateTime.isEmpty())
        status.append(doc.contentDateTime);
    if (!status.isEmpty())
        out.append(status.join(QStringLiteral(", ")));
    appendText(doc.root, 0, &out);
    return out.join(QLatin1Char('\n'));
}

ObjectSummary summarizeObject(const QString &path)
{
    ObjectSummary s;
    auto f = DicomFile::load(path);
    if (!f) {
        s.kind = QStringLiteral("other");
        s.heading = tr("Unreadable object");
        s.text = QFileInfo(path).fileName() + QStringLiteral(": ") + f.error();
        return s;
    }
    DcmDataset &ds = f.value().dataset();
    convertToUtf8(ds);
    const QString cls = stringValue(ds, DCM_SOPClassUID);
    s.studyUid = stringValue(ds, DCM_StudyInstanceUID);
    s.seriesUid = stringValue(ds, DCM_SeriesInstanceUID);
    s.sopUid = stringValue(ds, DCM_SOPInstanceUID);
    s.modality = stringValue(ds, DCM_Modality);
    s.seriesDescription = stringValue(ds, DCM_SeriesDescription);
    s.seriesNumber = stringValue(ds, DCM_SeriesNumber).toInt();
    const QString name = sopClassName(cls);

    if (cls == QLatin1String(UID_KeyObjectSelectionDocumentStorage)) {
        s.kind = QStringLiteral("KO");
        auto doc = readSrDocument(ds);
        const int n = doc ? doc.value().imageReferences : 0;
        s.heading = n == 1 ? tr("Key Object Selection — 1 image flagged") : tr("Key Object Selection — %1 images flagged").arg(n);
        if (doc) {
            s.heading += QStringLiteral(": ") + doc.value().title;
            s.text = srText(doc.value());
        }
        return s;
    }
    if (ds.tagExists(DCM_ContentSequence) && stringValue(ds, DCM_ValueType) == QLatin1String("CONTAINER")) {
        s.kind = QStringLiteral("SR");
        auto doc = readSrDocument(ds);
        if (doc) {
            s.heading = doc.value().title.isEmpty() ? name : doc.value().title;
            s.text = name + QLatin1Char('\n') + srText(doc.value());
        } else {
            s.heading = name;
            s.text = doc.error();
        }
        return s;
    }
    if (cls == QLatin1String(UID_EncapsulatedPDFStorage)) {
        s.kind = QStringLiteral("PDF");
        const QString title = stringValue(ds, DCM_DocumentTitle);
        s.heading = tr("Encapsulated PDF: open externally");
        s.text = (title.isEmpty() ? tr("(untitled document)") : title) + QLatin1Char('\n') +
                 tr("The viewer does not display PDF documents; export the object to open it in a PDF reader.");
        return s;
    }
    if (cls.startsWith(QLatin1String("1.2.840.10008.5.1.4.1.1.11."))) {
        s.kind = QStringLiteral("PR");
        const QString label = stringValue(ds, DCM_ContentLabel), desc = stringValue(ds, DCM_ContentDescription);
        s.heading = tr("Presentation State") + (label.isEmpty() ? QString() : QStringLiteral(": ") + label);
        s.text = name + QLatin1Char('\n') + (desc.isEmpty() ? QString() : desc + QLatin1Char('\n')) +
                 tr("Applies to %1 image(s).").arg(countImages(ds));
        return s;
    }
    if (cls == QLatin1String(UID_RealWorldValueMappingStorage)) {
        s.kind = QStringLiteral("RWV");
        s.heading = tr("Real World Value Mapping");
        QStringList lines;
        DcmSequenceOfItems *refs = nullptr;
        if (ds.findAndGetSequence(DCM_ReferencedImageRealWorldValueMappingSequence, refs).good() && refs) {
            for (unsigned long i = 0; i < refs->card(); ++i) {
                DcmSequenceOfItems *maps = nullptr;
                if (!refs->getItem(i)->findAndGetSequence(DCM_RealWorldValueMappingSequence, maps).good() || !maps)
                    continue;
                for (unsigned long j = 0; j < maps->card(); ++j) {
                    DcmItem &m = *maps->getItem(j);
                    lines.append(tr("%1: value × %2 + %3 %4")
                                     .arg(stringValue(m, DCM_LUTLabel), stringValue(m, DCM_RealWorldValueSlope),
                                          stringValue(m, DCM_RealWorldValueIntercept),
                                          unitsText(firstItem(m, DCM_MeasurementUnitsCodeSequence))));
                }
            }
        }
        s.text = lines.join(QLatin1Char('\n'));
        return s;
    }
    s.kind = QStringLiteral("other");
    s.heading = name;
    s.text = tr("This object has no image to display.");
    return s;
}

} // namespace kilima::dicom
