// PyTorch files: our reader and writer against each other, against files that Python's torch.save
// writes at test time, and against Python's torch.load (reference.md §8).
#include "python_reference.h"

#include <dino/io/pickle_reader.h>
#include <dino/io/state_dict.h>
#include <dino/io/torch_file.h>
#include <dino/io/training_checkpoint.h>
#include <dino/model/multi_crop_wrapper.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include "error_of.h"

#include <QtTest>
#include <torch/torch.h>

#include <fstream>

using namespace dino;
using dino::io::PyValue;

namespace {

std::string path_in(const QTemporaryDir& dir, const char* name) { return dir.filePath(name).toStdString(); }

QJsonObject read_json(const QString& file) {
  QFile f(file);
  f.open(QIODevice::ReadOnly);
  return QJsonDocument::fromJson(f.readAll()).object();
}

void write_bytes(const std::string& file, const std::string& bytes) {
  std::ofstream(file, std::ios::binary) << bytes;
}

// A string literal with embedded NUL bytes, all of it.
template <size_t N>
std::string literal_bytes(const char (&text)[N]) {
  return std::string(text, N - 1);
}

std::string read_bytes(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

class TestTorchFile : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    QVERIFY2(!dino::test::python_interpreter().isEmpty(), "configure with DINO_PYTHON (the presets do)");
    auto result = dino::test::run_reference_script({"write-reference-files", dir_.path()});
    QVERIFY2(result.ok, qPrintable(result.error));
  }

  void roundTripOfEveryKind() {
    auto value = PyValue::dict(true);
    auto& d = value.as_dict();
    d.set(PyValue::string("none"), PyValue());
    d.set(PyValue::string("flag"), PyValue::boolean(true));
    d.set(PyValue::string("small"), PyValue::integer(7));
    d.set(PyValue::string("big"), PyValue::integer(-(int64_t{1} << 40)));
    d.set(PyValue::string("mid"), PyValue::integer(70000));
    d.set(PyValue::string("pi"), PyValue::floating(3.141592653589793));
    d.set(PyValue::string("text"), PyValue::string("Grüße"));
    d.set(PyValue::string("blob"), PyValue::bytes(std::string("\x00\xff\x80", 3)));
    d.set(PyValue::string("tuple"), PyValue::tuple({PyValue::floating(0.4), PyValue::floating(1.0)}));
    d.set(PyValue::integer(3), PyValue::list({PyValue::tensor(torch::arange(6, torch::kLong).reshape({2, 3}))}));
    d.set(PyValue::string("half"), PyValue::tensor(torch::linspace(0, 1, 5).to(torch::kHalf)));
    auto base = torch::arange(12, torch::kFloat).reshape({3, 4});
    d.set(PyValue::string("view"), PyValue::tensor(base.t()));  // non-contiguous
    const auto file = path_in(dir_, "roundtrip.pth");
    io::save_torch_file(file, value);
    const PyValue back = io::load_torch_file(file);
    const auto& b = back.as_dict();
    QVERIFY(b.ordered);
    QVERIFY(b.find("none")->is_none());
    QCOMPARE(b.find("flag")->as_bool(), true);
    QCOMPARE(b.find("small")->as_int(), int64_t{7});
    QCOMPARE(b.find("big")->as_int(), -(int64_t{1} << 40));
    QCOMPARE(b.find("mid")->as_int(), int64_t{70000});
    QCOMPARE(b.find("pi")->as_double(), 3.141592653589793);
    QCOMPARE(b.find("text")->as_string(), std::string("Grüße"));
    QCOMPARE(b.find("blob")->as_string(), std::string("\x00\xff\x80", 3));
    QCOMPARE(b.find("tuple")->items().size(), size_t{2});
    QCOMPARE(b.items[9].first.as_int(), int64_t{3});
    QVERIFY(torch::equal(b.items[9].second.items()[0].as_tensor(), torch::arange(6, torch::kLong).reshape({2, 3})));
    QCOMPARE(b.find("half")->as_tensor().scalar_type(), torch::kHalf);
    QVERIFY(torch::equal(b.find("view")->as_tensor(), base.t()));
  }

  void readsPythonBackboneFile() {
    const auto expected = read_json(dir_.filePath("expected.json"));
    auto weights = io::load_pretrained_weights(path_in(dir_, "backbone.pth"));
    QVERIFY(weights.checkpoint_key.empty());  // no 'teacher' key: the whole file is the state dict
    QVERIFY(!weights.is_training_checkpoint);
    const auto keys = expected["backbone_keys"].toArray();
    QCOMPARE(weights.state_dict.size(), size_t(keys.size()));
    for (int i = 0; i < keys.size(); ++i) {
      const auto& item = weights.state_dict.items()[static_cast<size_t>(i)];
      QCOMPARE(QString::fromStdString(item.key()), keys[i].toString());  // order kept
      const auto facts = expected["backbone"].toObject()[keys[i].toString()].toObject();
      QVERIFY(std::abs(item.value().to(torch::kDouble).sum().item<double>() - facts["sum"].toDouble()) < 1e-6);
      QCOMPARE(item.value().dim(), facts["shape"].toArray().size());
    }
    const auto config = io::infer_vit_config(weights.state_dict);
    QCOMPARE(config.patch_size, int64_t{8});
    QCOMPARE(config.embed_dim, int64_t{64});
    QCOMPARE(config.depth, int64_t{2});
    QCOMPARE(config.img_size, int64_t{32});
  }

