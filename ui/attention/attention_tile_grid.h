// The attention explorer's tiles (attention_figure.h) in a scrolling grid, each with its caption;
// a click on a tile says where, so the explorer can turn it into a patch.
#pragma once

#include "attention/attention_figure.h"

#include <QList>
#include <QScrollArea>

class QGridLayout;

class AttentionTileGrid : public QScrollArea {
  Q_OBJECT

 public:
  explicit AttentionTileGrid(QWidget* parent = nullptr);
  void setFigure(const AttentionFigure& figure, const QString& clickHint);

 Q_SIGNALS:
  // Where a tile was clicked, in pixels of the tile as shown, with the size it is shown at.
  void clicked(QPointF position, QSize shown);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  QGridLayout* grid_ = nullptr;
  QList<QWidget*> boxes_;  // a tile and its caption each
};
