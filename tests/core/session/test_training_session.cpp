// The training session: configuration files, the metric stream, pause/stop at step boundaries,
// and resuming from a checkpoint to the same weights as an uninterrupted run.
#include <dino/data/data_loader.h>
#include <dino/data/open_data.h>
#include <dino/io/training_checkpoint.h>
#include <dino/session/run_options.h>
#include <dino/session/training_presets.h>
#include <dino/api/training_run.h>
#include <dino/session/training_session.h>

#include "error_of.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <torch/torch.h>

#include <atomic>
#include <fstream>

using namespace dino;

namespace {

TrainingConfig tiny(const QString& output_dir) {
  TrainingConfig c;
  c.arch = "vit_tiny";
  c.patch_size = 4;
  c.embed_dim = 32;
  c.depth = 1;
  c.num_heads = 2;
  c.out_dim = 64;
  c.head_hidden_dim = 32;
  c.head_bottleneck_dim = 16;
  c.global_crops_size = 16;
  c.local_crops_size = 8;
  c.local_crops_number = 2;
  c.batch_size_per_gpu = 16;
  c.limit_images = 64;  // 4 steps per epoch
  c.epochs = 2;
  c.warmup_epochs = 1;
  c.lr = 0.01;
  c.num_workers = 2;
  c.eval_knn = false;
  c.output_dir = output_dir.toStdString();
  return c;
}

QStringList lines_of(const QString& file) {
  QFile f(file);
  f.open(QIODevice::ReadOnly);
  return QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
}

}  // namespace

