// The attention explorer's tiles (attention_figure.h) in a scrolling grid, each with its caption;
// a click on a tile says where, as a fraction of the tile's width and height, so the explorer can
// turn it into a patch.
#pragma once

#include "attention/attention_figure.h"

#include <QList>
#include <QScrollArea>

class QGridLayout;

class AttentionTileGrid : public QScrollArea {
  Q_OBJECT

 public:
  explicit AttentionTileGrid(QWidget* parent = nullptr);
  void show(const AttentionFigure& figure, const QString& clickHint);

 Q_SIGNALS:
  void clicked(double x, double y);  // 0..1 across and down the tile

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  QGridLayout* grid_ = nullptr;
  QList<QWidget*> boxes_;  // a tile and its caption each
};
