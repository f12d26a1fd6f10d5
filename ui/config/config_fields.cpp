#include "config/config_fields.h"

#include <QCoreApplication>

// QCoreApplication::translate is spelled out so that lupdate finds every string under one context.
QStringList configGroups() {
  return {QCoreApplication::translate("ConfigField", "Data"), QCoreApplication::translate("ConfigField", "Model"), QCoreApplication::translate("ConfigField", "Optimisation"), QCoreApplication::translate("ConfigField", "DINO"), QCoreApplication::translate("ConfigField", "Multi-crop"), QCoreApplication::translate("ConfigField", "Schedule"), QCoreApplication::translate("ConfigField", "Hardware"), QCoreApplication::translate("ConfigField", "Output")};
}

const QVector<ConfigField>& configFields() {
  using K = ConfigField::Kind;
  static const QVector<ConfigField> fields = [] {
    const QStringList g = configGroups();
    QVector<ConfigField> f;
    auto add = [&f](ConfigField field) { f.append(std::move(field)); };
    add({"data_path", g[0], QCoreApplication::translate("ConfigField", "Images"), K::Folder,
         QCoreApplication::translate("ConfigField", "A folder of class folders, a flat folder of images, a list file, or fashion-mnist for the built-in demo.")});
    add({"limit_images", g[0], QCoreApplication::translate("ConfigField", "Use only the first N images"), K::Integer, QCoreApplication::translate("ConfigField", "0 uses all of them."), {}, 0, 1 << 30});
    add({"num_workers", g[0], QCoreApplication::translate("ConfigField", "Loader threads"), K::Integer,
         QCoreApplication::translate("ConfigField", "Threads decoding and augmenting images. The reference uses 10 per GPU."), {}, 0, 256});
    add({"arch", g[1], QCoreApplication::translate("ConfigField", "Architecture"), K::Choice, QCoreApplication::translate("ConfigField", "ViT size. The reference README trains vit_small."),
         {"vit_tiny", "vit_small", "vit_base"}});
    add({"patch_size", g[1], QCoreApplication::translate("ConfigField", "Patch size"), K::Integer,
         QCoreApplication::translate("ConfigField", "Pixels per patch side. 16 is the default; 8 gives finer attention maps at about 4x the cost."), {}, 1, 64});
    add({"embed_dim", g[1], QCoreApplication::translate("ConfigField", "Width (0: the architecture's)"), K::Integer, QCoreApplication::translate("ConfigField", "Overrides the embedding dimension."), {}, 0, 4096});
    add({"depth", g[1], QCoreApplication::translate("ConfigField", "Depth (0: the architecture's)"), K::Integer, QCoreApplication::translate("ConfigField", "Overrides the number of blocks."), {}, 0, 64});
    add({"num_heads", g[1], QCoreApplication::translate("ConfigField", "Heads (0: the architecture's)"), K::Integer, QCoreApplication::translate("ConfigField", "Overrides the attention heads."), {}, 0, 64});
    add({"drop_path_rate", g[1], QCoreApplication::translate("ConfigField", "Stochastic depth"), K::Real, QCoreApplication::translate("ConfigField", "Drop-path rate of the student (0.1 in the reference).")});
    add({"out_dim", g[1], QCoreApplication::translate("ConfigField", "Head output K"), K::Integer,
         QCoreApplication::translate("ConfigField", "Dimension of the DINO head's output. 65536 in the reference; smaller for small data."), {}, 2, 1 << 20});
    add({"head_hidden_dim", g[1], QCoreApplication::translate("ConfigField", "Head hidden width"), K::Integer, QCoreApplication::translate("ConfigField", "Width of the head's MLP (2048)."), {}, 1, 1 << 16});
    add({"head_bottleneck_dim", g[1], QCoreApplication::translate("ConfigField", "Head bottleneck"), K::Integer, QCoreApplication::translate("ConfigField", "Bottleneck before the last layer (256)."), {}, 1, 1 << 16});
    add({"head_layers", g[1], QCoreApplication::translate("ConfigField", "Head layers"), K::Integer, QCoreApplication::translate("ConfigField", "Layers of the head's MLP (3)."), {}, 1, 8});
    add({"norm_last_layer", g[1], QCoreApplication::translate("ConfigField", "Weight-normalise the last layer"), K::Boolean,
         QCoreApplication::translate("ConfigField", "Fixes g = 1 in the last layer. The reference recommends on for stability; off (the boosted recipe) "
            "performs better for ViT-S.")});
    add({"use_bn_in_head", g[1], QCoreApplication::translate("ConfigField", "BatchNorm in the head"), K::Boolean, QCoreApplication::translate("ConfigField", "Off for ViTs; the reference uses it for ResNets.")});
    add({"optimizer", g[2], QCoreApplication::translate("ConfigField", "Optimizer"), K::Choice, QCoreApplication::translate("ConfigField", "AdamW is the reference's default for ViTs; LARS for large batches."),
         {"adamw", "sgd", "lars"}});
    add({"lr", g[2], QCoreApplication::translate("ConfigField", "Learning rate (per 256 images)"), K::Real,
         QCoreApplication::translate("ConfigField", "Peak learning rate for a batch of 256, scaled linearly with the batch. 0.0005 in the reference.")});
    add({"min_lr", g[2], QCoreApplication::translate("ConfigField", "Final learning rate"), K::Real, QCoreApplication::translate("ConfigField", "End of the cosine decay (not scaled). 1e-6.")});
    add({"weight_decay", g[2], QCoreApplication::translate("ConfigField", "Weight decay (start)"), K::Real, QCoreApplication::translate("ConfigField", "0.04, rising on a cosine to the end value. Biases and norms are exempt.")});
    add({"weight_decay_end", g[2], QCoreApplication::translate("ConfigField", "Weight decay (end)"), K::Real, QCoreApplication::translate("ConfigField", "0.4 in the reference.")});
    add({"clip_grad", g[2], QCoreApplication::translate("ConfigField", "Gradient clipping"), K::Real, QCoreApplication::translate("ConfigField", "Per-parameter norm limit; 0 disables. 3.0 in the reference.")});
    add({"batch_size_per_gpu", g[2], QCoreApplication::translate("ConfigField", "Batch size"), K::Integer, QCoreApplication::translate("ConfigField", "Images per step (per GPU). 64 in the reference."), {}, 1, 1 << 16});
    add({"momentum_teacher", g[3], QCoreApplication::translate("ConfigField", "Teacher momentum"), K::Real,
         QCoreApplication::translate("ConfigField", "Base EMA momentum, raised to 1 by a cosine. 0.996; lower (0.99) for short runs or small batches.")});
    add({"warmup_teacher_temp", g[3], QCoreApplication::translate("ConfigField", "Teacher temperature (start)"), K::Real,
         QCoreApplication::translate("ConfigField", "Teacher temperature at epoch 0; 0.04. Too high makes the output uniform.")});
    add({"teacher_temp", g[3], QCoreApplication::translate("ConfigField", "Teacher temperature"), K::Real, QCoreApplication::translate("ConfigField", "Reached after the warm-up; 0.04 (0.07 in the boosted recipe).")});
    add({"warmup_teacher_temp_epochs", g[3], QCoreApplication::translate("ConfigField", "Temperature warm-up epochs"), K::Integer, QCoreApplication::translate("ConfigField", "0 (30 in the boosted recipe)."), {}, 0, 100000});
    add({"global_crops_size", g[4], QCoreApplication::translate("ConfigField", "Global crop size"), K::Integer, QCoreApplication::translate("ConfigField", "224 for ImageNet; 28 for Fashion-MNIST."), {}, 1, 4096});
    add({"global_crops_scale", g[4], QCoreApplication::translate("ConfigField", "Global crop scale"), K::RealPair,
         QCoreApplication::translate("ConfigField", "Area range of the two global crops, two numbers. 0.4 1.0; 0.14 1.0 without local crops.")});
    add({"local_crops_number", g[4], QCoreApplication::translate("ConfigField", "Local crops"), K::Integer, QCoreApplication::translate("ConfigField", "Number of small crops; 8 in the reference, 0 disables multi-crop."), {}, 0, 64});
    add({"local_crops_size", g[4], QCoreApplication::translate("ConfigField", "Local crop size"), K::Integer, QCoreApplication::translate("ConfigField", "96 for ImageNet."), {}, 1, 4096});
    add({"local_crops_scale", g[4], QCoreApplication::translate("ConfigField", "Local crop scale"), K::RealPair, QCoreApplication::translate("ConfigField", "Area range of the local crops, two numbers. 0.05 0.4.")});
    add({"epochs", g[5], QCoreApplication::translate("ConfigField", "Epochs"), K::Integer, QCoreApplication::translate("ConfigField", "100 in the reference README, 300 in the boosted recipe."), {}, 1, 100000});
    add({"warmup_epochs", g[5], QCoreApplication::translate("ConfigField", "Learning-rate warm-up epochs"), K::Integer, QCoreApplication::translate("ConfigField", "Linear warm-up from 0; 10 in the reference."), {}, 0, 100000});
    add({"freeze_last_layer", g[5], QCoreApplication::translate("ConfigField", "Frozen last layer (epochs)"), K::Integer,
         QCoreApplication::translate("ConfigField", "The head's last layer does not train for this many epochs; 1. Raise it if training is unstable."), {}, 0, 100000});
    add({"seed", g[5], QCoreApplication::translate("ConfigField", "Seed"), K::Integer, QCoreApplication::translate("ConfigField", "Everything random follows from it, whatever the number of threads."), {}, 0, 1 << 30});
    add({"device", g[6], QCoreApplication::translate("ConfigField", "Device"), K::Choice, QCoreApplication::translate("ConfigField", "Where the model runs."), {"auto", "cpu"}});
    add({"precision", g[6], QCoreApplication::translate("ConfigField", "Precision"), K::Choice,
         QCoreApplication::translate("ConfigField", "auto: bf16 autocast on CUDA, fp32 on the CPU. fp16 adds the gradient scaler, as the reference's --use_fp16."),
         {"auto", "fp32", "bf16", "fp16"}});
    add({"use_fp16", g[6], QCoreApplication::translate("ConfigField", "Mixed precision (--use_fp16)"), K::Boolean, QCoreApplication::translate("ConfigField", "With precision auto: mixed precision on CUDA.")});
    add({"threads", g[6], QCoreApplication::translate("ConfigField", "CPU threads (0: all cores)"), K::Integer, QCoreApplication::translate("ConfigField", "Threads for the model's CPU kernels."), {}, 0, 1024});
    add({"cpu_matmul", g[6], QCoreApplication::translate("ConfigField", "CPU matrix products"), K::Choice,
         QCoreApplication::translate("ConfigField", "Who computes the linear layers in fp32 on the CPU. auto: oneDNN where LibTorch runs fp32 through it and the CPU is not Intel's, else ATen's BLAS (MKL). dino bench step compares them on your CPU."),
         {"auto", "aten", "onednn"}});
    add({"output_dir", g[7], QCoreApplication::translate("ConfigField", "Output folder"), K::Folder,
         QCoreApplication::translate("ConfigField", "Checkpoints, config.json, metrics.jsonl and logs. A folder with a checkpoint.pth resumes from it.")});
    add({"saveckp_freq", g[7], QCoreApplication::translate("ConfigField", "Keep a checkpoint every N epochs"), K::Integer, QCoreApplication::translate("ConfigField", "checkpointNNNN.pth; 20 in the reference."), {}, 0, 100000});
    add({"checkpoint_every_steps", g[7], QCoreApplication::translate("ConfigField", "Also checkpoint every N steps"), K::Integer, QCoreApplication::translate("ConfigField", "0: at the end of each epoch only."), {}, 0, 1 << 30});
    add({"eval_knn", g[7], QCoreApplication::translate("ConfigField", "k-NN evaluation"), K::Boolean, QCoreApplication::translate("ConfigField", "Weighted 20-NN accuracy of the teacher on a labelled set.")});
    add({"knn_freq", g[7], QCoreApplication::translate("ConfigField", "k-NN every N epochs"), K::Integer, QCoreApplication::translate("ConfigField", "0: at the start and the end only."), {}, 0, 100000});
    add({"knn_data_path", g[7], QCoreApplication::translate("ConfigField", "k-NN data"), K::Folder,
         QCoreApplication::translate("ConfigField", "train/ and val/ class folders or MNIST layout; empty uses the training data when it has them.")});
    add({"knn_train_images", g[7], QCoreApplication::translate("ConfigField", "k-NN bank size"), K::Integer, QCoreApplication::translate("ConfigField", "Training images in the bank."), {}, 20, 1 << 30});
    add({"knn_test_images", g[7], QCoreApplication::translate("ConfigField", "k-NN test images"), K::Integer, QCoreApplication::translate("ConfigField", "Test images evaluated."), {}, 1, 1 << 30});
    return f;
  }();
  return fields;
}
