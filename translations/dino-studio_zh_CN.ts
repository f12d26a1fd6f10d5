<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttentionControls</name>
    <message>
        <source>Layer:</source>
        <translation>层：</translation>
    </message>
    <message>
        <source>last</source>
        <translation>最后一层</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <source>original size</source>
        <translation>原始尺寸</translation>
    </message>
    <message>
        <source>Mass threshold</source>
        <translation>质量阈值</translation>
    </message>
    <message>
        <source>Keep the patches that hold this fraction of each head&apos;s attention (the reference&apos;s masks)</source>
        <translation>保留累计占每个头注意力该比例的图像块（即参考实现的掩码）</translation>
    </message>
    <message>
        <source>Colours:</source>
        <translation>配色：</translation>
    </message>
    <message>
        <source>Opacity:</source>
        <translation>不透明度：</translation>
    </message>
    <message>
        <source>100: the map alone, as the reference draws it; lower shows the image through it</source>
        <translation>100：仅显示注意力图，与参考实现的画法相同；数值越低，越能透过它看到图像</translation>
    </message>
    <message>
        <source>One scale for all heads</source>
        <translation>所有头统一刻度</translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation>Rollout</translation>
    </message>
    <message>
        <source>Attention rollout across all layers (Abnar and Zuidema, 2020)</source>
        <translation>跨所有层的注意力 rollout（Abnar 和 Zuidema，2020）</translation>
    </message>
    <message>
        <source>PCA</source>
        <translation>PCA</translation>
    </message>
    <message>
        <source>The first three principal components of the patch features as RGB</source>
        <translation>将图像块特征的前三个主成分显示为 RGB</translation>
    </message>
    <message>
        <source>Student too</source>
        <translation>同时显示学生</translation>
    </message>
    <message>
        <source>Teacher and student of a training checkpoint side by side, with their difference (blue: the student attends more, red: the teacher does)</source>
        <translation>并排显示训练检查点中的教师和学生模型及两者之差（蓝色：学生的注意力更强；红色：教师的注意力更强）</translation>
    </message>
    <message>
        <source>Figure 3 style</source>
        <translation>图 3 样式</translation>
    </message>
    <message>
        <source>The masks of every head in one picture, one colour per head, as the paper&apos;s Figure 3 (uses the mass threshold)</source>
        <translation>将所有头的掩码画在同一张图中，每个头一种颜色，如论文的图 3（使用质量阈值）</translation>
    </message>
    <message>
        <source>all heads</source>
        <translation>所有头</translation>
    </message>
    <message>
        <source>Heads for the Figure 3 picture, e.g. 0 2 5 (empty: all)</source>
        <translation>图 3 样式中包含的头，例如 0 2 5（留空：全部）</translation>
    </message>
    <message>
        <source>From CLS</source>
        <translation>来自 CLS</translation>
    </message>
    <message>
        <source>Show the attention of the CLS token again (click a patch to see the attention from it)</source>
        <translation>重新显示 CLS token 的注意力（点击图像块可查看来自该图像块的注意力）</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>导出...</translation>
    </message>
    <message>
        <source>The view on display: every tile as PNG, a labelled grid as PNG, SVG and PDF, the raw maps as .npy and figure.json saying how it was made</source>
        <translation>导出当前视图：每个图块存为 PNG，带标注的网格存为 PNG、SVG 和 PDF，原始注意力图存为 .npy，另附记录生成方式的 figure.json</translation>
    </message>
    <message>
        <source>Export Folder...</source>
        <translation>导出文件夹...</translation>
    </message>
    <message>
        <source>Every image of a folder with this model and these settings, a sub-folder of figures each</source>
        <translation>用当前模型和设置处理文件夹中的每张图像，每张图像的图表各存入一个子文件夹</translation>
    </message>
    <message>
        <source>Cancel Batch Export</source>
        <translation>取消批量导出</translation>
    </message>
    <message>
        <source>The input the model sees. It follows the model: 480 px for patch 8 and 16 models (the reference&apos;s), the training crop for others; larger inputs cost quadratically more</source>
        <translation>模型看到的输入。随模型而定：图像块大小为 8 和 16 的模型使用 480 px（与参考实现相同），其他模型使用训练裁剪尺寸；输入越大，计算开销按平方增长</translation>
    </message>
    <message>
        <source>smaller, to fit the limits</source>
        <translation>已缩小以满足限制</translation>
    </message>
    <message>
        <source>the reference</source>
        <translation>参考实现</translation>
    </message>
    <message>
        <source>the model&apos;s training crop</source>
        <translation>模型的训练裁剪尺寸</translation>
    </message>
    <message>
        <source>%1 x %1 (%2)</source>
        <translation>%1 x %1（%2）</translation>
    </message>
    <message>
        <source>shorter side %1, aspect kept</source>
        <translation>短边 %1，保持宽高比</translation>
    </message>
    <message>
        <source>to fit the limits</source>
        <translation>为满足限制</translation>
    </message>
</context>
<context>
    <name>AttentionExplorer</name>
    <message>
        <source>Open Images...</source>
        <translation>打开图像...</translation>
    </message>
    <message>
        <source>Weights...</source>
        <translation>权重...</translation>
    </message>
    <message>
        <source>A DINO weights file or training checkpoint; the architecture is inferred from its tensors</source>
        <translation>DINO 权重文件或训练检查点；架构根据其中的张量推断</translation>
    </message>
    <message>
        <source>Random ViT-S/16</source>
        <translation>随机 ViT-S/16</translation>
    </message>
    <message>
        <source>Training Teacher</source>
        <translation>训练中的教师</translation>
    </message>
    <message>
        <source>No model: choose weights, the training teacher or random weights.</source>
        <translation>未加载模型：请选择权重、训练中的教师或随机权重。</translation>
    </message>
    <message>
        <source>Drop images here, paste one, or use Open Images.</source>
        <translation>将图像拖放到此处、粘贴图像，或使用“打开图像”。</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)</translation>
    </message>
    <message>
        <source>DINO weights</source>
        <translation>DINO 权重</translation>
    </message>
    <message>
        <source>PyTorch files (*.pth *.pt);;All files (*)</source>
        <translation>PyTorch 文件 (*.pth *.pt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Training teacher</source>
        <translation>训练中的教师</translation>
    </message>
    <message>
        <source>Folder for the figures</source>
        <translation>图表输出文件夹</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>pasted %1</source>
        <translation>粘贴图像 %1</translation>
    </message>
    <message>
        <source>%1 is not an image this app can read.</source>
        <translation>%1 不是本应用能读取的图像。</translation>
    </message>
    <message>
        <source>Computing %1...</source>
        <translation>正在计算 %1...</translation>
    </message>
    <message>
        <source>Click a patch to see the attention from it.</source>
        <translation>点击图像块可查看来自该图像块的注意力。</translation>
    </message>
    <message>
        <source>the CLS token</source>
        <translation>CLS token</translation>
    </message>
    <message>
        <source>patch (row %1, column %2)</source>
        <translation>图像块（第 %1 行，第 %2 列）</translation>
    </message>
    <message>
        <source>dropped %1</source>
        <translation>拖入图像 %1</translation>
    </message>
    <message>
        <source>Pin Probe</source>
        <translation>固定探测图像</translation>
    </message>
    <message>
        <source>Keep this image&apos;s maps at every checkpoint of the run (checkpoint*.pth beside the weights) and scrub through them</source>
        <translation>保留该图像在本次运行每个检查点（权重文件旁的 checkpoint*.pth）上的注意力图，并可逐个拖动浏览</translation>
    </message>
    <message>
        <source>Through training: pin a probe image</source>
        <translation>贯穿训练过程：固定一张探测图像</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>The student exists only in a training checkpoint: load one with Weights or Training Teacher.</source>
        <translation>学生模型只存在于训练检查点中：请通过“权重”或“训练中的教师”加载检查点。</translation>
    </message>
    <message>
        <source>%1 has no student that fits: %2</source>
        <translation>%1 中没有匹配的学生模型：%2</translation>
    </message>
    <message>
        <source>Pin a probe with a training checkpoint loaded (Weights or Training Teacher) and an image.</source>
        <translation>需先加载训练检查点（通过“权重”或“训练中的教师”）和一张图像，才能固定探测图像。</translation>
    </message>
    <message>
        <source>No checkpoint*.pth beside %1.</source>
        <translation>%1 旁没有 checkpoint*.pth。</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1（%2/%3）</translation>
    </message>
    <message>
        <source> Computed in %1 ms.</source>
        <translation> 计算用时 %1 ms。</translation>
    </message>
    <message>
        <source>%1: layer %2, %3 heads on a %4 x %5 grid, attention from %6.%7%8</source>
        <translation>%1：第 %2 层，%3 个头，%4 x %5 网格，注意力来源：%6。%7%8</translation>
    </message>
    <message>
        <source>Folder of images</source>
        <translation>图像文件夹</translation>
    </message>
    <message numerus="yes">
        <source>Batch export stopped: %n image(s) written.</source>
        <translation>
            <numerusform>批量导出已停止：已写入 %n 张图像。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Batch export done: %n image(s) written.</source>
        <translation>
            <numerusform>批量导出完成：已写入 %n 张图像。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be exported: %1</source>
        <translation>
            <numerusform>%n 张无法导出：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Batch export needs a model: choose weights, the training teacher or random weights.</source>
        <translation>批量导出需要模型：请选择权重、训练中的教师或随机权重。</translation>
    </message>
    <message>
        <source>%1 holds no images.</source>
        <translation>%1 中没有图像。</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n image(s)...</source>
        <translation>
            <numerusform>正在导出 %n 张图像...</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported %1 of %2 images to %3</source>
        <translation>已将 %1/%2 张图像导出到 %3</translation>
    </message>
    <message>
        <source>Start or follow a run: its teacher can be shown here once it has a checkpoint</source>
        <translation>开始或跟踪一次训练运行：写出检查点后，即可在此显示其教师模型</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop this computation; the view on display stays (Esc)</source>
        <translation>停止本次计算；当前视图保持不变（Esc）</translation>
    </message>
    <message>
        <source>Compute Anyway</source>
        <translation>仍然计算</translation>
    </message>
    <message>
        <source>Compute the refused input once without the limits; Cancel stops it</source>
        <translation>忽略限制，对被拒绝的输入计算一次；按“取消”可停止</translation>
    </message>
    <message>
        <source>The teacher of %1, reloaded whenever a new checkpoint lands</source>
        <translation>%1 的教师模型，每当写出新检查点时重新加载</translation>
    </message>
    <message>
        <source>No checkpoint yet: the run writes %1 at the end of every epoch and when it is stopped</source>
        <translation>尚无检查点：运行会在每轮结束时以及停止时写出 %1</translation>
    </message>
    <message>
        <source>%1 patches, %2</source>
        <translation>%1 个图像块，%2</translation>
    </message>
    <message>
        <source>under a second</source>
        <translation>不到一秒</translation>
    </message>
    <message>
        <source>Computing %1 (%2)...</source>
        <translation>正在计算 %1（%2）...</translation>
    </message>
    <message>
        <source>Cancelled; the view shows the last computation.</source>
        <translation>已取消；视图显示上一次的计算结果。</translation>
    </message>
    <message>
        <source>Not computed: %1.</source>
        <translation>未计算：%1。</translation>
    </message>
    <message>
        <source>Use %1 (%2)</source>
        <translation>使用 %1（%2）</translation>
    </message>
    <message>
        <source>No smaller input fits.</source>
        <translation>没有更小的输入能满足限制。</translation>
    </message>
    <message>
        <source>The colour map of the tiles</source>
        <translation>图块的颜色映射</translation>
    </message>
    <message>
        <source>%1 to %2, one scale for every head</source>
        <translation>%1 至 %2，所有头统一刻度</translation>
    </message>
    <message>
        <source>each head from its own least (left) to its most attention (right)</source>
        <translation>每个头各自从最小注意力（左）到最大注意力（右）</translation>
    </message>
    <message>
        <source>The probe was cancelled.</source>
        <translation>探测已取消。</translation>
    </message>
    <message>
        <source>No checkpoint could be shown: %1</source>
        <translation>无法显示任何检查点：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n checkpoint(s) left out: %1</source>
        <translation>
            <numerusform>略过了 %n 个检查点：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>(stopped after %1 of %2 checkpoints)</source>
        <translation>（已在 %2 个检查点中的第 %1 个之后停止）</translation>
    </message>
    <message>
        <source>%1 changed since these maps were computed (a new checkpoint): show them again before exporting.</source>
        <translation>计算这些注意力图之后，%1 已发生变化（有新检查点）：请先重新显示再导出。</translation>
    </message>
    <message numerus="yes">
        <source>Computing the maps at %n checkpoint(s)...</source>
        <translation>
            <numerusform>正在计算 %n 个检查点的注意力图...</numerusform>
        </translation>
    </message>
    <message>
        <source>Compare With...</source>
        <translation>比较...</translation>
    </message>
    <message>
        <source>Another run&apos;s teacher (its checkpoint.pth) or any weights, under this model&apos;s maps, with their difference</source>
        <translation>另一次运行的教师（其 checkpoint.pth）或任意权重，显示在本模型的图下方，并给出两者之差</translation>
    </message>
    <message>
        <source>Weights to compare with</source>
        <translation>用于比较的权重</translation>
    </message>
    <message>
        <source>Compare With</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Stop Comparing</source>
        <translation>停止比较</translation>
    </message>
    <message>
        <source>Compared with %1</source>
        <translation>与 %1 比较</translation>
    </message>
    <message>
        <source>random weights</source>
        <translation>随机权重</translation>
    </message>
    <message>
        <source>%1 (compared)</source>
        <translation>%1（比较）</translation>
    </message>
    <message>
        <source>Beside it: the teacher of %1 (%2)</source>
        <translation>并排：%1 的教师（%2）</translation>
    </message>
</context>
<context>
    <name>AttentionFigure</name>
    <message>
        <source>head %1</source>
        <translation>头 %1</translation>
    </message>
    <message>
        <source>mean of the heads</source>
        <translation>各头平均</translation>
    </message>
    <message>
        <source>rollout</source>
        <translation>Rollout</translation>
    </message>
    <message>
        <source>PCA of the patch features</source>
        <translation>图像块特征的 PCA</translation>
    </message>
    <message>
        <source>heads in colour (Figure 3 style)</source>
        <translation>彩色显示各头（图 3 样式）</translation>
    </message>
    <message>
        <source>head %1, mass %2</source>
        <translation>头 %1，质量 %2</translation>
    </message>
    <message>
        <source>Nothing to export yet: load a model and an image.</source>
        <translation>尚无可导出的内容：请加载模型和图像。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>DINO Studio attention maps</source>
        <translation>DINO Studio 注意力图</translation>
    </message>
    <message>
        <source>Cannot write the grid figures in %1.</source>
        <translation>无法在 %1 中写入网格图。</translation>
    </message>
    <message>
        <source>teacher</source>
        <translation>教师</translation>
    </message>
    <message>
        <source>student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>%1 head %2</source>
        <translation>%1 头 %2</translation>
    </message>
    <message>
        <source>%1 mean</source>
        <translation>%1 平均</translation>
    </message>
    <message>
        <source>%1 - %2, head %3</source>
        <translation>%1 − %2，头 %3</translation>
    </message>
    <message>
        <source>%1 - %2, mean</source>
        <translation>%1 − %2，平均</translation>
    </message>
</context>
<context>
    <name>ConfigPanel</name>
    <message>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <source>Choose a recipe...</source>
        <translation>选择训练方案...</translation>
    </message>
    <message>
        <source>auto (a GPU when there is one)</source>
        <translation>自动（有 GPU 时使用 GPU）</translation>
    </message>
    <message>
        <source>%1 is not a number</source>
        <translation>%1 不是数字</translation>
    </message>
    <message>
        <source>two numbers, min and max</source>
        <translation>两个数：最小值和最大值</translation>
    </message>
    <message>
        <source>...</source>
        <translation>...</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>无法开始：%1</translation>
    </message>
    <message>
        <source>Scanning %1...</source>
        <translation>正在扫描 %1...</translation>
    </message>
    <message>
        <source>Not supported by the chosen device (%1)</source>
        <translation>所选设备不支持（%1）</translation>
    </message>
    <message>
        <source>%1, edited</source>
        <translation>%1（已修改）</translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) in %1</source>
        <translation>
            <numerusform>%Ln 张图像，%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln class(es)</source>
        <translation>
            <numerusform>%Ln 个类别</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s)</source>
        <translation>
            <numerusform>%Ln 张图像</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (MNIST layout)</source>
        <translation>%1（MNIST 格式）</translation>
    </message>
    <message>
        <source>cpu (the server&apos;s processor)</source>
        <translation>cpu（服务器的处理器）</translation>
    </message>
    <message>
        <source>cuda (the server&apos;s first GPU)</source>
        <translation>cuda（服务器的第一块 GPU）</translation>
    </message>
    <message>
        <source>The images are read on %1 when the run starts.</source>
        <translation>图像在运行开始时于 %1 上读取。</translation>
    </message>
