// An attention view as the explorer lays it out (every head, their mean, rollout, PCA, the Figure 3
// picture, the student and the differences, the masks), and writing it to a folder: each tile as
// PNG, a labelled grid as PNG, SVG and PDF, the raw maps as .npy and the figure.json sidecar.
// Free of widgets, so the batch export runs it off the GUI thread.
#pragma once

#include <dino/viz/attention_explorer.h>
#include <dino/viz/figure_provenance.h>

#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

struct AttentionFigureStyle {
  double opacity = 1.0;      // of the maps over the image
  bool headsFigure = false;  // the paper's Figure 3 picture (needs masks)
  QList<int> figureHeads;    // its heads; empty: all
  double threshold = 0;      // for the masks' captions
};

struct AttentionFigure {
  QList<QImage> tiles;
  QStringList names;
};

// `student` may be null; when given, its heads, mean and the teacher-minus-student differences follow.
AttentionFigure makeAttentionFigure(const dino::AttentionView& view, const dino::AttentionView* student,
                                    const AttentionFigureStyle& style);

// Writes everything into `folder` (created when missing) and fills `provenance.files`; computes the
// weights' hash when the provenance has a weights file but no hash yet. False with a message
// naming the file on failure.
bool writeAttentionFigure(const AttentionFigure& figure, const dino::AttentionView& view, dino::FigureProvenance provenance,
                          const QString& folder, QString* error);
