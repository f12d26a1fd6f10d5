// One live chart of the dashboard: QCustomPlot with, per series, the raw curve kept faint behind a
// smoothed one; a left and an optional right axis; log scale on demand; zoom and pan; a hover
// read-out; a vertical step cursor shared with the other views; export to PNG, SVG and PDF. Ticks
// are whole steps, as many as the size allows, with digits enough to tell them apart.
// Every point is kept (MinMaxPyramid); what QCustomPlot draws is a min/max envelope of about two
// points per pixel column, rebuilt for the range in view, so a million points redraw fast.
#pragma once

#include "dashboard/min_max_pyramid.h"
#include "qcustomplot_include.h"

#include <QColor>
#include <QString>
#include <QVector>

class MetricChart : public QCustomPlot {
  Q_OBJECT

 public:
  enum class Axis { Left, Right };

  MetricChart(const QString& title, const QString& leftLabel, QWidget* parent = nullptr);

  // markers: draw each point (sparse series such as k-NN evaluations).
  int addSeries(const QString& name, const QColor& colour, Axis axis = Axis::Left, bool markers = false);
  void setRightLabel(const QString& label);
  // A horizontal line at `value` on the left axis (ln K on the collapse chart); NaN hides it.
  void setReferenceLine(double value, const QString& label);

  // Appends points (x increasing). Does not redraw: call requestReplot().
  void appendPoints(int series, const QVector<double>& x, const QVector<double>& y);
  void clearData();
  void requestReplot();

  // 0: no smoothing; otherwise the weight of the past in a debiased exponential moving average.
  void setSmoothing(double weight);
  void setLogScale(bool on);
  bool logScale() const { return logScale_; }
  void setXLabel(const QString& label);
  // Ticks at whole numbers only (steps); off for epochs, which fall between.
  void setWholeNumberTicks(bool on);
  // Fits the axes to the data unless the user zoomed or panned since the last fit.
  void autoRange();
  void resetView();  // fit and follow the data again

  void setCursor(double x);  // the shared step cursor; NaN hides it
  double cursor() const { return cursorX_; }

  QString title() const { return title_; }
  int seriesCount() const { return static_cast<int>(series_.size()); }
  int pointCount(int series) const;
  // Points QCustomPlot draws now for `series`: the envelope of its raw or smoothed curve.
  int drawnPoints(int series, bool smoothed) const;
  // y of `series` at the last point with x <= `x`; NaN when there is none.
  double valueAt(int series, double x) const;
  QString readout(double x) const;  // "step 120: loss 5.41, ..." for the hover tooltip

  // By the file's extension, .png, .svg or .pdf (plot_export.h), without the step cursor.
  bool exportFigure(const QString& file, int width, int height, double dpi);
  // The name its exported files take ("loss": loss.png, ...), the same in every language; by
  // default the title made a file name.
  void setExportName(const QString& name) { exportName_ = name; }
  QString exportName() const;
  // <folder>/<export name>.png, .svg and .pdf for each chart; the files written, or an empty list
  // with `error` set.
  static QStringList exportCharts(const QList<MetricChart*>& charts, const QString& folder, int width, int height,
                                  double dpi, QString* error);
  // False while no series has a finite value: the chart then says it is waiting for data.
  bool hasData() const;

  // What the value axes show for data from low to high: 5% beyond each end, or a band of 10% of
  // the value around a flat curve; on a log axis a factor of 1.2 each way.
  static QCPRange paddedRange(double low, double high, bool logarithmic);

 Q_SIGNALS:
  void cursorRequested(double x);  // the user clicked at x

 protected:
  void resizeEvent(QResizeEvent* event) override;
  void changeEvent(QEvent* event) override;  // a new palette (View > Appearance) recolours the chart
  void mouseMoveEvent(QMouseEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void contextMenuEvent(QContextMenuEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;

 private:
  struct Series {
    QString name;
    QColor colour;            // as asked; black is drawn in the palette's text colour (white on dark)
    QCPGraph* raw = nullptr;  // what is drawn: an envelope of the data in view
    QCPGraph* smooth = nullptr;
    MinMaxPyramid rawData, smoothData;  // every point
    double ema = 0;
    qint64 count = 0;
    double low = qInf(), high = -qInf();  // over the finite values, for the axes
  };
  void refreshDisplay();  // envelopes of the data for the current range and width
  void restyle(Series& s);
  void applyColours();  // axes, grid, legend and notes from the palette
  void updateLegend(Series& s);
  void placeLegend();
  void fitTicksToSize();
  static double smoothed(Series& s, double y, double weight);

  QString title_;
  QString exportName_;
  bool wholeNumberTicks_ = true;
  QVector<Series> series_;
  double smoothing_ = 0;
  bool logScale_ = false;
  bool following_ = true;  // axes follow the data until the user zooms or pans
  bool refreshing_ = false;
  QCPItemStraightLine* cursorLine_ = nullptr;
  QCPItemStraightLine* referenceLine_ = nullptr;
  QCPItemText* referenceLabel_ = nullptr;
  QCPGraph* referenceEntry_ = nullptr;  // the reference line's legend entry
  QCPItemText* waiting_ = nullptr;
  bool markers_ = false;  // a sparse series: the x axis keeps a margin
  double cursorX_ = qQNaN();
};
