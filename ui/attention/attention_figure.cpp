#include "attention/attention_figure.h"

#include "image_conversion.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSet>
#include <QSvgGenerator>

#include <algorithm>
#include <filesystem>
#include <vector>

namespace {

// The figure's words, translated in the context "AttentionFigure" (lupdate reads the class).
struct AttentionFigureText {
  Q_DECLARE_TR_FUNCTIONS(AttentionFigure)
};

// The map over the image the model saw, at the chosen opacity.
QImage overlay(const dino::AttentionView& view, const dino::RgbImage& picture, double opacity) {
  QImage out = toQImage(view.input).convertToFormat(QImage::Format_RGB32);
  QPainter painter(&out);
  painter.setOpacity(opacity);
  painter.drawImage(QRect(0, 0, out.width(), out.height()), toQImage(picture));
  return out;
}

// Tiles in rows of `columns`, each scaled into a `side` square with its name below.
void paintGrid(QPaintDevice* device, const AttentionFigure& figure, int columns, int side, int caption) {
  QPainter painter(device);
  for (int i = 0; i < figure.tiles.size(); ++i) {
    const QRect cell((i % columns) * side, (i / columns) * (side + caption), side, side);
    const QImage scaled = figure.tiles[i].scaled(side - 8, side - 8, Qt::KeepAspectRatio, Qt::FastTransformation);
    painter.drawImage(cell.x() + (side - scaled.width()) / 2, cell.y() + (side - scaled.height()) / 2, scaled);
    painter.drawText(QRect(cell.x(), cell.bottom(), side, caption), Qt::AlignCenter, figure.names[i]);
  }
}

}  // namespace

AttentionFigure makeAttentionFigure(const dino::AttentionView& view, const dino::AttentionView* second,
                                    const AttentionFigureStyle& style) {
  AttentionFigure f;
  auto add = [&f](const QImage& tile, const QString& name) {
    f.tiles.append(tile);
    f.names.append(name);
  };
  for (int j = 0; j < view.heads; ++j)
    add(overlay(view, view.head_pictures[static_cast<size_t>(j)], style.opacity),
        AttentionFigureText::tr("head %1").arg(j));
  add(overlay(view, view.mean_picture, style.opacity), AttentionFigureText::tr("mean of the heads"));
  if (second) {  // under the first model's tiles, head under head
    const QString first = style.firstLabel.isEmpty() ? AttentionFigureText::tr("teacher") : style.firstLabel;
    const QString other = style.secondLabel.isEmpty() ? AttentionFigureText::tr("student") : style.secondLabel;
    f.columns = std::max(view.heads, second->heads) + 1;
    for (int j = 0; j < second->heads; ++j)
      add(overlay(view, second->head_pictures[static_cast<size_t>(j)], style.opacity),
          AttentionFigureText::tr("%1 head %2").arg(other).arg(j));
    add(overlay(view, second->mean_picture, style.opacity), AttentionFigureText::tr("%1 mean").arg(other));
    // Two runs may differ in heads or patches: their maps then have no difference to draw.
    if (second->heads == view.heads && second->grid_h == view.grid_h && second->grid_w == view.grid_w) {
      const auto differences = dino::difference_pictures(view, *second);
      for (size_t j = 0; j < differences.size(); ++j)
        add(toQImage(differences[j]), j + 1 < differences.size()
                                          ? AttentionFigureText::tr("%1 - %2, head %3").arg(first, other).arg(j)
                                          : AttentionFigureText::tr("%1 - %2, mean").arg(first, other));
    }
  }
  if (!view.rollout.empty())
    add(overlay(view, view.rollout_picture, style.opacity), AttentionFigureText::tr("rollout"));
  if (view.pca_picture.width > 0) add(toQImage(view.pca_picture), AttentionFigureText::tr("PCA of the patch features"));
  if (style.headsFigure && !view.masks.empty()) {
    const std::vector<int> heads(style.figureHeads.begin(), style.figureHeads.end());
    add(toQImage(dino::heads_figure_picture(view, heads)), AttentionFigureText::tr("heads in colour (Figure 3 style)"));
  }
  for (size_t j = 0; j < view.mask_pictures.size(); ++j)
    add(toQImage(view.mask_pictures[j]), AttentionFigureText::tr("head %1, mass %2").arg(j).arg(style.threshold));
  return f;
}

