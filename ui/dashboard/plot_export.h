// A QCustomPlot written as a figure, the format by the file's extension: PNG at width x height
// pixels with the dpi recorded and text and lines scaled by it, SVG with that size as its viewport,
// PDF at that size in points. Shared by the dashboard's charts and the Schedules tab.
#pragma once

#include <QString>

#include <functional>

class QCustomPlot;

bool exportPlot(QCustomPlot& plot, const QString& file, int width, int height, double dpi, const QString& title);

// The export dialog for `plot` (its name suggested from `title`), then the export (`write` when
// given: file, width, height, dpi); a message box says when the file cannot be written.
void exportPlotInteractively(QCustomPlot& plot, const QString& title,
                             const std::function<bool(const QString&, int, int, double)>& write = {});