  void readsPythonTrainingCheckpoint() {
    const auto expected = read_json(dir_.filePath("expected.json"));
    const auto file = path_in(dir_, "checkpoint.pth");
    auto checkpoint = io::load_training_checkpoint(file);
    QCOMPARE(checkpoint.epoch, int64_t{7});
    QCOMPARE(checkpoint.student.size(), size_t(expected["student_keys"].toArray().size()));
    QVERIFY(checkpoint.student.contains("backbone.cls_token"));  // "module." removed
    QVERIFY(checkpoint.student.contains("head.last_layer.weight_v"));
    const auto teacher = expected["teacher"].toObject();
    for (const auto& item : checkpoint.teacher) {
      const auto facts = teacher[QString::fromStdString(item.key())].toObject();
      QVERIFY2(!facts.isEmpty(), item.key().c_str());
      QVERIFY(std::abs(item.value().to(torch::kDouble).sum().item<double>() - facts["sum"].toDouble()) < 1e-5);
    }
    QVERIFY(checkpoint.center.has_value());
    QVERIFY(std::abs(checkpoint.center->sum().item<double>() - expected["center"].toObject()["sum"].toDouble()) < 1e-5);
    // args is an argparse.Namespace: inert, but its attributes can be read.
    QVERIFY(checkpoint.args.is_object());
    QCOMPARE(checkpoint.args.as_object().qualified_name(), std::string("argparse.Namespace"));
    const auto* attrs = checkpoint.args.attributes();
    QVERIFY(attrs);
    QCOMPARE(attrs->find("arch")->as_string(), std::string("vit_small"));
    QCOMPARE(attrs->find("patch_size")->as_int(), int64_t{8});
    QCOMPARE(attrs->find("norm_last_layer")->as_bool(), false);
    QCOMPARE(attrs->find("global_crops_scale")->items()[0].as_double(), 0.4);
    // The optimizer's state dict: per-parameter AdamW state and the two groups.
    const auto* state = checkpoint.optimizer.as_dict().find("state");
    QCOMPARE(int(state->as_dict().items.size()), expected["optimizer_state_count"].toInt());
    const auto& first = state->as_dict().items[0];
    QCOMPARE(first.first.as_int(), int64_t{0});
    const auto exp_avg = first.second.as_dict().find("exp_avg")->as_tensor();
    QVERIFY(std::abs(exp_avg.to(torch::kDouble).sum().item<double>() -
                     expected["exp_avg_0"].toObject()["sum"].toDouble()) < 1e-6);
    QCOMPARE(checkpoint.optimizer.as_dict().find("param_groups")->items().size(), size_t{2});
    QCOMPARE(checkpoint.fp16_scaler.as_dict().find("scale")->as_double(), 32768.0);
    QCOMPARE(checkpoint.fp16_scaler.as_dict().find("_growth_tracker")->as_int(), int64_t{17});
    // --checkpoint_key picks the sub-dict and strips module./backbone. as the reference does.
    auto student = io::load_pretrained_weights(file, "student");
    QCOMPARE(student.checkpoint_key, std::string("student"));
    QVERIFY(student.state_dict.contains("cls_token"));
    QVERIFY(student.state_dict.contains("head.mlp.0.weight"));
  }

  void pythonReadsOurCheckpoint() {
    VitConfig config = *vit_preset("vit_tiny", 16);
    config.depth = 2;
    config.img_size = 64;
    DinoHeadOptions head;
    head.in_dim = 192;
    head.out_dim = 50;
    head.hidden_dim = 32;
    head.bottleneck_dim = 16;
    MultiCropWrapper student{VisionTransformer(config), DinoHead(head)};
    MultiCropWrapper teacher{VisionTransformer(config), DinoHead(head)};
    io::TrainingCheckpoint checkpoint;
    checkpoint.student = io::module_state_dict(*student);
    checkpoint.teacher = io::module_state_dict(*teacher);
    checkpoint.epoch = 3;
    checkpoint.args = PyValue::dict();
    checkpoint.args.as_dict().set(PyValue::string("arch"), PyValue::string("vit_tiny"));
    checkpoint.center = torch::full({1, 50}, 0.5);
    const auto file = path_in(dir_, "ours.pth");
    io::save_training_checkpoint(file, checkpoint);

    auto result = dino::test::run_reference_script({"check-our-checkpoint", QString::fromStdString(file)});
    QVERIFY2(result.ok, qPrintable(result.error));
    const auto json = QJsonDocument::fromJson(result.output.toUtf8()).object();
    QCOMPARE(json["epoch"].toInt(), 3);
    QVERIFY(json["student_prefixed"].toBool());
    QVERIFY(json["missing"].toArray().isEmpty());  // the teacher's backbone fills a reference ViT
    for (const auto& key : json["unexpected"].toArray()) QVERIFY(key.toString().startsWith("head."));
    QCOMPARE(json["unexpected"].toArray().size(), 8);
    QVERIFY(std::abs(json["center_sum"].toDouble() - 25.0) < 1e-6);
    QCOMPARE(json["args"].toObject()["arch"].toString(), QStringLiteral("vit_tiny"));
    const auto sums = json["teacher_sums"].toObject();
    for (const auto& item : checkpoint.teacher) {
      const double ours = item.value().to(torch::kDouble).sum().item<double>();
      QVERIFY(std::abs(sums[QString::fromStdString(item.key())].toDouble() - ours) < 1e-6);
    }
    // And back again, through our own reader.
    auto reread = io::load_training_checkpoint(file);
    QCOMPARE(reread.epoch, int64_t{3});
    QVERIFY(torch::equal(reread.teacher["backbone.pos_embed"], checkpoint.teacher["backbone.pos_embed"]));
  }