</context>
<context>
    <name>CropPreviewPanel</name>
    <message>
        <source>New sample</source>
        <translation>新样本</translation>
    </message>
    <message>
        <source>Another image of the data set, freshly augmented</source>
        <translation>数据集中的另一张图像，重新进行数据增强</translation>
    </message>
    <message>
        <source>The original image with the crop boxes: global crops in blue, local crops in orange</source>
        <translation>带裁剪框的原始图像：全局裁剪为蓝色，局部裁剪为橙色</translation>
    </message>
    <message>
        <source>Opening the data...</source>
        <translation>正在打开数据...</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>无预览：%1</translation>
    </message>
    <message>
        <source>Global crop %1</source>
        <translation>全局裁剪 %1</translation>
    </message>
    <message>
        <source>Local crop %1</source>
        <translation>局部裁剪 %1</translation>
    </message>
    <message>
        <source>box: x %1, y %2, %3 x %4 px of the original</source>
        <translation>裁剪框：x %1，y %2，原图中的 %3 x %4 px</translation>
    </message>
    <message>
        <source>output: %1 x %2 px</source>
        <translation>输出：%1 x %2 px</translation>
    </message>
    <message>
        <source>flipped horizontally</source>
        <translation>已水平翻转</translation>
    </message>
    <message>
        <source>not flipped</source>
        <translation>未翻转</translation>
    </message>
    <message>
        <source>brightness</source>
        <translation>亮度</translation>
    </message>
    <message>
        <source>contrast</source>
        <translation>对比度</translation>
    </message>
    <message>
        <source>saturation</source>
        <translation>饱和度</translation>
    </message>
    <message>
        <source>hue</source>
        <translation>色调</translation>
    </message>
    <message>
        <source>colour jitter: brightness %1, contrast %2, saturation %3, hue %4</source>
        <translation>颜色抖动：亮度 %1，对比度 %2，饱和度 %3，色调 %4</translation>
    </message>
    <message>
        <source>jitter order: %1</source>
        <translation>抖动顺序：%1</translation>
    </message>
    <message>
        <source>no colour jitter</source>
        <translation>无颜色抖动</translation>
    </message>
    <message>
        <source>grayscale</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>colour kept</source>
        <translation>保留颜色</translation>
    </message>
    <message>
        <source>Gaussian blur, sigma %1</source>
        <translation>高斯模糊，sigma %1</translation>
    </message>
    <message>
        <source>not blurred</source>
        <translation>未模糊</translation>
    </message>
    <message>
        <source>solarised</source>
        <translation>已曝光反转</translation>
    </message>
    <message>
        <source>not solarised</source>
        <translation>未曝光反转</translation>
    </message>
    <message>
        <source>Image %1 of the data set: %2 x %3 px, %4 crops. Hover over a crop for what was drawn.</source>
        <translation>数据集中的第 %1 张图像：%2 x %3 px，%4 个裁剪。将鼠标悬停在裁剪上可查看其随机抽取的参数。</translation>
    </message>
    <message>
        <source>Sample in batch:</source>
        <translation>批内样本：</translation>
    </message>
    <message>
        <source>Which sample of the step&apos;s batch to show when a step is chosen on the dashboard</source>
        <translation>在仪表板上选中某一步时，显示该步批次中的哪个样本</translation>
    </message>
    <message>
        <source>Random Samples</source>
        <translation>随机样本</translation>
    </message>
    <message>
        <source>Leave the chosen step and show random samples again</source>
        <translation>离开所选的步，重新显示随机样本</translation>
    </message>
    <message>
        <source>Step %1 (epoch %2, step %3 of it), sample %4 of its batch, as the run drew it. %5</source>
        <translation>第 %1 步（第 %2 轮的第 %3 步），其批次中的第 %4 个样本，与训练运行中抽取的一致。%5</translation>
    </message>
    <message>
        <source>Click a chart on the Dashboard to see the crops a training step used.</source>
        <translation>点击仪表板上的图表，即可查看某个训练步使用的裁剪。</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>X axis:</source>
        <translation>X 轴：</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation>平滑：</translation>
    </message>
    <message>
        <source>Weight of the past in a debiased moving average; the raw curve stays faint behind.</source>
        <translation>去偏移动平均中历史值的权重；原始曲线以浅色保留在后面。</translation>
    </message>
    <message>
        <source>Log scale (loss, learning rate)</source>
        <translation>对数刻度（损失、学习率）</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Learning rate and weight decay</source>
        <translation>学习率与权重衰减</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Teacher temperature and momentum</source>
        <translation>教师温度与动量</translation>
    </message>
    <message>
        <source>temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>teacher temperature</source>
        <translation>教师温度</translation>
    </message>
    <message>
        <source>teacher momentum</source>
        <translation>教师动量</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>norm</source>
        <translation>范数</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>std</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>Collapse monitor</source>
        <translation>坍塌监测</translation>
    </message>
    <message>
        <source>nats</source>
        <translation>奈特</translation>
    </message>
    <message>
        <source>teacher entropy h</source>
        <translation>教师熵 h</translation>
    </message>
    <message>
        <source>KL(teacher || student)</source>
        <translation>KL(教师 || 学生)</translation>
    </message>
    <message>
        <source>H = h + KL</source>
        <translation>H = h + KL</translation>
    </message>
    <message>
        <source>entropy of the mean teacher output</source>
        <translation>教师平均输出的熵</translation>
    </message>
    <message>
        <source>k-NN accuracy (teacher)</source>
        <translation>k-NN 准确率（教师）</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>top-1</source>
        <translation>top-1</translation>
    </message>
    <message>
        <source>top-5</source>
        <translation>top-5</translation>
    </message>
    <message>
        <source>Throughput and memory</source>
        <translation>吞吐量与内存</translation>
    </message>
    <message>
        <source>images/s</source>
        <translation>图像/s</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>ln K = %1</source>
        <translation>ln K = %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Collapse: one output dominates.&lt;/b&gt; Since step %1 the teacher puts nearly all its mass on the same output for every image (entropy %2, entropy of the batch mean %3 nats). Centring is losing to sharpening: lower the learning rate, raise the teacher temperature (--teacher_temp), or keep the last layer frozen longer (--freeze_last_layer).</source>
        <translation>&lt;b&gt;坍塌：单一输出占主导。&lt;/b&gt;自第 %1 步起，教师对每张图像都把几乎全部概率质量放在同一个输出上（熵 %2，批均值的熵 %3 奈特）。中心化正被锐化压倒：请降低学习率、提高教师温度（--teacher_temp），或延长最后一层的冻结时间（--freeze_last_layer）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Collapse: uniform output.&lt;/b&gt; Since step %1 the teacher&apos;s entropy is %2 of at most ln K = %3 and KL(teacher || student) is %4: the student has nothing left to learn. Sharpening is too weak: lower --teacher_temp (0.04) or --warmup_teacher_temp, keep --norm_last_layer true, or lower the learning rate.</source>
        <translation>&lt;b&gt;坍塌：输出均匀。&lt;/b&gt;自第 %1 步起，教师的熵为 %2（上限为 ln K = %3），KL(教师 || 学生) 为 %4：学生已无可学的内容。锐化太弱：请降低 --teacher_temp（0.04）或 --warmup_teacher_temp，保持 --norm_last_layer true，或降低学习率。</translation>
    </message>
    <message>
        <source>process memory</source>
        <translation>进程内存</translation>
    </message>
    <message>
        <source>GPU tensors</source>
        <translation>GPU 张量</translation>
    </message>
    <message>
        <source>Evaluations: %1</source>
        <translation>评估：%1</translation>
    </message>
    <message>
        <source>The latest evaluations of this run, from the Evaluate tab</source>
        <translation>本次运行最近的评估结果，来自“评估”标签页</translation>
    </message>
