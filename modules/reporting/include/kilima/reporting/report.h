// The report of one study as the radiologist writes it: five sections of
// rich text (kept also as plain text, which is what the SR carries),
// structured items, linked measurements and key images, the reading
// radiologist, timestamps, status and addenda. A plain value type: no I/O.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace kilima::reporting {

enum class ReportStatus { Draft, Preliminary, Final };
QString toString(ReportStatus status);               // "draft", "preliminary", "final"
bool reportStatusFromString(const QString &text, ReportStatus *status);

// Section keys, in report order.
inline const QStringList &sectionKeys()
{
    static const QStringList keys{QStringLiteral("clinical"), QStringLiteral("technique"), QStringLiteral("findings"),
                                  QStringLiteral("impression"), QStringLiteral("recommendation")};
    return keys;
}
// "Clinical information", "Technique", ...
QString sectionTitle(const QString &key);

struct Section {
    QString key;
    QString text;   // plain text: the SR's TEXT value, pdftotext's output
    QString html;   // rich text from the editor; empty = render `text`
};

// A name/value finding from a template's structured list ("Pleural
// effusion: none").
struct StructuredItem {
    QString section;   // section key it belongs to
    QString name;
    QString value;
};

enum class MeasurementKind { Length, Area, Angle, Mean, Other };
QString toString(MeasurementKind kind);
MeasurementKind measurementKindFromString(const QString &text);

struct Measurement {
    QString label;            // "Nodule RUL"
    MeasurementKind kind = MeasurementKind::Length;
    double value = 0;
    QString unit;             // UCUM: mm, mm2, deg, [hnsf'U]
    QString seriesUid;
    QString sopInstanceUid;
    QString sopClassUid;
    int frame = 0;            // 0-based
};

struct KeyImage {
    QString seriesUid;
    QString sopInstanceUid;
    QString sopClassUid;
    int frame = 0;            // 0-based
    double windowCenter = 0;  // both 0: the image's own window (or its range)
    double windowWidth = 0;
    QString description;
};

// Patient and study attributes the template fills in and the PDF header shows.
struct StudyFields {
    QString patientName;      // DICOM PN, UTF-8 ("Иванов^Пётр")
    QString patientId;
    QString patientBirthDate; // YYYYMMDD
    QString patientSex;
    QString studyUid;
    QString studyDate;        // YYYYMMDD
    QString studyTime;
    QString studyDescription;
    QString modality;         // modalities in study, "CT" or "CT\\PT"
    QString referringPhysician;
    QString accessionNumber;
    QString studyId;
    QString institution;
    QString bodyPart;
    // What template matching reads besides the above (UTF-8): the series'
    // descriptions and protocol names, requested/performed procedure
    // descriptions and code meanings; codes as "SCHEME:VALUE".
    QStringList descriptions;
    QStringList procedureCodes;

    // "Иванов, Пётр" from "Иванов^Пётр".
    static QString displayName(const QString &pn);
    // Every component group: "Yamada, Tarou (山田 太郎, やまだ たろう)";
    // the printed report shows this so ideographic and phonetic names stay.
    static QString fullDisplayName(const QString &pn);
    // "2024-01-15" from "20240115".
    static QString displayDate(const QString &da);
    QJsonObject toJson() const;
    static StudyFields fromJson(const QJsonObject &o);
};

struct Addendum {
    QString text;
    QString author;
    QDateTime signedAt;       // UTC
    QString srSopInstanceUid; // the amended SR written for it
    QString pdfSopInstanceUid;
};

struct Report {
    qint64 id = 0;            // store row; 0 = not stored yet
    QString studyUid;
    ReportStatus status = ReportStatus::Draft;
    QString templateId;
    StudyFields study;
    QList<Section> sections;  // always the five sectionKeys(), in order
    QList<StructuredItem> items;
    QList<Measurement> measurements;
    QList<KeyImage> keyImages;
    QString author;           // reading radiologist (user name)
    QString authorDisplayName;// as printed in the signature block
    QDateTime createdAt;      // UTC
    QDateTime updatedAt;
    QDateTime preliminaryAt;
    QDateTime signedAt;
    QString signedBy;
    QList<Addendum> addenda;
    // What sign-off wrote into the study.
    QString pdfSeriesUid, srSeriesUid, kosSeriesUid;
    QString pdfSopInstanceUid, srSopInstanceUid, kosSopInstanceUid;

    Report();
    static Report forStudy(const StudyFields &study);

    Section &section(const QString &key);
    const Section *section(const QString &key) const;
    void setSectionText(const QString &key, const QString &text, const QString &html = QString());

    // The report's text as the SR carries it: for each non-empty section
    // "Title:\n<text>\n", separated by blank lines; structured items follow
    // their section's text as "Name: value" lines. Addenda are not part of it.
    QString plainText() const;
    // A section's text with its structured items appended: what goes into
    // the section's SR TEXT item and the PDF.
    QString sectionBody(const QString &key) const;
    bool isEmpty() const;

    QJsonObject toJson() const;
    static Report fromJson(const QJsonObject &o);
};

} // namespace kilima::reporting
