// The `dino` command line, run as a user would: `dino info` and `dino embed` on files written by
// Python's torch.save, and the messages for bad input.
#include "python_reference.h"

#include <dino/data/image_file.h>
#include <dino/io/state_dict.h>
#include <dino/io/torch_file.h>
#include <dino/model/vision_transformer.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>
#include <torch/torch.h>

#include <algorithm>
#include <fstream>
#include <numeric>

using namespace dino;

namespace {

struct Run {
  int exit_code = -1;
  QString out;
  QString err;
};

Run run_dino(const QStringList& arguments) {
  QProcess process;
  process.start(QStringLiteral(DINO_CLI_PATH), arguments);
  Run run;
  if (!process.waitForFinished(120000)) return run;
  run.exit_code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
  run.out = QString::fromUtf8(process.readAllStandardOutput());
  run.err = QString::fromUtf8(process.readAllStandardError());
  return run;
}

// Reads a float32 .npy written by `dino embed`: shape from the header, then the data.
torch::Tensor read_npy(const QString& file, QString* header_text) {
  std::ifstream in(file.toStdString(), std::ios::binary);
  char preamble[10];
  in.read(preamble, 10);
  if (std::string(preamble, 6) != "\x93NUMPY") return {};
  const int length = static_cast<unsigned char>(preamble[8]) | (static_cast<unsigned char>(preamble[9]) << 8);
  std::string header(static_cast<size_t>(length), '\0');
  in.read(header.data(), length);
  *header_text = QString::fromStdString(header);
  const auto open = header.find("'shape': (");
  const auto close = header.find(')', open);
  std::vector<int64_t> shape;
  for (const auto& part :
       QString::fromStdString(header.substr(open + 10, close - open - 10)).split(',', Qt::SkipEmptyParts))
    shape.push_back(part.trimmed().toLongLong());
  auto data = torch::empty(shape, torch::kFloat);
  in.read(static_cast<char*>(data.data_ptr()), static_cast<std::streamsize>(data.nbytes()));
  return in ? data : torch::Tensor();
}

}  // namespace

