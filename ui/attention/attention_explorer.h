// The attention explorer: images dropped in, pasted or opened (a strip of thumbnails to switch
// between); a model from a weights file, the running training's teacher, or random weights; every
// head of any layer as overlays on the image, their mean, rollout, the reference's mass-threshold
// masks, a PCA of the patch features; a click on a patch shows the attention from that patch.
// Maps are computed off the GUI thread within limits of memory and time: each computation is
// estimated first and, past the limits, refused with the largest input that fits offered; it shows
// its progress, can be cancelled, is cancelled by a newer request, and ends when the window closes.
// Figures export with a JSON sidecar saying how they were made.
#pragma once

#include "attention/attention_controls.h"
#include "attention/attention_figure.h"
#include "attention/attention_probe.h"

#include <dino/api/attention_model.h>

#include <QDateTime>
#include <QFutureWatcher>
#include <QImage>
#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>
#include <utility>

class AttentionTileGrid;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSlider;

// A file's modification time and size: whether it is still the file that was read.
using FileStamp = std::pair<QDateTime, qint64>;

class AttentionExplorer : public QWidget {
  Q_OBJECT

 public:
  explicit AttentionExplorer(QWidget* parent = nullptr);
  ~AttentionExplorer() override;

  bool loadWeights(const QString& file, QString* error = nullptr);
  void useRandomWeights(const QString& arch = QStringLiteral("vit_small"), int patchSize = 16);
  void setModel(std::shared_ptr<dino::AttentionModel> model, const QString& weightsFile);
  // The running training's checkpoint: offered as a model, reloaded when it changes.
  void setTrainingCheckpoint(const QString& checkpointFile);

  bool addImage(const QString& file);
  void chooseImages();                                      // the file dialog of Open Images (File > Open Images too)
  void chooseWeights();                                     // the file dialog of Weights (File > Open Weights too)
  void addImage(const QImage& image, const QString& name);  // pasted
  int imageCount() const;
  void selectImage(int index);

  using InputSize = AttentionControls::InputSize;
  void setInputSize(InputSize size);
  void setLayer(int layer);
  void setQuery(int query);             // 0: CLS; 1 + k: patch k
  void setThreshold(double threshold);  // 0: off
  void setRollout(bool on);
  // The limits each computation is held to; by default dino::default_attention_limits() at the time.
  void setLimits(const dino::AttentionLimits& limits) { limits_ = limits; }
  bool computing() const { return watcher_.isRunning(); }
  // Stops the computation in progress (at its next block or chunk of rows); the view stays.
  void cancelComputation();
  // After a refusal: the input size that fits, or the refused one once without limits.
  void useOfferedSize();
  void computeAnyway();
  QString statusText() const;

  // Teacher and student side by side, with their difference (a training checkpoint's "student").
  bool setCompareStudent(bool on, QString* error = nullptr);
  // Another model's maps under this one's, with their difference: the teacher of another run's
  // checkpoint (or any weights file), named by its run. Replaces the student, and the reverse.
  bool compareWith(const QString& weightsFile, QString* error = nullptr);
  void stopComparing();
  QString comparedWeights() const { return compareFile_; }  // empty when one model is shown
  // What a figure calls the model of a weights file: its run folder's name, with the file's when it
  // is not the run's last checkpoint.
  static QString modelLabel(const QString& weightsFile);
  // The paper's Figure 3 style: the chosen heads' masks (all when empty) in one colour each.
  void setHeadsFigure(bool on, const QList<int>& heads = {});
  // Attention through training: the current image's maps at every checkpoint*.pth beside the
  // weights file, computed in the background; then showCheckpoint(i) scrubs through them.
  void pinProbe();
  int probeCount() const { return static_cast<int>(probe_.size()); }
  QString probeLabel(int index) const { return probe_.value(index).label; }
  void showCheckpoint(int index);
  // The dashboard's step cursor: the pinned probe's maps at the last checkpoint saved by that
  // training step (checkpointNNNN.pth is written after epoch NNNN). False without a probe.
  bool showIteration(int64_t iteration, int64_t stepsPerEpoch);

  const dino::AttentionView& view() const { return view_; }
  int query() const { return query_; }
  // The tile images on display (heads, then mean, rollout, PCA, masks), for export and tests.
  QList<QImage> tiles() const;
  QStringList tileNames() const;
  // Each tile as PNG, the grid as one labelled figure (PNG, SVG, PDF), attention.npy (and masks.npy,
  // rollout.npy) and figure.json with the weights and their SHA-256, the settings and the
  // `dino attention` line.
  bool exportView(const QString& folder, QString* error = nullptr);
  // Every image of a folder with the current model and settings, off the GUI thread: the same files
  // as exportView in a sub-folder per image. batchExported reports when it is done.
  void exportFolder(const QString& imagesFolder, const QString& outputFolder);
  bool batchRunning() const { return batchWatcher_.isRunning(); }
  void cancelBatch();
  // How the view on display was made (the weights, the settings, the image).
  dino::FigureProvenance provenance() const;
  QString commandLine() const;

