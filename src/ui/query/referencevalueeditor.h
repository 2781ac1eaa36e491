#pragma once

#include "query/valueeditor.h"

#include <QtCore/QPointer>

class QCompleter;
class QLineEdit;
class QStandardItemModel;
class QTimer;

namespace snow {
class Response;
}

/// A record of the referenced table, picked by type-ahead search: typing queries the
/// table for `<display field>STARTSWITH<typed text>` after a short pause, the popup
/// shows display values, and the condition gets the picked record's sys_id.
///
/// Text typed without picking a result is sent as it is; ServiceNow then compares the
/// reference's display value. A sys_id set from a pasted query is shown by its display
/// value once ReferenceNames has looked it up.
class ReferenceValueEditor : public ValueEditor
{
    Q_OBJECT

public:
    /// The pause after the last key before a search is sent.
    static constexpr int SearchDelayMs = 250;
    /// The number of matches a search shows.
    static constexpr int SearchLimit = 20;

    ReferenceValueEditor(Session *session, const QString &referenceTable, QWidget *parent = nullptr);
    ~ReferenceValueEditor() override;

    QStringList values() const override;
    void setValues(const QStringList &values) override;
    bool canShow(const QStringList &values) const override;

    QLineEdit *lineEdit() const { return m_edit; }
    QCompleter *completer() const { return m_completer; }
    /// The search results, one row per record: display value, sys_id in Qt::UserRole.
    QStandardItemModel *results() const { return m_results; }
    /// Picks the search result in @p row, as choosing it in the popup does.
    void pickResult(int row);

Q_SIGNALS:
    /// A search finished and results() contains its matches (possibly none).
    void resultsReady();

private:
    void search();
    void sendSearch(const QString &displayField, const QString &text);
    void showName(const QString &table, const QString &sysId, const QString &name);

    Session *m_session;
    QString m_table;
    QString m_sysId;
    QLineEdit *m_edit;
    QCompleter *m_completer;
    QStandardItemModel *m_results;
    QTimer *m_searchTimer;
    QPointer<snow::Response> m_search;
    bool m_waitingForSchema = false;
};
