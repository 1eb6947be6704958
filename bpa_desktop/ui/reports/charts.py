"""Bar charts (QtCharts) for reports and the hour account. A chart is never the only way to
read the numbers: every chart has a table or labels beside it with the same figures."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QHorizontalStackedBarSeries, QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from bpa_desktop.ui.reports.report_data import Series
from bpa_desktop.ui.theme.apply import chart_colour, colour, current_theme


def chart_view(name: str, parent: QWidget | None = None) -> QChartView:
    view = QChartView(parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setAccessibleName(name)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the table beside it carries the numbers for the keyboard
    view.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a graphics view's viewport takes focus itself
    view.viewport().setAccessibleName(name)
    view.setMinimumHeight(view.fontMetrics().height() * 14)
    return view


CHART_THEMES = {"light": QChart.ChartTheme.ChartThemeLight, "dark": QChart.ChartTheme.ChartThemeDark,
                "high-contrast": QChart.ChartTheme.ChartThemeHighContrast}


def _themed(chart: QChart) -> None:
    """The chart's ground and words in the app's palette; its bars take the palette's chart colours."""
    chart.setTheme(CHART_THEMES[current_theme()])
    chart.setBackgroundBrush(colour("Base"))
    chart.setTitleBrush(colour("Text"))
    chart.legend().setLabelColor(colour("Text"))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)


def bar_chart(title: str, categories: Sequence[str], series: Sequence[Series], *, stacked: bool = False,
              horizontal: bool = False, unit: str = "") -> QChart:
    chart = QChart()
    _themed(chart)
    chart.setTitle(title)
    if horizontal:
        bars = QHorizontalStackedBarSeries()
    else:
        bars = QStackedBarSeries() if stacked else QBarSeries()
    for number, each in enumerate(series):
        bar_set = QBarSet(each.name)
        bar_set.setColor(chart_colour(number))
        bar_set.setBorderColor(chart_colour(number))
        bar_set.append([float(v) for v in each.values])
        bars.append(bar_set)
    chart.addSeries(bars)
    category_axis = QBarCategoryAxis()
    category_axis.append(list(categories))
    value_axis = QValueAxis()
    value_axis.setLabelFormat("%.0f")
    if unit:
        value_axis.setTitleText(unit)
    top = max([sum(values) for values in zip(*(s.values for s in series))] if stacked or horizontal else
              [v for s in series for v in s.values] or [0.0], default=0.0)
    value_axis.setRange(0, top * 1.08 if top > 0 else 1)
    value_axis.applyNiceNumbers()
    first, second = (value_axis, category_axis) if horizontal else (category_axis, value_axis)
    for axis in (value_axis, category_axis):
        axis.setLabelsColor(colour("Text"))
        axis.setTitleBrush(colour("Text"))
        axis.setLinePenColor(colour("Mid"))
        axis.setGridLineColor(colour("Mid"))
    chart.addAxis(first, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(second, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(category_axis)
    bars.attachAxis(value_axis)
    return chart


def show_chart(view: QChartView, chart: QChart, description: str = "") -> None:
    old = view.chart()
    view.setChart(chart)
    if old is not None:
        old.deleteLater()
    if description:
        view.setAccessibleDescription(description)
