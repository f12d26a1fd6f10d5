#include "dashboard/plot_export.h"

#include "dashboard/figure_export_dialog.h"
#include "dashboard/plot_palette.h"
#include "qcustomplot_include.h"

#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSvgGenerator>

namespace {

// A figure is drawn dark on white whatever the window's palette: the plot takes the figure palette
// for the export (its widgets restyle on the palette change) and gets its own back after.
class FigureColours {
 public:
  explicit FigureColours(QCustomPlot& plot)
      : plot_(plot), own_(plot.testAttribute(Qt::WA_SetPalette)), palette_(plot.palette()) {
    plot_.setPalette(figurePalette());
  }
  ~FigureColours() {
    plot_.setPalette(own_ ? palette_ : QPalette());
    if (!own_) plot_.setAttribute(Qt::WA_SetPalette, false);  // inherit the window's again
  }
  FigureColours(const FigureColours&) = delete;
  FigureColours& operator=(const FigureColours&) = delete;

 private:
  QCustomPlot& plot_;
  bool own_;
  QPalette palette_;
};

}  // namespace

bool exportPlot(QCustomPlot& plot, const QString& file, int width, int height, double dpi, const QString& title) {
  if (!QDir().mkpath(QFileInfo(file).absolutePath())) return false;  // the run's figures/ folder, the first time
  const FigureColours colours(plot);
  const QString suffix = QFileInfo(file).suffix().toLower();
  if (suffix == QLatin1String("svg")) {
    QSvgGenerator generator;
    generator.setFileName(file);
    generator.setSize(QSize(width, height));
    generator.setViewBox(QRect(0, 0, width, height));
    generator.setResolution(96);  // the size is in pixels at the screen's nominal 96 dpi
    generator.setTitle(title);
    generator.setDescription(QCoreApplication::translate("PlotExport", "DINO Studio chart"));
    QCPPainter painter;
    if (!painter.begin(&generator)) return false;
    plot.toPainter(&painter, width, height);
    return painter.end();
  }
  if (suffix == QLatin1String("pdf"))
    return plot.savePdf(file, width, height, QCP::epNoCosmetic,
                        QCoreApplication::translate("PlotExport", "DINO Studio"), title);
  const double scale = dpi / 96.0;
  return plot.savePng(file, static_cast<int>(width / scale), static_cast<int>(height / scale), scale, -1,
                      static_cast<int>(dpi), QCP::ruDotsPerInch);
}

void exportPlotInteractively(QCustomPlot& plot, const QString& title,
                             const std::function<bool(const QString&, int, int, double)>& write) {
  QString name = title.toLower();
  name.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
  name.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
  FigureExportDialog dialog(FigureExportDialog::Target::File, name, &plot);
  if (dialog.exec() != QDialog::Accepted) return;
  const bool written =
      write ? write(dialog.path(), dialog.figureWidth(), dialog.figureHeight(), dialog.dpi())
            : exportPlot(plot, dialog.path(), dialog.figureWidth(), dialog.figureHeight(), dialog.dpi(), title);
  if (!written)
    QMessageBox::warning(&plot, QCoreApplication::translate("PlotExport", "Export"),
                         QCoreApplication::translate("PlotExport", "Cannot write %1.").arg(dialog.path()));
}
