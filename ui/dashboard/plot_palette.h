// Colours of a QCustomPlot from a widget palette, so charts read on a light or a dark window:
// background, axes, ticks, grid, labels, titles and legend. Exports use the light palette (a
// figure for a paper is dark on white whatever the window looks like).
#pragma once

#include <QColor>

class QCustomPlot;
class QPalette;

// `from` moved a fraction `t` of the way to `to`, channel by channel (no transparency: blending
// thousands of strokes is what makes redraws slow).
QColor mixColors(const QColor& from, const QColor& to, double t);

void applyPlotPalette(QCustomPlot& plot, const QPalette& palette);
// The palette exports are drawn with.
QPalette figurePalette();
