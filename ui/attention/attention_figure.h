// An attention view as the explorer lays it out (every head, their mean, rollout, PCA, the Figure 3
// picture, the student and the differences, the masks), and writing it to a folder: each tile as
// PNG, a labelled grid as PNG, SVG and PDF, the raw maps as .npy and the figure.json sidecar.
// Free of widgets, so the batch export runs it off the GUI thread.
#pragma once

#include <dino/api/attention_model.h>
#include <dino/viz/attention_view.h>
#include <dino/viz/figure_provenance.h>

#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

struct AttentionFigureStyle {
  double opacity = 1.0;      // of the maps over the image
  bool headsFigure = false;  // the paper's Figure 3 picture (needs masks)
  QList<int> figureHeads;    // its heads; empty: all
  double threshold = 0;      // for the masks' captions
  // With a second model: what its rows and the differences call each ("teacher" and "student", or
  // two runs' names); empty: "teacher" and "student".
  QString firstLabel, secondLabel;
};

struct AttentionFigure {
  QList<QImage> tiles;
  QStringList names;
  int columns = 0;  // tiles a row; 0: as many as fit. With a second model, one row each for the first's
                    // heads and mean, the second's and their differences, head under head.
};

// `second` may be null; when given (a student, or another run's teacher), its heads, mean and the
// first-minus-second differences follow (no differences when their heads or grids differ).
AttentionFigure makeAttentionFigure(const dino::AttentionView& view, const dino::AttentionView* second,
                                    const AttentionFigureStyle& style);

// Writes everything into `folder` (created when missing) and fills `provenance.files`; computes the
// weights' hash when the provenance has a weights file but no hash yet. False with a message
// naming the file on failure.
bool writeAttentionFigure(const AttentionFigure& figure, const dino::AttentionView& view,
                          dino::FigureProvenance provenance, const QString& folder, QString* error);

struct AttentionBatchResult {
  int written = 0;
  QStringList problems;  // one line per image that could not be exported
};

// Every image of `files` computed with `model` (and `second`, which may be null) and written as
// writeAttentionFigure does, into a sub-folder of `outputFolder` each (figure_folder_names: a.png
// and a.jpg apart). `base` describes the model and settings; each image adds itself. Stops between
// images, and within one, once `cancel` is set; an image over `limits` is a problem named with its
// file; calls `progress` with the images done. Runs on any thread.
AttentionBatchResult exportAttentionFigures(const QStringList& files, const QString& outputFolder,
                                            std::shared_ptr<dino::AttentionModel> model,
                                            std::shared_ptr<dino::AttentionModel> second,
                                            const dino::AttentionRequest& request, const AttentionFigureStyle& style,
                                            dino::FigureProvenance base, const dino::AttentionLimits& limits,
                                            std::shared_ptr<std::atomic<bool>> cancel,
                                            const std::function<void(int done)>& progress);