</context>
<context>
    <name>EvaluatePanel</name>
    <message>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>The run&apos;s last checkpoint</source>
        <translation>本次运行的最新检查点</translation>
    </message>
    <message>
        <source>A weights or checkpoint file:</source>
        <translation>权重或检查点文件：</translation>
    </message>
    <message>
        <source>dino_deitsmall16_pretrain.pth, checkpoint.pth, ...</source>
        <translation>dino_deitsmall16_pretrain.pth、checkpoint.pth……</translation>
    </message>
    <message>
        <source>teacher</source>
        <translation>教师</translation>
    </message>
    <message>
        <source>student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Checkpoint key:</source>
        <translation>检查点键：</translation>
    </message>
    <message>
        <source>train/ and val/ class folders, an MNIST folder, or fashion-mnist</source>
        <translation>train/ 和 val/ 类别文件夹、MNIST 文件夹或 fashion-mnist</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>k-NN</source>
        <translation>k-NN</translation>
    </message>
    <message>
        <source>Linear probe</source>
        <translation>线性探测</translation>
    </message>
    <message>
        <source>Neighbours (k):</source>
        <translation>近邻数 (k)：</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>温度：</translation>
    </message>
    <message>
        <source>Also the mean patch token</source>
        <translation>同时使用 patch token 的均值</translation>
    </message>
    <message>
        <source>Compute the training features once (minutes on a CPU)</source>
        <translation>训练特征只计算一次（在 CPU 上只需几分钟）</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>轮数：</translation>
    </message>
    <message>
        <source>Learning rate (batch 256):</source>
        <translation>学习率（批大小 256）：</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>批大小：</translation>
    </message>
    <message>
        <source>Last blocks:</source>
        <translation>最后几个块：</translation>
    </message>
    <message>
        <source>&amp;Evaluate</source>
        <translation>评估(&amp;E)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>数据：</translation>
    </message>
    <message>
        <source>Linear probe accuracy</source>
        <translation>线性探测准确率</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>准确率 (%)</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>top-1</source>
        <translation>top-1</translation>
    </message>
    <message>
        <source>top-5</source>
        <translation>top-5</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Top-1</source>
        <translation>Top-1</translation>
    </message>
    <message>
        <source>Top-5</source>
        <translation>Top-5</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Weights to Evaluate</source>
        <translation>要评估的权重</translation>
    </message>
    <message>
        <source>PyTorch files (*.pth *.pt *.pth.tar);;All files (*)</source>
        <translation>PyTorch 文件 (*.pth *.pt *.pth.tar);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Data to Evaluate On</source>
        <translation>用于评估的数据</translation>
    </message>
    <message>
        <source>The evaluation failed: %1</source>
        <translation>评估失败：%1</translation>
    </message>
    <message>
        <source>Stopped; nothing was recorded.</source>
        <translation>已停止；未记录任何结果。</translation>
    </message>
    <message>
        <source>No run is shown: train or follow one.</source>
        <translation>当前没有显示运行：请训练或跟踪一个运行。</translation>
    </message>
    <message>
        <source>Choose the weights to evaluate.</source>
        <translation>请选择要评估的权重。</translation>
    </message>
    <message>
        <source>The run has no checkpoint yet (%1): it writes one after its first epoch.</source>
        <translation>本次运行还没有检查点（%1）：第一轮结束后才会写入。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>Choose the data to evaluate on.</source>
        <translation>请选择用于评估的数据。</translation>
    </message>
    <message>
        <source>Neighbours: &quot;%1&quot; is not a positive whole number.</source>
        <translation>近邻数：“%1”不是正整数。</translation>
    </message>
    <message>
        <source>Neighbours: give at least one k.</source>
        <translation>近邻数：请至少给出一个 k。</translation>
    </message>
    <message>
        <source>Starting: dino %1</source>
        <translation>正在启动：dino %1</translation>
    </message>
    <message>
        <source>%1: %2 top-1 in %3 s.</source>
        <translation>%1：top-1 为 %2，用时 %3 秒。</translation>
    </message>
    <message>
        <source>k-NN (k = %1)</source>
        <translation>k-NN（k = %1）</translation>
    </message>
</context>
<context>
    <name>EvaluationProcess</name>
    <message>
        <source>An evaluation is already running.</source>
        <translation>已有一个评估正在运行。</translation>
    </message>
    <message>
        <source>The dino command-line program was not found beside DINO Studio or on PATH; it runs the evaluations.</source>
        <translation>在 DINO Studio 旁边和 PATH 中都找不到 dino 命令行程序；评估由它执行。</translation>
    </message>
    <message>
        <source>The evaluation ended without an accuracy (every k larger than the training set?).</source>
        <translation>评估结束但没有得到准确率（是否每个 k 都大于训练集？）。</translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
</context>
<context>
    <name>Evaluations</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>k-NN</source>
        <translation>k-NN</translation>
    </message>
    <message>
        <source>linear probe</source>
        <translation>线性探测</translation>
    </message>
    <message>
        <source>%1 %2% top-1</source>
        <translation>%1 top-1 %2%</translation>
    </message>
    <message>
        <source>best at epoch %1</source>
        <translation>第 %1 轮最佳</translation>
    </message>
    <message>
        <source>%1-NN %2%</source>
        <translation>%1-NN %2%</translation>
    </message>
    <message>
        <source>%1 (%2-NN)</source>
        <translation>%1（%2-NN）</translation>
    </message>
    <message>
        <source>%1-NN %2% (top-5 %3%)</source>
        <translation>%1-NN %2%（top-5 %3%）</translation>
    </message>
</context>
<context>
    <name>FigureExportDialog</name>
    <message>
        <source>Export Figure</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Export All Figures</source>
        <translation>导出所有图表</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>Resolution written into PNG files; the text keeps its size in points</source>
        <translation>写入 PNG 文件的分辨率；文字保持其磅值大小</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>...</source>
        <translation>...</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Export figure</source>
        <translation>导出图表</translation>
    </message>
</context>
<context>
    <name>HostCheck</name>
    <message>
        <source>dino %1 is there.</source>
        <translation>已找到 dino %1。</translation>
    </message>
    <message>
        <source>No GPU: runs there train on its CPU.</source>
        <translation>没有 GPU：那里的运行在其 CPU 上训练。</translation>
    </message>
    <message>
        <source>GPUs: %1.</source>
        <translation>GPU：%1。</translation>
    </message>
    <message>
        <source>%1 free for runs.</source>
        <translation>可用于运行的空间：%1。</translation>
    </message>
    <message>
        <source>That is little: checkpoints may not fit.</source>
        <translation>空间较少：检查点可能放不下。</translation>
    </message>
    <message>
        <source>torchrun is not there: runs of several processes need it.</source>
        <translation>那里没有 torchrun：多进程运行需要它。</translation>
    </message>
    <message>
        <source>%1 on %2 failed to list its devices: %3</source>
        <translation>%2 上的 %1 未能列出其设备：%3</translation>
    </message>
    <message>
        <source>%1 on %2 is not DINO Studio&apos;s dino (or too old a version): &apos;info --devices --json&apos; printed no devices.</source>
        <translation>%2 上的 %1 不是 DINO Studio 的 dino（或版本太旧）：&apos;info --devices --json&apos; 没有列出设备。</translation>
    </message>
    <message>
        <source>%1 on %2 is version %3, this app is %4: install the same version there (the app reads the files that version writes, and starts it with this version&apos;s settings).</source>
        <translation>%2 上的 %1 版本为 %3，本应用为 %4：请在那里安装相同版本（应用读取该版本写入的文件，并以本版本的设置启动它）。</translation>
    </message>
</context>
<context>
    <name>InterfaceLanguage</name>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
</context>
<context>
    <name>LaunchedRun</name>
    <message>
        <source>A run is already going.</source>
        <translation>已有一个训练正在进行。</translation>
    </message>
    <message>
        <source>The command-line tool dino, which runs each process, was found neither beside this program nor on PATH.</source>
        <translation>运行各进程的命令行工具 dino 既不在本程序旁边，也不在 PATH 中。</translation>
    </message>
    <message>
        <source>Cannot write the run&apos;s settings for its processes to %1: %2</source>
        <translation>无法将训练设置写入 %1 供其进程读取：%2</translation>
    </message>
    <message>
        <source>No free port on 127.0.0.1 for the processes to meet on.</source>
        <translation>127.0.0.1 上没有可供进程会合的空闲端口。</translation>
    </message>
    <message>
        <source>Process %1: %2</source>
        <translation>进程 %1：%2</translation>
    </message>
    <message>
        <source>Process %1 of the run crashed.</source>
        <translation>训练的进程 %1 崩溃了。</translation>
    </message>
    <message>
        <source>Process %1 of the run exited with code %2.</source>
        <translation>训练的进程 %1 以代码 %2 退出。</translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <source>process %1</source>
        <translation>进程 %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>DINO Studio</source>
        <translation>DINO Studio</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>调度</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation>训练已停止</translation>
    </message>
    <message>
        <source>The run stopped with an error:

