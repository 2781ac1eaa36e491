#include "query/savedqueriesdialog.h"

#include "query/savedquerystore.h"

#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QInputDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

SavedQueriesDialog::SavedQueriesDialog(SavedQueryStore *store, const QString &table, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_table(table)
    , m_list(new QListWidget(this))
    , m_loadButton(new QPushButton(tr("&Load"), this))
    , m_renameButton(new QPushButton(tr("&Rename…"), this))
    , m_deleteButton(new QPushButton(tr("&Delete"), this))
    , m_message(new QLabel(this))
{
    setObjectName(u"savedQueriesDialog"_s);
    setWindowTitle(tr("Saved Queries of %1").arg(table));
    resize(520, 320);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_loadButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_renameButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_deleteButton, QDialogButtonBox::ActionRole);
    m_loadButton->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(tr("&Queries:"), this);
    label->setBuddy(m_list);
    layout->addWidget(label);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    m_message->setObjectName(u"savedQueriesMessage"_s);
    m_message->setWordWrap(true);
    m_message->hide();

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &SavedQueriesDialog::updateButtons);
    connect(m_list, &QListWidget::itemActivated, this, [this] { m_loadButton->click(); });
    connect(m_loadButton, &QPushButton::clicked, this, [this] {
        const QString name = selectedName();
        if (name.isEmpty())
            return;
        accept();
        Q_EMIT loadRequested(name);
    });
    connect(m_renameButton, &QPushButton::clicked, this, [this] {
        const QString from = selectedName();
        if (from.isEmpty())
            return;
        bool accepted = false;
        const QString to = QInputDialog::getText(this, tr("Rename Query"), tr("New name:"), QLineEdit::Normal, from, &accepted);
        if (accepted)
            renameQuery(from, to);
    });
    connect(m_deleteButton, &QPushButton::clicked, this, [this] {
        const QString name = selectedName();
        if (name.isEmpty())
            return;
        const auto answer = QMessageBox::question(this, tr("Delete Query"), tr("Delete the saved query \"%1\"?").arg(name));
        if (answer == QMessageBox::Yes)
            deleteQuery(name);
    });

    reload();
}

void SavedQueriesDialog::reload()
{
    const QString keep = selectedName();
    m_list->clear();
    const QList<SavedQuery> queries = m_store->savedQueries(m_table);
    for (const SavedQuery &query : queries) {
        auto *item = new QListWidgetItem(query.name, m_list);
        item->setToolTip(query.query);
    }
    const QList<QListWidgetItem *> found = m_list->findItems(keep, Qt::MatchExactly);
    m_list->setCurrentRow(found.isEmpty() ? 0 : m_list->row(found.first()));
    updateButtons();
}

QString SavedQueriesDialog::selectedName() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->text() : QString();
}

void SavedQueriesDialog::updateButtons()
{
    const bool selected = m_list->currentItem() != nullptr;
    m_loadButton->setEnabled(selected);
    m_renameButton->setEnabled(selected);
    m_deleteButton->setEnabled(selected);
}

bool SavedQueriesDialog::renameQuery(const QString &from, const QString &to)
{
    if (!m_store->rename(m_table, from, to)) {
        const QString reason = to.trimmed().isEmpty() ? tr("the new name is empty")
                                                      : tr("a query named \"%1\" already exists").arg(to.trimmed());
        m_message->setText(tr("The query \"%1\" was not renamed because %2. Choose another name.").arg(from, reason));
        m_message->show();
        return false;
    }
    m_message->hide();
    reload();
    const QList<QListWidgetItem *> found = m_list->findItems(to.trimmed(), Qt::MatchExactly);
    if (!found.isEmpty())
        m_list->setCurrentItem(found.first());
    return true;
}

bool SavedQueriesDialog::deleteQuery(const QString &name)
{
    if (!m_store->remove(m_table, name))
        return false;
    reload();
    return true;
}