  void failedWriteKeepsThePreviousFile() {
    const auto file = path_in(dir_, "keep.pth");
    auto good = PyValue::dict();
    good.as_dict().set(PyValue::string("x"), PyValue::tensor(torch::ones({3})));
    io::save_torch_file(file, good);
    const std::string before = read_bytes(file);
    auto bad = PyValue::dict();
    bad.as_dict().set(PyValue::string("x"), PyValue::tensor(torch::zeros({3})));
    auto object = std::make_shared<io::PyObjectData>();
    object->module = "argparse";
    object->name = "Namespace";
    bad.as_dict().set(PyValue::string("args"), PyValue::object(object));  // refused mid-write
    const QString error = error_of([&] { io::save_torch_file(file, bad); });
    QVERIFY(error.contains("keep.pth"));
    QCOMPARE(read_bytes(file), before);
    QCOMPARE(QDir(dir_.path()).entryList({"keep.pth.tmp*"}).size(), 0);
  }

  void badFilesAreNamedErrors_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray() << "empty";
    QTest::newRow("text") << QByteArray("just some text\n") << "not a PyTorch file";
    QTest::newRow("legacy") << QByteArray("\x80\x02\x8a\x0alegacy", 12) << "pre-1.6";
  }
  void badFilesAreNamedErrors() {
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    const auto file = path_in(dir_, "bad.pth");
    write_bytes(file, content.toStdString());
    const QString error = error_of([&] { io::load_torch_file(file); });
    QVERIFY2(error.contains("bad.pth") && error.contains(message), qPrintable(error));
  }

  void truncatedFileIsANamedError() {
    const std::string full = read_bytes(path_in(dir_, "checkpoint.pth"));
    const auto file = path_in(dir_, "truncated.pth");
    write_bytes(file, full.substr(0, full.size() / 2));
    const QString error = error_of([&] { io::load_training_checkpoint(file); });
    QVERIFY2(error.contains("truncated.pth"), qPrintable(error));
    QVERIFY(!error_of([&] { io::load_torch_file(path_in(dir_, "missing.pth")); }).isEmpty());
  }

  void unknownCallablesAreNeverRun() {
    // os.system('touch ...') as a pickle: GLOBAL 'os system', then REDUCE with one argument.
    const auto marker = path_in(dir_, "executed");
    std::string pickle = "\x80\x02" "cos\nsystem\n" "X";
    const std::string command = "touch " + marker;
    const uint32_t length = static_cast<uint32_t>(command.size());
    pickle += std::string(reinterpret_cast<const char*>(&length), 4) + command;
    pickle += "\x85R.";
    const auto value = io::read_pickle(reinterpret_cast<const uint8_t*>(pickle.data()), pickle.size(),
                                       [](const std::string&, c10::ScalarType, int64_t) { return torch::Tensor(); });
    QVERIFY(value.is_object());
    QCOMPARE(value.as_object().qualified_name(), std::string("os.system"));
    QCOMPARE(value.as_object().args[0].as_string(), command);
    QVERIFY(!QFile::exists(QString::fromStdString(marker)));
  }

  void tensorsReachingPastTheirStorageAreRejected() {
    // _rebuild_tensor_v2(storage of 2 floats, 0, (3,), (1,), False, OrderedDict())
    const std::string p = literal_bytes("\x80\x02" "ctorch._utils\n_rebuild_tensor_v2\n" "(" "(X\x07\x00\x00\x00storage"
                    "ctorch\nFloatStorage\n" "X\x01\x00\x00\x00" "0" "X\x03\x00\x00\x00" "cpu" "K\x02" "tQ"
                    "K\x00" "K\x03\x85" "K\x01\x85" "\x89" "ccollections\nOrderedDict\n)R" "tR.");
    const QString error = error_of([&] {
      io::read_pickle(reinterpret_cast<const uint8_t*>(p.data()), p.size(),
                      [](const std::string&, c10::ScalarType dtype, int64_t numel) { return torch::zeros({numel}, dtype); });
    });
    QVERIFY2(error.contains("reaches past its storage"), qPrintable(error));
  }

 private:
  QTemporaryDir dir_;
};

QTEST_GUILESS_MAIN(TestTorchFile)
#include "test_torch_file.moc"
