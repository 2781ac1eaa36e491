#pragma once

#include <snow/querybuilder.h>

#include <QtCore/QAbstractListModel>

#include <functional>

Q_DECLARE_METATYPE(snow::QueryBuilder::Term)

/// The rows of the query builder: one QueryBuilder::Term per row, in query order.
/// Conditions, orderings and the parts the builder cannot show (Verbatim terms) are
/// all rows, so a pasted query comes back unchanged from encodedQuery().
///
/// Conditions and orderings without a field are rows the user has not finished; they
/// stay in the model but are left out of encodedQuery(). Each row keeps its own join,
/// and the join of the first encoded row is not written.
class QueryRowModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        TermRole = Qt::UserRole + 1, ///< the whole QueryBuilder::Term; settable
        KindRole,                    ///< Term::Kind as int
        JoinRole,                    ///< QueryBuilder::Join as int
        FieldRole,                   ///< the field name, empty for Verbatim rows
        OperatorRole,                ///< QueryBuilder::Operator as int
        ValuesRole,                  ///< QStringList of unescaped values
        EncodedRole,                 ///< the term as encoded query text, without its join
    };

    using Describer = std::function<QString(const snow::QueryBuilder::Term &)>;

    explicit QueryRowModel(QObject *parent = nullptr);

    /// Sets the function that writes the DisplayRole text; by default the encoded term.
    void setDescriber(Describer describer);

    /// Replaces every row with the terms of @p encoded, parsed by QueryBuilder::fromString().
    void setEncodedQuery(const QString &encoded);
    /// Returns the query of every finished row; an empty string when there is none.
    QString encodedQuery() const;
    /// Returns the query of rows 0 to @p lastRow, followed by the orderings after
    /// @p lastRow; -1 keeps only the orderings. Breadcrumbs cut queries this way.
    QString encodedQueryUpTo(int lastRow) const;

    QList<snow::QueryBuilder::Term> terms() const { return m_terms; }
    snow::QueryBuilder::Term term(int row) const { return m_terms.value(row); }
    void setTerm(int row, const snow::QueryBuilder::Term &term);
    void insertTerm(int row, const snow::QueryBuilder::Term &term);
    void appendTerm(const snow::QueryBuilder::Term &term);
    void removeTerm(int row);
    /// Moves row @p from so that it ends up at index @p to. Returns false when either
    /// index is out of range or they are equal.
    bool moveTerm(int from, int to);
    void clear();

    /// True for a condition or ordering with a field, and for every Verbatim row.
    static bool isFinished(const snow::QueryBuilder::Term &term);
    /// Returns the query of @p terms, skipping unfinished ones.
    static QString encode(const QList<snow::QueryBuilder::Term> &terms);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool removeRows(int row, int count, const QModelIndex &parent = QModelIndex()) override;
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count, const QModelIndex &destinationParent,
                  int destinationChild) override;

Q_SIGNALS:
    /// The encoded query changed, after any edit, insertion, removal or move.
    void encodedQueryChanged(const QString &encoded);

private:
    void notifyQueryChanged();

    QList<snow::QueryBuilder::Term> m_terms;
    Describer m_describer;
    QString m_lastEncoded;
};
