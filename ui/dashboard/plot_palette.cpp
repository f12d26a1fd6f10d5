#include "dashboard/plot_palette.h"

#include "qcustomplot_include.h"

#include <QPalette>

QColor mixColors(const QColor& from, const QColor& to, double t) {
  const auto mix = [t](float a, float b) { return static_cast<float>(a + t * (b - a)); };
  return QColor::fromRgbF(mix(from.redF(), to.redF()), mix(from.greenF(), to.greenF()), mix(from.blueF(), to.blueF()));
}

void applyPlotPalette(QCustomPlot& plot, const QPalette& palette) {
  const QColor background = palette.color(QPalette::Base);
  const QColor text = palette.color(QPalette::Text);
  // Grid lines a fifth of the way from the background to the text: faint on either.
  const QColor grid = mixColors(background, text, 0.2);
  plot.setBackground(background);
  for (QCPAxisRect* rect : plot.axisRects())
    for (QCPAxis* axis : rect->axes()) {
      axis->setBasePen(QPen(text, 0));
      axis->setTickPen(QPen(text, 0));
      axis->setSubTickPen(QPen(text, 0));
      axis->setLabelColor(text);
      axis->setTickLabelColor(text);
      axis->grid()->setPen(QPen(grid, 0, Qt::DotLine));
      axis->grid()->setZeroLinePen(QPen(mixColors(background, text, 0.3), 0));  // QCustomPlot's solid zero line
    }
  for (int i = 0; i < plot.plotLayout()->elementCount(); ++i)
    if (auto* title = qobject_cast<QCPTextElement*>(plot.plotLayout()->elementAt(i))) title->setTextColor(text);
  if (plot.legend) {
    plot.legend->setBrush(background);
    plot.legend->setTextColor(text);
  }
}

QPalette figurePalette() {
  QPalette palette(Qt::white);  // a light window...
  palette.setColor(QPalette::Base, Qt::white);
  palette.setColor(QPalette::Text, Qt::black);  // ... and black text on white
  palette.setColor(QPalette::WindowText, Qt::black);
  return palette;
}
