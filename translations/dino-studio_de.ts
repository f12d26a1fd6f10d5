<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AttentionControls</name>
    <message>
        <source>Layer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>original size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mass threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the patches that hold this fraction of each head&apos;s attention (the reference&apos;s masks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opacity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100: the map alone, as the reference draws it; lower shows the image through it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One scale for all heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention rollout across all layers (Abnar and Zuidema, 2020)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PCA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first three principal components of the patch features as RGB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher and student of a training checkpoint side by side, with their difference (blue: the student attends more, red: the teacher does)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figure 3 style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The masks of every head in one picture, one colour per head, as the paper&apos;s Figure 3 (uses the mass threshold)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heads for the Figure 3 picture, e.g. 0 2 5 (empty: all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From CLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the attention of the CLS token again (click a patch to see the attention from it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The view on display: every tile as PNG, a labelled grid as PNG, SVG and PDF, the raw maps as .npy and figure.json saying how it was made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Folder...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every image of a folder with this model and these settings, a sub-folder of figures each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel Batch Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The input the model sees. It follows the model: 480 px for patch 8 and 16 models (the reference&apos;s), the training crop for others; larger inputs cost quadratically more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>smaller, to fit the limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model&apos;s training crop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 x %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shorter side %1, aspect kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to fit the limits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttentionExplorer</name>
    <message>
        <source>Open Images...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A DINO weights file or training checkpoint; the architecture is inferred from its tensors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random ViT-S/16</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training Teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model: choose weights, the training teacher or random weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop images here, paste one, or use Open Images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DINO weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PyTorch files (*.pth *.pt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pasted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an image this app can read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a patch to see the attention from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the CLS token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>patch (row %1, column %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin Probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this image&apos;s maps at every checkpoint of the run (checkpoint*.pth beside the weights) and scrub through them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Through training: pin a probe image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The student exists only in a training checkpoint: load one with Weights or Training Teacher.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no student that fits: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin a probe with a training checkpoint loaded (Weights or Training Teacher) and an image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No checkpoint*.pth beside %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the maps at %1 checkpoints...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Computed in %1 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: layer %2, %3 heads on a %4 x %5 grid, attention from %6.%7%8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder of images</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Batch export stopped: %n image(s) written.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Batch export done: %n image(s) written.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be exported: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Batch export needs a model: choose weights, the training teacher or random weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n image(s)...</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Exported %1 of %2 images to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start or follow a run: its teacher can be shown here once it has a checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop this computation; the view on display stays (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute Anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute the refused input once without the limits; Cancel stops it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The teacher of %1, reloaded whenever a new checkpoint lands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No checkpoint yet: the run writes %1 at the end of every epoch and when it is stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 patches, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>under a second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing %1 (%2)...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; the view shows the last computation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not computed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No smaller input fits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The colour map of the tiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2, one scale for every head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each head from its own least (left) to its most attention (right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The probe was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No checkpoint could be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n checkpoint(s) left out: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>(stopped after %1 of %2 checkpoints)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed since these maps were computed (a new checkpoint): show them again before exporting.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfigPanel</name>
    <message>
        <source>Preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a recipe...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto (a GPU when there is one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>two numbers, min and max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanning %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not supported by the chosen device (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, edited</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CropPreviewPanel</name>
    <message>
        <source>New sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another image of the data set, freshly augmented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The original image with the crop boxes: global crops in blue, local crops in orange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the data...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global crop %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local crop %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>box: x %1, y %2, %3 x %4 px of the original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output: %1 x %2 px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flipped horizontally</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not flipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>brightness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saturation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>colour jitter: brightness %1, contrast %2, saturation %3, hue %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jitter order: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no colour jitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grayscale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>colour kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gaussian blur, sigma %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not blurred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>solarised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not solarised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image %1 of the data set: %2 x %3 px, %4 crops. Hover over a crop for what was drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample in batch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which sample of the step&apos;s batch to show when a step is chosen on the dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the chosen step and show random samples again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 (epoch %2, step %3 of it), sample %4 of its batch, as the run drew it. %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a chart on the Dashboard to see the crops a training step used.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>X axis:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of the past in a debiased moving average; the raw curve stays faint behind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log scale (loss, learning rate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate and weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher temperature and momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>teacher temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>teacher momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>std</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>teacher entropy h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KL(teacher || student)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H = h + KL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entropy of the mean teacher output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k-NN accuracy (teacher)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>top-1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>top-5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput and memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>images/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ln K = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Collapse: one output dominates.&lt;/b&gt; Since step %1 the teacher puts nearly all its mass on the same output for every image (entropy %2, entropy of the batch mean %3 nats). Centring is losing to sharpening: lower the learning rate, raise the teacher temperature (--teacher_temp), or keep the last layer frozen longer (--freeze_last_layer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Collapse: uniform output.&lt;/b&gt; Since step %1 the teacher&apos;s entropy is %2 of at most ln K = %3 and KL(teacher || student) is %4: the student has nothing left to learn. Sharpening is too weak: lower --teacher_temp (0.04) or --warmup_teacher_temp, keep --norm_last_layer true, or lower the learning rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the figures of &quot;%1&quot; in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>process memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU tensors</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FigureExportDialog</name>
    <message>
        <source>Export Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export All Figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> dpi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution written into PNG files; the text keeps its size in points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export figure</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>DINO Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run stopped with an error:

%1

The last checkpoint in the output folder is intact; change the settings and press Start to resume from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train with these settings (resumes if the output folder holds a checkpoint)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish the current step, save a checkpoint that resumes there, and stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Output Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy as Command Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Follow a Run Folder...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output folder of a run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume a Run Folder...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output folder of the run to resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no readable config.json. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent &amp;Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load Settings...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot load %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Settings...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export All Figures...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Metrics as CSV...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About DINO Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About DINO Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already holds a checkpoint. Resume that run, or start a new one in a fresh folder?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the current run first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Following %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 files to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped (resumable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A run is training. Stop it (saving a checkpoint to resume from) and quit?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Images...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Weights...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timing steps for the time budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k-NN evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving a checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause after the current step; nothing is saved or lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go on from the step where the run paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The documentation was not installed with this build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste an image (Attention)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the attention computation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 - DINO Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train with these settings (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch %1/%2, step %3/%4, loss %5, %6 images/s, %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DINO Studio %1, %2
Qt %3 (running %4)
LibTorch %5, %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built without a build type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;DINO Studio&lt;/b&gt;&lt;p&gt;Train DINO self-supervised vision transformers and look inside them. The model, loss and schedules follow the reference implementation of Caron et al. (2021).&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetricChart</name>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Figure...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log Scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit to the Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for data...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetricHistory</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <source>DINO Studio chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DINO Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunFollower</name>
    <message>
        <source>%1 is not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds neither metrics.jsonl nor config.json: is it the output folder of a run?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchedulePreview</name>
    <message>
        <source>learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>teacher momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>teacher temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iteration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preview: the data set has fewer images than one batch, or there are no epochs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 iterations per epoch, %2 in all; peak learning rate %3 after the warm-up; the last layer is frozen for the first %4 iterations (shaded).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With the time budget (%1) the run plans when it starts: fewer images an epoch, or more epochs; this shows --epochs %2 of all the images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Figure...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <source>A run is already going.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingPreset</name>
    <message>
        <source>ViT-S/16, the reference README&apos;s run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>main_dino.py&apos;s defaults as the README trains ViT-S/16 on ImageNet (8 GPUs x 64 images, 100 epochs; 69.3% k-NN). Set --data_path to your image folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ViT-S/16, the README&apos;s boosted run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The README&apos;s longer recipe: 300 epochs, teacher temperature warmed from 0.04 to 0.07 over 30 epochs, no weight normalisation of the last layer (73.3% k-NN on ImageNet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ViT-S/16 on one small GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ViT-S/16 with half the per-GPU batch (32) and 6 local crops to cut activation memory, mixed precision on, and a smaller head output (K = 16384); the learning rate still scales with the batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fashion-MNIST demo (CPU, 12 minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A small ViT (width 96, depth 3, 4-pixel patches) on 28 px Fashion-MNIST crops that visibly learns on a CPU within a 12-minute time budget: the run times its first steps and fits as many epochs as the budget allows (docs/fashion-mnist-recipe.md gives the accuracy per budget). Teacher momentum 0.99 because a short run has too few steps for 0.996.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingSetting</name>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DINO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multi-crop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder of class folders (labels kept), a flat folder of images, a text file listing image paths, an MNIST-format folder, or fashion-mnist for the built-in demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use only the first N images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train on the first N images only; 0 uses all of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loader threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width (0: the architecture&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overrides the embedding dimension of --arch; 0 keeps it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depth (0: the architecture&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overrides the number of blocks of --arch; 0 keeps it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heads (0: the architecture&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overrides the attention heads of --arch; 0 keeps them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stochastic depth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head output K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head hidden width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head bottleneck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight-normalise the last layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight-normalise the head&apos;s last layer with g fixed at 1. The reference recommends it for stability; off (the boosted recipe) performs better for ViT-S.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BatchNorm in the head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BatchNorm in the head&apos;s MLP. Off for ViTs; the reference uses it for ResNets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adamw is the reference&apos;s default for ViTs; sgd (momentum 0.9); lars for large batches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate (per 256 images)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight decay (start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight decay (end)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient clipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher temperature (start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature warm-up epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global crop size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side of the two global crops in pixels: 224 for ImageNet, 28 for Fashion-MNIST.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global crop scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local crops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local crop size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side of the local crops in pixels: 96 for ImageNet; at least one patch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local crop scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training epochs: 100 in the reference README, 300 in the boosted recipe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning-rate warm-up epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frozen last layer (epochs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything random follows from it, whatever the number of threads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the model runs: auto (the first GPU, else the CPU), cpu, cuda or cuda:N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto: bf16 autocast on CUDA while --use_fp16 is true, fp32 on the CPU; fp32; bf16; or fp16, autocast with a gradient scaler as the reference&apos;s --use_fp16.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mixed precision (--use_fp16)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --precision auto: mixed precision on CUDA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU threads (0: all cores)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads for the model&apos;s CPU kernels; 0 uses all cores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU matrix products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who computes the linear layers in fp32 on the CPU. auto: oneDNN where LibTorch runs fp32 through it and the CPU is not Intel&apos;s, else ATen&apos;s BLAS (MKL); aten; onednn. dino bench step compares them on your CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoints, config.json, metrics.jsonl, log.txt and train.log. A folder with a checkpoint.pth resumes from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep a checkpoint every N epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also checkpoint every N steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also write checkpoint.pth every N iterations; 0: at the end of each epoch only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress line every N steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command line prints a progress line every N iterations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k-NN evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weighted 20-NN top-1 accuracy of the teacher on a labelled set, before training and after the last epoch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k-NN every N epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also evaluate every N epochs; 0: at the start and the end only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k-NN data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labelled data for k-NN: train/ and val/ class folders or MNIST layout; empty uses --data_path when it has them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k-NN bank size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training images in the k-NN bank; at least 20 (k).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k-NN test images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test images evaluated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads decoding and augmenting images, per GPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ViT size. The reference README trains vit_small; deit_tiny and deit_small, the reference&apos;s other names for vit_tiny and vit_small, are accepted too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pixels per patch side. 8 gives finer attention maps than 16 at about 4x the cost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stochastic depth (drop-path rate) of the student; the teacher has none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dimension K of the DINO head&apos;s output; smaller for small data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width of the DINO head&apos;s MLP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bottleneck before the head&apos;s last layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers of the DINO head&apos;s MLP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak learning rate for a batch of 256, scaled linearly with the batch and reached after the warm-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of the learning rate&apos;s cosine decay (not scaled with the batch).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial weight decay, rising on a cosine to the end value. Biases and norms are exempt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final weight decay of the cosine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per-parameter gradient norm limit; 0 disables clipping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images per step (per GPU).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base EMA momentum of the teacher, raised to 1 by a cosine; lower (0.99) for short runs or small batches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher temperature at epoch 0. Too high makes the teacher&apos;s output uniform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher temperature after the warm-up (0.07 in the boosted recipe; above 0.07 is unstable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs of the linear teacher temperature warm-up (30 in the boosted recipe); at most --epochs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area range of the two global crops, two numbers min max; 0.14 1.0 without local crops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of small local crops; 0 disables multi-crop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area range of the local crops, two numbers min max.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs of the linear learning-rate warm-up from 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The head&apos;s last layer does not train for this many epochs. Raise it if training is unstable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A numbered checkpointNNNN.pth every N epochs; 0 never.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A wall-clock budget such as 10m or 1h30m (empty: none). The run times a few steps first; when the recipe&apos;s epochs do not fit it trains each on fewer images, spread over the data, and when more fit it adds epochs, so that the schedules finish within the budget. A resumed run keeps the plan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Train DINO vision transformers and watch them learn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from the Fashion-MNIST demo settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load settings from a JSON file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the run in an output folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Start once the data is scanned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the run ends, export every figure to a folder and quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output folder of the run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an image in the attention explorer (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights or a training checkpoint for the attention explorer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After ten seconds, save the window as a PNG and quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tab to show: dashboard, schedules, crops, attention or log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
