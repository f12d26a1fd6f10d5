// The attention explorer: a file dropped on it (a simulated QDropEvent) loads and shows every head
// and their mean; a click on a patch switches the query to that patch; the threshold adds the
// reference's masks; export writes the tiles, the grid, the raw maps and a sidecar that says how
// they were made; a folder exports in the background. The maps themselves are checked against hand computations in
// core's tests.
#include "attention/attention_explorer.h"
#include "image_conversion.h"

#include "demo_settings.h"

#include <dino/api/training_run.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMimeData>
#include <QProcess>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

class TestAttentionExplorer : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void dropClickThresholdExport() {
    QTemporaryDir dir;
    QImage picture(64, 48, QImage::Format_RGB888);
    for (int y = 0; y < 48; ++y)
      for (int x = 0; x < 64; ++x) picture.setPixel(x, y, qRgb(x * 4, y * 5, (x * y) % 256));
    const QString file = dir.filePath(QStringLiteral("probe.png"));
    QVERIFY(picture.save(file));

    AttentionExplorer explorer;
    explorer.resize(1200, 800);
    explorer.useRandomWeights(QStringLiteral("vit_tiny"), 16);
    QSignalSpy ready(&explorer, &AttentionExplorer::viewReady);

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(file)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&explorer, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&explorer, &drop);
    QCOMPARE(explorer.imageCount(), 1);
    QVERIFY(ready.wait(60000));
    const auto& view = explorer.view();
    QCOMPARE(view.heads, 3);
    QCOMPARE(view.grid_h, 30);  // 480 x 480 as the reference, 16-px patches
    QCOMPARE(view.grid_w, 30);
    QCOMPARE(explorer.tiles().size(), 3 + 1);  // heads and their mean
    QCOMPARE(explorer.tiles()[0].size(), QSize(480, 480));
    double sum = 0;
    for (float v : view.maps[1]) sum += v;
    QVERIFY(sum > 0.5 && sum <= 1.0 + 1e-5);  // CLS attention over the patches (the CLS key left out)

    // A click at the centre of patch (row 2, column 5) of the first tile: the query follows.
    auto* tile = explorer.findChildren<QLabel*>().at(0);
    for (auto* label : explorer.findChildren<QLabel*>())
      if (label->property("tile").toInt() == 0 && label->property("tile").isValid()) tile = label;
    const QSize shown = tile->pixmap().size();
    const QPointF at((5 * 16 + 8) * shown.width() / 480.0, (2 * 16 + 8) * shown.height() / 480.0);
    QMouseEvent release(QEvent::MouseButtonRelease, at, tile->mapToGlobal(at), Qt::LeftButton, Qt::NoButton,
                        Qt::NoModifier);
    QApplication::sendEvent(tile, &release);
    QCOMPARE(explorer.query(), 1 + 2 * 30 + 5);
    QVERIFY(ready.wait(60000));

    // The slider sets the mass and switches the masks on.
    auto* slider = explorer.findChild<QSlider*>(QStringLiteral("thresholdSlider"));
    QVERIFY(slider);
    slider->setValue(30);
    QVERIFY(ready.wait(60000));
    QCOMPARE(explorer.provenance().threshold, 0.3);
    QCOMPARE(explorer.view().masks.size(), size_t{3});
    size_t kept30 = 0;
    for (auto v : explorer.view().masks[0]) kept30 += v;

    explorer.setThreshold(0.6);
    QVERIFY(ready.wait(60000));
    QCOMPARE(explorer.view().masks.size(), size_t{3});
    QCOMPARE(explorer.tiles().size(), 3 + 1 + 3);
    QCOMPARE(slider->value(), 60);
    size_t kept60 = 0;
    for (auto v : explorer.view().masks[0]) kept60 += v;
    QVERIFY(kept60 > kept30);  // more mass, more patches

    QString error;
    const QString out = dir.filePath(QStringLiteral("export"));
    QVERIFY2(explorer.exportView(out, &error), qPrintable(error));
    for (const char* name :
         {"grid.png", "grid.svg", "grid.pdf", "attention.npy", "masks.npy", "figure.json", "head-0.png"})
      QVERIFY2(QFile::exists(QDir(out).filePath(QLatin1String(name))), name);
    QFile json(QDir(out).filePath(QStringLiteral("figure.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const auto sidecar = QJsonDocument::fromJson(json.readAll()).object();
    QCOMPARE(sidecar[QStringLiteral("heads")].toInt(), 3);
    QCOMPARE(sidecar[QStringLiteral("threshold")].toDouble(), 0.6);
    QCOMPARE(sidecar[QStringLiteral("query")].toString(), QStringLiteral("patch 65"));
    QVERIFY(sidecar[QStringLiteral("command_line")].toString().startsWith(
        QStringLiteral("dino attention --random_weights --arch vit_tiny")));
    QCOMPARE(sidecar[QStringLiteral("weights")].toString(), QStringLiteral("random"));

    // A folder in one go, off the GUI thread: a sub-folder of figures per image, the broken file
    // reported by name, and the CLS maps equal to exporting that image by hand.
    const QString batchIn = dir.filePath(QStringLiteral("batch-in"));
    QVERIFY(QDir().mkpath(batchIn));
    QVERIFY(QFile::copy(file, QDir(batchIn).filePath(QStringLiteral("probe.png"))));
    QVERIFY(picture.mirrored(true, false).save(QDir(batchIn).filePath(QStringLiteral("mirrored.jpg"))));
    QFile broken(QDir(batchIn).filePath(QStringLiteral("broken.png")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("not an image");
    broken.close();
    QSignalSpy batch(&explorer, &AttentionExplorer::batchExported);
    const QString batchOut = dir.filePath(QStringLiteral("batch-out"));
    explorer.exportFolder(batchIn, batchOut);
    QVERIFY(explorer.batchRunning());
    QVERIFY(batch.wait(120000));
    QCOMPARE(batch.at(0).at(0).toInt(), 2);
    QCOMPARE(batch.at(0).at(1).toInt(), 1);
    QVERIFY2(batch.at(0).at(2).toString().contains(QStringLiteral("broken.png")),
             qPrintable(batch.at(0).at(2).toString()));
    for (const char* name : {"probe/grid.svg", "probe/figure.json", "mirrored/grid.pdf", "mirrored/masks.npy"})
      QVERIFY2(QFile::exists(QDir(batchOut).filePath(QLatin1String(name))), name);
    explorer.setQuery(0);
    QVERIFY(ready.wait(60000));
    const QString cls = dir.filePath(QStringLiteral("export-cls"));
    QVERIFY2(explorer.exportView(cls, &error), qPrintable(error));
    auto bytes = [](const QString& path) {
      QFile f(path);
      return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    const QByteArray byHand = bytes(QDir(cls).filePath(QStringLiteral("attention.npy")));
    QVERIFY(!byHand.isEmpty());
    QCOMPARE(bytes(QDir(batchOut).filePath(QStringLiteral("probe/attention.npy"))), byHand);
    QVERIFY(bytes(QDir(batchOut).filePath(QStringLiteral("mirrored/attention.npy"))) != byHand);

    // Something that is not an image is refused with a message naming it.
    const QString text = dir.filePath(QStringLiteral("notes.png"));
    QFile notes(text);
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("not an image");
    notes.close();
    QSignalSpy failed(&explorer, &AttentionExplorer::failed);
    QVERIFY(!explorer.addImage(text));
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("notes.png")));
    QCOMPARE(explorer.imageCount(), 1);

    // A pasted picture has no file: its command line names none, its sidecar names the picture.
    explorer.addImage(picture, QStringLiteral("pasted 1"));
    QVERIFY(ready.wait(60000));
    QVERIFY(!explorer.commandLine().contains(QStringLiteral("--image_path")));
    QCOMPARE(QString::fromStdString(explorer.provenance().image), QStringLiteral("pasted 1"));
  }

  // Each computation is estimated first: past the limits it is refused with the largest input that
  // fits offered, or computed once anyway; Cancel stops one; a newer request cancels a stale one.
  void limitsCancelAndNewerRequests() {
    QTemporaryDir dir;
    QImage small(64, 64, QImage::Format_RGB888);  // square: its shorter side of 240 costs what 240 x 240 does
    small.fill(qRgb(40, 120, 200));
    const QString smallFile = dir.filePath(QStringLiteral("small.png"));
    QVERIFY(small.save(smallFile));
    QImage large(1600, 1200, QImage::Format_RGB888);  // 7,500 patches at its original size
    for (int y = 0; y < large.height(); ++y)
      for (int x = 0; x < large.width(); ++x) large.setPixel(x, y, qRgb(x % 256, y % 256, 90));
    const QString largeFile = dir.filePath(QStringLiteral("large.png"));
    QVERIFY(large.save(largeFile));

    AttentionExplorer explorer;
    explorer.useRandomWeights(QStringLiteral("vit_tiny"), 16);
    const dino::AttentionModelShape shape{12, 3, 192, 768, 16, 224};  // vit_tiny/16
    dino::AttentionRequest at240;
    at240.image_size = {240, 240};
    dino::AttentionLimits limits;
    limits.max_bytes = dino::attention_cost(shape, {240, 240}, at240).bytes;  // 480 px does not fit, 240 px does
    explorer.setLimits(limits);
    QSignalSpy ready(&explorer, &AttentionExplorer::viewReady);
    QSignalSpy refused(&explorer, &AttentionExplorer::refused);
    QSignalSpy cancelled(&explorer, &AttentionExplorer::cancelled);
    QVERIFY(explorer.addImage(smallFile));
    QCOMPARE(refused.count(), 1);  // decided before any work, on the GUI thread
    QVERIFY(!explorer.computing());
    QVERIFY2(explorer.statusText().contains(QStringLiteral("900 patches")), qPrintable(explorer.statusText()));
    QCOMPARE(ready.count(), 0);
    explorer.useOfferedSize();
    QVERIFY(ready.wait(60000));
    QCOMPARE(explorer.view().grid_h, 15);  // 240 px: the largest that fits
    QCOMPARE(explorer.provenance().image_size, (std::vector<int>{240, 240}));

    // Once without limits: the refused request, and its figure.json line lifts the limits too.
    explorer.setLimits({1, 0, 0});  // one byte: nothing fits
    explorer.setLayer(3);
    QCOMPARE(refused.count(), 2);
    QVERIFY(explorer.statusText().contains(QStringLiteral("No smaller input fits")));
    QCOMPARE(explorer.view().layer, 11);  // the refused request left the view as it was
    explorer.computeAnyway();
    QVERIFY(ready.wait(60000));
    QCOMPARE(explorer.view().layer, 3);
    QCOMPARE(explorer.view().grid_h, 15);  // still the offered 240 px: the offer holds for this image
    QVERIFY(explorer.commandLine().contains(QStringLiteral("--time_limit 0 --memory_limit 0")));

    // Another image starts from the model's size again; Cancel keeps the view on display.
    explorer.setLimits({});
    QVERIFY(explorer.addImage(largeFile));
    QVERIFY(ready.wait(60000));
    QCOMPARE(explorer.view().grid_h, 30);  // 480 x 480
    QCOMPARE(explorer.provenance().image_size, (std::vector<int>{480, 480}));
    explorer.setInputSize(AttentionExplorer::InputSize::Original);
    QVERIFY(explorer.computing());
    explorer.cancelComputation();
    QVERIFY(cancelled.wait(60000));
    QVERIFY(!explorer.computing());
    QCOMPARE(explorer.view().layer, 3);
    QCOMPARE(explorer.view().grid_h, 30);
    QVERIFY(explorer.statusText().startsWith(QStringLiteral("Cancelled")));
    // The figure on display is what an export describes, not the cancelled request.
    QCOMPARE(explorer.provenance().image_size, (std::vector<int>{480, 480}));

    // A newer request while the large one computes: the stale one is dropped, only the new one shows.
    ready.clear();
    explorer.setLayer(2);  // computes the original size again
    QVERIFY(explorer.computing());
    explorer.setInputSize(AttentionExplorer::InputSize::Square);
    QVERIFY(ready.wait(60000));
    QCOMPARE(ready.count(), 1);
    QCOMPARE(explorer.view().grid_h, 30);  // the square, not the original's 75 rows
    QCOMPARE(explorer.view().layer, 2);
    QCOMPARE(cancelled.count(), 1);  // the stale one ended silently
  }

  // A real training checkpoint: teacher and student side by side with their difference, the
  // Figure 3 picture, and the maps at every checkpoint of the run.
  void studentFigureAndThroughTraining() {
    QTemporaryDir dir;
    auto settings = dino::test::demo_settings();
    settings.output_dir = dir.filePath(QStringLiteral("run")).toStdString();
    settings.epochs = 2;
    settings.limit_images = 256;
    settings.batch_size_per_gpu = 64;
    settings.depth = 1;
    settings.eval_knn = false;
    settings.saveckp_freq = 1;
    dino::TrainingRun run(settings);
    run.start();
    run.wait();
    QCOMPARE(run.state(), dino::RunState::Finished);
    const QString checkpoint = dir.filePath(QStringLiteral("run/checkpoint.pth"));

    QImage picture(28, 28, QImage::Format_RGB888);
    for (int y = 0; y < 28; ++y)
      for (int x = 0; x < 28; ++x) picture.setPixel(x, y, qRgb(x * 9, y * 9, 128));
    const QString file = dir.filePath(QStringLiteral("probe.png"));
    QVERIFY(picture.save(file));

    AttentionExplorer explorer;
    explorer.setInputSize(AttentionExplorer::InputSize::Original);  // 28 px: a 7 x 7 grid of 4-px patches
    QSignalSpy ready(&explorer, &AttentionExplorer::viewReady);
    QString error;
    QVERIFY2(explorer.loadWeights(checkpoint, &error), qPrintable(error));
    QVERIFY(explorer.addImage(file));
    QVERIFY(ready.wait(60000));
    QCOMPARE(explorer.view().patch_size, 4);
    QVERIFY2(explorer.setCompareStudent(true, &error), qPrintable(error));
    QVERIFY(ready.wait(60000));
    const int heads = explorer.view().heads;
    QCOMPARE(heads, 3);
    const QStringList names = explorer.tileNames();
    QVERIFY(names.contains(QStringLiteral("student head 2")));
    QCOMPARE(names.indexOf(QStringLiteral("student head 0")), explorer.view().heads + 1);  // under the teacher's head 0
    const int difference = static_cast<int>(names.indexOf(QStringLiteral("teacher - student, head 0")));
    QVERIFY(difference > 0);
    // Where the teacher attends most above the student, the difference picture is red.
    explorer.setCompareStudent(false);
    QVERIFY(ready.wait(60000));
    // (the student's maps come from the same request on the checkpoint's student weights)
    auto student = dino::AttentionModel::from_weights(checkpoint.toStdString(), "student");
    dino::AttentionRequest request;
    request.image_size = {};
    const auto studentView = student->compute(file.toStdString(), request);
    const auto& teacherView = explorer.view();
    QCOMPARE(teacherView.grid_w, 7);
    int best = 0;
    float bestValue = -1, extent = 0;
    for (int k = 0; k < teacherView.grid_h * teacherView.grid_w; ++k) {
      const float d = teacherView.maps[0][static_cast<size_t>(k)] - studentView.maps[0][static_cast<size_t>(k)];
      extent = std::max(extent, std::abs(d));
      if (d > bestValue) {
        bestValue = d;
        best = k;
      }
    }
    const auto pictures = dino::difference_pictures(teacherView, studentView);
    const int px = (best % teacherView.grid_w) * 4 + 2, py = (best / teacherView.grid_w) * 4 + 2;
    const unsigned char* rgb =
        pictures[0].rgb.data() +
        (static_cast<size_t>(py) * static_cast<size_t>(pictures[0].width) + static_cast<size_t>(px)) * 3;
    QVERIFY(bestValue > 0);
    // Red, faded towards white by how far the difference is from the largest magnitude.
    QCOMPARE(static_cast<int>(rgb[0]), 255);
    QVERIFY(std::abs(static_cast<int>(rgb[1]) - static_cast<int>(std::lround(255 * (1 - bestValue / extent)))) <= 1);
    QCOMPARE(rgb[1], rgb[2]);

    // Two runs' teachers side by side (here the run's first checkpoint's teacher under its last's),
    // named by their runs; the difference is the one the two teachers' own maps give.
    const QString firstCheckpoint = dir.filePath(QStringLiteral("run/checkpoint0000.pth"));
    QCOMPARE(AttentionExplorer::modelLabel(checkpoint), QStringLiteral("run"));
    QVERIFY2(explorer.compareWith(firstCheckpoint, &error), qPrintable(error));
    QVERIFY(ready.wait(60000));
    const QStringList compared = explorer.tileNames();
    QCOMPARE(compared.indexOf(QStringLiteral("run (checkpoint0000.pth) head 0")), heads + 1);
    QVERIFY(compared.contains(QStringLiteral("run (checkpoint0000.pth) mean")));
    const auto otherTile = compared.indexOf(QStringLiteral("run - run (checkpoint0000.pth), head 0"));
    QVERIFY2(otherTile > 0, qPrintable(compared.join(QStringLiteral(", "))));
    auto earlier = dino::AttentionModel::from_weights(firstCheckpoint.toStdString(), "teacher");
    const auto earlierView = earlier->compute(file.toStdString(), request);
    QVERIFY(earlierView.maps[0] != explorer.view().maps[0]);  // two different teachers
    QCOMPARE(explorer.tiles()[otherTile], toQImage(dino::difference_pictures(explorer.view(), earlierView)[0]));
    const QString comparedOut = dir.filePath(QStringLiteral("compared-figure"));
    QVERIFY2(explorer.exportView(comparedOut, &error), qPrintable(error));
    QFile comparedJson(QDir(comparedOut).filePath(QStringLiteral("figure.json")));
    QVERIFY(comparedJson.open(QIODevice::ReadOnly));
    const auto comparedWith =
        QJsonDocument::fromJson(comparedJson.readAll()).object()[QStringLiteral("compared_with")].toObject();
    QCOMPARE(comparedWith[QStringLiteral("weights")].toString(), firstCheckpoint);
    QCOMPARE(comparedWith[QStringLiteral("checkpoint_key")].toString(), QStringLiteral("teacher"));
    QFile firstWeights(firstCheckpoint);
    QVERIFY(firstWeights.open(QIODevice::ReadOnly));
    QCOMPARE(comparedWith[QStringLiteral("weights_sha256")].toString(),
             QString::fromLatin1(QCryptographicHash::hash(firstWeights.readAll(), QCryptographicHash::Sha256).toHex()));
    explorer.stopComparing();
    QVERIFY(ready.wait(60000));
    QCOMPARE(explorer.tileNames().size(), heads + 1);  // one model again

    explorer.setHeadsFigure(true, {0, 2});
    QVERIFY(ready.wait(60000));  // the threshold was switched on for the masks
    QVERIFY(explorer.tileNames().contains(QStringLiteral("heads in colour (Figure 3 style)")));
    explorer.setQuery(1 + 10);  // the attention from patch 10, as a click would ask
    QVERIFY(ready.wait(60000));

    // The sidecar names the checkpoint with its SHA-256 (hashed here by Qt; the app uses OpenSSL).
    const QString out = dir.filePath(QStringLiteral("figure"));
    QVERIFY2(explorer.exportView(out, &error), qPrintable(error));
    QFile json(QDir(out).filePath(QStringLiteral("figure.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const auto sidecar = QJsonDocument::fromJson(json.readAll()).object();
    QFile weights(checkpoint);
    QVERIFY(weights.open(QIODevice::ReadOnly));
    QCOMPARE(sidecar[QStringLiteral("weights_sha256")].toString(),
             QString::fromLatin1(QCryptographicHash::hash(weights.readAll(), QCryptographicHash::Sha256).toHex()));
    QCOMPARE(sidecar[QStringLiteral("weights")].toString(), checkpoint);
    const QString line = sidecar[QStringLiteral("command_line")].toString();
    QVERIFY(line.contains(QStringLiteral("--pretrained_weights ") + checkpoint));
    QVERIFY2(line.contains(QStringLiteral("--image_size 0 ")), qPrintable(line));  // the original size, kept
    QVERIFY2(line.contains(QStringLiteral("--query_patch 10 ")), qPrintable(line));

    // The line, run through `dino attention`, writes the very maps and masks the app exported.
    const QStringList words = line.split(QLatin1Char(' '));
    QCOMPARE(words.mid(0, 2), (QStringList{QStringLiteral("dino"), QStringLiteral("attention")}));
    const QString again = dir.filePath(QStringLiteral("figure-again"));
    QProcess cli;
    cli.start(QStringLiteral(DINO_CLI_PATH), words.mid(1) << QStringLiteral("--output_dir") << again);
    QVERIFY(cli.waitForFinished(120000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    auto bytes = [](const QString& path) {
      QFile f(path);
      return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    for (const char* name : {"attention.npy", "masks.npy"}) {
      const QByteArray app = bytes(QDir(out).filePath(QLatin1String(name)));
      QVERIFY2(!app.isEmpty(), name);
      QVERIFY2(bytes(QDir(again).filePath(QLatin1String(name))) == app, name);
    }

    QSignalSpy probe(&explorer, &AttentionExplorer::probeReady);
    explorer.pinProbe();
    QVERIFY(probe.wait(60000));
    QCOMPARE(explorer.probeCount(), 3);  // checkpoint0000, checkpoint0001, then checkpoint.pth
    QCOMPARE(explorer.probeLabel(0), QStringLiteral("checkpoint0000.pth"));
    QCOMPARE(explorer.probeLabel(2), QStringLiteral("checkpoint.pth"));
    explorer.showCheckpoint(0);
    QVERIFY(QString::fromStdString(explorer.provenance().weights).endsWith(QStringLiteral("checkpoint0000.pth")));
    const auto early = explorer.view().maps[0];
    explorer.showCheckpoint(2);
    QVERIFY(explorer.view().maps[0] != early);  // the teacher moved between epochs
    // The step cursor picks the last checkpoint saved by that step: 4 steps per epoch here, and
    // checkpoint0001.pth is written after epoch 1, at step 8.
    explorer.showCheckpoint(1);
    const auto second = explorer.view().maps[0];
    QVERIFY(explorer.showIteration(7, 4));
    QCOMPARE(explorer.view().maps[0], early);
    QVERIFY(explorer.showIteration(8, 4));
    QCOMPARE(explorer.view().maps[0], second);
  }
};

QTEST_MAIN(TestAttentionExplorer)
#include "test_attention_explorer.moc"