%1

The last checkpoint in the output folder is intact; change the settings and press Start to resume from it.</source>
        <translation>运行因错误而停止：

%1

输出文件夹中的最后一个检查点完好无损；修改设置后按“开始”即可从该检查点继续。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>Train with these settings (resumes if the output folder holds a checkpoint)</source>
        <translation>使用这些设置训练（若输出文件夹中已有检查点，则从中继续）</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>继续(&amp;U)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>Finish the current step, save a checkpoint that resumes there, and stop</source>
        <translation>完成当前步，保存可从此处继续的检查点，然后停止</translation>
    </message>
    <message>
        <source>&amp;Open Output Folder</source>
        <translation>打开输出文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Copy as Command Line</source>
        <translation>复制为命令行(&amp;C)</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>已复制：%1</translation>
    </message>
    <message>
        <source>&amp;Follow a Run Folder...</source>
        <translation>跟踪运行文件夹(&amp;F)...</translation>
    </message>
    <message>
        <source>Output folder of a run</source>
        <translation>运行的输出文件夹</translation>
    </message>
    <message>
        <source>&amp;Resume a Run Folder...</source>
        <translation>从运行文件夹继续(&amp;R)...</translation>
    </message>
    <message>
        <source>Output folder of the run to resume</source>
        <translation>要继续的运行的输出文件夹</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>%1 has no readable config.json. %2</source>
        <translation>%1 中没有可读取的 config.json。%2</translation>
    </message>
    <message>
        <source>Recent &amp;Runs</source>
        <translation>最近的运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Load Settings...</source>
        <translation>加载设置(&amp;L)...</translation>
    </message>
    <message>
        <source>Load settings</source>
        <translation>加载设置</translation>
    </message>
    <message>
        <source>Settings (*.json)</source>
        <translation>设置 (*.json)</translation>
    </message>
    <message>
        <source>Cannot load %1: %2</source>
        <translation>无法加载 %1：%2</translation>
    </message>
    <message>
        <source>&amp;Save Settings...</source>
        <translation>保存设置(&amp;S)...</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>&amp;Export All Figures...</source>
        <translation>导出所有图表(&amp;E)...</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export &amp;Metrics as CSV...</source>
        <translation>将指标导出为 CSV(&amp;M)...</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About DINO Studio</source>
        <translation>关于 DINO Studio(&amp;A)</translation>
    </message>
    <message>
        <source>About DINO Studio</source>
        <translation>关于 DINO Studio</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>无法开始：%1</translation>
    </message>
    <message>
        <source>%1 already holds a checkpoint. Resume that run, or start a new one in a fresh folder?</source>
        <translation>%1 中已有检查点。要继续该运行，还是在新文件夹中开始新的运行？</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>新文件夹</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>跟踪</translation>
    </message>
    <message>
        <source>Stop the current run first.</source>
        <translation>请先停止当前运行。</translation>
    </message>
    <message>
        <source>Following %1</source>
        <translation>正在跟踪 %1</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>A run is training. Stop it (saving a checkpoint to resume from) and quit?</source>
        <translation>正在训练。要停止训练（保存可用于继续的检查点）并退出吗？</translation>
    </message>
    <message>
        <source>Crops</source>
        <translation>裁剪</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>&amp;Open Images...</source>
        <translation>打开图像(&amp;O)...</translation>
    </message>
    <message>
        <source>Open &amp;Weights...</source>
        <translation>打开权重(&amp;W)...</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <source>Timing steps for the time budget</source>
        <translation>正在为时间预算测量每步耗时</translation>
    </message>
    <message>
        <source>Loading the data</source>
        <translation>正在加载数据</translation>
    </message>
    <message>
        <source>k-NN evaluation</source>
        <translation>k-NN 评估</translation>
    </message>
    <message>
        <source>Saving a checkpoint</source>
        <translation>正在保存检查点</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>正在收尾</translation>
    </message>
    <message>
        <source>Pause after the current step; nothing is saved or lost</source>
        <translation>当前步完成后暂停；不保存也不丢失任何内容</translation>
    </message>
    <message>
        <source>Go on from the step where the run paused</source>
        <translation>从运行暂停的那一步继续</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <source>The documentation was not installed with this build</source>
        <translation>此版本未安装文档</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Paste an image (Attention)</source>
        <translation>粘贴图像（注意力）</translation>
    </message>
    <message>
        <source>Cancel the attention computation</source>
        <translation>取消注意力计算</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>%1 - DINO Studio</source>
        <translation>%1 - DINO Studio</translation>
    </message>
    <message>
        <source>Train with these settings (%1)</source>
        <translation>使用这些设置训练（%1）</translation>
    </message>
    <message>
        <source>nothing left</source>
        <translation>无剩余</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>epoch %1/%2, step %3/%4, loss %5, %6 images/s, %7</source>
        <translation>轮次 %1/%2，步 %3/%4，损失 %5，%6 图像/s，%7</translation>
    </message>
    <message>
        <source>DINO Studio %1, %2
Qt %3 (running %4)
LibTorch %5, %6</source>
        <translation>DINO Studio %1，%2
