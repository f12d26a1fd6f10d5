// The table of training settings (training_settings.h): every field bound to its own key, the
// reference's defaults, the ranges it validates, and config.json and command lines made from it.
#include <dino/session/training_config.h>
#include <dino/session/training_settings.h>

#include "error_of.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <set>

using namespace dino;

class TestTrainingSettings : public QObject {
  Q_OBJECT

  // The message validate() gives, or empty.
  static QString problem_of(const TrainingConfig& c) {
    return error_of<ConfigError>([&] { c.validate(); });
  }

 private Q_SLOTS:
  // Changing one setting through the table changes exactly that key of config.json: no two rows
  // share a field, and no row reads another's.
  void eachRowOwnsItsField() {
    const auto defaults = nlohmann::json::parse(TrainingConfig{}.to_json());
    std::set<std::string> keys;
    for (const auto& d : training_settings()) {
      QVERIFY2(keys.insert(d.key).second, d.key.c_str());
      TrainingConfig c;
      SettingValue changed = std::visit(
          [](const auto& v) -> SettingValue {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, bool>)
              return !v;
            else if constexpr (std::is_same_v<T, int64_t>)
              return v + 7;
            else if constexpr (std::is_same_v<T, double>)
              return v + 0.125;
            else if constexpr (std::is_same_v<T, std::string>)
              return v + "x";
            else
              return std::vector<double>{0.25, 0.5};
          },
          d.default_value);
      d.set(c, changed);
      QVERIFY(d.get(c) == changed);
      const auto after = nlohmann::json::parse(c.to_json());
      for (const auto& [key, value] : defaults.items())
        QVERIFY2((key == d.key) == (after[key] != value), (d.key + " changed " + key).c_str());
    }
    QCOMPARE(defaults.size(), keys.size());  // config.json holds every row and nothing else
  }

  // reference.md §1.1: main_dino.py's defaults, written down from the reference's argument parser.
  void referenceFlagsKeepTheReferenceDefaults() {
    const nlohmann::json reference = {{"arch", "vit_small"},
                                      {"patch_size", 16},
                                      {"out_dim", 65536},
                                      {"norm_last_layer", true},
                                      {"momentum_teacher", 0.996},
                                      {"use_bn_in_head", false},
                                      {"warmup_teacher_temp", 0.04},
                                      {"teacher_temp", 0.04},
                                      {"warmup_teacher_temp_epochs", 0},
                                      {"use_fp16", true},
                                      {"weight_decay", 0.04},
                                      {"weight_decay_end", 0.4},
                                      {"clip_grad", 3.0},
                                      {"batch_size_per_gpu", 64},
                                      {"epochs", 100},
                                      {"freeze_last_layer", 1},
                                      {"lr", 0.0005},
                                      {"warmup_epochs", 10},
                                      {"min_lr", 1e-6},
                                      {"optimizer", "adamw"},
                                      {"drop_path_rate", 0.1},
                                      {"global_crops_scale", {0.4, 1.0}},
                                      {"local_crops_number", 8},
                                      {"local_crops_scale", {0.05, 0.4}},
                                      {"output_dir", "."},
                                      {"saveckp_freq", 20},
                                      {"seed", 0},
                                      {"num_workers", 10},
                                      {"dist_url", "env://"},
                                      {"local_rank", 0}};
    const auto ours = nlohmann::json::parse(TrainingConfig{}.to_json());
    for (const auto& [key, value] : reference.items()) QVERIFY2(ours.at(key) == value, key.c_str());
    int marked = 0;
    for (const auto& d : training_settings()) {
      if (!d.from_reference) continue;
      ++marked;
      QVERIFY2(reference.contains(d.key) || d.key == "data_path", d.key.c_str());
    }
    QCOMPARE(marked, int(reference.size()) + 1);  // and --data_path, whose default is our demo
  }

  // Each bound is tested on both of its sides, and the message names the flag.
  void rangesAreValidatedAtTheirEdges() {
    struct Edge {
      const char* key;
      SettingValue accepted, refused;
    };
    const Edge edges[] = {
        {"drop_path_rate", 0.999, 1.0},  // [0, 1)
        {"drop_path_rate", 0.0, -0.001},
        {"momentum_teacher", 1.0, 1.0001},               // [0, 1]
        {"teacher_temp", 1e-9, 0.0},                     // > 0
        {"knn_train_images", int64_t{20}, int64_t{19}},  // k = 20 neighbours
        {"epochs", int64_t{1}, int64_t{0}},
        {"clip_grad", 0.0, -1.0},  // 0 disables
        {"optimizer", std::string("lars"), std::string("lamb")},
        {"precision", std::string("fp16"), std::string("fp8")},
        {"global_crops_scale", std::vector<double>{0.14, 1.0}, std::vector<double>{0.0, 1.0}},
        {"global_crops_scale", std::vector<double>{0.5, 0.5}, std::vector<double>{0.6, 0.5}},
        {"local_crops_scale", std::vector<double>{0.05, 0.4}, std::vector<double>{0.05}},
    };
    for (const auto& e : edges) {
      const SettingDescription* d = find_training_setting(e.key);
      QVERIFY(d);
      TrainingConfig c;
      d->set(c, e.accepted);
      QVERIFY2(problem_of(c).isEmpty(), qPrintable(problem_of(c)));
      d->set(c, e.refused);
      const QString why = problem_of(c);
      QVERIFY2(why.contains(QString::fromStdString(d->flag())),
               qPrintable(QString::fromStdString(d->flag()) + ": " + why));
    }
    // Settings tied together.
    TrainingConfig c;
    c.epochs = 5;
    c.warmup_teacher_temp_epochs = 6;
    QVERIFY(problem_of(c).contains("--warmup_teacher_temp_epochs"));
  }

  void jsonIsTypedByTheTable() {
    TrainingConfig c;
    c.merge_json(R"({"epochs": 4.0, "lr": 1, "global_crops_scale": [0.3, 1]})", "run.json");
    QCOMPARE(c.epochs, int64_t{4});  // a whole number written as 4.0
    QCOMPARE(c.lr, 1.0);             // an integer where a real is expected
    QCOMPARE(c.global_crops_scale, (std::vector<double>{0.3, 1.0}));
    const TrainingConfig before = c;
    for (const char* bad :
         {R"({"epochs": 4.5})", R"({"use_fp16": 1})", R"({"arch": 3})", R"({"lr": 0.1, "seed": "x"})"}) {
      try {
        c.merge_json(bad, "run.json");
        QFAIL(bad);
      } catch (const ConfigError& e) {
        QVERIFY2(QString(e.what()).contains("run.json: key '"), e.what());
      }
      QVERIFY(c == before);  // all or nothing: the lr of the last one was not applied either
    }
    TrainingConfig back;
    back.merge_json(c.to_json(), "round trip");
    QVERIFY(back == c);
  }

  void commandLineListsOnlyWhatDiffers() {
    TrainingConfig c;
    QCOMPARE(training_command_line(c), std::string("dino train"));
    c.epochs = 7;
    c.data_path = "/data/my images";
    c.local_crops_scale = {0.1, 0.5};
    c.norm_last_layer = false;
    // Table order: data_path (Data) before norm_last_layer (Model), then the crops, then epochs.
    QCOMPARE(
        training_command_line(c),
        std::string(
            "dino train --data_path '/data/my images' --norm_last_layer false --local_crops_scale 0.1 0.5 --epochs 7"));
    // Several processes are torchrun's to start, as the app starts them.
    c.nproc_per_node = 4;
    QCOMPARE(training_command_line(c),
             std::string("torchrun --nproc_per_node 4 --no-python dino train --data_path '/data/my images' "
                         "--norm_last_layer false --local_crops_scale 0.1 0.5 --epochs 7"));
  }

  void markdownDocumentsEverySetting() {
    const QString md = QString::fromStdString(training_settings_markdown());
    for (const auto& d : training_settings())
      QVERIFY2(md.contains("| `" + QString::fromStdString(d.flag()) + "` |"), d.key.c_str());
    QVERIFY(md.contains("| `--drop_path_rate` | `0.1` | in [0, 1) | main_dino.py |"));
  }
};

QTEST_GUILESS_MAIN(TestTrainingSettings)
#include "test_training_settings.moc"
