#include "attention/attention_tile_grid.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QVBoxLayout>

#include <algorithm>

namespace {

constexpr int kTileSide = 240;
constexpr int kColumns = 4;

}  // namespace

AttentionTileGrid::AttentionTileGrid(QWidget* parent) : QScrollArea(parent) {
  setWidgetResizable(true);
  auto* host = new QWidget;
  grid_ = new QGridLayout(host);
  grid_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  setWidget(host);
}

void AttentionTileGrid::setFigure(const AttentionFigure& figure, const QString& clickHint) {
  qDeleteAll(boxes_);
  boxes_.clear();
  for (int i = 0; i < figure.tiles.size(); ++i) {
    auto* tile = new QLabel;
    tile->setPixmap(QPixmap::fromImage(figure.tiles[i].scaled(kTileSide, kTileSide, Qt::KeepAspectRatio, Qt::FastTransformation)));
    tile->setToolTip(figure.names[i] + QStringLiteral("\n") + clickHint);
    tile->setProperty("tile", i);
    tile->installEventFilter(this);
    auto* caption = new QLabel(figure.names[i]);
    auto* box = new QWidget;
    auto* boxLayout = new QVBoxLayout(box);
    boxLayout->setContentsMargins(2, 2, 2, 2);
    boxLayout->addWidget(tile);
    boxLayout->addWidget(caption);
    grid_->addWidget(box, i / kColumns, i % kColumns);
    boxes_.append(box);
  }
}

bool AttentionTileGrid::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() == QEvent::MouseButtonRelease && watched->property("tile").isValid()) {
    Q_EMIT clicked(static_cast<QMouseEvent*>(event)->position(), static_cast<QLabel*>(watched)->pixmap().size());
    return true;
  }
  return QScrollArea::eventFilter(watched, event);
}