class TestTrainingSession : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void configRoundTripsThroughJson() {
    TrainingConfig c = tiny("/tmp/x");
    c.global_crops_scale = {0.3, 0.9};
    c.norm_last_layer = false;
    TrainingConfig back;
    back.merge_json(c.to_json(), "test");
    QCOMPARE(back.to_json(), c.to_json());
    QCOMPARE(back.global_crops_scale[0], 0.3);
    QVERIFY(!back.norm_last_layer);
    // Keys absent from the file keep their values.
    TrainingConfig partial;
    partial.merge_json(R"({"lr": 0.25})", "test");
    QCOMPARE(partial.lr, 0.25);
    QCOMPARE(partial.epochs, int64_t{100});
  }

  void configErrorsNameTheKey() {
    TrainingConfig c;
    auto error_of_json = [&](const std::string& text) { return error_of<ConfigError>([&] { c.merge_json(text, "run.json"); }); };
    QVERIFY(error_of_json(R"({"learning_rate": 1})").contains("unknown key 'learning_rate'"));
    QVERIFY(error_of_json(R"({"epochs": "many"})").contains("key 'epochs'"));
    QVERIFY(error_of_json("{").contains("run.json"));
    TrainingConfig bad = tiny("/tmp/x");
    bad.global_crops_scale = {0.9, 0.2};
    QVERIFY_THROWS_EXCEPTION(ConfigError, bad.validate());
    bad = tiny("/tmp/x");
    bad.optimizer = "lamb";
    QVERIFY_THROWS_EXCEPTION(ConfigError, bad.validate());
    bad = tiny("/tmp/x");
    bad.cpu_matmul = "mkl";
    try {
      bad.validate();
      QFAIL("--cpu_matmul mkl was accepted");
    } catch (const ConfigError& e) {
      QVERIFY2(QString(e.what()).contains("--cpu_matmul mkl"), e.what());
    }
  }

  // The library's option structs keep the reference's constructor defaults (DINOLoss, DINOHead,
  // main_dino.py's schedules) and the run's defaults live in the settings table: both are the
  // reference's, so a run with every default builds exactly the default trainer.
  void defaultSettingsBuildTheDefaultTrainer() {
    const TrainerOptions from_settings = trainer_options(TrainingConfig{}, /*iterations_per_epoch=*/1, c10::kCPU);
    const TrainerOptions library;
    QCOMPARE(from_settings.lr, library.lr);
    QCOMPARE(from_settings.min_lr, library.min_lr);
    QCOMPARE(from_settings.warmup_epochs, library.warmup_epochs);
    QCOMPARE(from_settings.weight_decay, library.weight_decay);
    QCOMPARE(from_settings.weight_decay_end, library.weight_decay_end);
    QCOMPARE(from_settings.momentum_teacher, library.momentum_teacher);
    QCOMPARE(from_settings.clip_grad, library.clip_grad);
    QCOMPARE(from_settings.freeze_last_layer, library.freeze_last_layer);
    QCOMPARE(from_settings.epochs, library.epochs);
    QCOMPARE(from_settings.total_batch_size, library.total_batch_size);
    QCOMPARE(from_settings.drop_path_rate, library.drop_path_rate);
    QCOMPARE(from_settings.norm_last_layer, library.norm_last_layer);
    QCOMPARE(from_settings.optimizer, library.optimizer);
    QCOMPARE(from_settings.head.out_dim, library.head.out_dim);
    QCOMPARE(from_settings.head.hidden_dim, library.head.hidden_dim);
    QCOMPARE(from_settings.head.bottleneck_dim, library.head.bottleneck_dim);
    QCOMPARE(from_settings.head.nlayers, library.head.nlayers);
    QCOMPARE(from_settings.head.use_bn, library.head.use_bn);
    QCOMPARE(from_settings.loss.ncrops, library.loss.ncrops);
    QCOMPARE(from_settings.loss.warmup_teacher_temp, library.loss.warmup_teacher_temp);
    QCOMPARE(from_settings.loss.teacher_temp, library.loss.teacher_temp);
    QCOMPARE(from_settings.loss.warmup_teacher_temp_epochs, library.loss.warmup_teacher_temp_epochs);
    QCOMPARE(from_settings.vit.embed_dim, VitConfig{}.embed_dim);  // vit_small
    QCOMPARE(from_settings.vit.img_size, VitConfig{}.img_size);
  }

  void presetsAreValidAndFlagsStillOverrideThem() {
    QVERIFY(training_presets().size() >= 4);
    for (const auto& preset : training_presets()) {
      TrainingConfig c;
      apply_training_preset(c, preset.name);
      c.validate();  // throws on a bad preset
      QVERIFY(!preset.title.empty() && !preset.description.empty());
    }
    TrainingConfig demo;
    apply_training_preset(demo, "fashion-mnist-demo");
    // docs/fashion-mnist-recipe.md: width 96, depth 3, 4-px patches, 28/12 px crops, peak lr 0.004 * 64 / 256.
    QCOMPARE(demo.vit().embed_dim, int64_t{96});
    QCOMPARE(demo.vit().depth, int64_t{3});
    QCOMPARE(demo.vit().patch_size, int64_t{4});
    QCOMPARE(demo.global_crops_size, int64_t{28});
    QCOMPARE(demo.lr * static_cast<double>(demo.batch_size_per_gpu) / 256.0, 0.001);
    TrainingConfig boost;
    boost.embed_dim = 96;  // a preset for a named arch clears width overrides
    apply_training_preset(boost, "vit-small-16-boost");
    QCOMPARE(boost.vit().embed_dim, int64_t{384});
    QCOMPARE(boost.teacher_temp, 0.07);  // reference.md §6.2
    QCOMPARE(boost.warmup_teacher_temp_epochs, int64_t{30});
    QVERIFY(!boost.norm_last_layer);
    TrainingConfig bad;
    try {
      apply_training_preset(bad, "imagenet-in-5-minutes");
      QFAIL("an unknown preset must be refused");
    } catch (const ConfigError& e) {
      QVERIFY(QString(e.what()).contains("fashion-mnist-demo"));
    }
  }

  void runWritesRecordsCheckpointsAndConfig() {
    QTemporaryDir dir;
    TrainingSession session(tiny(dir.path()));
    int steps = 0, epochs = 0;
    session.set_listener([&](const MetricRecord& r) {
      steps += r.kind == MetricRecord::Kind::Step;
      epochs += r.kind == MetricRecord::Kind::Epoch;
    });
    session.run();
    QVERIFY2(session.state() == TrainingSession::State::Finished, session.error().c_str());
    QCOMPARE(steps, 8);
    QCOMPARE(epochs, 2);
    const auto metrics = lines_of(dir.filePath("metrics.jsonl"));
    QCOMPARE(metrics.size(), 10);
    QVERIFY(metrics[0].contains("\"kind\":\"step\"") && metrics[0].contains("\"teacher_entropy\""));
    const auto checkpoint = io::load_training_checkpoint(dir.filePath("checkpoint.pth").toStdString());
    QCOMPARE(checkpoint.epoch, int64_t{2});
    QVERIFY(checkpoint.student.contains("head.last_layer.weight_v"));
    QVERIFY(QFile::exists(dir.filePath("checkpoint0000.pth")));
    TrainingConfig reread;
    reread.merge_json_file(dir.filePath("config.json").toStdString());
    QCOMPARE(reread.to_json(), tiny(dir.path()).to_json());
    QCOMPARE(lines_of(dir.filePath("log.txt")).size(), 2);
  }

  // --time_budget plans the epochs once, before the first step, writes the plan into config.json
  // with the warm-ups scaled alike, trains exactly that many epochs, and a resumed run given the same
  // budget keeps the plan instead of making a new one. (How many epochs fit depends on the machine;
  // what must hold does not.)
  void timeBudgetPlansOnceAndResumeKeepsThePlan() {
    QTemporaryDir dir;
    TrainingConfig c = tiny(dir.path());
    c.epochs = 50;
    c.warmup_epochs = 10;
    c.freeze_last_layer = 5;
    c.time_budget = "3s";
    {
      TrainingSession first(c);
      first.set_listener([&](const MetricRecord& r) {
        if (r.kind == MetricRecord::Kind::Epoch) first.request_stop();  // stops after its first epoch
      });
      first.run();
      QVERIFY2(first.state() != TrainingSession::State::Failed, first.error().c_str());
    }
    TrainingConfig planned;
    planned.merge_json_file(dir.filePath("config.json").toStdString());
    const int64_t epochs = planned.epochs;
    QVERIFY(epochs <= 100000);
    QCOMPARE(planned.time_budget, std::string("3s"));
    // apply_budget_plan: the recipe's 50 epochs on fewer images, or more epochs with the warm-up scaled
    QVERIFY(epochs >= 50);
    QCOMPARE(planned.warmup_epochs, epochs == 50 ? int64_t{10} : std::max<int64_t>(10 * epochs / 50, 1));
    QCOMPARE(planned.freeze_last_layer, int64_t{5});

    TrainingSession second(c);  // the same settings, the budget included
    second.run();
    QVERIFY2(second.state() == TrainingSession::State::Finished, second.error().c_str());
    TrainingConfig after;
    after.merge_json_file(dir.filePath("config.json").toStdString());
    QCOMPARE(after.epochs, epochs);  // not planned again
    int epoch_records = 0;
    for (const auto& line : lines_of(dir.filePath("metrics.jsonl"))) epoch_records += line.contains("\"kind\":\"epoch\"");
    QCOMPARE(epoch_records, static_cast<int>(epochs));
    QCOMPARE(io::load_training_checkpoint(dir.filePath("checkpoint.pth").toStdString()).epoch, epochs);
  }

  void resumeReproducesTheUninterruptedRun() {
    QTemporaryDir straight_dir, resumed_dir;
    TrainingSession straight(tiny(straight_dir.path()));
    straight.run();
    QVERIFY2(straight.state() == TrainingSession::State::Finished, straight.error().c_str());

    {
      TrainingSession first(tiny(resumed_dir.path()));
      first.set_listener([&](const MetricRecord& r) {
        if (r.kind == MetricRecord::Kind::Step && r.iteration == 5) first.request_stop();  // mid-epoch 1
      });
      first.run();
      QCOMPARE(first.state(), TrainingSession::State::Stopped);
      const auto partial = io::load_training_checkpoint(resumed_dir.filePath("checkpoint.pth").toStdString());
      QCOMPARE(partial.epoch, int64_t{1});
      QCOMPARE(partial.resume.as_dict().find("step")->as_int(), int64_t{2});
    }
    TrainingSession second(tiny(resumed_dir.path()));
    second.run();
    QVERIFY2(second.state() == TrainingSession::State::Finished, second.error().c_str());

    const auto a = io::load_training_checkpoint(straight_dir.filePath("checkpoint.pth").toStdString());
    const auto b = io::load_training_checkpoint(resumed_dir.filePath("checkpoint.pth").toStdString());
    QCOMPARE(a.teacher.size(), b.teacher.size());
    for (const auto& item : a.teacher) QVERIFY2(torch::equal(item.value(), b.teacher[item.key()]), item.key().c_str());
    for (const auto& item : a.student) QVERIFY2(torch::equal(item.value(), b.student[item.key()]), item.key().c_str());
    QVERIFY(torch::equal(*a.center, *b.center));
    // The last step's loss is the same number in both metric streams.
    auto loss_at = [](const QString& file, int iteration) {
      for (const auto& line : lines_of(file)) {
        const auto record = QJsonDocument::fromJson(line.toUtf8()).object();
        if (record["kind"].toString() == "step" && record["iteration"].toInt() == iteration) return record["loss"].toDouble();
      }
      return -1.0;
    };
    QCOMPARE(loss_at(resumed_dir.filePath("metrics.jsonl"), 7), loss_at(straight_dir.filePath("metrics.jsonl"), 7));
    QVERIFY(loss_at(straight_dir.filePath("metrics.jsonl"), 7) > 0);
  }

  void pauseResumeAndStopOnItsOwnThread() {
    QTemporaryDir dir;
    TrainingConfig c = tiny(dir.path());
    c.epochs = 50;
    TrainingSession session(c);
    std::atomic<int64_t> last{-1};
    session.set_listener([&](const MetricRecord& r) {
      if (r.kind == MetricRecord::Kind::Step) last = r.iteration;
    });
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(last >= 2, 20000);
    session.pause();
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), TrainingSession::State::Paused, 10000);
    const int64_t paused_at = last;
    QTest::qWait(300);
    QCOMPARE(last.load(), paused_at);  // no step while paused
    session.resume();
    QTRY_VERIFY_WITH_TIMEOUT(last > paused_at, 10000);
    session.request_stop();
    session.wait();
    QCOMPARE(session.state(), TrainingSession::State::Stopped);
    QVERIFY(last < c.epochs * 4 - 1);
  }

  // The app's crop previews at a step show the crops that step's batch trained on: the previewer
  // redraws them from the loader's order and generators, and normalised here by hand they equal the
  // loader's batch tensors.
  void cropPreviewAtAStepIsWhatTheLoaderBuilt() {
    QTemporaryDir dir;
    TrainingConfig c = tiny(dir.path());
    c.seed = 3;
    c.global_crops_size = 24;
    c.local_crops_size = 12;
    const run_settings::CropPreviewer previewer(c);
    QCOMPARE(previewer.steps_per_epoch(), int64_t{4});  // 64 images, batches of 16
    LoaderOptions loading;
    loading.batch_size = c.batch_size_per_gpu;
    loading.seed = static_cast<uint64_t>(c.seed);
    loading.num_workers = 2;
    MultiCropLoader loader(open_image_source(c.data_path, c.limit_images), multi_crop_options(c), loading);
    loader.start_epoch(1);
    std::optional<Batch> batch;
    for (int i = 0; i < 3; ++i) batch = loader.next();  // epoch 1, step 2: iteration 6
    QVERIFY(batch.has_value());
    const int position = 5;
    const auto preview = previewer.at_iteration(6, position);
    QCOMPARE(preview.epoch, int64_t{1});
    QCOMPARE(preview.step, int64_t{2});
    QCOMPARE(preview.index, batch->samples[position]);
    QCOMPARE(preview.crops.size(), size_t{2 + 2});
    const float mean[3] = {0.485f, 0.456f, 0.406f}, stdev[3] = {0.229f, 0.224f, 0.225f};
    for (size_t i = 0; i < preview.crops.size(); ++i) {
      const auto& image = preview.crops[i].image;
      auto expected = torch::empty({3, image.height, image.width});
      for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x)
          for (int ch = 0; ch < 3; ++ch)
            expected[ch][y][x] = (image.rgb[(static_cast<size_t>(y) * image.width + x) * 3 + ch] / 255.0f - mean[ch]) / stdev[ch];
      QVERIFY2(torch::allclose(batch->crops[i][position], expected, 1e-5, 1e-5), qPrintable(QString::number(i)));
    }
    // Another place in the batch is another image.
    QCOMPARE(previewer.at_iteration(6, position + 1).index, batch->samples[position + 1]);
    loader.stop();
  }

  void failureIsReportedNotThrown() {
    QTemporaryDir dir;
    TrainingConfig c = tiny(dir.path());
    c.data_path = dir.filePath("missing").toStdString();
    TrainingSession session(c);
    session.run();
    QCOMPARE(session.state(), TrainingSession::State::Failed);
    QVERIFY2(QString::fromStdString(session.error()).contains("missing"), session.error().c_str());
  }
};

QTEST_GUILESS_MAIN(TestTrainingSession)
#include "test_training_session.moc"
