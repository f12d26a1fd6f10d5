// Golden test: the C++ model, head and loss against the reference formulas run in Python
// (tests/python/reference_dino.py) on the same weights and inputs, exchanged as torch.save files.
#include "python_reference.h"

#include <dino/io/state_dict.h>
#include <dino/io/torch_file.h>
#include <dino/loss/dino_loss.h>
#include <dino/model/multi_crop_wrapper.h>

#include <QTemporaryDir>
#include <QtTest>
#include <torch/torch.h>

using namespace dino;
using dino::io::PyValue;

class TestReferenceGolden : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void matchesReferenceFormulas() {
    QTemporaryDir dir;
    torch::manual_seed(11);
    VitConfig config;
    config.img_size = 32;
    config.patch_size = 8;
    config.embed_dim = 64;
    config.depth = 2;
    config.num_heads = 2;
    DinoHeadOptions head;
    head.in_dim = 64;
    head.out_dim = 32;
    head.hidden_dim = 48;
    head.bottleneck_dim = 16;
    head.norm_last_layer = false;
    MultiCropWrapper model{VisionTransformer(config), DinoHead(head)};
    {
      torch::NoGradGuard no_grad;
      model->backbone->pos_embed.normal_();  // make the interpolation matter
      model->head->last_layer->weight_g.uniform_(0.5, 2.0);
    }
    model->eval();

    std::map<std::string, torch::Tensor> images{{"native", torch::randn({2, 3, 32, 32})},
                                                {"local", torch::randn({2, 3, 16, 16})},
                                                {"nonsquare", torch::randn({1, 3, 24, 40})}};
    std::vector<torch::Tensor> crops{torch::randn({2, 3, 32, 32}), torch::randn({2, 3, 32, 32}),
                                     torch::randn({2, 3, 16, 16}), torch::randn({2, 3, 16, 16})};
    const auto center = torch::randn({1, 32}) * 0.3;
    const double temperature = 0.05;

    auto input = PyValue::dict();
    auto& in = input.as_dict();
    auto cfg = PyValue::dict();
    for (auto [key, value] : std::vector<std::pair<const char*, int64_t>>{
             {"img_size", 32}, {"patch_size", 8}, {"embed_dim", 64}, {"depth", 2}, {"num_heads", 2},
             {"out_dim", 32}, {"hidden_dim", 48}, {"bottleneck_dim", 16}})
      cfg.as_dict().set(PyValue::string(key), PyValue::integer(value));
    in.set(PyValue::string("config"), cfg);
    in.set(PyValue::string("weights"), io::state_dict_to_py(io::module_state_dict(*model)));
    auto image_dict = PyValue::dict();
    for (const auto& [name, image] : images) image_dict.as_dict().set(PyValue::string(name), PyValue::tensor(image));
    in.set(PyValue::string("images"), image_dict);
    std::vector<PyValue> crop_values;
    for (const auto& crop : crops) crop_values.push_back(PyValue::tensor(crop));
    in.set(PyValue::string("crops"), PyValue::list(crop_values));
    in.set(PyValue::string("center"), PyValue::tensor(center));
    in.set(PyValue::string("temperature"), PyValue::floating(temperature));
    const auto in_file = dir.filePath("in.pth");
    const auto out_file = dir.filePath("out.pth");
    io::save_torch_file(in_file.toStdString(), input);
    auto result = dino::test::run_reference_script({"forward", in_file, out_file});
    QVERIFY2(result.ok, qPrintable(result.error));
    const PyValue expected = io::load_torch_file(out_file.toStdString());
    const auto& golden = expected.as_dict();
    auto check = [&](const std::string& key, const torch::Tensor& actual) {
      const PyValue* value = golden.find(key);
      QVERIFY2(value, key.c_str());
      const auto& reference = value->as_tensor();
      QVERIFY2(reference.sizes() == actual.sizes(), key.c_str());
      const double difference = (reference - actual).abs().max().item<double>();
      QVERIFY2(difference < 2e-5, qPrintable(QString::fromStdString(key) + ": " + QString::number(difference)));
    };

    torch::NoGradGuard no_grad;
    for (const auto& [name, image] : images) {
      check("cls/" + name, model->backbone->forward(image));
      check("attention/" + name, model->backbone->get_last_selfattention(image));
      check("intermediate/" + name, torch::stack(model->backbone->get_intermediate_layers(image, 2)));
      check("tokens/" + name, model->backbone->prepare_tokens(image));
    }
    auto student = model->forward(crops);
    auto teacher = model->forward({crops[0], crops[1]}) * 1.5;
    check("student", student);
    check("teacher", teacher);
    DinoLossOptions options;
    options.out_dim = 32;
    options.ncrops = 4;
    options.nepochs = 1;
    options.warmup_teacher_temp = options.teacher_temp = temperature;
    DinoLoss loss(options);
    loss->center.copy_(center);
    check("loss", loss->forward(student, teacher, 0));
    check("new_center", loss->center);
  }
};

QTEST_GUILESS_MAIN(TestReferenceGolden)
#include "test_reference_golden.moc"
