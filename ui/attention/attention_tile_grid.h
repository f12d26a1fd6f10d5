// The attention explorer's tiles (attention_figure.h) in a scrolling grid, each with its caption,
// as large as the width allows; the patch whose attention is shown marked on every tile; a click on
// a tile says where, so the explorer can turn it into a patch.
#pragma once

#include "attention/attention_figure.h"

#include <QList>
#include <QScrollArea>

class QGridLayout;

class AttentionTileGrid : public QScrollArea {
  Q_OBJECT

 public:
  explicit AttentionTileGrid(QWidget* parent = nullptr);
  // marked: the query patch in pixels of the model's input (inputSize); empty for the CLS token.
  void setFigure(const AttentionFigure& figure, const QString& clickHint, const QRect& marked = {},
                 const QSize& inputSize = {});
  int tileSide() const;  // the side tiles are shown at, for the width there is now

 Q_SIGNALS:
  // Where a tile was clicked, in pixels of the tile as shown, with the size it is shown at.
  void clicked(QPointF position, QSize shown);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  void rebuild();
  int columns() const;
  int room() const;  // the width tiles can use

  QGridLayout* grid_ = nullptr;
  QList<QWidget*> boxes_;  // a tile and its caption each
  AttentionFigure figure_;
  QString clickHint_;
  QRect marked_;
  QSize inputSize_;
  int builtFor_ = 0;  // the room the tiles were last sized for
};
