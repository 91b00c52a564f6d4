// Structured Report content trees and the other objects without pixel data
// (Key Object Selection, Presentation State, Encapsulated PDF, Real World
// Value Mapping...) read into something a reader can be shown as text.
// Headless: dcmdata only; thread safe (no shared state); never throws, a
// malformed tree yields what could be read plus a note, never a crash.
#pragma once

#include <kilima/core/result.h>

#include <QList>
#include <QString>
#include <QStringList>

class DcmItem;

namespace kilima::dicom {

// One content item (PS3.3 C.17.3). Text fields are UTF-8.
struct SrContentItem {
    QString relationship;   // "CONTAINS", "HAS OBS CONTEXT", ... (empty for the root)
    QString valueType;      // "CONTAINER", "TEXT", "CODE", "NUM", "PNAME", "IMAGE", ...
    QString conceptName;    // Concept Name Code Sequence's Code Meaning
    QString conceptCode;    // "(121071, DCM)" when coded
    QString value;          // the value as a reader reads it (text, code meaning, number, date...)
    QString units;          // NUM only: "mm", "HU", "cm2"...
    QString reference;      // IMAGE/COMPOSITE: referenced SOP class name
    QList<SrContentItem> children;
};

struct SrDocument {
    QString sopClassName;   // "Comprehensive SR", "Key Object Selection Document"...
    QString title;          // root concept name ("Imaging Measurement Report")
    QString completion, verification;
    QString contentDateTime;   // "2015-08-19 11:21"
    QString seriesDescription;
    SrContentItem root;
    int imageReferences = 0;   // IMAGE items anywhere in the tree
};

// Reads the SR content tree of a dataset already converted to UTF-8
// (charset.h convertToUtf8) or pure ASCII.
core::Result<SrDocument> readSrDocument(DcmItem &dataset);
core::Result<SrDocument> loadSrDocument(const QString &path);

// The tree as indented plain text: headings for containers, "name: value"
// lines for the rest (numbers with their units, codes by their meaning).
// Repeated runs of identical image references collapse to one line.
QString srText(const SrDocument &doc);

// What a viewport shows for an object without an image to display.
struct ObjectSummary {
    QString kind;            // "SR", "KO", "PR", "PDF", "RWV", "other"
    QString heading;         // "Key Object Selection — 3 images flagged"
    QString text;            // body (report text, list of flagged images, hint)
    QString studyUid, seriesUid, sopUid, modality, seriesDescription;
    int seriesNumber = 0;
};

// Reads `path` and summarises it (never fails: an unreadable file gives a
// summary that says why).
ObjectSummary summarizeObject(const QString &path);

} // namespace kilima::dicom