class TestDinoCli : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    auto result = dino::test::run_reference_script({"write-reference-files", dir_.path()});
    QVERIFY2(result.ok, qPrintable(result.error));
  }

  // `dino follow` (what the app reads over SSH from a run on a server): whole lines only, each file
  // from its offset and tagged, then how the run ended, once everything written is out.
  void followStreamsWholeLinesFromOffsetsThenTheEnd() {
    QTemporaryDir run;
    const auto write = [&run](const char* name, const QByteArray& bytes) {
      QFile file(run.filePath(QString::fromLatin1(name)));
      QVERIFY(file.open(QIODevice::WriteOnly));
      file.write(bytes);
    };
    write("metrics.jsonl", "{\"a\":1}\n{\"b\":");  // the writer is mid-line: the second is not sent
    write("train.log", "x\ny\n");
    write("detached.out", "o1\n");
    // No process file yet: no detached run there.
    auto none = run_dino({"follow", "--output_dir", run.path(), "--log_from", "2"});
    QCOMPARE(none.exit_code, 0);
    QCOMPARE(none.out, QStringLiteral("m {\"a\":1}\nl y\no o1\ns none\n"));
    // A process id nobody has any more, and no exit status: the run is gone.
    // A process that has ended (and been reaped) names its own id: nobody has it now.
    QProcess finished;
    finished.start(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("echo $$")});
    QVERIFY(finished.waitForFinished());
    const QByteArray deadPid = finished.readAllStandardOutput().trimmed();
    QVERIFY(deadPid.toLongLong() > 0);
    write("detached.pid", deadPid + " " + deadPid + "\n");  // the app's file: process, then its group
    auto gone = run_dino(
        {"follow", "--output_dir", run.path(), "--metrics_from", "8", "--log_from", "4", "--output_from", "3"});
    QCOMPARE(gone.out, QStringLiteral("s gone\n"));
    // A live process (this test) is running: a heartbeat, and the stream goes on until it is cut.
    write("detached.pid", QByteArray::number(QCoreApplication::applicationPid()) + "\n");
    QProcess live;
    live.start(QStringLiteral(DINO_CLI_PATH), {"follow", "--output_dir", run.path(), "--metrics_from", "8",
                                               "--log_from", "4", "--output_from", "3", "--heartbeat", "0.2"});
    QByteArray streamed;  // what arrived so far (a QTRY condition is evaluated more than once)
    QTRY_VERIFY_WITH_TIMEOUT((streamed += live.readAllStandardOutput()).contains("s running\n"), 10000);
    write("train.log", "x\ny\nz\n");
    QTRY_VERIFY_WITH_TIMEOUT((streamed += live.readAllStandardOutput()).contains("l z\n"), 10000);
    QVERIFY2(!streamed.contains("l y\n"), streamed.constData());  // from its offset on
    live.kill();
    live.waitForFinished();
    write("train.log", "x\ny\n");
    write("detached.exit", "137\n");
    auto ended = run_dino({"follow", "--output_dir", run.path(), "--metrics_from", "8"});
    QCOMPARE(ended.out, QStringLiteral("l x\nl y\no o1\ns ended 137\n"));
    auto nowhere = run_dino({"follow", "--output_dir", run.filePath("nope")});
    QCOMPARE(nowhere.exit_code, 1);
    QVERIFY2(
        nowhere.err.contains(QStringLiteral("--output_dir ")) && nowhere.err.contains(QStringLiteral("no such folder")),
        qPrintable(nowhere.err));
  }

  void infoOnABackboneFile() {
    auto run = run_dino({"info", "--pretrained_weights", dir_.filePath("backbone.pth")});
    QVERIFY2(run.exit_code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains("patch_size 8") && run.out.contains("embed_dim 64") && run.out.contains("depth 2"),
             qPrintable(run.out));
    QVERIFY(run.out.contains("0 missing, 0 unexpected"));
    // 64-wide ViT, 32 px, patch 8, depth 2: counted by hand from the shapes.
    const int64_t d = 64, h = 256;
    const int64_t expected =
        d * 3 * 64 + d + d + 17 * d + 2 * (4 * d + 3 * d * d + 3 * d + d * d + d + 2 * d * h + h + d) + 2 * d;
    QVERIFY2(
        run.out.contains(QString("backbone parameters: %L1").arg(expected).replace(QLocale().groupSeparator(), ",")),
        qPrintable(run.out));
  }

  void infoOnATrainingCheckpoint() {
    auto run = run_dino({"info", "--pretrained_weights", dir_.filePath("checkpoint.pth")});
    QVERIFY2(run.exit_code == 0, qPrintable(run.err));
    QVERIFY(run.out.contains("layout: training checkpoint"));
    QVERIFY2(run.out.contains("argparse.Namespace(arch='vit_small'"), qPrintable(run.out));
    QVERIFY(run.out.contains("['teacher']"));
    // The teacher's head (3 linear layers with biases, weight_g and weight_v) is expected, not a surprise.
    QVERIFY2(
        run.out.contains("0 missing, 0 unexpected") && run.out.contains("the DINO head's 8 tensors (head.*) left out"),
        qPrintable(run.out));
    auto bad_key =
        run_dino({"info", "--pretrained_weights", dir_.filePath("checkpoint.pth"), "--checkpoint_key", "ema"});
    QCOMPARE(bad_key.exit_code, 1);
    QVERIFY2(bad_key.err.contains("no key 'ema'") && bad_key.err.contains("teacher"), qPrintable(bad_key.err));
  }

  void badInputGetsAMessage() {
    auto missing = run_dino({"info", "--pretrained_weights", dir_.filePath("nope.pth")});
    QCOMPARE(missing.exit_code, 1);
    QVERIFY2(missing.err.contains("nope.pth") && missing.err.contains("no such file"), qPrintable(missing.err));
    auto flag = run_dino({"info", "--pretrained_weights", dir_.filePath("backbone.pth"), "--bogus"});
    QVERIFY(flag.exit_code != 0);
    QVERIFY2((flag.out + flag.err).contains("--bogus"), qPrintable(flag.out + flag.err));
    auto size = run_dino({"embed", "--pretrained_weights", dir_.filePath("backbone.pth"), "--image_path", "x.png",
                          "--image_size", "0", "--output", dir_.filePath("x.npy")});
    QCOMPARE(size.exit_code, 2);
    QVERIFY2(size.err.contains("--image_size"), qPrintable(size.err));
    auto help = run_dino({"embed", "--help"});
    QCOMPARE(help.exit_code, 0);
    QVERIFY(help.out.contains("--n_last_blocks"));
  }

  void embedWritesNormedClsFeatures() {
    // Two images whose sizes are not multiples of the patch (8): cropped from the top-left.
    cv::Mat first(20, 28, CV_8UC3), second(17, 9, CV_8UC3);
    cv::randu(first, 0, 256);
    cv::randu(second, 0, 256);
    const auto a = dir_.filePath("a.png"), b = dir_.filePath("b.png");
    QVERIFY(cv::imwrite(a.toStdString(), first) && cv::imwrite(b.toStdString(), second));
    const auto output = dir_.filePath("features.npy");
    auto run = run_dino(
        {"embed", "--pretrained_weights", dir_.filePath("backbone.pth"), "--image_path", a, b, "--output", output});
    QVERIFY2(run.exit_code == 0, qPrintable(run.err));
    QString header;
    auto features = read_npy(output, &header);
    QVERIFY2(header.contains("'descr': '<f4'") && header.contains("'shape': (2, 64)"), qPrintable(header));

    // The same numbers by hand: normalise the BGR pixels OpenCV wrote, crop, run the model.
    auto weights = io::load_pretrained_weights(dir_.filePath("backbone.pth").toStdString());
    VisionTransformer model(io::infer_vit_config(weights.state_dict));
    io::load_state_dict(*model, weights.state_dict, true);
    model->eval();
    const float mean[3] = {0.485f, 0.456f, 0.406f}, stdev[3] = {0.229f, 0.224f, 0.225f};
    auto by_hand = [&](const cv::Mat& bgr) {
      const int h = bgr.rows / 8 * 8, w = bgr.cols / 8 * 8;
      auto x = torch::empty({1, 3, h, w});
      for (int y = 0; y < h; ++y)
        for (int c = 0; c < w; ++c)
          for (int ch = 0; ch < 3; ++ch)
            x[0][ch][y][c] = (bgr.at<cv::Vec3b>(y, c)[2 - ch] / 255.0f - mean[ch]) / stdev[ch];
      torch::NoGradGuard no_grad;
      return model->forward(x)[0];
    };
    QVERIFY(torch::allclose(features[0], by_hand(first), 1e-5, 1e-5));
    QVERIFY(torch::allclose(features[1], by_hand(second), 1e-5, 1e-5));

    auto two_blocks = run_dino({"embed", "--pretrained_weights", dir_.filePath("backbone.pth"), "--image_path", a,
                                "--n_last_blocks", "2", "--output", dir_.filePath("two.npy")});
    QVERIFY2(two_blocks.exit_code == 0, qPrintable(two_blocks.err));
    auto concatenated = read_npy(dir_.filePath("two.npy"), &header);
    QCOMPARE(concatenated.sizes().vec(), (std::vector<int64_t>{1, 128}));
    QVERIFY(torch::allclose(concatenated[0].slice(0, 64), by_hand(first), 1e-5, 1e-5));
  }

  void embedRejectsTinyAndBrokenImages() {
    cv::Mat tiny(5, 5, CV_8UC3, cv::Scalar(1, 2, 3));
    const auto tiny_path = dir_.filePath("tiny.png");
    QVERIFY(cv::imwrite(tiny_path.toStdString(), tiny));
    const auto output = dir_.filePath("never.npy");
    auto run = run_dino({"embed", "--pretrained_weights", dir_.filePath("backbone.pth"), "--image_path", tiny_path,
                         "--output", output});
    QCOMPARE(run.exit_code, 1);
    QVERIFY2(run.err.contains("tiny.png") && run.err.contains("smaller than one 8-pixel patch"), qPrintable(run.err));
    QVERIFY(!QFile::exists(output));
    const auto text = dir_.filePath("text.png");
    QFile f(text);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not an image");
    f.close();
    run = run_dino(
        {"embed", "--pretrained_weights", dir_.filePath("backbone.pth"), "--image_path", text, "--output", output});
    QCOMPARE(run.exit_code, 1);
    QVERIFY2(run.err.contains("text.png"), qPrintable(run.err));
    QVERIFY(!QFile::exists(output));
  }

  // eval_knn.py on a small labelled folder: features checked against Python's own Resize(bicubic),
  // CenterCrop and ViT, accuracies against the reference's knn_classifier (reference.md §5.1) on the dumped features.
  void knnMatchesTheReferenceClassifier() {
    QDir root(dir_.filePath("knn"));
    cv::RNG rng(11);
    const char* classes[] = {"cat", "dog", "owl"};
    for (const char* split : {"train", "val"}) {
      for (int c = 0; c < 3; ++c) {
        QVERIFY(root.mkpath(QString("%1/%2").arg(split, classes[c])));
        const int count = QString(split) == "train" ? 8 : 3;
        for (int i = 0; i < count; ++i) {
          // Non-square, not a multiple of anything, tinted by class so the classes are separable.
          cv::Mat image(37 + i, 45 - i, CV_8UC3);
          rng.fill(image, cv::RNG::UNIFORM, 0, 120);
          image += cv::Scalar(c == 0 ? 120 : 0, c == 1 ? 120 : 0, c == 2 ? 120 : 0);
          QVERIFY(
              cv::imwrite(root.filePath(QString("%1/%2/%3.png").arg(split, classes[c]).arg(i)).toStdString(), image));
        }
      }
    }
    const auto features = dir_.filePath("knn-features");
    auto run =
        run_dino({"knn", "--pretrained_weights", dir_.filePath("backbone.pth"), "--data_path", root.path(), "--nb_knn",
                  "5", "40", "--resize_size", "36", "--crop_size", "32", "--dump_features", features});
    QVERIFY2(run.exit_code == 0, qPrintable(run.err));
    auto check = dino::test::run_reference_script(
        {"knn-check", dir_.filePath("backbone.pth"), root.path(), features, "36", "32", "5"});
    QVERIFY2(check.ok, qPrintable(check.error));
    const auto expected = QJsonDocument::fromJson(check.output.toUtf8()).object();
    QVERIFY2(expected["train_max_difference"].toDouble() < 1e-4, qPrintable(check.output));
    QVERIFY2(expected["val_max_difference"].toDouble() < 1e-4, qPrintable(check.output));
    QVERIFY(expected["train_labels_match"].toBool() && expected["test_labels_match"].toBool());
    const auto line = QString("5-NN classifier result: Top1: %1, Top5: %2")
                          .arg(expected["top1"].toDouble(), 0, 'f', 4)
                          .arg(expected["top5"].toDouble(), 0, 'f', 4);
    QVERIFY2(run.out.contains(line), qPrintable(run.out + "\nexpected: " + line));
    QVERIFY2(run.out.contains("40-NN classifier: skipped, the training set has only 24 images"), qPrintable(run.out));
    // The dumped features give the same result without the model.
    auto loaded = run_dino({"knn", "--load_features", features, "--nb_knn", "5"});
    QVERIFY2(loaded.exit_code == 0, qPrintable(loaded.err));
    QVERIFY2(loaded.out.contains(line), qPrintable(loaded.out));
    // Bad input: no labelled splits, no weights, every k over the training set (said before any
    // feature is computed), a folder that does not exist.
    auto too_many = run_dino({"knn", "--pretrained_weights", dir_.filePath("backbone.pth"), "--data_path", root.path(),
                              "--nb_knn", "25", "40"});
    QCOMPARE(too_many.exit_code, 2);
    QVERIFY2(too_many.err.contains("every k is larger than the training set's 24 images"), qPrintable(too_many.err));
    QVERIFY2(!too_many.err.contains("features of the"), qPrintable(too_many.err));
    auto nowhere = run_dino(
        {"knn", "--pretrained_weights", dir_.filePath("backbone.pth"), "--data_path", dir_.filePath("no-such-folder")});
    QCOMPARE(nowhere.exit_code, 1);
    QVERIFY2(nowhere.err.contains("no-such-folder: no such folder"), qPrintable(nowhere.err));
    auto no_splits =
        run_dino({"knn", "--pretrained_weights", dir_.filePath("backbone.pth"), "--data_path", root.filePath("train")});
    QCOMPARE(no_splits.exit_code, 1);
    QVERIFY2(no_splits.err.contains("expected train/ and val/"), qPrintable(no_splits.err));
    auto no_weights = run_dino({"knn", "--data_path", root.path()});
    QCOMPARE(no_weights.exit_code, 2);
    QVERIFY2(no_weights.err.contains("--pretrained_weights"), qPrintable(no_weights.err));
  }

  // eval_linear.py's probe: two epochs write the reference's checkpoint.pth.tar and log.txt, a run
  // with the same flags resumes from it (with other --epochs it is refused), and --evaluate on the
  // saved classifier reports the accuracy the last epoch logged; bad flag combinations are refused
  // by name.
  void linearTrainsResumesAndEvaluates() {
    QDir root(dir_.filePath("linear"));
    cv::RNG rng(5);
    for (const char* split : {"train", "val"})
      for (int c = 0; c < 3; ++c) {
        QVERIFY(root.mkpath(QString("%1/class%2").arg(split).arg(c)));
        for (int i = 0; i < (QString(split) == "train" ? 6 : 3); ++i) {
          cv::Mat image(40, 48, CV_8UC3);
          rng.fill(image, cv::RNG::UNIFORM, 0, 100);
          image += cv::Scalar(c == 0 ? 150 : 0, c == 1 ? 150 : 0, c == 2 ? 150 : 0);
          QVERIFY(
              cv::imwrite(root.filePath(QString("%1/class%2/%3.png").arg(split).arg(c).arg(i)).toStdString(), image));
        }
      }
    const QString out = dir_.filePath("linear-out");
    const QStringList common{"linear",
                             "--pretrained_weights",
                             dir_.filePath("backbone.pth"),
                             "--data_path",
                             root.path(),
                             "--num_labels",
                             "3",
                             "--n_last_blocks",
                             "1",
                             "--avgpool_patchtokens",
                             "true",
                             "--batch_size_per_gpu",
                             "8",
                             "--lr",
                             "0.5",
                             "--output_dir",
                             out};
    auto first = run_dino(common + QStringList{"--epochs", "2"});
    QVERIFY2(first.exit_code == 0, qPrintable(first.err));
    QVERIFY2(first.out.contains("Top-1 test accuracy"), qPrintable(first.out));
    const io::PyValue checkpoint = io::load_torch_file((out + "/checkpoint.pth.tar").toStdString());
    QCOMPARE(checkpoint.as_dict().find("epoch")->as_int(), 2);
    const io::PyValue* state = checkpoint.as_dict().find("state_dict");
    QVERIFY(state && state->as_dict().find("module.linear.weight") && state->as_dict().find("module.linear.bias"));
    QCOMPARE(state->as_dict().find("module.linear.weight")->as_tensor().size(0), 3);
    QVERIFY(checkpoint.as_dict().find("optimizer") && checkpoint.as_dict().find("scheduler"));

    // Resuming with another --epochs would bend the cosine: refused, naming the flag.
    auto other_length = run_dino(common + QStringList{"--epochs", "3"});
    QCOMPARE(other_length.exit_code, 2);
    QVERIFY2(other_length.err.contains("--epochs 2"), qPrintable(other_length.err));
    // The same flags again: nothing left to train, the log unchanged.
    auto resumed = run_dino(common + QStringList{"--epochs", "2"});
    QVERIFY2(resumed.exit_code == 0, qPrintable(resumed.err));
    QVERIFY2(resumed.err.contains("resumed from") && resumed.err.contains("after epoch 2"), qPrintable(resumed.err));
    QFile log(out + "/log.txt");
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = log.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    // The reference's keys, in its order; no top-5 with 3 labels.
    QVERIFY2(lines.last().startsWith("{\"train_lr\":"), lines.last().constData());
    const QJsonObject last = QJsonDocument::fromJson(lines.last()).object();
    QCOMPARE(last["epoch"].toInt(), 1);
    QVERIFY(!last.contains("test_acc5"));

    auto evaluated = run_dino(common + QStringList{"--epochs", "2", "--evaluate"});
    QVERIFY2(evaluated.exit_code == 0, qPrintable(evaluated.err));
    const QString acc = QString("* Acc@1 %1 loss").arg(last["test_acc1"].toDouble(), 0, 'f', 3);
    QVERIFY2(evaluated.out.contains(acc), qPrintable(evaluated.out + "\nexpected: " + acc));

    auto interleaved = run_dino({"linear", "--pretrained_weights", dir_.filePath("backbone.pth"), "--data_path",
                                 root.path(), "--avgpool_patchtokens", "true", "--n_last_blocks", "2"});
    QCOMPARE(interleaved.exit_code, 2);
    QVERIFY2(interleaved.err.contains("--n_last_blocks 1"), qPrintable(interleaved.err));
    auto few_labels =
        run_dino({"linear", "--pretrained_weights", dir_.filePath("backbone.pth"), "--data_path", root.path(),
                  "--num_labels", "2", "--n_last_blocks", "1", "--output_dir", dir_.filePath("linear-2")});
    QCOMPARE(few_labels.exit_code, 2);
    QVERIFY2(few_labels.err.contains("--num_labels 2"), qPrintable(few_labels.err));
    auto stray = run_dino(common + QStringList{"--pretrained_linear", out + "/checkpoint.pth.tar"});
    QCOMPARE(stray.exit_code, 2);
    QVERIFY2(stray.err.contains("--evaluate"), qPrintable(stray.err));
  }

  // visualize_attention.py's outputs on an image that needs no resizing: the raw maps and masks
  // equal what the model's attention gives when worked out here by hand.
  void attentionMapsAndMasks() {
    cv::Mat bgr(32, 40, CV_8UC3);  // 4 x 5 patches of 8 px
    cv::randu(bgr, 0, 256);
    const auto image = dir_.filePath("attention-input.png");
    QVERIFY(cv::imwrite(image.toStdString(), bgr));
    const auto out = dir_.filePath("attention");
    auto run = run_dino({"attention", "--pretrained_weights", dir_.filePath("backbone.pth"), "--image_path", image,
                         "--image_size", "32", "40", "--threshold", "0.6", "--save_raw", "--output_dir", out});
    QVERIFY2(run.exit_code == 0, qPrintable(run.err));
    for (const char* file : {"img.png", "attn-head0.png", "attn-mean.png", "mask_th0.6_head0.png"})
      QVERIFY2(QFile::exists(QDir(out).filePath(file)), file);
    QCOMPARE(cv::imread(QDir(out).filePath("attn-head0.png").toStdString()).size(), cv::Size(40, 32));
    QString header;
    const auto maps = read_npy(QDir(out).filePath("attention.npy"), &header);
    QCOMPARE(maps.sizes().vec(), (std::vector<int64_t>{1, 4, 5}));

    // By hand: normalise the pixels, run the model's explicit attention, take row 0 without key 0.
    auto weights = io::load_pretrained_weights(dir_.filePath("backbone.pth").toStdString());
    VisionTransformer model(io::infer_vit_config(weights.state_dict));
    io::load_state_dict(*model, weights.state_dict, true);
    model->eval();
    const float mean[3] = {0.485f, 0.456f, 0.406f}, stdev[3] = {0.229f, 0.224f, 0.225f};
    auto x = torch::empty({1, 3, 32, 40});
    for (int y = 0; y < 32; ++y)
      for (int c = 0; c < 40; ++c)
        for (int ch = 0; ch < 3; ++ch)
          x[0][ch][y][c] = (bgr.at<cv::Vec3b>(y, c)[2 - ch] / 255.0f - mean[ch]) / stdev[ch];
    torch::NoGradGuard no_grad;
    const auto attention = model->get_last_selfattention(x);
    const auto expected = attention[0][0][0].slice(0, 1).reshape({4, 5});
    QVERIFY(torch::allclose(maps[0], expected, 1e-5, 1e-6));

    // The mask by hand: patches by falling attention until they hold 60% of it.
    std::vector<float> values(expected.data_ptr<float>(), expected.data_ptr<float>() + 20);
    std::vector<int> order(20);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return values[a] > values[b]; });
    const double total = std::accumulate(values.begin(), values.end(), 0.0);
    std::vector<int> kept(20, 0);
    double mass = 0;
    for (int i : order) {
      if (mass >= 0.6 * total) break;
      kept[static_cast<size_t>(i)] = 1;
      mass += values[static_cast<size_t>(i)];
    }
    QFile masks_file(QDir(out).filePath("masks.npy"));
    QVERIFY(masks_file.open(QIODevice::ReadOnly));
    const QByteArray masks = masks_file.readAll();
    QVERIFY(masks.contains("'descr': '|u1'"));
    const QByteArray data = masks.right(20);
    for (int i = 0; i < 20; ++i) QCOMPARE(static_cast<int>(data[i]), kept[static_cast<size_t>(i)]);

    // figure.json: the weights' SHA-256 (hashed here by Qt, not OpenSSL), the files written, and a
    // command line that, run again, writes the same maps.
    QFile sidecar_file(QDir(out).filePath("figure.json"));
    QVERIFY(sidecar_file.open(QIODevice::ReadOnly));
    const auto sidecar = QJsonDocument::fromJson(sidecar_file.readAll()).object();
    QFile weights_file(dir_.filePath("backbone.pth"));
    QVERIFY(weights_file.open(QIODevice::ReadOnly));
    QCOMPARE(sidecar["weights_sha256"].toString(),
             QString::fromLatin1(QCryptographicHash::hash(weights_file.readAll(), QCryptographicHash::Sha256).toHex()));
    QCOMPARE(sidecar["heads"].toInt(), 1);
    QCOMPARE(sidecar["threshold"].toDouble(), 0.6);
    QCOMPARE(sidecar["input_size"].toArray(), (QJsonArray{32, 40}));
    QVERIFY(sidecar["files"].toArray().contains(QJsonValue("masks.npy")));
    QVERIFY(sidecar["files"].toArray().contains(QJsonValue("attn-head0.png")));
    QStringList again = sidecar["command_line"].toString().split(' ');
    QCOMPARE(again.mid(0, 2), (QStringList{"dino", "attention"}));
    const auto out_again = dir_.filePath("attention-again");
    auto rerun = run_dino(again.mid(1) << "--output_dir" << out_again);
    QVERIFY2(rerun.exit_code == 0, qPrintable(rerun.err));
    QString header_again;
    QVERIFY(torch::equal(read_npy(QDir(out_again).filePath("attention.npy"), &header_again), maps));

    // The original size (--image_size 0), a patch's query, rollout and PCA: the sidecar's line keeps
    // each of them, so that it writes the same files again.
    const auto original = dir_.filePath("attention-original");
    auto from_patch = run_dino({"attention", "--pretrained_weights", dir_.filePath("backbone.pth"), "--image_path",
                                image, "--image_size", "0", "--query_patch", "7", "--rollout", "--pca", "--save_raw",
                                "--output_dir", original});
    QVERIFY2(from_patch.exit_code == 0, qPrintable(from_patch.err));
    const auto patch_maps = read_npy(QDir(original).filePath("attention.npy"), &header);
    QVERIFY(torch::allclose(patch_maps[0], attention[0][0][8].slice(0, 1).reshape({4, 5}), 1e-5, 1e-6));  // token 1 + 7
    QVERIFY(QFile::exists(QDir(original).filePath("pca.png")));
    QFile original_sidecar(QDir(original).filePath("figure.json"));
    QVERIFY(original_sidecar.open(QIODevice::ReadOnly));
    const QString line = QJsonDocument::fromJson(original_sidecar.readAll()).object()["command_line"].toString();
    for (const char* flag : {"--image_size 0 ", "--query_patch 7 ", "--rollout", "--pca"})
      QVERIFY2(line.contains(QLatin1String(flag)), qPrintable(line));
    const auto original_again = dir_.filePath("attention-original-again");
    auto rerun_original = run_dino(line.split(' ').mid(1) << "--output_dir" << original_again);
    QVERIFY2(rerun_original.exit_code == 0, qPrintable(rerun_original.err));
    for (const char* file : {"attention.npy", "rollout.npy"}) {
      QString h1, h2;
      QVERIFY2(torch::equal(read_npy(QDir(original_again).filePath(file), &h2),
                            read_npy(QDir(original).filePath(file), &h1)),
               file);
    }

    // Past a limit: refused before any work, naming the image and the flags that change it.
    auto refused = run_dino({"attention", "--pretrained_weights", dir_.filePath("backbone.pth"), "--image_path", image,
                             "--memory_limit", "0.000001", "--output_dir", dir_.filePath("never")});
    QCOMPARE(refused.exit_code, 1);
    QVERIFY2(refused.err.contains("attention-input.png") && refused.err.contains("over the limit of") &&
                 refused.err.contains("--memory_limit"),
             qPrintable(refused.err));

    // A folder holding a.png and a.jpg: a folder of figures each, neither overwriting the other.
    const QString same_stem = dir_.filePath("same-stem");
    QVERIFY(QDir().mkpath(same_stem));
    QVERIFY(cv::imwrite(QDir(same_stem).filePath("a.png").toStdString(), bgr));
    QVERIFY(cv::imwrite(QDir(same_stem).filePath("a.jpg").toStdString(), bgr(cv::Rect(0, 0, 32, 24)).clone()));
    const auto folders_out = dir_.filePath("same-stem-out");
    auto both = run_dino({"attention", "--pretrained_weights", dir_.filePath("backbone.pth"), "--image_path", same_stem,
                          "--image_size", "32", "40", "--output_dir", folders_out});
    QVERIFY2(both.exit_code == 0, qPrintable(both.err));
    const QStringList folders = QDir(folders_out).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QCOMPARE(folders.size(), 2);
    for (const QString& folder : folders) {
      const QString sidecar = QDir(folders_out).filePath(folder + "/figure.json");
      QFile json(sidecar);
      QVERIFY2(json.open(QIODevice::ReadOnly), qPrintable(sidecar));
      const QString image = QJsonDocument::fromJson(json.readAll()).object().value("image").toString();
      QVERIFY2(image.endsWith(folder == "a" ? "a.jpg" : "a.png"), qPrintable(folder + ": " + image));
    }

    // Bad input: smaller than a patch, a layer the model lacks, no weights.
    cv::Mat tiny(5, 5, CV_8UC3, cv::Scalar(1, 2, 3));
    const auto tiny_path = dir_.filePath("tiny-attention.png");
    QVERIFY(cv::imwrite(tiny_path.toStdString(), tiny));
    auto small = run_dino({"attention", "--pretrained_weights", dir_.filePath("backbone.pth"), "--image_path",
                           tiny_path, "--image_size", "5", "5", "--output_dir", dir_.filePath("never")});
    QCOMPARE(small.exit_code, 1);
    QVERIFY2(small.err.contains("tiny-attention.png") && small.err.contains("smaller than one 8-pixel patch"),
             qPrintable(small.err));
    auto layer = run_dino(
        {"attention", "--pretrained_weights", dir_.filePath("backbone.pth"), "--image_path", image, "--layer", "5"});
    QCOMPARE(layer.exit_code, 2);
    QVERIFY2(layer.err.contains("--layer 5"), qPrintable(layer.err));
    auto none = run_dino({"attention", "--image_path", image});
    QCOMPARE(none.exit_code, 2);
    // Weights of another shape than the chosen arch (the file holds embed_dim 64): the keys named.
    auto wrong = run_dino({"attention", "--pretrained_weights", dir_.filePath("backbone.pth"), "--arch", "vit_small",
                           "--patch_size", "8", "--image_path", image, "--output_dir", dir_.filePath("never")});
    QCOMPARE(wrong.exit_code, 1);
    QVERIFY2(wrong.err.contains("backbone.pth") && wrong.err.contains("do not fit") &&
                 wrong.err.contains("cls_token: file [1, 1, 64] vs model [1, 1, 384]"),
             qPrintable(wrong.err));
    QVERIFY(!QFileInfo::exists(dir_.filePath("never")));
  }

  // video_generation.py: a clip's frames, each frame's mean attention over the heads, and the video
  // at the clip's frame rate; a folder of frames with --resize, --threshold's masks, --video_only,
  // and bad input named.
  void attentionVideo() {
    const auto clip = dir_.filePath("clip.avi");
    {
      cv::VideoWriter writer(clip.toStdString(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 12, cv::Size(40, 32));
      if (!writer.isOpened()) QSKIP("this OpenCV cannot write a video (no FFmpeg or built-in MJPEG writer)");
      cv::RNG rng(5);
      for (int i = 0; i < 5; ++i) {
        cv::Mat frame(32, 40, CV_8UC3);
        rng.fill(frame, cv::RNG::UNIFORM, 0, 256);
        cv::rectangle(frame, cv::Rect(4 * i, 8, 12, 12), cv::Scalar(255, 255, 255), cv::FILLED);
        writer.write(frame);
      }
    }
    const QDir out(dir_.filePath("video"));
    auto run = run_dino({"attention", "--pretrained_weights", dir_.filePath("backbone.pth"), "--video", clip,
                         "--output_path", out.path()});
    if (run.exit_code != 0 && run.err.contains("cannot encode")) QSKIP("this OpenCV has no MPEG-4 encoder");
    QVERIFY2(run.exit_code == 0, qPrintable(run.err));
    QCOMPARE(QDir(out.filePath("frames")).entryList(QDir::Files).size(), 5);
    QCOMPARE(QDir(out.filePath("attention")).entryList(QDir::Files).size(), 5);
    QVERIFY(!QFile::exists(out.filePath("video.partial.mp4")));
    auto check_video = [](const QString& file, int frames, double fps, cv::Size size) {
      cv::VideoCapture capture(file.toStdString());
      if (!capture.isOpened()) return QString("cannot open ") + file;
      if (std::abs(capture.get(cv::CAP_PROP_FPS) - fps) > 0.01)
        return QString("fps %1, expected %2").arg(capture.get(cv::CAP_PROP_FPS)).arg(fps);
      int count = 0;
      cv::Mat frame;
      while (capture.read(frame)) {
        if (frame.size() != size) return QString("a frame of %1x%2").arg(frame.cols).arg(frame.rows);
        ++count;
      }
      return count == frames ? QString() : QString("%1 frames, expected %2").arg(count).arg(frames);
    };
    QString problem = check_video(out.filePath("video.mp4"), 5, 12, cv::Size(40, 32));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // A frame's picture against the single-image command's raw maps of the same frame file: the
    // brightest patch is the most attended one and the darkest the least (inferno's lightness rises
    // with the value; each 8 x 8 patch is one JPEG block, whose mean survives compression).
    const auto frame = QDir(out.filePath("frames")).filePath("frame-0002.jpg");
    const auto raw = dir_.filePath("video-frame-raw");
    auto single = run_dino({"attention", "--pretrained_weights", dir_.filePath("backbone.pth"), "--image_path", frame,
                            "--image_size", "0", "--threshold", "0.6", "--save_raw", "--output_dir", raw});
    QVERIFY2(single.exit_code == 0, qPrintable(single.err));
    QString header;
    const auto maps = read_npy(QDir(raw).filePath("attention.npy"), &header);
    QCOMPARE(maps.sizes().vec(), (std::vector<int64_t>{1, 4, 5}));
    const auto mean = maps.mean(0);
    auto block_lightness = [](const QString& file) {
      cv::Mat picture = cv::imread(file.toStdString(), cv::IMREAD_GRAYSCALE);
      auto lightness = torch::zeros({picture.rows / 8, picture.cols / 8});
      for (int y = 0; y < picture.rows / 8; ++y)
        for (int x = 0; x < picture.cols / 8; ++x) lightness[y][x] = cv::mean(picture(cv::Rect(8 * x, 8 * y, 8, 8)))[0];
      return lightness;
    };
    const auto lightness = block_lightness(QDir(out.filePath("attention")).filePath("attn-frame-0002.jpg"));
    QCOMPARE(lightness.sizes().vec(), (std::vector<int64_t>{4, 5}));
    const double range = (mean.max() - mean.min()).item<double>();
    QVERIFY(mean.flatten()[lightness.flatten().argmax()].item<double>() >= mean.max().item<double>() - 0.02 * range);
    QVERIFY(mean.flatten()[lightness.flatten().argmin()].item<double>() <= mean.min().item<double>() + 0.02 * range);

    // A folder of frames resized (shorter side 16: 16 x 20, cropped to 16 x 16), with --threshold:
    // one head, so each patch is either kept (bright) or not, as masks.npy says for that frame.
    const QDir masked(dir_.filePath("video-masked"));
    auto from_folder = run_dino({"attention", "--pretrained_weights", dir_.filePath("backbone.pth"), "--video",
                                 out.filePath("frames"), "--resize", "16", "--threshold", "0.6", "--video_format",
                                 "avi", "--fps", "5", "--output_path", masked.path()});
    QVERIFY2(from_folder.exit_code == 0, qPrintable(from_folder.err));
    QVERIFY(!QFile::exists(masked.filePath("frames")));  // nothing extracted from a folder
    problem = check_video(masked.filePath("video.avi"), 5, 5, cv::Size(16, 16));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    auto full = run_dino({"attention", "--pretrained_weights", dir_.filePath("backbone.pth"), "--video",
                          out.filePath("frames"), "--threshold", "0.6", "--output_path", dir_.filePath("video-full")});
    QVERIFY2(full.exit_code == 0, qPrintable(full.err));
    QFile masks_file(QDir(raw).filePath("masks.npy"));
    QVERIFY(masks_file.open(QIODevice::ReadOnly));
    const QByteArray kept = masks_file.readAll().right(20);
    const auto mask_lightness =
        block_lightness(QDir(dir_.filePath("video-full/attention")).filePath("attn-frame-0002.jpg"));
    for (int i = 0; i < 20; ++i) QCOMPARE(mask_lightness.flatten()[i].item<double>() > 128, kept[i] == 1);

    // The pictures alone into a video at another rate.
    const QDir again(dir_.filePath("video-only"));
    auto only = run_dino({"attention", "--video", out.filePath("attention"), "--video_only", "--fps", "7",
                          "--output_path", again.path()});
    QVERIFY2(only.exit_code == 0, qPrintable(only.err));
    problem = check_video(again.filePath("video.mp4"), 5, 7, cv::Size(40, 32));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // Bad input, named.
    auto missing = run_dino({"attention", "--pretrained_weights", dir_.filePath("backbone.pth"), "--video",
                             dir_.filePath("missing.avi"), "--output_path", dir_.filePath("never")});
    QCOMPARE(missing.exit_code, 1);
    QVERIFY2(missing.err.contains("missing.avi"), qPrintable(missing.err));
    auto not_a_video = run_dino({"attention", "--pretrained_weights", dir_.filePath("backbone.pth"), "--video",
                                 dir_.filePath("backbone.pth"), "--output_path", dir_.filePath("never")});
    QCOMPARE(not_a_video.exit_code, 1);
    QVERIFY2(not_a_video.err.contains("cannot read this as a video"), qPrintable(not_a_video.err));
    auto wrong_flag = run_dino({"attention", "--pretrained_weights", dir_.filePath("backbone.pth"), "--video", clip,
                                "--image_size", "32", "--output_path", dir_.filePath("never")});
    QCOMPARE(wrong_flag.exit_code, 2);
    QVERIFY2(wrong_flag.err.contains("--resize"), qPrintable(wrong_flag.err));
    QVERIFY(!QFile::exists(dir_.filePath("never")));
  }

  // eval_image_retrieval.py on two small sets in the revisited layout (ground truth pickled with
  // protocol 2 and 5, lists, numpy arrays and numpy scalars): the Easy, Medium and Hard mAP and
  // precision at 1, 5 and 10 equal those of the reference's pipeline written out in Python (Pillow's
  // thumbnail, the same backbone, multi-scale features, the protocol's AP by hand).
  void retrievalMatchesTheReferencePipeline() {
    const QString root = dir_.filePath("revisited");
    auto written = dino::test::run_reference_script({"write-revisited-set", root});
    QVERIFY2(written.ok, qPrintable(written.error));
    struct Case {
      const char* dataset;
      const char* multiscale;
      const char* crop;
    };
    for (const Case& c : {Case{"roxford5k", "1", "0"}, Case{"rparis6k", "0", "1"}}) {
      const QString out = dir_.filePath(QString("retrieval-") + c.dataset);
      auto run = run_dino({"retrieval", "--pretrained_weights", dir_.filePath("backbone.pth"), "--data_path", root,
                           "--dataset", c.dataset, "--imsize", "48", "--multiscale",
                           QString(c.multiscale) == "1" ? "True" : "False", "--crop_queries",
                           QString(c.crop) == "1" ? "true" : "false", "--output_dir", out, "--dump_features", out});
      QVERIFY2(run.exit_code == 0, qPrintable(run.err));
      auto check = dino::test::run_reference_script(
          {"retrieval-check", dir_.filePath("backbone.pth"), root, c.dataset, "48", c.multiscale, c.crop, out});
      QVERIFY2(check.ok, qPrintable(check.error));
      const auto expected = QJsonDocument::fromJson(check.output.toUtf8()).object();
      // The features themselves, not only the rankings they give.
      QVERIFY2(expected["database_max_difference"].toDouble(1) < 1e-4, qPrintable(check.output));
      QVERIFY2(expected["queries_max_difference"].toDouble(1) < 1e-4, qPrintable(check.output));
      QFile file(QDir(out).filePath("retrieval.json"));
      QVERIFY(file.open(QIODevice::ReadOnly));
      const auto actual = QJsonDocument::fromJson(file.readAll()).object();
      for (const char* protocol : {"E", "M", "H"}) {
        const auto e = expected[protocol].toObject(), a = actual[protocol].toObject();
        QVERIFY2(std::abs(e["map"].toDouble() - a["map"].toDouble()) < 1e-9,
                 qPrintable(QString("%1 %2: mAP %3, the reference's %4")
                                .arg(c.dataset, protocol)
                                .arg(a["map"].toDouble())
                                .arg(e["map"].toDouble())));
        for (int k = 0; k < 3; ++k)
          QVERIFY(std::abs(e["precision_at_k"].toArray()[k].toDouble() - a["precision_at_k"].toArray()[k].toDouble()) <
                  1e-9);
      }
      // The printed line, in percent with two decimals.
      const QRegularExpression line(QString(">> %1: mAP E: ([0-9.]+), M: ([0-9.]+), H: ([0-9.]+)").arg(c.dataset));
      const auto printed = line.match(run.out);
      QVERIFY2(printed.hasMatch(), qPrintable(run.out));
      const char* protocols[] = {"E", "M", "H"};
      for (int i = 0; i < 3; ++i)
        QVERIFY2(std::abs(printed.captured(i + 1).toDouble() -
                          100 * expected[protocols[i]].toObject()["map"].toDouble()) < 0.0051,
                 qPrintable(run.out));
    }

    // Bad input, named: no ground truth, an index outside the database, no weights.
    auto bad = dino::test::run_reference_script({"write-bad-revisited-set", root});
    QVERIFY2(bad.ok, qPrintable(bad.error));
    auto outside = run_dino(
        {"retrieval", "--pretrained_weights", dir_.filePath("backbone.pth"), "--data_path", root, "--dataset", "rbad"});
    QCOMPARE(outside.exit_code, 1);
    QVERIFY2(outside.err.contains("gnd[0]['easy']") && outside.err.contains("not an index of the 3 database images"),
             qPrintable(outside.err));
    auto missing = run_dino({"retrieval", "--pretrained_weights", dir_.filePath("backbone.pth"), "--data_path", root,
                             "--dataset", "rparis"});
    QCOMPARE(missing.exit_code, 1);
    QVERIFY2(missing.err.contains("gnd_rparis.pkl"), qPrintable(missing.err));
    auto no_weights = run_dino({"retrieval", "--data_path", root});
    QCOMPARE(no_weights.exit_code, 2);
    QVERIFY2(no_weights.err.contains("--pretrained_weights"), qPrintable(no_weights.err));
  }

  // eval_copy_detection.py on a small Copydays layout: each block's mAP equals that of the
  // reference's pipeline written out in Python ([CLS, GeM] features of bicubic squares, utils.PCA's
  // whitening with numpy, cosine top 20, the Holidays AP); a strong copy matching no original counts
  // as 0 and is named in a warning; bad layouts are named.
  void copyDetectionMatchesTheReferencePipeline() {
    const QString root = dir_.filePath("copy-detection");
    auto written = dino::test::run_reference_script({"write-copydays-set", root});
    QVERIFY2(written.ok, qPrintable(written.error));
    const QDir dir(root);
    const QString out = dir.filePath("out");
    auto run = run_dino({"copydetect", "--pretrained_weights", dir_.filePath("backbone.pth"), "--data_path",
                         dir.filePath("copydays"), "--whitening_path", dir.filePath("whitening"), "--distractors_path",
                         dir.filePath("distractors"), "--imsize", "32", "--batch_size_per_gpu", "7", "--output_dir",
                         out, "--dump_features", out});
    QVERIFY2(run.exit_code == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains("strong: 1 queries match no original"), qPrintable(run.err));
    auto check =
        dino::test::run_reference_script({"copydetect-check", dir_.filePath("backbone.pth"), dir.filePath("copydays"),
                                          dir.filePath("whitening"), dir.filePath("distractors"), "32", out});
    QVERIFY2(check.ok, qPrintable(check.error));
    const auto reference = QJsonDocument::fromJson(check.output.toUtf8()).object();
    QVERIFY2(reference["queries_max_difference"].toDouble(1) < 1e-4, qPrintable(check.output));
    QVERIFY2(reference["database_max_difference"].toDouble(1) < 1e-4, qPrintable(check.output));
    const auto expected = reference["blocks"].toObject();
    QFile file(QDir(out).filePath("copy_detection.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto blocks = QJsonDocument::fromJson(file.readAll()).object()["blocks"].toObject();
    QCOMPARE(blocks.keys(), expected.keys());
    for (const auto& name : expected.keys()) {
      const double want = expected[name].toDouble(), got = blocks[name].toObject()["map"].toDouble();
      QVERIFY2(std::abs(want - got) < 1e-9,
               qPrintable(QString("%1: mAP %2, the reference's %3").arg(name).arg(got).arg(want)));
      QVERIFY2(run.out.contains(QString("eval on %1 mAP=%2").arg(name).arg(want, 0, 'f', 3)), qPrintable(run.out));
    }
    QVERIFY(expected["strong"].toDouble() < 1.0 && expected["crops/50"].toDouble() < 1.0);  // not trivially found

    // A transformed block with another count than the originals, named.
    QVERIFY(QFile::remove(dir.filePath("copydays/crops/50/a100.jpg")));
    auto uneven = run_dino({"copydetect", "--pretrained_weights", dir_.filePath("backbone.pth"), "--data_path",
                            dir.filePath("copydays"), "--imsize", "32"});
    QCOMPARE(uneven.exit_code, 1);
    QVERIFY2(uneven.err.contains("crops/50") && uneven.err.contains("5 images where original/ has 6"),
             qPrintable(uneven.err));
    auto no_originals = run_dino({"copydetect", "--pretrained_weights", dir_.filePath("backbone.pth"), "--data_path",
                                  dir.filePath("whitening")});
    QCOMPARE(no_originals.exit_code, 1);
    QVERIFY2(no_originals.err.contains("original"), qPrintable(no_originals.err));
  }

  // `dino info --devices`: the CPU with its cores and memory as the system reports them (read here
  // from /proc and Qt), as text and as JSON for the app driving a server; without a file or
  // --devices, a usage error that names both.
  void infoOnDevices() {
    auto text = run_dino({"info", "--devices"});
    QVERIFY2(text.exit_code == 0, qPrintable(text.err));
    QVERIFY2(text.out.startsWith("dino (DINO Studio ") && text.out.contains("\ncpu: "), qPrintable(text.out));
    auto json = run_dino({"info", "--devices", "--json"});
    QVERIFY2(json.exit_code == 0, qPrintable(json.err));
    const auto doc = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QVERIFY(!doc["dino_version"].toString().isEmpty() && !doc["libtorch"].toString().isEmpty());
    const auto cpu = doc["devices"].toArray().first().toObject();
    QCOMPARE(cpu["name"].toString(), QStringLiteral("cpu"));
    QCOMPARE(cpu["cores"].toInt(), QThread::idealThreadCount());
    QFile meminfo("/proc/meminfo");
    QVERIFY(meminfo.open(QIODevice::ReadOnly));
    const auto total = QRegularExpression("MemTotal:\\s+(\\d+) kB").match(QString::fromLatin1(meminfo.readAll()));
    QVERIFY(total.hasMatch());
    // sysconf's pages and /proc's kB count the same memory; the kernel rounds them apart by under 1%.
    const double bytes = cpu["memory_bytes"].toDouble(), expected = total.captured(1).toDouble() * 1024;
    QVERIFY2(std::abs(bytes - expected) < 0.01 * expected, qPrintable(json.out));
    auto neither = run_dino({"info"});
    QCOMPARE(neither.exit_code, 2);
    QVERIFY2(neither.err.contains("--pretrained_weights") && neither.err.contains("--devices"),
             qPrintable(neither.err));
  }

 private:
  QTemporaryDir dir_;
};

QTEST_GUILESS_MAIN(TestDinoCli)
#include "test_dino_cli.moc"
