// Pictures between the core's plain RgbImage and Qt's QImage.
#pragma once

#include <dino/data/rgb_image.h>

#include <QImage>

QImage toQImage(const dino::RgbImage& image);
dino::RgbImage fromQImage(const QImage& image);
