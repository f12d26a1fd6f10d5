#include "jpeg_rgb.h"

#include <opencv2/imgproc.hpp>

#include <csetjmp>
#include <cstdio>
#include <cstdint>

#include <jpeglib.h>

namespace dino::detail {
namespace {

// libjpeg reports fatal errors through error_exit, which must not return: jump back to the
// decoder, which gives up (and OpenCV takes over). Warnings (corrupt data that libjpeg repairs)
// abandon this path too, so such files get OpenCV's treatment.
struct ErrorManager {
  jpeg_error_mgr base;
  std::jmp_buf jump;
};

[[noreturn]] void on_error(j_common_ptr info) { std::longjmp(reinterpret_cast<ErrorManager*>(info->err)->jump, 1); }

void on_message(j_common_ptr info, int level) {
  if (level < 0) std::longjmp(reinterpret_cast<ErrorManager*>(info->err)->jump, 1);  // a warning
}

uint16_t read16(const unsigned char* p, bool little) { return little ? static_cast<uint16_t>(p[0] | p[1] << 8) : static_cast<uint16_t>(p[0] << 8 | p[1]); }
uint32_t read32(const unsigned char* p, bool little) {
  return little ? static_cast<uint32_t>(p[0] | p[1] << 8 | p[2] << 16 | static_cast<uint32_t>(p[3]) << 24)
                : static_cast<uint32_t>(static_cast<uint32_t>(p[0]) << 24 | p[1] << 16 | p[2] << 8 | p[3]);
}

// The EXIF orientation (TIFF tag 0x0112 in IFD0) of an APP1 "Exif" segment; 1 when absent.
int exif_orientation(const jpeg_saved_marker_ptr markers) {
  for (auto m = markers; m; m = m->next) {
    const unsigned char* d = m->data;
    const size_t n = m->data_length;
    if (m->marker != JPEG_APP0 + 1 || n < 14 || d[0] != 'E' || d[1] != 'x' || d[2] != 'i' || d[3] != 'f') continue;
    const unsigned char* tiff = d + 6;
    const size_t size = n - 6;
    const bool little = tiff[0] == 'I' && tiff[1] == 'I';
    if (!little && !(tiff[0] == 'M' && tiff[1] == 'M')) return 0;  // malformed: let OpenCV decide
    const uint32_t ifd = read32(tiff + 4, little);
    if (ifd + 2 > size) return 0;
    const uint16_t entries = read16(tiff + ifd, little);
    for (uint32_t i = 0; i < entries; ++i) {
      const size_t entry = ifd + 2 + 12 * static_cast<size_t>(i);
      if (entry + 12 > size) return 0;
      if (read16(tiff + entry, little) == 0x0112) return read16(tiff + entry + 8, little);
    }
  }
  return 1;
}

}  // namespace

cv::Mat decode_jpeg_rgb(const std::vector<unsigned char>& bytes) {
  if (bytes.size() < 4 || bytes[0] != 0xFF || bytes[1] != 0xD8) return {};
  jpeg_decompress_struct info{};
  ErrorManager errors{};
  info.err = jpeg_std_error(&errors.base);
  errors.base.error_exit = on_error;
  errors.base.emit_message = on_message;
  // Two phases, each with its own landing point: objects changed between a setjmp and a longjmp
  // back to it have indeterminate values, so the image is created between them, not inside one.
  if (setjmp(errors.jump)) {
    jpeg_destroy_decompress(&info);
    return {};
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, bytes.data(), static_cast<unsigned long>(bytes.size()));
  jpeg_save_markers(&info, JPEG_APP0 + 1, 0xFFFF);
  jpeg_read_header(&info, TRUE);
  const bool grey = info.jpeg_color_space == JCS_GRAYSCALE && info.num_components == 1;
  const bool colour = (info.jpeg_color_space == JCS_YCbCr || info.jpeg_color_space == JCS_RGB) && info.num_components == 3;
  if ((!grey && !colour) || exif_orientation(info.marker_list) != 1) {
    jpeg_destroy_decompress(&info);
    return {};
  }
  info.out_color_space = grey ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_calc_output_dimensions(&info);
  cv::Mat image(static_cast<int>(info.output_height), static_cast<int>(info.output_width), grey ? CV_8UC1 : CV_8UC3);
  if (setjmp(errors.jump)) {  // from here on only the pixels change, not `image` itself
    jpeg_destroy_decompress(&info);
    return {};
  }
  jpeg_start_decompress(&info);
  while (info.output_scanline < info.output_height) {
    JSAMPROW row = image.ptr<unsigned char>(static_cast<int>(info.output_scanline));
    jpeg_read_scanlines(&info, &row, 1);
  }
  jpeg_finish_decompress(&info);
  jpeg_destroy_decompress(&info);
  if (!grey) return image;
  cv::Mat rgb;
  cv::cvtColor(image, rgb, cv::COLOR_GRAY2RGB);
  return rgb;
}

}  // namespace dino::detail
