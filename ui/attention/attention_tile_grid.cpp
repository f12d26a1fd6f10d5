#include "attention/attention_tile_grid.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QVBoxLayout>

#include <algorithm>

namespace {

constexpr int kSmallestTile = 120;
constexpr int kLargestTile = 640;
constexpr int kCellMargin = 12;  // the box's margins and the grid's spacing around a tile

}  // namespace

AttentionTileGrid::AttentionTileGrid(QWidget* parent) : QScrollArea(parent) {
  setWidgetResizable(true);
  auto* host = new QWidget;
  grid_ = new QGridLayout(host);
  grid_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  setWidget(host);
}

void AttentionTileGrid::setFigure(const AttentionFigure& figure, const QString& clickHint, const QRect& marked,
                                  const QSize& inputSize) {
  figure_ = figure;
  clickHint_ = clickHint;
  marked_ = marked;
  inputSize_ = inputSize;
  rebuild();
}

int AttentionTileGrid::columns() const {
  const int count = static_cast<int>(figure_.tiles.size());
  if (figure_.columns > 0) return figure_.columns;
  return std::clamp(room() / (kSmallestTile + 80), 1, std::max(1, count));
}

int AttentionTileGrid::room() const { return viewport()->width() - verticalScrollBar()->sizeHint().width(); }

int AttentionTileGrid::tileSide() const {
  return std::clamp(room() / std::max(1, columns()) - kCellMargin, kSmallestTile, kLargestTile);
}

void AttentionTileGrid::rebuild() {
  qDeleteAll(boxes_);
  boxes_.clear();
  const int columns = this->columns(), side = tileSide();
  builtFor_ = room();
  for (int i = 0; i < figure_.tiles.size(); ++i) {
    QPixmap pixmap =
        QPixmap::fromImage(figure_.tiles[i].scaled(side, side, Qt::KeepAspectRatio, Qt::FastTransformation));
    if (marked_.isValid() && inputSize_.width() > 0) {  // the patch whose attention is shown
      const double scale = static_cast<double>(pixmap.width()) / inputSize_.width();
      const QRectF box(marked_.x() * scale, marked_.y() * scale, marked_.width() * scale, marked_.height() * scale);
      QPainter painter(&pixmap);
      painter.setPen(QPen(Qt::white, 3));
      painter.drawRect(box.adjusted(-1.5, -1.5, 1.5, 1.5));
      painter.setPen(QPen(Qt::black, 1));
      painter.drawRect(box);
    }
    auto* tile = new QLabel;
    tile->setPixmap(pixmap);
    tile->setToolTip(figure_.names[i] + QStringLiteral("\n") + clickHint_);
    tile->setProperty("tile", i);
    tile->installEventFilter(this);
    auto* caption = new QLabel(figure_.names[i]);
    caption->setWordWrap(true);
    caption->setMaximumWidth(side);
    auto* box = new QWidget;
    auto* boxLayout = new QVBoxLayout(box);
    boxLayout->setContentsMargins(2, 2, 2, 2);
    boxLayout->addWidget(tile);
    boxLayout->addWidget(caption);
    grid_->addWidget(box, i / columns, i % columns);
    boxes_.append(box);
  }
}

void AttentionTileGrid::resizeEvent(QResizeEvent* event) {
  QScrollArea::resizeEvent(event);
  // The tiles follow the width they have; a few pixels (a scroll bar coming or going) change nothing.
  if (!figure_.tiles.isEmpty() && std::abs(room() - builtFor_) > 24) rebuild();
}

bool AttentionTileGrid::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() == QEvent::MouseButtonRelease && watched->property("tile").isValid()) {
    Q_EMIT clicked(static_cast<QMouseEvent*>(event)->position(), static_cast<QLabel*>(watched)->pixmap().size());
    return true;
  }
  return QScrollArea::eventFilter(watched, event);
}