Qt %3（运行时 %4）
LibTorch %5，%6</translation>
    </message>
    <message>
        <source>built without a build type</source>
        <translation>未指定构建类型</translation>
    </message>
    <message>
        <source>%1 build</source>
        <translation>%1 构建</translation>
    </message>
    <message>
        <source>&lt;b&gt;DINO Studio&lt;/b&gt;&lt;p&gt;Train DINO self-supervised vision transformers and look inside them. The model, loss and schedules follow the reference implementation of Caron et al. (2021).&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation>&lt;b&gt;DINO Studio&lt;/b&gt;&lt;p&gt;训练 DINO 自监督视觉 Transformer，并观察其内部。模型、损失和调度均遵循 Caron 等人（2021）的参考实现。&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>A run is already going: stop it first.</source>
        <translation>已有一个运行正在进行：请先停止它。</translation>
    </message>
    <message>
        <source>&amp;Welcome Page</source>
        <translation>欢迎页(&amp;W)</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Choose a folder of images</source>
        <translation>选择图像文件夹</translation>
    </message>
    <message>
        <source>%1 is scanned in the background: choose a preset or edit the settings, then press Start.</source>
        <translation>正在后台扫描 %1：请选择预设或修改设置，然后点击“开始”。</translation>
    </message>
    <message>
        <source>Open weights</source>
        <translation>打开权重</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>DINO Studio will be in %1 when it starts again.</source>
        <translation>DINO Studio 下次启动时将使用 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) to %1</source>
        <translation>
            <numerusform>已将 %n 个文件写入 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>外观(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>DINO Studio will follow the system&apos;s language when it starts again.</source>
        <translation>DINO Studio 下次启动时将跟随系统语言。</translation>
    </message>
    <message>
        <source>The reference&apos;s ViT-S/16 settings are applied (the demo&apos;s are for 28 px images). </source>
        <translation>已应用参考实现的 ViT-S/16 设置（演示的设置适用于 28 px 图像）。 </translation>
    </message>
    <message>
        <source>not running</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>Stopped: Start resumes it</source>
        <translation>已停止：点击“开始”继续</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>An evaluation is running. Stop it and quit?</source>
        <translation>评估正在运行。要停止并退出吗？</translation>
    </message>
    <message>
        <source>Save a checkpoint after the current step and end the processes; Resume starts them again from it</source>
        <translation>在当前步骤之后保存检查点并结束各进程；“继续”会从该检查点重新启动它们</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>训练列表</translation>
    </message>
    <message>
        <source>Fetch Checkpoint</source>
        <translation>获取检查点</translation>
    </message>
    <message>
        <source>Checkpoint copied to %1</source>
        <translation>检查点已复制到 %1</translation>
    </message>
    <message>
        <source>&amp;Fetch Checkpoint from Server</source>
        <translation>从服务器获取检查点(&amp;F)</translation>
    </message>
    <message>
        <source>Copy the run&apos;s last checkpoint from the server into its folder here, for the attention explorer and evaluations</source>
        <translation>将运行的最新检查点从服务器复制到本地的运行文件夹，供注意力浏览器和评估使用</translation>
    </message>
    <message>
        <source>Run on:</source>
        <translation>运行于：</translation>
    </message>
    <message>
        <source>Copying the checkpoint from %1...</source>
        <translation>正在从 %1 复制检查点...</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>The run goes on on %1 after the app quits. Follow its folder here (%2) to see it again. Quit?</source>
        <translation>应用退出后，运行会在 %1 上继续。跟踪本地的文件夹（%2）即可再次查看。要退出吗？</translation>
    </message>
    <message>
        <source>Stop &amp;Following the Server</source>
        <translation>停止跟踪服务器(&amp;F)</translation>
    </message>
    <message>
        <source>Leave the run on the server going, and stop following it here (File &gt; Follow a Run Folder on its folder follows it again)</source>
        <translation>让服务器上的运行继续，在本地停止跟踪（文件 &gt; 跟踪运行文件夹，选择其文件夹即可再次跟踪）</translation>
    </message>
    <message>
        <source>Attention Side by Side</source>
        <translation>并排显示注意力</translation>
    </message>
</context>
<context>
    <name>MetricChart</name>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>Export Figure...</source>
        <translation>导出图表...</translation>
    </message>
    <message>
        <source>Log Scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>Fit to the Data</source>
        <translation>适应数据范围</translation>
    </message>
    <message>
        <source>Waiting for data...</source>
        <translation>正在等待数据...</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot write the figures of &quot;%1&quot; in %2.</source>
        <translation>无法在 %2 中写入“%1”的图表。</translation>
    </message>
</context>
<context>
    <name>MetricHistory</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>ModelDownload</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The server answered with another part of the file than asked; press Download to start again from the beginning.</source>
        <translation>服务器返回的文件片段与请求的不符；请点击“下载”从头重新开始。</translation>
    </message>
    <message>
        <source>Cannot write %1 (%2 MB free there): %3</source>
        <translation>无法写入 %1（剩余空间 %2 MB）：%3</translation>
    </message>
    <message>
        <source>The server answered %1 for %2.</source>
        <translation>服务器对 %2 的响应为 %1。</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>无法连接 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read back %1.</source>
        <translation>无法读回 %1。</translation>
    </message>
    <message>
        <source>Cannot rename %1 to %2.</source>
        <translation>无法将 %1 重命名为 %2。</translation>
    </message>
    <message>
        <source>Download cancelled; %1 MB kept, and Resume continues from there.</source>
        <translation>下载已取消；已保留 %1 MB，点击“继续”将从此处接着下载。</translation>
    </message>
    <message>
        <source>The part kept from an earlier download does not fit the server&apos;s file; press Download to start again from the beginning.</source>
        <translation>之前下载保留的部分与服务器上的文件不符；请点击“下载”从头重新开始。</translation>
    </message>
    <message>
        <source>The connection ended after %1 of %2 MB; press Resume to continue.</source>
        <translation>连接在 %1 / %2 MB 处中断；点击“继续”接着下载。</translation>
    </message>
    <message>
        <source>The connection ended after %1 MB (%2); press Resume to continue.</source>
        <translation>连接在 %1 MB 处中断（%2）；点击“继续”接着下载。</translation>
    </message>
    <message>
        <source>The file&apos;s SHA-256 is %1, not the published %2, so the file was removed. Download it again, or check the address.</source>
        <translation>文件的 SHA-256 为 %1，而非公布的 %2，因此文件已删除。请重新下载，或检查地址。</translation>
    </message>
    <message>
        <source>The server sent nothing for %1 s; %2 MB kept, press Resume to continue.</source>
        <translation>服务器已 %1 s 未发送数据；已保留 %2 MB，点击“继续”接着下载。</translation>
    </message>
    <message>
        <source>Download cancelled.</source>
        <translation>下载已取消。</translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <source>DINO Studio chart</source>
        <translation>DINO Studio 图表</translation>
    </message>
    <message>
        <source>DINO Studio</source>
        <translation>DINO Studio</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>RemoteRun</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>A run is already going.</source>
        <translation>已有一个运行在进行。</translation>
    </message>
    <message>
        <source>No server is chosen to run on.</source>
        <translation>未选择运行所用的服务器。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>%1 does not say where a run on a server is (%2 missing).</source>
        <translation>%1 没有说明服务器上的运行在哪里（缺少 %2）。</translation>
    </message>
    <message>
        <source>%1 is not a description of a run on a server: it needs &quot;host&quot; and &quot;folder&quot;.</source>
        <translation>%1 不是服务器上运行的描述：需要 &quot;host&quot; 和 &quot;folder&quot;。</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>已连接到 %1。</translation>
    </message>
    <message>
        <source>On %1: %2</source>
        <translation>在 %1 上：%2</translation>
    </message>
    <message>
        <source>The run on %1 exited with code %2.</source>
        <translation>%1 上的运行以代码 %2 退出。</translation>
    </message>
    <message>
        <source>The run on %1 ended without an exit status: its process was killed (out of memory?), or the server restarted. Its last checkpoint stands: Start resumes from it.</source>
        <translation>%1 上的运行结束时没有退出状态：其进程被终止（内存不足？），或服务器已重启。最后的检查点仍在：“开始”会从那里继续。</translation>
    </message>
    <message>
        <source>No run was started in %1 on %2.</source>
        <translation>%2 上的 %1 中没有启动过运行。</translation>
    </message>
    <message>
        <source>no word from %1 for %2 s</source>
        <translation>%1 已 %2 秒没有回应</translation>
    </message>
    <message>
        <source>Connection to %1 lost (%2); the run goes on there. Trying again in %3 s.</source>
        <translation>与 %1 的连接已断开（%2）；运行在那里继续。%3 秒后重试。</translation>
    </message>
    <message>
        <source>No run on a server is known here.</source>
        <translation>这里不知道任何服务器上的运行。</translation>
    </message>
    <message>
        <source>The copy of the checkpoint from %1 is incomplete (%2 of %3 bytes): try again.</source>
        <translation>从 %1 复制的检查点不完整（%2 / %3 字节）：请重试。</translation>
    </message>
    <message>
        <source>Cannot replace %1: %2</source>
        <translation>无法替换 %1：%2</translation>
    </message>
    <message>
        <source>The run&apos;s folder %1 has no name to give its folder on the server.</source>
        <translation>运行文件夹 %1 没有可用作服务器上文件夹的名称。</translation>
    </message>
    <message>
        <source>%1 holds a run trained on this machine: choose a new folder for a run on a server.</source>
        <translation>%1 中有一个在本机训练的运行：请为服务器上的运行选择一个新文件夹。</translation>
    </message>
    <message>
        <source>Could not reach %1 to stop the run: %2 Trying again.</source>
        <translation>无法连接 %1 以停止运行：%2 将重试。</translation>
    </message>
    <message>
        <source>%1 is the copy of a run on %2: choose %2 to run on, or a new folder.</source>
        <translation>%1 是 %2 上某次运行的副本：请选择在 %2 上运行，或选择一个新文件夹。</translation>
    </message>
    <message>
        <source>cannot follow the run: %1</source>
        <translation>无法跟踪该运行：%1</translation>
    </message>
</context>
<context>
    <name>RunComparison</name>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>k-NN top-1 (teacher)</source>
        <translation>k-NN top-1（教师）</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Teacher entropy h</source>
        <translation>教师熵 h</translation>
    </message>
    <message>
        <source>nats</source>
        <translation>奈特</translation>
    </message>
    <message>
        <source>KL(teacher || student)</source>
        <translation>KL(教师 || 学生)</translation>
    </message>
    <message>
        <source>Entropy of the mean teacher output</source>
        <translation>平均教师输出的熵</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>Teacher temperature</source>
        <translation>教师温度</translation>
    </message>
    <message>
        <source>temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Centre norm</source>
        <translation>中心范数</translation>
    </message>
    <message>
        <source>norm</source>
        <translation>范数</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message>
        <source>images/s</source>
        <translation>图像/s</translation>
    </message>
    <message>
        <source>X axis:</source>
        <translation>X 轴：</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>By epoch, runs of different batch sizes line up: each run&apos;s steps are divided by its own steps per epoch.</source>
        <translation>按轮次显示时，不同批大小的训练可以对齐：每次训练的步数除以它自己每轮的步数。</translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation>平滑：</translation>
    </message>
    <message>
        <source>Export Figures and CSV...</source>
        <translation>导出图表和 CSV...</translation>
    </message>
    <message>
        <source>Only the settings that differ</source>
        <translation>只显示不同的设置</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written to %1.</source>
        <translation>
            <numerusform>已将 %n 个文件写入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>Select runs in the table above to compare them (Ctrl or Shift for several).</source>
        <translation>在上方表格中选择训练进行比较（按住 Ctrl 或 Shift 可多选）。</translation>
    </message>
    <message>
        <source>Show or hide %1 on every chart</source>
        <translation>在所有图表中显示或隐藏 %1</translation>
    </message>
    <message>
        <source>only</source>
        <translation>仅此</translation>
    </message>
    <message>
        <source>Show %1 alone; again: every run</source>
        <translation>只显示 %1；再次点击：显示全部</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>RunFollower</name>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 不是文件夹。</translation>
    </message>
    <message>
        <source>%1 holds neither metrics.jsonl nor config.json: is it the output folder of a run?</source>
        <translation>%1 中既没有 metrics.jsonl 也没有 config.json：它是某次运行的输出文件夹吗？</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 不存在</translation>
    </message>
</context>
<context>
    <name>RunLocationBox</name>
    <message>
        <source>Where Start trains: this machine, or a server reached with ssh</source>
        <translation>“开始”在哪里训练：本机，或通过 ssh 连接的服务器</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Add a Server...</source>
        <translation>添加服务器...</translation>
    </message>
    <message>
        <source>Edit %1...</source>
        <translation>编辑 %1...</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
</context>
<context>
    <name>RunSummary</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 is not a JSON object: %2</source>
        <translation>%1 不是 JSON 对象：%2</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>collapsed</source>
        <translation>已坍缩</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>not responding</source>
        <translation>无响应</translation>
    </message>
    <message>
        <source>on a server</source>
        <translation>在服务器上</translation>
    </message>
</context>
<context>
    <name>RunsPanel</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Differs from the others</source>
        <translation>与其他训练不同的设置</translation>
    </message>
    <message>
        <source>Best k-NN</source>
        <translation>最佳 k-NN</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>训练时长</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Every folder holding config.json and metrics.jsonl, up to three levels below the folders chosen, is a run. Double-click one to show it on the dashboard; F2 renames it (the name is kept in its run-name.txt).</source>
        <translation>所选文件夹下三层以内含有 config.json 和 metrics.jsonl 的每个文件夹都是一次训练。双击在仪表盘中显示；按 F2 重命名（名称保存在其 run-name.txt 中）。</translation>
    </message>
    <message>
        <source>Add Folder...</source>
        <translation>添加文件夹...</translation>
    </message>
    <message>
        <source>A folder that holds runs</source>
        <translation>存放训练的文件夹</translation>
    </message>
    <message>
        <source>Stop Listing %1</source>
        <translation>不再列出 %1</translation>
    </message>
    <message>
        <source>epoch %1 of %2</source>
        <translation>第 %1 / %2 轮</translation>
    </message>
    <message>
        <source>No runs under %1.</source>
        <translation>%1 下没有训练。</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) under %1.</source>
        <translation>
            <numerusform>%1 下有 %n 次训练。</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Cannot write the name into %1.</source>
        <translation>无法将名称写入 %1。</translation>
    </message>
    <message>
        <source>Nothing written for %1 minutes and no word of an end: stopped from outside, hung, or no longer synced.</source>
        <translation>已有 %1 分钟没有写入，也没有结束记录：被外部终止、卡住，或不再同步。</translation>
    </message>
    <message>
        <source>%L1%</source>
        <translation>%L1%</translation>
    </message>
    <message>
        <source>The run is on %1, and its copy here grows only while the app follows it: a double-click follows it again.</source>
        <translation>该运行在 %1 上，本地副本只在应用跟踪时增长：双击即可再次跟踪。</translation>
    </message>
    <message>
        <source>Attention Side by Side</source>
        <translation>并排显示注意力</translation>
    </message>
    <message>
        <source>Select two runs with a checkpoint: the attention explorer shows both teachers&apos; maps on the same image, with their difference</source>
        <translation>选择两次带检查点的运行：注意力浏览器在同一图像上显示两个教师的注意力图及其差异</translation>
    </message>
</context>
<context>
    <name>SchedulePreview</name>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>teacher momentum</source>
        <translation>教师动量</translation>
    </message>
    <message>
        <source>teacher temperature</source>
        <translation>教师温度</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>无预览：%1</translation>
    </message>
    <message>
        <source>No preview: the data set has fewer images than one batch, or there are no epochs.</source>
        <translation>无预览：数据集中的图像不足一个批次，或轮数为零。</translation>
    </message>
    <message>
        <source>%1 iterations per epoch, %2 in all; peak learning rate %3 after the warm-up; the last layer is frozen for the first %4 iterations (shaded).</source>
        <translation>每轮 %1 次迭代，共 %2 次；预热后的峰值学习率为 %3；最后一层在前 %4 次迭代中冻结（阴影部分）。</translation>
    </message>
    <message>
        <source>With the time budget (%1) the run plans when it starts: fewer images an epoch, or more epochs; this shows --epochs %2 of all the images.</source>
        <translation>设置了时间预算（%1）时，运行会在启动时制定计划：每轮使用更少的图像，或增加轮数；此处显示的是使用全部图像训练 --epochs %2 的情形。</translation>
    </message>
    <message>
        <source>Export Figure...</source>
        <translation>导出图表...</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>调度</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Runs started on a server go on there when the connection closes. The app uses this machine&apos;s ssh with your keys: &quot;ssh HOST&quot; must log in without a password.</source>
        <translation>在服务器上启动的运行在连接关闭后继续进行。应用使用本机的 ssh 和您的密钥：&quot;ssh HOST&quot; 必须无需密码即可登录。</translation>
    </message>
    <message>
        <source>gpu-box, or user@gpu-box.example.org (as in ~/.ssh/config)</source>
        <translation>gpu-box 或 user@gpu-box.example.org（同 ~/.ssh/config）</translation>
    </message>
    <message>
        <source>optional, e.g. -p 2222 -i ~/.ssh/id_ed25519 -J jumphost</source>
        <translation>可选，例如 -p 2222 -i ~/.ssh/id_ed25519 -J jumphost</translation>
    </message>
    <message>
        <source>The dino command-line tool on the server: a name on its PATH or a full path. It must be this app&apos;s version.</source>
        <translation>服务器上的 dino 命令行工具：其 PATH 中的名称或完整路径。版本必须与本应用相同。</translation>
    </message>
    <message>
        <source>Each run goes in a folder of this name as the run&apos;s folder here. A relative path is taken from the home folder there.</source>
        <translation>每个运行放在那里与本地运行文件夹同名的文件夹中。相对路径从那里的主文件夹算起。</translation>
    </message>
    <message>
        <source>Starts the processes of a run on several GPUs (Processes on this machine above 1).</source>
        <translation>启动多 GPU 运行的各个进程（“本机进程数”大于 1 时）。</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <source>ssh options:</source>
        <translation>ssh 选项：</translation>
    </message>
    <message>
        <source>dino program there:</source>
        <translation>那里的 dino 程序：</translation>
    </message>
    <message>
        <source>Runs folder there:</source>
        <translation>那里的运行文件夹：</translation>
    </message>
    <message>
        <source>torchrun there:</source>
        <translation>那里的 torchrun：</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>检查(&amp;C)</translation>
    </message>
    <message>
        <source>Asking %1...</source>
        <translation>正在询问 %1...</translation>
    </message>
