"""The reference's multi-crop augmentation (DataAugmentationDINO, reference.md §1.3) with Pillow and
numpy, timed on one core: the baseline that `dino bench augment` is compared with in
docs/benchmarks.md. torchvision is not installed here, so its PIL path is written out: the same
Pillow calls in the same order (crop + bicubic resize, flip, ImageEnhance jitter in random order,
HSV hue shift, convert('L'), GaussianBlur, solarize) and ToTensor + Normalize in numpy.

usage: reference_augment_bench.py FOLDER [LOCAL_CROPS]
"""
import math
import os
import random
import sys
import time

import numpy as np
from PIL import Image, ImageEnhance, ImageFilter, ImageOps

MEAN = np.array([0.485, 0.456, 0.406], dtype=np.float32).reshape(3, 1, 1)
STD = np.array([0.229, 0.224, 0.225], dtype=np.float32).reshape(3, 1, 1)


def crop_box(width, height, scale, ratio=(3 / 4, 4 / 3)):
    area = width * height
    for _ in range(10):
        target = area * random.uniform(*scale)
        aspect = math.exp(random.uniform(math.log(ratio[0]), math.log(ratio[1])))
        w = int(round(math.sqrt(target * aspect)))
        h = int(round(math.sqrt(target / aspect)))
        if 0 < w <= width and 0 < h <= height:
            top = random.randint(0, height - h)
            left = random.randint(0, width - w)
            return left, top, w, h
    return 0, 0, width, height


def hue(img, factor):
    h, s, v = img.convert("HSV").split()
    np_h = (np.array(h, dtype=np.int64) + int(factor * 255)) % 256
    return Image.merge("HSV", (Image.fromarray(np_h.astype(np.uint8), "L"), s, v)).convert("RGB")


def view(img, size, scale, blur_p, solarize_p):
    left, top, w, h = crop_box(img.width, img.height, scale)
    out = img.crop((left, top, left + w, top + h)).resize((size, size), Image.BICUBIC)
    if random.random() < 0.5:
        out = out.transpose(Image.FLIP_LEFT_RIGHT)
    if random.random() <= 0.8:
        ops = [lambda x: ImageEnhance.Brightness(x).enhance(random.uniform(0.6, 1.4)),
               lambda x: ImageEnhance.Contrast(x).enhance(random.uniform(0.6, 1.4)),
               lambda x: ImageEnhance.Color(x).enhance(random.uniform(0.8, 1.2)),
               lambda x: hue(x, random.uniform(-0.1, 0.1))]
        random.shuffle(ops)
        for op in ops:
            out = op(out)
    if random.random() < 0.2:
        out = out.convert("L").convert("RGB")
    if random.random() <= blur_p:
        out = out.filter(ImageFilter.GaussianBlur(random.uniform(0.1, 2.0)))
    if random.random() < solarize_p:
        out = ImageOps.solarize(out, 128)
    array = np.asarray(out, dtype=np.float32).transpose(2, 0, 1) / 255.0
    return (array - MEAN) / STD


def main():
    folder = sys.argv[1]
    local_crops = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    files = sorted(os.path.join(folder, f) for f in os.listdir(folder) if not f.startswith("."))
    random.seed(0)
    start = time.perf_counter()
    for path in files:
        img = Image.open(path).convert("RGB")
        view(img, 224, (0.4, 1.0), 1.0, 0.0)
        view(img, 224, (0.4, 1.0), 0.1, 0.2)
        for _ in range(local_crops):
            view(img, 96, (0.05, 0.4), 0.5, 0.0)
    elapsed = time.perf_counter() - start
    print(f"reference augmentation (Pillow + numpy, 1 core): {len(files) / elapsed:.1f} images/s")


if __name__ == "__main__":
    main()
