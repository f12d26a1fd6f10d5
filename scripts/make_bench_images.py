"""Writes N synthetic 500x400 JPEGs (smooth colour fields with texture, quality 90) for
`dino bench augment`, the size the issue's reference figure was measured on.

usage: .venv/bin/python scripts/make_bench_images.py OUT_DIR [N]
"""
import os
import sys

import numpy as np
from PIL import Image, ImageFilter


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 480
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(0)
    for i in range(count):
        noise = rng.integers(0, 256, (100, 125, 3), dtype=np.uint8)
        field = Image.fromarray(noise).resize((500, 400), Image.BICUBIC).filter(ImageFilter.GaussianBlur(3))
        texture = rng.integers(-12, 12, (400, 500, 3))
        pixels = np.clip(np.asarray(field).astype(int) + texture, 0, 255).astype(np.uint8)
        Image.fromarray(pixels).save(os.path.join(out, f"img{i:04d}.jpg"), quality=90)


if __name__ == "__main__":
    main()