bool writeAttentionFigure(const AttentionFigure& figure, const dino::AttentionView& view,
                          dino::FigureProvenance provenance, const QString& folder, QString* error) {
  auto fail = [error](const QString& message) {
    if (error) *error = message;
    return false;
  };
  if (figure.tiles.isEmpty()) return fail(AttentionFigureText::tr("Nothing to export yet: load a model and an image."));
  QDir dir(folder);
  if (!dir.mkpath(QStringLiteral(".")))
    return fail(AttentionFigureText::tr("Cannot create the folder %1.").arg(folder));
  provenance.files.clear();
  QSet<QString> used;
  for (int i = 0; i < figure.tiles.size(); ++i) {
    QString name = figure.names[i];
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9.]+")), QStringLiteral("-"));
    // Names in other scripts (a run's, or a translation) lose their letters here: keep them apart.
    if (name.isEmpty() || used.contains(name)) name += QStringLiteral("-tile%1").arg(i);
    used.insert(name);
    const QString file = dir.filePath(name + QStringLiteral(".png"));
    if (!figure.tiles[i].save(file)) return fail(AttentionFigureText::tr("Cannot write %1.").arg(file));
    provenance.files.push_back(QFileInfo(file).fileName().toStdString());
  }
  // A labelled grid, ready for a paper: PNG, and vector SVG and PDF around the same pictures.
  const int columns = figure.columns > 0 ? figure.columns : 4, side = 256, caption = 22;
  const int rows = (static_cast<int>(figure.tiles.size()) + columns - 1) / columns;
  const QSize gridSize(columns * side, rows * (side + caption));
  QImage grid(gridSize, QImage::Format_RGB32);
  grid.fill(Qt::white);
  paintGrid(&grid, figure, columns, side, caption);
  {
    QSvgGenerator svg;
    svg.setFileName(dir.filePath(QStringLiteral("grid.svg")));
    svg.setSize(gridSize);
    svg.setViewBox(QRect(QPoint(0, 0), gridSize));
    svg.setTitle(AttentionFigureText::tr("DINO Studio attention maps"));
    paintGrid(&svg, figure, columns, side, caption);
  }
  {
    QPdfWriter pdf(dir.filePath(QStringLiteral("grid.pdf")));
    pdf.setPageSize(QPageSize(QSizeF(gridSize) / 96.0, QPageSize::Inch));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    pdf.setResolution(96);
    pdf.setTitle(AttentionFigureText::tr("DINO Studio attention maps"));
    paintGrid(&pdf, figure, columns, side, caption);
  }
  if (!grid.save(dir.filePath(QStringLiteral("grid.png"))) ||
      !QFileInfo::exists(dir.filePath(QStringLiteral("grid.pdf"))) ||
      !QFileInfo::exists(dir.filePath(QStringLiteral("grid.svg"))))
    return fail(AttentionFigureText::tr("Cannot write the grid figures in %1.").arg(folder));
  for (const char* name : {"grid.png", "grid.svg", "grid.pdf"}) provenance.files.emplace_back(name);
  try {
    dino::write_view_npy(view, dir.filePath(QStringLiteral("attention.npy")).toStdString(),
                         dir.filePath(QStringLiteral("masks.npy")).toStdString(),
                         dir.filePath(QStringLiteral("rollout.npy")).toStdString());
    provenance.files.emplace_back("attention.npy");
    if (!view.masks.empty()) provenance.files.emplace_back("masks.npy");
    if (!view.rollout.empty()) provenance.files.emplace_back("rollout.npy");
    if (!provenance.weights.empty() && provenance.weights_sha256.empty())
      provenance.weights_sha256 = dino::sha256_of_file(provenance.weights);
    if (!provenance.compared_weights.empty() && provenance.compared_weights_sha256.empty())
      provenance.compared_weights_sha256 = dino::sha256_of_file(provenance.compared_weights);
    dino::write_figure_sidecar(provenance, dir.filePath(QStringLiteral("figure.json")).toStdString());
  } catch (const std::exception& e) {
    return fail(QString::fromStdString(e.what()));
  }
  return true;
}

AttentionBatchResult exportAttentionFigures(const QStringList& files, const QString& outputFolder,
                                            std::shared_ptr<dino::AttentionModel> model,
                                            std::shared_ptr<dino::AttentionModel> second,
                                            const dino::AttentionRequest& request, const AttentionFigureStyle& style,
                                            dino::FigureProvenance base, const dino::AttentionLimits& limits,
                                            std::shared_ptr<std::atomic<bool>> cancel,
                                            const std::function<void(int done)>& progress) {
  AttentionBatchResult result;
  dino::AttentionWork work;
  work.cancel = cancel;
  std::vector<std::filesystem::path> paths;
  for (const QString& file : files) paths.emplace_back(file.toStdString());
  const auto folders = dino::figure_folder_names(paths);
  try {
    if (!base.weights.empty()) base.weights_sha256 = dino::sha256_of_file(base.weights);
    if (!base.compared_weights.empty()) base.compared_weights_sha256 = dino::sha256_of_file(base.compared_weights);
  } catch (const std::exception& e) {
    result.problems << QString::fromStdString(e.what());
    return result;
  }
  for (int i = 0; i < files.size() && !work.cancelled(); ++i) {
    const QString name = QString::fromStdString(folders[static_cast<size_t>(i)]);
    try {
      const auto view = model->compute(files[i].toStdString(), request, limits, work);
      dino::AttentionView secondView;
      if (second) secondView = second->compute(files[i].toStdString(), request, limits, work);
      auto figure = base;
      figure.image = files[i].toStdString();
      dino::describe_view(figure, view);
      QString error;
      if (writeAttentionFigure(makeAttentionFigure(view, second ? &secondView : nullptr, style), view, figure,
                               QDir(outputFolder).filePath(name), &error))
        ++result.written;
      else
        result.problems << error;
    } catch (const dino::AttentionCancelled&) {
      break;
    } catch (const dino::AttentionRefused& e) {
      result.problems << QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(files[i]),
                                                      QString::fromStdString(e.what()));
    } catch (const std::exception& e) {
      result.problems << QString::fromStdString(e.what());
    }
    if (progress) progress(i + 1);
  }
  return result;
}
