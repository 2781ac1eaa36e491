#pragma once

#include "query/queryrowwidget.h"

class FieldPicker;
class QComboBox;
class Session;

/// An ordering row: the field to sort by and the direction (`ORDERBY` or `ORDERBYDESC`).
class OrderRowWidget : public QueryRowWidget
{
    Q_OBJECT

public:
    OrderRowWidget(Session *session, const QString &table, const snow::QueryBuilder::Term &term, QWidget *parent = nullptr);

    FieldPicker *fieldPicker() const { return m_fieldPicker; }
    QComboBox *directionBox() const { return m_directionBox; }

private:
    void refresh();

    Session *m_session;
    QString m_table;
    FieldPicker *m_fieldPicker;
    QComboBox *m_directionBox;
};
