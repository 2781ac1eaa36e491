#pragma once

#include <QtCore/QIdentityProxyModel>

class AttachmentCounts;

/// A RecordTableModel with one more column at the end: the number of attachments of
/// each row's record, as AttachmentCounts stores it.
///
/// Every other column, and every row, is the source's, so row and column numbers of
/// the source stay valid on the proxy. The count column shows the number (empty
/// while unknown or 0, with the count in the tool tip) and passes the source's
/// RecordRole, SysIdRole and LoadedRole of the row through, so code that reads a row's
/// record works on any column. The counts come from AttachmentCounts under any table
/// (an empty table in AttachmentCounts::fetch()).
///
/// Lives in the GUI thread; @p counts must outlive the model.
class AttachmentCountProxyModel : public QIdentityProxyModel
{
    Q_OBJECT

public:
    explicit AttachmentCountProxyModel(AttachmentCounts *counts, QObject *parent = nullptr);

    /// The index of the count column: the source's column count.
    int countColumn() const;
    /// Returns the known count of @p row, or -1.
    qint64 count(int row) const;
    /// Tells views that the counts of the rows of @p recordSysIds changed.
    void updateRows(const QStringList &recordSysIds);

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QMap<int, QVariant> itemData(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    bool isCountIndex(const QModelIndex &index) const;

    AttachmentCounts *m_counts;
};
