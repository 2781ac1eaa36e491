#pragma once

#include "editor/fieldvalue.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonObject>
#include <QtCore/QMap>
#include <QtCore/QString>

#include <optional>

/// The unsaved edits of one record form, complete enough to restore the form after a
/// crash and to detect, at the next save, that the record changed meanwhile.
struct RecordDraft
{
    /// Names the form's recovery file; stays the same across restores.
    QString id;
    /// The connection profile the form belongs to (Session::profileId()).
    QString profileId;
    /// The instance, for the user: "dev12345.service-now.com".
    QString instanceLabel;
    QString table;
    QString tableLabel;
    /// Empty for a record not yet created.
    QString sysId;
    /// The record's display value, such as "INC0010001", for the user.
    QString title;
    /// `sys_mod_count` and `sys_updated_on` of the record the edits started from.
    QString loadedModCount;
    QString loadedUpdatedOn;
    /// The values the edited fields had when the form loaded them.
    QMap<QString, FieldValue> loadedValues;
    /// The user's value of each edited field.
    QMap<QString, FieldValue> edits;
    /// When the draft was written, in UTC.
    QDateTime savedAt;

    bool isNewRecord() const { return sysId.isEmpty(); }

    QJsonObject toJson() const;
    /// Reads a draft written by toJson(). Returns nullopt and sets @p error when
    /// @p json lacks the id, the table or the edits, or has a newer format.
    static std::optional<RecordDraft> fromJson(const QJsonObject &json, QString *error = nullptr);

    /// The version written in "format"; fromJson() rejects newer ones.
    static constexpr int FormatVersion = 1;
};
