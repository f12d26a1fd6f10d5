// The attention explorer's settings: layer, input size, mass threshold, colours, opacity, one scale
// for all heads, rollout, PCA, the student beside the teacher, the Figure 3 picture; and the
// buttons that act on the view (From CLS, Export, Export Folder). It produces the request the
// model computes and the style the tiles are drawn in, and says which of them changed.
#pragma once

#include "attention/attention_figure.h"

#include <dino/viz/attention_view.h>

#include <QList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPushButton;
class QSlider;
class QSpinBox;

class AttentionControls : public QWidget {
  Q_OBJECT

 public:
  explicit AttentionControls(QWidget* parent = nullptr);

  // The model's side (square, or the shorter side with the aspect kept), or the image as it is.
  enum class InputSize { Square, ShorterSide, Original };

  // What to compute, with the attention of query `query` (0: the CLS token; 1 + k: patch k).
  dino::AttentionRequest request(int query) const;
  // Opacity and the threshold shown; the Figure 3 choice is the explorer's (setHeadsFigure).
  AttentionFigureStyle style() const;

  void setDepth(int depth);      // the model's blocks: the layer box's range
  void setHeadCount(int heads);  // the Figure 3 heads box accepts 0 .. heads - 1
  void setLayer(int layer);
  void setInputSize(InputSize size);
  // The side that follows the model (dino::default_attention_side), and whether it is the
  // reference's 480; no signal (the caller computes).
  void setModelSide(int side, bool reference);
  // A size the budget offered (an AttentionEstimate's smaller_size): chosen, with inputSizeChanged.
  void useImageSize(const std::vector<int>& imageSize);
  // Back to the model's side (another image, or a size chosen anew); no signal.
  void resetSide();
  void setThreshold(double threshold);  // 0: off; no signal (the caller computes)
  bool thresholdOn() const;
  void switchThresholdOn();  // with the value shown; asks for a new computation
  void setRollout(bool on);
  // Reflect state the explorer decided (no signal back).
  void showStudent(bool on);
  void showHeadsFigure(bool on);
  void showBatchRunning(bool running);

 Q_SIGNALS:
  void requestChanged();    // the model must compute again
  void inputSizeChanged();  // ... and patch numbers changed: the query goes back to the CLS token
  void styleChanged();      // only the drawing changed
  void studentToggled(bool on);
  void headsFigureChanged(bool on, const QList<int>& heads);  // the heads typed, valid for setHeadCount
  void fromClsClicked();
  void exportClicked();
  void exportFolderClicked();

 private:
  QList<int> figureHeads() const;
  void labelSizes();

  int heads_ = 0;
  int side_ = 480;       // of the first two size choices
  int modelSide_ = 480;  // what the model asks for
  bool reference_ = true;
  int kindBeforeOffer_ = -1;  // the size choice before an offer changed it; -1: none
  QSpinBox* layer_ = nullptr;
  QComboBox* size_ = nullptr;
  QCheckBox* thresholdOn_ = nullptr;
  QDoubleSpinBox* threshold_ = nullptr;
  QSlider* thresholdSlider_ = nullptr;
  QComboBox* colorMap_ = nullptr;
  QSlider* opacity_ = nullptr;
  QCheckBox* sharedScale_ = nullptr;
  QCheckBox* rollout_ = nullptr;
  QCheckBox* pca_ = nullptr;
  QCheckBox* compare_ = nullptr;
  QCheckBox* figureStyle_ = nullptr;
  QLineEdit* figureHeadsEdit_ = nullptr;
  QPushButton* exportFolder_ = nullptr;
};