</context>
<context>
    <name>SshFailure</name>
    <message>
        <source>%1 was not found on %2: install DINO Studio&apos;s dino there, or give its full path as the program.</source>
        <translation>在 %2 上找不到 %1：请在那里安装 DINO Studio 的 dino，或填写其完整路径作为程序。</translation>
    </message>
    <message>
        <source>%1 was not found on %2: a run of several processes needs torchrun there (it comes with PyTorch), or give its full path.</source>
        <translation>在 %2 上找不到 %1：多进程运行需要那里有 torchrun（随 PyTorch 提供），或填写其完整路径。</translation>
    </message>
    <message>
        <source>A run is already going in that folder on %1: follow it (File &gt; Follow a Run Folder on the mirror folder), or choose another folder.</source>
        <translation>%1 上的该文件夹中已有运行在进行：请跟踪它（文件 &gt; 跟踪运行文件夹，选择本地镜像文件夹），或选择其他文件夹。</translation>
    </message>
    <message>
        <source>The run on %1 has not saved a checkpoint yet.</source>
        <translation>%1 上的运行尚未保存检查点。</translation>
    </message>
    <message>
        <source>The disk on %1 is full (or your quota there is used up): free space in %2 there, or choose another folder for runs.</source>
        <translation>%1 上的磁盘已满（或您在那里的配额已用完）：请在那里的 %2 中释放空间，或为运行选择其他文件夹。</translation>
    </message>
    <message>
        <source>%1 is not a host this machine knows: check the name, or add it to ~/.ssh/config.</source>
        <translation>本机不认识主机 %1：请检查名称，或将其加入 ~/.ssh/config。</translation>
    </message>
    <message>
        <source>The host key of %1 is not known here, or it changed: connect once with &quot;ssh %1&quot; in a terminal to check it and accept it.</source>
        <translation>%1 的主机密钥在本机未知或已改变：请在终端中用 &quot;ssh %1&quot; 连接一次，检查并接受它。</translation>
    </message>
    <message>
        <source>%1 refused the login: &quot;ssh %1&quot; must work without a password. Load your key into ssh-agent, or name it with IdentityFile in ~/.ssh/config (or with -i in the ssh options).</source>
        <translation>%1 拒绝了登录：&quot;ssh %1&quot; 必须无需密码即可使用。请将密钥加载到 ssh-agent，或在 ~/.ssh/config 中用 IdentityFile 指定（或在 ssh 选项中用 -i）。</translation>
    </message>
    <message>
        <source>%1 refused the connection: no SSH server listens there on that port.</source>
        <translation>%1 拒绝了连接：那里的该端口上没有 SSH 服务器在监听。</translation>
    </message>
    <message>
        <source>%1 cannot be reached (no answer, or no route to it): is it on, and is this machine on its network or VPN?</source>
        <translation>无法连接 %1（无应答或无路由）：它是否开机，本机是否在其网络或 VPN 中？</translation>
    </message>
    <message>
        <source>The connection to %1 was lost.</source>
        <translation>与 %1 的连接已断开。</translation>
    </message>
    <message>
        <source>ssh %1 failed.</source>
        <translation>ssh %1 失败。</translation>
    </message>
    <message>
        <source>ssh %1 failed: %2</source>
        <translation>ssh %1 失败：%2</translation>
    </message>
    <message>
        <source>The command on %1 failed with exit code %2.</source>
        <translation>%1 上的命令失败，退出代码 %2。</translation>
    </message>
    <message>
        <source>On %1: %2</source>
        <translation>在 %1 上：%2</translation>
    </message>
    <message>
        <source>The ssh client could not be started (%1): install OpenSSH&apos;s client.</source>
        <translation>无法启动 ssh 客户端（%1）：请安装 OpenSSH 客户端。</translation>
    </message>
    <message>
        <source>%1 on %2 is not this app&apos;s version (%3; this app is %4): install the same version there, since the app reads the files it writes.</source>
        <translation>%2 上的 %1 与本应用版本不同（%3；本应用为 %4）：请在那里安装相同版本，因为应用要读取它写入的文件。</translation>
    </message>
    <message>
        <source>no version</source>
        <translation>无版本</translation>
    </message>
    <message>
        <source>The folder for this run on %1 already exists (a run of another folder of the same name?): choose a new folder here, whose name names the one there.</source>
        <translation>%1 上此运行的文件夹已存在（另一个同名文件夹的运行？）：请在本地选择一个新文件夹，那里的文件夹以它命名。</translation>
    </message>
    <message>
        <source>The run&apos;s folder on %1 is gone, or cannot be made or entered there (its permissions?).</source>
        <translation>%1 上的运行文件夹不存在，或无法在那里创建或进入（权限问题？）。</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <source>A run is already going.</source>
        <translation>已有运行正在进行。</translation>
    </message>
</context>
<context>
    <name>TrainingPreset</name>
    <message>
        <source>ViT-S/16, the reference README&apos;s run</source>
        <translation>ViT-S/16，参考 README 中的运行</translation>
    </message>
    <message>
        <source>main_dino.py&apos;s defaults as the README trains ViT-S/16 on ImageNet (8 GPUs x 64 images, 100 epochs; 69.3% k-NN). Set --data_path to your image folder.</source>
        <translation>main_dino.py 的默认设置，即 README 在 ImageNet 上训练 ViT-S/16 的配置（8 个 GPU x 64 张图像，100 轮；k-NN 69.3%）。请将 --data_path 设为你的图像文件夹。</translation>
    </message>
    <message>
        <source>ViT-S/16, the README&apos;s boosted run</source>
        <translation>ViT-S/16，README 中的增强版运行</translation>
    </message>
    <message>
        <source>The README&apos;s longer recipe: 300 epochs, teacher temperature warmed from 0.04 to 0.07 over 30 epochs, no weight normalisation of the last layer (73.3% k-NN on ImageNet).</source>
        <translation>README 中更长的训练方案：300 轮，教师温度在 30 轮内从 0.04 预热到 0.07，最后一层不做权重归一化（ImageNet 上 k-NN 73.3%）。</translation>
    </message>
    <message>
        <source>ViT-S/16 on one small GPU</source>
        <translation>单块小显存 GPU 上的 ViT-S/16</translation>
    </message>
    <message>
        <source>ViT-S/16 with half the per-GPU batch (32) and 6 local crops to cut activation memory, mixed precision on, and a smaller head output (K = 16384); the learning rate still scales with the batch.</source>
        <translation>ViT-S/16，每个 GPU 的批大小减半（32），并用 6 个局部裁剪以降低激活内存，开启混合精度，使用更小的头输出（K = 16384）；学习率仍随批大小缩放。</translation>
    </message>
    <message>
        <source>Fashion-MNIST demo (CPU, 12 minutes)</source>
        <translation>Fashion-MNIST 演示（CPU，12 分钟）</translation>
    </message>
    <message>
        <source>A small ViT (width 96, depth 3, 4-pixel patches) on 28 px Fashion-MNIST crops that visibly learns on a CPU within a 12-minute time budget: the run times its first steps and fits as many epochs as the budget allows (docs/fashion-mnist-recipe.md gives the accuracy per budget). Teacher momentum 0.99 because a short run has too few steps for 0.996.</source>
        <translation>一个小型 ViT（宽度 96，深度 3，4 像素图像块），在 28 px 的 Fashion-MNIST 裁剪上训练，在 CPU 上 12 分钟的时间预算内即可看到明显的学习效果：运行会先测量最初几步的耗时，并在预算内安排尽可能多的轮次（各预算对应的准确率见 docs/fashion-mnist-recipe.md）。教师动量设为 0.99，因为短时间运行的步数太少，不适合 0.996。</translation>
    </message>