 Q_SIGNALS:
  void viewReady();
  void refused(const QString& why);  // a computation over the limits; the offer is on screen
  void cancelled();
  void probeReady();
  void batchExported(int written, int failed, const QString& summary);
  void failed(const QString& message);

 protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  struct Item {
    QString name;
    QString file;  // empty for pasted images
    QImage image;  // pasted images
  };
  // How the view on display was made: what its figure.json says, whatever the controls show now.
  struct Shown {
    dino::AttentionRequest request;
    Item item;
    QString weights;  // empty for random weights
    std::string model, arch;
    bool withoutLimits = false;            // computed with Compute Anyway
    FileStamp weightsStamp;                // of the weights file then; none for a probe point
    QString comparedWeights, comparedKey;  // the second model's, when there was one
  };
  struct Result {
    dino::AttentionView view;
    dino::AttentionView student;
    bool hasStudent = false;
    bool cancelled = false;
    bool refused = false;  // over the limits after all (the rate changed since the estimate)
    bool failed = false;   // the image could not be read, ...: `message` says why
    QString message;
    int generation = 0;  // of the request; a view shown since (a probe's) makes it stale
    dino::AttentionEstimate estimate;
    Shown shown;
    double milliseconds = 0;  // model, maps and pictures, off the GUI thread
  };
  void recompute();
  void showComparison();  // the model's description and the compared run's; the Compare button
  void onComputed();
  void showRefusal(const dino::AttentionEstimate& estimate);
  void showComputing(bool on);
  dino::AttentionLimits currentLimits() const;
  void render();
  void onTileClicked(QPointF position, QSize shown);
  // An item's size in pixels: a pasted image's, or a file's from its header; invalid when unreadable.
  static QSize imageSize(const Item& item);
  // The patch grid `request` gives an image of `size` (columns x rows); invalid when it gives none.
  QSize requestGrid(const dino::AttentionRequest& request, const QSize& size) const;
  void onBatchFinished();
  dino::AttentionRequest request() const;
  AttentionFigureStyle figureStyle() const;

  std::shared_ptr<dino::AttentionModel> model_;
  QString weightsFile_, trainingCheckpoint_;
  FileStamp loadedStamp_;  // of the weights file when loaded
  Shown shown_;            // of the view on display (a probe shows another checkpoint's)
  Shown probeShown_;       // of the probe's views, but for the checkpoint
  Shown pendingProbe_;     // of the probe being computed
  int probeTotal_ = 0;     // its checkpoints
  int viewGeneration_ = 0;
  QList<Item> items_;
  int current_ = -1;
  int query_ = 0;
  dino::AttentionView view_;
  QFutureWatcher<Result> watcher_;
  QFutureWatcher<AttentionProbe> probeWatcher_;
  std::shared_ptr<dino::AttentionModel> student_;  // the second model: a student or another run's teacher
  QString compareFile_, compareKey_;               // its weights file and key
  dino::AttentionView studentView_;
  bool hasStudentView_ = false;
  double lastMilliseconds_ = -1;  // how long the view on display took to compute
  bool headsFigure_ = false;
  QList<int> figureHeads_;
  QList<AttentionProbePoint> probe_;
  bool recomputeQueued_ = false;
  std::shared_ptr<std::atomic<bool>> job_;  // the cancel flag of the computation in progress
  std::shared_ptr<std::atomic<bool>> probeCancel_;
  std::optional<dino::AttentionLimits> limits_;
  bool ignoreLimitsOnce_ = false;
  std::vector<int> offeredSize_;
  AttentionFigure figure_;
  QFutureWatcher<AttentionBatchResult> batchWatcher_;
  std::shared_ptr<std::atomic<bool>> batchCancel_;

  QLabel* modelLabel_ = nullptr;
  QLabel* status_ = nullptr;
  QProgressBar* progress_ = nullptr;
  QPushButton* cancel_ = nullptr;
  QPushButton* offer_ = nullptr;
  QPushButton* anyway_ = nullptr;
  QListWidget* thumbnails_ = nullptr;
  QPushButton* teacher_ = nullptr;
  QPushButton* compare_ = nullptr;
  AttentionControls* controls_ = nullptr;
  QSlider* probeSlider_ = nullptr;
  QLabel* probeLabel_ = nullptr;
  AttentionTileGrid* tiles_ = nullptr;
  QLabel* colorBar_ = nullptr;
  QLabel* colorScale_ = nullptr;
};
