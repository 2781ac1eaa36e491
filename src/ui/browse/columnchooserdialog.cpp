#include "columnchooserdialog.h"

#include "metadata/tableschema.h"

#include <QtCore/QSortFilterProxyModel>
#include <QtGui/QStandardItemModel>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListView>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int FieldRole = Qt::UserRole + 1;

} // namespace

ColumnChooserDialog::ColumnChooserDialog(const TableSchema &schema, const QStringList &chosen, const QStringList &defaults,
                                         QWidget *parent)
    : QDialog(parent)
    , m_schema(schema)
    , m_defaults(defaults)
    , m_model(new QStandardItemModel(this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_list(new QListView(this))
    , m_upButton(new QPushButton(tr("Move &Up"), this))
    , m_downButton(new QPushButton(tr("Move &Down"), this))
{
    setObjectName(u"columnChooser"_s);
    setWindowTitle(tr("Columns of %1").arg(schema.label.isEmpty() ? schema.table : schema.label));
    // Wide enough for long labels with their field names, such as
    // "Comments and Work notes (comments_and_work_notes)".
    resize(540, 600);

    m_filter->setSourceModel(m_model);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_search->setObjectName(u"columnSearch"_s);
    m_search->setPlaceholderText(tr("Search columns by label or name"));
    m_search->setClearButtonEnabled(true);
    m_list->setObjectName(u"columnList"_s);
    m_list->setModel(m_filter);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_list->setDragDropOverwriteMode(false);
    m_upButton->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_downButton->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    auto *defaultsButton = new QPushButton(tr("De&faults"), this);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ColumnChooserDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *moveButtons = new QVBoxLayout();
    moveButtons->addWidget(m_upButton);
    moveButtons->addWidget(m_downButton);
    moveButtons->addStretch(1);
    moveButtons->addWidget(defaultsButton);
    auto *listRow = new QHBoxLayout();
    listRow->addWidget(m_list, 1);
    listRow->addLayout(moveButtons);

    auto *label = new QLabel(tr("&Search:"), this);
    label->setBuddy(m_search);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_search);
    layout->addLayout(listRow, 1);
    layout->addWidget(buttons);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setFilterFixedString(text.trimmed());
        // Reordering a filtered list would move fields past hidden ones unseen.
        m_list->setDragEnabled(text.trimmed().isEmpty());
        if (m_filter->rowCount() > 0 && !m_list->currentIndex().isValid())
            m_list->setCurrentIndex(m_filter->index(0, 0));
        updateButtons();
    });
    connect(m_upButton, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_downButton, &QPushButton::clicked, this, [this] { moveCurrent(1); });
    connect(defaultsButton, &QPushButton::clicked, this, [this] {
        m_search->clear();
        fill(m_defaults);
    });

    fill(chosen);
    m_search->setFocus();
}

ColumnChooserDialog::~ColumnChooserDialog() = default;

void ColumnChooserDialog::fill(const QStringList &chosen)
{
    m_model->clear();

    const auto makeItem = [](const QString &field, const QString &label, bool checked) {
        auto *item = new QStandardItem(label == field ? field : u"%1 (%2)"_s.arg(label, field));
        item->setData(field, FieldRole);
        item->setToolTip(field);
        // No ItemIsDropEnabled: a field dropped on another must land beside it, not inside.
        item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsDragEnabled);
        item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
        return item;
    };

    // The chosen fields keep their order, even ones the dictionary lacks (sys_id).
    for (const QString &field : chosen) {
        const FieldInfo *info = m_schema.field(field);
        m_model->appendRow(makeItem(field, info ? info->label : field, true));
    }
    for (const FieldInfo &info : m_schema.fields) {
        if (!chosen.contains(info.name))
            m_model->appendRow(makeItem(info.name, info.label, false));
    }
    if (!chosen.contains(u"sys_id"_s) && !m_schema.field(u"sys_id"_s))
        m_model->appendRow(makeItem(u"sys_id"_s, tr("Sys ID"), false));

    if (m_filter->rowCount() > 0)
        m_list->setCurrentIndex(m_filter->index(0, 0));
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &ColumnChooserDialog::updateButtons,
            Qt::UniqueConnection);
    updateButtons();
}

QStandardItem *ColumnChooserDialog::itemFor(const QString &field) const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->item(row)->data(FieldRole).toString() == field)
            return m_model->item(row);
    }
    return nullptr;
}

QStringList ColumnChooserDialog::chosenFields() const
{
    QStringList fields;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QStandardItem *item = m_model->item(row);
        if (item->checkState() == Qt::Checked)
            fields.append(item->data(FieldRole).toString());
    }
    return fields;
}

bool ColumnChooserDialog::setFieldChosen(const QString &field, bool chosen)
{
    QStandardItem *item = itemFor(field);
    if (!item)
        return false;
    item->setCheckState(chosen ? Qt::Checked : Qt::Unchecked);
    return true;
}

bool ColumnChooserDialog::moveCurrent(int delta)
{
    if (!m_search->text().trimmed().isEmpty())
        return false;

    const QModelIndex current = m_filter->mapToSource(m_list->currentIndex());
    const int from = current.row();
    const int to = from + delta;
    if (!current.isValid() || to < 0 || to >= m_model->rowCount())
        return false;

    const QList<QStandardItem *> row = m_model->takeRow(from);
    m_model->insertRow(to, row);
    m_list->setCurrentIndex(m_filter->mapFromSource(m_model->index(to, 0)));
    updateButtons();
    return true;
}

void ColumnChooserDialog::updateButtons()
{
    const bool searching = !m_search->text().trimmed().isEmpty();
    const int row = m_filter->mapToSource(m_list->currentIndex()).row();
    m_upButton->setEnabled(!searching && row > 0);
    m_downButton->setEnabled(!searching && row >= 0 && row < m_model->rowCount() - 1);
}

void ColumnChooserDialog::accept()
{
    if (chosenFields().isEmpty()) {
        QMessageBox::information(this, windowTitle(), tr("Check at least one column to show."));
        return;
    }
    QDialog::accept();
}
