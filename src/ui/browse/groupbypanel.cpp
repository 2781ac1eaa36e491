#include "groupbypanel.h"

#include "app/errortext.h"
#include "metadata/tableschema.h"
#include "models/groupcountmodel.h"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QHorizontalBarSeries>
#include <QtCharts/QValueAxis>
#include <QtCore/QLocale>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTableView>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// Fields whose values repeat enough for counts per value to mean something.
bool groupsWell(const FieldInfo &field)
{
    switch (field.type) {
    case FieldType::Choice:
    case FieldType::Reference:
    case FieldType::Boolean:
    case FieldType::Integer:
    case FieldType::Date:
        return true;
    case FieldType::String:
        return field.maxLength > 0 && field.maxLength <= 100;
    default:
        return false;
    }
}

} // namespace

GroupByPanel::GroupByPanel(snow::Client *client, QWidget *parent)
    : QWidget(parent)
    , m_counter(new GroupCounter(client, this))
    , m_model(new GroupCountModel(this))
    , m_fieldBox(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_chartView(new QChartView(this))
    , m_list(new QTableView(this))
{
    setObjectName(u"groupByPanel"_s);
    m_fieldBox->setObjectName(u"groupByField"_s);
    m_status->setObjectName(u"groupByStatus"_s);
    m_status->setWordWrap(true);
    m_chartView->setObjectName(u"groupByChart"_s);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(220);
    m_list->setObjectName(u"groupByList"_s);
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    auto *chart = new QChart();
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_chartView->setChart(chart);

    auto *fieldLabel = new QLabel(tr("&Group by:"), this);
    fieldLabel->setBuddy(m_fieldBox);
    auto *fieldRow = new QHBoxLayout();
    fieldRow->addWidget(fieldLabel);
    fieldRow->addWidget(m_fieldBox, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_chartView);
    splitter->addWidget(m_list);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 0, 0);
    layout->addLayout(fieldRow);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);

    connect(m_fieldBox, &QComboBox::currentIndexChanged, this, [this] {
        m_stale = true;
        refresh();
    });
    connect(m_counter, &GroupCounter::finished, this, &GroupByPanel::showGroups);
    connect(m_counter, &GroupCounter::failed, this, [this](const snow::Error &error) {
        showStatus(tr("Counting failed: %1").arg(userMessage(error)));
        m_status->setToolTip(technicalDetails(error));
        Q_EMIT countFailed(error);
    });
    connect(m_list, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT filterRequested(field(), index.data(GroupCountModel::ValueRole).toString());
    });
}

GroupByPanel::~GroupByPanel() = default;

void GroupByPanel::setTable(const QString &table, const TableSchema *schema)
{
    const QString previous = m_table == table ? field() : QString();
    m_table = table;

    QList<const FieldInfo *> fields;
    if (schema) {
        for (const FieldInfo &info : schema->fields) {
            if (groupsWell(info))
                fields.append(&info);
        }
    }

    // Filling the box changes its current index; count once at the end instead.
    {
        const QSignalBlocker blocker(m_fieldBox);
        m_fieldBox->clear();
        for (const FieldInfo *info : std::as_const(fields))
            m_fieldBox->addItem(u"%1 (%2)"_s.arg(info->label, info->name), info->name);
        int current = m_fieldBox->findData(previous);
        if (current < 0)
            current = m_fieldBox->findData(u"state"_s);
        m_fieldBox->setCurrentIndex(current >= 0 ? current : 0);
    }

    m_model->setGroups({});
    clearChart();
    if (!schema)
        showStatus(tr("Loading the fields of %1…").arg(table));
    else if (fields.isEmpty())
        showStatus(tr("%1 has no field to group by.").arg(table));
    m_stale = true;
    refresh();
}

void GroupByPanel::setQuery(const QString &encodedQuery)
{
    if (encodedQuery == m_query && !m_stale)
        return;
    m_query = encodedQuery;
    m_stale = true;
    refresh();
}

QString GroupByPanel::field() const
{
    return m_fieldBox->currentData().toString();
}

bool GroupByPanel::setField(const QString &field)
{
    const int index = m_fieldBox->findData(field);
    if (index < 0)
        return false;
    m_fieldBox->setCurrentIndex(index);
    return true;
}

QString GroupByPanel::statusText() const
{
    return m_status->text();
}

void GroupByPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void GroupByPanel::refresh()
{
    if (!isVisible() || !m_stale || m_table.isEmpty() || field().isEmpty())
        return;

    m_stale = false;
    m_status->setToolTip(QString());
    showStatus(tr("Counting %1 records per %2…").arg(m_table, m_fieldBox->currentText()));
    m_counter->count(m_table, m_query, field());
}

void GroupByPanel::showStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void GroupByPanel::clearChart()
{
    QChart *chart = m_chartView->chart();
    chart->removeAllSeries();
    const QList<QAbstractAxis *> axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
    m_bars = nullptr;
}

void GroupByPanel::showGroups(const QList<GroupCount> &groups)
{
    m_model->setGroups(groups);
    clearChart();

    qint64 total = 0;
    for (const GroupCount &group : groups)
        total += group.count;

    const int drawn = int(std::min<qsizetype>(groups.size(), MaxBars));
    const QLocale locale;
    if (groups.isEmpty())
        showStatus(tr("No records match the query."));
    else if (drawn < groups.size())
        showStatus(tr("%1 records in %2 values. The %3 largest are drawn, and all are listed below.")
                       .arg(locale.toString(total), locale.toString(groups.size()), locale.toString(drawn)));
    else
        showStatus(tr("%1 records in %2 values.").arg(locale.toString(total), locale.toString(groups.size())));

    if (drawn > 0) {
        // A horizontal bar chart draws its first category at the bottom, so the largest
        // group goes last to be drawn on top. Category names must be unique.
        QStringList categories;
        m_bars = new QBarSet(m_fieldBox->currentText());
        for (int bar = 0; bar < drawn; ++bar) {
            const GroupCount &group = groups.at(drawn - 1 - bar);
            QString category = GroupCountModel::label(group);
            for (int copy = 2; categories.contains(category); ++copy)
                category = u"%1 (%2)"_s.arg(GroupCountModel::label(group)).arg(copy);
            categories.append(category);
            m_bars->append(double(group.count));
        }
        connect(m_bars, &QBarSet::clicked, this, &GroupByPanel::pickBar);

        auto *series = new QHorizontalBarSeries();
        series->append(m_bars);
        series->setLabelsVisible(true);
        series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);

        QChart *chart = m_chartView->chart();
        chart->addSeries(series);
        auto *categoryAxis = new QBarCategoryAxis();
        categoryAxis->append(categories);
        chart->addAxis(categoryAxis, Qt::AlignLeft);
        series->attachAxis(categoryAxis);
        auto *countAxis = new QValueAxis();
        countAxis->setLabelFormat(u"%.0f"_s);
        countAxis->setMin(0);
        countAxis->setMax(double(groups.first().count) * 1.05);
        countAxis->applyNiceNumbers();
        chart->addAxis(countAxis, Qt::AlignBottom);
        series->attachAxis(countAxis);
    }

    Q_EMIT countsShown();
}

void GroupByPanel::pickBar(int index)
{
    const int drawn = int(std::min<qsizetype>(m_model->groups().size(), MaxBars));
    const int group = drawn - 1 - index;
    if (group < 0 || group >= m_model->groups().size())
        return;
    Q_EMIT filterRequested(field(), m_model->groups().at(group).value);
}