</context>
<context>
    <name>TrainingSetting</name>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Optimisation</source>
        <translation>优化</translation>
    </message>
    <message>
        <source>DINO</source>
        <translation>DINO</translation>
    </message>
    <message>
        <source>Multi-crop</source>
        <translation>多裁剪</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>调度</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>硬件</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>A folder of class folders (labels kept), a flat folder of images, a text file listing image paths, an MNIST-format folder, or fashion-mnist for the built-in demo.</source>
        <translation>包含各类别子文件夹的文件夹（保留标签）、直接存放图像的文件夹、列出图像路径的文本文件、MNIST 格式的文件夹，或填 fashion-mnist 使用内置演示数据。</translation>
    </message>
    <message>
        <source>Use only the first N images</source>
        <translation>仅使用前 N 张图像</translation>
    </message>
    <message>
        <source>Train on the first N images only; 0 uses all of them.</source>
        <translation>仅用前 N 张图像训练；0 表示全部使用。</translation>
    </message>
    <message>
        <source>Loader threads</source>
        <translation>加载线程数</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>Patch size</source>
        <translation>图像块大小</translation>
    </message>
    <message>
        <source>Width (0: the architecture&apos;s)</source>
        <translation>宽度（0：沿用架构）</translation>
    </message>
    <message>
        <source>Overrides the embedding dimension of --arch; 0 keeps it.</source>
        <translation>覆盖 --arch 的嵌入维度；0 表示保持不变。</translation>
    </message>
    <message>
        <source>Depth (0: the architecture&apos;s)</source>
        <translation>深度（0：沿用架构）</translation>
    </message>
    <message>
        <source>Overrides the number of blocks of --arch; 0 keeps it.</source>
        <translation>覆盖 --arch 的块数；0 表示保持不变。</translation>
    </message>
    <message>
        <source>Heads (0: the architecture&apos;s)</source>
        <translation>头数（0：沿用架构）</translation>
    </message>
    <message>
        <source>Overrides the attention heads of --arch; 0 keeps them.</source>
        <translation>覆盖 --arch 的注意力头数；0 表示保持不变。</translation>
    </message>
    <message>
        <source>Stochastic depth</source>
        <translation>随机深度</translation>
    </message>
    <message>
        <source>Head output K</source>
        <translation>头输出维度 K</translation>
    </message>
    <message>
        <source>Head hidden width</source>
        <translation>头隐藏层宽度</translation>
    </message>
    <message>
        <source>Head bottleneck</source>
        <translation>头瓶颈维度</translation>
    </message>
    <message>
        <source>Head layers</source>
        <translation>头层数</translation>
    </message>
    <message>
        <source>Weight-normalise the last layer</source>
        <translation>最后一层权重归一化</translation>
    </message>
    <message>
        <source>Weight-normalise the head&apos;s last layer with g fixed at 1. The reference recommends it for stability; off (the boosted recipe) performs better for ViT-S.</source>
        <translation>对头的最后一层做权重归一化，g 固定为 1。参考实现为了稳定性推荐开启；关闭（增强版方案）时 ViT-S 效果更好。</translation>
    </message>
    <message>
        <source>BatchNorm in the head</source>
        <translation>头中使用 BatchNorm</translation>
    </message>
    <message>
        <source>BatchNorm in the head&apos;s MLP. Off for ViTs; the reference uses it for ResNets.</source>
        <translation>在头的 MLP 中使用 BatchNorm。ViT 关闭此项；参考实现在 ResNet 上使用。</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>adamw is the reference&apos;s default for ViTs; sgd (momentum 0.9); lars for large batches.</source>
        <translation>adamw 是参考实现对 ViT 的默认选择；sgd（动量 0.9）；lars 适用于大批量。</translation>
    </message>
    <message>
        <source>Learning rate (per 256 images)</source>
        <translation>学习率（每 256 张图像）</translation>
    </message>
    <message>
        <source>Final learning rate</source>
        <translation>最终学习率</translation>
    </message>
    <message>
        <source>Weight decay (start)</source>
        <translation>权重衰减（起始）</translation>
    </message>
    <message>
        <source>Weight decay (end)</source>
        <translation>权重衰减（结束）</translation>
    </message>
    <message>
        <source>Gradient clipping</source>
        <translation>梯度裁剪</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Teacher momentum</source>
        <translation>教师动量</translation>
    </message>
    <message>
        <source>Teacher temperature (start)</source>
        <translation>教师温度（起始）</translation>
    </message>
    <message>
        <source>Teacher temperature</source>
        <translation>教师温度</translation>
    </message>
    <message>
        <source>Temperature warm-up epochs</source>
        <translation>温度预热轮数</translation>
    </message>
    <message>
        <source>Global crop size</source>
        <translation>全局裁剪尺寸</translation>
    </message>
    <message>
        <source>Side of the two global crops in pixels: 224 for ImageNet, 28 for Fashion-MNIST.</source>
        <translation>两个全局裁剪的边长（像素）：ImageNet 为 224，Fashion-MNIST 为 28。</translation>
    </message>
    <message>
        <source>Global crop scale</source>
        <translation>全局裁剪比例</translation>
    </message>
    <message>
        <source>Local crops</source>
        <translation>局部裁剪数</translation>
    </message>
    <message>
        <source>Local crop size</source>
        <translation>局部裁剪尺寸</translation>
    </message>
    <message>
        <source>Side of the local crops in pixels: 96 for ImageNet; at least one patch.</source>
        <translation>局部裁剪的边长（像素）：ImageNet 为 96；至少为一个图像块。</translation>
    </message>
    <message>
        <source>Local crop scale</source>
        <translation>局部裁剪比例</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Training epochs: 100 in the reference README, 300 in the boosted recipe.</source>
        <translation>训练轮数：参考 README 中为 100，增强版方案中为 300。</translation>
    </message>
    <message>
        <source>Learning-rate warm-up epochs</source>
        <translation>学习率预热轮数</translation>
    </message>
    <message>
        <source>Frozen last layer (epochs)</source>
        <translation>冻结最后一层（轮数）</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Everything random follows from it, whatever the number of threads.</source>
        <translation>所有随机性均由它决定，与线程数无关。</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Where the model runs: auto (the first GPU, else the CPU), cpu, cuda or cuda:N.</source>
        <translation>模型运行的位置：auto（第一个 GPU，否则为 CPU）、cpu、cuda 或 cuda:N。</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>auto: bf16 autocast on CUDA while --use_fp16 is true, fp32 on the CPU; fp32; bf16; or fp16, autocast with a gradient scaler as the reference&apos;s --use_fp16.</source>
        <translation>auto：--use_fp16 为 true 时在 CUDA 上使用 bf16 autocast，在 CPU 上使用 fp32；fp32；bf16；或 fp16，即带梯度缩放器的 autocast，与参考实现的 --use_fp16 相同。</translation>
    </message>
    <message>
        <source>Mixed precision (--use_fp16)</source>
        <translation>混合精度（--use_fp16）</translation>
    </message>
    <message>
        <source>With --precision auto: mixed precision on CUDA.</source>
        <translation>当 --precision 为 auto 时：在 CUDA 上使用混合精度。</translation>
    </message>
    <message>
        <source>CPU threads (0: all cores)</source>
        <translation>CPU 线程数（0：全部核心）</translation>
    </message>
    <message>
        <source>Threads for the model&apos;s CPU kernels; 0 uses all cores.</source>
        <translation>模型 CPU 内核使用的线程数；0 表示使用全部核心。</translation>
    </message>
    <message>
        <source>CPU matrix products</source>
        <translation>CPU 矩阵乘法</translation>
    </message>
    <message>
        <source>Who computes the linear layers in fp32 on the CPU. auto: oneDNN where LibTorch runs fp32 through it and the CPU is not Intel&apos;s, else ATen&apos;s BLAS (MKL); aten; onednn. dino bench step compares them on your CPU.</source>
        <translation>在 CPU 上以 fp32 计算线性层的后端。auto：若 LibTorch 通过 oneDNN 运行 fp32 且 CPU 不是 Intel 的，则使用 oneDNN，否则使用 ATen 的 BLAS（MKL）；aten；onednn。dino bench step 可在你的 CPU 上比较它们。</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <source>Checkpoints, config.json, metrics.jsonl, log.txt and train.log. A folder with a checkpoint.pth resumes from it.</source>
        <translation>存放检查点、config.json、metrics.jsonl、log.txt 和 train.log。若文件夹中已有 checkpoint.pth，则从中继续。</translation>
    </message>
    <message>
        <source>Keep a checkpoint every N epochs</source>
        <translation>每 N 轮保留一个检查点</translation>
    </message>
    <message>
        <source>Also checkpoint every N steps</source>
        <translation>另外每 N 步保存检查点</translation>
    </message>
    <message>
        <source>Also write checkpoint.pth every N iterations; 0: at the end of each epoch only.</source>
        <translation>另外每 N 次迭代写入 checkpoint.pth；0：仅在每轮结束时写入。</translation>
    </message>
    <message>
        <source>Progress line every N steps</source>
        <translation>每 N 步输出进度行</translation>
    </message>
    <message>
        <source>The command line prints a progress line every N iterations.</source>
        <translation>命令行每 N 次迭代打印一行进度。</translation>
    </message>
    <message>
        <source>k-NN evaluation</source>
        <translation>k-NN 评估</translation>
    </message>
    <message>
        <source>Weighted 20-NN top-1 accuracy of the teacher on a labelled set, before training and after the last epoch.</source>
        <translation>教师模型在带标签数据集上的加权 20-NN top-1 准确率，在训练前和最后一轮后评估。</translation>
    </message>
    <message>
        <source>k-NN every N epochs</source>
        <translation>每 N 轮进行 k-NN 评估</translation>
    </message>
    <message>
        <source>Also evaluate every N epochs; 0: at the start and the end only.</source>
        <translation>另外每 N 轮评估一次；0：仅在开始和结束时评估。</translation>
    </message>
    <message>
        <source>k-NN data</source>
        <translation>k-NN 数据</translation>
    </message>
    <message>
        <source>Labelled data for k-NN: train/ and val/ class folders or MNIST layout; empty uses --data_path when it has them.</source>
        <translation>k-NN 使用的带标签数据：含 train/ 和 val/ 类别文件夹，或 MNIST 布局；留空时，若 --data_path 具备这些则使用它。</translation>
    </message>
    <message>
        <source>k-NN bank size</source>
        <translation>k-NN 特征库大小</translation>
    </message>
    <message>
        <source>Training images in the k-NN bank; at least 20 (k).</source>
        <translation>k-NN 特征库中的训练图像数；至少 20（k）。</translation>
    </message>
    <message>
        <source>k-NN test images</source>
        <translation>k-NN 测试图像数</translation>
    </message>
    <message>
        <source>Test images evaluated.</source>
        <translation>参与评估的测试图像数。</translation>
    </message>
    <message>
        <source>Threads decoding and augmenting images, per GPU.</source>
        <translation>每个 GPU 用于解码和增强图像的线程数。</translation>
    </message>
    <message>
        <source>ViT size. The reference README trains vit_small; deit_tiny and deit_small, the reference&apos;s other names for vit_tiny and vit_small, are accepted too.</source>
        <translation>ViT 规模。参考 README 训练的是 vit_small；也接受 deit_tiny 和 deit_small，即参考实现中 vit_tiny 和 vit_small 的别名。</translation>
    </message>
    <message>
        <source>Pixels per patch side. 8 gives finer attention maps than 16 at about 4x the cost.</source>
        <translation>每个图像块的边长（像素）。8 比 16 得到的注意力图更精细，但开销约为 4 倍。</translation>
    </message>
    <message>
        <source>Stochastic depth (drop-path rate) of the student; the teacher has none.</source>
        <translation>学生模型的随机深度（DropPath 比率）；教师模型不使用。</translation>
    </message>
    <message>
        <source>Dimension K of the DINO head&apos;s output; smaller for small data.</source>
        <translation>DINO 头输出的维度 K；数据较少时可调小。</translation>
    </message>
    <message>
        <source>Width of the DINO head&apos;s MLP.</source>
        <translation>DINO 头 MLP 的宽度。</translation>
    </message>
    <message>
        <source>Bottleneck before the head&apos;s last layer.</source>
        <translation>头最后一层之前的瓶颈维度。</translation>
    </message>
    <message>
        <source>Layers of the DINO head&apos;s MLP.</source>
        <translation>DINO 头 MLP 的层数。</translation>
    </message>
    <message>
        <source>Peak learning rate for a batch of 256, scaled linearly with the batch and reached after the warm-up.</source>
        <translation>批大小为 256 时的峰值学习率，随批大小线性缩放，在预热结束时达到。</translation>
    </message>
    <message>
        <source>End of the learning rate&apos;s cosine decay (not scaled with the batch).</source>
        <translation>学习率余弦衰减的终值（不随批大小缩放）。</translation>
    </message>
    <message>
        <source>Initial weight decay, rising on a cosine to the end value. Biases and norms are exempt.</source>
        <translation>初始权重衰减，按余弦曲线升至终值。偏置和归一化层参数不做衰减。</translation>
    </message>
    <message>
        <source>Final weight decay of the cosine.</source>
        <translation>余弦调度的最终权重衰减。</translation>
    </message>
    <message>
        <source>Per-parameter gradient norm limit; 0 disables clipping.</source>
        <translation>逐参数的梯度范数上限；0 表示不裁剪。</translation>
    </message>
    <message>
        <source>Images per step (per GPU).</source>
        <translation>每步的图像数（每个 GPU）。</translation>
    </message>
    <message>
        <source>Base EMA momentum of the teacher, raised to 1 by a cosine; lower (0.99) for short runs or small batches.</source>
        <translation>教师的基础 EMA 动量，按余弦升至 1；短时间运行或小批量时可调低（0.99）。</translation>
    </message>
    <message>
        <source>Teacher temperature at epoch 0. Too high makes the teacher&apos;s output uniform.</source>
        <translation>第 0 轮的教师温度。过高会使教师输出趋于均匀。</translation>
    </message>
    <message>
        <source>Teacher temperature after the warm-up (0.07 in the boosted recipe; above 0.07 is unstable).</source>
        <translation>预热后的教师温度（增强版方案中为 0.07；高于 0.07 会不稳定）。</translation>
    </message>
    <message>
        <source>Epochs of the linear teacher temperature warm-up (30 in the boosted recipe); at most --epochs.</source>
        <translation>教师温度线性预热的轮数（增强版方案中为 30）；不超过 --epochs。</translation>
    </message>
    <message>
        <source>Area range of the two global crops, two numbers min max; 0.14 1.0 without local crops.</source>
        <translation>两个全局裁剪的面积范围，两个数：最小值 最大值；无局部裁剪时为 0.14 1.0。</translation>
    </message>
    <message>
        <source>Number of small local crops; 0 disables multi-crop.</source>
        <translation>小尺寸局部裁剪的数量；0 表示禁用多裁剪。</translation>
    </message>
    <message>
        <source>Area range of the local crops, two numbers min max.</source>
        <translation>局部裁剪的面积范围，两个数：最小值 最大值。</translation>
    </message>
    <message>
        <source>Epochs of the linear learning-rate warm-up from 0.</source>
        <translation>学习率从 0 开始线性预热的轮数。</translation>
    </message>
    <message>
        <source>The head&apos;s last layer does not train for this many epochs. Raise it if training is unstable.</source>
        <translation>头的最后一层在这么多轮内不训练。若训练不稳定，可调高此值。</translation>
    </message>
    <message>
        <source>A numbered checkpointNNNN.pth every N epochs; 0 never.</source>
        <translation>每 N 轮保存一个带编号的 checkpointNNNN.pth；0 表示从不。</translation>
    </message>
    <message>
        <source>Time budget</source>
        <translation>时间预算</translation>
    </message>
    <message>
        <source>A wall-clock budget such as 10m or 1h30m (empty: none). The run times a few steps first; when the recipe&apos;s epochs do not fit it trains each on fewer images, spread over the data, and when more fit it adds epochs, so that the schedules finish within the budget. A resumed run keeps the plan.</source>
        <translation>实际耗时预算，如 10m 或 1h30m（留空：不限）。运行会先测量几步的耗时；若方案的轮数在预算内跑不完，则每轮只用较少的图像（均匀分布在整个数据集中）；若预算有余，则增加轮数，使各调度在预算内完成。继续的运行沿用原计划。</translation>
    </message>
    <message>
        <source>Rendezvous of several processes</source>
        <translation>多进程会合地址</translation>
    </message>
    <message>
        <source>How the processes of a distributed run meet: env:// reads the variables torchrun or Slurm set (RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT; SLURM_PROCID, SLURM_NTASKS); tcp://host:port names rank 0&apos;s machine. Without those variables the run is one process.</source>
        <translation>分布式训练的各进程如何会合：env:// 读取 torchrun 或 Slurm 设置的变量（RANK、WORLD_SIZE、MASTER_ADDR、MASTER_PORT；SLURM_PROCID、SLURM_NTASKS）；tcp://host:port 指定 0 号进程所在的机器。没有这些变量时，训练只用一个进程。</translation>
    </message>
    <message>
        <source>Local rank (ignored)</source>
        <translation>本地序号（忽略）</translation>
    </message>
    <message>
        <source>Accepted for the reference&apos;s launch commands and ignored, as the reference does: the GPU of each process follows LOCAL_RANK or SLURM_LOCALID.</source>
        <translation>为兼容参考实现的启动命令而接受，并像参考实现一样忽略：每个进程的 GPU 由 LOCAL_RANK 或 SLURM_LOCALID 决定。</translation>
    </message>
    <message>
        <source>Wait for other processes (s)</source>
        <translation>等待其他进程（秒）</translation>
    </message>
    <message>
        <source>Seconds a process of a distributed run waits for the others, at the start and at every exchange, before it stops and names the ranks that did not answer.</source>
        <translation>分布式训练中，一个进程在启动时和每次数据交换时等待其他进程的秒数；超时后它会停止，并指出哪些进程没有响应。</translation>
    </message>
    <message>
        <source>Processes on this machine</source>
        <translation>本机进程数</translation>
    </message>
    <message>
        <source>Processes the desktop app starts for one run, as torchrun --nproc_per_node: one per GPU (each takes its own), or CPU processes that share the cores. dino train is one process: start several with torchrun --nproc_per_node N --no-python dino train, or with srun.</source>
        <translation>桌面应用为一次训练启动的进程数，同 torchrun --nproc_per_node：每块 GPU 一个（各用各的），或共享 CPU 核心的 CPU 进程。dino train 是单个进程：多个进程请用 torchrun --nproc_per_node N --no-python dino train 或 srun 启动。</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>&lt;h2&gt;DINO Studio&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;DINO Studio&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Train DINO self-supervised vision transformers on your own images, and watch them learn: loss and schedules, collapse warnings, the crops they train on, and where every attention head looks.</source>
        <translation>在您自己的图像上训练 DINO 自监督视觉 Transformer，并观察它们的学习过程：损失与调度、坍塌预警、训练所用的裁剪，以及每个注意力头关注的位置。</translation>
    </message>
    <message>
        <source>Run the Fashion-MNIST demo</source>
        <translation>运行 Fashion-MNIST 演示</translation>
    </message>
    <message>
        <source>Train on my image folder...</source>
        <translation>在我的图像文件夹上训练...</translation>
    </message>
    <message>
        <source>Choose a folder of images (sub-folders as classes, or none) and set up a run.</source>
        <translation>选择一个图像文件夹（子文件夹作为类别，或不分类），并设置一次运行。</translation>
    </message>
    <message>
        <source>Look inside a trained model...</source>
        <translation>查看已训练模型的内部...</translation>
    </message>
    <message>
        <source>Open weights or a checkpoint and see each head&apos;s attention on your images.</source>
        <translation>打开权重或检查点，查看每个头在您图像上的注意力。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Released DINO models&lt;/b&gt; (trained on ImageNet; accuracy from the reference&apos;s README)</source>
        <translation>&lt;b&gt;已发布的 DINO 模型&lt;/b&gt;（在 ImageNet 上训练；准确率来自参考实现的 README）</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>k-NN top-1</source>
        <translation>k-NN top-1</translation>
    </message>
    <message>
        <source>Linear top-1</source>
        <translation>线性 top-1</translation>
    </message>
    <message>
        <source>Backbone</source>
        <translation>骨干网络</translation>
    </message>
    <message>
        <source>Full checkpoint</source>
        <translation>完整检查点</translation>
    </message>
    <message>
        <source>%1 M</source>
        <translation>%1 M</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Downloads go to %1</source>
        <translation>下载保存到 %1</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Open a Downloaded File...</source>
        <translation>打开已下载的文件...</translation>
    </message>
    <message>
        <source>Open DINO weights</source>
        <translation>打开 DINO 权重</translation>
    </message>
    <message>
        <source>PyTorch weights (*.pth *.pt);;All files (*)</source>
        <translation>PyTorch 权重 (*.pth *.pt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open (%1)</source>
        <translation>打开（%1）</translation>
    </message>
    <message>
        <source>Resume (%1 so far)</source>
        <translation>继续（已下载 %1）</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Download (%1)</source>
        <translation>下载（%1）</translation>
    </message>
    <message>
        <source>Downloading %1 (%2) from %3</source>
        <translation>正在从 %3 下载 %1（%2）</translation>
    </message>
    <message>
        <source>full checkpoint</source>
        <translation>完整检查点</translation>
    </message>
    <message>
        <source>backbone</source>
        <translation>骨干网络</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Downloaded %1%2. SHA-256 %3 (kept beside the file).</source>
        <translation>已下载 %1%2。SHA-256 为 %3（保存在文件旁）。</translation>
    </message>
    <message>
        <source>, resumed at %1</source>
        <translation>，从 %1 处继续</translation>
    </message>
    <message>
        <source>Without a network, fetch &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt; on another machine and open it with Open a Downloaded File.</source>
        <translation>如无网络，请在另一台机器上获取 &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;，再通过“打开已下载的文件”打开。</translation>
    </message>
    <message>
        <source>A small ViT learns Fashion-MNIST on a CPU in about 12 minutes.</source>
        <translation>一个小型 ViT 在 CPU 上约 12 分钟学会 Fashion-MNIST。</translation>
    </message>
    <message>
        <source>Checking the SHA-256...</source>
        <translation>正在校验 SHA-256...</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Train DINO vision transformers and watch them learn.</source>
        <translation>训练 DINO 视觉 Transformer，并观察其学习过程。</translation>
    </message>
    <message>
        <source>Start from the Fashion-MNIST demo settings.</source>
        <translation>从 Fashion-MNIST 演示设置开始。</translation>
    </message>
    <message>
        <source>Load settings from a JSON file.</source>
        <translation>从 JSON 文件加载设置。</translation>
    </message>
    <message>
        <source>Follow the run in an output folder.</source>
        <translation>跟踪某个输出文件夹中的运行。</translation>
    </message>
    <message>
        <source>Press Start once the data is scanned.</source>
        <translation>数据扫描完成后自动按下“开始”。</translation>
    </message>
    <message>
        <source>When the run ends, export every figure to a folder and quit.</source>
        <translation>运行结束后，将所有图表导出到文件夹并退出。</translation>
    </message>
    <message>
        <source>Output folder of the run.</source>
        <translation>运行的输出文件夹。</translation>
    </message>
    <message>
        <source>Open an image in the attention explorer (repeatable).</source>
        <translation>在注意力浏览器中打开图像（可重复指定）。</translation>
    </message>
    <message>
        <source>Weights or a training checkpoint for the attention explorer.</source>
        <translation>注意力浏览器使用的权重或训练检查点。</translation>
    </message>
    <message>
        <source>After ten seconds, save the window as a PNG and quit.</source>
        <translation>十秒后将窗口保存为 PNG 并退出。</translation>
    </message>
    <message>
        <source>The tab to show: welcome, dashboard, runs, schedules, crops, attention, evaluate or log.</source>
        <translation>要显示的标签页：welcome、dashboard、runs、schedules、crops、attention、evaluate 或 log。</translation>
    </message>
    <message>
        <source>Weights shown beside --weights in the attention explorer (another run&apos;s teacher), with their difference.</source>
        <translation>在注意力浏览器中与 --weights 并排显示的权重（另一次运行的教师），并给出差异。</translation>
    </message>
</context>
</TS>
