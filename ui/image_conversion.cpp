#include "image_conversion.h"

#include <cstring>

QImage toQImage(const dino::RgbImage& image) {
  QImage out(image.width, image.height, QImage::Format_RGB888);
  const size_t row = static_cast<size_t>(image.width) * 3;
  for (int y = 0; y < image.height; ++y) std::memcpy(out.scanLine(y), image.rgb.data() + row * static_cast<size_t>(y), row);
  return out;
}

dino::RgbImage fromQImage(const QImage& image) {
  const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
  dino::RgbImage out;
  out.width = rgb.width();
  out.height = rgb.height();
  const size_t row = static_cast<size_t>(out.width) * 3;
  out.rgb.resize(row * static_cast<size_t>(out.height));
  for (int y = 0; y < out.height; ++y) std::memcpy(out.rgb.data() + row * static_cast<size_t>(y), rgb.constScanLine(y), row);
  return out;
}
